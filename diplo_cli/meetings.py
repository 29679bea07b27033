"""Meetings stage: Doc + people → meetings, visits, talks, calls and summits.

Owns triggers, kind, status, participants, location and date. Does not create people.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .records import Article, Meeting, Person

if TYPE_CHECKING:
    from spacy.tokens import Doc


def detect_meetings(doc: Doc, article: Article, people: tuple[Person, ...]) -> tuple[Meeting, ...]:
    """Meetings in text order (filled in by the meetings issue)."""
    return ()
