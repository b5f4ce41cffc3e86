"""Global identity of the records that travel (issue 16 item 1): the committee they were made by, and a
row version that says which of two copies of a record is the newer.

``origin``: the committee id (a UUID made once per data folder by migration 0010, settings
``COMMITTEE_ID_SETTING``) of the committee that made the row. Filled on insert from the database's own
setting (read once per connection); a row imported from elsewhere (a hub's) comes with its own.

``row_version``: a number from one counter per database (``change_counter``), taken once per transaction
that writes a travelling row and stamped on every row that transaction inserts or updates. Why one
counter rather than a counter per row or ``updated_at``:
- it is also the exchange's since-mark: a package carries the rows whose ``row_version`` is above the mark
  the hub acknowledged, and names the counter's value when it was read as its own mark; a per-row
  counter would need a per-row "sent" state instead;
- a PC's clock is not to be trusted (wrong dates on village PCs, the demo replays past days), and two
  writes may fall in one clock tick; the counter only grows, and SQLite takes it under the write lock
  (BEGIN IMMEDIATE), so a committed row's number is above every mark read before it committed;
- for one record it grows with every change, so the hub compares two copies by it (the village is the
  only writer of its records: "the village owns its cases").

Stamped by SQLAlchemy as column defaults (``default``/``onupdate``), so the ORM's flushes, the
repositories' bulk statements and storage/bulk.py all stamp; nothing writes these tables past
SQLAlchemy (storage/sealing_upgrade.py rewrites sealed values in place, not what they hold).

A deleted travelling row (an elder or a role person never used, a person taken off a case) leaves a
tombstone (``exchange_tombstones``) with its own row version, so that the next package tells the hub.
"""

from __future__ import annotations

from sqlalchemy import Engine, event, insert, text

COMMITTEE_ID_SETTING = "committee_id"
COUNTER_TABLE = "change_counter"
TOMBSTONE_TABLE = "exchange_tombstones"

_STAMP = "xinye_row_version"  # connection info: the number the open transaction stamps with
_ORIGIN = "xinye_committee_id"  # connection info: this database's committee id


def next_row_version(context) -> int:
    """The open transaction's row version: the counter advanced once, on its first travelling write."""
    conn = context.connection
    stamp = conn.info.get(_STAMP)
    if stamp is None:
        stamp = conn.exec_driver_sql(
            f"UPDATE {COUNTER_TABLE} SET value = value + 1 WHERE id = 1 RETURNING value").scalar()
        if stamp is None:  # no counter row (a database made by hand): start one
            conn.exec_driver_sql(f"INSERT INTO {COUNTER_TABLE} (id, value) VALUES (1, 1)")
            stamp = 1
        conn.info[_STAMP] = stamp
    return stamp


def committee_origin(context) -> str | None:
    """This database's committee id, for a row inserted without an origin."""
    conn = context.connection
    origin = conn.info.get(_ORIGIN)
    if origin is None:
        origin = conn.execute(text("SELECT value FROM settings WHERE key = :key"),
                              {"key": COMMITTEE_ID_SETTING}).scalar()
        if origin:
            conn.info[_ORIGIN] = origin
    return origin


def _forget_stamp(conn, *_args) -> None:
    conn.info.pop(_STAMP, None)


# Every engine: the stamp lives as long as its transaction (a savepoint rolled back may have taken the
# counter's step back with it, so the rest of the transaction takes a new one).
for _name in ("commit", "rollback", "rollback_savepoint"):
    event.listen(Engine, _name, _forget_stamp)


def install_tombstones(base, travelling: frozenset[str]) -> None:
    """A tombstone for every ORM delete of a row of a ``travelling`` table (see the module's docstring)."""

    @event.listens_for(base, "after_delete", propagate=True)
    def _after_delete(_mapper, connection, target):
        table = target.__table__
        if table.name not in travelling:
            return
        from .clock import utcnow

        connection.execute(insert(base.metadata.tables[TOMBSTONE_TABLE]).values(
            table_name=table.name, uuid=target.uuid, origin=target.origin, deleted_at=utcnow()))
