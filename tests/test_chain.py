"""Tamper evidence: the hash chain over claims, forecasts, changes and resolutions.

A record is built through the CLI; the tampering then goes behind the product's back,
straight into the database through SQLAlchemy (the SQLite file or the PostgreSQL
database), as someone with access to the file or server could. ``verify`` must name the
first row touched; a rewrite that recomputes every hash is caught by the published head.
"""

from __future__ import annotations

import hashlib
import json
import re

import pytest
import sqlalchemy as sa

from conftest import assert_error, days, engine_of


@pytest.fixture
def record(ok):
    ok("expert", "add", "Ada Okafor")
    ok("expert", "add", "Bo Lindqvist")
    ok("question", "add", "talks", "Talks by June?", "--kind", "binary", "--deadline", days(-20))
    ok("question", "add", "venue", "Where?", "--kind", "choice", "--option", "Baku", "--option", "Geneva", "--deadline", days(-20))
    ok("question", "add", "summit", "When?", "--kind", "date")
    ok("forecast", "add", "Ada Okafor", "talks", "0.7", "--made-on", days(-60))
    ok("forecast", "add", "Bo Lindqvist", "talks", "unlikely", "--made-on", days(-59))
    ok("forecast", "add", "Ada Okafor", "venue", "0.6", "--option", "Baku", "--made-on", days(-58))
    ok("forecast", "add", "Bo Lindqvist", "summit", "0.4", "--window", f"{days(-50)}..{days(-30)}", "--made-on", days(-57))
    ok("forecast", "correct", "2", "--probability", "0.25", "--reason", "misread the quote")
    ok("expert", "rename", "Bo Lindqvist", "Bo Lindqvist-Berg", "--reason", "married")
    ok("resolve", "talks", "yes", "--on", days(-10))
    ok("resolve", "venue", "Baku", "--on", days(-10))


def head_of(ok) -> str:
    out = ok("verify")
    match = re.fullmatch(r"The record's chain holds: (\d+) links, head (\d+:[0-9a-f]{64})\.\n", out)
    assert match, out
    return match.group(2)


def tamper(db_path, *statements: str) -> None:
    with engine_of(db_path).begin() as connection:
        for statement in statements:
            connection.execute(sa.text(statement))


def test_an_untouched_record_verifies_and_its_leaderboard_prints_the_head(ok, record):
    head = head_of(ok)
    # 3 question claims + 2 option claims... every claim, forecast, change and resolution is one link:
    # claims: talks yes, venue Baku, venue Geneva, the summit window; forecasts 4 + 1 correction copy;
    # forecast_change 1; record_change 1 (rename); resolutions 2
    assert head.startswith("13:")
    board = ok("leaderboard")
    assert f"Record chain head: {head}\n" in board
    assert ok("verify", "--head", head).startswith("The record's chain holds: 13 links")


def test_each_link_is_sha256_of_the_previous_hash_and_the_rows_canonical_json(ok, record, db_path):
    with engine_of(db_path).connect() as connection:
        rows = connection.execute(sa.text("SELECT * FROM forecast ORDER BY chain_seq")).mappings().all()
        previous_seq = rows[0]["chain_seq"] - 1
        previous = "0" * 64
        for name in ("claim", "forecast", "forecast_change", "record_change", "resolution"):
            found = connection.execute(sa.text(f"SELECT chain_hash FROM {name} WHERE chain_seq = :seq"), {"seq": previous_seq}).all()
            if found:
                previous = found[0][0]
    first = rows[0]
    content = {
        "claim_id": first["claim_id"], "expert_id": first["expert_id"], "id": first["id"], "made_on": days(-60),
        "probability": "0.7", "recorded_at": _iso_utc(first["recorded_at"]),
    }
    canonical = json.dumps(["forecast", content], sort_keys=True, separators=(",", ":"))
    assert first["chain_hash"] == hashlib.sha256(f"{previous}\n{canonical}".encode()).hexdigest()


