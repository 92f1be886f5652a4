"""Verbal probabilities: "unlikely" -> 0.20, transparently and reproducibly.

The default scale (``forecasts/data/verbal_scale.csv``) has two parts:

- the 17 phrases of the "Perceptions of probability" survey (46 respondents, after
  Sherman Kent's words of estimative probability), each mapped to the survey's median;
  data from github.com/zonination/perceptions, MIT licence, copyright 2016 Zoni Nation
  (``forecasts/data/PERCEPTIONS-LICENSE``);
- the hedges of news writing that the survey lacks ("may", "could", "expects", "will",
  "no chance", ...), each with its number and the reasoning, in the same file.

Matching folds case, accents, punctuation and extra spaces, drops a leading article, and
accepts common variants ("very unlikely" is "highly unlikely", "is expected" is
"expects", "not ruled out" is "did not rule out"); a near-miss spelling ("likley") is
read as the phrase it is closest to, never across a negation (a spelling is only read as
a phrase with as many negations: no typo of "likely" reads as "unlikely", and "not
unlikely" never reads as "unlikely"), and the reading says so. Anything else is refused
with suggestions and the list of known phrases: a guessed number is worse than an error.

A user scale file (CSV ``phrase,probability[,source]``, probability as 0.7 or 70%)
extends the default, its rows winning, or replaces it. Every scale has a ``version``
(``default-2``, ``default-2+file-<sha>``, ``file-<sha>``) stored beside each verbal
forecast with the phrase, so changing the scale later never silently rescores the record:
stored numbers stay as they were read. ``default-2`` added the litotes ("not unlikely",
"not impossible", "not certain", "no doubt", ...) and stopped reading a phrase across a
different number of negations: under ``default-1`` "not unlikely" was read as "unlikely".
"""

from __future__ import annotations

import csv
import difflib
import hashlib
import io
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path

from trackrecord.forecasts.csvcells import restore
from trackrecord.forecasts.errors import InvalidInput
from trackrecord.forecasts.parsing import PROBABILITY_ACCEPTED, parse_probability

DEFAULT_VERSION = "default-2"
FUZZY_CUTOFF = 0.8

