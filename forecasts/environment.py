"""Settings read from the environment (``TRACKRECORD_BUSY_TIMEOUT``, ``TRACKRECORD_PROGRESS_AFTER``,
``TRACKRECORD_TODAY``).

Light on purpose: the command line reads these before anything heavy is imported.
"""

from __future__ import annotations

import datetime as dt
import os

TODAY_ENV_VAR = "TRACKRECORD_TODAY"


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


def today() -> dt.date:
    """The day commands take as today: ``$TRACKRECORD_TODAY`` (an ISO date no later than
    the system date: a report or a test run as of a fixed day, even one that runs past
    midnight), else the system date. ``InvalidInput`` naming the value otherwise: a pinned
    day in the future would let forecasts be dated after they were recorded."""
    system = dt.date.today()
    chosen = os.environ.get(TODAY_ENV_VAR)
    if not chosen:
        return system
    from trackrecord.forecasts.errors import InvalidInput
    from trackrecord.forecasts.parsing import parse_date

    pinned = parse_date(chosen, what=TODAY_ENV_VAR)
    if pinned > system:
        raise InvalidInput(f"{TODAY_ENV_VAR}={chosen!r} is after today ({system}); give a YYYY-MM-DD date no later than today")
    return pinned
