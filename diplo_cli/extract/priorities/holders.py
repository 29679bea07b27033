"""Who holds a priority: the speaker of the quote or reported speech it is in, else the subject of
its clause; "both sides" and "it was agreed" give one priority to each participant of the meeting
being told. Does not read the phrase (phrase.py).
"""

from __future__ import annotations

import functools
import itertools
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from diplo_cli.extract import docindex, lexicon
from diplo_cli.extract.countries import Country, countries, dominant_country
from diplo_cli.extract.priorities.phrase import clause_subject
from diplo_cli.extract.references import (
    FIRST_PERSON,
    SUBJECT_DEPS,
    Mentions,
    antecedent,
    joint_subject,
    named_in,
    noun_phrase,
    person_nouns,
    refer,
)
from diplo_cli.records import Holder, Meeting, Person, Quote, Speaker

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc, Token


class QuoteAt:
    """Which quote holds a character: ``QuoteAt(quotes)(i)`` is the index of the first quote (direct
    before indirect) whose words hold character i. By bisection over the starts, going back only
    while an earlier quote still reaches i: no scan of every quote for every cue."""

    def __init__(self, quotes: tuple[Quote, ...]) -> None:
        self.quotes = quotes
        self.order = sorted(range(len(quotes)), key=lambda k: quotes[k].start)
        self.starts = [quotes[k].start for k in self.order]
        self.reach = list(itertools.accumulate((quotes[k].end for k in self.order), max))

    def __call__(self, i: int) -> int | None:
        inside = []
        for j in range(bisect_right(self.starts, i) - 1, -1, -1):
            if self.reach[j] <= i:
                break  # no quote from here back reaches i
            if self.quotes[self.order[j]].end > i:
                inside.append(self.order[j])
        return min(inside, key=lambda k: (self.quotes[k].kind != "direct", k)) if inside else None


@dataclass(frozen=True, slots=True)
class Context:
    """What the holder rules read, besides the cue: the article's people, quotes and meetings."""

    doc: Doc
    quotes: tuple[Quote, ...]
    mentions: Mentions
    meetings: tuple[Meeting, ...]
    by_id: dict[str, Person]
    home: str | None  # --home-country, when the user gave it


def holders(t: Token, quote: int | None, ctx: Context, occasion: bool = False,
            attribute: bool = False) -> list[Holder]:
    """Who holds the priority (_holders); a country that possesses the cue noun ("welcomed the ROK's
    commitment to ...", "the Russian Federation's intention to ...") holds it instead of a holder
    from elsewhere (GUIDELINES: "Sullivan underscored President Biden's commitment to X" is Biden's);
    its own people and government keep it ("Prime Minister Ardern reiterated New Zealand's support")."""
    found = _holders(t, quote, ctx, occasion, attribute)
    country = _possessor_country(t)
    if country is None or any(_of_country(h, country, ctx) for h in found):
        return found
    return [Holder(None, country.name, "country")]


def _possessor_country(t: Token) -> Country | None:
    """The country a cue noun's possessive names ("the ROK's commitment"), else None."""
    if t.pos_ != "NOUN":
        return None
    poss = next((c for c in t.children if c.dep_ == "poss"), None)
    ent = docindex.entity_at(poss) if poss is not None else None
    if ent is None or ent.label_ != "GPE":
        return None
    return countries().lookup(ent.text.removeprefix("The ").removeprefix("the "))


def _of_country(h: Holder, country: Country, ctx: Context) -> bool:
    """The holder is the country, one of its people (or a person of no stated country), or a signer
    who speaks for it; an organisation never is."""
    if h.type == "country":
        return h.name == country.name
    person = ctx.by_id.get(h.id) if h.id is not None else None
    if person is not None:  # one whose country the text leaves unsaid may well be its own ("the Vice President")
        return person.country_code is None or person.country_code == country.code
    return h.type == "person" and (country in _narrator_country(ctx.doc) or ctx.home == country.code)


