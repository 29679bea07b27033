"""One meeting cue's clause → a draft meeting: participants, host, kind, status, place, date.

Owns how a clause is read around a cue (cues.py says which words are cues): "Putin held
talks with Macron", "his visiting counterpart", "received X at the palace", "via videoconference",
"will visit", "did not meet". Joining drafts into one meeting per event is join.py's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from diplo_cli.extract import docindex
from diplo_cli.extract.countries import countries
from diplo_cli.extract.meetings.cues import (
    FRAME_WORDS,
    Cue,
    children_words,
    cue_of,
    hosts,
    is_word,
    subject_of,
    with_objects,
    word_list,
)
from diplo_cli.extract.meetings.dates import RELATIVE_DAYS, is_duration, names_a_day, resolve_date
from diplo_cli.extract.meetings.place import line_place, meeting_place, our_country_at, trip_of
from diplo_cli.extract.references import FIRST_PERSON, Mentions, antecedent, joint_subject, refer
from diplo_cli.records import Person, TextSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

CLAUSES = {"relcl", "acl", "ccomp", "advcl", "xcomp", "csubj", "parataxis"}
NOMINAL_LINKS = {"dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr", "conj", "compound", "appos", "npadvmod",
                 "agent", "oprd", "dative"}
POSSESSIVES = {"his", "her", "their"}
FUTURE = {"will", "shall", "'ll", "’ll"}
SHARED_TIME = {"while", "whilst", "when"}  # "While attending the summit, X will meet Y": one time for both


@dataclass(slots=True)
class Draft:
    """A meeting being assembled from the sentences that describe it."""

    kind: str
    status: str
    participants: list[Person]
    evidence: TextSpan
    visitors: set[str] = field(default_factory=set)
    host: str | None = None
    location: str | None = None
    date: str | None = None
    date_text: str | None = None
    anaphoric: bool = False  # "the talks", "during the meeting": refers to a meeting already told
    attending: bool = False  # "The meeting was attended by ...": its people join the meeting told before
    also: bool = False  # "I also spoke with ...": goes on from the meeting told before
    pair: bool = False  # "the two leaders", "both sides": the people of the meeting told before
    separate: bool = False  # "a separate meeting", "another round of talks": never the one told before
    members: bool = False  # "The delegation included X and Y": they join the meeting told last, whatever its tense
    vague_time: bool = False  # told at a time that names no day ("earlier this week", "in June"): lent no other day
    our_country: int | None = None  # token index of "our country" as the place ("a visit to our country")
    quoted: bool = False  # told inside a quotation: adds to a meeting, or is one only when placed or dated
    headline: bool = False  # told before a line break of its sentence: a headline the parser joined to the lead
    frame: str | None = None  # the place opening its line ("While in Tokyo, ..."), if nothing closer says where
    bare_summit: bool = False  # told only by the bare word "summit" ("their first summit"): see summit_word_only
    title: bool = False  # told in the article's title line, a sentence of its own ("Lavrov, Wang hold talks")


# ---------------------------------------------------------------- one cue's clause


def read_clause(doc: Doc, t: Token, cue: Cue, sent: Span, mentions: Mentions, base: str | None,
                 body_start: int, speaker: Person | None = None) -> Draft | None:
    """The draft meeting one cue tells of, or None when it tells of none (denied, a press event).
    ``speaker``: the person quoted, when the cue is inside their quotation ("at our meeting in Munich")."""
    verb = _governor(t)
    we = False

    def who(t: Token) -> list[Person]:
        nonlocal we
        if t.lower_ in FIRST_PERSON and speaker is not None:
            we = we or t.lower_ in ("we", "our", "us")
            return [speaker]
        found = people_in(doc, t, mentions)
        if speaker is not None and any(c.dep_ == "conj" and c.lower_ in FIRST_PERSON for c in t.subtree):
            found.append(speaker)  # "Mr. Zelenskyy and I"
        return found

    if _denied(t, verb) or _asked(sent):
        return None
    if cue.role == "members":  # "The Armenian delegation included X and Y": they join the meeting told
        members = _attendance(doc, t, t, sent, mentions, body_start)
        if members is not None:
            members.visitors = {p.id for p in members.participants}  # a delegation comes, it does not host
            members.members = True
            if _planned(t, t):
                members.status = "planned"  # "The delegation will include X": the visit announced
        return members
    participants: list[Person] = []
    visitors: set[str] = set()
    host: str | None = None

    def add(people: list[Person], visiting: bool = False) -> None:
        for p in people:
            if all(p.id != q.id for q in participants):
                participants.append(p)
            if visiting:
                visitors.add(p.id)

    governing_cue = cue_of(verb) if verb is not None and verb is not t else None
    attended = verb is not None and governing_cue is not None and governing_cue.role == "attend"
    if verb is not None and attended and not _attends_own(t, verb):
        return _attendance(doc, t, verb, sent, mentions, body_start)
    objects = with_objects(t)
    if verb is not None and verb is not t:
        objects += with_objects(verb)
    if verb is not None:  # "met today at the White House with Deputy Prime Minister Wong": "with" hangs on the place
        objects += [o for c in verb.children if c.dep_ == "prep" and c.lower_ in ("at", "in")
                    for place in c.children if place.dep_ == "pobj" for o in with_objects(place)]
    if cue.needs == "to_person":  # "X reported to the President": the one reported to takes part
        objects += [o for c in t.children if c.lower_ == "to" for o in c.children if o.dep_ == "pobj"]
    if _public_event(t) or any(_is_audience(o) for o in objects):
        return None  # "a meeting with media representatives" is a press event, not a meeting
    subject = subject_of(verb) if verb is not None else None
    if subject is not None and is_word(subject, "audience"):
        return None  # "Wikinews discussed with Kurtzer ...", "Reuters spoke with X": an interview
    # "Harris met Rowley. They also discussed Venezuela": "they" are the people of the meeting told
    pair = subject is not None and (joint_subject(subject) or subject.lower_ == "they" and speaker is None)
    if verb is not None and subject is not None and not pair:  # a subject has a verb
        subject_people = who(subject)
        visiting = cue.host == "visitor" and (verb is t or verb.lemma_.lower() in word_list("visit_verb"))
        add(subject_people, visiting=visiting)
        hosting = cue.host == "subject" or (verb is not t and t.dep_ == "dobj" and hosts(verb))
        if hosting and subject_people:  # "received X", "hosted the meeting"
            host = subject_people[0].id
    owner = next((c for c in t.children if c.dep_ == "poss"), None)
    if owner is not None and owner.lower_ == "their":  # "after their meeting": the people of the sentence
        add(_clause_people(sent.root, mentions))
    elif owner is not None:
        add(who(owner), visiting=cue.host == "visitor")
    if t.dep_ == "amod" and cue.host == "visitor":  # "his visiting Kazakh counterpart Olzhas Bektenov"
        add(who(t.head), visiting=True)
    for o in objects:
        add(who(o))
    for c in t.children:  # "a summit hosted by President X"
        if c.dep_ == "acl" and hosts(c):
            agent = next((a for a in c.children if a.dep_ == "agent"), None)
            by = next((o for o in agent.children if o.dep_ == "pobj"), None) if agent is not None else None
            if by is not None:
                hosting_people = who(by)
                add(hosting_people)
                host = host or (hosting_people[0].id if hosting_people else None)
    if cue.pos == "VERB":
        for c in t.children:
            if c.dep_ in ("dobj", "dative"):
                add(who(c))
    if not participants and verb is not None and not (subject is not None and subject.lower_ in FIRST_PERSON):
        # the parse lost the roles ("During the negotiations in Kyiv, President of Ukraine Volodymyr
        # Zelenskyy and UN Secretary-General António Guterres discussed ..."): the people named
        # before the verb, where its subject stands (not "demanded the removal of President X")
        add(_clause_people(verb, mentions, before=verb.idx))
    kind = cue.kind or "in_person"
    if any(c.lower_ == "courtesy" for c in t.children):
        kind = "in_person"
    if cue.needs == "medium_or_attended" and not _has_medium(t, verb):
        kind = "summit"  # "take part in the Berlin Conference": a conference attended, not one by video
    if attended and _multilateral(t):
        kind = "summit"  # "will attend the Pacific Alliance Ministerial Meeting", "a meeting of NATO Defence Ministers"
    if _has_medium(t, verb):
        kind = "call"
    status = "planned" if _planned(t, verb) else "held"
    location = None if kind == "call" else meeting_place(t, verb)
    if location is None and kind != "call" and _in_programme(t, verb, subject) and subject is not None:
        # "Mr Goff's London programme includes a meeting with X": the leg's place
        location = next((c.text for c in subject.children if c.dep_ == "compound" and (
            c.ent_type_ == "GPE" or c.text in countries().by_capital or countries().lookup(c.text) is not None)), None)
    ours = our_country_at(t, verb) if location is None and kind != "call" else None
    date_text = date_words(t, verb, sent)
    date = resolve_date(date_text, base, planned=status == "planned") if date_text else None
    vague_time = date_text is not None and date is None
    if date is None:
        date_text = None
    if date and base and date > base:
        status = "planned"
    told_in = evidence(sent, body_start)
    anaphoric = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children) \
        or owner is not None or cue.role == "account" or _in_programme(t, verb, subject)
    if any(c.dep_ == "relcl" and (c_cue := cue_of(c)) is not None and c_cue.role == "attend" for c in t.children):
        add(_clause_people(sent.root, mentions))  # "hosted the meeting, which was attended by X, Y and Z"
    also = verb is not None and any(c.lower_ == "also" for c in verb.children)
    separate = any(c.lower_ in word_list("separate") for c in t.children)
    return Draft(kind, status, participants, told_in, visitors, host, location, date, date_text, anaphoric,
                 also=also, pair=pair or we, separate=separate, our_country=ours, quoted=speaker is not None,
                 headline=_before_line_break(t, sent), frame=None if kind == "call" else line_place(t),
                 vague_time=vague_time, bare_summit=kind == "summit" and summit_word_only(t),
                 title=_in_title_line(t, sent))


def _in_title_line(t: Token, sent: Span) -> bool:
    """The cue is on the text's first line (its title), in a sentence of its own there: a headline standing
    alone, as before a wire dateline ("Lavrov, Wang hold talks" + "MOSCOW, March 12. /TASS/. ..."); a
    headline the parser joined to the lead is ``headline``. A first line that ends on a stop is a sentence
    of the lead, not a title."""
    doc = t.doc
    if any("\n" in w.text for w in doc[:t.i]) or _before_line_break(t, sent):
        return False
    end = next((w for w in doc[t.i:] if "\n" in w.text), None)
    last = doc[end.i - 1] if end is not None else doc[-1]
    return end is not None and last.text[-1:] not in ".!?\"”"


def _before_line_break(t: Token, sent: Span) -> bool:
    """Words follow a line break after ``t`` in its sentence: ``t`` is in a headline joined to the lead."""
    breaks = [w.i for w in sent if w.i > t.i and "\n" in w.text]
    return bool(breaks) and any(not w.is_space for w in sent if w.i > breaks[0])


def _attendance(doc: Doc, t: Token, verb: Token, sent: Span, mentions: Mentions,
                body_start: int) -> Draft | None:
    """"The meeting was attended by X, Y and Z", "Taking part in the meeting were ...": everyone the
    sentence names joins the meeting it refers to, held or planned as its verb says ("will be attended by").
    "Students took part in the meeting" adds no one."""
    subject = subject_of(verb)
    if subject is not None and _is_audience(subject):
        return None
    seen: dict[str, Person] = {}
    for m in mentions.starting_in(sent.start_char, sent.end_char):
        seen.setdefault(m.person.id, m.person)
    kind = "call" if _has_medium(t, verb) else "in_person"
    status = "planned" if _planned(t, verb) else "held"  # "will be attended by", "Minister To Attend ANZCC Meeting"
    return Draft(kind, status, list(seen.values()), evidence(sent, body_start), anaphoric=True, attending=True)


def _in_programme(t: Token, verb: Token | None, subject: Token | None) -> bool:
    """"Mr Carr's programme will include talks with X and a meeting with Y": parts of the visit told."""
    return verb is not None and verb is not t and verb.lemma_.lower() == "include" and subject is not None \
        and is_word(subject, "programme")


def _attends_own(t: Token, verb: Token) -> bool:
    """"Minister Hale will attend a meeting in Istanbul", "takes part in the forum": a person goes to an
    event of their own, read as a meeting with its place, day and status (not "The meeting was attended
    by ...", which adds people to a meeting told)."""
    subject = subject_of(verb)
    if subject is None or subject.dep_ != "nsubj" or t in subject.subtree or _is_audience(subject):
        return False
    if subject.i > verb.i and subject.head.i == verb.i:
        return False  # "Taking part in the meeting were X and Y": the list joins the meeting told (not "While
        # attending the summit, X will meet": the subject of the clause above)
    return t.dep_ == "dobj" and t.head.i == verb.i \
        or t.dep_ == "pobj" and t.head.head.i == verb.i and t.head.lower_ == "in"


def _multilateral(t: Token) -> bool:
    """A meeting of many states: named ("the Pacific Alliance Ministerial Meeting"), "ministerial",
    "international", or "of" a plural ("a meeting of ISAF Defence Ministers")."""
    if t.pos_ == "PROPN" or any(c.dep_ in ("amod", "compound", "poss") and is_word(c, "multilateral")
                                for c in t.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" and _many(o) for o in c.children)
               for c in t.children)


NAMED = frozenset({"ORG", "NORP", "GPE", "EVENT", "FAC", "LOC"})  # a name before "summit": "NATO", "EU-China"


def summit_word_only(t: Token) -> bool:
    """"their summit in Geneva", "a summit with President Li": the bare word "summit", with no name or word
    that makes it a gathering of many ("the NATO summit", "a trilateral summit", "the EU-China summit", "the
    Summit of the Americas"). Such a summit of two people of two countries is their meeting (``two_states``)."""
    if t.lemma_.lower() != "summit" or t.pos_ == "PROPN":
        return False
    if any(c.dep_ in ("amod", "compound", "nmod", "npadvmod") and (c.pos_ == "PROPN" or c.ent_type_ in NAMED or
           c.lower_ in word_list("multilateral") or c.lower_ in ("trilateral", "quadrilateral")) for c in t.children):
        return False
    return not any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)


