"""Who a noun phrase refers to: a named person, an office ("the minister"), or a pronoun.

Shared by the stages that attribute something to a person (quote speakers, meeting participants,
priority holders), so that "he", "the President" and "his counterpart" resolve the same way
everywhere. Reads person nouns from patterns/person_nouns.jsonl. Does not create people.
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING

from diplo_cli.extract import lexicon
from diplo_cli.extract.countries import countries
from diplo_cli.extract.docindex import sentence_of, sentences_before
from diplo_cli.records import Person

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc, Span, Token

PRONOUNS = {"he", "she", "they", "i", "we", "him", "her"}
FIRST_PERSON = {"i", "we", "my", "our", "me", "us"}  # the speaker's own words: the quoted person, or the narrator
SUBJECT_DEPS = {"nsubj", "nsubjpass"}


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of a person: its character offsets."""

    start: int
    end: int
    person: Person


class Mentions(list[Mention]):
    """Every mention of every person, in text order, indexed by offset: what the stages ask for each
    token, cue or office word (who is named between two offsets, who was named last before one) is
    a bisection over the starts, not a scan of every mention, so a stage stays linear in the
    article's length. Not to be changed after it is built."""

    def __init__(self, items: Iterable[Mention] = ()) -> None:
        super().__init__(sorted(items, key=lambda m: m.start))
        self.starts = [m.start for m in self]
        self.longest = max((m.end - m.start for m in self), default=0)
        self._holding: dict[tuple[str, str | None], Holding] = {}
        self._first_end: dict[str, int] | None = None
        self._people: list[Person] | None = None

    def starting_in(self, lo: int, hi: int) -> list[Mention]:
        """The mentions that start at or after ``lo`` and before ``hi``, in text order."""
        return self[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]

    def overlapping(self, lo: int, hi: int) -> list[Mention]:
        """The mentions with a character between ``lo`` and ``hi``, in text order."""
        return [m for m in self.starting_in(lo - self.longest + 1, hi) if m.end > lo]

    def last_before(self, pos: int) -> Mention | None:
        """The last mention (in text order) that ends at or before ``pos``."""
        return _last_ending_by(self, self.starts, pos)

    def first_end(self, person_id: str) -> int | None:
        """Where a person's earliest-ending mention ends (None: not mentioned)."""
        if self._first_end is None:
            self._first_end = {}
            for m in self:
                if m.end < self._first_end.get(m.person.id, m.end + 1):
                    self._first_end[m.person.id] = m.end
        return self._first_end.get(person_id)

    def people(self) -> list[Person]:
        """Each person mentioned, once, in the order of their first mention."""
        if self._people is None:
            self._people = list({m.person.id: m.person for m in self}.values())
        return self._people

    def holding(self, word: str, country: str | None) -> Holding:
        """The mentions of the people whose title has an office's word (``holds_office``) and who
        serve ``country`` when it is given, worked out once per office."""
        key = (word, country)
        if key not in self._holding:
            found = [m for m in self if holds_office(m.person, word)
                     and (country is None or m.person.country_code == country)]
            ids = {m.person.id for m in found}
            self._holding[key] = Holding(found, [m.start for m in found], found[0].person if len(ids) == 1 else None)
        return self._holding[key]


@dataclass(frozen=True, slots=True)
class Holding:
    """The mentions of the holders of one office, their starts, and the holder when only one is named."""

    mentions: list[Mention]
    starts: list[int]
    only: Person | None


def _last_ending_by(items: list[Mention], starts: list[int], pos: int) -> Mention | None:
    """The last of ``items`` (in text order, ``starts`` their starts) that ends at or before ``pos``."""
    for k in range(bisect_left(starts, pos) - 1, -1, -1):
        if items[k].end <= pos:
            return items[k]
    return None


def mentions_of(people: tuple[Person, ...]) -> Mentions:
    """Every mention of every person, in text order."""
    return Mentions(Mention(s, e, p) for p in people for s, e in p.mentions)


@functools.cache
def person_nouns() -> dict[str, str]:
    """Office nouns → the word looked for in a person's title ("head of state" → "president")."""
    return {e["noun"]: e.get("title", e["noun"]) for e in lexicon.entries("person_nouns") if e.get("kind") != "rank"}


def noun_phrase(t: Token) -> Span:
    """A nominal's words up to and including its head, plus name words after it (no clauses)."""
    left = t.left_edge.i
    right = t.i
    while right + 1 < len(t.doc) and t.doc[right + 1].dep_ in ("flat", "compound") and t.doc[right + 1].head.i <= t.i:
        right += 1
    return t.doc[left:right + 1]


