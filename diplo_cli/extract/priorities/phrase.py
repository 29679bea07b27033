"""The priority phrase a cue governs: the object of its preposition, its to-infinitive, the clause
after "the need to", within MAX_WORDS words and without trailing attribution ("..., he said").
Does not decide who holds it (holders.py).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from diplo_cli.extract import lexicon
from diplo_cli.extract.references import FIRST_PERSON, SUBJECT_DEPS, person_nouns

if TYPE_CHECKING:
    from spacy.tokens import Token

TRAILING = {",", ";", ":", "-", "–", "—", "and", "but", "or", "also", "as", "he", "she", "said", "says", "added",
            "noted"}
MAX_WORDS = 40
PERFECT = {"have", "has", "had", "'ve", "’ve", "'d", "’d"}  # "we've taken steps": the lemma of "’ve" may not be "have"
PRO_FORMS = {"continue", "to", "do", "doing", "done", "so", "that", "this", "it", "them", "the", "same", "exactly"}


@functools.cache
def _saying() -> frozenset[str]:
    return lexicon.words("priority_cues", "saying", key="lemma")



def phrases(t: Token, entry: dict, own_subject: bool = False) -> list[tuple[int, int]]:
    """The character spans of the priority phrases the cue t governs under entry; [] when it fits not.
    "pos" restricts the entry to the cue's part of speech; "under" to a cue word governed by one of
    those verbs ("reaffirmed support for X", not "thanked him for his support for X"). ``own_subject``:
    the clause's subject is the speaker's own country, left out of a modal's phrase like "we"."""
    if "pos" in entry and t.pos_ != entry["pos"] and not (entry["pos"] == "NOUN" and _nominal(t)):
        return []
    if "under" in entry and _governor(t, entry["under"]) is None:
        return []
    if entry.get("active") and not _active(t):
        return []  # "blamed for encouraging farmers to set fires", "the public are encouraged to attend"
    if entry.get("not_past") and (t.tag_ == "VBD" or any(c.dep_ == "aux" and c.lower_ in PERFECT for c in t.children)):
        return []  # "Chile took steps to cut fuel imports": a fact told, not a commitment
    if entry["shape"] == "concern":
        return _concern(t)
    one = _phrase(t, entry, own_subject)
    return [one] if one is not None else []


def _active(t: Token) -> bool:
    """A finite verb or infinitive in the active voice: "urged", "will encourage", "have encouraged"."""
    if t.tag_ == "VBG" or any(c.dep_ == "auxpass" for c in t.children):
        return False
    return t.tag_ != "VBN" or any(c.dep_ == "aux" and c.lemma_ == "have" for c in t.children)


def _governor(t: Token, verbs: list[str]) -> Token | None:
    """The verb of ``verbs`` whose object the noun t is, through conjuncts and "including", "on",
    "to": "discussed the strength of the partnership and the importance of X", "discussed efforts,
    including the need to X", "agreed on the need to X"; not through another noun's "for"
    ("expressed gratitude for the support for X")."""
    node = t
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") and node is not t:
            return node if node.lemma_.lower() in verbs else None
        if node.dep_ in ("dobj", "conj", "appos", "nsubjpass", "attr"):
            node = node.head
        elif node.dep_ == "pobj" and node.head.lower_ in verbs and node is t:
            return node.head  # "formed with the aim of X": a preposition the entry names governs it
        elif node.dep_ == "pobj" and (node.head.lower_ in ("including", "on", "to", "about") or _of_cue(node, t)):
            node = node.head.head
        else:
            return None
    return None


