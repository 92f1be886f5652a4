"""trackrecord: keep public forecasters honest.

The installed package is ``trackrecord``: ``trackrecord.forecasts`` (the record and its
rules), ``trackrecord.resolutions`` (outcomes and scoring), ``trackrecord.cli`` (the
command line). In the repository they live in ``forecasts/``, ``resolutions/`` and
``cli/`` at the top, and this file in ``api/`` (``pyproject.toml`` maps them).
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("trackrecord")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
