"""Meetings stage: Doc + people + quotes → meetings, visits, talks, calls and summits.

Reads each cue's clause into a draft (clause.py), then joins the sentences that describe one
event into one meeting: "During the talks ...", "The meeting was attended by ...", "the two
leaders" enrich the meeting told before; "a separate meeting" stays apart. A cue inside a quotation
("we" = the speaker) only adds to a meeting told, or tells one of its own when it places it
elsewhere ("at our meeting in Munich"): a speaker's "we must meet" is no event. Does not create people.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplo_cli.extract import docindex
from diplo_cli.extract.countries import countries, dominant_country
from diplo_cli.extract.docindex import sentence_of, sentences
from diplo_cli.extract.meetings.clause import Draft, date_words, evidence, people_in, read_clause, two_states
from diplo_cli.extract.meetings.cues import cue_of, subject_of
from diplo_cli.extract.meetings.dates import resolve_date
from diplo_cli.extract.references import Mention, Mentions, mentions_of
from diplo_cli.records import Article, Meeting, Person, Quote
from diplo_cli.text.lead_city import LeadCity, lead_city

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def detect_meetings(doc: Doc, article: Article, people: tuple[Person, ...],
                    quotes: tuple[Quote, ...] = ()) -> tuple[Meeting, ...]:
    """Meetings in text order, one per event, each with at least one named participant."""
    mentions = mentions_of(people)
    people_by_id = {p.id: p for p in people}
    drafts: list[Draft] = []
    for sent in sentences(doc):
        in_sentence: list[Draft] = []
        for t in sent:
            cue = cue_of(t)
            if cue is None or cue.role == "attend":
                continue  # an attend verb is read with the meeting word it governs
            quote = next((q for q in quotes if q.kind == "direct" and q.start <= t.idx < q.end), None)
            speaker = people_by_id.get(quote.speaker.id) if quote and quote.speaker and quote.speaker.id else None
            if quote is not None and speaker is None:
                continue  # an unattributed quotation: whose "we" it is is unknown
            draft = read_clause(doc, t, cue, sent, mentions, article.date, article.body_start, speaker)
            if draft is not None:
                in_sentence.append(draft)
        for draft in _join_sentence(in_sentence):
            _place(drafts, draft)
    conversation = _transcript(doc, mentions, article.body_start)
    if conversation is not None:
        _place(drafts, conversation)
    filed = lead_city(docindex.text(doc))
    lead = _lead_date(doc, mentions, article.date, filed)
    spoken = _transcript_today(doc, mentions, article.date)
    out: list[Meeting] = []
    for d in drafts:
        if not d.participants:
            continue
        ids = {p.id for p in d.participants}
        # "The two leaders had met earlier this week": a time of its own that names no day is not the lead's day
        if d.date is None and d.status == "held" and not d.vague_time and lead is not None and lead[0] & ids:
            d.date, d.date_text = lead[1], lead[2]
        if d.date is None and d.status == "held" and not d.vague_time and spoken is not None and spoken[0] in ids:
            d.date, d.date_text = spoken[1], spoken[2]
        if d.kind == "summit" and d.bare_summit and two_states(d.participants):
            d.kind = "in_person"  # "Biden and Putin held their first summit in Geneva": a bilateral meeting
        host = d.host
        if host is None and d.visitors and d.kind == "in_person":
            others = [p.id for p in d.participants if p.id not in d.visitors]
            host = others[0] if len(others) == 1 else None
        if d.location is None and d.our_country is not None and d.kind != "call":
            d.location = _own_country(doc[d.our_country], d, quotes, host, mentions, people_by_id) \
                or _home_name(article, doc)
        if d.location is None and d.kind != "call" and filed is not None and _filed_there(doc, d, filed):
            d.location = filed.city
        out.append(Meeting(f"m{len(out) + 1}", d.kind, d.status, tuple(p.id for p in d.participants), d.evidence,
                           host if host in people_by_id else None, None if d.kind == "call" else d.location,
                           d.date, d.date_text))
    return tuple(out)


def _filed_there(doc: Doc, d: Draft, filed: LeadCity) -> bool:
    """Whether a meeting told with no place is in the dateline's city (GUIDELINES.md): its sentence says
    "here" or "in the capital", or it is held and told in the lead ("MANILA, April 15 (Reuters) - Prime
    Minister Tanaka held talks with ..."): the dateline's line and the paragraph after it, or the headline
    above them, which a lead telling the same meeting joins ("Tanaka meets Reyes at ASEAN summit")."""
    sent = doc.char_span(d.evidence.start, d.evidence.end, alignment_mode="expand")
    if sent is not None and any(t.lower_ == "here" and t.dep_ == "advmod" or _the_capital(t) for t in sent):
        return True
    lead_end = _paragraph_end(docindex.text(doc), filed.end)  # the sentence may start in the headline joined to it
    return d.status == "held" and d.evidence.start < lead_end


def _paragraph_end(text: str, line_end: int) -> int:
    """The end of the paragraph after the one that ends at ``line_end``."""
    rest = text[line_end:]
    stripped = len(rest) - len(rest.lstrip())
    nxt = text.find("\n", line_end + stripped)
    return len(text) if nxt < 0 else nxt


def _the_capital(t: Token) -> bool:
    """"in the capital" with no country said: the dateline's city ("the Kenyan capital" is place.py's)."""
    return t.lower_ == "capital" and t.dep_ == "pobj" and t.head.lower_ == "in" \
        and [c.lower_ for c in t.children] == ["the"]


def _home_name(article: Article, doc: Doc) -> str | None:
    """The country the article is written from: as the user says (--home-country), else the one the
    text clearly names most."""
    if article.home_country:
        return countries().by_code[article.home_country].name
    found = dominant_country(doc)
    return found.name if found is not None else None


def _own_country(token: Token, d: Draft, quotes: tuple[Quote, ...], host: str | None, mentions: Mentions,
                 people_by_id: dict[str, Person]) -> str | None:
    """Whose "our country" (``token``): the speaker's when the words are in a quote or reported speech ("he
    recalled that X visited our country"), else the sentence subject's, else the host's."""
    doc = token.doc
    voices: list[Person | None] = [people_by_id.get(q.speaker.id) for q in quotes
                                   if q.start <= token.idx < q.end and q.speaker is not None and q.speaker.id]
    subject = subject_of(sentence_of(token).root)
    if subject is not None:
        voices += [p for p in people_in(doc, subject, mentions) if p.id not in d.visitors]
    voices.append(people_by_id.get(host) if host else None)
    return next((p.country for p in voices if p is not None and p.country), None)