def two_states(participants: list[Person]) -> bool:
    """Two people, of two known countries: "Biden and Putin held their first summit" is a bilateral meeting."""
    codes = {p.country_code for p in participants}
    return len(participants) == 2 and len(codes) == 2 and None not in codes


def _many(t: Token) -> bool:
    """"ISAF Defence Ministers" (the model may tag it NNP), "foreign ministers"; not "the two ministers"."""
    if any(c.lower_ in ("two", "both") for c in t.children):
        return False
    return t.tag_ in ("NNS", "NNPS") or is_word(t, "multilateral")


def evidence(sent: Span, body_start: int) -> TextSpan:
    """The sentence in the original text, without surrounding space or the dateline header."""
    text = docindex.text(sent.doc)
    start, end = max(sent.start_char, body_start), sent.end_char
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return TextSpan(text[start:end], start, end)


def _governor(t: Token) -> Token | None:
    """The verb whose clause a cue is in: itself for a verb; "held" for "held talks", "said" for
    "said during the meeting". None when the noun stands alone (a headline)."""
    if t.pos_ in ("VERB", "AUX") and t.dep_ != "amod":
        return t
    node = t
    for _ in range(6):
        if node.head is node:
            return None
        if node.dep_ not in NOMINAL_LINKS and node.dep_ != "amod":
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def people_in(doc: Doc, t: Token, mentions: Mentions) -> list[Person]:
    """The persons a nominal names, with its conjuncts ("Mishustin, Lavrov and Shoigu"), its "of"
    phrases ("Prime Minister of Bulgaria Kiril Petkov"), or, failing a name, the person an office or
    pronoun refers to ("the President", "he"). First-person words name the unnamed author."""
    words = _phrase_tokens(t)
    start, end = min(w.idx for w in words), max(w.idx + len(w.text) for w in words)
    named: list[Person] = []
    for m in mentions.starting_in(start, end):
        if any(w.idx <= m.start < w.idx + len(w.text) + 1 for w in words) \
                and all(m.person.id != p.id for p in named):
            named.append(m.person)
    if named:
        return named
    if t.lower_ in FIRST_PERSON:
        return []
    # "his visit": a possessive pronoun resolves like "he", to the salient person before it
    person = antecedent(doc, t, mentions) if t.lower_ in POSSESSIVES else refer(doc, t, mentions)
    return [person] if person is not None else []


