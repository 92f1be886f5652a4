"""Window phrases: every form with its exact days, the year-omitted rules, and the errors."""

from __future__ import annotations

import datetime as dt

import pytest

from trackrecord.forecasts.errors import InvalidInput
from trackrecord.forecasts.parsing import Window
from trackrecord.forecasts.windows import parse_window_phrase

D = dt.date
THURSDAY = D(2025, 2, 20)  # the made_on of most cases: a Thursday in February 2025


def window(text: str, made_on: dt.date = THURSDAY) -> tuple[dt.date | None, dt.date]:
    parsed = parse_window_phrase(text, made_on=made_on)
    assert isinstance(parsed, Window)
    return parsed.start, parsed.end


def cases(*rows):
    """Rows of (text, made_on, start, end) as pytest params named by text and made_on."""
    return [pytest.param(*row, id=f"{row[0]!r}@{row[1]}") for row in rows]


@pytest.mark.parametrize(
    ("text", "made_on", "start", "end"),
    cases(
        ("in the spring", D(2025, 2, 20), D(2025, 3, 1), D(2025, 5, 31)),
        ("in the fall", D(2025, 2, 20), D(2025, 9, 1), D(2025, 11, 30)),
        ("as early as in February or March", D(2025, 1, 20), D(2025, 2, 1), D(2025, 3, 31)),
        ("in April or May", D(2025, 1, 20), D(2025, 4, 1), D(2025, 5, 31)),
        ("no later than June", D(2025, 2, 20), None, D(2025, 6, 30)),
        ("as early as next week", D(2025, 8, 6), D(2025, 8, 11), D(2025, 8, 17)),
        ("in the coming days", D(2025, 8, 6), D(2025, 8, 7), D(2025, 8, 20)),
    ),
)
def test_phrases_from_the_seed_articles(text, made_on, start, end):
    assert window(text, made_on) == (start, end)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2025-06-30", D(2025, 6, 30), D(2025, 6, 30)),
        ("2025-03-01..2025-05-31", D(2025, 3, 1), D(2025, 5, 31)),
        ("..2025-06-30", None, D(2025, 6, 30)),
        ("in 2025-03-01..2025-05-31", D(2025, 3, 1), D(2025, 5, 31)),
    ],
)
def test_iso_dates_and_ranges(text, start, end):
    assert window(text) == (start, end)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("spring 2025", D(2025, 3, 1), D(2025, 5, 31)),
        ("the spring of 2025", D(2025, 3, 1), D(2025, 5, 31)),
        ("summer 2025", D(2025, 6, 1), D(2025, 8, 31)),
        ("fall 2025", D(2025, 9, 1), D(2025, 11, 30)),
        ("autumn 2025", D(2025, 9, 1), D(2025, 11, 30)),
        ("during the summer of 2026", D(2026, 6, 1), D(2026, 8, 31)),
        ("spring 2020", D(2020, 3, 1), D(2020, 5, 31)),  # over before made_on, still returned
        ("winter 2025", D(2025, 12, 1), D(2026, 2, 28)),
        ("winter 2023", D(2023, 12, 1), D(2024, 2, 29)),  # ends in a leap February
        ("winter 2027", D(2027, 12, 1), D(2028, 2, 29)),
        ("winter 2025-26", D(2025, 12, 1), D(2026, 2, 28)),
        ("winter 2025/2026", D(2025, 12, 1), D(2026, 2, 28)),
        ("spring this year", D(2025, 3, 1), D(2025, 5, 31)),
        ("fall next year", D(2026, 9, 1), D(2026, 11, 30)),
    ],
)
def test_seasons_with_a_year(text, start, end):
    assert window(text) == (start, end)


@pytest.mark.parametrize(
    ("text", "made_on", "start", "end"),
    cases(
        ("spring", D(2024, 11, 15), D(2025, 3, 1), D(2025, 5, 31)),
        ("spring", D(2025, 4, 10), D(2025, 3, 1), D(2025, 5, 31)),
        ("spring", D(2025, 5, 31), D(2025, 3, 1), D(2025, 5, 31)),
        ("spring", D(2025, 6, 1), D(2026, 3, 1), D(2026, 5, 31)),
        ("the fall", D(2025, 12, 1), D(2026, 9, 1), D(2026, 11, 30)),
        ("winter", D(2025, 1, 15), D(2024, 12, 1), D(2025, 2, 28)),
        ("winter", D(2024, 2, 29), D(2023, 12, 1), D(2024, 2, 29)),
        ("winter", D(2025, 3, 1), D(2025, 12, 1), D(2026, 2, 28)),
        ("winter", D(2023, 6, 1), D(2023, 12, 1), D(2024, 2, 29)),
        ("this spring", D(2025, 4, 10), D(2025, 3, 1), D(2025, 5, 31)),
        ("next spring", D(2025, 4, 10), D(2026, 3, 1), D(2026, 5, 31)),
        ("next spring", D(2025, 2, 20), D(2025, 3, 1), D(2025, 5, 31)),
        ("next winter", D(2025, 1, 15), D(2025, 12, 1), D(2026, 2, 28)),
    ),
)
def test_season_without_a_year_is_the_one_not_yet_over(text, made_on, start, end):
    assert window(text, made_on) == (start, end)


