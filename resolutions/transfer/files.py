"""Output files written whole or not at all, and never over something by surprise.

Every file the command line writes (``export``, ``extract --output``) goes to a
temporary file in the same folder, is flushed to disk, then renamed over the target in
one step: a crash leaves the old file or the new one, never half of either. An existing
target is replaced only with ``force``; a symbolic link, a folder, or a missing folder
is refused, so nothing is written somewhere else than where it was asked.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from trackrecord.forecasts.errors import Conflict, InvalidInput


def check_target(path: Path, *, force: bool = False, option: str = "--output") -> None:
    """Refuse writing to ``path`` unless it is a new (or, with ``force``, a regular) file."""
    if path.is_symlink():
        raise InvalidInput(f"{option} {str(path)!r} is a symbolic link; give the path of the file itself")
    if path.is_dir():
        raise InvalidInput(f"{option} {str(path)!r} is a folder; give a file name")
    if not path.parent.is_dir():
        raise InvalidInput(f"{option} {str(path)!r} is in a folder that does not exist; create it first")
    if path.exists() and not force:
        raise Conflict(f"file {str(path)!r} already exists; give a new file name, or --force to replace it")


@contextmanager
def atomic_file(path: Path, *, newline: str | None = None) -> Iterator[TextIO]:
    """A text file that appears at ``path`` (UTF-8) only when the block ends without error."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        with open(temporary, "w", encoding="utf-8", newline=newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise InvalidInput(f"{str(path)!r} cannot be written ({error.strerror or error})") from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