#: spelling -> phrase of the default scale it means
VARIANTS = {
    "very likely": "highly likely",
    "very unlikely": "highly unlikely",
    "almost certain": "almost certainly",
    "nearly certain": "almost certainly",
    "definitely": "certain",
    "certainly": "certain",
    "expected": "expects",
    "is expected": "expects",
    "expect": "expects",
    "anticipated": "anticipates",
    "anticipate": "anticipates",
    "planned": "plans",
    "plan": "plans",
    "plans to": "plans",
    "possibly": "possible",
    "maybe": "perhaps",
    # news hedges read by ``extract`` (issue 14): a prediction is an expectation, "on course" is "likely"
    "forecasts": "expects",  # "Jane Roe forecasts a recession next year" (a verb; the noun is skipped)
    "forecast": "expects",  # "Acme Bank forecast growth of 2% next year" (the noun is skipped, as above)
    "predicting": "expects",
    "pencilled in": "expects",
    "penciled in": "expects",
    "projects": "expects",
    "sees": "expects",
    "see": "expects",  # "Acme Bank analysts see oil rising to $95 by year-end" (never "to see", "will see")
    "believes": "expects",
    "thinks": "expects",
    "reckons": "expects",
    "predicts": "expects",
    "predict": "expects",
    "predicted": "expects",
    "virtually certain": "almost certainly",
    "almost inevitable": "almost certainly",
    "inevitable": "certain",
    "on course": "likely",
    "on track": "likely",
    "favored": "likely",
    "favoured": "likely",
    "clearly favored": "highly likely",
    "clearly favoured": "highly likely",
    "reasonable chance": "possible",
    "at risk of": "possible",  # "Theresa May's Government is at risk of collapse within two years" (Heseltine)
    "more likely than not": "better than even",
    "slightly more likely than not": "better than even",
    "could be": "could",
    "may be": "may",
    "not ruled out": "did not rule out",
    "does not rule out": "did not rule out",
    "didn't rule out": "did not rule out",
    "did not exclude": "did not rule out",
    "hard to imagine": "difficult to imagine",
    "slim chance": "chances are slight",
    "slight chance": "chances are slight",
    "fifty-fifty": "about even",
    "50-50": "about even",
    "even chance": "about even",
    "even odds": "about even",
    "improbably": "improbable",
    "doubt": "we doubt",
    "not likely": "unlikely",
    "cannot be ruled out": "did not rule out",
    "can not be ruled out": "did not rule out",
    "cannot rule out": "did not rule out",
    "can't rule out": "did not rule out",
    "can't be ruled out": "did not rule out",
    "not improbable": "not unlikely",
    "not at all unlikely": "not unlikely",
    "not entirely impossible": "not impossible",
    "undoubtedly": "no doubt",
    "without doubt": "no doubt",
    "no doubt that": "no doubt",
    "beyond doubt": "no doubt",
    "no way": "no chance",
    "effectively zero": "almost no chance",  # "as close to zero as to be effectively zero" (Curtice)
    "zero chance": "no chance",
    "no chances": "no chance",
    "should": "likely",  # "P&G's shares should trade up", "inflation should meet the mandate"
    "better chance": "better than even",
    "going to": "will",  # "we're going to see $100 a barrel … during the first half of the year"
    "would": "will",  # reported speech: "the CEBR said prices would go up by 2% in 2010"
    "will not": "no chance",
    "won't": "no chance",
    "would not": "no chance",  # reported speech: "expressed confidence it would not escalate"
    "would not rule out": "did not rule out",
    "wouldn't rule out": "did not rule out",
    "will not rule out": "did not rule out",
    "won't rule out": "did not rule out",
    "wouldn't": "no chance",
    # common news idioms for a probability, read as the scale phrase nearest in meaning
    "coin flip": "toss-up",
    "coin toss": "toss-up",
    "long shot": "little chance",
    "near certainty": "almost certainly",
    "virtual certainty": "almost certainly",
    "all but certain": "almost certainly",
    "unavoidable": "certain",
    "high probability": "very good chance",
    "strong possibility": "good chance",
    "distinct possibility": "good chance",
    "odds-on": "likely",
    "poised to": "likely",
    "headed for": "likely",
    "heading for": "likely",
    "price target": "expects",  # an analyst's "year-end price target for the S&P 500 to 2,460"
    "year-end target": "expects",
    "odds are against": "unlikely",
    "safe bet": "very good chance",
    "all but guaranteed": "almost certainly",
    "betting on": "expects",
    "bets on": "expects",
    "bet on": "expects",
    "odds favor": "likely",
    "odds favour": "likely",
    "on the cards": "likely",
    "base case": "likely",  # "a recession next year is her base case": the outcome she thinks most likely
    "off the table": "little chance",
    "would not be surprised": "possible",
    "wouldn't be surprised": "possible",
    "done deal": "almost certainly",
    "foregone conclusion": "almost certainly",
    "far from certain": "not certain",
    "slim chance": "chances are slight",
    "slim chances": "chances are slight",
    "real risk": "possible",
    "real possibility": "possible",
    "realistic prospect": "possible",
    "plausible": "possible",
    "skeptical": "doubtful",
    "sceptical": "doubtful",
    "doubts": "we doubt",
    "doubted": "we doubt",
    # a negated expectation is a forecast that it will not happen
    "do not expect": "probably not",
    "does not expect": "probably not",
    "did not expect": "probably not",
    "don't expect": "probably not",
    "doesn't expect": "probably not",
    "didn't expect": "probably not",
    "not expecting": "probably not",
    "do not think": "probably not",
    "don't think": "probably not",
    "does not think": "probably not",
    "doesn't think": "probably not",
    "expects no": "probably not",  # "John Doe sees no cut before September": that it will not happen
    "expect no": "probably not",
    "expected no": "probably not",
    "sees no": "probably not",
    "see no": "probably not",
    "predicts no": "probably not",
    "predicted no": "probably not",
    "anticipates no": "probably not",
    "forecasts no": "probably not",
    # the passive of a forecast: "is projected to install 324 gigawatts by 2030"
    "is projected to": "expects",
    "are projected to": "expects",
    "is forecast to": "expects",
    "are forecast to": "expects",
    "is predicted to": "expects",
    "are predicted to": "expects",
    "is tipped to": "expects",
    "are tipped to": "expects",
    "is set to": "likely",
    "are set to": "likely",
    # a headline's or a list's passive with its verb left out: "Calgary prices projected to rise 8% next year"
    "projected to": "expects",
    "forecasted to": "expects",
    # the favourite to win: the outcome most think likely ("Labour are favourites to win the next election")
    "favourite to": "likely",
    "favourites to": "likely",
    "favorite to": "likely",
    "favorites to": "likely",
    "favourite for": "likely",
    "favourites for": "likely",
    "favorite for": "likely",
    "favorites for": "likely",
    # more news idioms, made up from wire copy and analysts' notes
    "is seen": "expects",  # "growth is seen at 3% next year", "inflation is seen peaking" (never "is seen as")
    "are seen": "expects",
    "is forecast at": "expects",
    "are forecast at": "expects",
    "is projected at": "expects",
    "are projected at": "expects",
    "is bound to": "highly likely",
    "are bound to": "highly likely",
    "is sure to": "almost certainly",
    "are sure to": "almost certainly",
    "every chance": "very good chance",
    "in all likelihood": "probably",
    "looks set to": "likely",
    "look set to": "likely",
    "seems set to": "likely",
    "in the offing": "likely",
    "nailed on": "almost certainly",
    "nailed-on": "almost certainly",
    "ought to": "likely",
    "matter of time": "highly likely",  # "it is only a matter of time before the bank cuts"
    "confident of": "highly likely",
    "foresees": "expects",
    "foresee": "expects",
    "envisages": "expects",
    "envisions": "expects",
    "pricing in": "expects",  # "markets are pricing in a cut in June"
    "cannot see": "unlikely",  # "she cannot see a cut before June"
    "planning on": "plans",  # "We're planning on 12 launches a year next year"
    "planning for": "plans",
    "increasing likelihood": "likely",
    "growing likelihood": "likely",
    "is estimated to": "expects",  # with a time only ("is estimated to be 37 percent of production next year")
    "are estimated to": "expects",
    "can't see": "unlikely",
}