@pytest.mark.parametrize(
    ("text", "made_on", "start", "end"),
    cases(
        ("June", D(2025, 2, 20), D(2025, 6, 1), D(2025, 6, 30)),
        ("in June", D(2025, 6, 30), D(2025, 6, 1), D(2025, 6, 30)),
        ("June", D(2025, 7, 1), D(2026, 6, 1), D(2026, 6, 30)),
        ("June 2025", D(2025, 7, 1), D(2025, 6, 1), D(2025, 6, 30)),
        ("February 2024", D(2025, 2, 20), D(2024, 2, 1), D(2024, 2, 29)),
        ("Sept. 2025", D(2025, 2, 20), D(2025, 9, 1), D(2025, 9, 30)),
        ("next June", D(2025, 5, 20), D(2025, 6, 1), D(2025, 6, 30)),
        ("next February", D(2025, 2, 20), D(2026, 2, 1), D(2026, 2, 28)),
        ("February or March", D(2025, 1, 20), D(2025, 2, 1), D(2025, 3, 31)),
        ("February or March", D(2025, 3, 10), D(2025, 2, 1), D(2025, 3, 31)),
        ("February or March", D(2025, 4, 1), D(2026, 2, 1), D(2026, 3, 31)),
        ("February or March 2025", D(2025, 4, 1), D(2025, 2, 1), D(2025, 3, 31)),
        ("April or May", D(2025, 2, 20), D(2025, 4, 1), D(2025, 5, 31)),
        ("between April and June", D(2025, 2, 20), D(2025, 4, 1), D(2025, 6, 30)),
        ("April–June", D(2025, 2, 20), D(2025, 4, 1), D(2025, 6, 30)),
        ("April-June", D(2025, 2, 20), D(2025, 4, 1), D(2025, 6, 30)),
        ("April to June 2026", D(2025, 2, 20), D(2026, 4, 1), D(2026, 6, 30)),
        ("December or January", D(2025, 1, 15), D(2024, 12, 1), D(2025, 1, 31)),
        ("December or January", D(2025, 2, 20), D(2025, 12, 1), D(2026, 1, 31)),
        ("December or January 2026", D(2025, 2, 20), D(2025, 12, 1), D(2026, 1, 31)),
        ("November 2025 or December", D(2025, 2, 20), D(2025, 11, 1), D(2025, 12, 31)),
        ("between December 2025 and January 2026", D(2025, 2, 20), D(2025, 12, 1), D(2026, 1, 31)),
    ),
)
def test_months_and_month_ranges(text, made_on, start, end):
    assert window(text, made_on) == (start, end)


@pytest.mark.parametrize(
    ("text", "made_on", "start", "end"),
    cases(
        ("June 15", D(2025, 2, 20), D(2025, 6, 15), D(2025, 6, 15)),
        ("June 15th", D(2025, 6, 16), D(2026, 6, 15), D(2026, 6, 15)),
        ("15 June 2025", D(2025, 2, 20), D(2025, 6, 15), D(2025, 6, 15)),
        ("June 15, 2025", D(2025, 2, 20), D(2025, 6, 15), D(2025, 6, 15)),
        ("the 15th of June", D(2025, 2, 20), D(2025, 6, 15), D(2025, 6, 15)),
        ("February 29", D(2025, 2, 20), D(2028, 2, 29), D(2028, 2, 29)),
    ),
)
def test_single_days(text, made_on, start, end):
    assert window(text, made_on) == (start, end)


