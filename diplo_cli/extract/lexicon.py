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
    raw = resources.files("diplo_cli.extract").joinpath("patterns").joinpath(f"{name}.jsonl").read_bytes()
    rows = (orjson.loads(line) for line in raw.splitlines() if line.strip())
    return tuple(r for r in rows if "_comment" not in r)


def name_words(kind: str) -> frozenset[str]:
    """Words of patterns/name_words.jsonl of one kind: institution and place heads that end no
    person's name, particles inside names ("von der"), prepositions of place, words that make a
    body international, nouns a pair of countries names the two sides of."""
    return words("name_words", kind, key="word")


@functools.cache
def words(name: str, kind: str | None = None, key: str = "cue") -> frozenset[str]:
    """The ``key`` values of a pattern file, optionally only those of one ``kind``."""
    return frozenset(e[key] for e in entries(name) if kind is None or e.get("kind") == kind)