def _clause_people(verb: Token, mentions: Mentions, before: int | None = None) -> list[Person]:
    """Everyone named in a verb's clause (not in the clauses under it), in text order; with
    ``before``, only those first named before that offset."""
    words = {verb.i}
    for c in verb.children:
        if c.dep_ not in CLAUSES:
            words.update(w.i for w in c.subtree)
    doc = verb.doc
    low, high = doc[min(words)], doc[max(words)]
    out: dict[str, tuple[Person, int]] = {}
    for m in mentions.overlapping(low.idx, high.idx + len(high.text)):  # the root must be one of the words
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and span.root.i in words:
            out.setdefault(m.person.id, (m.person, m.start))
    return [p for p, first in out.values() if before is None or first < before]


def _phrase_tokens(t: Token) -> list[Token]:
    """A nominal's words: its subtree without clauses and without place or time phrases."""
    out = []
    stack = [t]
    while stack:
        w = stack.pop()
        out.append(w)
        for c in w.children:
            if c.dep_ in CLAUSES or (c.dep_ == "prep" and c.lower_ not in ("of",)):
                continue
            stack.append(c)
    return out


def _asked(sent: Span) -> bool:
    """"Did the Secretary speak with Lavrov?": a question tells of no meeting, whether or not one took place."""
    return sent.text.rstrip(" \n\"”’'").endswith("?")


