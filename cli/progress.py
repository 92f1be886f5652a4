"""Progress for the person at a terminal: one line on stderr while a command works.

A command that has been working for over two seconds (``$TRACKRECORD_PROGRESS_AFTER``
seconds; 0 shows it at once) shows what it is doing and for how long, e.g.
``trackrecord leaderboard: working… 4 s``; an import shows its count instead,
``trackrecord import: 120,000 forecasts written… 6 s``. The line is redrawn twice a second by a background thread and
erased before the command prints anything, so output is never mixed with it. Nothing is
shown when stderr is not a terminal: pipes, files and scripts get only the output.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

AFTER_ENV_VAR = "TRACKRECORD_PROGRESS_AFTER"
AFTER_SECONDS = 2.0
#: How often the line is redrawn.
TICK_SECONDS = 0.5


def after_seconds() -> float:
    """How long a command works before its progress line shows: ``$TRACKRECORD_PROGRESS_AFTER``, else 2 s."""
    from trackrecord.forecasts.environment import seconds_setting

    return seconds_setting(AFTER_ENV_VAR, AFTER_SECONDS)


class _Line(threading.Thread):
    """The progress line of one command: drawn from ``after`` seconds on, until stopped."""

    def __init__(self, doing: str, after: float) -> None:
        super().__init__(name="trackrecord-progress", daemon=True)
        self.doing = doing
        self.detail = "working"
        self.after = after
        self.started_at = time.monotonic()
        self.done = threading.Event()
        self.lock = threading.Lock()  # one writer of the line at a time
        self.width = 0  # of the longest line drawn, to erase it

    def run(self) -> None:
        if self.done.wait(self.after):
            return
        while not self.done.is_set():
            self.draw()
            self.done.wait(TICK_SECONDS)

    def draw(self) -> None:
        with self.lock:
            if self.done.is_set():
                return
            text = f"\r{self.doing}: {self.detail}… {time.monotonic() - self.started_at:.0f} s"
            self.width = max(self.width, len(text))
            sys.stderr.write(text.ljust(self.width))  # over all of a longer line drawn before
            sys.stderr.flush()

    def update(self, detail: str) -> None:
        """Show ``detail`` now (once the line is due), not at the next redraw."""
        self.detail = detail
        if time.monotonic() - self.started_at >= self.after:
            self.draw()

    def stop(self) -> None:
        with self.lock:
            self.done.set()
        self.join()
        if self.width:
            sys.stderr.write("\r" + " " * self.width + "\r")
            sys.stderr.flush()
            self.width = 0


_shown: _Line | None = None


@contextmanager
def working(doing: str) -> Iterator[None]:
    """Show ``doing`` on the terminal while the block runs, once it has taken over
    ``after_seconds()``; on a terminal only. The first one opened wins (a command's
    transaction inside a command that already shows its own line)."""
    global _shown
    after = after_seconds()
    if _shown is not None or not sys.stderr.isatty():
        yield
        return
    line = _shown = _Line(doing, after)
    line.start()
    try:
        yield
    finally:
        stop()


def count(detail: str) -> None:
    """Say ``detail`` (``"120,000 forecasts written"``) on the line being shown, if any."""
    if _shown is not None:
        _shown.update(detail)


def stop() -> None:
    """Erase the progress line, before anything is printed."""
    global _shown
    line, _shown = _shown, None
    if line is not None:
        line.stop()
