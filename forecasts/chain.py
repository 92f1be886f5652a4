"""Tamper evidence: every forecast, claim, correction, record change and resolution row
carries a link of one SHA-256 hash chain.

Each chained row gets ``chain_seq`` (1, 2, 3, … across all chained tables, in the order
rows were written) and ``chain_hash`` = SHA-256 of the previous link's hash, a newline
and the row's canonical content: ``[table, {column: value}]`` as compact JSON with sorted
keys, every column but the chain's own, columns that are NULL left out (so a nullable
column added by a later migration leaves old links valid). Values are read as the
database driver returns them, with no type conversion (so a value someone wrote that is
not even a date is still just a different value): SQLite's stored text and numbers as
they are; PostgreSQL's dates and times in ISO form (times in UTC); floats as Python's
shortest round-trip ``repr``. The first link's previous hash is 64 zeros.

Writers seal their own rows just before they commit, under the write lock
(``forecasts.db``): rows whose id is above the table's highest id when the transaction
began. A row slipped into the file between two commands is therefore never sealed by
the next one, and ``verify`` names it. ``verify`` recomputes every link from the stored
previous hash and reports the first row that was edited, deleted (a gap in the
sequence) or inserted out of order; ``head`` is what the leaderboard and exports print
(``SEQ:HASH``), so a published table can be checked against a later copy of the record
(``verify --head SEQ:HASH``): rewriting history before that link, even with every hash
recomputed, changes the hash found at SEQ.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

import re

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from trackrecord.forecasts.errors import InvalidInput, Tampered

#: The chained tables, in the order a transaction's new rows are sealed.
TABLES = ("claim", "forecast", "forecast_change", "record_change", "resolution")
GENESIS = "0" * 64
CHAIN_COLUMNS = ("chain_seq", "chain_hash")


def _value(value):
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return value


def link(previous: str, table: str, row: dict) -> str:
    """The chain hash of ``row`` of ``table`` after the link ``previous``."""
    content = {name: _value(value) for name, value in row.items() if name not in CHAIN_COLUMNS and value is not None}
    canonical = json.dumps([table, content], sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(f"{previous}\n{canonical}".encode()).hexdigest()


def _json_text(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def sqlite_forecast_links(previous: str, first_id: int, rows: list[tuple]) -> list[str]:
    """``link`` of each forecast row as the SQLite bulk writer stores it, faster: ``rows``
    are (probability, made_on text, quote, source, phrase, scale, note, claim_id,
    expert_id, recorded_at text) with ids ``first_id``, ``first_id + 1``, …; the
    canonical JSON is put together directly, byte for byte what ``link`` would build
    (tested against it). Returns the hashes, each chained on the one before."""
    sha256 = hashlib.sha256
    hashes = []
    dates: dict[str, str] = {}  # made_on and recorded_at repeat: each is encoded once
    for offset, (probability, day, quote, source, phrase, scale, note, claim_id, expert_id, stamp) in enumerate(rows):
        made_on = dates.get(day) or dates.setdefault(day, _json_text(day))
        recorded_at = dates.get(stamp) or dates.setdefault(stamp, _json_text(stamp))
        parts = [f'"claim_id":{claim_id}', f'"expert_id":{expert_id}', f'"id":{first_id + offset}', f'"made_on":{made_on}']
        if note is not None:
            parts.append(f'"note":{_json_text(note)}')
        if phrase is not None:
            parts.append(f'"phrase":{_json_text(phrase)}')
        parts.append(f'"probability":"{probability!r}"')
        if quote is not None:
            parts.append(f'"quote":{_json_text(quote)}')
        parts.append(f'"recorded_at":{recorded_at}')
        if scale is not None:
            parts.append(f'"scale":{_json_text(scale)}')
        if source is not None:
            parts.append(f'"source":{_json_text(source)}')
        previous = sha256(f'{previous}\n["forecast",{{{",".join(parts)}}}]'.encode()).hexdigest()
        hashes.append(previous)
    return hashes


def marks(connection: Connection, tables: tuple[str, ...] = TABLES) -> dict[str, int]:
    """Each chained table's (or each of ``tables``') highest id now: rows above it are the
    transaction's own."""
    query = sa.text("SELECT " + ", ".join(f"(SELECT COALESCE(MAX(id), 0) FROM {name})" for name in tables))
    return dict(zip(tables, connection.execute(query).one()))