def named_in(span: Span, mentions: Mentions) -> Mention | None:
    """The first person mention inside a span ("Russian Prime Minister Mikhail Mishustin")."""
    return next(iter(mentions.overlapping(span.start_char, span.end_char)), None)


def named_by(t: Token, mentions: Mentions) -> Mention | None:
    """The person a nominal's own words name, not its owner's: "Kremlin spokesman Dmitry Peskov" is
    Peskov, "Putin's spokesman" names nobody (Putin owns the office)."""
    phrase = noun_phrase(t)
    owner = {w.idx for c in t.children if c.dep_ == "poss" for w in c.subtree} if office(t) is not None else set()
    return next((m for m in mentions.overlapping(phrase.start_char, phrase.end_char) if m.start not in owner), None)


def has_owner(t: Token) -> bool:
    """"Putin's spokesman", "his deputy": the office (a person noun) belongs to someone else."""
    return any(c.dep_ == "poss" for c in t.children)


INDEFINITE = {"a", "an", "another", "some", "one", "several", "many", "few", "any", "two", "three", "other"}


def indefinite(t: Token) -> bool:
    """"An official said", "some experts", "two diplomats", "officials": someone not named, never a
    person named earlier ("Sara Lindgren met officials. An official said ..." is not Sara Lindgren).
    "The leaders" (definite) still refers to the people told before."""
    if any(c.dep_ in ("det", "nummod", "amod") and c.lower_ in INDEFINITE for c in t.children):
        return True
    return t.tag_ in ("NNS", "NNPS") and not any(c.dep_ in ("poss", "det") for c in t.children)


def office(t: Token) -> str | None:
    """The person noun a token heads, if any: "minister", or "head of state" for "the Head of State"."""
    doc = t.doc
    if t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "of":
        longer = f"{t.lemma_.lower()} of {doc[t.i + 2].lower_}"
        if longer in person_nouns():
            return longer
    lemma = t.lemma_.lower()
    for c in t.children:  # "the Prime Minister": the compound names the office, not "minister" alone
        if c.dep_ == "compound" and f"{c.lower_} {lemma}" in person_nouns():
            return f"{c.lower_} {lemma}"
    return lemma if lemma in person_nouns() else None


def refer(doc: Doc, t: Token, mentions: Mentions) -> Person | None:
    """The person a nominal refers to: named in its phrase; an office held by a person named
    earlier ("the chancellor noted"); else, for offices and pronouns, the salient person before it."""
    named = named_by(t, mentions)
    if named is not None:
        return named.person
    noun = office(t)
    if noun is not None and (indefinite(t) or has_owner(t)) and t.lower_ != "counterpart":
        return None  # "an official said", "Putin's spokesman": not the person named before
    if noun is not None:
        body = body_of(t)
        titled = (by_body(body, mentions) if body is not None else None) or by_office(
            noun, mentions, before=t.idx, country=country_of(t))
        if titled is not None:
            return titled
    if t.lower_ in PRONOUNS or noun is not None:
        return antecedent(doc, t, mentions)
    return None


def country_of(t: Token) -> str | None:
    """The country an office phrase names: "the Japanese premier", "the President of Russia"."""
    found = country_word(noun_phrase(t))
    if found is None:
        of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        found = country_word(noun_phrase(obj)) if obj is not None else None
    return found


def body_of(t: Token) -> str | None:
    """The body an office phrase names that is no country: "the President of the European Commission"."""
    of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if obj is None or country_of(t) is not None:
        return None
    words = [w.lower_ for w in obj.subtree if not w.is_punct and w.lower_ != "the"]
    return " ".join(words) or None


def by_body(body: str, mentions: Mentions) -> Person | None:
    """The one person named who serves the body ("President of the European Commission Ana Soto" for "the
    President of the European Commission"); None when none or several (a portfolio: "the Minister of Finance")."""
    found = [p for p in mentions.people() if p.organization and body == " ".join(
        w for w in p.organization.lower().split() if w != "the")]
    return found[0] if len(found) == 1 else None


