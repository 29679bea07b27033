"""Where output lines go: stdout or a file, each line written whole and flushed.

Owns --resume: reading which articles an earlier run already finished, and cutting off a torn
last line left by a run that was killed mid-write. Lines are opaque bytes here.
"""

from __future__ import annotations

import os
import sys
from typing import BinaryIO

import orjson


class Sink:
    """Writes complete lines to stdout or a file, flushing after each so a crash loses none."""

    def __init__(self, path: str | None = None, append: bool = False) -> None:
        self.path = path
        self._stream: BinaryIO
        if path is None:
            self._stream = sys.stdout.buffer
        else:
            self._stream = open(path, "ab" if append else "wb")  # noqa: SIM115 - closed by close()

    def write(self, line: bytes) -> None:
        self._stream.write(line)
        self._stream.flush()

    def close(self) -> None:
        if self.path is not None:
            self._stream.close()


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