_NEGATION = re.compile(
    r"\b(?P<prefix>un|im|in)\w|(?P<word>\bnot\b|\bno\b|n't|\bcannot\b|\bwithout\b|\bnever\b|\bhardly\b|\bscarcely\b|\bbarely\b)"
)


def _negations(key: str) -> tuple[str, ...]:
    """The negations of a folded phrase, in order, by kind: ``not`` for a negating word,
    ``un`` for a negating prefix ("not unlikely": ("not", "un"); "unlikely": ("un",)).

    A spelling may only be read as a phrase with the same negations: a typo never adds,
    drops or swaps one, so "not unlikely" never reads as "unlikely", "not not likely" not
    as "not unlikely", and "likley" never as "unlikely".
    """
    return tuple("un" if match.group("prefix") else "not" for match in _NEGATION.finditer(key))


_LEADING = re.compile(r"^(?:it is |it's |is |are |was |a |an )+")


def normalize_phrase(text: str) -> str:
    """Case-, accent-, punctuation- and space-folded form of a phrase."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()
    folded = folded.replace("’", "'")
    folded = re.sub(r"[^\w'\- ]+", " ", folded)
    return _LEADING.sub("", " ".join(folded.split()))


@dataclass(frozen=True)
class ScaleEntry:
    phrase: str
    probability: float
    source: str


@dataclass(frozen=True)
class VerbalReading:
    """What a verbal probability was read as."""

    text: str  # as the user wrote it
    phrase: str  # the scale phrase it matched
    probability: float
    scale_version: str
    approximate: bool  # matched by spelling similarity, not exactly or as a known variant


@dataclass(frozen=True)
class VerbalScale:
    entries: tuple[ScaleEntry, ...]
    version: str

    @cached_property
    def _index(self) -> dict[str, ScaleEntry]:
        """Folded phrase -> entry, built once per scale (``extract`` reads a phrase per candidate)."""
        return {normalize_phrase(entry.phrase): entry for entry in self.entries}

    def read(self, text: str) -> VerbalReading:
        """The scale's probability for ``text``; InvalidInput listing the phrases otherwise."""
        index = self._index
        key = normalize_phrase(text)
        candidates = [key, VARIANTS.get(key, ""), key.replace("very ", "highly "), key.replace("highly ", "very ")]
        for candidate in candidates:
            if candidate in index:
                entry = index[candidate]
                return VerbalReading(text, entry.phrase, entry.probability, self.version, approximate=False)
        spellings = list(index) + [variant for variant, target in VARIANTS.items() if target in index]
        nearby = difflib.get_close_matches(key, spellings, n=5, cutoff=FUZZY_CUTOFF)
        close = [spelling for spelling in nearby if _negations(spelling) == _negations(key)]
        if close:
            target = close[0] if close[0] in index else VARIANTS[close[0]]
            entry = index[target]
            return VerbalReading(text, entry.phrase, entry.probability, self.version, approximate=True)
        suggestions = sorted(  # the same polarity (parity of negations) first: never the opposite first
            difflib.get_close_matches(key, list(index), n=3, cutoff=0.6),
            key=lambda s: (len(_negations(s)) - len(_negations(key))) % 2,
        )
        hint = f"did you mean {' or '.join(repr(index[s].phrase) for s in suggestions)}? " if suggestions else ""
        negated = " (a negation is never guessed: its meaning is on the scale or it is refused)" if _negations(key) else ""
        raise InvalidInput(
            f"probability {text!r} is neither a number nor a phrase of the verbal scale ({self.version}){negated}; "
            f"{hint}give {PROBABILITY_ACCEPTED}, or a phrase such as {', '.join(e.phrase for e in self.entries[:6])}, "
            "... ('trackrecord scale' lists them all)"
        )