@pytest.mark.parametrize(
    ("text", "made_on", "start", "end"),
    cases(
        ("early June", D(2025, 2, 20), D(2025, 6, 1), D(2025, 6, 10)),
        ("mid-June", D(2025, 2, 20), D(2025, 6, 11), D(2025, 6, 20)),
        ("mid June 2025", D(2025, 2, 20), D(2025, 6, 11), D(2025, 6, 20)),
        ("late June", D(2025, 2, 20), D(2025, 6, 21), D(2025, 6, 30)),
        ("late February 2024", D(2025, 2, 20), D(2024, 2, 21), D(2024, 2, 29)),
        ("the beginning of March", D(2025, 2, 20), D(2025, 3, 1), D(2025, 3, 10)),
        ("the middle of March", D(2025, 2, 20), D(2025, 3, 11), D(2025, 3, 20)),
        ("early June", D(2025, 6, 15), D(2026, 6, 1), D(2026, 6, 10)),  # this June's early part is over
        ("early 2025", D(2025, 2, 20), D(2025, 1, 1), D(2025, 4, 30)),
        ("mid-2025", D(2025, 2, 20), D(2025, 5, 1), D(2025, 8, 31)),
        ("late 2025", D(2025, 2, 20), D(2025, 9, 1), D(2025, 12, 31)),
        ("early next year", D(2025, 2, 20), D(2026, 1, 1), D(2026, 4, 30)),
        ("early spring", D(2025, 2, 20), D(2025, 3, 1), D(2025, 3, 31)),
        ("late winter 2023", D(2025, 2, 20), D(2024, 2, 1), D(2024, 2, 29)),
        ("the beginning of Q2", D(2025, 2, 20), D(2025, 4, 1), D(2025, 4, 30)),
    ),
)
def test_early_mid_late(text, made_on, start, end):
    assert window(text, made_on) == (start, end)


@pytest.mark.parametrize(
    ("text", "made_on", "start", "end"),
    cases(
        ("by June", D(2025, 2, 20), None, D(2025, 6, 30)),
        ("by June", D(2025, 6, 10), None, D(2025, 6, 30)),
        ("by June", D(2025, 7, 1), None, D(2026, 6, 30)),
        ("by June 2025", D(2025, 2, 20), None, D(2025, 6, 30)),
        ("by the end of June", D(2025, 2, 20), None, D(2025, 6, 30)),
        ("the end of June 2026", D(2025, 2, 20), None, D(2026, 6, 30)),
        ("no later than June", D(2025, 2, 20), None, D(2025, 6, 30)),
        ("not later than June", D(2025, 2, 20), None, D(2025, 6, 30)),
        ("by no later than June 2025", D(2025, 2, 20), None, D(2025, 6, 30)),
        ("June at the latest", D(2025, 2, 20), None, D(2025, 6, 30)),
        ("before July", D(2025, 2, 20), None, D(2025, 6, 30)),
        ("before July", D(2025, 7, 10), None, D(2026, 6, 30)),
        ("before March 2024", D(2025, 2, 20), None, D(2024, 2, 29)),
        ("before 2025-07-01", D(2025, 2, 20), None, D(2025, 6, 30)),
        ("before spring", D(2025, 2, 20), None, D(2025, 2, 28)),
        ("before the end of the year", D(2025, 2, 20), None, D(2025, 12, 31)),
        ("before next week", D(2025, 2, 20), None, D(2025, 2, 23)),
        ("by 2025-06-30", D(2025, 2, 20), None, D(2025, 6, 30)),
        ("by the end of the year", D(2025, 2, 20), None, D(2025, 12, 31)),
        ("the end of the year", D(2025, 2, 20), None, D(2025, 12, 31)),
        ("by year-end", D(2025, 2, 20), None, D(2025, 12, 31)),
        ("by year end 2026", D(2025, 2, 20), None, D(2026, 12, 31)),
        ("by the end of 2025", D(2024, 5, 1), None, D(2025, 12, 31)),
        ("by the end of this year", D(2025, 2, 20), None, D(2025, 12, 31)),
        ("by the end of next year", D(2025, 2, 20), None, D(2026, 12, 31)),
        ("by the end of the month", D(2024, 2, 10), None, D(2024, 2, 29)),
        ("by the end of the quarter", D(2025, 2, 20), None, D(2025, 3, 31)),
        ("by the end of next week", D(2025, 2, 20), None, D(2025, 3, 2)),
        ("by 2026", D(2025, 2, 20), None, D(2026, 12, 31)),
        ("by spring", D(2025, 2, 20), None, D(2025, 5, 31)),
        ("by spring", D(2025, 6, 1), None, D(2026, 5, 31)),
        ("by winter", D(2025, 2, 20), None, D(2025, 2, 28)),
        ("by Q3", D(2025, 2, 20), None, D(2025, 9, 30)),
        ("by Q3 2026", D(2025, 2, 20), None, D(2026, 9, 30)),
        ("by next week", D(2025, 2, 20), None, D(2025, 3, 2)),
    ),
)
def test_deadlines_have_no_start(text, made_on, start, end):
    assert window(text, made_on) == (start, end)


