"""The distribution installs one import package, ``trackrecord``, and nothing else at the top.

Builds the wheel from this checkout, installs it into a fresh virtual environment (its
dependencies from the package index, as a user would get them) and checks, from a
folder outside the checkout: ``import trackrecord`` and the ``trackrecord`` command work,
the generic names ``cli``, ``forecasts`` and ``resolutions`` are not importable, and the
package ships its data, its migrations and ``py.typed``.
"""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_wheel_installs_only_the_trackrecord_package(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels), str(ROOT)],
        check=True, capture_output=True,
    )
    (wheel,) = wheels.glob("trackrecord-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert {name.split("/")[0] for name in names} == {"trackrecord", wheel.name.split("-py")[0] + ".dist-info"}
    for shipped in ("trackrecord/py.typed", "trackrecord/forecasts/data/verbal_scale.csv",
                    "trackrecord/forecasts/migrations/versions/0003_changes_with_history.py",
                    "trackrecord/resolutions/example/seed.json", "trackrecord/resolutions/report/templates/index.html",
                    "trackrecord/resolutions/report/templates/style.css"):
        assert shipped in names

    environment = tmp_path / "env"
    venv.EnvBuilder(with_pip=True).create(environment)
    python = environment / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], check=True, capture_output=True)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    probe = (
        "import importlib.util, trackrecord\n"
        "print(trackrecord.__version__)\n"
        "print([name for name in ('cli', 'forecasts', 'resolutions') if importlib.util.find_spec(name)])\n"
    )
    result = subprocess.run([str(python), "-c", probe], cwd=outside, capture_output=True, text=True, check=True)
    version, generic = result.stdout.splitlines()
    assert version == "0.1.0" and generic == "[]"
    site = tmp_path / "site"
    demo = subprocess.run([str(environment / "bin" / "trackrecord"), "--db", str(tmp_path / "r.db"), "demo", "--report", str(site)],
                          cwd=outside, capture_output=True, text=True)
    assert demo.returncode == 0 and "Sergey Markov" in demo.stdout, demo.stderr
    assert "Sergey Markov" in (site / "experts" / "sergey-markov.html").read_text()  # the templates shipped
