"""Priorities stage: Doc + quotes + people → stated priorities, tasks, focus and commitments.

Owns the cue lexicon matching and the holder of each priority. Does not create people or quotes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .records import Person, Priority, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc


def find_priorities(doc: Doc, quotes: tuple[Quote, ...], people: tuple[Person, ...]) -> tuple[Priority, ...]:
    """Priorities in text order (filled in by the priorities issue)."""
    return ()