@pytest.mark.parametrize(
    ("text", "made_on", "start", "end"),
    cases(
        ("Q3", D(2025, 2, 20), D(2025, 7, 1), D(2025, 9, 30)),
        ("Q3", D(2025, 10, 1), D(2026, 7, 1), D(2026, 9, 30)),
        ("Q3 2025", D(2025, 10, 1), D(2025, 7, 1), D(2025, 9, 30)),
        ("2025 Q4", D(2025, 2, 20), D(2025, 10, 1), D(2025, 12, 31)),
        ("the third quarter of 2025", D(2025, 2, 20), D(2025, 7, 1), D(2025, 9, 30)),
        ("in the first quarter", D(2025, 2, 20), D(2025, 1, 1), D(2025, 3, 31)),
        ("in the first quarter", D(2025, 4, 1), D(2026, 1, 1), D(2026, 3, 31)),
        ("the 4th quarter of next year", D(2025, 2, 20), D(2026, 10, 1), D(2026, 12, 31)),
        ("H2", D(2025, 2, 20), D(2025, 7, 1), D(2025, 12, 31)),
        ("the first half of 2026", D(2025, 2, 20), D(2026, 1, 1), D(2026, 6, 30)),
        ("the second half of the year", D(2025, 2, 20), D(2025, 7, 1), D(2025, 12, 31)),
        ("in 2026", D(2025, 2, 20), D(2026, 1, 1), D(2026, 12, 31)),
    ),
)
def test_quarters_halves_and_years(text, made_on, start, end):
    assert window(text, made_on) == (start, end)


@pytest.mark.parametrize(
    ("text", "made_on", "start", "end"),
    cases(
        ("today", D(2025, 2, 20), D(2025, 2, 20), D(2025, 2, 20)),
        ("tomorrow", D(2025, 12, 31), D(2026, 1, 1), D(2026, 1, 1)),
        ("this week", D(2025, 2, 20), D(2025, 2, 20), D(2025, 2, 23)),
        ("this week", D(2025, 12, 28), D(2025, 12, 28), D(2025, 12, 28)),  # a Sunday
        ("next week", D(2025, 2, 20), D(2025, 2, 24), D(2025, 3, 2)),
        ("next week", D(2025, 12, 28), D(2025, 12, 29), D(2026, 1, 4)),
        ("next week", D(2025, 12, 29), D(2026, 1, 5), D(2026, 1, 11)),  # a Monday
        ("next week", D(2024, 12, 31), D(2025, 1, 6), D(2025, 1, 12)),
        ("this month", D(2024, 2, 10), D(2024, 2, 10), D(2024, 2, 29)),
        ("next month", D(2025, 2, 20), D(2025, 3, 1), D(2025, 3, 31)),
        ("next month", D(2024, 1, 31), D(2024, 2, 1), D(2024, 2, 29)),
        ("next month", D(2025, 12, 10), D(2026, 1, 1), D(2026, 1, 31)),
        ("this quarter", D(2025, 2, 20), D(2025, 2, 20), D(2025, 3, 31)),
        ("next quarter", D(2025, 11, 5), D(2026, 1, 1), D(2026, 3, 31)),
        ("this year", D(2025, 2, 20), D(2025, 2, 20), D(2025, 12, 31)),
        ("next year", D(2025, 2, 20), D(2026, 1, 1), D(2026, 12, 31)),
        ("in the coming days", D(2025, 2, 20), D(2025, 2, 21), D(2025, 3, 6)),
        ("in the next few days", D(2025, 2, 20), D(2025, 2, 21), D(2025, 3, 6)),
        ("within days", D(2025, 2, 20), D(2025, 2, 21), D(2025, 3, 6)),
        ("in the coming weeks", D(2025, 2, 20), D(2025, 2, 21), D(2025, 4, 3)),
        ("soon", D(2025, 2, 20), D(2025, 2, 21), D(2025, 4, 3)),
        ("in the coming months", D(2025, 2, 20), D(2025, 2, 21), D(2025, 5, 22)),
    ),
)
def test_relative_to_made_on(text, made_on, start, end):
    assert window(text, made_on) == (start, end)