def _is_audience(t: Token) -> bool:
    """"media representatives", "students of 25 universities": the people of a public event."""
    return any(is_word(w, "audience") for w in t.subtree)


def _public_event(t: Token) -> bool:
    """"a press conference", "a meeting with journalists", "an online briefing for Danish media"."""
    if any(c.dep_ in ("compound", "amod") and is_word(c, "audience") for c in t.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("with", "for") and _is_audience(c) for c in t.children)


def _has_medium(t: Token, verb: Token | None) -> bool:
    """"a telephone conversation", "held a meeting, via videoconference", "spoke by phone"."""
    if is_word(t, "medium"):
        return True
    for node in (t, verb):
        if node is None:
            continue
        for c in children_words(node):
            if is_word(c, "medium"):
                return True
            if c.dep_ == "compound" and any(is_word(g, "medium") for g in c.subtree):
                return True
    return False


def _governors(t: Token, n: int) -> list[Token]:
    """The first ``n`` heads above ``t`` on its line, up to a conjunct's head: the verb a conjunct is
    joined to does not govern it ("called on X and held talks with Y": "held" is not called for)."""
    out: list[Token] = []
    node = t
    while len(out) < n and node.dep_ != "conj" and node.head.i != node.i and _same_line(node.head, t):
        node = node.head
        out.append(node)
    return out


