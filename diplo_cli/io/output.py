"""Where output lines go: stdout or a file, each line written whole and flushed.

Nothing an earlier run wrote is lost to a run that never starts: ``-o FILE`` is checked when the
Sink is made (a missing folder, a folder, a read-only file are errors before the model loads) but
emptied only when the first line is ready, so a missing model, a bad option or Ctrl-C during
start-up leave it as it was. Every OS error on the output becomes an OutputError.

Owns --resume: reading which articles an earlier run already finished, and cutting off a torn
last line left by a run that was killed mid-write. Lines are opaque bytes here.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from typing import BinaryIO

import orjson

from diplo_cli.errors import OutputError


class Sink:
    """Writes complete lines to stdout or a file, flushing after each so a crash loses none.

    A file is opened (without truncating it) when the Sink is made, so an unwritable target fails
    at once; it is emptied when the first line is written, or by ``finish()`` when a run that
    completed wrote none. With ``append`` (--resume) it is never emptied.
    """

    def __init__(self, path: str | None = None, append: bool = False) -> None:
        self.path = path
        self.append = append
        self.written = 0
        self._stream: BinaryIO | None = None
        if path is None:
            self._stream = sys.stdout.buffer
        elif os.path.exists(path):
            self._stream = self._open(path, os.O_WRONLY | os.O_APPEND)
        else:
            _check_can_create(path)

    def write(self, line: bytes) -> None:
        if self.written == 0 and self.path is not None:
            self._start()
        assert self._stream is not None
        try:
            self._stream.write(line)
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as e:
            raise self._error(e) from None
        self.written += 1

    def finish(self) -> None:
        """The run is complete: a file that got no line now holds this run's (empty) output."""
        if self.written == 0 and self.path is not None:
            self._start()
        self.close()

    def close(self) -> None:
        if self.path is not None and self._stream is not None:
            stream, self._stream = self._stream, None
            try:
                stream.close()
            except OSError as e:
                raise self._error(e) from None

    def _start(self) -> None:
        """Before the first line: create the file, or empty the earlier run's (not when appending)."""
        assert self.path is not None
        if self._stream is None:
            self._stream = self._open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
        if not self.append:
            fd = self._stream.fileno()
            if stat.S_ISREG(os.fstat(fd).st_mode):  # not /dev/null, a pipe or a terminal
                os.ftruncate(fd, 0)

    def _open(self, path: str, flags: int) -> BinaryIO:
        if os.path.isdir(path):
            raise OutputError(f"cannot write {path}: it is a folder (give a file name with -o)")
        try:
            fd = os.open(path, flags, 0o666)
        except OSError as e:
            raise self._error(e) from None
        return os.fdopen(fd, "ab")

    def _error(self, e: OSError) -> OutputError:
        where = self.path if self.path is not None else "stdout"
        reason = _REASONS.get(e.errno or 0, e.strerror or str(e))
        return OutputError(f"cannot write {where}: {reason}", stdout=self.path is None)


_REASONS = {
    errno.ENOSPC: "no space left on the device; the lines written so far are complete",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "read-only file system",
    errno.EISDIR: "it is a folder (give a file name with -o)",
    errno.ENOENT: "its folder does not exist",
    errno.EDQUOT: "disk quota exceeded; the lines written so far are complete",
}


def _check_can_create(path: str) -> None:
    folder = os.path.dirname(path) or "."
    if not os.path.isdir(folder):
        raise OutputError(f"cannot write {path}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write {path}: permission denied (folder {folder})")


def same_file(a: str, b: str) -> bool:
    """Whether two paths name one existing file (through links, relative paths, symlinks)."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def resume_state(path: str) -> tuple[set[str], int]:
    """Ids with a complete line in an earlier output file, and how many torn bytes were cut off.

    A line counts as complete when it ends in a newline and parses as a JSON object with an id.
    Anything after the last newline is the torn end of a killed run: it is truncated away so the
    file stays valid JSON Lines before new lines are appended.
    """
    if not os.path.exists(path):
        return set(), 0
    with open(path, "rb") as f:
        data = f.read()
    cut = data.rfind(b"\n") + 1
    torn = len(data) - cut
    if torn:
        with open(path, "r+b") as f:
            f.truncate(cut)
    done: set[str] = set()
    for raw in data[:cut].splitlines():
        try:
            rec = orjson.loads(raw)
        except orjson.JSONDecodeError:
            continue
        if isinstance(rec, dict) and isinstance(rec.get("id"), str):
            done.add(rec["id"])
    return done, torn
