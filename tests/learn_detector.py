"""Could a model trained on our own labels find the forecasts the rules miss? ``python tests/learn_detector.py``

An experiment for issue 14, not part of ``extract``. It takes every sentence of the **dev** articles (never a
held-out one) that the rules make no candidate from, marks it a forecast when it lands on a labelled forecast
(``score_extraction.overlaps``), and trains a logistic regression (scikit-learn, a test dependency) on

- ``words``: the sentence's words and word pairs (numbers and years folded), and
- ``words+cues``: the same plus cues the rules use (a time phrase, a hedge word and its kind, a quotation, "said",
  a past-tense verb, "if", a percentage),

each scored leave-one-batch-out (trained on the other batches, tested on the batch left out: a fresh batch, as
the held-out parts are). ``hedged`` is the same for the sentences with a hedge word the rules declined, the only
ones from which a probability could be read honestly. Printed per setting and threshold: sentences flagged, how
many are labelled forecasts, how many are not.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from score_extraction import ARTICLES, overlaps  # noqa: E402

from trackrecord.forecasts import extraction  # noqa: E402
from trackrecord.forecasts.verbal import default_scale  # noqa: E402

#: The last article number of each batch, in order (tests/data/articles/README.md).
BATCH_ENDS = (30, 48, 54, 66, 72, 96, 120, 144, 168)


def sentences() -> list[dict]:
    """Every dev sentence with no rule candidate: its text, batch, hedges, times and whether it is a forecast."""
    scale = default_scale()
    table = extraction._hedge_table(scale)
    pattern = extraction._hedge_regex(table)
    rows = []
    for name, meta in sorted(json.loads((ARTICLES / "labels.json").read_text(encoding="utf-8"))["articles"].items()):
        if meta["part"] != "dev":
            continue
        text = (ARTICLES / name).read_text(encoding="utf-8")
        reader = extraction._ArticleReader(text, dt.date.fromisoformat(meta["published"]), scale, meta["outlet"])
        ruled = {candidate.quote for candidate in reader.candidates()}
        quotes = [quote for forecast in meta["forecasts"] for quote in forecast["quote"]]
        number = int(re.match(r"\d+", name)[0])
        for sentence in reader.sentences:
            if sentence.text in ruled:
                continue
            times = extraction._time_phrases(sentence.text)
            rows.append({
                "text": sentence.text, "batch": next(i for i, end in enumerate(BATCH_ENDS) if number <= end),
                "times": times, "hedges": extraction._hedges(sentence.text, times, table, pattern),
                "forecast": any(overlaps(sentence.text, quote) for quote in quotes),
            })
    return rows


def features(row: dict, cues: bool) -> dict[str, float]:
    text = re.sub(r"\b(?:19|20)\d\d\b", " _year_ ", row["text"].casefold())
    words = re.findall(r"[a-z_]+|%", re.sub(r"\d+(?:[.,]\d+)?", " _num_ ", text))
    terms = set(words) | {f"{a} {b}" for a, b in zip(words, words[1:])}
    found = {f"w:{term}": 1 / np.sqrt(len(terms)) for term in terms}
    if cues:
        for hedge in row["hedges"]:
            found[f"hedge:{extraction._spelling_key(hedge.text)}"] = 1.0
            found[f"rank:{hedge.rank}"] = 1.0
        found.update({
            "time": float(bool(row["times"])), "quote": float(bool(re.search(r"[\"“”]", row["text"]))),
            "said": float(bool(re.search(r"\b(?:said|says|told)\b", row["text"]))),
            "past": float(bool(re.search(r"\b(?:was|were|had|did)\b", row["text"]))),
            "if": float(bool(re.search(r"\b(?:if|unless)\b", row["text"], re.IGNORECASE))),
            "percent": float(bool(re.search(r"\d\s*(?:%|per ?cent|percent)", row["text"]))),
        })
    return found


def leave_one_batch_out(rows: list[dict], cues: bool) -> np.ndarray:
    """Each row's probability of being a forecast, from a model trained without its batch."""
    batches = np.array([row["batch"] for row in rows])
    labels = np.array([row["forecast"] for row in rows])
    found = [features(row, cues) for row in rows]
    scores = np.zeros(len(rows))
    for batch in sorted(set(batches)):
        train, test = batches != batch, batches == batch
        if labels[train].all() or not labels[train].any():
            continue
        vectors = DictVectorizer()
        fitted = vectors.fit_transform([found[i] for i in np.flatnonzero(train)])
        model = LogisticRegression(C=1.0, class_weight="balanced", max_iter=3000).fit(fitted, labels[train])
        scores[test] = model.predict_proba(vectors.transform([found[i] for i in np.flatnonzero(test)]))[:, 1]
    return scores


def main() -> int:
    rows = sentences()
    hedged = [row for row in rows if row["hedges"]]
    print(f"dev sentences with no rule candidate: {len(rows)}, of which labelled forecasts "
          f"{sum(row['forecast'] for row in rows)}; with a hedge word: {len(hedged)} "
          f"({sum(row['forecast'] for row in hedged)} forecasts)")
    for title, part, cues in (("words", rows, False), ("words+cues", rows, True), ("hedged, words+cues", hedged, True)):
        scores = leave_one_batch_out(part, cues)
        labels = np.array([row["forecast"] for row in part])
        for threshold in (0.5, 0.6, 0.7, 0.8):
            flagged = scores >= threshold
            right = int((flagged & labels).sum())
            print(f"  {title:20} threshold {threshold}: flagged {int(flagged.sum()):4}, forecasts {right:3} of "
                  f"{int(labels.sum())}, not forecasts {int((flagged & ~labels).sum()):4}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
