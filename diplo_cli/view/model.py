"""One `diplo extract` record and its article text → an ArticleView: the spans to draw and the tables' rows.

Reads the record as JSON (a dict, the public output contract), not the library's records, so any
saved line can be shown; unknown keys are ignored. Checks that every span fits the text
(``text[start:end]`` is what the record says) and raises Unfit when it does not, NotARecord when
the JSON is no record. Draws nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from diplo_cli.io.sources import split_dateline

# The kinds of span, outermost first: when two spans cover the same characters, the earlier kind holds the later.
KINDS = ("meeting", "quote", "priority", "cue", "person")
RANK = {kind: i for i, kind in enumerate(KINDS)}
# One colour per person, in the order of the record's people (Tableau 10: readable on light and dark grounds).
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#bcbd22",
           "#7f7f7f")
SCHEMA_VERSION = 1


class NotARecord(ValueError):
    """The JSON is not a diplo extract record (a key missing or of the wrong type)."""


class Unfit(ValueError):
    """The record's offsets do not fit the text: ``text[start:end]`` is not what the record says."""


@dataclass(frozen=True, slots=True)
class Mark:
    """One span of the record to draw: its kind, where it is, what it links to and says."""

    kind: str  # one of KINDS
    start: int
    end: int
    links: tuple[tuple[str, str], ...] = ()  # (attribute, space-separated ids): ("speaker", "p1"), ("meeting", "m1 m2")
    note: str = ""  # what it stands for, in words (the hover text)
    label: str = ""  # short tag for plain text: "p1", "m1", "q:p1", "pr:p1", "cue"
    colour: str | None = None  # colour of the person it belongs to (the speaker, the holder, the person)

    def link(self, name: str) -> str | None:
        return next((v for k, v in self.links if k == name), None)


@dataclass(frozen=True, slots=True)
class PersonRow:
    id: str
    name: str
    title: str | None
    country: str | None
    colour: str
    mentions: int


@dataclass(frozen=True, slots=True)
class MeetingRow:
    id: str
    kind: str
    status: str
    who: tuple[str, ...]  # participants' names, the host marked "(host)"
    where: str | None
    when: str | None  # "2025-05-13 (Tuesday)", "the autumn", None
    evidence: tuple[int, int]


@dataclass(frozen=True, slots=True)
class PriorityRow:
    holder: str  # the holder's name
    holder_id: str | None
    kind: str  # holder type: person | country | organization
    phrase: str
    cue: str | None
    source: str  # "quote" | "reported"
    colour: str | None
    span: tuple[int, int]


@dataclass(frozen=True, slots=True)
class ArticleView:
    """What `diplo show` draws for one article; ``problem`` says why there is no text to draw it on."""

    id: str
    source: str
    date: str | None
    text: str = ""  # the article text as read: every offset indexes it
    body_start: int = 0  # first character after the dateline header (the header is not drawn)
    marks: tuple[Mark, ...] = ()
    people: tuple[PersonRow, ...] = ()
    meetings: tuple[MeetingRow, ...] = ()
    priorities: tuple[PriorityRow, ...] = ()
    quotes: int = 0
    errors: tuple[str, ...] = ()  # the record's own errors
    problem: str | None = None  # set when the record cannot be drawn (no text, or text and offsets disagree)


def view_of(record: Any, text: str) -> ArticleView:
    """The view of one record over its article text; raises NotARecord or Unfit."""
    rec = _object(record, "the record")
    version = rec.get("schema_version")
    if version != SCHEMA_VERSION:
        raise NotARecord(f"not a diplo extract record of schema_version {SCHEMA_VERSION} "
                         f"(schema_version is {version!r})")
    head = header(rec)
    people = _list(rec, "people")
    colours = {_str(p, "id", f"people[{i}]"): PALETTE[i % len(PALETTE)] for i, p in enumerate(people)}
    marks = [*_person_marks(people, colours), *_quote_marks(_list(rec, "quotes"), colours),
             *_meeting_marks(_list(rec, "meetings")), *_priority_marks(_list(rec, "priorities"), colours)]
    _, body_start, _ = split_dateline(text)
    for mark, expected, where in marks:
        _check_fits(text, body_start, mark, expected, where)
    return replace(head, text=text, body_start=body_start, marks=merge(m for m, _, _ in marks),
                   people=_people_rows(people, colours), meetings=_meeting_rows(_list(rec, "meetings"), people),
                   priorities=_priority_rows(_list(rec, "priorities"), colours), quotes=len(_list(rec, "quotes")))


def header(record: Any, fallback: str = "?") -> ArticleView:
    """A view with only what names the article (id, source, date, errors): for records that cannot be drawn."""
    rec = record if isinstance(record, dict) else {}
    def text_or(key: str, default: str | None) -> str | None:
        value = rec.get(key)
        return value if isinstance(value, str) else default
    errors = rec.get("errors")
    errors = tuple(e for e in errors if isinstance(e, str)) if isinstance(errors, list) else ()
    return ArticleView(id=text_or("id", fallback) or fallback, source=text_or("source", fallback) or fallback,
                       date=text_or("date", None), errors=errors)