def _concern(t: Token) -> list[tuple[int, int]]:
    """"stressed the need to X", "discussed the importance of X-ing and Y-ing" (one phrase per gerund:
    each is its own aim), "the imperative of X"."""
    comp = next((c for c in t.children if c.dep_ in ("acl", "relcl", "xcomp")
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    if comp is None:
        of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ in ("of", "for")), None)
        comp = next((o for o in of.children if o.dep_ in ("pobj", "pcomp")), None) if of is not None else None
    if comp is None:
        return []
    gerunds = sorted([comp, *(c for c in comp.conjuncts if c.tag_ == "VBG")], key=lambda w: w.i)
    if comp.tag_ != "VBG" or len(gerunds) < 2:
        one = _span(comp, skip_to=True)
        return [one] if one is not None else []
    pieces = []
    for k, g in enumerate(gerunds):  # "advancing X and working with Y": X's words stop before "and working"
        bound = gerunds[k + 1].left_edge.i if k + 1 < len(gerunds) else g.right_edge.i + 1
        pieces.append([w for w in g.subtree if w.i < bound and not w.is_punct and w.dep_ != "cc"])
    if any(len(words) < 2 for words in pieces):  # "establishing and maintaining X": one object, one aim
        one = _span(comp, skip_to=True)
        return [one] if one is not None else []
    return [one for words in pieces if (one := _span_words(words)) is not None]


