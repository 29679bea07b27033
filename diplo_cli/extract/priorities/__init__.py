"""Priorities stage: Doc + people + quotes + meetings → stated priorities, tasks, focus and commitments.

Owns the cue lexicon (patterns/priority_cues.jsonl, matched on lemmas and dependencies) and the
walk over the Doc; phrase.py reads the priority phrase a cue governs, holders.py who holds it.
Does not create people, quotes or meetings.
"""

from __future__ import annotations

import functools
import itertools
from typing import TYPE_CHECKING

from diplo_cli.extract import docindex, lexicon
from diplo_cli.extract.priorities.holders import (
    Context,
    QuoteAt,
    asked,
    holders,
    own_voice,
    speakers_own,
    speech_frame,
)
from diplo_cli.extract.priorities.phrase import first_person, phrases
from diplo_cli.extract.references import mentions_of
from diplo_cli.records import Holder, Meeting, Person, Priority, Quote, TextSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["find_priorities"]


@functools.cache
def _cues() -> dict[str, tuple[dict, ...]]:
    out: dict[str, list[dict]] = {}
    for e in lexicon.entries("priority_cues"):
        if "shape" in e:
            out.setdefault(e["lemma"], []).append(e)
    return {k: tuple(v) for k, v in out.items()}




def find_priorities(doc: Doc, quotes: tuple[Quote, ...], people: tuple[Person, ...],
                    meetings: tuple[Meeting, ...] = (), home_country: str | None = None,
                    body_start: int = 0) -> tuple[Priority, ...]:
    """Priorities in text order, one per holder. ``body_start``: the first character after a dateline
    header (Article.body_start); the rest of that line is the headline, which states no priority
    ("Calling for a Civilian-Led Transition of Power")."""
    mentions = mentions_of(people)
    ctx = Context(doc, quotes, mentions, meetings, {p.id: p for p in people}, home_country)
    headline = _headline_end(docindex.text(doc), body_start)
    quote_at = QuoteAt(quotes)
    out: list[Priority] = []
    seen: set[tuple[int, int, str]] = set()
    for t in doc:
        if t.idx < headline:
            continue
        entries = _cues().get(t.lemma_.lower(), ())
        if entries and asked(t):
            continue  # "Are there signs that China is willing to cooperate?": asked, not stated
        for entry in entries:
            quote = quote_at(t.idx)
            if entry.get("speech") and quote is None and speech_frame(t) is None and not first_person(t) \
                    and not (entry["shape"] == "xcomp" and own_voice(t)):
                continue  # "the clinic needs doctors" in a news paragraph states nobody's priority
            own = speakers_own(t, quote, ctx) if entry.get("first_person") or entry.get("own_country") else False
            if entry.get("own_country") and not own:
                continue  # "would" is a reported "will" only of the speaker's country: not "Russia would face X"
            if entry.get("first_person") and not first_person(t) and not own and not (
                    entry["shape"] == "xcomp" and quote is None and own_voice(t)):
                continue  # "The United States will continue to work with ...": a release's own voice, not a forecast
            found = phrases(t, entry, own_subject=own)
            if not found:
                continue
            if quote is None:  # "X stressed the need to ...": the phrase is the reported speech
                quote = quote_at(found[0][0])
            cue = TextSpan(t.text, t.idx, t.idx + len(t.text))
            source = "quote" if quote is not None and quotes[quote].kind == "direct" else "reported"
            for holder in holders(t, quote, ctx, occasion=entry["shape"] == "occasion",
                                  attribute=entry["shape"] == "attribute"):
                for start, end in found:
                    key = (start, end, holder.name)
                    if key not in seen:
                        seen.add(key)
                        out.append(Priority(holder, docindex.text(doc)[start:end], start, end, cue, source, quote))
            break
    return tuple(sorted(_without_nested(out), key=lambda p: (p.start, p.holder.name)))


def _headline_end(text: str, body_start: int) -> int:
    """The end of the headline after a dateline header: the rest of its line when that is short and
    no sentence (some sources put the whole article on the header's line); 0 when there is none."""
    if not body_start:
        return 0
    end = text.find("\n", body_start)
    line = text[body_start:end].strip() if end > 0 else ""
    return end if 0 < len(line) <= 250 and line[-1] not in ".!?\"”" else 0


def _without_nested(found: list[Priority]) -> list[Priority]:
    """"called on X to make efforts to stop Y": one priority, the longer phrase, per holder. Each
    holder's phrases in order of start (the longer first): a phrase is inside another one when a
    phrase before it, other than its own span, reaches as far as it does."""
    by_holder: dict[Holder, list[Priority]] = {}
    for p in found:
        by_holder.setdefault(p.holder, []).append(p)
    nested: set[int] = set()
    for group in by_holder.values():
        group.sort(key=lambda p: (p.start, -p.end))
        reach = -1  # the furthest end of the phrases before the current span
        for _, same in itertools.groupby(group, key=lambda p: (p.start, p.end)):
            spans = list(same)
            if reach >= spans[0].end:
                nested.update(id(p) for p in spans)
            reach = max(reach, spans[0].end)
    return [p for p in found if id(p) not in nested]
