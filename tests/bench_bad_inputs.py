"""Bad-input benchmark: the corpus of ``bad_inputs.py`` through the installed ``trackrecord``.

Each case runs as a subprocess against a copy of a seeded record, in a folder of its own
(cases about file permissions run as an unprivileged user when this runs as root and
``setpriv`` is there). Prints one line per case that is not right, then

    N cases, K tracebacks, J not one Error line

and, beside it, how many had another exit status than expected, missed a fragment of the
expected message, showed a URL's password or wrote to the record. Exit status 1 if any
case is not right. Not collected by pytest.

    python tests/bench_bad_inputs.py [--only SUBSTRING]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bad_inputs import CASES, SEED, run_command  # noqa: E402


def installed_command() -> list[str]:
    beside = Path(sys.executable).parent / "trackrecord"
    found = str(beside) if beside.exists() else shutil.which("trackrecord")
    if found is None:
        sys.exit("the trackrecord command is not installed (pip install -e .)")
    return [found]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="run only the cases whose id contains this")
    options = parser.parse_args()
    command = installed_command()
    seed_folder = Path(tempfile.mkdtemp(prefix="bad-input-seed-"))
    seeded = seed_folder / "record.db"
    for step in SEED:
        subprocess.run([*command, "--db", str(seeded), *step], check=True, capture_output=True)
    cases = [case for case in CASES if options.only in case.id]
    tracebacks = not_one_line = wrong_code = missing = leaked = written = 0
    start = time.perf_counter()
    try:
        for case in cases:
            outcome = run_command(case, seeded, command)
            lines = outcome.stderr.splitlines()
            one_line = len(lines) == 1 and lines[0].startswith("Error: ") and outcome.stdout == "" and outcome.exit_code != 0
            problems = []
            if "Traceback" in outcome.stderr:
                tracebacks += 1
                problems.append("traceback")
            if not one_line:
                not_one_line += 1
                problems.append(f"not one Error line (exit {outcome.exit_code}, {len(lines)} stderr lines, {len(outcome.stdout)} stdout chars)")
            if outcome.exit_code != case.code:
                wrong_code += 1
                problems.append(f"exit {outcome.exit_code}, expected {case.code}")
            absent = [fragment for fragment in case.fragments if not lines or fragment not in lines[0]]
            if absent:
                missing += 1
                problems.append(f"message lacks {absent}")
            if "s3cret" in outcome.stderr + outcome.stdout:
                leaked += 1
                problems.append("password shown")
            if outcome.written:
                written += 1
                problems.append("wrote to the record")
            if problems:
                print(f"{case.id}: {'; '.join(problems)}: {(lines[-1] if lines else '')[:200]}")
    finally:
        shutil.rmtree(seed_folder, ignore_errors=True)
    seconds = time.perf_counter() - start
    print(f"{len(cases)} cases, {tracebacks} tracebacks, {not_one_line} not one Error line")
    print(
        f"({wrong_code} other exit status than expected, {missing} missing a fragment of the expected message, "
        f"{leaked} showing a password, {written} writing to the record; {seconds:.1f} s, "
        f"{1000 * seconds / max(len(cases), 1):.0f} ms a case)"
    )
    return 1 if tracebacks or not_one_line or wrong_code or missing or leaked or written else 0


if __name__ == "__main__":
    sys.exit(main())
