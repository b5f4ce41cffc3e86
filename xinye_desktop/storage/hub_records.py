"""The hub's own tables (issue 16 item 3): what a 司法所 or 司法局 holds of the villages' packages.

Why the villages' rows are not put into the hub's ``cases``, ``parties``... tables: those hold one
committee's records (a case number is unique in ``cases``, and two villages number their cases alike:
（2026）新调字第001号 in both), their personal columns are sealed with that committee's data key, and their
``row_version`` is stamped from the hub's own counter, which would overwrite the village's. Here each
village row is kept as the village sent it, read-only (only an import writes it):

- ``hub_rows``: one row per village record, keyed by (committee, table, uuid) so that two committees'
  rows never meet, even with equal uuids (a PC cloned for a second village); its clear fields and its
  references (uuids) as JSON, its personal fields as the package sealed them to the hub's key (the
  package's ephemeral key, in ``hub_packages``, opens them with the hub's private key), the village's row
  version (the newer-or-older test), the case it belongs to and its case number (for the ledger and the
  case-number check), and a tombstone's version when the village deleted it (kept, never deleted here);
- ``hub_committees``: each village committee, its Ed25519 key registered on its first package (trust
  on first use; ``confirmed_at`` once its fingerprint was compared by phone);
- ``hub_packages``: each package imported (its manifest's SHA-256 makes a second import a no-op);
- ``hub_figures``: a committee's month figures (or zero report), from the newest package for the month;
- ``hub_documents``: the archived documents, kept sealed to the hub's key in the hub's folder;
- ``hub_flags``: what a person must look at (a case changed at the village after the hub reviewed it,
  two committees using one case number, rows older than the hub's);
- ``hub_reviews``: the hub's own annotations of a village case (以案定补 grade, approved or returned), one
  row per review, never changed: the village's row is not edited;
- ``hub_returns``: the return packages written for each committee (services/hub/returns.py), numbered;
- ``hub_roster``: the hub's own 花名册 of role people for its villages (联村干警, 见证人 of the township's
  departments; services/hub/roster.py), for every village or for one committee, sent down in the return
  packages; its name and phone sealed with the hub's data key, a version per person, retired, never deleted;
- ``hub_revoked_keys``: the committees' signing keys a clerk revoked (services/hub/committees.py: the village
  PC lost or stolen, its key leaked): a package signed by one of them is refused, whichever committee it
  names, and the committee's next package signed by a new key registers that key (trust on first use again).

No foreign keys to the committee tables beyond the committee itself: a flag or a review stays readable
whatever happens to the rows it names.

Core tables made on the ORM's metadata by ``define`` (storage/records.py calls it), not mapped classes: the
import writes them in bulk statements (storage/hub_repositories.py), and this module need not import
records.py, which imports it (no cycle of modules).
"""

from __future__ import annotations

from sqlalchemy import (
    Column, DateTime, ForeignKey, Index, Integer, LargeBinary, MetaData, String, Table, Text, UniqueConstraint, text,
)

from .clock import utcnow

# The partial indexes' WHERE, repeated word for word by the queries that use them (storage/hub_queries.py).
LIVE_ROWS = "deleted_version IS NULL"
LIVE_DATED = "deleted_version IS NULL AND effective_on IS NOT NULL"

HUB_TABLES = ("hub_committees", "hub_packages", "hub_rows", "hub_figures", "hub_documents", "hub_flags",
              "hub_reviews", "hub_returns", "hub_revoked_keys", "hub_document_data", "hub_roster")