def _holders(t: Token, quote: int | None, ctx: Context, occasion: bool = False,
             attribute: bool = False) -> list[Holder]:
    """Who holds the priority, first rule that applies:
    1. each person or country of a conjoined subject ("Blinken and Ali", "the United States and
       Armenia"), else a person the clause names as subject ("Putin had agreed to ...");
    2. the source of "according to X" in the sentence;
    3. the speaker of the quotation or reported speech it is in, for "we", "I", or no subject;
    4. every participant of the meeting being told, for "both sides", "they", "the two", "the leaders",
       "it was agreed" (before 5: "the spokeswoman said the two agreed to ..." is not hers);
    5. the subject of the speech verb above it ("Bektenov expressed confidence that the
       governments will make every effort to ...");
    6. the speaker, whatever the subject;
    7. the named group a joint statement speaks for ("We, the G7 Foreign Ministers"), else the
       official who signs the release (a "Name, Title" byline), else the country the text is
       written from, for a narrator's own "we" (a national address);
    8. the person, country or organisation the subject refers to; the signer, for the country the
       release speaks for ("The United States is committed to ..." under the Secretary's byline).
    ``occasion``: the cue is an opportunity an event gives; a person named before the subject's head
    ("President Halonen's visit is an opportunity to ...") is the event's, not the aim's holder.
    ``attribute``: the cue is what its clause's subject is ("Trade with India is our top priority"):
    that subject is the priority, so the cue's possessive ("our") stands as the subject, if any."""
    if _actors_aim(t):
        return []  # "We stand against regimes that seek to ...": the regimes' aim, no one's here
    if quote is not None and _narrators_we(ctx.quotes[quote]):
        quote = None  # "We reaffirm that X must ...": the narrator's own words, whoever the quote stage guessed
    doc, mentions = ctx.doc, ctx.mentions
    owner = _owner(doc, t, mentions)
    if owner is not None:
        return [_person_holder(owner)]  # "the initiative of President Zelenskyy to involve ..."
    possessive = next((c for c in t.children if c.dep_ == "poss"), None)
    subject = possessive if attribute else clause_subject(t)
    if subject is not None:
        several = _conjoined(doc, subject, mentions)
        if len(several) > 1:
            return several  # "Secretary Blinken and President Ali discussed the importance of ..."
        named = named_in(noun_phrase(subject), mentions)
        if named is not None and not (occasion and named.end <= subject.idx):
            return [_person_holder(named.person)]
    source = _according_to(doc, t, mentions)
    if source is not None:
        return [_person_holder(source)]  # "According to the President, Ukraine is ready to ..."
    speaker = ctx.quotes[quote].speaker if quote is not None else None
    personal = subject is None or subject.pos_ == "PRON"
    framing = speech_frame(t)
    joint_frame = framing is not None and _joint_frame(framing)  # "Both sides stressed that they will ..."
    joint = (subject is not None and _joint(subject)) or _impersonal(t, subject) or joint_frame
    if speaker is not None and personal and not joint_frame:
        return [_speaker_holder(speaker)]
    if joint:
        meeting = _meeting_at(ctx.meetings, t.idx)
        if meeting is not None:  # "both sides agreed to ...", "it was agreed to maintain contact"
            return [_person_holder(ctx.by_id[i]) for i in meeting.participants if i in ctx.by_id]
    if framing is not None and not (subject is not None and subject.lower_ in FIRST_PERSON):
        person = _subject_person(doc, framing, mentions)
        if person is not None and (t.tag_ == "MD" or not _other_country(subject, person)):
            return [_person_holder(person)]
    if joint and not _impersonal(t, subject):
        return []  # "Both sides stressed ..." with no meeting told: not an organisation "Both sides", nor one
    speaking = ctx.by_id.get(speaker.id) if speaker is not None and speaker.id is not None else None
    if speaker is not None and (t.tag_ == "MD" or speaking is None or not _other_country(subject, speaking)):
        # "X must ...": the speaker's demand on X
        return [_speaker_holder(speaker)]
    if subject is None:
        return []
    if subject.lower_ in FIRST_PERSON and quote is None:
        turn = _turn_speaker(doc, t.idx, ctx.by_id.values())
        if turn is not None:  # "SECRETARY BLINKEN: ... we will continue to ...": a transcript's speaker
            return [turn] if turn.name.upper() not in NOT_SPEAKERS else []
        group = _group_voice(doc)
        if group is not None:  # "We, the G7 Foreign Ministers of ..., call on ...": the group's, once
            return [group]
        voices = _voice_countries(doc)
        if isinstance(voices, Holder):  # "We, the leaders of ..., convened as “the Quad”": the group's, once
            return [voices]
        if voices:  # "We, the leaders of Japan, the ROK, and the United States, ...": each country's
            return [Holder(None, c.name, "country") for c in voices]
        signer = _signer(doc)
        if signer is not None:  # "Antony J. Blinken, Secretary of State" above "We will build upon ..."
            return [signer]
        homes = (countries().by_code[ctx.home],) if ctx.home else _narrator_country(doc)
        return [Holder(None, home.name, "country") for home in homes]
    if occasion:
        return []  # "President Halonen's visit is an opportunity to ...": the visitor is not who says so
    person = refer(doc, subject, mentions)
    if person is not None:
        return [_person_holder(person)]
    ent = docindex.entity_at(subject)
    country = None
    if ent is not None and ent.label_ in ("GPE", "NORP"):  # "Russia", or its capital as an actor: "Moscow insists"
        country = countries().lookup(ent.text.removeprefix("The ")) or countries().by_capital.get(ent.text)
    if country is not None:
        own = country in _narrator_country(doc) or any(w.lower_ in FIRST_PERSON for w in docindex.sentence_of(t))
        signer = _signer(doc) if quote is None and own else None  # "The United States ... our relationship"
        return [signer if signer is not None else Holder(None, country.name, "country")]
    if ent is not None and ent.label_ == "ORG":
        return [Holder(None, ent.text.removeprefix("the "), "organization")]
    return []


