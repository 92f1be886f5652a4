"""The demo's site as a person sees it: headless Chromium renders it from ``file://``.

``--dump-dom`` gives the document after the browser parsed it (content checks: the
leaderboard's rows, an expert's forecasts, a `<script>` that stays text); ``--screenshot``
gives PNGs that must not be blank and must show the leaderboard. The PNGs of the index and
of one expert page are kept in ``tests/output/`` (ignored by git) for a reviewer to look at.

Chromium comes from Debian's ``chromium`` package (``tests/chromium.sh``, run by
``tests/run.sh``). Without it these tests skip locally with the reason, and fail when the
``CI`` environment variable is set: CI never passes without having looked.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from trackrecord.cli.app import app

OUTPUT = Path(__file__).parent / "output"


@pytest.fixture(scope="module")
def chromium() -> str:
    found = next((shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome") if shutil.which(name)), None)
    if found is None:
        message = "Chromium is not installed (bash tests/chromium.sh installs Debian's chromium as root)"
        if os.environ.get("CI"):
            pytest.fail(message + "; CI must run the browser tests")
        pytest.skip(message)
    return found


def browse(chromium: str, page: Path, *arguments: str) -> str:
    result = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
         f"--user-data-dir={page.parent.parent / 'chromium-profile'}", *arguments, page.absolute().as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def screenshot(chromium: str, page: Path, png: Path, width: int, height: int) -> np.ndarray:
    png.unlink(missing_ok=True)
    browse(chromium, page, f"--screenshot={png}", f"--window-size={width},{height}")
    from matplotlib.image import imread

    return imread(png)[..., :3]


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("demo") / "site"
    result = CliRunner().invoke(app, ["demo", "--report", str(folder)])
    assert result.exit_code == 0, result.stderr
    return folder, result.stdout


def test_demo_points_to_its_site_and_writes_it(tmp_path):
    plain = CliRunner().invoke(app, ["demo"])
    assert plain.exit_code == 0 and "trackrecord demo --report DIR" in plain.stdout
    site = tmp_path / "site"
    written = CliRunner().invoke(app, ["demo", "--report", str(site)])
    assert written.exit_code == 0
    assert (site / "index.html").as_uri() in written.stderr and "--report DIR" not in written.stdout
    full = tmp_path / "full"
    full.mkdir()
    (full / "x").write_text("")
    refused = CliRunner().invoke(app, ["demo", "--report", str(full)])
    assert refused.exit_code == 1 and "not empty" in refused.stderr and refused.stdout == ""


def test_the_browser_shows_the_leaderboard(chromium, demo_site):
    site, printed = demo_site
    dom = browse(chromium, site / "index.html", "--dump-dom")
    assert "<h1>Leaderboard</h1>" in dom
    start = printed.index("rank")
    ranked = [line.split()[0] for line in printed[start:].splitlines()[2:] if line.strip() and line.split()[0].isdigit()]
    assert len(ranked) == 10 and dom.count('<tr data-expert="') == len(ranked)
    assert dom.index("Tatiana Stanovaya") < dom.index("Sergey Markov") < dom.index("Vladimir Putin")
    assert "0.1946" in dom and "0.2585" in dom  # adjusted Brier of the first and of Sergey Markov, as the CLI prints them
    OUTPUT.mkdir(exist_ok=True)
    pixels = screenshot(chromium, site / "index.html", OUTPUT / "demo-index.png", 1200, 900)
    assert pixels.std() > 0.05  # not blank
    dark = (pixels.max(axis=2) < 0.35)
    rows_with_text = np.flatnonzero(dark.mean(axis=1) > 0.01)
    assert rows_with_text.size > 200  # the table's lines of text, not an empty page
    blue = (pixels[..., 2] > 0.5) & (pixels[..., 0] < 0.25)
    assert blue.sum() > 500  # the interval bars and the links are drawn


def test_an_expert_page_in_the_browser(chromium, demo_site):
    site, _ = demo_site
    page = site / "experts" / "sergey-markov.html"
    dom = browse(chromium, page, "--dump-dom")
    assert "<h1 class=\"expert-name\">Sergey Markov</h1>" in dom
    assert dom.count("<tr><td>20") == 8  # his eight forecasts, each with its made-on date
    assert "the meeting may occur in the spring" in dom and "<svg" in dom and "Reliability" in dom
    pixels = screenshot(chromium, page, OUTPUT / "demo-expert-sergey-markov.png", 1000, 1600)
    assert pixels.std() > 0.05
    phone = screenshot(chromium, site / "index.html", OUTPUT / "demo-index-phone.png", 390, 844)
    assert phone.shape[1] <= 400 and phone.std() > 0.05


def test_a_script_in_a_name_stays_text_in_the_browser(chromium, tmp_path):
    record = tmp_path / "record.db"
    runner = CliRunner()

    def ok(*args):
        result = runner.invoke(app, ["--db", str(record), *args])
        assert result.exit_code == 0, result.stderr

    ok("expert", "add", "<script>document.title='pwned'</script>Eve")
    ok("question", "add", "q1", "Q1?", "--kind", "binary", "--deadline", "2025-01-01")
    ok("forecast", "add", "<script>document.title='pwned'</script>Eve", "q1", "60%", "--made-on", "2024-06-01",
       "--quote", "<script>document.body.innerHTML='gone'</script>")
    ok("resolve", "q1", "yes", "--on", "2024-12-01")
    site = tmp_path / "site"
    ok("report", "--output", str(site))
    expert_pages = list((site / "experts").iterdir())
    dom = browse(chromium, expert_pages[0], "--dump-dom")
    # had the script run, the title would be 'pwned'; it is the name, as text
    assert dom.split("<title>")[1].split("</title>")[0] == "&lt;script&gt;document.title='pwned'&lt;/script&gt;Eve · trackrecord"
    assert "&lt;script&gt;document.body.innerHTML='gone'&lt;/script&gt;" in dom
    assert "<script" not in dom