def merge(marks: Any) -> tuple[Mark, ...]:
    """One Mark per (kind, start, end): two meetings told by the same sentence are one span linking both."""
    merged: dict[tuple[str, int, int], Mark] = {}
    for m in marks:
        key = (m.kind, m.start, m.end)
        old = merged.get(key)
        if old is None:
            merged[key] = m
            continue
        links = dict(old.links)
        for name, value in m.links:
            have = links.get(name, "").split()
            links[name] = " ".join([*have, *(v for v in value.split() if v not in have)])
        merged[key] = replace(old, links=tuple(links.items()), note=_join(old.note, m.note),
                              label=_join(old.label, m.label, ","), colour=old.colour or m.colour)
    return tuple(sorted(merged.values(), key=lambda m: (m.start, -m.end, RANK[m.kind])))


# ---------------------------------------------------------------- spans of the record

_Found = tuple[Mark, "str | set[str]", str]  # a mark, the text it must cover (or the forms it may take), where


def _person_marks(people: list[Any], colours: dict[str, str]) -> list[_Found]:
    out: list[_Found] = []
    for i, p in enumerate(people):
        where = f"people[{i}]"
        pid, name = _str(p, "id", where), _str(p, "name", where)
        forms = {name, *(a for a in _list(p, "aliases", where) if isinstance(a, str))}
        facts = " · ".join(x for x in (name, _opt_str(p, "title", where), _opt_str(p, "country", where)) if x)
        for j, pair in enumerate(_list(p, "mentions", where)):
            if not (isinstance(pair, list) and len(pair) == 2 and all(_is_int(x) for x in pair)):
                raise NotARecord(f"{where}.mentions[{j}] is not a pair of offsets")
            mark = Mark("person", pair[0], pair[1], (("person", pid),), f"{pid} {facts}", pid, colours[pid])
            out.append((mark, forms, f"{where}.mentions[{j}]"))
    return out


def _quote_marks(quotes: list[Any], colours: dict[str, str]) -> list[_Found]:
    out: list[_Found] = []
    for i, q in enumerate(quotes):
        where = f"quotes[{i}]"
        speaker = _opt_object(q, "speaker", where)
        sid = _opt_str(speaker, "id", f"{where}.speaker") if speaker else None
        who = (f"{_str(speaker, 'name', f'{where}.speaker')}" + (f" ({sid})" if sid else "")) if speaker \
            else "unattributed"
        links = ((("speaker", sid),) if sid else ()) + (("quote", str(i)),)
        colour = colours.get(sid) if sid else None
        kind = _str(q, "kind", where)
        mark = Mark("quote", _int(q, "start", where), _int(q, "end", where), links, f"{who}: {kind} quote {where}",
                    f"q:{sid or '?'}", colour)
        out.append((mark, _str(q, "text", where), where))
        cue = _opt_object(q, "cue", where)
        if cue:
            span, text = _span(cue, f"{where}.cue")
            out.append((Mark("cue", *span, links, f"speech cue of {where} ({who})", "cue", colour), text,
                        f"{where}.cue"))
        if speaker:
            mention = _object(speaker.get("mention"), f"{where}.speaker.mention")
            span, text = _span(mention, f"{where}.speaker.mention")
            plinks = (("person", sid),) if sid else ()
            out.append((Mark("person", *span, plinks, f"{who}, speaker of {where}", sid or "?", colour), text,
                        f"{where}.speaker.mention"))
    return out


def _meeting_marks(meetings: list[Any]) -> list[_Found]:
    out: list[_Found] = []
    for i, m in enumerate(meetings):
        where = f"meetings[{i}]"
        mid = _str(m, "id", where)
        names = ", ".join(_str(p, "name", f"{where}.participants") for p in _list(m, "participants", where))
        note = f"{mid} · {_str(m, 'kind', where)} · {_str(m, 'status', where)} · {names}"
        span, text = _span(_object(m.get("evidence"), f"{where}.evidence"), f"{where}.evidence")
        out.append((Mark("meeting", *span, (("meeting", mid),), note, mid), text, f"{where}.evidence"))
    return out


def _priority_marks(priorities: list[Any], colours: dict[str, str]) -> list[_Found]:
    out: list[_Found] = []
    for i, p in enumerate(priorities):
        where = f"priorities[{i}]"
        holder = _object(p.get("holder"), f"{where}.holder")
        hid = _opt_str(holder, "id", f"{where}.holder")
        name = _str(holder, "name", f"{where}.holder")
        links = ((("holder", hid),) if hid else ()) + (("priority", str(i)),)
        quote = p.get("quote")
        if _is_int(quote):
            links += (("quote", str(quote)),)
        who = name + (f" ({hid})" if hid else f" ({holder.get('type')})")
        colour = colours.get(hid) if hid else None
        mark = Mark("priority", _int(p, "start", where), _int(p, "end", where), links,
                    f"priority of {who} {where}", f"pr:{hid or name}", colour)
        out.append((mark, _str(p, "text", where), where))
        cue = _opt_object(p, "cue", where)
        if cue:
            span, text = _span(cue, f"{where}.cue")
            out.append((Mark("cue", *span, links[:1], f"priority cue of {where} ({who})", "cue", colour), text,
                        f"{where}.cue"))
    return out