def define(metadata: MetaData) -> None:
    """Add the hub's tables to ``metadata`` (the ORM's: one schema, one set of Alembic revisions)."""
    Table(
        "hub_committees", metadata,
        Column("id", String(36), primary_key=True),  # the committee's own id (its settings' committee_id)
        Column("name", String(100), nullable=False),
        Column("township", String(30), nullable=False, default=""),
        Column("village", String(30), nullable=False, default=""),
        Column("signing_key", String(64), nullable=False),  # base64 of the Ed25519 public key
        Column("fingerprint", String(24), nullable=False),
        Column("registered_at", DateTime, nullable=False, default=utcnow),
        Column("registered_by", String(30), nullable=False, default=""),
        Column("confirmed_at", DateTime),  # its fingerprint compared by phone
        Column("confirmed_by", String(30), nullable=False, default=""),
        # The village's change mark up to which the hub holds every change (what a return package acknowledges).
        Column("acknowledged", Integer, nullable=False, default=0),
        Column("highest_up_to", Integer, nullable=False, default=0),  # the highest mark of any package imported
        Column("last_package_at", DateTime),
        # The village's X25519 key its packages name (migration 0014): the return package's free text is sealed to it.
        Column("return_key", String(64)),
    )
    Table(
        "hub_packages", metadata,
        Column("id", Integer, primary_key=True),
        Column("committee_id", String(36), ForeignKey("hub_committees.id"), nullable=False, index=True),
        Column("manifest_sha256", String(64), nullable=False, unique=True),
        Column("file_name", String(255), nullable=False),
        Column("period", String(7), nullable=False),  # the month of its figures, "2026-12"
        Column("since", Integer, nullable=False),
        Column("up_to", Integer, nullable=False),
        Column("created_at", String(32), nullable=False),  # as the manifest says (the village PC's clock)
        Column("imported_at", DateTime, nullable=False, default=utcnow),
        Column("imported_by", String(30), nullable=False, default=""),
        Column("ephemeral_key", String(64), nullable=False),  # base64 X25519: opens the personal fields it brought
        Column("summary", Text, nullable=False),  # JSON: what the import did
    )
    Table(
        "hub_rows", metadata,
        Column("id", Integer, primary_key=True),
        Column("committee_id", String(36), ForeignKey("hub_committees.id"), nullable=False),
        Column("table_name", String(40), nullable=False),
        Column("uuid", String(36), nullable=False),
        Column("origin", String(36)),
        Column("row_version", Integer, nullable=False),
        Column("fields", Text, nullable=False),  # JSON object: the clear fields
        Column("refs", Text, nullable=False, default="{}"),  # JSON object: column -> the referenced row's uuid
        Column("personal", Text),  # as sealed in the package (base64); NULL for a table without personal fields
        Column("package_id", Integer, ForeignKey("hub_packages.id"), nullable=False),  # the package of this version
        Column("case_uuid", String(36)),
        Column("case_number", String(40)),
        Column("deleted_version", Integer),  # the village's tombstone, once it deleted the row
        Column("deleted_at", String(32)),
        Column("imported_at", DateTime, nullable=False, default=utcnow),
        # Indexed copies of a few clear fields (migration 0013; domain/hub_overview.derived_columns says which
        # field of which table): what the hub's 台账, statistics and lists filter, group and sort by, so that
        # a county's 750,000 cases are not read through their JSON.
        Column("village_uuid", String(36)),
        Column("day", String(10)),  # ISO date: a case's 受理日期, a visit's due day, a 排查's day
        Column("state", String(32)),  # a case's status, a visit's pending/visited/cancelled, an elder's
        Column("kind", String(32)),  # a case's dispute type, an elder's identity
        Column("effective_on", String(10)),  # a case's agreement in effect since (the 司法确认 window)
        UniqueConstraint("committee_id", "table_name", "uuid", name="uq_hub_rows_committee_table_uuid"),
        Index("ix_hub_rows_committee_case", "committee_id", "case_uuid"),
        # A case number looked up (the import's check of two committees' numbers), or looked for with LIKE by
        # the ledger's search: on SQLite a scan of this index alone (migration 0013 gave it the other columns).
        Index("ix_hub_rows_case_number", "table_name", "case_number", "deleted_version"),
        # The rows the village still has: the ledger's range and order, and covering for the statistics'
        # GROUP BY of a period's cases (deleted_version, always NULL here, is in it because SQLite reads a
        # column the query names from the table unless the index holds it, the partial index's WHERE too).
        Index("ix_hub_rows_live", "table_name", "day", "committee_id", "village_uuid", "state", "kind",
              "deleted_version", sqlite_where=text(LIVE_ROWS), postgresql_where=text(LIVE_ROWS)),
        Index("ix_hub_rows_effective", "table_name", "effective_on",
              sqlite_where=text(LIVE_DATED), postgresql_where=text(LIVE_DATED)),
    )
    Table(
        "hub_figures", metadata,
        Column("committee_id", String(36), ForeignKey("hub_committees.id"), primary_key=True),
        Column("period", String(7), primary_key=True),
        Column("package_id", Integer, ForeignKey("hub_packages.id"), nullable=False),
        Column("up_to", Integer, nullable=False),
        Column("zero_report", Integer, nullable=False, default=0),  # 1: no dispute that month (零报告)
        Column("figures", Text, nullable=False),  # JSON, as the village computed them
    )
    Table(
        "hub_documents", metadata,
        Column("id", Integer, primary_key=True),
        Column("committee_id", String(36), ForeignKey("hub_committees.id"), nullable=False),
        Column("path", String(255), nullable=False),  # where the village keeps it (what its rows name)
        Column("sha256", String(64), nullable=False),  # of the clear file
        Column("size", Integer, nullable=False),
        Column("stored", String(255), nullable=False),  # under the hub's data folder, sealed to the hub's key
        Column("binding", String(40), nullable=False),  # the name its seal is bound to (its member in the package)
        Column("package_id", Integer, ForeignKey("hub_packages.id"), nullable=False),
        UniqueConstraint("committee_id", "path", "sha256", name="uq_hub_documents_committee_path_sha256"),
    )
    Table(
        "hub_flags", metadata,
        Column("id", Integer, primary_key=True),
        Column("kind", String(32), nullable=False),
        Column("committee_id", String(36)),
        Column("table_name", String(40)),
        Column("uuid", String(36)),
        Column("case_number", String(40)),
        Column("detail", Text, nullable=False),  # JSON
        Column("package_id", Integer),
        Column("created_at", DateTime, nullable=False, default=utcnow),
        Column("resolved_at", DateTime),
        Column("resolved_by", String(30), nullable=False, default=""),
        Column("resolution", Text, nullable=False, default=""),
        Index("ix_hub_flags_committee_kind", "committee_id", "kind"),
    )
    Table(
        "hub_reviews", metadata,
        Column("id", Integer, primary_key=True),
        Column("committee_id", String(36), ForeignKey("hub_committees.id"), nullable=False),
        Column("case_uuid", String(36), nullable=False),
        Column("grade", String(16), nullable=False, default=""),  # 以案定补: ordinary / difficult / major
        Column("decision", String(16), nullable=False, default=""),  # approved / returned / "" (graded only)
        Column("reason", Text, nullable=False, default=""),
        Column("reviewed_by", String(30), nullable=False, default=""),
        Column("reviewed_at", DateTime, nullable=False, default=utcnow),
        # The case's newest row version (its own row and the rows under it) the hub held when it reviewed: a
        # package bringing a newer one means the village changed the case after the review.
        Column("based_on_version", Integer, nullable=False),
        Index("ix_hub_reviews_committee_case", "committee_id", "case_uuid"),
    )
    Table(
        # Each return package written for a committee (issue 16 item 4, migration 0014): its sequence number
        # (the village refuses one not newer than the last it imported) and what it carried.
        "hub_returns", metadata,
        Column("id", Integer, primary_key=True),
        Column("committee_id", String(36), ForeignKey("hub_committees.id"), nullable=False),
        Column("sequence", Integer, nullable=False),
        Column("file_name", String(255), nullable=False),
        Column("manifest_sha256", String(64), nullable=False),
        Column("acknowledged", Integer, nullable=False),
        Column("decisions", Integer, nullable=False),
        Column("written_at", DateTime, nullable=False, default=utcnow),
        Column("written_by", String(30), nullable=False, default=""),
        UniqueConstraint("committee_id", "sequence", name="uq_hub_returns_committee_sequence"),
    )
    Table(
        # A committee's signing key revoked by a clerk (migration 0015), never deleted: the key is refused on
        # any package from then on. The committee's row keeps the revoked key until a package signed by a
        # new one registers that (services/hub/importer.py); its return key (X25519) is kept here, as the
        # committee's row forgets it: the stolen PC holds its private half.
        "hub_revoked_keys", metadata,
        Column("id", Integer, primary_key=True),
        Column("committee_id", String(36), ForeignKey("hub_committees.id"), nullable=False),
        Column("signing_key", String(64), nullable=False),  # base64 of the Ed25519 public key
        Column("fingerprint", String(24), nullable=False),
        Column("return_key", String(64)),
        Column("revoked_at", DateTime, nullable=False, default=utcnow),
        Column("revoked_by", String(30), nullable=False, default=""),
        Column("reason", Text, nullable=False),
        UniqueConstraint("committee_id", "signing_key", name="uq_hub_revoked_keys_committee_key"),
        Index("ix_hub_revoked_keys_signing_key", "signing_key"),
    )
    # On PostgreSQL the sealed documents themselves (a county office: several clerks' PCs over one server,
    # each with its own data folder, so a file on one PC would be missing on the others; and pg_dump then
    # backs them up with the rows). On SQLite (one PC) they stay files under the data folder: empty here.
    Table(
        "hub_document_data", metadata,
        Column("stored", String(255), primary_key=True),  # hub_documents.stored: the same name either way
        Column("committee_id", String(36), ForeignKey("hub_committees.id"), nullable=False),
        Column("data", LargeBinary, nullable=False),  # sealed to the hub's key, as the file would be
    )
    Table(
        # The hub's roster (花名册) of role people its villages use (migration 0017, services/hub/roster.py): a
        # 联村干警 (a 主持人 of the police kind) or a 见证人 of a township department, for every village of the
        # hub (committee_id and township NULL), for a township's villages (a 司法局's) or for one committee. Name and phone sealed with the hub's data key
        # (storage/sealing.py SEALED_COLUMNS); ``version`` goes up with each change (the village takes a
        # person again only when it is newer than the one it took); retired, never deleted.
        "hub_roster", metadata,
        Column("id", Integer, primary_key=True),
        Column("uuid", String(36), nullable=False, unique=True),  # the village's role_people.uuid for this person
        Column("committee_id", String(36), ForeignKey("hub_committees.id")),  # NULL: the villages below
        Column("township", String(30)),  # without a committee: that township's villages (NULL: every village)
        Column("role", String(16), nullable=False),  # domain/roles.Role code: host or witness
        Column("host_kind", String(16)),  # domain/roles.HostKind code of a host (link_police ...)
        Column("name", Text, nullable=False),  # sealed
        Column("unit", String(60), nullable=False, default=""),
        Column("post", String(30), nullable=False, default=""),
        Column("phone", Text, nullable=False, default=""),  # sealed
        Column("retired", Integer, nullable=False, default=0),
        Column("version", Integer, nullable=False, default=1),
        Column("created_at", DateTime, nullable=False, default=utcnow),
        Column("updated_at", DateTime, nullable=False, default=utcnow),
        Column("updated_by", String(30), nullable=False, default=""),
        Index("ix_hub_roster_committee", "committee_id"),
    )