def by_office(noun: str, mentions: Mentions, before: int, country: str | None = None) -> Person | None:
    """The person most recently named before ``before`` whose title has the office's word (and who
    serves ``country``, when the words name one: "the Japanese premier"); failing that, the only
    such person in the article ("The President held a meeting", Putin named later). "The President"
    of a text that names two is the one it names first, the president it is written about or from
    (a readout, a presidential office's news); another office is the one named last."""
    word = person_nouns().get(noun, noun)
    held = mentions.holding(word, country)
    if word == "president":
        # "President Biden spoke with President López Obrador. The President outlined ...": the first
        for k in range(bisect_left(held.starts, before)):
            if held.mentions[k].end <= before:
                return held.mentions[k].person
    last = _last_ending_by(held.mentions, held.starts, before)
    return last.person if last is not None else held.only


def holds_office(person: Person, word: str) -> bool:
    """Whether a person's title has an office's words ("minister" in "Foreign Minister", "vice
    president" in "Vice President"), not under a rank below it: "the President" is not the Vice
    President, "the Secretary" not the Deputy Secretary."""
    if person.title is None:
        return False
    title, want = person.title.lower().replace("-", " ").split(), word.split()
    ranks = lexicon.words("person_nouns", "rank", key="noun")
    return any(title[k:k + len(want)] == want and (k == 0 or title[k - 1] not in ranks or want[0] in ranks)
               for k in range(len(title) - len(want) + 1))


def country_word(phrase: Span) -> str | None:
    """The ISO code of a country or demonym in a phrase ("the Japanese premier" → "JP")."""
    for w in phrase:
        found = countries().lookup(w.text) if w.text[:1].isupper() else None
        if found is not None:
            return found.code
    return None


def antecedent(doc: Doc, pronoun: Token, mentions: Mentions, depth: int = 0) -> Person | None:
    """The most salient person before a pronoun or title, looking back sentence by sentence:
    - in the pronoun's own sentence, only a subject before it ("Overall, the President said, ...,
      and he promised"); an object there is someone else ("Speaking to Martin Smith, he said");
    - a sentence whose main subject is itself "he"/"she" continues that pronoun's person ("He
      thanked Denmark, recalling that Mette Frederiksen visited" does not make her "he");
    - else the subject of the nearest sentence that names someone, else its first named person."""
    own = sentence_of(pronoun)
    for t in reversed(doc[own.start:pronoun.i]):
        if t.dep_ not in SUBJECT_DEPS:
            continue
        named = named_in(noun_phrase(t), mentions)
        if named is not None:
            return named.person
        noun = office(t) if t.pos_ in ("NOUN", "PROPN") else None
        person = by_office(noun, mentions, before=t.idx) if noun is not None else None
        if person is not None:
            return person
    before = sentences_before(doc, own.start, 6)
    for sentence in reversed(before):
        root_subject = next((c for c in sentence.root.children if c.dep_ in SUBJECT_DEPS), None)
        in_sentence = mentions.starting_in(sentence.start_char, sentence.end_char)
        if root_subject is not None and root_subject.lower_ == pronoun.lower_ and depth < 6 \
                and named_in(noun_phrase(root_subject), mentions) is None:
            return antecedent(doc, root_subject, mentions, depth + 1)
        if root_subject is not None and root_subject.pos_ in ("NOUN", "PROPN") and not in_sentence_subject(
                root_subject, in_sentence) and (noun := office(root_subject)) is not None \
                and not indefinite(root_subject) and not has_owner(root_subject):
            body = body_of(root_subject)
            person = (by_body(body, mentions) if body is not None else None) or by_office(
                noun, mentions, before=root_subject.idx, country=country_of(root_subject))
            if person is not None:
                return person  # "The Prime Minister will also call on Chancellor X. In Wales, she will ...": not X
        if not in_sentence:
            continue
        for m in in_sentence:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and any(t.dep_ in SUBJECT_DEPS for t in span):
                return m.person
        return in_sentence[0].person
    last = mentions.last_before(pronoun.idx)
    return last.person if last is not None else None


def in_sentence_subject(subject: Token, in_sentence: list[Mention]) -> bool:
    """Whether a subject's phrase holds one of the names its sentence gives ("Prime Minister Li Wen")."""
    phrase = noun_phrase(subject)
    return any(m.start < phrase.end_char and m.end > phrase.start_char for m in in_sentence)


def joint_subject(t: Token) -> bool:
    """"Both sides", "the two leaders", "the parties", "the interlocutors": the people of the meeting
    being told, not one person."""
    if t.lower_ == "both":
        return True
    counted = any(c.lower_ in ("both", "two", "three") for c in t.children)
    return t.tag_ in ("NNS", "NNPS") and (counted or t.lemma_.lower() in ("side", "party", "interlocutor"))