def _check_fits(text: str, body_start: int, mark: Mark, expected: str | set[str], where: str) -> None:
    s, e = mark.start, mark.end
    if not 0 <= s <= e <= len(text):
        raise Unfit(f"{where} at {s}-{e} lies outside the text ({len(text)} characters)")
    got = text[s:e]
    forms = {expected} if isinstance(expected, str) else expected
    if got not in forms and _squeezed(got) not in {_squeezed(f) for f in forms}:
        want = expected if isinstance(expected, str) else " | ".join(sorted(expected))
        raise Unfit(f"{where} at {s}-{e} reads {_short(got)!r}, the record has {_short(want)!r}")
    if s < body_start:
        raise Unfit(f"{where} at {s}-{e} lies in the dateline header")


def _squeezed(s: str) -> str:
    """A span without its whitespace: a span's text is as diplo read the file (SCHEMA.md), so in a
    wrapped or CRLF file the characters at its offsets may differ from it in whitespace only
    ("Sergei\\nLavrov" for "Sergei Lavrov")."""
    return "".join(s.split())


# ---------------------------------------------------------------- rows of the tables


def _people_rows(people: list[Any], colours: dict[str, str]) -> tuple[PersonRow, ...]:
    return tuple(PersonRow(p["id"], p["name"], _opt_str(p, "title", "people"), _opt_str(p, "country", "people"),
                           colours[p["id"]], len(p["mentions"])) for p in people)


def _meeting_rows(meetings: list[Any], people: list[Any]) -> tuple[MeetingRow, ...]:
    rows = []
    for m in meetings:
        host = m.get("host")
        who = tuple(p["name"] + (" (host)" if p.get("id") == host and host else "") for p in m["participants"])
        date, said = m.get("date"), m.get("date_text")
        when = f"{date} ({said})" if date and said and said != date else date or said
        location = m.get("location")
        ev = m["evidence"]
        rows.append(MeetingRow(m["id"], m["kind"], m["status"], who, location if isinstance(location, str) else None,
                               when if isinstance(when, str) else None, (ev["start"], ev["end"])))
    return tuple(rows)


def _priority_rows(priorities: list[Any], colours: dict[str, str]) -> tuple[PriorityRow, ...]:
    rows = []
    for p in priorities:
        h = p["holder"]
        cue = p.get("cue")
        source = p.get("source")
        rows.append(PriorityRow(h["name"], h.get("id"), str(h.get("type")), p["text"],
                                cue["text"] if isinstance(cue, dict) else None,
                                source if isinstance(source, str) else "?", colours.get(h.get("id") or ""),
                                (p["start"], p["end"])))
    return tuple(rows)


# ---------------------------------------------------------------- reading JSON safely


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise NotARecord(f"{where} is not an object")
    return value


def _opt_object(obj: dict[str, Any], key: str, where: str) -> dict[str, Any] | None:
    value = obj.get(key)
    return None if value is None else _object(value, f"{where}.{key}")


def _list(obj: dict[str, Any], key: str, where: str = "record") -> list[Any]:
    value = obj.get(key)
    if not isinstance(value, list):
        raise NotARecord(f"not a diplo extract record: {where}.{key} is not a list" if where == "record"
                    else f"{where}.{key} is not a list")
    if key in ("people", "quotes", "meetings", "priorities"):
        for i, item in enumerate(value):
            _object(item, f"{key}[{i}]")
    return value


def _str(obj: dict[str, Any], key: str, where: str) -> str:
    value = obj.get(key)
    if not isinstance(value, str):
        raise NotARecord(f"{where}.{key} is not a string")
    return value


def _opt_str(obj: dict[str, Any], key: str, where: str) -> str | None:
    value = obj.get(key)
    if value is not None and not isinstance(value, str):
        raise NotARecord(f"{where}.{key} is not a string or null")
    return value


def _int(obj: dict[str, Any], key: str, where: str) -> int:
    value = obj.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise NotARecord(f"{where}.{key} is not an integer offset")
    return value


def _span(obj: dict[str, Any], where: str) -> tuple[tuple[int, int], str]:
    return (_int(obj, "start", where), _int(obj, "end", where)), _str(obj, "text", where)


def _short(s: str, n: int = 40) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def _join(a: str, b: str, sep: str = "; ") -> str:
    return a if not b or b == a else f"{a}{sep}{b}" if a else b