def _other_country(subject: Token | None, person: Person) -> bool:
    """The subject names a country other than the speaker's own ("Russia seeks to destroy ..." said
    by Ukraine's President, "Bulgaria will support ..." told by Ukraine's): that country's aim as
    told, not the speaker's."""
    if subject is None or subject.pos_ != "PROPN" or subject.conjuncts:
        return False
    ent = docindex.entity_at(subject)
    if person.country_code is None or ent is None or ent.label_ != "GPE":
        return False
    name = ent.text.removeprefix("The ").removeprefix("the ")
    country = countries().lookup(name) or countries().by_capital.get(name)
    return country is not None and country.code != person.country_code


def _narrators_we(quote: Quote) -> bool:
    """Reported speech whose speaker is the narrator's own "we"/"I" ("We underscore that ...", "I
    believe that ..." in a transcript turn): who that is, the narrator rules decide (a transcript's
    turn, a group's or the signer's voice, the release's country), not a name the quote stage
    guessed for the pronoun ("Quad Fellows", "Regarding Kazakhstan")."""
    return quote.kind == "indirect" and quote.speaker is not None and quote.speaker.mention.text.lower() in FIRST_PERSON


def _actors_aim(t: Token) -> bool:
    """The cue is the verb of a relative clause on a noun of agents ("regimes that seek to ...",
    "governments that were trying to ...", "those who want to ..."; patterns kind=actor): the aim is
    those agents', not the speaker's nor the subject's of the main clause."""
    verb = t.head if t.dep_ in ("aux", "auxpass") else t
    if verb.dep_ != "relcl":
        return False
    relative = any(c.dep_ in SUBJECT_DEPS and c.tag_ in ("WDT", "WP") for c in verb.children)
    return relative and verb.head.lemma_.lower() in lexicon.words("priority_cues", "actor", key="lemma")


def _conjoined(doc: Doc, subject: Token, mentions: Mentions) -> list[Holder]:
    """The holders a subject of two or more conjuncts names, each a person (by name or office) or a
    country; [] unless the subject has conjuncts."""
    words = [subject, *subject.conjuncts]
    for c in subject.children:  # "President Ruiz and Chancellor Brandt" parsed as "Ruiz" a modifier of "Brandt"
        if c.dep_ in ("nmod", "compound") and c.conjuncts:
            words += [c, *c.conjuncts]
    if len(words) < 2:
        return []
    out: list[Holder] = []
    for c in sorted(set(words), key=lambda w: w.i):
        person = refer(doc, c, mentions) if c.pos_ != "PRON" else None
        if person is not None:
            out.append(_person_holder(person))
            continue
        ent = docindex.entity_at(c)
        place = ent is not None and ent.label_ in ("GPE", "NORP")
        country = countries().lookup(ent.text.removeprefix("The ")) if ent is not None and place else None
        if country is not None:
            out.append(Holder(None, country.name, "country"))
    return list(dict.fromkeys(out))


