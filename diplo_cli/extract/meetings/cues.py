"""Meeting cues: which words tell of a meeting, read from patterns/meeting_cues.jsonl.

Owns the cue list and its word kinds (medium, audience, scheduled, ...), and the checks a cue
needs before it counts: "received Lavrov" (not "a letter"), "spoke with X", "talks" (not "a talk"),
"X and Y discussed". Reading the clause around a cue is clause.py's.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from diplo_cli.extract import lexicon
from diplo_cli.extract.countries import countries
from diplo_cli.extract.references import SUBJECT_DEPS, joint_subject, office

if TYPE_CHECKING:
    from spacy.tokens import Token


FRAME_WORDS = ("while", "whilst", "when")  # "While in Tokyo, ...", "While attending the summit, ...": a frame
NOT_PERSONS = frozenset({"GPE", "NORP", "ORG", "LOC", "FAC", "EVENT", "LAW", "PRODUCT"})


@dataclass(frozen=True, slots=True)
class Cue:
    lemma: str
    pos: str
    kind: str | None = None
    needs: str | None = None
    host: str | None = None
    role: str = "event"


CALL_ON = Cue("call", "VERB", "in_person", "person_object")  # "called on the President": a visit, not a phone call


@functools.cache
def _cues() -> dict[tuple[str, str], Cue]:
    out = {}
    for e in lexicon.entries("meeting_cues"):
        if "pos" not in e:
            continue  # a word list (medium, audience, scheduled, ...), not a cue
        cue = Cue(e["lemma"], e["pos"], e.get("kind"), e.get("needs"), e.get("host"), e.get("role", "event"))
        out[(cue.lemma, cue.pos)] = cue
    return out


@functools.cache
def word_list(kind: str) -> frozenset[str]:
    return frozenset(e["lemma"] for e in lexicon.entries("meeting_cues") if e.get("kind") == kind)


def is_word(w: Token, kind: str) -> bool:
    """A word of a list, by lemma or as written (the model lemmatizes "media" as "medium")."""
    return w.lemma_.lower() in word_list(kind) or w.lower_ in word_list(kind)


# ---------------------------------------------------------------- cues


def cue_of(t: Token) -> Cue | None:
    pos = "VERB" if t.pos_ in ("VERB", "AUX") else "NOUN" if t.pos_ in ("NOUN", "PROPN") else None
    if pos is None:
        return None
    lemma = t.lemma_.lower()
    cue = _cues().get((lemma, pos)) or _cues().get((t.lower_, pos))
    if cue is None or _venue(t):
        return None
    if pos == "VERB" and any(c.dep_ == "dobj" and is_word(c, "met_goal") for c in t.children):
        return None  # "meet domestic demand", "met its commitments": a goal reached, no meeting
    if pos == "VERB" and _met_with_reaction(t):
        return None  # "the plan was met with protests": a reception, no meeting
    if pos == "VERB" and lemma == "call" and any(c.dep_ == "oprd" for c in t.children):
        return None  # "called President Hale a \"decent man\"": a name for someone, no phone call
    if cue.needs == "plural" and t.tag_ not in ("NNS", "NNPS") and t.lower_ != cue.lemma:
        return None
    if cue.needs == "medium" and not any(is_word(c, "medium") for c in t.children):
        return None
    if cue.needs == "attended" and not attended_event(t):
        return None
    if cue.needs == "medium_or_attended" and not attended_event(t) and not any(is_word(c, "medium")
                                                                              for c in t.children):
        return None
    if cue.needs == "part" and not any(c.lower_ == "part" for c in t.children):
        return None
    if cue.needs == "with" and not with_objects(t) and not any(is_word(c, "medium") for c in
                                                                children_words(t)):
        return None
    if cue.needs == "company" and not with_objects(t) and not _several(subject_of(t)):
        return None
    if cue.needs == "place_or_person" and any(c.dep_ == "dobj" and not _place_or_person(c) for c in t.children):
        return None  # "people visit the portal", "visited the exhibition": no meeting
    if cue.needs == "to_person" and not any(c.dep_ in ("prep", "dative") and c.lower_ == "to" and any(
            o.dep_ == "pobj" and (o.ent_type_ == "PERSON" or o.pos_ == "PROPN") for o in c.children)
            for c in t.children):
        return None
    if cue.needs == "person_object" and _calls_on(t):
        return CALL_ON  # "EAM called on Prime Minister Lee": a courtesy call, in person
    if cue.needs == "person_object" and not any(c.dep_ == "dobj" and _person_like(c) for c in t.children):
        return None
    if cue.role == "members" and not ((s := subject_of(t)) is not None and is_word(s, "delegation")):
        return None  # "the delegation included X", not "the agenda included X"
    return cue


def _met_with_reaction(t: Token) -> bool:
    """"was met with applause", "will be met with a swift response": a passive "meet" whose "with" is a
    reaction, not a person ("was met with President X at the airport" is still a meeting)."""
    if t.lemma_.lower() != "meet" or not any(c.dep_ in ("auxpass", "nsubjpass") for c in t.children):
        return False
    objects = with_objects(t)
    return bool(objects) and not any(_person_like(o) for o in objects)


def _calls_on(t: Token) -> bool:
    """"called on President X", "will call on the Governor-General" (a visitor's courtesy call), not
    "called on X to release ..." (an appeal) nor "called on the government": a person's name or an office
    after "on" ("Chancellor of the Exchequer, Ana Soto"), and no clause the call asks for."""
    if t.lemma_.lower() != "call" or t.pos_ != "VERB" or any(c.dep_ in ("xcomp", "ccomp", "advcl") for c in t.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "on" and any(o.dep_ == "pobj" and _called_on(o) for o in c.children)
               for c in t.children)


def _called_on(o: Token) -> bool:
    """The object of "call on": a person ("Li Wen"), or an office ("the Prime Minister of Fiji")."""
    return o.ent_type_ == "PERSON" or o.pos_ in ("NOUN", "PROPN") and office(o) is not None


def attended_event(t: Token) -> bool:
    """"will attend the OECD Forum", "take part in the Berlin Conference", "participate in the ASEAN Regional
    Forum": a body's gathering that someone goes to (not "the Council decided", "a press conference")."""
    head = t.head
    if t.dep_ == "pobj" and head.lower_ == "in":
        head = head.head if head.head.lower_ != "part" else head.head.head
    elif t.dep_ != "dobj":
        return False
    return head.i != t.i and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in ("attend", "participate", "take")


def _person_like(t: Token) -> bool:
    """"received Lavrov", "welcomed him"; not a country or body: "welcome Sweden into NATO" is no meeting."""
    if t.ent_type_ in NOT_PERSONS:
        return False
    return t.ent_type_ == "PERSON" or t.pos_ == "PROPN" or t.lower_ in ("him", "her", "them")


def _place_or_person(t: Token) -> bool:
    """A visit's object that makes it a meeting: a person, a country or place, or "our country"."""
    return t.ent_type_ in ("PERSON", "GPE", "LOC", "FAC", "NORP") or t.pos_ == "PROPN" \
        or t.text in countries().by_capital or t.lemma_.lower() in word_list("homeland")


def _several(subject: Token | None) -> bool:
    """"Zelenskyy and Guterres discussed", "we discussed", "the sides discussed": more than one."""
    if subject is None:
        return False
    return any(c.dep_ == "conj" for c in subject.children) or subject.lower_ in ("we", "they") \
        or joint_subject(subject)


def _venue(t: Token) -> bool:
    """"on the sidelines of the G20 summit", "met X at the NATO summit": the summit is where the meeting took
    place, not an event told of its own."""
    if any(a.lemma_.lower() in word_list("sideline") for a in t.ancestors if a.i < t.i):
        return True
    if t.pos_ not in ("NOUN", "PROPN") or t.dep_ != "pobj" or t.head.lower_ != "at" or t.head.head is t.head:
        return False
    met = cue_of(t.head.head)
    return met is not None and met.role == "event" and met.kind in ("in_person", "call")


def cue_kind(noun: Token) -> str | None:
    """The kind of meeting a noun names by its word alone ("summit", "forum": summit), else None."""
    cue = _cues().get((noun.lemma_.lower(), "NOUN"))
    return cue.kind if cue is not None else None


def hosts(verb: Token) -> bool:
    """A verb whose subject receives the others, whatever its object ("hosted the summit")."""
    cue = _cues().get((verb.lemma_.lower(), "VERB"))
    return cue is not None and cue.host == "subject"


def children_words(t: Token) -> list[Token]:
    """A cue's modifiers and the words of its prepositional phrases ("by phone", "via videoconference")."""
    out = []
    for c in t.children:
        out.append(c)
        if c.dep_ == "prep":
            out.extend(c.children)
    return out


def with_objects(t: Token) -> list[Token]:
    """Objects of "with"/"between" attached to a cue ("talks with X", "a call between X and Y")."""
    out: list[Token] = []
    courtesy = any(c.lower_ == "courtesy" for c in t.children) or _calls_on(t)  # "a courtesy call on the King"
    for c in t.children:
        if c.dep_ == "prep" and (c.lower_ in ("with", "between") or courtesy and c.lower_ == "on"):
            out.extend(o for o in c.children if o.dep_ == "pobj")
    return out


def subject_of(verb: Token) -> Token | None:
    """The verb's subject; a relative pronoun stands for the noun the clause describes ("Petkov,
    who is on a visit"); a passive agent is the subject ("was received by the Emir")."""
    subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is not None and subj.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        return verb.head
    if subj is None and verb.dep_ in ("xcomp", "advcl", "conj") and verb.head is not verb:
        return subject_of(verb.head)  # "arrived in Hanoi to meet ...", "met X and discussed ..."
    if subj is None and verb.dep_ == "pcomp" and verb.head.lower_ in FRAME_WORDS \
            and verb.head.head is not verb.head and verb.head.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head.head)  # "While attending the summit, X will meet ...", parsed "while" + pcomp
    if subj is None and verb.dep_ == "acl" and verb.head.dep_ in ("dobj", "attr") and verb.head.head is not verb.head:
        return subject_of(verb.head.head)  # "X and I had the opportunity to discuss"
    if subj is not None and subj.dep_ == "nsubjpass":
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), subj)
    return subj


