"""Score ``trackrecord extract`` against the hand labels: ``python tests/score_extraction.py [-v]``.

Parts: ``dev``, ``heldout``, ``blind``, ``blind3`` to ``blind7`` (tests/data/articles, labels.json; the
held-out articles are never used to tune the extractor; ``heldout`` was looked at by an earlier
session and is reported as "old heldout (seen)", ``blind`` is the second batch's held-out third,
reported as "new heldout (blind)", ``blind3`` the fourth batch's held-out third, ``blind4`` the held-out third
of the sixth batch, articles 73-96, reported as "fifth batch heldout (blind4)"; that batch's dev articles
are also reported on their own; ``blind5`` the held-out third of the seventh batch, articles 97 onward,
reported as "sixth batch heldout (blind5)", ``blind6`` the eighth batch's, articles 121-144, reported as
"seventh batch heldout (blind6)", ``blind7`` the ninth batch's, articles 145-168, reported as "eighth batch heldout
(blind7)") and ``seeds`` (tests/data/seeds, scored with the
seed test's own listing and matching rule from tests/test_extraction.py).

Matching, per article:

- a candidate **lands on** a labelled forecast when its quote and one of the label's
  quote sentences overlap: their longest common run of characters (case, quotes and
  spaces folded) is at least min(30, 60% of the shorter text); it lands on an ``ignore``
  fragment the same way;
- labels and candidates are then paired one to one, best pairs first (right speaker,
  then right window, then right probability, then longer overlap), so that one sentence
  with two claims needs two candidates;
- a label is **found** when its paired candidate names an accepted spelling of the
  expert (folded: case, "the", "Dr", "Sir", "Professor"); "found, any speaker" counts
  every paired label.

Printed per part: recall with the right speaker (and with any speaker); precision =
candidates that land on some labelled forecast / candidates (those landing only on an
``ignore`` fragment are left out of both); strict precision = candidates paired with a
right-speaker label / candidates; probability within 0.15 = share of the found labels
that state a number whose candidate's probability is within 0.15; time frame right =
share of the found labels with a window whose candidate window has the same end (within
7 days) and start (within 31 days; an open start is the publication day).
``-v`` lists misses and false positives for the dev part only.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: The last batches' dev articles, also reported on their own: each was scored before any rule was written from it.
BATCHES = {"dev6": (73, 96), "dev7": (97, 120), "dev8": (121, 144), "dev9": (145, 168)}
ARTICLES = HERE / "data" / "articles"
sys.path.insert(0, str(HERE))


def fold(text: str) -> str:
    text = text.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")
    return " ".join(text.casefold().split())


def overlaps(a: str, b: str) -> int:
    """Length of the longest common run of a and b when it is long enough, else 0."""
    a, b = fold(a), fold(b)
    match = difflib.SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.size if match.size >= min(30, 0.6 * min(len(a), len(b))) else 0


_HONORIFICS = re.compile(r"^(?:the|dr\.?|sir|professor|prof\.?|mr\.?|ms\.?|mrs\.?)\s+")


def person(name: str) -> str:
    name = fold(name)
    while True:
        stripped = _HONORIFICS.sub("", name)
        if stripped == name:
            return name
        name = stripped


def window_of(text: str | None, published: dt.date) -> tuple[dt.date, dt.date] | None:
    if not text:
        return None
    start, _, end = text.partition("..")
    return (dt.date.fromisoformat(start) if start else published, dt.date.fromisoformat(end))


def window_right(candidate: str | None, label: str, published: dt.date) -> bool:
    got, want = window_of(candidate, published), window_of(label, published)
    if got is None:
        return False
    return abs((got[1] - want[1]).days) <= 7 and abs((got[0] - want[0]).days) <= 31


@dataclass
class Tally:
    labels: int = 0
    found: int = 0
    found_any: int = 0
    candidates: int = 0
    landed: int = 0
    strict: int = 0
    ignored: int = 0
    numbers: int = 0
    numbers_right: int = 0
    windows: int = 0
    windows_right: int = 0
    wrong_outlet: int = 0  # found with the wrong speaker: the outlet (or "the article")
    wrong_spelling: int = 0  # … part of an accepted name or more ("Kganyago", "U.S. Solar Energy … (SEIA)")
    wrong_other: int = 0  # … someone else

    def add(self, other: Tally) -> None:
        for key in vars(self):
            setattr(self, key, getattr(self, key) + getattr(other, key))

    def lines(self, title: str) -> list[str]:
        def share(a: int, b: int) -> str:
            return f"{a / b:.2f} ({a}/{b})" if b else "n/a (0/0)"

        return [
            f"{title}: {self.labels} labelled forecasts, {self.candidates} candidates ({self.ignored} on ignored text)",
            f"  recall, right speaker  {share(self.found, self.labels)}   any speaker {share(self.found_any, self.labels)}",
            f"  precision              {share(self.landed, self.candidates - self.ignored)}"
            f"   strict (paired, right speaker) {share(self.strict, self.candidates - self.ignored)}",
            f"  probability within 0.15 of found with a number  {share(self.numbers_right, self.numbers)}",
            f"  time frame right of found with a window         {share(self.windows_right, self.windows)}",
            f"  wrong speaker {self.found_any - self.found}: the outlet {self.wrong_outlet}, part of the label's name "
            f"or more {self.wrong_spelling}, someone else {self.wrong_other}",
        ]


def pair(meta: dict, candidates: list[dict]) -> tuple[dict[int, tuple[int, bool, bool, bool]], set[int]]:
    """Labels paired one to one with candidates: {label index: (candidate index, speaker right, window right,
    number right)}, and the candidates that land on some label."""
    published = dt.date.fromisoformat(meta["published"])
    labels = meta["forecasts"]
    pairs = []
    landed = set()
    for ci, candidate in enumerate(candidates):
        for li, label in enumerate(labels):
            size = max(overlaps(candidate["quote"], quote) for quote in label["quote"])
            if not size:
                continue
            landed.add(ci)
            speaker = person(candidate["expert"]) in {person(e) for e in label["expert"]}
            when = label["window"] is not None and window_right(candidate["window"], label["window"], published)
            number = label["probability"] is not None and abs(candidate["probability"] - label["probability"]) <= 0.15
            pairs.append(((speaker, when, number, size), ci, li, speaker, when, number))
    pairs.sort(key=lambda pair: pair[0], reverse=True)
    used_c, used_l = set(), {}
    for _, ci, li, speaker, when, number in pairs:
        if ci in used_c or li in used_l:
            continue
        used_c.add(ci)
        used_l[li] = (ci, speaker, when, number)
    return used_l, landed


def wrong_kind(expert: str, accepted: list[str], outlet: str | None) -> str:
    """Why a found label's speaker is wrong: "outlet", "spelling" (part of an accepted name or more) or "other"."""
    if (outlet and person(expert) == person(outlet)) or expert.startswith("the article"):
        return "outlet"
    words = set(re.findall(r"\w+", person(expert)))
    if any(words <= set(re.findall(r"\w+", person(name))) or words >= set(re.findall(r"\w+", person(name)))
           for name in accepted):
        return "spelling"
    return "other"


