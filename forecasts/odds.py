"""Probabilities that news prose states as numbers: "a 35 percent chance", "one in five".

``stated_odds(clause)`` lists every number in a clause that states how likely something
is, with its span, its value in [0, 1] and the words as written. The forms:

- a percentage next to a chance word: "a 45% chance", "63% probability", "99% certain",
  "in nearly 90% of scenarios";
- "put it at 95%" (the chance the speaker was asked about);
- a chance word, then the percentage a few words on: "puts the probability of a
  recession starting in the next 12 months at 45%", "the chances … at 99%",
  "(probability: 53%)", "raises the odds to 20%"; a following ", and just under 50
  percent" is a second number of the same list (so one sentence can hold two claims);
- "one in three", "a 1 in 20 chance", "odds … at about one in five";
- "even odds", "50-50", "fifty-fifty";
- "two-thirds likely", "a two-thirds chance", "three-quarters chance";
- odds: "3-to-1 against" (0.25), "odds of 3-to-1 that/on" (0.75); bookmakers' fractions
  "are 8/11 for the title" (11/19), "3/1 shots", "at 11/2" (2/13).

Guards: a number after "from" ("up from 15 percent") is the past value of a changed
estimate; a chance word and its number with "would", "typically", "usually" or
"normally" between them describe a counterfactual ("the risk would typically hover
closer to 15%"). Everything else is left to the reader in ``forecasts.extraction``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "fifty": 50, "hundred": 100,
    "a hundred": 100, "one hundred": 100, "thousand": 1000,
}
_NUMBER = r"(?:\d+(?:\.\d+)?|a\s+hundred|one\s+hundred|one|two|three|four|five|six|seven|eight|nine|ten|eleven|" \
          r"twelve|twenty|fifty|hundred|thousand)"
_APPROX = (r"(?:(?:about|around|roughly|nearly|almost|approximately|some|just\s+(?:under|over|below|above)|"
           r"over|under|more\s+than|less\s+than|close\s+to|at\s+least|at\s+most|only|perhaps|maybe)\s+)?")
_PERCENT = r"(?P<pct>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b|pct\b)"
_NOUN = r"(?:chances?|probability|probabilities|likelihood|odds|risks?|possibility|shot)"
_FRACTIONS = {"two-thirds": 2 / 3, "one-third": 1 / 3, "a third": 1 / 3, "three-quarters": 0.75,
              "one-quarter": 0.25, "a quarter": 0.25, "half": 0.5, "one-half": 0.5}
_FRACTION = r"(?P<fraction>two[-\s]thirds|one[-\s]third|a\s+third|three[-\s]quarters|one[-\s]quarter|a\s+quarter|" \
            r"one[-\s]half|half)"

_PERCENT_NOUN = re.compile(rf"(?<![\w.]){_PERCENT}\s+(?:{_NOUN}|certain|sure|likely|likelihood)\b", re.IGNORECASE)
#: a range of percentages before the noun, read as its middle: "a '20 or 30 per cent chance'", "a 25-30% chance"
_RANGE_PERCENT_NOUN = re.compile(
    rf"(?<![\w.])(?P<low>\d+(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)?\s*(?:-|–|\s+to\s+|\s+or\s+)\s*{_PERCENT}\s+"
    rf"(?:{_NOUN}|certain|sure|likely|likelihood)\b", re.IGNORECASE)
_PERCENT_OF_RUNS = re.compile(rf"\bin\s+{_APPROX}{_PERCENT}\s+of\s+(?:the\s+)?(?:scenarios|simulations|cases|runs)\b",
                              re.IGNORECASE)
_NOUN_THEN_PERCENT = re.compile(
    rf"\b{_NOUN}\b(?P<gap>[^.;%?!]{{0,90}}?)(?:\b(?:at|is|are|was|were|be|remains?|stands?|of|to|around|about)\s+"
    rf"(?:now\s+|currently\s+|still\s+)?|\b(?:climbed|risen|rose|jumped|increased|fallen|fell|dropped|declined)\s+"
    rf"(?:above\s+|below\s+|(?=over\b|under\b))|:\s*){_APPROX}{_PERCENT}",
    re.IGNORECASE)
_PUT_IT_AT = re.compile(rf"\b(?:put|puts|putting|pegged|pegs|peg|places?|placed)\s+(?:it|that|this|them)\s+at\s+{_APPROX}"
                        rf"{_PERCENT}", re.IGNORECASE)
_LIST_MORE = re.compile(rf"(?:,\s*(?:up|down)\s+from\s+[^,]+)?,?\s+and\s+{_APPROX}{_PERCENT}", re.IGNORECASE)
_ONE_IN = re.compile(rf"(?<![\w.])(?P<k>{_NUMBER})[\s-]+in[\s-]+(?P<n>{_NUMBER})(?!\w|\.\d)(?P<after>\s+(?:chance|odds|shot)\b)?",
                     re.IGNORECASE)
#: a split of a hundred: "a 70-30 proposition", "60/40 odds"
_SPLIT = re.compile(r"(?<![\w.])(?P<a>\d{1,2})[-/](?P<b>\d{1,2})(?=\s+(?:chance|odds|proposition|bet|shot|likelihood)\b)",
                    re.IGNORECASE)
_EVEN = re.compile(r"\b(?:even\s+odds|50[-/:]50|fifty[-\s]fifty)\b", re.IGNORECASE)
_FRACTION_RE = re.compile(rf"\b{_FRACTION}\s+(?:chance|likely|probability|likelihood)\b", re.IGNORECASE)
_TO_ODDS = re.compile(rf"(?<![\w.])(?P<a>{_NUMBER})[\s-]+to[\s-]+(?P<b>{_NUMBER})(?!\w|\.\d)(?:\s*(?P<side>against|on|odds)\b)?",
                      re.IGNORECASE)
_BOOKMAKER = re.compile(
    r"(?:\b(?:are|is|at|to|now|priced\s+at|there's|there\s+is|odds\s+of)\s+(?P<a>\d+)/(?P<b>\d+)"
    r"(?:\s*\(\d+(?:\.\d+)?\))?"  # the decimal price after the fraction: "11/2 (6.50)"
    r"(?=\s+(?:for|about|to|on|that|despite|after|having|following|with|and)\b|\s*[.,;]|\s*$))|(?:(?<![\w/])(?P<a2>\d+)/(?P<b2>\d+)\s+(?:shots?|favou?rites?|outsiders?)\b)",
    re.IGNORECASE)
_COUNTERFACTUAL = re.compile(r"\b(?:would|typically|usually|normally|used\s+to)\b", re.IGNORECASE)


@dataclass(frozen=True)
class StatedOdds:
    start: int
    end: int
    text: str  # as written
    probability: float


def _number(text: str) -> float | None:
    text = " ".join(text.casefold().split())
    if text in _WORDS:
        return float(_WORDS[text])
    try:
        return float(text)
    except ValueError:
        return None


def _after_from(clause: str, start: int) -> bool:
    return bool(re.search(rf"\bfrom\s+{_APPROX}$", clause[:start], re.IGNORECASE))


def stated_odds(clause: str) -> list[StatedOdds]:
    """The numbers in ``clause`` that state a probability, in order, without overlaps."""
    found: list[StatedOdds] = []

    def add(start: int, end: int, value: float | None) -> None:
        if value is None or not 0 <= value <= 1 or _after_from(clause, start):
            return
        if any(start < other.end and other.start < end for other in found):
            return
        found.append(StatedOdds(start, end, clause[start:end], round(value, 4)))

    for match in _RANGE_PERCENT_NOUN.finditer(clause):
        low, high = float(match["low"]), float(match["pct"])
        if low < high:
            add(match.start(), match.end(), (low + high) / 200)
    for match in _PERCENT_NOUN.finditer(clause):
        add(match.start(), match.end(), float(match["pct"]) / 100)
    for match in _PERCENT_OF_RUNS.finditer(clause):
        add(match.start("pct"), match.end(), float(match["pct"]) / 100)
    for match in _NOUN_THEN_PERCENT.finditer(clause):
        if _COUNTERFACTUAL.search(match["gap"]):
            continue
        add(match.start("pct"), match.end(), float(match["pct"]) / 100)
        tail = match.end()
        while more := _LIST_MORE.match(clause, tail):
            add(more.start("pct"), more.end(), float(more["pct"]) / 100)
            tail = more.end()
    for match in _PUT_IT_AT.finditer(clause):  # "I would put it at 95%": the chance asked about
        add(match.start("pct"), match.end(), float(match["pct"]) / 100)
    for match in _ONE_IN.finditer(clause):
        k, n = _number(match["k"]), _number(match["n"])
        before = clause[:match.start()]
        odds_context = match["after"] or re.search(rf"\b{_NOUN}\b[^.;]{{0,90}}\b(?:at|of|is|are)\s+{_APPROX}$", before,
                                                   re.IGNORECASE) or re.search(r"\ban?\s+$", before)
        if k and n and k < n and odds_context:
            add(match.start(), match.end(), k / n)
    for match in _EVEN.finditer(clause):
        add(match.start(), match.end(), 0.5)
    for match in _SPLIT.finditer(clause):
        a, b = int(match["a"]), int(match["b"])
        if a + b == 100:
            add(match.start(), match.end(), a / 100)
    for match in _FRACTION_RE.finditer(clause):
        add(match.start(), match.end(), _FRACTIONS[re.sub(r"\s+", "-", match["fraction"].casefold())
                                                  if "-" not in match["fraction"] and " " in match["fraction"]
                                                  and not match["fraction"].casefold().startswith("a ")
                                                  else " ".join(match["fraction"].casefold().split())])
    for match in _TO_ODDS.finditer(clause):
        a, b = _number(match["a"]), _number(match["b"])
        side = (match["side"] or "").casefold()
        before = clause[:match.start()]
        if not a or not b or (not side and not re.search(r"\bodds\b[^.;]{0,40}$", before, re.IGNORECASE)):
            continue
        if side == "against":
            add(match.start(), match.end(), b / (a + b))
        else:
            add(match.start(), match.end(), a / (a + b))
    for match in _BOOKMAKER.finditer(clause):
        a, b = (match["a"], match["b"]) if match["a"] else (match["a2"], match["b2"])
        start = match.start("a") if match["a"] else match.start("a2")
        end = match.end("b") if match["a"] else match.end()
        add(start, end, int(b) / (int(a) + int(b)))
    found.sort(key=lambda odds: odds.start)
    return found
