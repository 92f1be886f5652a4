"""Settings read from the environment (``TRACKRECORD_BUSY_TIMEOUT``, ``TRACKRECORD_PROGRESS_AFTER``).

Light on purpose: the command line reads these before anything heavy is imported.
"""

from __future__ import annotations

import os


def seconds_setting(name: str, default: float) -> float:
    """``$name`` as a number of seconds from 0 to 86400, ``default`` when it is not set;
    ``InvalidInput`` naming the value otherwise (NaN and infinity included)."""
    chosen = os.environ.get(name)
    if chosen is None:
        return default
    try:
        seconds = float(chosen)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds <= 86_400:
        from trackrecord.forecasts.errors import InvalidInput

        raise InvalidInput(f"{name}={chosen!r} is not a number of seconds from 0 to 86400")
    return seconds
