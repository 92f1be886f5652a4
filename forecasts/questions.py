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

from sqlalchemy import func
from sqlmodel import Session, select

from dataclasses import dataclass

from trackrecord.forecasts.changes import QuestionChanges, changed_by, live_forecasts, question_changes, required_reason
from trackrecord.forecasts.errors import Conflict, InvalidInput, NotFound
from trackrecord.forecasts.models import QUESTION_KINDS, Claim, Forecast, Question, QuestionOption, QuestionTag, RecordChange
from trackrecord.forecasts.names import name_key
from trackrecord.forecasts.parsing import Window

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
    option_keys = [_option_key(option) for option in options]
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
    for position, option in enumerate(options):
        _add_option(session, question, option, position, deadline)
    session.flush()
    return question


def _option_key(option: str) -> str:
    key = name_key(option)
    if not key:
        raise InvalidInput("an option is empty; give each --option a label")
    if key == OTHER:
        raise InvalidInput("option 'other' is reserved: an outcome outside the options resolves as 'other'")
    return key


def _add_option(session: Session, question: Question, option: str, position: int, deadline: dt.date) -> QuestionOption:
    key = _option_key(option)
    row = QuestionOption(question_id=question.id, label=" ".join(option.split()), label_key=key, position=position)
    session.add(row)
    session.flush()
    session.add(Claim(question_id=question.id, key=f"option:{key}", option_id=row.id, deadline=deadline))
    return row


def add_option_row(*, session: Session, question: Question, label: str) -> QuestionOption:
    """Add an option (and its claim) after the choice question's last one."""
    options = options_of(session=session, question=question)
    if _option_key(label) in {o.label_key for o in options}:
        raise Conflict(f"option {label!r} is already on question {question.slug!r}")
    deadline = current_question(session=session, question=question).deadline
    return _add_option(session, question, label, max(o.position for o in options) + 1, deadline)


def find_question(*, session: Session, slug: str, removed_ok: bool = False) -> Question:
    """The question with ``slug`` (not removed, unless ``removed_ok``); NotFound otherwise."""
    question = session.exec(select(Question).where(Question.slug == slug.strip().lower())).first()
    if question is not None and not removed_ok:
        removal = question_changes(session, [question.id]).get(question.id, QuestionChanges()).removed
        if removal is not None:
            raise NotFound(
                f"question {question.slug!r} was removed on {removal.recorded_at.date().isoformat()} "
                f"({removal.reason}); see 'trackrecord history --question {question.slug}'"
            )
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


def base_tags(*, session: Session, question_ids=None) -> dict[int, list[str]]:
    """The tags questions were created with, by question id."""
    query = select(QuestionTag.question_id, QuestionTag.tag).order_by(QuestionTag.tag)
    if question_ids is not None:
        query = query.where(QuestionTag.question_id.in_(list(question_ids)))
    tags: dict[int, list[str]] = {}
    for question_id, tag in session.exec(query).all():
        tags.setdefault(question_id, []).append(tag)
    return tags


@dataclass(frozen=True)
class QuestionNow:
    """A question's fields as they stand after its edits."""

    title: str
    criteria: str | None
    deadline: dt.date | None
    tags: list[str]
    removed: bool


def question_now(question: Question, edits: QuestionChanges | None, tags: list[str]) -> QuestionNow:
    """``question`` overlaid with its ``edits``; ``tags`` are its creation tags."""
    edits = edits or QuestionChanges()
    current = [t for t in tags if t not in edits.tags_removed] + edits.tags_added
    return QuestionNow(
        title=edits.title or question.title,
        criteria=edits.criteria if edits.criteria_edited else question.criteria,
        deadline=edits.deadline or question.deadline,
        tags=sorted(dict.fromkeys(current)),
        removed=edits.removed is not None,
    )


def current_question(*, session: Session, question: Question) -> QuestionNow:
    edits = question_changes(session, [question.id]).get(question.id)
    return question_now(question, edits, base_tags(session=session, question_ids=[question.id]).get(question.id, []))


def tags_of(*, session: Session, question: Question) -> list[str]:
    """The question's tags now."""
    return current_question(session=session, question=question).tags


def created_options_and_tags(*, session: Session, question_ids=None) -> dict[int, tuple[list[str], list[str]]]:
    """The option labels (in order) and tags questions were created with, by question id:
    of all questions, or of ``question_ids``. Options added later by an edit are left out
    (a JSON document carries them as changes). Three queries, whatever the number of
    questions."""
    options = select(QuestionOption.question_id, QuestionOption.id, QuestionOption.label).order_by(QuestionOption.question_id, QuestionOption.position)
    added = select(RecordChange.target_id).where(RecordChange.subject == "question", RecordChange.action == "add-option")
    if question_ids is not None:
        options = options.where(QuestionOption.question_id.in_(list(question_ids)))
        added = added.where(RecordChange.subject_id.in_(list(question_ids)))
    later = set(session.exec(added).all())
    created: dict[int, tuple[list[str], list[str]]] = {}
    for question_id, option_id, label in session.exec(options).all():
        if option_id not in later:
            created.setdefault(question_id, ([], []))[0].append(label)
    for question_id, tags in base_tags(session=session, question_ids=question_ids).items():
        created.setdefault(question_id, ([], []))[1].extend(tags)
    return created


