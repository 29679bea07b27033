"""Mine an archive of articles for the office holders they name with a country: an office-holder table.

No office-holder list is available offline (pycountry has countries only), so the archive is mined from news
text itself: the forms that state a person's country next to the office, "U.S. President Joe Biden", "Russian
Foreign Minister Sergei Lavrov", "President of France Emmanuel Macron", "New Zealand's Prime Minister John Key".
Each row: name, country, ISO code, the office said most often, the first and last article date it was seen
and in how many articles. A name two countries claim (each in at least a fifth of its articles) is left out,
and so is a name seen in fewer than MIN_ARTICLES articles (1: one article's "US Vice President Kamala
Harris" is evidence enough; read on 300 corpus articles, 22 of 24 more people right). Plain text, no spaCy:
`diplo officials` runs over thousands of articles in seconds. officials.py does the lookup.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from diplo_cli.extract import lexicon
from diplo_cli.extract.countries import countries

MIN_ARTICLES = 1
OTHER_SHARE = 0.2  # a second country in this share of the articles makes a name ambiguous
HONORIFICS = {"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Hon", "Hon.", "H.E.", "His", "Her", "Excellency",
              "Majesty", "Highness", "Sheikh", "Sir", "Dame", "Prof.", "Professor", "Rt", "Rt."}
# capitalised words of headlines and tag lists that end a name ("Dmytro Kuleba Before Their Meeting")
NOT_NAME = {"before", "after", "their", "at", "on", "in", "with", "to", "for", "by", "from", "during", "meeting",
            "meets", "visit", "visits", "talks", "remarks", "statement", "press", "today", "said", "says"}
SUFFIXES = {"Jr.", "Jr", "Sr.", "Sr", "II", "III"}


def _title_words() -> set[str]:
    words = set()
    for e in lexicon.entries("titles"):
        words.update(e["title"].lower().replace("-", " ").split())
    return words | {"foreign", "defence", "defense", "trade", "finance", "affairs", "deputy", "vice", "first",
                    "acting", "national", "security", "advisor", "adviser", "state", "councilor", "premier",
                    "minister", "secretary", "ambassador", "envoy", "chancellor", "president"}


def _pattern() -> re.Pattern[str]:
    forms = sorted(countries().by_form, key=len, reverse=True)
    country = "|".join(re.escape(f) for f in forms)
    title = r"(?:[A-Z][a-z]+(?:-[a-z]+)?[^\S\n]+){0,4}?(?:President|Minister|Secretary|Chancellor|Premier|King|Queen|" \
            r"Emir|Ambassador|Envoy|Advisor|Adviser|Councilor|Spokesperson|Governor-General|Vice Premier)" \
            r"(?:[^\S\n]+of[^\S\n]+(?:State|Defense|Defence|the Treasury|Homeland Security|Commerce))?"
    gap = r"[^\S\n]+"  # within a line: a headline's last word is not the body's first
    # "U.S. President Joe Biden", "New Zealand's Prime Minister John Key", "President of France Emmanuel Macron"
    return re.compile(rf"(?<![\w.\-])(?:(?P<c1>{country})(?:['’]s)?{gap}(?P<t1>{title})"
                      rf"|(?P<t2>{title}){gap}of{gap}(?:the{gap})?(?P<c2>{country})){gap}(?=(?P<rest>[^\n]{{0,80}}))")


def _name(rest: str, stop: set[str]) -> str | None:
    """The name at the start of the words after a title: two to four capitalised words, initials and
    suffixes included ("Antony J. Blinken", "Joseph R. Biden, Jr." → "Joseph R. Biden Jr.")."""
    words: list[str] = []
    for raw in rest.split():
        word = raw.rstrip(",;:)\"”’'")
        if not words and word in HONORIFICS:
            continue
        possessive = word.endswith(("'s", "’s"))
        word = word.removesuffix("'s").removesuffix("’s")
        ends = word != raw or (word.endswith(".") and not re.fullmatch(r"[A-Z]\.|Jr\.|Sr\.", word))
        word = word if re.fullmatch(r"[A-Z]\.|Jr\.|Sr\.", word) else word.rstrip(".")
        if not word or not word[0].isupper() or word.lower() in stop | NOT_NAME or countries().lookup(word) \
                or word in words or any(word.startswith(w) and len(word) > len(w) for w in words) \
                or not re.fullmatch(r"[^\W\d_][\w'’\-]*\.?", word) \
                or word.isupper() and len(word) > 1 and not re.fullmatch(r"[A-Z]\.", word):
            break
        words.append(word)
        if ends or possessive or len(words) == 4:
            break
    while words and (words[-1] in SUFFIXES or re.fullmatch(r"[A-Z]\.", words[-1])):
        words.pop()  # the suffix is no surname; a trailing initial is a sentence's end
    return " ".join(words) if len(words) >= 2 else None


def _host(before: str) -> bool:
    """"Ambassador to Armenia Lynne Tracy", "Special Representative for the DPRK Ambassador Sung Kim": a
    country after "to" or "for" is the host or the subject of the office, not the office holder's."""
    for word in reversed(before.split()[-12:]):
        if word in ("for", "to"):
            return True
        if not (word[:1].isupper() or word[:1] == "(" or word in ("the", "of", "and")):
            return False
    return False