def _iso_utc(value) -> str:
    import datetime as dt

    if isinstance(value, str):  # SQLite: the stored text, hashed as it is
        return value
    return value.astimezone(dt.timezone.utc).replace(tzinfo=None).isoformat(sep=" ")


TAMPERINGS = [
    ("a probability edited", ["UPDATE forecast SET probability = 0.99 WHERE id = 1"], "forecast 1", "edited"),
    ("a made-on date moved", ["UPDATE forecast SET made_on = '2020-01-01' WHERE id = 3"], "forecast 3", "edited"),
    ("a quote added", ["UPDATE forecast SET quote = 'I always said so' WHERE id = 4"], "forecast 4", "edited"),
    ("an outcome flipped", ["UPDATE resolution SET outcome = 'no' WHERE id = 1"], "resolution 1", "edited"),
    ("a window widened", ["UPDATE claim SET window_end = '2099-01-01', deadline = '2099-01-01' WHERE window_end IS NOT NULL"], "claim 4", "edited"),
    ("a correction's reason rewritten", ["UPDATE forecast_change SET reason = 'no reason' WHERE id = 1"], "forecast_change 1", "edited"),
    ("a rename's author changed", ["UPDATE record_change SET changed_by = 'someone else' WHERE id = 1"], "record_change 1", "edited"),
    ("a resolution deleted", ["DELETE FROM resolution WHERE id = 1"], "resolution 2", "deleted"),
    ("a correction deleted", ["DELETE FROM forecast_change WHERE id = 1"], "missing", "deleted"),
    ("a forecast slipped in", ["INSERT INTO forecast (claim_id, expert_id, probability, made_on, recorded_at) VALUES (1, 1, 0.9, '2020-01-02', '2020-01-02 00:00:00')"], "not in the chain", "inserted"),
    ("two forecasts swapped in order (links 4 and 6)", [
        "UPDATE forecast SET chain_seq = 1000 WHERE id = 1", "UPDATE forecast SET chain_seq = 4 WHERE id = 3",
        "UPDATE forecast SET chain_seq = 6 WHERE id = 1",
    ], "forecast 3 (link 4)", "edited"),
    ("a forecast given another link's number", ["UPDATE forecast SET chain_seq = chain_seq + 100 WHERE id = 1"], "missing", "deleted"),
]


@pytest.mark.parametrize("what, statements, names, kind", TAMPERINGS, ids=[t[0] for t in TAMPERINGS])
def test_verify_names_the_first_row_tampered_with(ok, run, record, db_path, what, statements, names, kind):
    tamper(db_path, *statements)
    result = run("verify")
    assert_error(result, "the record's chain is broken", names, kind, exit_code=3)


def test_a_rewritten_history_with_every_hash_recomputed_is_caught_by_the_published_head(ok, run, record, db_path):
    from trackrecord.forecasts import chain

    published = head_of(ok)
    with engine_of(db_path).begin() as connection:
        connection.execute(sa.text("UPDATE forecast SET probability = 0.95 WHERE id = 1"))
        for name in chain.TABLES:
            connection.execute(sa.text(f"UPDATE {name} SET chain_hash = NULL, chain_seq = NULL"))
        chain.seal(connection, dict.fromkeys(chain.TABLES, 0))  # the forger recomputes the whole chain
    assert ok("verify").startswith("The record's chain holds")  # consistent with itself...
    assert_error(run("verify", "--head", published), "the record's chain is broken", "not the published", exit_code=3)


def test_new_writes_extend_the_chain_and_an_old_head_stays_valid(ok, record):
    published = head_of(ok)
    ok("forecast", "add", "Ada Okafor", "summit", "0.3", "--window", f"{days(-50)}..{days(-30)}", "--made-on", days(-40))
    ok("forecast", "retract", "1", "--reason", "wrong person")
    later = head_of(ok)
    assert later.startswith("15:") and later != published
    assert ok("verify", "--head", published).startswith("The record's chain holds: 15 links")


