"""How long ``trackrecord extract`` takes on a 5,000-word article: ``python tests/bench_extract.py``.

The article is the development corpus's excerpts and the seed articles, concatenated and
repeated until it has 5,000 words (so it is real prose, dense with forecasts). Printed:
the words, the candidates, and the best and median of 5 runs of ``extract_forecasts``
(the command's work; start-up is tests/test_startup.py's business), and one run of the
real command through its entry point. DESIGN.md asks for at most 1 s.
"""

from __future__ import annotations

import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORDS = 5000


def article() -> str:
    texts = [path.read_text(encoding="utf-8") for folder in ("articles", "seeds")
             for path in sorted((HERE / "data" / folder).glob("*.txt"))]
    paragraphs = [p for text in texts for p in text.split("\n\n") if p.strip()]
    out: list[str] = []
    count = 0
    while count < WORDS:
        for paragraph in paragraphs:
            out.append(paragraph.strip())
            count += len(paragraph.split())
            if count >= WORDS:
                break
    return "\n\n".join(out) + "\n"


def main() -> int:
    from trackrecord.forecasts.extraction import extract_forecasts
    from trackrecord.forecasts.verbal import default_scale

    text = article()
    scale = default_scale()
    timings = []
    for _ in range(5):
        start = time.perf_counter()
        candidates = extract_forecasts(text, published=dt.date(2025, 3, 1), scale=scale, outlet="Bench")
        timings.append(time.perf_counter() - start)
    print(f"extract_forecasts on {len(text.split())} words: {len(candidates)} candidates, "
          f"best {min(timings):.3f} s, median {statistics.median(timings):.3f} s (limit 1 s)")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_text(text, encoding="utf-8")
        start = time.perf_counter()
        command = str(Path(sys.executable).with_name("trackrecord"))  # the installed console script
        done = subprocess.run([command, "extract", str(path), "--published", "2025-03-01", "--outlet", "Bench"],
                              capture_output=True, text=True)
        took = time.perf_counter() - start
    status = f"ok, {done.stderr.strip()}" if done.returncode == 0 else f"failed: {done.stderr.strip()}"
    print(f"trackrecord extract (whole command, start-up included): {took:.3f} s, {status}")
    return 0 if max(min(timings), 0) <= 1 and done.returncode == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