def _speaker_labels(doc: Doc, mentions: Mentions) -> list[Mention]:
    """The transcript labels of an article ("President of Russia Vladimir Putin: Good afternoon."):
    a name right before a colon, at the start of a line or after a space."""
    text = docindex.text(doc)
    return [m for m in mentions
            if text[m.end:m.end + 1] == ":" and (m.start == 0 or text[m.start - 1] in " \n*\t")]


def _transcript(doc: Doc, mentions: Mentions, body_start: int) -> Draft | None:
    """A transcript in which two named people speak in turn ("Vladimir Putin: Good afternoon, Mr
    Busargin. Roman Busargin: Good afternoon, Mr President.") is a meeting between them; it joins
    the meeting the article tells of when they share someone."""
    labels = _speaker_labels(doc, mentions)
    speakers: dict[str, Person] = {}
    for m in labels:
        speakers.setdefault(m.person.id, m.person)
    if len(speakers) < 2:
        return None
    first = next(t for t in doc if t.idx >= labels[0].start)
    return Draft("in_person", "held", list(speakers.values()), evidence(sentence_of(first), body_start),
                 anaphoric=True)


def _transcript_today(doc: Doc, mentions: Mentions, base: str | None) -> tuple[str, str, str] | None:
    """"President of Russia Vladimir Putin: Good afternoon. Today, I suggest discussing ...": the
    first speaker of a transcript speaks at the meeting, so the "today" of his opening words is the
    meeting's day. Gives (person id, date, words)."""
    if base is None:
        return None
    for m in _speaker_labels(doc, mentions):
        opening = [s for s in sentences(doc) if s.start_char > m.end][:2]
        for sent in opening:
            for ent in docindex.entities_in(sent):
                if ent.label_ == "DATE" and ent.text.lower() == "today":
                    return m.person.id, base, ent.text
        return None  # only the first speaker's opening counts
    return None


def _lead_date(doc: Doc, mentions: Mentions, base: str | None,
               filed: LeadCity | None) -> tuple[set[str], str, str] | None:
    """The day the lead sentence gives its subject's act ("Russian Prime Minister Mikhail Mishustin
    on Monday said ..."): a news lead dates the event the article then describes, so a held meeting
    of that person with no day of its own takes it. The first sentence with words, else the body's
    first past a headline or a wire dateline of its own (``_body_lead``)."""
    first = next((s for s in sentences(doc) if any(t.is_alpha for t in s)), None)  # not the blanked dateline
    for lead in (first, _body_lead(doc, filed)):
        found = _dated_subject(doc, lead, mentions, base) if lead is not None else None
        if found is not None:
            return found
    return None