def test_a_malformed_head_is_one_error_line(ok, run, record, table_counts):
    before = table_counts()
    for bad in ("12", "12:abc", "x:" + "0" * 64, "-1:" + "0" * 64):
        assert_error(run("verify", "--head", bad), f"--head {bad!r}", "SEQ:HASH")
    assert table_counts() == before


def test_an_empty_record_verifies(ok):
    assert ok("verify") == f"The record's chain holds: 0 links, head 0:{'0' * 64}.\n"


def test_an_export_edited_after_the_fact_is_refused_on_import(ok, run, record, tmp_path):
    from test_import_export import other_db

    path = tmp_path / "record.json"
    out = run("export", "--output", str(path))
    assert out.exit_code == 0 and f"(record chain head {head_of(ok)})" in out.stderr
    document = json.loads(path.read_text(encoding="utf-8"))
    assert list(document["chain"]) == ["experts", "questions", "windows", "forecasts", "resolutions", "changes", "forecast_changes"]
    for section, change in (("forecasts", ("probability", 0.99)), ("resolutions", ("outcome", "no")), ("experts", ("affiliation", "Acme"))):
        edited = json.loads(path.read_text(encoding="utf-8"))
        edited[section][0][change[0]] = change[1]
        bad = tmp_path / f"edited-{section}.json"
        bad.write_text(json.dumps(edited), encoding="utf-8")
        other = other_db(tmp_path / f"other-{section}.db")
        assert_error(other("import", str(bad)), f"its {section} were changed after it was exported", "chain")
        assert json.loads(other("forecast", "list", "--format", "json").stdout) == []
    fresh = other_db(tmp_path / "fresh.db")
    assert "added 2 experts" in fresh("import", str(path)).stdout
    del document["chain"]  # a hand-made document has no chain and imports as before
    handmade = tmp_path / "handmade.json"
    handmade.write_text(json.dumps(document), encoding="utf-8")
    assert "added 2 experts" in other_db(tmp_path / "handmade.db")("import", str(handmade)).stdout


def test_the_bulk_writers_links_are_byte_for_byte_those_of_the_general_rule():
    from hypothesis import given, settings, strategies as st

    from trackrecord.forecasts import chain

    text = st.one_of(st.none(), st.text(max_size=30))

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.tuples(
        st.floats(0, 1), st.dates().map(lambda d: d.isoformat()), text, text, text, text, text,
        st.integers(1, 10**9), st.integers(1, 10**9), st.datetimes().map(lambda d: d.isoformat(sep=" ")),
    ), min_size=1, max_size=5), st.integers(1, 10**9))
    def same(rows, first_id):
        names = ("probability", "made_on", "quote", "source", "phrase", "scale", "note", "claim_id", "expert_id", "recorded_at")
        previous, expected = "0" * 64, []
        for offset, row in enumerate(rows):
            previous = chain.link(previous, "forecast", {"id": first_id + offset, **dict(zip(names, row))})
            expected.append(previous)
        assert chain.sqlite_forecast_links("0" * 64, first_id, rows) == expected

    same()


def test_an_import_is_linked_and_verifies(ok, tmp_path):
    ok("question", "add", "talks", "Talks?", "--kind", "binary", "--deadline", days(300))
    ok("expert", "add", "Ada Okafor")
    ok("forecast", "add", "Ada Okafor", "talks", "0.3", "--made-on", days(-40))
    table = tmp_path / "forecasts.csv"
    table.write_text(
        "question,expert,probability,made_on,option,window,quote,source\n"
        + "".join(f'talks,Person {chr(65 + n % 20)}{chr(65 + n // 20)},0.{n % 9 + 1},{days(-n - 1)},,,"she said ""é\\\\{n}""",\n' for n in range(300)),
        encoding="utf-8",
    )
    assert "300 forecasts" in ok("import", str(table), "--add-experts", "--distinct")
    ok("forecast", "add", "Ada Okafor", "talks", "0.35", "--made-on", days(-1))
    assert ok("verify").startswith("The record's chain holds: 303 links")  # 1 claim + 302 forecasts
