"""Per-Doc lookups that several stages need, computed once per article and shared.

spaCy rebuilds ``doc.text`` and walks every token for ``doc.sents`` and ``token.sent`` on each
call; the stages ask for these hundreds of times per article, so they read them from here instead.
The cache lives in ``doc.user_data`` under "diplo." keys: derived values, never a change to the Doc.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_TEXT, _SENTS, _STARTS, _ENTS = "diplo.text", "diplo.sents", "diplo.sent_starts", "diplo.ents"


def text(doc: Doc) -> str:
    """``doc.text``, built once."""
    if _TEXT not in doc.user_data:
        doc.user_data[_TEXT] = doc.text
    return doc.user_data[_TEXT]


def sentences(doc: Doc) -> list[Span]:
    """``list(doc.sents)``, built once."""
    if _SENTS not in doc.user_data:
        sents = list(doc.sents)
        doc.user_data[_SENTS] = sents
        doc.user_data[_STARTS] = [s.start for s in sents]
    return doc.user_data[_SENTS]


def sentence_of(t: Token) -> Span:
    """``t.sent`` by a binary search over the sentence starts."""
    sents = sentences(t.doc)
    return sents[bisect_right(t.doc.user_data[_STARTS], t.i) - 1]


def entities(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once."""
    if _ENTS not in doc.user_data:
        doc.user_data[_ENTS] = tuple(doc.ents)
    return doc.user_data[_ENTS]


def entity_at(t: Token) -> Span | None:
    """The entity a token is part of, if any."""
    if not t.ent_type_:
        return None
    return next((e for e in entities(t.doc) if e.start <= t.i < e.end), None)


def release(doc: Doc) -> None:
    """Drop the cached values: they hold spans of the Doc, a reference cycle spaCy's Doc does not
    let the garbage collector break, so every cached article would stay in memory."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith("diplo.")]:
        del doc.user_data[key]
