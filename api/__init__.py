"""trackrecord: keep public forecasters honest.

    >>> import trackrecord
    >>> record = trackrecord.open("record.db")     # or ":memory:", or an SQLAlchemy URL

See ``trackrecord.api.Record`` and the README's "Python API". The installed package holds
``trackrecord.forecasts`` (the record and its rules), ``trackrecord.resolutions``
(outcomes and scoring) and ``trackrecord.cli`` (the command line); in the repository
they are ``forecasts/``, ``resolutions/`` and ``cli/`` at the top, and this file is in
``api/`` (``pyproject.toml`` maps them). Names are loaded on first use, so importing
``trackrecord`` (as the command line does) costs nothing.
"""

from __future__ import annotations

__all__ = ["Record", "open", "TrackrecordError", "InvalidInput", "NotFound", "Conflict", "Busy", "__version__"]

_FROM = {
    "Record": "trackrecord.api",
    "open": "trackrecord.api",
    "TrackrecordError": "trackrecord.forecasts.errors",
    "InvalidInput": "trackrecord.forecasts.errors",
    "NotFound": "trackrecord.forecasts.errors",
    "Conflict": "trackrecord.forecasts.errors",
    "Busy": "trackrecord.forecasts.errors",
}


def __getattr__(name: str):
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("trackrecord")
        except PackageNotFoundError:  # a source tree that was never installed
            return "0+unknown"
    if name in _FROM:
        from importlib import import_module

        return getattr(import_module(_FROM[name]), name)
    raise AttributeError(f"module 'trackrecord' has no attribute {name!r}")