def _denied(t: Token, verb: Token | None) -> bool:
    """No meeting: "did not meet", "no plans to meet", "cancelled the visit", "invited X to visit",
    "would meet him if he gave them a veto"."""
    for node in (t, verb):
        if node is None:
            continue
        if any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children)
               for c in node.children):
            return True
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in node.children):
            return True
        if node.lemma_.lower() in word_list("not_happening"):
            return True
    above = [a for a in list(t.ancestors)[:4] if _same_line(a, t)]
    if any(a.lemma_.lower() in word_list("hypothetical") for a in _governors(t, 3)):
        return True  # "Ukraine is ready for urgent talks"; not "called on X and held talks with Y"
    if any(_phrasal(a) in word_list("not_happening") for a in above):
        return True  # "I look forward to welcoming Mr Smith": a wish
    up = verb if verb is not None else t
    for _ in range(3):  # "plans to visit", "was invited to visit", "refused to meet"
        if up.dep_ not in ("xcomp", "ccomp", "dobj", "pobj", "prep", "acl", "advcl") or up.head is up \
                or not _same_line(up.head, up):
            break
        up = up.head
        if up.lemma_.lower() in word_list("not_happening") or any(c.dep_ == "neg" for c in up.children):
            return True
        if up.lemma_.lower() == "plan" and up.pos_ == "NOUN":  # "no plans to meet", "plans to visit some day"
            return True
    return False


