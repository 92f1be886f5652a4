"""The one family of domain errors.

Every error says what was wrong and what is accepted. The command line turns them into
``Error: …`` on stderr with the exit status carried here: 2 for bad input, 1 for a
conflict or something missing. Nothing here knows about the command line.
"""

from __future__ import annotations


class TrackrecordError(Exception):
    """Base of all domain errors."""

    exit_code = 1


class InvalidInput(TrackrecordError):
    """A value the user gave is malformed or out of range."""

    exit_code = 2


class NotFound(TrackrecordError):
    """A named expert or question does not exist (an option not on a question is bad input)."""

    exit_code = 1


class Conflict(TrackrecordError):
    """The request contradicts the record (duplicate, hindsight, re-resolution)."""

    exit_code = 1


class Busy(TrackrecordError):
    """Another command held the record's write lock for longer than the bounded wait.

    Exit status 75 (``EX_TEMPFAIL``): nothing was written, and trying again later works.
    """

    exit_code = 75


class Tampered(TrackrecordError):
    """The record's hash chain does not hold: a row was edited, deleted or inserted behind
    trackrecord's back (``forecasts/chain.py``). Exit status 3."""

    exit_code = 3
