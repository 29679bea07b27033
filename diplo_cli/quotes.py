"""Quotes stage: Doc + people → direct and reported speech with its speaker.

Owns quotation-mark pairing, speech cues and speaker attribution. Does not create people.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .records import Person, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc


def find_quotes(doc: Doc, people: tuple[Person, ...]) -> tuple[Quote, ...]:
    """Direct and indirect quotes in text order (filled in by the quotes issue)."""
    return ()