def head(connection: Connection) -> tuple[int, str]:
    """The last link: (its sequence number, its hash); (0, 64 zeros) for an empty chain."""
    query = sa.text(" UNION ALL ".join(f"SELECT * FROM (SELECT chain_seq, chain_hash FROM {name} WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1) AS t_{name}" for name in TABLES))
    links = connection.execute(query).all()
    return max(links, default=(0, GENESIS))


def shown_head(connection: Connection) -> str:
    """``SEQ:HASH`` of the last link, as printed under leaderboards and in exports."""
    seq, hash_ = head(connection)
    return f"{seq}:{hash_}"


def seal(connection: Connection, since: dict[str, int]) -> int:
    """Link the rows written since ``since`` (``marks`` at the transaction's start); returns how many."""
    seq, previous = head(connection)
    sealed = 0
    for name in TABLES:
        rows = connection.execute(
            sa.text(f"SELECT * FROM {name} WHERE id > :mark AND chain_hash IS NULL ORDER BY id"), {"mark": since[name]}
        ).mappings().all()
        updates = []
        for row in rows:
            seq += 1
            previous = link(previous, name, dict(row))
            updates.append({"row_id": row["id"], "seq": seq, "hash": previous})
        if updates:
            connection.execute(sa.text(f"UPDATE {name} SET chain_seq = :seq, chain_hash = :hash WHERE id = :row_id"), updates)
            sealed += len(updates)
    return sealed


@dataclass(frozen=True)
class Verdict:
    """What ``verify`` found: ``problem`` is None when every link holds."""

    links: int
    head: str
    problem: str | None = None


def verify(connection: Connection, published: str | None = None) -> Verdict:
    """Recompute the chain; the first broken link, or a mismatch with ``published`` (SEQ:HASH)."""
    entries = []
    for name in TABLES:
        for row in connection.execute(sa.text(f"SELECT * FROM {name} ORDER BY id")).mappings():
            entries.append((row["chain_seq"], name, dict(row)))
    unsealed = [(name, row["id"]) for seq, name, row in entries if row["chain_seq"] is None or row["chain_hash"] is None]
    chained = sorted((entry for entry in entries if entry[0] is not None and entry[2]["chain_hash"] is not None), key=lambda e: e[0])
    previous, expected, found = GENESIS, 1, {}
    for seq, name, row in chained:
        where = f"{name} {row['id']} (link {seq})"
        if seq < expected:
            return Verdict(len(chained), "", f"{where} repeats link {seq}: a row was inserted out of order")
        if seq > expected:
            missing = f"link {expected}" if seq == expected + 1 else f"links {expected}..{seq - 1}"
            return Verdict(len(chained), "", f"{missing} before {where} {'is' if seq == expected + 1 else 'are'} missing: a row was deleted")
        if link(previous, name, row) != row["chain_hash"]:
            return Verdict(len(chained), "", f"{where} differs from what was recorded: it was edited after it was written")
        previous, expected = row["chain_hash"], seq + 1
        found[seq] = previous
    shown = f"{expected - 1}:{previous}"
    if unsealed:
        name, row_id = unsealed[0]
        return Verdict(len(chained), shown, f"{name} {row_id} is not in the chain: it was inserted behind trackrecord's back")
    if published is not None:
        seq_text, _, hash_ = published.partition(":")
        seq = int(seq_text)
        if seq not in found and not (seq == 0 and hash_ == GENESIS):
            return Verdict(len(chained), shown, f"the published head {published} is not in this record (its chain has {len(chained)} links): rows were deleted or rewritten")
        if seq and found[seq] != hash_:
            return Verdict(len(chained), shown, f"link {seq} is {found[seq]}, not the published {hash_}: the history before it was rewritten")
    return Verdict(len(chained), shown)


def check_record(connection: Connection, published: str | None = None) -> Verdict:
    """``verify``, raising ``Tampered`` for a broken chain (InvalidInput for a malformed head)."""
    if published is not None and not re.fullmatch(r"\d{1,18}:[0-9a-f]{64}", published.strip().lower()):
        raise InvalidInput(f"--head {published!r} is not SEQ:HASH (a link number, a colon and 64 hexadecimal digits, as printed under a leaderboard)")
    verdict = verify(connection, None if published is None else published.strip().lower())
    if verdict.problem:
        raise Tampered(f"the record's chain is broken: {verdict.problem}")
    return verdict
