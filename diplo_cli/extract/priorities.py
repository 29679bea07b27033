"""Priorities stage: Doc + people + quotes + meetings → stated priorities, tasks, focus and commitments.

Owns the cue lexicon (patterns/priority_cues.jsonl, matched on lemmas and dependencies), the
priority phrase each cue governs, and its holder: the speaker of the quote or reported speech it is
in, else the subject of its clause; "both sides" and "it was agreed" give one priority to each
participant of the meeting being told. Does not create people, quotes or meetings.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from diplo_cli.extract import docindex, lexicon
from diplo_cli.extract.countries import countries, dominant_country
from diplo_cli.extract.references import (
    FIRST_PERSON,
    SUBJECT_DEPS,
    Mention,
    antecedent,
    joint_subject,
    mentions_of,
    named_in,
    noun_phrase,
    person_nouns,
    refer,
)
from diplo_cli.records import Holder, Meeting, Person, Priority, Quote, Speaker, TextSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

TRAILING = {",", ";", ":", "-", "–", "—", "and", "but", "or", "as", "he", "she", "said", "says", "added", "noted"}
MAX_WORDS = 40


@functools.cache
def _cues() -> dict[str, tuple[dict, ...]]:
    out: dict[str, list[dict]] = {}
    for e in lexicon.entries("priority_cues"):
        if "shape" in e:
            out.setdefault(e["lemma"], []).append(e)
    return {k: tuple(v) for k, v in out.items()}


def _saying() -> frozenset[str]:
    return lexicon.words("priority_cues", "saying", key="lemma")


def find_priorities(doc: Doc, quotes: tuple[Quote, ...], people: tuple[Person, ...],
                    meetings: tuple[Meeting, ...] = (), home_country: str | None = None) -> tuple[Priority, ...]:
    """Priorities in text order, one per holder."""
    mentions = mentions_of(people)
    ctx = _Context(doc, quotes, mentions, meetings, {p.id: p for p in people}, home_country)
    out: list[Priority] = []
    seen: set[tuple[int, int, str]] = set()
    for t in doc:
        for entry in _cues().get(t.lemma_.lower(), ()):
            quote = _quote_at(quotes, t.idx)
            if entry.get("speech") and quote is None and _speech_frame(t) is None and not _first_person(t):
                continue  # "the clinic needs doctors" in a news paragraph states nobody's priority
            if entry.get("first_person") and not _first_person(t):
                continue
            phrase = _phrase(t, entry)
            if phrase is None:
                continue
            start, end = phrase
            if quote is None:  # "X stressed the need to ...": the phrase is the reported speech
                quote = _quote_at(quotes, start)
            for holder in _holders(t, quote, ctx):
                key = (start, end, holder.name)
                if key in seen:
                    continue
                seen.add(key)
                source = "quote" if quote is not None and quotes[quote].kind == "direct" else "reported"
                cue = TextSpan(t.text, t.idx, t.idx + len(t.text))
                out.append(Priority(holder, docindex.text(doc)[start:end], start, end, cue, source, quote))
            break
    return tuple(sorted(_without_nested(out), key=lambda p: (p.start, p.holder.name)))


def _without_nested(found: list[Priority]) -> list[Priority]:
    """"called on X to make efforts to stop Y": one priority, the longer phrase, per holder."""
    return [p for p in found if not any(q is not p and q.holder == p.holder and q.start <= p.start
                                        and p.end <= q.end and (q.start, q.end) != (p.start, p.end) for q in found)]


# ---------------------------------------------------------------- the phrase


def _phrase(t: Token, entry: dict) -> tuple[int, int] | None:
    shape = entry["shape"]
    if _negated(t):
        return None  # "we are not ready to ..."
    if "object" in entry and not _has_object(t, entry["object"]):
        return None
    if shape == "prep":
        heads = [t, *[c for c in t.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in
                      entry.get("object", ())]]
        for h in heads:
            for c in h.children:
                if c.dep_ in ("prep", "dative") and c.lower_ == entry["prep"]:  # "give priority to": a dative
                    obj = next((o for o in c.children if o.dep_ in ("pobj", "pcomp")), None)
                    if obj is not None:
                        return _span(obj)
        return None
    if shape == "object":
        obj = next((c for c in t.children if c.dep_ == "dobj" and c.pos_ != "PRON"), None)
        if obj is None or entry.get("speech") and not _own(t):
            return None  # "the residents need aid" reports others' needs; "we need aid" states one
        return _span(obj)
    if shape == "xcomp":
        comp = _infinitive(t)
        if comp is not None and comp.lemma_.lower() in _saying():
            return None  # "I want to say ...", "I want to emphasize that ...": the words follow, not a goal
        if comp is None and "object" in entry:  # "make every effort to implement": the clause hangs on the noun
            noun = next(c for c in t.children if c.dep_ in ("dobj", "nsubjpass"))  # _has_object found it
            comp = next((c for c in noun.children if c.dep_ in ("acl", "relcl", "xcomp")), None)
        return _span(comp, skip_to=True) if comp is not None else None
    if shape == "subject":
        if t.dep_ not in SUBJECT_DEPS or t.head.lemma_ != "be" or t.pos_ != "NOUN":
            return None
        comp = next((c for c in t.head.children if c.dep_ in ("xcomp", "attr", "ccomp", "acomp")), None)
        return _span(comp, skip_to=True) if comp is not None else None
    if shape == "need":
        need = next((c for c in t.children if c.dep_ == "dobj" and c.lemma_.lower() in ("need", "importance",
                                                                                         "necessity")), None)
        if need is None:
            return None
        comp = next((c for c in need.children if c.dep_ in ("acl", "relcl", "xcomp")), None)
        if comp is None:
            of = next((c for c in need.children if c.dep_ == "prep" and c.lower_ in ("of", "for")), None)
            comp = next((o for o in of.children if o.dep_ in ("pobj", "pcomp")), None) if of is not None else None
        return _span(comp, skip_to=True) if comp is not None else None
    if shape == "important":
        # "it is important to ...": an adjective of "be" with an expletive subject
        if t.dep_ != "acomp" or not any(c.dep_ == "expl" or c.lower_ == "it" for c in t.head.children):
            return None
        comp = next((c for c in (*t.children, *t.head.children) if c.dep_ in ("xcomp", "ccomp")), None)
        return _span(comp, skip_to=True) if comp is not None else None
    if shape == "modal":
        # "sanctions must be effective"; "we must give a clear signal" (the speaker's own "we" left out)
        if t.dep_ != "aux" or t.head.pos_ not in ("VERB", "AUX"):
            return None
        verb = t.head
        if any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children)
               for c in verb.children):
            return None  # "If we stay united, we will win": a forecast under a condition, not a commitment
        skip = {w.i for c in verb.children if c.dep_ in SUBJECT_DEPS and c.lower_ in FIRST_PERSON for w in c.subtree}
        skip.add(t.i)
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        begin = subject.left_edge.i if subject is not None else t.i  # not "Court says ... — so X must"
        return _span_words([w for w in verb.subtree if w.i not in skip and w.i >= begin])
    if shape == "clause":
        # "promised he would submit relevant instructions": the predicate of the promised clause
        clause = next((c for c in t.children if c.dep_ == "ccomp" and any(
            a.dep_ == "aux" and a.lower_ in ("would", "will", "'ll") for a in c.children)), None)
        if clause is None:
            return None
        skip = {w.i for c in clause.children if c.dep_ in SUBJECT_DEPS | {"aux", "mark"} for w in c.subtree}
        return _span_words([w for w in clause.subtree if w.i not in skip])
    if shape == "noun":
        # "there are plans to implement 25 projects", "their readiness to help"
        comp = next((c for c in t.children if c.dep_ in ("acl", "relcl") and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        return _span(comp, skip_to=True) if comp is not None else None
    return None


def _first_person(t: Token) -> bool:
    """"We will find them", "I want to ...": the cue's clause has a first-person subject."""
    subject = _clause_subject(t)
    return subject is not None and subject.lower_ in FIRST_PERSON


