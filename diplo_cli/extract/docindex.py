"""Per-Doc lookups that several stages need, computed once per article and shared.

spaCy rebuilds ``doc.text`` and walks every token for ``doc.sents`` and ``token.sent`` on each
call; the stages ask for these hundreds of times per article, so they read them from here instead.
The cache lives in ``doc.user_data`` under "diplo." keys: derived values, never a change to the Doc.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_TEXT, _SENTS, _STARTS, _ENTS = "diplo.text", "diplo.sents", "diplo.sent_starts", "diplo.ents"
_ENT_STARTS, _ENT_LABELS = "diplo.ent_starts", "diplo.ent_labels"


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
    return sentences(t.doc)[sentence_index(t)]


def sentences_before(doc: Doc, i: int, n: int) -> list[Span]:
    """The last ``n`` sentences that end at or before token ``i``, in text order."""
    k = sentence_index(doc[i])  # the sentence holding token i, which does not end before it
    return sentences(doc)[max(0, k - n):k]


def sentence_index(t: Token) -> int:
    """The position of ``t``'s sentence in ``sentences(t.doc)``, by a binary search over the starts."""
    sentences(t.doc)  # builds the starts
    return bisect_right(t.doc.user_data[_STARTS], t.i) - 1


def entities(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once."""
    if _ENTS not in doc.user_data:
        doc.user_data[_ENTS] = tuple(doc.ents)
    return doc.user_data[_ENTS]


def _entity_starts(doc: Doc) -> list[int]:
    if _ENT_STARTS not in doc.user_data:
        doc.user_data[_ENT_STARTS] = [e.start for e in entities(doc)]
    return doc.user_data[_ENT_STARTS]


def entity_at(t: Token) -> Span | None:
    """The entity a token is part of, if any (by a binary search over the entity starts)."""
    if not t.ent_type_:
        return None
    k = bisect_right(_entity_starts(t.doc), t.i) - 1
    ents = entities(t.doc)
    return ents[k] if k >= 0 and ents[k].start <= t.i < ents[k].end else None


def entities_in(span: Span) -> tuple[Span, ...]:
    """The entities inside a span (``span.ents``, which walks every entity of the Doc each time)."""
    starts = _entity_starts(span.doc)
    ents = entities(span.doc)
    lo, hi = bisect_left(starts, span.start), bisect_left(starts, span.end)
    return tuple(e for e in ents[lo:hi] if e.end <= span.end)


def labels_of(doc: Doc, words: str) -> list[str]:
    """The labels of every entity of the Doc written ``words``, in text order."""
    if _ENT_LABELS not in doc.user_data:
        index: dict[str, list[str]] = {}
        for e in entities(doc):
            index.setdefault(e.text, []).append(e.label_)
        doc.user_data[_ENT_LABELS] = index
    return doc.user_data[_ENT_LABELS].get(words, [])


def release(doc: Doc) -> None:
    """Drop the cached values: they hold spans of the Doc, a reference cycle spaCy's Doc does not
    let the garbage collector break, so every cached article would stay in memory."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith("diplo.")]:
        del doc.user_data[key]

