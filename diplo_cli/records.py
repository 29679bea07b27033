"""The frozen record types that flow from sources through the stages to the serializer.

Records hold plain values and character offsets into the ORIGINAL article text; never spaCy
objects. Offsets are half-open: ``text[start:end]``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Article:
    """One input article as read; ``error`` is set when it could not be read as text."""

    id: str
    source: str
    text: str
    date: str | None = None
    body_start: int = 0  # first character after the dateline header
    error: str | None = None  # fatal: the article gets empty lists
    warnings: tuple[str, ...] = ()  # non-fatal problems, reported in the output's "errors"
    home_country: str | None = None  # ISO code the user says the article is written from (--home-country)


@dataclass(frozen=True, slots=True)
class TextSpan:
    """Words of the article with their offsets."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    title: str | None = None
    country: str | None = None
    country_code: str | None = None
    organization: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Speaker:
    id: str | None  # person id; None for organisations and unnamed speakers
    name: str
    mention: TextSpan


@dataclass(frozen=True, slots=True)
class Quote:
    kind: str  # "direct" | "indirect"
    text: str
    start: int
    end: int
    speaker: Speaker | None = None
    cue: TextSpan | None = None


@dataclass(frozen=True, slots=True)
class Meeting:
    id: str
    kind: str  # "in_person" | "call" | "summit"
    status: str  # "held" | "planned"
    participants: tuple[str, ...]  # person ids
    evidence: TextSpan
    host: str | None = None
    location: str | None = None
    date: str | None = None
    date_text: str | None = None


@dataclass(frozen=True, slots=True)
class Holder:
    id: str | None
    name: str
    type: str  # "person" | "country" | "organization"


@dataclass(frozen=True, slots=True)
class Priority:
    holder: Holder
    text: str
    start: int
    end: int
    cue: TextSpan
    source: str  # "quote" | "reported"
    quote: int | None = None  # index into the article's quotes


@dataclass(frozen=True, slots=True)
class ArticleResult:
    article: Article
    people: tuple[Person, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    quotes: tuple[Quote, ...] = ()
    priorities: tuple[Priority, ...] = ()
    errors: tuple[str, ...] = ()
    failed: bool = False  # the article could not be processed; its lists are empty