def mine_office_holders(articles: Iterable[tuple[str, str | None]]) -> list[dict[str, object]]:
    """The rows of an office-holder table (officials.jsonl) for (text, ISO date) pairs: name, country,
    country_code, office (the one said most often), first_seen, last_seen, articles."""
    pattern, stop = _pattern(), _title_words() | {"and", "of", "the"}
    seen: dict[str, Counter[str]] = defaultdict(Counter)
    offices: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    dates: dict[tuple[str, str], list[str]] = defaultdict(list)
    for text, date in articles:
        first, _, rest = text.partition("\n")
        words = first.split()
        if sum(w[:1].isupper() for w in words) > 0.6 * len(words):
            text = rest  # a headline: title case, where names run into words ("Dmytro Kuleba Before Their Meeting")
        found: dict[str, tuple[str, str]] = {}
        for m in pattern.finditer(text):
            name = _name(m.group("rest"), stop)
            country = countries().lookup(m.group("c1") or m.group("c2"))
            if name is None or country is None or _host(text[:m.start()]) or m.group("c2") in countries().demonyms:
                continue  # "President of the Norwegian Storting X": a demonym after "of" is a body's, not X's
            title = " ".join((m.group("t1") or m.group("t2")).split())
            found.setdefault(name, (country.code, title))
        for name, (code, title) in found.items():
            seen[name][code] += 1
            offices[(name, code)][title] += 1
            if date:
                dates[(name, code)].append(date)
    rows: list[dict[str, object]] = []
    for name, codes in sorted(seen.items()):
        (code, n), *others = codes.most_common()
        if n < MIN_ARTICLES or any(k >= OTHER_SHARE * sum(codes.values()) for _, k in others):
            continue
        when = sorted(dates[(name, code)])
        rows.append({"name": name, "country": countries().by_code[code].name, "country_code": code,
                     "office": offices[(name, code)].most_common(1)[0][0],
                     "first_seen": when[0] if when else None, "last_seen": when[-1] if when else None,
                     "articles": n})
    return rows


def table_head(articles: int) -> dict[str, object]:
    """The first line of a table: what it is and where it came from (readers skip it)."""
    mined = f"{articles} article{'s' * (articles != 1)}"
    return {"_comment": "Office holders as news articles name them with their country (diplo officials, mined from "
                        f"{mined}; names claimed by two countries left out). diplo extract --officials "
                        "FILE gives the country to a person an article leaves it unsaid for, when the article's "
                        "date is near the dates seen."}