LABEL = re.compile(r"(?:^|(?<=[.!?”\"] ))([A-Z][\w.'’-]*(?: (?:of|the|de|von|al|[A-Z][\w.'’-]*)){0,7})"
                   r"(?: \((?:retranslated|via interpreter|in English)\))?:[ \t]", re.MULTILINE)
NOT_SPEAKERS = {"QUESTION", "MODERATOR", "OPERATOR", "PARTICIPANT", "QUESTIONER"}


def _transcript(doc: Doc) -> list[tuple[int, str]]:
    """The speaker labels of a transcript ("President of Russia Vladimir Putin: ...", "MR PRICE: ...")
    with their offsets; [] unless the text has at least two (one "Note:" makes no transcript)."""
    key = "diplo.transcript"
    if key not in doc.user_data:
        found = [(m.start(), m.group(1)) for m in LABEL.finditer(docindex.text(doc))]
        doc.user_data[key] = found if len({label for _, label in found}) >= 2 else []
    return doc.user_data[key]


def _turn_speaker(doc: Doc, i: int, people: Iterable[Person]) -> Holder | None:
    """The speaker whose turn of a transcript character i is in: the person the last label before
    it names (by a word of their name), else the label's words."""
    before = [label for start, label in _transcript(doc) if start <= i]
    if not before:
        return None
    label = before[-1]
    words = {w.lower().strip(".") for w in label.split()}
    for p in people:
        if p.name.split()[-1].lower() in words:
            return _person_holder(p)
    if len(words) == 1 and not label.isupper():
        return None  # "Remark:", "Note:": no speaker
    return Holder(None, label.title() if label.isupper() else label, "person")


def asked(t: Token) -> bool:
    """The cue is in a question: its sentence ends with "?" ("Will you keep the embassy open?"), or it
    is in a questioner's turn of a transcript ("QUESTION: ... President Biden promised to ...")."""
    words = [w for w in docindex.sentence_of(t) if not (w.is_space or w.is_quote or w.text in ")]")]
    if words and words[-1].text == "?":
        return True
    before = [label for start, label in _transcript(t.doc) if start <= t.idx]
    return bool(before) and before[-1].upper() in NOT_SPEAKERS


BYLINE = re.compile(r"^((?:[A-Z][\w'’-]*\.?|[A-Z]\.)(?: (?:[A-Z][\w'’-]*\.?|[A-Z]\.|de|van|von|al)){1,5}), "
                    r"([A-Z][\w'’-]*(?: [\w'’,-]+){0,12})$")
VOICE_TITLES = {"spokesperson", "spokesman", "spokeswoman", "office"}


def _signer(doc: Doc) -> Holder | None:
    """The official who signs a release: a line of its own near the top, "Name, Title" ("Antony J.
    Blinken, Secretary of State"), whose title has an office noun. A statement under it in the first
    person, or in the voice of the signer's government, is the signer's (GUIDELINES: a statement
    signed by a named official speaking in the first person); a spokesperson's byline ("Ned Price,
    Department Spokesperson") signs in the government's voice, which stays the country's."""
    key = "diplo.signer"
    if key not in doc.user_data:
        found = None
        lines = [line.strip() for line in docindex.text(doc).splitlines() if line.strip()][:4]
        for line in lines[1:]:  # the first is the dateline header and headline
            m = BYLINE.match(line) if len(line) <= 120 else None
            words = set(re.findall(r"[a-z]+", m.group(2).lower())) if m else set()
            if m and words & set(person_nouns()) and not words & VOICE_TITLES:
                found = Holder(None, m.group(1), "person")
                break
        doc.user_data[key] = found
    return doc.user_data[key]


GROUP_VOICE = re.compile(r"\bWe, the ((?:[\w’'-]+ ){0,4}?[\w’'-]+)(?=,| of | and | from )")


