"""Date windows from the phrases forecasters use ("in the spring", "by June", "next week").

``parse_window_phrase(text, made_on=…)`` turns a phrase into a ``Window`` (both ends
inclusive; ``start`` None means "any time up to ``end``"), reading every relative phrase
against the day the forecast was made, never against today. Matching is
case-insensitive; runs of spaces, commas, en/em dashes and trailing punctuation do not
matter; leading "in", "during", "the", "at", "sometime" and "as early as" are ignored
("as early as in February or March" is February or March).

Conventions, all written down here so a window is never a guess:

- **ISO**: ``FROM..TO`` and ``..TO`` go to ``forecasts.parsing.parse_window``; a bare
  ``2025-06-30`` is that one day.
- **Seasons** are meteorological, Northern Hemisphere: spring Mar 1–May 31, summer
  Jun 1–Aug 31, fall/autumn Sep 1–Nov 30, winter Dec 1–end of February of the next year
  (29 February in leap years). A season's year is the year it starts in: ``winter 2025``
  is 2025-12-01..2026-02-28; ``winter 2025-26`` / ``winter 2025/2026`` say the same.
- **Year omitted** (``spring``, ``June``, ``February or March``, ``Q1``, ``June 15``,
  ``late June``): the first such window, as a whole, whose end is on or after
  ``made_on`` — the one not yet over. "Spring" said on 2025-04-10 is spring 2025; said on
  2024-11-15 it is spring 2025 too; "February or March" said on 2025-03-10 is
  2025-02-01..2025-03-31. ``next spring`` / ``next June`` is the first one that starts
  after ``made_on``; ``this spring`` is the same as ``spring``. A year may be given as
  ``2025``, ``of 2025``, ``this year``, ``next year`` or ``of the year`` (= made_on's).
- **Months and ranges**: ``June`` is the whole month; ``February or March``,
  ``between April and June``, ``April-June``, ``April to June`` run from the first day of
  the first month to the last day of the second; a range whose second month comes
  earlier in the calendar ends in the following year (``December or January``). A year
  after the range belongs to its last month.
- **Days**: ``June 15``, ``15 June 2025``, ``the 15th of June`` are that one day.
- **Parts**: early/mid/late (also "the beginning/start of", "the middle of") split a
  month into days 1–10, 11–20 and 21–end, and split a season, quarter, half or year into
  thirds by whole months (``late 2025`` is Sep–Dec 2025, ``early spring`` is March).
- **Quarters and halves**: Q1 Jan–Mar … Q4 Oct–Dec (``Q3``, ``Q3 2025``, ``2025 Q3``,
  ``the third quarter of 2025``); H1 Jan–Jun, H2 Jul–Dec (``the second half of 2025``).
  A bare year ``2025`` is Jan 1–Dec 31.
- **Deadlines** (start None): ``by X``, ``no later than X``, ``not later than X``,
  ``X at the latest`` end with X's last day, X resolved by the year-omitted rule above
  (``by June`` said on 2025-06-10 is ..2025-06-30; ``by 2025`` is ..2025-12-31).
  ``before X`` ends the day before X starts, X being the first one that starts after
  ``made_on`` (``before July`` = ..June 30). ``the end of X`` with or without "by" is
  ..X's last day; ``the end of the year`` / ``year-end`` mean made_on's year, ``the end
  of the month/quarter/week`` made_on's month/quarter/week.
- **Relative**: ``today`` / ``tomorrow``; ``this week`` is made_on..Sunday and
  ``next week`` Monday–Sunday of the following calendar week (ISO weeks start Monday);
  ``this month`` / ``this quarter`` / ``this year`` run from made_on to the end of the
  calendar month/quarter/year; ``next month`` / ``next quarter`` / ``next year`` are the
  whole following calendar month/quarter/year.
- **Vague spans**, counted from the day after made_on: ``in the coming days`` (also "the
  next few days", "within days") is 14 days, ``weeks`` 42 days (six weeks), ``months``
  91 days (about three months); ``soon`` is read as "in the coming weeks".
- **Counted spans**: ``within N days/weeks/months/years``, ``in the next N …``, ``over
  the next N …`` run made_on+1 .. made_on+N units; months and years by calendar
  arithmetic, a missing day clamping to the month's end (``within 3 months`` from
  2025-01-31 ends 2025-04-30). N is digits or one…twelve; "a"/"an" mean one.
  ``in 3 weeks`` (a point, not a span) is refused rather than guessed.

A window that ends before ``made_on`` is returned (the caller decides what that means);
one that ends before it starts, or names a day that does not exist, is ``InvalidInput``.
Everything else is ``InvalidInput`` naming the text and listing the accepted forms.

dateparser is not used: these forms are a closed list that one month-name table and a
few regexes cover exactly, dateparser's own relative rules would have to be overridden
to match the conventions above, and its import is slow for a command-line tool.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from trackrecord.forecasts.errors import InvalidInput
from trackrecord.forecasts.parsing import Window, parse_date, parse_window

WINDOW_PHRASES_ACCEPTED = (
    "give an ISO date or FROM..TO, a season (spring 2025), a month or two "
    "(February or March 2025), a quarter (Q3 2025), by/no later than/before DATE or month, "
    "the end of the year, this/next week/month/year, in the coming days/weeks/months, "
    "within N days/weeks/months"
)

_FILLERS = (
    "as early as ", "sometime in ", "some time in ", "sometime ", "some time ", "in ", "during ", "the ", "at ",
)
_DEADLINE_PREFIXES = ("by no later than ", "no later than ", "not later than ", "by ")

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_MONTH_NUMBERS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1
)}
_YEAR_SPEC = r"(?:\s+(?:of\s+)?(?P<year>\d{4}|this year|next year|the year))?"

# Season name -> its first month; each lasts three months, so winter ends in February of the next year.
_SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}
# Vague spans, in days counted from the day after made_on.
_VAGUE_DAYS = {"days": 14, "weeks": 42, "months": 91}
_PARTS = {"early": 0, "beginning of": 0, "start of": 0, "mid": 1, "middle of": 1, "late": 2}

_SEASON_RE = re.compile(
    r"(?P<season>spring|summer|fall|autumn|winter)"
    r"(?:\s+(?:of\s+)?(?P<year>\d{4}|this year|next year|the year)(?:\s*[-/]\s*(?P<year2>\d{2}|\d{4}))?)?"
)
_MONTH_RE = re.compile(rf"(?P<month>{_MONTH}){_YEAR_SPEC}")
_MONTH_RANGE_RE = re.compile(
    rf"(?:between\s+|from\s+)?(?P<first>{_MONTH})(?:\s+(?P<first_year>\d{{4}}))?"
    rf"(?:\s*-\s*|\s+(?:or|and|to|through|thru|till|until)\s+)"
    rf"(?P<second>{_MONTH}){_YEAR_SPEC}"
)
_DAY_RE = re.compile(
    rf"(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH})"
    rf"|(?P<month2>{_MONTH})\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?){_YEAR_SPEC}"
)
_QUARTER_RE = re.compile(
    rf"(?:q(?P<q>[1-4])|(?P<ordinal>{'|'.join(_ORDINALS)})\s+quarter){_YEAR_SPEC}"
    rf"|(?P<year_first>\d{{4}})\s*-?\s*q(?P<q2>[1-4])"
)
_HALF_RE = re.compile(rf"(?:h(?P<h>[12])|(?P<ordinal>first|1st|second|2nd)\s+half){_YEAR_SPEC}")
_YEAR_RE = re.compile(r"(?:year\s+)?(?P<year>\d{4})")
_NUMBER = rf"(?P<number>[1-9]\d*|{'|'.join(_NUMBER_WORDS)})"
_UNIT = r"(?P<unit>day|week|month|year)s?"
_COUNTED_RE = re.compile(rf"(?:(?:within|over)\s+(?:the\s+)?(?:next\s+)?|next\s+){_NUMBER}\s+{_UNIT}")
_VAGUE_RE = re.compile(r"(?:coming|next few|next couple of|within)\s+(?P<unit>days|weeks|months)")
_PART_RE = re.compile(rf"(?P<part>{'|'.join(sorted(_PARTS, key=len, reverse=True))})[\s-]*(?P<rest>.+)")


class _NoSuchDay(Exception):
    """An annual span built for a year in which its day does not exist (February 29)."""


@dataclass(frozen=True)
class _Annual:
    """A span that repeats every year, such as "June" or "winter", until a year is chosen."""

    build: Callable[[int], Window]  # the year the span starts in -> the span
    year: int | None  # given by the user, or None for "the one not yet over"
    upcoming: bool = False  # "next June": the first that starts after made_on

    def resolve(self, made_on: dt.date, *, upcoming: bool = False) -> Window:
        if self.year is not None:
            return self.build(self.year)
        wants_start_after = upcoming or self.upcoming
        # Nine years ahead so that a February 29 without a year still finds a leap year.
        for year in range(made_on.year - 1, made_on.year + 9):
            try:
                span = self.build(year)
            except _NoSuchDay:
                continue
            start = span.start if span.start is not None else span.end
            if (start > made_on) if wants_start_after else (span.end >= made_on):
                return span
        raise _NoSuchDay


def deadline_phrase(text: str) -> str:
    """``--by`` text as a window phrase: "June 2025" becomes "by June 2025"; a phrase that
    already says its deadline ("before July 2027", "no later than June") is kept as it is."""
    if re.match(r"\s*(?:by|before|no later than|not later than)\b", text, re.IGNORECASE):
        return text
    return f"by {text}"


def window_of(window: str | None, by: str | None, made_on: dt.date) -> Window | None:
    """The claim window given as ``--window`` (a window or a phrase) or ``--by`` (a date or
    a period: any time up to its end), not both, read relative to ``made_on``."""
    if window is not None and by is not None:
        raise InvalidInput("give either --window FROM..TO or --by DATE, not both")
    if window is None and by is None:
        return None
    return parse_window_phrase(window if window is not None else deadline_phrase(by), made_on=made_on)


def parse_window_phrase(text: str, *, made_on: dt.date) -> Window:
    """The window a phrase such as "spring 2025", "by June" or "next week" names."""
    if ".." in text:
        return parse_window(_strip_fillers(_normalize(text)))
    phrase = _normalize(text)
    try:
        window = _phrase(phrase, made_on)
    except _NoSuchDay:
        problem = "names a day that does not exist"
        raise InvalidInput(f"window {text!r} {problem}; {WINDOW_PHRASES_ACCEPTED}") from None
    except (ValueError, OverflowError):  # a year outside 1..9999, from the text or from arithmetic
        problem = "is out of the calendar's range"
        raise InvalidInput(f"window {text!r} {problem}; {WINDOW_PHRASES_ACCEPTED}") from None
    if window is None:
        raise InvalidInput(f"window {text!r} is not understood; {WINDOW_PHRASES_ACCEPTED}")
    if window.start is not None and window.end < window.start:
        raise InvalidInput(
            f"window {text!r} ends ({window.end.isoformat()}) before it starts "
            f"({window.start.isoformat()}); {WINDOW_PHRASES_ACCEPTED}"
        )
    return window


def _normalize(text: str) -> str:
    phrase = re.sub(r"[\u2010-\u2015\u2212]", "-", text.lower())
    phrase = re.sub(r"[\s,]+", " ", phrase).strip()
    while phrase and (phrase[-1] in ";:!?" or (phrase[-1] == "." and not phrase.endswith(".."))):
        phrase = phrase[:-1].rstrip()
    return phrase


def _strip_fillers(phrase: str) -> str:
    stripped = True
    while stripped:
        stripped = False
        for filler in _FILLERS:
            if phrase.startswith(filler):
                phrase = phrase[len(filler):].lstrip()
                stripped = True
    return phrase


def _phrase(phrase: str, made_on: dt.date) -> Window | None:
    """The whole phrase: a deadline form or a span."""
    phrase = _strip_fillers(phrase)
    if phrase.endswith(" at the latest"):
        return _deadline(phrase.removesuffix(" at the latest"), made_on)
    for prefix in _DEADLINE_PREFIXES:
        if phrase.startswith(prefix):
            return _deadline(phrase.removeprefix(prefix), made_on)
    if phrase.startswith("before "):
        target = _target(phrase.removeprefix("before "), made_on, upcoming=True)
        if target is None:
            return None
        day_before = target.end if target.start is None else target.start - dt.timedelta(days=1)
        return Window(start=None, end=day_before)
    return _target(phrase, made_on, upcoming=False)


def _deadline(phrase: str, made_on: dt.date) -> Window | None:
    target = _target(phrase, made_on, upcoming=False)
    return None if target is None else Window(start=None, end=target.end)


def _target(phrase: str, made_on: dt.date, *, upcoming: bool) -> Window | None:
    """A span, or "the end of" one (a deadline), resolved against made_on."""
    phrase = _strip_fillers(phrase)
    year_end = re.fullmatch(r"(?:year[- ]?end|end[- ]of[- ]year)(?:\s+(?P<year>\d{4}))?", phrase)
    if year_end:
        phrase = f"end of {year_end['year'] or 'this year'}"
    if phrase.startswith("end of "):
        rest = _strip_fillers(phrase.removeprefix("end of "))
        if rest in ("year", "month", "quarter", "week"):
            rest = f"this {rest}"
        span = _span(rest, made_on)
        if span is None:
            return None
        resolved = span.resolve(made_on) if isinstance(span, _Annual) else span
        return Window(start=None, end=resolved.end)
    span = _span(phrase, made_on)
    if isinstance(span, _Annual):
        return span.resolve(made_on, upcoming=upcoming)
    return span


def _span(phrase: str, made_on: dt.date) -> Window | _Annual | None:
    """A span with a start: fixed (relative to made_on, or dated) or annual (year open)."""
    relative = _relative(phrase, made_on)
    if relative is not None:
        return relative
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", phrase):
        try:
            day = parse_date(phrase)
        except InvalidInput:
            raise _NoSuchDay from None
        return Window(start=day, end=day)
    if match := _YEAR_RE.fullmatch(phrase):
        year = int(match["year"])
        return Window(start=dt.date(year, 1, 1), end=dt.date(year, 12, 31))
    if match := _PART_RE.fullmatch(phrase):
        return _part(_PARTS[match["part"]], _span(_strip_fillers(match["rest"]), made_on), made_on)
    for word, upcoming in (("next ", True), ("this ", False)):
        if phrase.startswith(word):
            annual = _annual(phrase.removeprefix(word), made_on)
            if isinstance(annual, _Annual) and annual.year is None:
                return _Annual(annual.build, None, upcoming=upcoming)
            return None
    return _annual(phrase, made_on)


def _relative(phrase: str, made_on: dt.date) -> Window | None:
    day = dt.timedelta(days=1)
    monday = made_on - dt.timedelta(days=made_on.weekday())
    quarter_first_month = 3 * ((made_on.month - 1) // 3) + 1
    fixed = {
        "today": (made_on, made_on),
        "tomorrow": (made_on + day, made_on + day),
        "this week": (made_on, monday + 6 * day),
        "next week": (monday + 7 * day, monday + 13 * day),
        "this month": (made_on, _month_end(made_on.year, made_on.month)),
        "next month": _months_span(made_on.year, made_on.month + 1, 1),
        "this quarter": (made_on, _months_span(made_on.year, quarter_first_month, 3)[1]),
        "next quarter": _months_span(made_on.year, quarter_first_month + 3, 3),
        "this year": (made_on, dt.date(made_on.year, 12, 31)),
        "next year": (dt.date(made_on.year + 1, 1, 1), dt.date(made_on.year + 1, 12, 31)),
        "soon": (made_on + day, made_on + _VAGUE_DAYS["weeks"] * day),
    }
    if phrase in fixed:
        start, end = fixed[phrase]
        return Window(start=start, end=end)
    if match := _VAGUE_RE.fullmatch(phrase):
        return Window(start=made_on + day, end=made_on + _VAGUE_DAYS[match["unit"]] * day)
    if match := _COUNTED_RE.fullmatch(phrase):
        unit, number = match["unit"], _NUMBER_WORDS.get(match["number"]) or int(match["number"])
        if unit in ("day", "week"):
            end = made_on + (number if unit == "day" else 7 * number) * day
        else:
            end = _add_months(made_on, number if unit == "month" else 12 * number)
        return Window(start=made_on + day, end=end)
    return None


def _annual(phrase: str, made_on: dt.date) -> Window | _Annual | None:
    """Seasons, months, month ranges, days, quarters and halves, with or without a year."""
    if match := _SEASON_RE.fullmatch(phrase):
        first_month = _SEASONS[match["season"]]
        year = _year(match["year"], made_on)
        if match["year2"] is not None:
            second_year = int(match["year2"])
            if year is None or first_month != 12 or second_year not in (year + 1, (year + 1) % 100):
                return None
        return _Annual(lambda y: Window(*_months_span(y, first_month, 3)), year)
    if match := _MONTH_RE.fullmatch(phrase):
        month = _month_number(match["month"])
        return _Annual(lambda y: Window(*_months_span(y, month, 1)), _year(match["year"], made_on))
    if match := _MONTH_RANGE_RE.fullmatch(phrase):
        first, second = _month_number(match["first"]), _month_number(match["second"])
        first_year = int(match["first_year"]) if match["first_year"] else None
        second_year = _year(match["year"], made_on)

        def month_range(y: int) -> Window:
            start = dt.date(y, first, 1)
            end_year = y if second >= first else y + 1
            return Window(start=start, end=_month_end(end_year, second))

        if first_year is not None and second_year is not None:
            return Window(start=dt.date(first_year, first, 1), end=_month_end(second_year, second))
        if second_year is not None:
            return _Annual(month_range, second_year if second >= first else second_year - 1)
        return _Annual(month_range, first_year)
    if match := _DAY_RE.fullmatch(phrase):
        month = _month_number(match["month"] or match["month2"])
        day_of_month = int(match["day"] or match["day2"])

        def one_day(y: int) -> Window:
            try:
                day = dt.date(y, month, day_of_month)
            except ValueError:
                raise _NoSuchDay from None
            return Window(start=day, end=day)

        return _Annual(one_day, _year(match["year"], made_on))
    if match := _QUARTER_RE.fullmatch(phrase):
        if match["year_first"]:
            quarter, year = int(match["q2"]), int(match["year_first"])
        else:
            quarter = int(match["q"]) if match["q"] else _ORDINALS[match["ordinal"]]
            year = _year(match["year"], made_on)
        return _Annual(lambda y: Window(*_months_span(y, 3 * quarter - 2, 3)), year)
    if match := _HALF_RE.fullmatch(phrase):
        half = int(match["h"]) if match["h"] else _ORDINALS[match["ordinal"]]
        return _Annual(lambda y: Window(*_months_span(y, 6 * half - 5, 6)), _year(match["year"], made_on))
    return None


def _part(part: int, base: Window | _Annual | None, made_on: dt.date) -> Window | _Annual | None:
    """Early (0), mid (1) or late (2) part of ``base``, or None when it does not split."""
    if base is None:
        return None
    if isinstance(base, Window):
        return _part_of(base, part)
    try:
        sample = base.build(base.year if base.year is not None else made_on.year)
    except _NoSuchDay:
        return None
    if _part_of(sample, part) is None:
        return None
    build = base.build

    def part_of_year(year: int) -> Window:
        window = _part_of(build(year), part)
        assert window is not None  # every year's span has the sample's shape
        return window

    return _Annual(part_of_year, base.year, base.upcoming)


def _part_of(span: Window, part: int) -> Window | None:
    """A month split by days (1-10, 11-20, 21-end); whole months split in thirds."""
    start, end = span.start, span.end
    if start is None or start.day != 1 or end != _month_end(end.year, end.month):
        return None
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if months == 1:
        first_day, last_day = (1, 11, 21)[part], (10, 20, end.day)[part]
        return Window(start=start.replace(day=first_day), end=start.replace(day=last_day))
    if months % 3:
        return None
    third = months // 3
    return Window(*_months_span(start.year, start.month + part * third, third))


def _year(text: str | None, made_on: dt.date) -> int | None:
    if text is None:
        return None
    if text in ("this year", "the year"):
        return made_on.year
    if text == "next year":
        return made_on.year + 1
    return int(text)


def _month_number(name: str) -> int:
    return _MONTH_NUMBERS[name.rstrip(".")[:3]]


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _months_span(year: int, first_month: int, months: int) -> tuple[dt.date, dt.date]:
    """First and last day of ``months`` calendar months from ``first_month`` (may exceed 12)."""
    start_year, start_month = year + (first_month - 1) // 12, (first_month - 1) % 12 + 1
    last = start_year * 12 + start_month - 1 + months - 1
    return dt.date(start_year, start_month, 1), _month_end(last // 12, last % 12 + 1)


def _add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months later, clamped to the end of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