def score_article(name: str, meta: dict, candidates: list[dict], notes: list[str] | None) -> Tally:
    labels = meta["forecasts"]
    tally = Tally(labels=len(labels), candidates=len(candidates))
    used_l, landed = pair(meta, candidates)
    for li, (ci, speaker, when, number) in used_l.items():
        tally.found_any += 1
        if not speaker:
            field = "wrong_" + wrong_kind(candidates[ci]["expert"], labels[li]["expert"], meta["outlet"])
            setattr(tally, field, getattr(tally, field) + 1)
        if speaker:
            tally.found += 1
            tally.strict += 1
            if labels[li]["probability"] is not None:
                tally.numbers += 1
                tally.numbers_right += number
            if labels[li]["window"] is not None:
                tally.windows += 1
                tally.windows_right += when
    tally.landed = len(landed)
    for ci, candidate in enumerate(candidates):
        if ci not in landed and any(overlaps(candidate["quote"], fragment) for fragment in meta["ignore"]):
            tally.ignored += 1
    if notes is not None:
        for li, label in enumerate(labels):
            got = used_l.get(li)
            if got is None:
                notes.append(f"  MISSED  {name}: {label['expert'][0]}: {label['quote'][0][:90]}")
            else:
                c = candidates[got[0]]
                if not (got[1] and (label["window"] is None or got[2]) and (label["probability"] is None or got[3])):
                    notes.append(f"  WRONG   {name}: {label['expert'][0]} / {label['window']} / {label['probability']}"
                                 f" <- {c['expert']} / {c['window']} / {c['probability']} ({c['phrase']})")
        for ci, candidate in enumerate(candidates):
            if ci not in landed and not any(overlaps(candidate["quote"], f) for f in meta["ignore"]):
                notes.append(f"  FALSE   {name}: {candidate['expert']} / {candidate['phrase']}: {candidate['quote'][:90]}")
    return tally