def _group_voice(doc: Doc) -> Holder | None:
    """The named group a joint statement speaks for: "We, the G7 Foreign Ministers of Canada, ...,"
    gives "G7 Foreign Ministers" (GUIDELINES: a named group's joint statement is the group's, once).
    The name must have an acronym or a number in it (G7, I2U2, TPP), or be a name the text also uses
    on its own ("We, the Quad Leaders" where "the Quad is ..."), or follow as "of the G7" ("We, the
    Media Ministers of the G7" gives "G7 Media Ministers"): "We, the leaders of ..." and "We, the
    Foreign Ministers of ..." name no group."""
    key = "diplo.group_voice"
    if key not in doc.user_data:
        text = docindex.text(doc)
        found = None
        for m in GROUP_VOICE.finditer(text):
            words = m.group(1).split()
            of = re.match(r" of the ([A-Z][\w-]*)\b", text[m.end():])
            if any(_group_name(w, text) for w in words[:-1]) or any(ACRONYM.fullmatch(w) for w in words):
                found = m.group(1)
            elif of is not None and _group_name(of.group(1), text):
                found = f"{of.group(1)} {m.group(1)}"
            if found is not None:
                break
        doc.user_data[key] = Holder(None, found, "organization") if found is not None else None
    return doc.user_data[key]


def _group_name(word: str, text: str) -> bool:
    """A group's name: an acronym or a word with a number (G7, I2U2), or a capitalised word the text
    uses on its own at least twice ("the Quad is", "the Quad's work"), not an office word."""
    if ACRONYM.fullmatch(word):
        return True
    return word[0].isupper() and word.lower() not in person_nouns() and len(
        re.findall(rf"\b[Tt]he {re.escape(word)}\b(?! [A-Z])", text)) >= 2


ACRONYM = re.compile(r"[A-Z][A-Z0-9]+|\w*\d\w*")


MAX_VOICES = 5  # "We, the governments of" twelve countries: a declaration, no longer a few parties' joint aims


GROUP_NAMED = re.compile(r"[“\"](?:the )?([A-Z][\w-]*(?: [A-Z][\w-]*){0,2})[”\"]( Group)?"
                         r"|[–—] the ([A-Z][\w-]*(?: [A-Z][\w-]*){0,3})")


def _voice_countries(doc: Doc) -> Holder | tuple[Country, ...]:
    """Who a joint statement's "We, the ... of A, B, and C" is: the group its sentence names in
    quotation marks or after a dash ("convened as “the Quad”", "the Presidents of ... – the Lublin
    Triangle"), once; else the countries it names, each ("We, the leaders of Japan, the Republic of
    Korea, and the United States", "We, the President of France, Chancellor of Germany, ...";
    GUIDELINES: a joint one is listed once for each holder); () unless two to MAX_VOICES."""
    key = "diplo.voice_countries"
    if key not in doc.user_data:
        found: Holder | tuple[Country, ...] = ()
        we = next((w for w in doc if w.lower_ == "we" and w.i + 2 < len(doc) and doc[w.i + 1].text == ","
                   and doc[w.i + 2].lower_ == "the"), None)
        appos = next((c for c in we.children if c.dep_ == "appos"), None) if we is not None else None
        if we is not None and appos is not None:
            inside = range(appos.left_edge.i, appos.right_edge.i + 1)
            named = (countries().lookup(e.text.removeprefix("The ").removeprefix("the ")) for e in doc.ents
                     if e.label_ == "GPE" and e.start in inside)
            found = tuple(dict.fromkeys(c for c in named if c is not None))
            found = found if 2 <= len(found) <= MAX_VOICES else ()
            group = GROUP_NAMED.search(we.sent.text)
            if found and group is not None:
                found = Holder(None, group.group(3) or group.group(1) + (group.group(2) or ""), "organization")
        doc.user_data[key] = found
    return doc.user_data[key]


SELF_NOUNS = {"country", "state", "nation", "people", "land", "homeland", "motherland"}
SELF_VERBS = {"support", "stand", "remain", "continue", "commit", "welcome", "condemn", "urge", "call", "reaffirm",
              "agree", "intend", "affirm"}