@pytest.mark.parametrize(
    ("text", "made_on", "start", "end"),
    cases(
        ("within 10 days", D(2025, 2, 20), D(2025, 2, 21), D(2025, 3, 2)),
        ("within two weeks", D(2025, 2, 20), D(2025, 2, 21), D(2025, 3, 6)),
        ("within a week", D(2025, 12, 30), D(2025, 12, 31), D(2026, 1, 6)),
        ("within 3 months", D(2025, 1, 31), D(2025, 2, 1), D(2025, 4, 30)),
        ("within one month", D(2024, 1, 31), D(2024, 2, 1), D(2024, 2, 29)),
        ("within a month", D(2025, 12, 15), D(2025, 12, 16), D(2026, 1, 15)),
        ("within twelve months", D(2025, 2, 20), D(2025, 2, 21), D(2026, 2, 20)),
        ("within 2 years", D(2024, 2, 29), D(2024, 3, 1), D(2026, 2, 28)),
        ("within the next six months", D(2025, 8, 31), D(2025, 9, 1), D(2026, 2, 28)),
        ("in the next 3 months", D(2025, 2, 20), D(2025, 2, 21), D(2025, 5, 20)),
        ("in the next two weeks", D(2025, 2, 20), D(2025, 2, 21), D(2025, 3, 6)),
        ("over the next 5 days", D(2025, 2, 20), D(2025, 2, 21), D(2025, 2, 25)),
    ),
)
def test_within_n_units(text, made_on, start, end):
    assert window(text, made_on) == (start, end)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("SPRING 2025", D(2025, 3, 1), D(2025, 5, 31)),
        ("  In  The   Coming Days! ", D(2025, 2, 21), D(2025, 3, 6)),
        ("No Later Than June.", None, D(2025, 6, 30)),
        ("Q4.", D(2025, 10, 1), D(2025, 12, 31)),
        ("February or March, 2025;", D(2025, 2, 1), D(2025, 3, 31)),
        ("sometime in 2026", D(2026, 1, 1), D(2026, 12, 31)),
        ("at the end of the year", None, D(2025, 12, 31)),
    ],
)
def test_case_spacing_fillers_and_trailing_punctuation_do_not_matter(text, start, end):
    assert window(text) == (start, end)


@pytest.mark.parametrize(
    "text",
    ["whenever", "", "   ", "in 3 weeks", "after June", "eventually", "early next week", "winter 2025-27",
     "next spring 2026", "within 0 days", "Juneteenth", "line\nbreak"],
)
def test_not_understood_names_the_text_and_lists_the_accepted_forms_on_one_line(text):
    with pytest.raises(InvalidInput) as raised:
        parse_window_phrase(text, made_on=THURSDAY)
    message = str(raised.value)
    assert message.startswith(f"window {text!r} is not understood; give an ISO date or FROM..TO")
    for form in ("spring 2025", "February or March 2025", "Q3 2025", "by/no later than/before",
                 "the end of the year", "this/next week/month/year", "in the coming days/weeks/months",
                 "within N days/weeks/months"):
        assert form in message
    assert "\n" not in message
    assert raised.value.exit_code == 2


def test_the_full_error_message():
    with pytest.raises(InvalidInput) as raised:
        parse_window_phrase("whenever", made_on=THURSDAY)
    assert str(raised.value) == (
        "window 'whenever' is not understood; give an ISO date or FROM..TO, a season (spring 2025), "
        "a month or two (February or March 2025), a quarter (Q3 2025), by/no later than/before DATE "
        "or month, the end of the year, this/next week/month/year, in the coming days/weeks/months, "
        "within N days/weeks/months"
    )


@pytest.mark.parametrize(
    "text", ["February 30 2025", "June 31", "2025-02-30", "by 2025-13-01", "February 29 2025"]
)
def test_a_day_that_does_not_exist_is_refused(text):
    with pytest.raises(InvalidInput, match=rf"^window {text!r} names a day that does not exist; give "):
        parse_window_phrase(text, made_on=THURSDAY)


def test_a_window_ending_before_it_starts_is_refused():
    with pytest.raises(InvalidInput) as raised:
        parse_window_phrase("June 2025 or April 2025", made_on=THURSDAY)
    assert str(raised.value).startswith(
        "window 'June 2025 or April 2025' ends (2025-04-30) before it starts (2025-06-01); give "
    )


def test_an_iso_range_ending_before_it_starts_is_refused_by_parse_window():
    with pytest.raises(InvalidInput, match="ends before it starts"):
        parse_window_phrase("2025-06-01..2025-05-01", made_on=THURSDAY)


@pytest.mark.parametrize("text", ["Q3 0000", "winter 9999", "within 99999999999 days"])
def test_dates_outside_the_calendar_are_refused(text):
    with pytest.raises(InvalidInput, match=rf"^window {text!r} is out of the calendar's range; give "):
        parse_window_phrase(text, made_on=THURSDAY)