def question_details(*, session: Session, question: Question, current: bool = False, created=None) -> dict:
    """The fields that define a question, to compare it with one being imported: as it
    was created (a JSON document carries edits separately, as changes), or with
    ``current`` as it stands now (a CSV table holds the current state). ``created``: the
    question's ``created_options_and_tags`` when already read."""
    if current:
        now = current_question(session=session, question=question)
        title, deadline, criteria, tags = now.title, now.deadline, now.criteria, now.tags
        options = [o.label for o in options_of(session=session, question=question)]
    else:
        if created is None:
            created = created_options_and_tags(session=session, question_ids=[question.id]).get(question.id, ([], []))
        options, tags = created
        title, deadline, criteria = question.title, question.deadline, question.criteria
    return {
        "title": title,
        "kind": question.kind,
        "deadline": deadline,
        "options": options,
        "tags": tags,
        "criteria": criteria or None,
    }


def edit_question(
    *,
    session: Session,
    slug: str,
    reason: str | None,
    title: str | None = None,
    criteria: str | None = None,
    deadline: dt.date | None = None,
    add_options: list[str] = (),
    tags: list[str] = (),
    untags: list[str] = (),
) -> list[RecordChange]:
    """Append the edits of one question; every edit except tags needs a reason.

    A new deadline may not fall on or before the day a live forecast on the question
    was made (that forecast would become hindsight): such an edit is refused, listing them.
    """
    question = find_question(session=session, slug=slug)
    now = current_question(session=session, question=question)
    if title is not None or criteria is not None or deadline is not None or add_options:
        reason = required_reason(reason, "editing a question's title, criteria, deadline or options")
    edits: list[tuple[str, str, int | None]] = []  # (action, value, target)
    if title is not None:
        if not title.strip():
            raise InvalidInput("question title is empty; give the question in words")
        if title.strip() != now.title:
            edits.append(("title", title.strip(), None))
    if criteria is not None and (criteria or None) != now.criteria:
        edits.append(("criteria", criteria, None))
    if deadline is not None:
        if question.kind == "date":
            raise InvalidInput(
                f"question {question.slug!r} is a date question: its windows are its deadlines; "
                "--deadline is for binary and choice questions"
            )
        if deadline != now.deadline:
            late = session.exec(
                select(Forecast.made_on)
                .join(Claim, Claim.id == Forecast.claim_id)
                .where(Claim.question_id == question.id, Forecast.made_on >= deadline, live_forecasts(session))
                .order_by(Forecast.made_on)
            ).all()
            if late:
                raise Conflict(
                    f"deadline {deadline.isoformat()} is on or before the day {len(late)} recorded forecast"
                    f"{'s were' if len(late) != 1 else ' was'} made (first {late[0].isoformat()}); "
                    "a deadline cannot turn forecasts into hindsight: retract or correct them first"
                )
            edits.append(("deadline", deadline.isoformat(), None))
    if add_options and question.kind != "choice":
        raise InvalidInput(f"--add-option is for choice questions; {question.slug!r} is a {question.kind} question")
    for option in add_options:
        row = add_option_row(session=session, question=question, label=option)
        edits.append(("add-option", row.label, row.id))
    for tag in dict.fromkeys(t.strip().lower() for t in tags):
        if not tag:
            raise InvalidInput("a tag is empty; give each --tag a word")
        if tag not in now.tags:
            edits.append(("tag", tag, None))
    for tag in dict.fromkeys(t.strip().lower() for t in untags):
        if tag not in now.tags:
            raise InvalidInput(f"question {question.slug!r} has no tag {tag!r}; its tags are {', '.join(now.tags) or 'none'}")
        edits.append(("untag", tag, None))
    if not edits:
        raise InvalidInput(
            f"nothing to change on question {question.slug!r}: give --title, --criteria, --deadline, "
            "--add-option, --tag or --untag with a value different from the current one"
        )
    rows = [
        RecordChange(
            subject="question", subject_id=question.id, action=action, value=value, target_id=target,
            reason=reason or None, changed_by=changed_by(),
        )
        for action, value, target in edits
    ]
    session.add_all(rows)
    session.flush()
    return rows


def remove_question(*, session: Session, slug: str, reason: str | None) -> Question:
    """Mark a question nobody forecast as removed (its row stays, with the reason)."""
    question = find_question(session=session, slug=slug)
    reason = required_reason(reason, "removing a question")
    forecasts = session.exec(
        select(func.count(Forecast.id)).join(Claim, Claim.id == Forecast.claim_id).where(Claim.question_id == question.id)
    ).one()
    if forecasts:
        raise Conflict(
            f"question {question.slug!r} has {forecasts} recorded forecast{'s' if forecasts != 1 else ''}; "
            "only a question nobody forecast can be removed (retract its forecasts, or annul it with "
            f"'trackrecord resolve {question.slug} --annul')"
        )
    session.add(RecordChange(subject="question", subject_id=question.id, action="remove", reason=reason, changed_by=changed_by()))
    session.flush()
    return question


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