def _narrator_country(doc: Doc) -> tuple[Country, ...]:
    """The countries a narrator's "we" speaks for. A text that calls a country its own ("our
    country", "our state": a national address) speaks for the one it names most (dominant_country);
    else one that names itself as an actor ("The United States will continue to stand with Tunisia
    ... We urge ...": a government's release about another country, which names that country most)
    speaks for the country it makes the subject of a commitment ("will", "supports", "remains
    committed") most often, or for two when it makes them that subject together more often than
    not ("The United States and the Czech Republic agree ... We underline our commitment ...": a
    joint statement); else for none: "we will continue to support the Georgian people" is not
    Georgia's. Worked out once per Doc."""
    key = "diplo.narrator_country"
    if key not in doc.user_data:
        own = any(w.lower_ in ("our", "my") and w.head.lemma_.lower() in SELF_NOUNS and w.head.tag_ == "NN"
                  for w in doc)
        dominant = dominant_country(doc) if own else None
        found: tuple[Country, ...] = (dominant,) if dominant is not None else ()
        if not found:
            counts: Counter[tuple[Country, ...]] = Counter()
            for subject, verb in _subjects(doc):
                named = _countries_in(subject)
                will = any(c.lower_ in ("will", "'ll") for c in verb.children)
                committing = will or verb.lemma_.lower() in SELF_VERBS
                if len(named) == 1 and committing or len(named) > 1:  # a pair as subject, whatever it does
                    counts[named] += 1
            ranked = counts.most_common(2)
            if ranked and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]) and (len(ranked[0][0]) == 1
                                                                                  or ranked[0][1] >= 2):
                found = ranked[0][0]
        doc.user_data[key] = found
    return doc.user_data[key]


def own_voice(t: Token) -> bool:
    """The cue's clause has as subject the country the release speaks for ("The United States will
    continue to work with partners ..." in a State Department release): its own "we". Not in a
    transcript, whose narrator-country guess is the talk's topic ("Russia will continue to lose ...")."""
    subject = clause_subject(t)
    if subject is None or subject.pos_ != "PROPN" or _transcript(t.doc):
        return False
    named = _countries_in(subject)
    return len(named) == 1 and named[0] in _narrator_country(t.doc)


OWN_NOUNS = SELF_NOUNS | {"government", "administration"}


def speakers_own(t: Token, quote: int | None, ctx: Context) -> bool:
    """The cue's clause, in a quote or reported speech, has as subject the speaker's own country or
    its capital ("Wang said China would continue to support Kenya", "Morita said Tokyo will keep
    ...", "Aydin said his country stood ready"), or the sides of a joint statement their own "they"
    ("Both sides affirmed that they will ..."): the speaker's reported "we"."""
    speaker = ctx.quotes[quote].speaker if quote is not None else None
    person = ctx.by_id.get(speaker.id) if speaker is not None and speaker.id is not None else None
    subject = clause_subject(t)
    frame = speech_frame(t.head if t.dep_ in ("aux", "auxpass") else t)  # above the clause: not its "continue"
    if subject is not None and frame is not None and _joint(subject) and _joint_frame(frame):
        return True  # "The two ministers confirmed that they would continue to cooperate": the sides' own "we"
    if person is None or subject is None:
        return False
    if subject.tag_ in ("NNS", "NNPS") and joint_subject(subject):  # not "both of which will be on the agenda"
        return True  # "Wang noted that the two sides should strengthen communication": his side with its partner
    if subject.lemma_.lower() in OWN_NOUNS and any(c.dep_ == "poss" and c.lower_ in ("his", "her")
                                                  for c in subject.children):
        return True
    if person.country_code is None:
        return False
    for w in (subject, *subject.conjuncts):  # "stressed that the UK and Kenya should work together"
        ent = docindex.entity_at(w)
        name = ent.text.removeprefix("The ").removeprefix("the ") if ent is not None and ent.label_ == "GPE" else ""
        country = countries().lookup(name) or countries().by_capital.get(name) if name else None
        if country is not None and country.code == person.country_code:
            return True
    return False


def _subjects(doc: Doc) -> list[tuple[Token, Token]]:
    """Every clause subject of the text with its verb."""
    return [(t, t.head) for t in doc if t.dep_ in SUBJECT_DEPS and t.head.pos_ in ("VERB", "AUX")]


def _countries_in(subject: Token) -> tuple[Country, ...]:
    """The countries a subject and its conjuncts name ("The United States and the Czech Republic"), in
    order; other conjuncts ("the European Union") are left out."""
    out: list[Country] = []
    for w in sorted((subject, *subject.conjuncts), key=lambda w: w.i):
        ent = docindex.entity_at(w)
        country = countries().lookup(ent.text.removeprefix("The ")) if ent is not None and ent.label_ == "GPE" else None
        if country is not None:
            out.append(country)
    return tuple(dict.fromkeys(out))