def _body_lead(doc: Doc, filed: LeadCity | None) -> Span | None:
    """The body's first sentence: the first with words that is neither the headline standing alone
    ("Visit of the Minister to Chile (7-8 July)" ends in a bracket, so run/nlp starts the next line
    apart) nor a wire dateline ("MANILA, April 15 (Reuters) -"); the headline when nothing follows."""
    lines = [line.strip() for line in docindex.text(doc).splitlines() if line.strip()]
    headline = None
    for s in sentences(doc):
        if not any(t.is_alpha for t in s) or filed is not None and s.end_char <= filed.lead:
            continue
        if headline is None and lines and s.text.strip() == lines[0]:
            headline = s
            continue
        return s
    return headline


def _dated_subject(doc: Doc, lead: Span, mentions: Mentions, base: str | None) -> tuple[set[str], str, str] | None:
    root = lead.root
    words = date_words(root, root, lead)
    date = resolve_date(words, base) if words else None
    subject = subject_of(root)
    if date is None or words is None or subject is None:
        return None
    ids = {p.id for p in people_in(doc, subject, mentions)}
    return (ids, date, words) if ids else None


# ---------------------------------------------------------------- one meeting per event


def _join_sentence(drafts: list[Draft]) -> list[Draft]:
    """Cues of one sentence describe one meeting when they fit ("held talks with Petkov, who is on a
    visit to Ukraine"); a second one with other people stays apart ("met X, then called Y")."""
    out: list[Draft] = []
    for d in drafts:
        if d.attending:
            out.append(d)
            continue
        # not into an attendance list: "will attend the East Asia Summit Economic Ministers meeting in Cambodia"
        # is a meeting of its own, whatever the list "Summit" reads as joins
        into = next((o for o in out if not o.attending and _fits(o, d, same_sentence=True)), None)
        if into is None:
            out.append(d)
        else:
            _merge(into, d)
    for d in out:  # "While in Tokyo, the Secretary will meet ...", "In Wales, she will address ..., meet ...": the
        d.location = d.location or d.frame  # place that opens the sentence, once its cues are joined
    return out


def _place(drafts: list[Draft], d: Draft) -> None:
    """A later sentence on the same talks enriches the meeting told before ("During the talks, ...",
    "The meeting was attended by ..."); a different event starts a new one."""
    if d.pair and drafts and (not d.quoted or set(_ids(d)) & set(_ids(drafts[-1]))):
        for p in drafts[-1].participants:
            if all(p.id != q.id for q in d.participants):
                d.participants.append(p)
        d.anaphoric = True
    if d.members:  # "The business delegation includes ...": of the trip or talks told last, or of none
        target = next((e for e in reversed(drafts) if e.participants and e.kind != "call"), None)
        if target is not None:
            _merge(target, d)
        return
    if d.attending:
        target = next((e for e in reversed(drafts) if e.status == d.status and e.kind != "summit"), None)
        if target is not None:
            _merge(target, d)
            return
    placed = d.location if d.quoted else None  # "at our meeting in Munich": another one, unless there too
    for k, earlier in enumerate(reversed(drafts if not d.separate else [])):
        if placed is not None and not (earlier.location and _same_place(earlier.location, placed)):
            continue
        if _fits(earlier, d, same_sentence=False, latest=k == 0):
            _merge(earlier, d)
            return
    if d.quoted and not (d.location or d.date):
        return  # "we must meet more often": a quotation adds to meetings told, it tells a new one only when placed
    if d.also and d.date is None and drafts and drafts[-1].status == d.status:
        d.date, d.date_text = drafts[-1].date, drafts[-1].date_text  # "I spoke today with X. I also spoke with Y."
    drafts.append(d)  # kept even with no named participant: later sentences may name them


def _ids(d: Draft) -> list[str]:
    return [p.id for p in d.participants]


