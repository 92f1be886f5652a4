"""Questions, their options and tags, and the claims that get scored on them.

Binary and choice questions get their claims when they are created: one ``yes`` claim,
or one ``option:…`` claim per option, each with the question's deadline. A date
question's claims are its windows; a window's claim is created the first time someone
forecasts it, so experts naming the same window share one claim.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re

from sqlmodel import Session, select

from forecasts.errors import Conflict, InvalidInput, NotFound
from forecasts.models import QUESTION_KINDS, Claim, Question, QuestionOption, QuestionTag
from forecasts.names import name_key
from forecasts.parsing import Window

SLUG_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,99}")
SLUG_ACCEPTED = "lowercase letters, digits and hyphens, starting with a letter or digit (putin-trump-meeting)"
OTHER = "other"


def add_question(
    *,
    session: Session,
    slug: str,
    title: str,
    kind: str,
    deadline: dt.date | None = None,
    options: list[str] = (),
    tags: list[str] = (),
    criteria: str | None = None,
) -> Question:
    """Record a new question and the claims it has from the start."""
    if not SLUG_PATTERN.fullmatch(slug):
        raise InvalidInput(f"question slug {slug!r} is not valid; use {SLUG_ACCEPTED}")
    if kind not in QUESTION_KINDS:
        raise InvalidInput(f"question kind {kind!r} is not known; use one of {', '.join(QUESTION_KINDS)}")
    if not title.strip():
        raise InvalidInput("question title is empty; give the question in words")
    if kind in ("binary", "choice") and deadline is None:
        raise InvalidInput(f"a {kind} question needs --deadline DATE (the date by which it is decided)")
    if kind == "choice" and len(options) < 2:
        raise InvalidInput("a choice question needs at least two --option values")
    if kind != "choice" and options:
        raise InvalidInput(f"--option is for choice questions only; this question's kind is {kind!r}")
    option_keys = [name_key(option) for option in options]
    for option, key in zip(options, option_keys):
        if not key:
            raise InvalidInput("an option is empty; give each --option a label")
        if key == OTHER:
            raise InvalidInput(
                "option 'other' is reserved: an outcome outside the options resolves as 'other'"
            )
    if len(set(option_keys)) != len(option_keys):
        raise InvalidInput(f"options {list(options)!r} repeat a label; give each option once")
    if session.exec(select(Question.id).where(Question.slug == slug)).first() is not None:
        raise Conflict(f"question {slug!r} already exists; choose another slug")

    question = Question(slug=slug, title=title.strip(), kind=kind, deadline=deadline, criteria=criteria)
    session.add(question)
    session.flush()
    for tag in dict.fromkeys(tag.strip().lower() for tag in tags):
        if not tag:
            raise InvalidInput("a tag is empty; give each --tag a word")
        session.add(QuestionTag(question_id=question.id, tag=tag))
    if kind == "binary":
        session.add(Claim(question_id=question.id, key="yes", deadline=deadline))
    for position, (option, key) in enumerate(zip(options, option_keys)):
        row = QuestionOption(question_id=question.id, label=" ".join(option.split()), label_key=key, position=position)
        session.add(row)
        session.flush()
        session.add(Claim(question_id=question.id, key=f"option:{key}", option_id=row.id, deadline=deadline))
    session.flush()
    return question


def find_question(*, session: Session, slug: str) -> Question:
    """The question with ``slug``; NotFound otherwise."""
    question = session.exec(select(Question).where(Question.slug == slug.strip().lower())).first()
    if question is None:
        # Only on this error path: every slug, for a "did you mean" as experts have.
        slugs = session.exec(select(Question.slug)).all()
        close = difflib.get_close_matches(slug.strip().lower(), slugs, n=3, cutoff=0.75)
        hint = f"did you mean {' or '.join(repr(s) for s in close)}? " if close else ""
        raise NotFound(f"no question {slug!r}; {hint}see 'trackrecord question list' or add it with 'trackrecord question add'")
    return question


def options_of(*, session: Session, question: Question) -> list[QuestionOption]:
    return list(
        session.exec(
            select(QuestionOption).where(QuestionOption.question_id == question.id).order_by(QuestionOption.position)
        ).all()
    )


def tags_of(*, session: Session, question: Question) -> list[str]:
    return list(
        session.exec(select(QuestionTag.tag).where(QuestionTag.question_id == question.id).order_by(QuestionTag.tag)).all()
    )


def question_details(*, session: Session, question: Question) -> dict:
    """The fields that define a question, to compare it with one being imported."""
    return {
        "title": question.title,
        "kind": question.kind,
        "deadline": question.deadline,
        "options": [option.label for option in options_of(session=session, question=question)],
        "tags": tags_of(session=session, question=question),
        "criteria": question.criteria or None,
    }


def find_option(*, session: Session, question: Question, label: str) -> QuestionOption:
    """The option of ``question`` called ``label`` (case-insensitive); InvalidInput otherwise."""
    options = options_of(session=session, question=question)
    key = name_key(label)
    for option in options:
        if option.label_key == key:
            return option
    raise InvalidInput(
        f"option {label!r} is not on question {question.slug!r}; "
        f"its options are {', '.join(o.label for o in options)}"
    )


def claim_for(
    *, session: Session, question: Question, option: str | None = None, window: Window | None = None
) -> Claim:
    """The claim a forecast on ``question`` is about, created for a new window."""
    if question.kind != "choice" and option is not None:
        raise InvalidInput(f"--option is for choice questions; {question.slug!r} is a {question.kind} question")
    if question.kind != "date" and window is not None:
        raise InvalidInput(
            f"--window and --by are for date questions; {question.slug!r} is a {question.kind} question"
        )
    if question.kind == "binary":
        return session.exec(select(Claim).where(Claim.question_id == question.id, Claim.key == "yes")).one()
    if question.kind == "choice":
        if option is None:
            options = ", ".join(o.label for o in options_of(session=session, question=question))
            raise InvalidInput(f"question {question.slug!r} is a choice question; give --option, one of {options}")
        chosen = find_option(session=session, question=question, label=option)
        return session.exec(select(Claim).where(Claim.option_id == chosen.id)).one()
    if window is None:
        raise InvalidInput(
            f"question {question.slug!r} is a date question; give --window FROM..TO or --by DATE"
        )
    claim = session.exec(select(Claim).where(Claim.question_id == question.id, Claim.key == window.key)).first()
    if claim is None:
        claim = Claim(
            question_id=question.id,
            key=window.key,
            window_start=window.start,
            window_end=window.end,
            deadline=window.end,
        )
        session.add(claim)
        session.flush()
    return claim


def describe_claim(claim: Claim, options: dict[int, str] | None = None) -> str:
    """How a claim reads to a person: 'yes', 'Baku', '2025-03-01..2025-05-31', 'by 2025-06-30'."""
    if claim.window_end is not None:
        if claim.window_start is None:
            return f"by {claim.window_end.isoformat()}"
        return f"{claim.window_start.isoformat()}..{claim.window_end.isoformat()}"
    if claim.option_id is not None:
        return (options or {}).get(claim.option_id, claim.key.removeprefix("option:"))
    return claim.key