def _joint_frame(verb: Token) -> bool:
    """The speech verb above the cue has a joint subject: "Both sides stressed that ..."."""
    return any(c.dep_ in SUBJECT_DEPS and _joint(c) for c in verb.children)


SOME = {"many", "other", "several", "some", "few", "most", "senior", "former"}


def _office_word(w: Token) -> bool:
    """A name or a capitalised word inside a sentence ("APEC Trade Ministers"), not a common noun."""
    return w.pos_ == "PROPN" or w.is_title and not w.is_sent_start


def _joint(subject: Token) -> bool:
    """"They", "both sides", "the two", "the leaders": the people of the meeting being told."""
    if subject.lower_ == "they" or joint_subject(subject):
        return True
    definite = any(c.lower_ == "the" for c in subject.children)
    if subject.lower_ in ("two", "three") and definite:
        return True  # "The two discussed the importance of ..."
    if subject.tag_ == "NNPS" or subject.tag_ == "NNP" and subject.lower_.endswith("s"):
        return subject.lower_.removesuffix("s") in person_nouns()  # "The Leaders discussed", "Ministers noted"
    bare = all(c.dep_ == "amod" and c.lemma_.lower() not in SOME or c.dep_ == "compound" and _office_word(c)
               for c in subject.children)  # "Foreign Ministers", "APEC Trade Ministers"; not "Business leaders"
    # "the ministers agreed", and bare "Ministers agreed" in a statement; not "some ministers"
    return (definite or bare) and subject.tag_ == "NNS" and subject.lemma_.lower() in person_nouns()


def _owner(doc: Doc, t: Token, mentions: Mentions) -> Person | None:
    """Whose plan or initiative a cue noun is: "his readiness", "the initiative of President X"."""
    if t.pos_ != "NOUN":
        return None
    for c in t.children:
        if c.dep_ == "poss" and c.lower_ not in FIRST_PERSON | {"their"}:
            return refer(doc, c, mentions) if c.lower_ not in ("his", "her") else antecedent(doc, c, mentions)
        if c.dep_ == "prep" and c.lower_ == "of" and t.lemma_.lower() not in _concerns():  # not "importance of X"
            named = named_in(c.doc[c.i:c.right_edge.i + 1], mentions)
            if named is not None:
                return named.person
    return None


@functools.cache
def _concerns() -> frozenset[str]:
    """Cue nouns whose "of" names the priority, not its holder: "the importance of Sanna Marin's visit"."""
    return frozenset(e["lemma"] for e in lexicon.entries("priority_cues") if e.get("shape") == "concern")


def _speaker_holder(speaker: Speaker) -> Holder:
    """A named speaker is a person; an unnamed one is a person when a person noun heads the words
    ("the actress"), else an organisation ("the ministry")."""
    words = speaker.name.lower().split()
    person = speaker.id is not None or (bool(words) and words[-1] in person_nouns())
    return Holder(speaker.id, speaker.name, "person" if person else "organization")


def speech_frame(t: Token) -> Token | None:
    """The speech verb whose content the cue is in ("expressed his confidence that ...")."""
    for a in t.ancestors:
        if a.pos_ in ("VERB", "AUX") and a.lemma_.lower() in lexicon.words("speech_cues", "verb"):
            return a
    return None


def _subject_person(doc: Doc, verb: Token, mentions: Mentions) -> Person | None:
    subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    return refer(doc, subj, mentions) if subj is not None else None


def _according_to(doc: Doc, t: Token, mentions: Mentions) -> Person | None:
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


def _impersonal(t: Token, subject: Token | None) -> bool:
    """"It was agreed to ...", "Special attention was paid to ...": a passive with no agent."""
    if subject is not None and subject.lower_ != "it":
        return False
    verb = t if t.pos_ in ("VERB", "AUX") else t.head
    return any(c.dep_ == "auxpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children)


def _meeting_at(meetings: tuple[Meeting, ...], i: int) -> Meeting | None:
    """The meeting the text is telling at character i: the last one begun before it that has two or
    more participants (a joint holder is never one person: "They discussed ..." told again as a
    meeting of one), else the last one begun before it."""
    before = [m for m in meetings if m.evidence.start <= i] or list(meetings[:1])
    joint = [m for m in before if len(m.participants) > 1]
    return (joint or before)[-1] if before else None