def _fits(a: Draft, b: Draft, same_sentence: bool, latest: bool = False) -> bool:
    """Whether b tells more of meeting a. ``latest``: a is the meeting told last, which "the
    meeting" may name even before anyone in it is named ("a summit ... X hosted the meeting")."""
    # "Defence Minister attends Istanbul ISAF meeting" + "Wayne Mapp leaves today to attend a meeting of ...": a
    # headline the parser joined to its lead tells the lead's event; the lead's tense and kind are the ones
    ids_a = {p.id for p in a.participants}
    ids_b = {p.id for p in b.participants}
    headline = same_sentence and a.headline != b.headline and not (a.quoted or b.quoted) \
        and "call" not in (a.kind, b.kind) and bool({p.id for p in a.participants} & {p.id for p in b.participants})
    if headline:
        return not (a.location and b.location and not _same_place(a.location, b.location))
    if a.title and not b.title and not (a.quoted or b.quoted) and ids_a and ids_a <= ids_b:
        # "Lavrov, Wang hold talks" + "Lavrov will hold talks with Wang Yi in Beijing next week": the title
        # told the body's meeting; the body's tense, place and day are the ones
        return not (a.location and b.location and not _same_place(a.location, b.location))
    if a.status != b.status and not (b.anaphoric and b.status == "held" and b.date is None and not same_sentence
                                     and not a.quoted and not b.quoted):
        return False  # "X will attend the summit. ... The visit will build on ...": present tense, the trip told
    if a.location and b.location and not _same_place(a.location, b.location):
        return False
    if a.date and b.date and a.date != b.date:
        return False
    if a.kind != b.kind and "summit" in (a.kind, b.kind) and not b.anaphoric and not (
            same_sentence and _trip_to(a, b)):
        return False
    if not ids_b:
        return b.anaphoric or same_sentence
    if same_sentence and a.headline != b.headline and a.kind == b.kind and not (a.quoted or b.quoted):
        return True  # "Prime Minister meets with Premier of Niue" + "Prime Minister Chris Hipkins met with ..."
    if same_sentence:
        return bool(ids_a & ids_b) or (not ids_a and latest)
    if b.anaphoric:  # "his meeting with ...", "during the talks": the meeting told before, if it shares people
        return bool(ids_a & ids_b) or (not ids_a and latest)
    if a.visitors and ids_a <= a.visitors and ids_a < ids_b and a.location and b.location \
            and _same_place(a.location, b.location):
        return True  # "X will visit Australia ... While in Australia X will discuss trade with Y": the visit's talks
    if latest and not b.also and ids_b < ids_a and not (b.frame and not a.location):
        return True  # "Biden spoke with Erdogan. They discussed NATO": "they" found only Biden; told by both
        # (not "She will call on X. In Wales, she will meet ...": a line opening on a place of its own is elsewhere)
    if latest and not b.also and len(ids_a) == 1 and ids_a < ids_b and a.kind != "summit":
        return True  # "X spoke by phone with his Greek counterpart. X and Y discussed ...": Y is the one unnamed
    return ids_b == ids_a  # "Putin met Macron ... Putin and Macron discussed Ukraine at the talks"


def _trip_to(a: Draft, b: Draft) -> bool:
    """"Minister to visit Colombia: Minister Groser will attend the Pacific Alliance summit": a visit by the
    summit's one attendee, told in the same sentence, is the trip to it."""
    visit, summit = (a, b) if b.kind == "summit" else (b, a)
    return bool(visit.visitors) and {p.id for p in visit.participants} == {p.id for p in summit.participants}


def _same_place(a: str, b: str) -> bool:
    """"Moscow" and "Russia" can name the same visit: a capital is in its country."""
    if a == b:
        return True
    index = countries()
    for city, country in ((a, b), (b, a)):
        capital_of = index.by_capital.get(city)
        if capital_of is not None and capital_of == index.lookup(country):
            return True
    return False


def _more_precise(a: str | None, b: str | None) -> str | None:
    """Of two names for one place, the city rather than its country."""
    if a and b and countries().lookup(a) is not None and countries().lookup(b) is None:
        return b
    return a or b


def _merge(a: Draft, b: Draft) -> None:
    if a.headline and not b.headline:  # the lead's words tell the event better than the headline's; "held" is
        # only the default when no future word was found, so a future word in either ("to meet") makes it planned
        a.status = "planned" if "planned" in (a.status, b.status) else "held"
        a.headline = False
        if "call" not in (a.kind, b.kind):
            a.kind = b.kind
    elif a.title and not b.title:  # a title standing alone ("Lavrov, Wang hold talks"): the body's tense is the one
        a.status, a.title = b.status, False
    for p in b.participants:
        if all(p.id != q.id for q in a.participants):
            a.participants.append(p)
    a.visitors |= b.visitors
    a.host = a.host or b.host
    a.location = _more_precise(a.location, b.location)
    if a.our_country is None:
        a.our_country = b.our_country
    a.frame = a.frame or b.frame
    if a.date is None and b.date is not None:
        a.date, a.date_text = b.date, b.date_text
    a.vague_time = a.vague_time or b.vague_time
    if b.kind == "summit":  # "Biden, Putin hold first summit" + "... their first summit": still two; "NATO summit": not
        a.bare_summit = b.bare_summit and (a.bare_summit or a.kind != "summit")
    if b.kind == "call" and a.kind == "in_person":
        a.kind = "call"  # "held a meeting, via videoconference"
    if b.kind == "summit" and _trip_to(a, b):
        a.kind = "summit"
