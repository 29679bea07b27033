"""Where output lines go: stdout or a file, each line written whole and flushed.

Nothing an earlier run wrote is lost to a run that never starts: ``-o FILE`` is checked when the
Sink is made (a missing folder, a folder, a read-only file are errors before the model loads) but
emptied only when the first line is ready, so a missing model, a bad option or Ctrl-C during
start-up leave it as it was. Every OS error on the output becomes an OutputError.

Owns --resume: reading which articles an earlier run finished and which failed (those run
again), cutting off a torn last line left by a run that was killed mid-write, and putting the
new lines of retried articles back in input order. Lines are otherwise opaque bytes here.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import sys
from dataclasses import dataclass
from typing import Any, BinaryIO

import orjson

from diplo_cli.errors import OutputError

# How the warnings an article that did not fail can carry begin (io/sources.py writes them):
# --resume reruns a line with empty lists only when one of its errors is something else.
WARNINGS = ("dateline has an impossible date", "file name is not valid UTF-8", "record 'id' is")


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


@dataclass(frozen=True, slots=True)
class ResumeState:
    """What an earlier output file says about its articles (see resume_state)."""

    done: frozenset[str]  # ids whose last complete line did not fail: not run again
    failed: frozenset[str]  # ids whose last complete line failed: run again
    torn: int  # bytes of a torn last line cut off


def line_failed(rec: dict[str, Any]) -> bool:
    """Whether an output line is that of an article that failed: its lists are empty and one of its
    errors is not a warning (a failed article's reason comes after its warnings)."""
    if rec.get("people") or rec.get("meetings") or rec.get("quotes") or rec.get("priorities"):
        return False
    errors = rec.get("errors") or []
    return any(not (isinstance(e, str) and e.startswith(WARNINGS)) for e in errors)


def resume_state(path: str) -> ResumeState:
    """Which articles an earlier output file finished, which failed, and how many torn bytes were cut off.

    A line counts when it ends in a newline and parses as a JSON object with an id; an id's last
    such line decides. Anything after the last newline is the torn end of a killed run: it is
    truncated away so the file stays valid JSON Lines before new lines are appended.
    """
    if not os.path.exists(path):
        return ResumeState(frozenset(), frozenset(), 0)
    try:
        with open(path, "rb") as f:
            data = f.read()
        cut = data.rfind(b"\n") + 1
        torn = len(data) - cut
        if torn:
            with open(path, "r+b") as repair:
                repair.truncate(cut)
    except OSError as e:
        raise OutputError(f"cannot read {path} to resume: {_REASONS.get(e.errno or 0, e.strerror or str(e))}") from None
    last: dict[str, bool] = {}  # id -> its last line failed
    for raw in data[:cut].splitlines():
        rec = _record(raw)
        if rec is not None:
            last[rec["id"]] = line_failed(rec)
    return ResumeState(frozenset(i for i, f in last.items() if not f), frozenset(i for i, f in last.items() if f), torn)


def settle(path: str) -> int:
    """Put each retried article's new line where its failed line was, so the file keeps input order.

    --resume appends the lines of the articles it runs again; a failed line followed later by a
    line of the same article (same id and source) is replaced by the last such line, which leaves
    the end of the file. Written to a temporary file renamed over the original, so a crash here
    leaves the file as it was (and a later --resume reads it the same way). Returns the number of
    lines replaced.
    """
    with open(path, "rb") as old:
        lines = old.read().splitlines(keepends=True)
    keys: list[tuple[str, str] | None] = []
    failed: list[bool] = []
    for raw in lines:
        rec = _record(raw) if raw.endswith(b"\n") else None
        keys.append(None if rec is None else (rec["id"], str(rec.get("source"))))
        failed.append(rec is not None and line_failed(rec))
    last = {key: i for i, key in enumerate(keys) if key is not None}
    out: list[bytes] = []
    moved: set[tuple[str, str]] = set()
    for i, (key, raw) in enumerate(zip(keys, lines, strict=True)):
        if key is None:
            out.append(raw)
        elif failed[i] and last[key] > i:  # superseded: the newest line of this article goes here
            if key not in moved:
                moved.add(key)
                out.append(lines[last[key]])
        elif not (i == last[key] and key in moved):
            out.append(raw)
    if not moved:
        return 0
    target = os.path.realpath(path)
    temp = os.path.join(os.path.dirname(target), f".{os.path.basename(target)}.diplo-{os.getpid()}.tmp")
    try:
        with open(temp, "wb") as new:
            new.writelines(out)
            new.flush()
            os.fsync(new.fileno())
        shutil.copymode(target, temp)
        os.replace(temp, target)
    except OSError as e:
        with contextlib.suppress(OSError):
            os.remove(temp)
        raise OutputError(f"cannot rewrite {path} in input order: {e.strerror or e}; its lines are complete "
                          "(retried articles are at the end)") from None
    return len(moved)


def _record(raw: bytes) -> dict[str, Any] | None:
    try:
        rec = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None
    return rec if isinstance(rec, dict) and isinstance(rec.get("id"), str) else None