def _same_line(a: Token, b: Token) -> bool:
    """No line break between two words. The parser hangs a release's lead under its headline ("PM Ardern
    call with President Biden" + "Prime Minister Jacinda Ardern spoke with ..."): a headline word is not
    the lead's "call for talks"."""
    lo, hi = sorted((a.i, b.i))
    return not any("\n" in w.text for w in a.doc[lo:hi])


def _phrasal(t: Token) -> str:
    """A verb with its particle or adverb, as the word lists write it: "look forward", "call off"."""
    particle = next((c for c in t.children if c.dep_ in ("prt", "advmod") and c.i == t.i + 1), None)
    return f"{t.lemma_.lower()} {particle.lower_}" if particle is not None else t.lemma_.lower()


def _planned(t: Token, verb: Token | None) -> bool:
    """"will visit", "is scheduled to meet", "is expected to hold talks", "the upcoming summit"."""
    if any(c.dep_ == "amod" and c.lower_ in word_list("upcoming") for c in t.children):
        return True
    if verb is not None and verb.i != t.i and t.dep_ == "pobj" and t.head.lower_ in ("for", "on") \
            and t.head.head.i == verb.i and _sets_out(verb):
        return True  # "leaves tomorrow for the annual talks", "leaves today on a visit to X": what the trip is for
    node = verb
    for _ in range(4):
        if node is None:
            return False
        if any(c.dep_ == "aux" and c.lower_ in FUTURE for c in node.children):
            return True
        if node.lemma_.lower() in word_list("scheduled") and node is not verb:
            return True
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children) and node.dep_ == "xcomp" \
                and node.head.lemma_.lower() == "be":
            return True  # "X is to visit Y"
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children) and (
                any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
                or node.dep_ == "acl" and node.head.pos_ == "PROPN"):
            return True  # headline: "PM to visit Canada", "Hale to meet new Danish counterpart"; not "a chance to meet"
        if node.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children) \
                and _sets_out(node.head):
            return True  # "leaves today to attend a meeting", "travels to Moscow to meet": the trip starts now
        if node.dep_ == "conj" and node.head.pos_ in ("VERB", "AUX") and not any(
                c.dep_ in ("nsubj", "nsubjpass", "auxpass") or c.dep_ == "aux" and c.lower_ != "to"
                for c in node.children):
            node = node.head  # "will address the Senate, meet with X and visit Y": the verbs share "will";
            continue  # "agreed to keep channels open and to meet in Athens": "to meet" shares "agreed"
        if node.dep_ == "advcl" and node.tag_ == "VBG" and node.head.pos_ in ("VERB", "AUX") and not any(
                c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") or c.dep_ == "mark" and c.lower_ not in SHARED_TIME
                for c in node.children):
            node = node.head  # "will discuss trade with X, as well as meeting with Y": the participle shares "will"
            continue
        if node.dep_ == "pcomp" and node.head.lower_ in FRAME_WORDS:
            node = node.head  # "While attending the summit, she will meet X": the frame shares "will"
            continue
        if node.dep_ not in ("xcomp", "ccomp", "pobj", "prep", "dobj", "auxpass") or node.head is node:
            return False
        node = node.head
    return False


