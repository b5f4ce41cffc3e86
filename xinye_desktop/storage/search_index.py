"""The full-text index of the ledger: an FTS5 table with the trigram tokenizer over each case's number,
party names and facts (tech-notes.md), kept in step with ``cases`` by triggers. On PostgreSQL (the hub of
issue 16) the same search is a GIN index of pg_trgm's trigrams over the searched columns
(``POSTGRESQL_SEARCH``): ``LIKE '%...%'`` on those columns uses it, and the server keeps it up to date.

It is not an ORM table: SQLAlchemy cannot describe a virtual table, so migration 0006 creates it and
its triggers by hand, and the schema comparisons (Alembic's autogenerate, tests) leave these names out.
A later migration that rebuilds ``cases`` (batch mode copies the table) drops the triggers with it and
must create them again: ``TRIGGERS`` is the text to run.
"""

from __future__ import annotations

FTS_TABLE = "cases_fts"
# FTS5 keeps its data in shadow tables named after the virtual table.
_SHADOW_SUFFIXES = ("_data", "_idx", "_content", "_docsize", "_config")

CREATE_TABLE = (f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(case_number, party_names, facts, "
                "content='cases', content_rowid='id', tokenize='trigram')")
TRIGGERS = (
    f"""CREATE TRIGGER {FTS_TABLE}_ai AFTER INSERT ON cases BEGIN
        INSERT INTO {FTS_TABLE}(rowid, case_number, party_names, facts)
        VALUES (new.id, new.case_number, new.party_names, new.facts);
    END""",
    f"""CREATE TRIGGER {FTS_TABLE}_ad AFTER DELETE ON cases BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, case_number, party_names, facts)
        VALUES ('delete', old.id, old.case_number, old.party_names, old.facts);
    END""",
    f"""CREATE TRIGGER {FTS_TABLE}_au AFTER UPDATE OF case_number, party_names, facts ON cases BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, case_number, party_names, facts)
        VALUES ('delete', old.id, old.case_number, old.party_names, old.facts);
        INSERT INTO {FTS_TABLE}(rowid, case_number, party_names, facts)
        VALUES (new.id, new.case_number, new.party_names, new.facts);
    END""",
)
REBUILD = f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')"
# Trigram needs three characters: shorter words are matched with LIKE on the table itself.
MIN_FTS_LENGTH = 3


# PostgreSQL: pg_trgm is a "trusted" extension (PostgreSQL 13+), so the database's owner may create it without
# superuser rights. One multicolumn GIN index serves a word looked for in any of the columns (a BitmapOr).
# Its trigrams of Chinese characters need a database whose LC_CTYPE classifies them as letters (C.UTF-8,
# zh_CN.UTF-8); under LC_CTYPE=C pg_trgm makes none and LIKE still answers, by reading the whole table.
TRIGRAM_INDEX = "ix_cases_search_trgm"
TRIGRAM_COLUMNS = ("case_number", "party_names", "party_initials", "facts")
POSTGRESQL_SEARCH = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    f"CREATE INDEX {TRIGRAM_INDEX} ON cases USING gin ("
    + ", ".join(f"{column} gin_trgm_ops" for column in TRIGRAM_COLUMNS) + ")",
)
# The hub's ledger (storage/hub_queries.py) looks for a word in the villages' 案号: the same kind of index on
# hub_rows.case_number, made by migration 0013 on PostgreSQL (SQLite reads the cases' index entries instead).
HUB_TRIGRAM_INDEX = "ix_hub_rows_case_number_trgm"


def is_search_index(name: str | None) -> bool:
    """True for the FTS table and its shadow tables, and for PostgreSQL's trigram index: made by hand, not by
    the ORM, so left out of ORM schema comparisons."""
    return bool(name) and (name in (FTS_TABLE, TRIGRAM_INDEX, HUB_TRIGRAM_INDEX)
                           or any(name == FTS_TABLE + s for s in _SHADOW_SUFFIXES))


def fts_phrase(word: str) -> str:
    """One word as an FTS5 string (a phrase): quotes doubled, so no word is read as query syntax."""
    return '"' + word.replace('"', '""') + '"'