def _own(t: Token) -> bool:
    """The speaker's own want: "we need", "our state needs", "Ukraine needs"."""
    subj = next((c for c in t.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is None:
        return False
    if subj.lower_ in FIRST_PERSON or any(c.lower_ in ("our", "my") for c in subj.children):
        return True
    return subj.ent_type_ == "GPE"


def _has_object(t: Token, nouns: list[str]) -> bool:
    """"give priority", "special attention was paid", "make every effort"."""
    return any(c.dep_ in ("dobj", "nsubjpass") and (c.lemma_.lower() in nouns or c.lower_ in nouns) for c in t.children)


def _infinitive(t: Token) -> Token | None:
    """The to-infinitive a cue governs: "ready to work", "agreed to maintain", "called on X to make"."""
    for c in t.children:
        if c.dep_ in ("xcomp", "ccomp", "advcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return c
    for c in t.children:  # "called on António Guterres to make efforts"
        if c.dep_ == "prep":
            for o in c.children:
                for oc in o.children:
                    if oc.dep_ in ("xcomp", "acl", "relcl") and any(a.lower_ == "to" for a in oc.children):
                        return oc
    return None


def _negated(t: Token) -> bool:
    return any(c.dep_ == "neg" for c in t.children) or any(c.dep_ == "neg" for c in t.head.children
                                                           if t.dep_ == "acomp")


def _span(head: Token, skip_to: bool = False) -> tuple[int, int] | None:
    """The head's words, without a leading "to" or "that", quotation marks, or trailing
    attribution and punctuation ("..., he said"); at most MAX_WORDS words."""
    return _span_words(list(head.subtree), skip_to)


def _span_words(words: list[Token], skip_to: bool = True) -> tuple[int, int] | None:
    words = sorted(words, key=lambda w: w.i)
    while words and (words[0].is_punct or skip_to and words[0].lower_ in ("to", "that") and words[0].dep_ in
                     ("aux", "mark")):
        words = words[1:]
    while words and (words[-1].is_punct or words[-1].lower_ in TRAILING):
        words = words[:-1]
    if not words or len(words) > MAX_WORDS:
        return None
    return words[0].idx, words[-1].idx + len(words[-1].text)


# ---------------------------------------------------------------- the holder


def _quote_at(quotes: tuple[Quote, ...], i: int) -> int | None:
    """The index of the quote (direct before indirect) whose words hold character i."""
    inside = [k for k, q in enumerate(quotes) if q.start <= i < q.end]
    inside.sort(key=lambda k: quotes[k].kind != "direct")
    return inside[0] if inside else None


@dataclass(frozen=True, slots=True)
class _Context:
    """What the holder rules read, besides the cue: the article's people, quotes and meetings."""

    doc: Doc
    quotes: tuple[Quote, ...]
    mentions: list[Mention]
    meetings: tuple[Meeting, ...]
    by_id: dict[str, Person]
    home: str | None  # --home-country, when the user gave it


def _holders(t: Token, quote: int | None, ctx: _Context) -> list[Holder]:
    """Who holds the priority, first rule that applies:
    1. a person the clause names as subject ("Putin had agreed to ...");
    2. the source of "according to X" in the sentence;
    3. the speaker of the quotation or reported speech it is in, for "we", "I", or no subject;
    4. the subject of the speech verb above it ("Bektenov expressed confidence that the
       governments will make every effort to ...");
    5. every participant of the meeting being told, for "both sides", "they", "it was agreed";
    6. the speaker, whatever the subject;
    7. the country the text is written from, for a narrator's own "we" (a national address);
    8. the person, country or organisation the subject refers to."""
    doc, mentions = ctx.doc, ctx.mentions
    owner = _owner(doc, t, mentions)
    if owner is not None:
        return [_person_holder(owner)]  # "the initiative of President Zelenskyy to involve ..."
    subject = _clause_subject(t)
    if subject is not None:
        named = named_in(noun_phrase(subject), mentions)
        if named is not None:
            return [_person_holder(named.person)]
    source = _according_to(doc, t, mentions)
    if source is not None:
        return [_person_holder(source)]  # "According to the President, Ukraine is ready to ..."
    speaker = ctx.quotes[quote].speaker if quote is not None else None
    personal = subject is None or subject.pos_ == "PRON"
    if speaker is not None and personal:
        return [_speaker_holder(speaker)]
    framing = _speech_frame(t)
    if framing is not None and not (subject is not None and subject.lower_ in FIRST_PERSON):
        person = _subject_person(doc, framing, mentions)
        if person is not None:
            return [_person_holder(person)]
    if (subject is not None and (subject.lower_ == "they" or joint_subject(subject))) or _impersonal(t, subject):
        meeting = _meeting_at(ctx.meetings, t.idx)
        if meeting is not None:  # "both sides agreed to ...", "it was agreed to maintain contact"
            return [_person_holder(ctx.by_id[i]) for i in meeting.participants if i in ctx.by_id]
    if speaker is not None:
        return [_speaker_holder(speaker)]
    if subject is None:
        return []
    if subject.lower_ in FIRST_PERSON and quote is None:
        home = countries().by_code[ctx.home] if ctx.home else dominant_country(doc)
        return [Holder(None, home.name, "country")] if home is not None else []
    person = refer(doc, subject, mentions)
    if person is not None:
        return [_person_holder(person)]
    ent = docindex.entity_at(subject)
    country = None
    if ent is not None and ent.label_ in ("GPE", "NORP"):  # "Russia", or its capital as an actor: "Moscow insists"
        country = countries().lookup(ent.text) or countries().by_capital.get(ent.text)
    if country is not None:
        return [Holder(None, country.name, "country")]
    if ent is not None and ent.label_ == "ORG":
        return [Holder(None, ent.text.removeprefix("the "), "organization")]
    return []


def _owner(doc: Doc, t: Token, mentions: list[Mention]) -> Person | None:
    """Whose plan or initiative a cue noun is: "his readiness", "the initiative of President X"."""
    if t.pos_ != "NOUN":
        return None
    for c in t.children:
        if c.dep_ == "poss" and c.lower_ not in FIRST_PERSON | {"their"}:
            return refer(doc, c, mentions) if c.lower_ not in ("his", "her") else antecedent(doc, c, mentions)
        if c.dep_ == "prep" and c.lower_ == "of":
            named = named_in(c.doc[c.i:c.right_edge.i + 1], mentions)
            if named is not None:
                return named.person
    return None


def _speaker_holder(speaker: Speaker) -> Holder:
    """A named speaker is a person; an unnamed one is a person when a person noun heads the words
    ("the actress"), else an organisation ("the ministry")."""
    words = speaker.name.lower().split()
    person = speaker.id is not None or (bool(words) and words[-1] in person_nouns())
    return Holder(speaker.id, speaker.name, "person" if person else "organization")


def _speech_frame(t: Token) -> Token | None:
    """The speech verb whose content the cue is in ("expressed his confidence that ...")."""
    for a in t.ancestors:
        if a.pos_ in ("VERB", "AUX") and a.lemma_.lower() in lexicon.words("speech_cues", "verb"):
            return a
    return None


def _subject_person(doc: Doc, verb: Token, mentions: list[Mention]) -> Person | None:
    subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    return refer(doc, subj, mentions) if subj is not None else None


def _according_to(doc: Doc, t: Token, mentions: list[Mention]) -> Person | None:
    """The person an "according to X" in the cue's sentence names."""
    for w in docindex.sentence_of(t):
        if w.lower_ == "according":
            to = next((c for c in w.children if c.lower_ == "to"), None)
            source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if source is not None:
                return refer(doc, source, mentions)
    return None


def _person_holder(p: Person) -> Holder:
    return Holder(p.id, p.name, "person")


def _clause_subject(t: Token) -> Token | None:
    """The subject of the cue's clause, climbing through "is ready", "will make", "wants to focus"."""
    node = t.head if t.dep_ == "aux" else t
    for _ in range(4):
        subj = next((c for c in node.children if c.dep_ in SUBJECT_DEPS | {"expl"} and c.lemma_.lower() not in
                     ("attention", "priority", "importance", "consideration")), None)
        if subj is not None:
            if subj.tag_ in ("WP", "WDT") and node.dep_ == "relcl":
                return node.head
            return subj
        if node.head is node or node.dep_ not in ("acomp", "xcomp", "conj", "advcl", "dobj", "attr", "prep",
                                                  "pobj"):
            return None
        node = node.head
    return None


def _impersonal(t: Token, subject: Token | None) -> bool:
    """"It was agreed to ...", "Special attention was paid to ...": a passive with no agent."""
    if subject is not None and subject.lower_ != "it":
        return False
    verb = t if t.pos_ in ("VERB", "AUX") else t.head
    return any(c.dep_ == "auxpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children)


def _meeting_at(meetings: tuple[Meeting, ...], i: int) -> Meeting | None:
    """The meeting the text is telling at character i: the last one begun before it."""
    before = [m for m in meetings if m.evidence.start <= i]
    return before[-1] if before else (meetings[0] if meetings else None)
