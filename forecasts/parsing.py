"""Reading what users type: probabilities, dates and date windows.

Kept free of database and command-line concerns so every command and, later, every
import format reads values the same way and fails with the same words.

Accepted:
- PROBABILITY: a number from 0 to 1 (``0.35``) or a percent from 0% to 100% (``35%``);
  verbal phrases are read by ``forecasts.verbal``.
- DATE: ISO ``YYYY-MM-DD``.
- WINDOW: ``FROM..TO`` (both ends inclusive) or ``..TO`` (any time up to TO, the same
  as ``--by TO``).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from trackrecord.forecasts.errors import InvalidInput

PROBABILITY_ACCEPTED = "a number from 0 to 1 (0.35) or a percent from 0% to 100% (35%)"
DATE_ACCEPTED = "an ISO date YYYY-MM-DD (2025-03-18)"
WINDOW_ACCEPTED = "FROM..TO with ISO dates (2025-03-01..2025-05-31) or ..TO (any time up to TO)"

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Window:
    """A span of days, both ends inclusive; ``start`` None means "any time up to end"."""

    start: dt.date | None
    end: dt.date

    @property
    def key(self) -> str:
        return f"window:{self.label}"

    @property
    def label(self) -> str:
        return f"{self.start.isoformat() if self.start else ''}..{self.end.isoformat()}"

    def contains(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and day <= self.end


def parse_probability(text: str) -> float:
    """The probability ``text`` states, as a float in [0, 1]."""
    cleaned = text.strip()
    is_percent = cleaned.endswith("%")
    number_text = cleaned[:-1].strip() if is_percent else cleaned
    try:
        number = float(number_text)
    except ValueError:
        comma = number_text.replace(",", ".", 1)
        hint = f" (did you mean {comma}{'%' if is_percent else ''}? the decimal mark is a point)" if re.fullmatch(r"\d*\.\d+", comma) else ""
        raise InvalidInput(f"probability {text!r} is not a number{hint}; give {PROBABILITY_ACCEPTED}") from None
    if not math.isfinite(number):
        raise InvalidInput(f"probability {text!r} is not finite; give {PROBABILITY_ACCEPTED}")
    probability = number / 100 if is_percent else number
    if not 0.0 <= probability <= 1.0:
        hint = f" (did you mean {number:g}%?)" if not is_percent and 1 < number <= 100 else ""
        raise InvalidInput(f"probability {text!r} is out of range{hint}; give {PROBABILITY_ACCEPTED}")
    return probability


def parse_date(text: str, *, what: str = "date") -> dt.date:
    """The calendar day of an ISO ``YYYY-MM-DD`` string."""
    cleaned = text.strip()
    if _ISO_DATE.fullmatch(cleaned):
        try:
            return dt.date.fromisoformat(cleaned)
        except ValueError:
            pass
    raise InvalidInput(f"{what} {text!r} is not a valid date; give {DATE_ACCEPTED}")


def parse_window(text: str) -> Window:
    """A window from ``FROM..TO`` or ``..TO``."""
    start_text, separator, end_text = text.strip().partition("..")
    if not separator or not end_text.strip():
        raise InvalidInput(f"window {text!r} is not a window; give {WINDOW_ACCEPTED}")
    start = parse_date(start_text, what="window start") if start_text.strip() else None
    end = parse_date(end_text, what="window end")
    if start is not None and end < start:
        raise InvalidInput(
            f"window {text!r} ends before it starts; give {WINDOW_ACCEPTED} with FROM on or before TO"
        )
    return Window(start=start, end=end)
