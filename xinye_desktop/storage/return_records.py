"""The village's copy of what its 司法所 sent back (issue 16 item 4, migration 0014; services/exchange/
returns_import.py): the hub's latest review decision per case, as the return package brought it.

One row per case (the case's uuid: the hub names the village's cases by it, and a decision may come for a
case the village since deleted), replaced when a newer return package brings another review. Not a
travelling table: it is the hub's word, never sent up again. The free text (the reason, who reviewed) is
sealed with the village's data key where there is one, as the village's other personal fields.

A Core table on the ORM's metadata (records.py calls ``define``), as storage/hub_records.py's.
"""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, Text

RETURN_TABLES = ("return_decisions",)


def define(metadata: MetaData) -> None:
    Table(
        "return_decisions", metadata,
        Column("id", Integer, primary_key=True),
        Column("case_uuid", String(36), nullable=False, unique=True),
        Column("case_number", String(40), nullable=False),
        Column("grade", String(16), nullable=False),  # 以案定补: ordinary / difficult / major / ""
        Column("decision", String(16), nullable=False),  # approved / returned / "" (graded only)
        Column("reason", Text, nullable=False),  # sealed with the data key where there is one
        Column("reason_withheld", Integer, nullable=False),  # 1: the hub had no key to seal it to, so did not send it
        Column("reviewed_by", Text, nullable=False),  # sealed as the reason
        Column("reviewed_at", DateTime, nullable=False),
        Column("office", String(100), nullable=False),  # 新野县王庄镇司法所
        Column("review_id", Integer, nullable=False),  # the hub's own id of the review
        Column("return_sequence", Integer, nullable=False),  # the return package that brought it
        Column("received_at", DateTime, nullable=False),
    )