def extract(path: Path, published: str, outlet: str | None) -> list[dict]:
    from dataclasses import asdict

    from trackrecord.forecasts.extraction import extract_forecasts
    from trackrecord.forecasts.verbal import default_scale

    text = path.read_text(encoding="utf-8")
    found = extract_forecasts(text, published=dt.date.fromisoformat(published), scale=default_scale(), outlet=outlet)
    return [asdict(candidate) for candidate in found]


def score_corpus(verbose: bool) -> dict[str, Tally]:
    meta_all = json.loads((ARTICLES / "labels.json").read_text(encoding="utf-8"))["articles"]
    parts = {"dev": Tally(), "heldout": Tally(), "blind": Tally(), "blind3": Tally(), "blind4": Tally(),
             "blind5": Tally(), "blind6": Tally(), "blind7": Tally(), **{batch: Tally() for batch in BATCHES}}
    notes: list[str] = []
    for name, meta in sorted(meta_all.items()):
        candidates = extract(ARTICLES / name, meta["published"], meta["outlet"])
        show = notes if verbose and meta["part"] == "dev" else None
        tally = score_article(name, meta, candidates, show)
        parts[meta["part"]].add(tally)
        number = int(re.match(r"\d+", name)[0])
        for batch, (first, last) in BATCHES.items():
            if meta["part"] == "dev" and first <= number <= last:
                parts[batch].add(tally)
    if notes:
        print("\n".join(notes))
    return parts


def score_seeds() -> tuple[str, list[str]]:
    from test_extraction import LISTED, PUBLISHED, SEEDS

    found = set()
    right = total = 0
    for name, published in PUBLISHED.items():
        candidates = extract(SEEDS / name, published, None)
        listed_here = [listed for listed in LISTED if listed.article == name]
        found |= {listed.label for listed in listed_here if any(listed.matches(name, c) for c in candidates)}
        right += sum(any(listed.matches(name, c) for listed in listed_here) for c in candidates)
        total += len(candidates)
    missed = sorted({listed.label for listed in LISTED} - found)
    line = (f"seeds: {len(LISTED)} listed forecasts, {total} candidates\n"
            f"  recall, right speaker  {len(found) / len(LISTED):.2f} ({len(found)}/{len(LISTED)})   "
            f"precision (listed only) {right / total:.2f} ({right}/{total})")
    return line, missed


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    parts = score_corpus(verbose)
    titles = {"dev": "dev", "heldout": "old heldout (seen)", "blind": "new heldout (blind)",
              "blind3": "fourth batch heldout (blind3)", "blind4": "fifth batch heldout (blind4)",
              "blind5": "sixth batch heldout (blind5)", "blind6": "seventh batch heldout (blind6)",
              "blind7": "eighth batch heldout (blind7)"}
    both = Tally()
    held = Tally()
    for part in ("dev", "heldout", "blind", "blind3", "blind4", "blind5", "blind6", "blind7"):
        print("\n".join(parts[part].lines(titles[part])))
        both.add(parts[part])
        if part != "dev":
            held.add(parts[part])
    for batch, (first, last) in BATCHES.items():
        print("\n".join(parts[batch].lines(f"of dev, batch {batch[3:]} (articles {first}-{last})")))
    print("\n".join(held.lines("all heldout (old + blind + blind3 + blind4 + blind5 + blind6 + blind7)")))
    print("\n".join(both.lines("all (dev + all heldout)")))
    line, missed = score_seeds()
    print(line)
    if missed:
        print(f"  missed: {', '.join(missed)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