def _phrase(t: Token, entry: dict, own_subject: bool = False) -> tuple[int, int] | None:
    shape = entry["shape"]
    if _negated(t):
        return None  # "we are not ready to ..."
    if "object" in entry and not (_has_object(t, entry["object"])
                                  or shape == "prep" and _relative_on(t, entry["object"])):
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
        if entry.get("not_agent"):
            return _thing_urged(t, obj)
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
        if comp is None:  # "the focus of the visit will be on trade": the object of "on"
            on = next((c for c in t.head.children if c.dep_ == "prep" and c.lower_ == "on"), None)
            comp = next((o for o in on.children if o.dep_ in ("pobj", "pcomp")), None) if on is not None else None
        return _span(comp, skip_to=True) if comp is not None else None
    if shape == "attribute":
        # "Strengthening our ties with India is a key priority": what the clause's subject is
        if t.dep_ != "attr" or t.head.lemma_ not in ("be", "remain"):
            return None
        subject = next((c for c in t.head.children if c.dep_ in ("nsubj", "csubj")), None)
        if subject is None or subject.pos_ in ("PRON", "DET") or subject.tag_ in ("WDT", "WP"):
            return None  # "it remains a top priority", "What is the priority?": the aim is elsewhere
        return _span(subject)
    if shape == "important":
        # "it is important to ...": an adjective of "be" with an expletive subject
        if t.dep_ != "acomp" or not any(c.dep_ == "expl" or c.lower_ == "it" for c in t.head.children):
            return None
        comp = next((c for c in (*t.children, *t.head.children) if c.dep_ in ("xcomp", "ccomp")), None)
        if comp is not None and _told_as_done(comp):
            return None  # "It is important that the Chancellor held talks in Kyiv first": a fact welcomed
        return _span(comp, skip_to=True) if comp is not None else None
    if shape == "modal":
        # "sanctions must be effective"; "we must give a clear signal" (the speaker's own "we" left out)
        if t.dep_ != "aux" or t.head.pos_ not in ("VERB", "AUX"):
            return None
        verb = t.head
        if any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children)
               for c in verb.children):
            return None  # "If we stay united, we will win": a forecast under a condition, not a commitment
        if verb.lemma_.lower() in _saying():
            return None  # "I must say that ...", "I must tell you": the words follow, not a goal
        if t.lemma_.lower() == "will" and verb.lemma_.lower() == "be" and any(
                c.dep_ == "acomp" and c.lemma_.lower() in lexicon.words("priority_cues", "feeling", key="lemma")
                for c in verb.children):
            return None  # "I will be happy to ...", "we will be able to give an update": a feeling, not an aim
        if t.lemma_.lower() == "will" and _itinerary(verb):
            return None  # "I will also have half a day in Melbourne", "we will be discussing this with ..."
        if _effort(verb):
            return None  # "Kenya will make every effort to support X": the effort's own cue gives X
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        own = [c for c in subjects if c.lower_ in FIRST_PERSON or own_subject]  # "we", "China" of China's envoy
        skip = {w.i for c in own for w in c.subtree} | {t.i}
        subject = next(iter(own), subjects[0] if subjects else None)
        if subject is not None and subject.tag_ == "WDT":
            return None  # "a cluster which will be included in the zone": a fact told of a thing
        begin = subject.left_edge.i if subject is not None else t.i  # not "Court says ... — so X must"
        begin = max([begin, *(w.i + 1 for w in verb.subtree if w.text == ":" and w.i < verb.i)])  # "MR X: We will"
        return _span_words([w for w in verb.subtree if w.i not in skip and w.i >= begin])
    if shape == "purpose":
        # "Envoy X will travel to the Gulf to advance talks": the aim of a trip told ahead, not one made
        if t.tag_ in ("VBD", "VBN") or any(c.dep_ == "aux" and c.lemma_ == "have" for c in t.children):
            return None
        if any(c.dep_ == "dobj" and c.lemma_.lower() in entry.get("not_object", ()) for c in t.children):
            return None  # "meet the expectations of X": another sense than a meeting
        verb = t
        while verb.dep_ == "conj" and verb.head is not verb:  # "to take X, respect Y, and meet Z"
            verb = verb.head
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return None  # "call on X to take steps and meet the expectations of Y to permit Z": no trip's aim
        comp = next((c for c in t.children if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() not in
                     _itinerary_words() and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        return _span(comp, skip_to=True) if comp is not None else None
    if shape == "clause":
        # "promised he would submit relevant instructions": the predicate of the promised clause
        clause = next((c for c in t.children if c.dep_ == "ccomp" and any(
            a.dep_ == "aux" and a.lower_ in ("would", "will", "'ll") for a in c.children)), None)
        if clause is None:
            return None
        skip = {w.i for c in clause.children if c.dep_ in SUBJECT_DEPS | {"aux", "mark"} for w in c.subtree}
        return _span_words([w for w in clause.subtree if w.i not in skip])
    if shape == "occasion":
        # "the visit provides an opportunity (for me) to build a relationship with X": the aim seen in an
        # occasion; not a programme ("an opportunity to meet X", "to discuss") nor words ("to thank him")
        comp = next((c for c in t.children if c.dep_ in ("acl", "advcl") and c.tag_ == "VB" and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        if comp is None or comp.lemma_.lower() in _no_aim_verbs():
            return None
        skip = {w.i for c in comp.children if c.dep_ in ("mark", "nsubj") for w in c.subtree}  # "for me"
        return _span_words([w for w in comp.subtree if w.i < _bound(comp) and w.i not in skip])
    if shape == "forward":
        return _forward(t)
    if shape == "noun":
        # "there are plans to implement 25 projects", "their readiness to help"; not thanks: "thanked him
        # for his initiative to raise funds", "grateful for their readiness to help"
        if _thanked_for(t):
            return None
        comp = next((c for c in t.children if c.dep_ in ("acl", "relcl") and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        comp = comp if comp is not None else _infinitive_after(t)
        return _span(comp, skip_to=True) if comp is not None else None
    return None


THANKS = {"thank", "grateful", "gratitude", "appreciation", "praise", "commend", "congratulate", "appreciate"}


def _thanked_for(t: Token) -> bool:
    """The noun is what someone is thanked or praised for: "thanked X for his initiative to Y",
    "expressed gratitude for their readiness to Y" (GUIDELINES: thanks are no priority)."""
    if t.dep_ != "pobj" or t.head.lower_ != "for":
        return False
    head = t.head.head
    return head.lemma_.lower() in THANKS or head.head.lemma_.lower() in THANKS and head.dep_ in ("dobj", "acomp")


def _effort(verb: Token) -> bool:
    """A verb whose object makes it a cue of its own ("make every effort to", "do our best to", "take
    steps to"): a modal on it adds nothing to the aim its to-infinitive states; without one ("Ukraine
    will do everything possible") the modal's phrase stands."""
    aim = _infinitive(verb) is not None or any(c.dep_ in ("acl", "relcl", "xcomp") for o in verb.children
                                                if o.dep_ in ("dobj", "nsubjpass") for c in o.children)
    return aim and any(e.get("lemma") == verb.lemma_.lower() and e.get("shape") == "xcomp" and "object" in e
                       and _has_object(verb, e["object"]) for e in lexicon.entries("priority_cues"))


def _infinitive_after(t: Token) -> Token | None:
    """"discussed the shared commitment of the U.S. and the AU to advance X", "highlighted the U.S.
    commitment, alongside other partners, to continue to hold X accountable", "reaffirmed her resolve
    to X": the to-infinitive right
    after the noun's words, which the parser hung on the verb that governs the noun."""
    doc, after = t.doc, t.right_edge.i + 1
    # "of X", or a possessive: "reaffirmed her resolve to X", whose infinitive the parser hung on the verb
    of = any(c.dep_ == "prep" and c.lower_ == "of" or c.dep_ == "poss" for c in t.children)
    if after + 1 < len(doc) and (doc[after - 1].text == "," or doc[after].text == ","):
        after += doc[after].text == ","
        if doc[after].dep_ == "prep" and doc[after].head == t.head and doc[after].right_edge.i + 2 < len(doc) \
                and doc[doc[after].right_edge.i + 1].text == ",":  # ", alongside other partners,"
            after, of = doc[after].right_edge.i + 2, True
    if not of or after + 1 >= len(doc):
        return None  # "launched an initiative to X", "used the plan to X": the infinitive may be the verb's
    to = doc[after]
    verb = to.head
    if to.lower_ != "to" or to.dep_ != "aux" or verb.tag_ != "VB" or verb.dep_ not in ("advcl", "xcomp", "acl"):
        return None
    return verb if any(verb.head == a for a in t.ancestors) else None


def _forward(t: Token) -> tuple[int, int] | None:
    """"We look forward to continuing our cooperation": the gerund's aim; not a programme ("to
    meeting him", "to welcoming her"), nor a pleasantry with nothing to do ("to working with you"):
    the gerund needs an object or a complement other than its partner."""
    forward = next((c for c in t.children if c.dep_ == "advmod" and c.lower_ == "forward"), None)
    if forward is None:
        return None
    to = next((c for c in (*t.children, *forward.children) if c.dep_ == "prep" and c.lower_ == "to"), None)
    comp = next((o for o in to.children if o.dep_ == "pcomp" and o.tag_ == "VBG"), None) if to is not None else None
    if to is None:  # "looked forward to further strengthening ties": "to" parsed as the gerund's aux
        comp = next((c for c in t.children if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG"
                     and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    if comp is None or comp.lemma_.lower() in _no_aim_verbs():
        return None
    if not any(c.dep_ in ("dobj", "advcl", "xcomp", "ccomp") or c.dep_ == "prep" and c.lower_ != "with"
               for c in comp.children):
        return None
    return _span(comp, skip_to=True)


def _nominal(t: Token) -> bool:
    """An adjective the parser tagged where a noun stands: "discussed the imperative of X"."""
    return t.pos_ == "ADJ" and t.dep_ in ("dobj", "pobj", "conj", "nsubj", "nsubjpass", "attr", "appos") and any(
        c.dep_ == "det" for c in t.children)


def _of_cue(node: Token, t: Token) -> bool:
    """"underscored the importance of X and U.S. commitment to Y": t joined to the object of another
    cue noun's "of"."""
    return node is not t and node.head.lower_ == "of" and node.head.head.lemma_.lower() in _cue_nouns()


@functools.cache
def _cue_nouns() -> frozenset[str]:
    """Cue nouns that govern a phrase of their own (entries with pos NOUN): commitment, support, need."""
    return frozenset(e["lemma"] for e in lexicon.entries("priority_cues") if e.get("pos") == "NOUN")


@functools.cache
def _agents() -> frozenset[str]:
    """Nouns of people, who are urged to act rather than being the aim urged."""
    return (lexicon.words("priority_cues", "actor", key="lemma") | lexicon.words("priority_cues", "agent", key="lemma")
            | frozenset(person_nouns()))


def _thing_urged(t: Token, obj: Token) -> tuple[int, int] | None:
    """"The Secretary urged continued democratic reforms in Armenia", "urge respect for X": the aim
    urged, with a preposition the parser hung on the verb right after it ("respect | for X"); not
    whom they urge ("urged the parties", "urged Russia"), whose infinitive the parser lost."""
    if obj.pos_ == "PROPN" or obj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "LOC") \
            or obj.lemma_.lower() in _agents() or any(c.lower_ == "to" for c in t.subtree if c.i > obj.i):
        return None
    objects = [c for c in t.children if c.dep_ == "dobj"]  # "de-escalation" cut in three
    words = [w for o in objects for w in o.subtree if w.i < _bound(o)]
    prep = next((c for c in t.children if c.dep_ == "prep" and c.i == max(w.i for w in words) + 1
                 and c.lower_ in ("for", "of", "on")), None)
    if prep is not None:
        words += [w for w in prep.subtree if w.i < _bound(prep)]
    return _span_words(words)


@functools.cache
def _itinerary_words() -> frozenset[str]:
    return lexicon.words("priority_cues", "itinerary", key="lemma")


@functools.cache
def _no_aim_verbs() -> frozenset[str]:
    """Verbs of a programme or of words, which state no aim ("an opportunity to meet", "to thank")."""
    return _itinerary_words() | _saying()


def _itinerary(verb: Token) -> bool:
    """"I will have half a day in Melbourne", "I will be taking the opportunity to discuss X": a
    programme told, not an aim (the verb, or the to-infinitive it leads to, is one of kind=itinerary)."""
    if verb.lemma_.lower() in _itinerary_words():
        return True
    for c in verb.children:
        for w in (c, *(g for g in c.children if c.dep_ in ("dobj", "acomp"))):  # "the opportunity to", "able to"
            if w.dep_ in ("xcomp", "acl") and w.lemma_.lower() in _itinerary_words() and w.tag_ == "VB":
                return True
    return False


def first_person(t: Token) -> bool:
    """"We will find them", "I want to ...": the cue's clause has a first-person subject."""
    subject = clause_subject(t)
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


def _told_as_done(verb: Token) -> bool:
    """A that-clause told in the past or the perfect: "that he held talks", "that we have agreed"."""
    return verb.dep_ == "ccomp" and (verb.tag_ == "VBD" or verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children))


def _relative_on(t: Token, nouns: list[str]) -> bool:
    """"the importance New Zealand places on its relationship with X": the cue verb a relative
    clause on its object noun."""
    return t.dep_ == "relcl" and t.head.lemma_.lower() in nouns


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
    attribution and punctuation ("..., he said"); at most MAX_WORDS words; ending where the
    commitment ends (_bound)."""
    words = [w for w in head.subtree if w.i < _bound(head)]
    if len(words) > MAX_WORDS:  # "take steps to lift X, respect Y, and meet Z ...": the first of the aims
        verbs = [c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB"]
        if verbs:
            words = [w for w in words if w.i < verbs[0].left_edge.i]
    return _span_words(words, skip_to)


def _bound(head: Token) -> int:
    """The first token after the phrase of head: before a second finite verb joined on ("agreed to
    continue X and committed to Y": Y is the cue "committed"'s own), before ", which ..." (what the
    aim is, not the aim: "protecting the rainforest, which is the second-largest ..."), and before a
    paragraph break ("\n\nReuters Staff")."""
    for w in head.subtree:
        if w.i <= head.i:
            continue
        if w.dep_ == "conj" and w.head.tag_ in ("VB", "VBG") and (w.tag_ in ("VBD", "VBZ", "VBP") or w.tag_ == "VBN"
                                                                 and not any(c.dep_ == "aux" for c in w.children)
                                                                 and _infinitive(w) is not None):
            # "noted the need to enhance X and resolved to work towards Y": "resolved", tagged VBN, is
            # the subject's next finite verb, not a participle of the aim
            return w.left_edge.i if w.left_edge.i > head.i else w.i
        if w.dep_ == "conj" and w.pos_ == "NOUN" and w.lemma_.lower() in _cue_nouns() and w.head.i >= head.i \
                and any(c.dep_ in ("prep", "acl") for c in w.children):
            return w.left_edge.i  # "the importance of X and U.S. commitment to Y": Y is that noun's own
        if w.lower_ == "which" and w.i > 0 and w.doc[w.i - 1].text == "," and w.head.dep_ == "relcl":
            return w.i - 1
        if "\n" in w.text:
            return w.i
    return head.right_edge.i + 1


def _span_words(words: list[Token], skip_to: bool = True) -> tuple[int, int] | None:
    words = sorted(words, key=lambda w: w.i)
    while words and (words[0].is_punct or skip_to and words[0].lower_ in ("to", "that") and words[0].dep_ in
                     ("aux", "mark")):
        words = words[1:]
    while words and (words[-1].is_punct or words[-1].is_space or words[-1].lower_ in TRAILING):
        words = words[:-1]
    if not words or len(words) > MAX_WORDS or len(words) == 1 and words[0].tag_ in ("WDT", "WP", "PRP", "DT"):
        return None  # "the challenge that both were focused on": "that" is no phrase
    if all(w.lower_ in PRO_FORMS for w in words):
        return None  # "we'll continue to do so", "we're committed to doing that": the aim is said before
    if words[0].tag_ == "WP" or words[0].lower_ == "which" or words[-1].pos_ == "ADP" and words[-1].dep_ == "prep":
        return None  # "what we needed to do", "responding to": the aim is elsewhere, or asked
    return words[0].idx, words[-1].idx + len(words[-1].text)


def clause_subject(t: Token) -> Token | None:
    """The subject of the cue's clause, climbing through "is ready", "will make", "wants to focus",
    "discussed X and other priorities, including Y and the imperative of Z"."""
    node = t.head if t.dep_ == "aux" else t
    for _ in range(6):
        found = [c for c in node.children if c.dep_ in SUBJECT_DEPS | {"expl"} and c.lemma_.lower() not in
                 ("attention", "priority", "importance", "consideration")]
        # "SECRETARY COLE: We will ...": a speaker's label parsed as a second subject
        subj = next((c for c in found if c.lower_ in FIRST_PERSON), found[0] if found else None)
        if subj is not None:
            if any("\n" in w.text or "\n" in w.whitespace_ for w in t.doc[subj.left_edge.i:t.i]):
                return None  # a heading line parsed into the next sentence's subject
            if subj.tag_ == "WP" and node.dep_ == "relcl":
                return node.head  # "Putin, who is ready to ...": the person the clause is about
            if subj.tag_ == "WDT" and node.dep_ == "relcl":
                return _main_subject(node.head)  # "X noted the reports, which underscore the need to ..."
            return subj
        if node.head is node or node.dep_ not in ("acomp", "xcomp", "conj", "advcl", "dobj", "attr", "prep",
                                                  "pobj", "pcomp"):
            return None
        node = node.head
    return None


def _main_subject(t: Token) -> Token | None:
    """The subject of the clause a noun is in, up through its prepositions ("the leaders noted
    reports of the death of X"): who notes what a "which" clause then says of it."""
    node = t
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX"):
            return next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
        if node.head is node or node.dep_ not in ("dobj", "pobj", "prep", "conj", "appos", "nsubjpass"):
            return None
        node = node.head
    return None
