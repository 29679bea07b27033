"""What the context gives people (people/implied.py), over the corpus readouts, with nothing told by the user.

For each article the people stage runs twice on one parse: once with the words around each name
only, once with the implied roles too. It counts the people that gain a country or a title, and
how many of the gained countries are the publisher's (Kremlin: RU, Ukrainian presidency: UA, New
Zealand government: NZ, White House and State Department: US). Wikinews has no publisher country:
there every country given by the context is to be read (a wire has no own side to give).
The publisher's country is a silver check, not gold: a foreign official given the publisher's
country by mistake still agrees with it, so read the list (--list) to count those by hand.

usage: python benchmarks/implied_countries.py [../shared] [--limit N] [--list]
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from unittest import mock

from diplo_cli.extract import docindex
from diplo_cli.extract.people import names as people
from diplo_cli.io import sources
from diplo_cli.run.nlp import load_model, parse

PUBLISHERS = {"kremlin-en-2021-2022": "RU", "ua-president-en-2021-2022": "UA", "nz-beehive-1996-2026": "NZ",
              "whitehouse-2021-2025": "US", "state-dept-2021-2022": "US", "wikinews-2019-2020": None}


def main(shared: Path, limit: int | None, listing: bool) -> None:
    nlp = load_model()
    for folder, publisher in PUBLISHERS.items():
        dev = {g.stem for g in (shared / "gold" / "dev").glob("*.json")}
        files = [f for f in sorted((shared / "corpus" / folder).glob("*.txt")) if f.stem not in dev]
        files = files[::max(1, len(files) // limit)][:limit] if limit else files  # spread over the years
        articles = [sources.read_text_article(str(f), sources.ReadOptions()) for f in files]
        tally: Counter[str] = Counter()
        for article, doc in zip(articles, parse(nlp, articles), strict=True):
            with mock.patch.object(people, "implied_roles", lambda doc, found, counterparts, home=None: found):
                stated = people.resolve_people(doc, date=article.date)
            docindex.release(doc)
            implied = people.resolve_people(doc, date=article.date)
            docindex.release(doc)
            tally["people"] += len(implied)
            tally["  with a country"] += sum(p.country_code is not None for p in implied)
            for before, after in zip(stated, implied, strict=True):
                if after.country_code and not before.country_code:
                    tally["country given"] += 1
                    tally["  the publisher's"] += after.country_code == publisher
                if after.title and not before.title:
                    tally["title given"] += 1
                if listing and (before.country_code, before.title) != (after.country_code, after.title):
                    print(f"  {article.id} | {after.name} | {after.title} | {after.country_code}")
        tally["articles"] = len(articles)
        print(folder, f"(publisher {publisher})" if publisher else "(no publisher country)")
        for key in ("articles", "people", "  with a country", "country given", "  the publisher's", "title given"):
            print(f"  {key:20} {tally[key]}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("shared", nargs="?", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    ap.add_argument("--limit", type=int, default=None, help="articles per folder, spread evenly (never dev ones)")
    ap.add_argument("--list", action="store_true", help="print every person the context changed")
    args = ap.parse_args()
    main(args.shared, args.limit, args.list)