def _sets_out(verb: Token) -> bool:
    """A trip verb in the present or future: "leaves today", "travels to Moscow", "will fly to Lima"."""
    return verb.lemma_.lower() in word_list("depart") and (verb.tag_ in ("VBZ", "VBP", "VBG") or any(
        c.dep_ == "aux" and c.lower_ in FUTURE for c in verb.children))


def _line_opening_day(verb: Token) -> str | None:
    """"Aid for Flood Victims\n\nYesterday, during a visit to Santiago, X met Y": the day that opens the
    lead's line, which the parser hung under the headline joined to it, dates the line's main verb (the
    model may not tag it: "Today," then a name)."""
    doc = verb.doc
    line_start = next((w.i + 1 for w in reversed(doc[:verb.i]) if "\n" in w.text), None)
    if line_start is None:
        return None
    opener = doc[line_start]
    ent = docindex.entity_at(opener)
    if ent is not None and ent.label_ == "DATE" and ent.start == line_start:
        words, end = ent.text, ent.end
    elif opener.lower_ in RELATIVE_DAYS:
        words, end = opener.text, line_start + 1
    else:
        return None
    if end >= verb.i or doc[end].text != "," or _same_line(opener.head, opener):
        return None  # the parse found the day's own clause
    if any(a.pos_ in ("VERB", "AUX") and _same_line(a, verb) for a in verb.ancestors):
        return None  # "Today, X said he met Y": the day of the saying
    return words


def date_words(t: Token, verb: Token | None, sent: Span) -> str | None:
    """The words of a day expression in the cue's clause ("on Monday", "today's meeting")."""
    allowed: set[int] = {w.i for w in t.subtree} if t is not verb else set()  # a verb: by its children, below
    if verb is not None and verb.dep_ in ("acl", "xcomp") and verb.head.dep_ in ("dobj", "attr", "ROOT"):
        # "Today, X and I had the opportunity to discuss": the day is on the clause above
        above = verb.head if verb.dep_ == "xcomp" else verb.head.head
        allowed.update(c.i for c in above.children if c.dep_ in ("npadvmod", "prep") for c in c.subtree)
    setting_off = verb is not None and verb.i != t.i and verb.lemma_.lower() in word_list("set_off")
    if verb is not None:
        for c in verb.children:
            if (c.dep_ in CLAUSES or c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")) and t not in c.subtree:
                continue  # not "I met X, and tomorrow I will meet Y": the day of the other clause
            if setting_off and t not in c.subtree and not is_word(t, "trip"):
                continue  # "leaves tomorrow for the talks": the day it sets off, not the day of the talks (a visit's)
            allowed.update(w.i for w in c.subtree)
        allowed.add(verb.i)
    trip = trip_of(t, verb)
    if trip is not None and any(c.dep_ == "prep" and c.lower_ == "to" for c in trip.children):
        # "will travel to Vilnius on March 6 to meet": the trip's day (not "leaves today to visit": the day it sets off)
        own = {w.i for w in (verb or t).subtree}
        allowed.update(w.i for c in trip.children if c.dep_ == "npadvmod" or c.dep_ == "prep" and not any(
            p.dep_ == "pcomp" for p in c.children) for w in c.subtree if w.i not in own)  # not "before going to X"
    ents = list(docindex.entities_in(sent))
    for k, ent in enumerate(ents):
        if ent.label_ == "DATE" and is_duration(ent.text):
            continue  # "will pay a three-day visit from Saturday": the day is the next one
        if ent.start in allowed and (ent.label_ == "DATE" or ent.label_ == "TIME" and names_a_day(ent.text)):
            after = ents[k + 1] if k + 1 < len(ents) else None
            if ent.label_ == "DATE" and after is not None and after.label_ == "DATE" and (after.start == ent.end or (
                    after.start == ent.end + 1 and sent.doc[ent.end].lower_ in ("and", "-", "–", "to"))):
                return sent.doc[ent.start:after.end].text  # "on 22 and 23 May", tagged "22 and" + "23 May"
            return ent.text  # TIME: "spoke this morning", "will meet ... this afternoon"
    return _line_opening_day(verb) if verb is not None else None
