"""Load the word lists in patterns/*.jsonl (one JSON object per line; "_comment" lines are skipped).

Word lists are data, so users can extend them without touching code; each stage asks for its own.
"""

from __future__ import annotations

import functools
from importlib import resources

import orjson


@functools.cache
def entries(name: str) -> tuple[dict, ...]:
    """The entries of patterns/NAME.jsonl, in file order."""
    raw = resources.files("diplo_cli").joinpath("patterns", f"{name}.jsonl").read_bytes()
    rows = (orjson.loads(line) for line in raw.splitlines() if line.strip())
    return tuple(r for r in rows if "_comment" not in r)


@functools.cache
def words(name: str, kind: str | None = None, key: str = "cue") -> frozenset[str]:
    """The ``key`` values of a pattern file, optionally only those of one ``kind``."""
    return frozenset(e[key] for e in entries(name) if kind is None or e.get("kind") == kind)