def _parse_rows(text: str, origin: str) -> list[ScaleEntry]:
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None or not {"phrase", "probability"} <= {name.strip() for name in reader.fieldnames}:
        raise InvalidInput(f"scale file {origin}: the header must name the columns phrase,probability[,source]")
    entries = []
    for line, row in enumerate(reader, start=2):
        row = {(key or "").strip(): restore(value or "") for key, value in row.items()}  # as scale --format csv wrote it
        if not row.get("phrase"):
            raise InvalidInput(f"scale file {origin}, line {line}: the phrase is empty")
        if any("\x00" in value for value in row.values()):
            raise InvalidInput(f"scale file {origin}, line {line}: contains a NUL character (\\x00); remove it")
        try:
            probability = parse_probability(row.get("probability", ""))
        except InvalidInput as error:
            raise InvalidInput(f"scale file {origin}, line {line}: {error}") from None
        entries.append(ScaleEntry(row["phrase"], probability, row.get("source") or f"scale file {origin}"))
    if not entries:
        raise InvalidInput(f"scale file {origin} has no phrases")
    return entries


def default_scale() -> VerbalScale:
    """The documented default scale."""
    text = resources.files(__package__).joinpath("data/verbal_scale.csv").read_text(encoding="utf-8")
    return VerbalScale(tuple(_parse_rows(text, "verbal_scale.csv")), DEFAULT_VERSION)


def load_scale(path: str | Path | None = None, *, replace: bool = False) -> VerbalScale:
    """The default scale, extended (its rows winning) or replaced by the file at ``path``."""
    if path is None:
        if replace:
            raise InvalidInput("--replace-scale needs --scale FILE, the scale to use instead of the default")
        return default_scale()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InvalidInput(f"scale file {str(path)!r} is not UTF-8 text; save it as UTF-8 CSV phrase,probability[,source]") from None
    except OSError as error:
        raise InvalidInput(f"scale file {str(path)!r} cannot be read ({error.strerror}); give a CSV file phrase,probability[,source]") from None
    own = _parse_rows(text, repr(str(path)))
    digest = "file-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    if replace:
        return VerbalScale(tuple(own), digest)
    overridden = {normalize_phrase(entry.phrase) for entry in own}
    kept = [entry for entry in default_scale().entries if normalize_phrase(entry.phrase) not in overridden]
    return VerbalScale(tuple(kept + own), f"{DEFAULT_VERSION}+{digest}")


#: A number in scientific notation, "1e-5" or "2.5E-3" (read as a number, not a phrase).
_SCIENTIFIC = re.compile(r"\s*[+-]?(?:\d+\.?\d*|\.\d+)[eE][+-]?\d+\s*%?\s*")


@dataclass(frozen=True)
class ProbabilityReading:
    probability: float
    phrase: str | None  # the user's words, when verbal
    scale_version: str | None
    matched: str | None  # the scale phrase the words matched
    approximate: bool = False  # matched by spelling similarity


def read_probability(text: str, scale: VerbalScale | Callable[[], VerbalScale] | None = None) -> ProbabilityReading:
    """A number (0.35, 35%) or a verbal phrase read through ``scale`` (default scale).

    ``scale`` may be a function returning the scale, called only for verbal input.
    """
    if (
        not re.search(r"[^\W\d_]", text)
        or re.fullmatch(r"\s*(nan|inf(inity)?)\s*%?\s*", text, re.IGNORECASE)
        or _SCIENTIFIC.fullmatch(text)
    ):
        return ProbabilityReading(parse_probability(text), None, None, None)
    if scale is None:
        scale = default_scale()
    elif callable(scale):
        scale = scale()
    reading = scale.read(text)
    return ProbabilityReading(
        reading.probability, " ".join(text.split()), reading.scale_version, reading.phrase, reading.approximate
    )
