"""Generate diplo_cli/extract/data/countries.jsonl once: names, demonyms and capitals of every country.

Sources: pycountry (ISO 3166-1 codes and names, LGPL-2.1, a runtime dependency) and countryinfo
1.0.1 (demonyms, capitals, alternative spellings; MIT), which is needed only to run this script:
    pip install countryinfo==1.0.1 && python scripts/make_countries.py
EXTRA holds the forms news writing uses that neither has ("Kazakh", "U.S.", "Türkiye", "Emirati").
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pycountry
from countryinfo import CountryInfo

# Short names news uses, where ISO's is long ("Russian Federation").
NAMES = {"RU": "Russia", "IR": "Iran", "SY": "Syria", "VN": "Vietnam", "KR": "South Korea", "KP": "North Korea",
         "LA": "Laos", "BO": "Bolivia", "VE": "Venezuela", "TZ": "Tanzania", "MD": "Moldova", "TW": "Taiwan",
         "CZ": "Czech Republic", "TR": "Turkey", "US": "United States", "GB": "United Kingdom", "PS": "Palestine",
         "VA": "Vatican City", "BN": "Brunei", "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo",
         "FM": "Micronesia", "MK": "North Macedonia", "CI": "Côte d'Ivoire", "SZ": "Eswatini", "CV": "Cabo Verde"}
EXTRA: dict[str, dict[str, list[str]]] = {
    "KZ": {"demonyms": ["Kazakh"]}, "RU": {"demonyms": ["Russian"], "aliases": ["Russian Federation"]},
    "US": {"demonyms": ["American", "U.S.", "US"], "aliases": ["U.S.", "US", "USA", "U.S.A.", "America",
                                                            "United States of America"]},
    "GB": {"demonyms": ["British", "UK", "U.K."], "aliases": ["UK", "U.K.", "Britain", "Great Britain"]},
    "TR": {"demonyms": ["Turkish"], "aliases": ["Türkiye", "Turkiye"]}, "AE": {"demonyms": ["Emirati", "UAE"],
                                                                         "aliases": ["UAE", "the Emirates"]},
    "LA": {"demonyms": ["Lao", "Laotian"], "aliases": ["Lao PDR"]}, "UZ": {"demonyms": ["Uzbek"]},
    "TJ": {"demonyms": ["Tajik"]}, "KG": {"demonyms": ["Kyrgyz"]}, "TM": {"demonyms": ["Turkmen"]},
    "AZ": {"demonyms": ["Azerbaijani", "Azeri"]}, "CN": {"demonyms": ["Chinese"], "aliases": ["PRC"]},
    "KR": {"demonyms": ["South Korean", "Korean"], "aliases": ["Republic of Korea", "ROK"]},
    "KP": {"demonyms": ["North Korean"], "aliases": ["DPRK"]}, "VN": {"demonyms": ["Vietnamese"],
                                                                     "aliases": ["Viet Nam"]},
    "LK": {"demonyms": ["Sri Lankan"]}, "NZ": {"demonyms": ["New Zealand"]}, "PH": {"demonyms": ["Filipino",
                                                                                               "Philippine"]},
    "NL": {"demonyms": ["Dutch"], "aliases": ["Holland"]}, "CH": {"demonyms": ["Swiss"]},
    "FR": {"demonyms": ["French"]}, "IE": {"demonyms": ["Irish"]}, "ES": {"demonyms": ["Spanish"]},
    "DK": {"demonyms": ["Danish"]}, "SE": {"demonyms": ["Swedish"]}, "FI": {"demonyms": ["Finnish"]},
    "PL": {"demonyms": ["Polish"]}, "CZ": {"demonyms": ["Czech"], "aliases": ["Czechia"]},
    "SI": {"demonyms": ["Slovenian", "Slovene"]}, "HR": {"demonyms": ["Croatian"]},
    "RS": {"demonyms": ["Serbian"]}, "BA": {"demonyms": ["Bosnian"]}, "GR": {"demonyms": ["Greek"]},
    "HU": {"demonyms": ["Hungarian"]}, "BY": {"demonyms": ["Belarusian"]}, "UA": {"demonyms": ["Ukrainian"]},
    "PT": {"demonyms": ["Portuguese"]}, "BE": {"demonyms": ["Belgian"]}, "IS": {"demonyms": ["Icelandic"]},
    "IL": {"demonyms": ["Israeli"]}, "SA": {"demonyms": ["Saudi"]}, "QA": {"demonyms": ["Qatari"]},
    "OM": {"demonyms": ["Omani"]}, "PK": {"demonyms": ["Pakistani"]}, "AF": {"demonyms": ["Afghan"]},
    "BD": {"demonyms": ["Bangladeshi"]}, "TH": {"demonyms": ["Thai"]}, "MM": {"demonyms": ["Myanmar", "Burmese"],
                                                                          "aliases": ["Burma"]},
    "VA": {"demonyms": ["Vatican"], "aliases": ["Holy See"]}, "PS": {"demonyms": ["Palestinian"]},
    "CI": {"aliases": ["Ivory Coast"], "demonyms": ["Ivorian"]}, "MK": {"demonyms": ["Macedonian"]},
    "AR": {"demonyms": ["Argentine", "Argentinian"]}, "EC": {"demonyms": ["Ecuadorian"]},
    "NP": {"demonyms": ["Nepali"]}, "MV": {"demonyms": ["Maldivian"]},
    "TL": {"demonyms": ["Timorese", "East Timorese"]},
    "SK": {"demonyms": ["Slovak", "Slovakian"]},
}
ASCII_WORDS = re.compile(r"^[A-Z][A-Za-z.'’ -]+$")
# countryinfo's spellings that English text uses for something else: a common noun ("Pacific Island
# Affairs Minister" is no Icelandic minister), a surname or a given name ("Thomas Mann", "Dominique").
NOT_ALIASES = {"Island", "Mann", "Dominique"}
# Capitals whose name changed since the data was made.
CAPITALS = {"KZ": ["Astana", "Nur-Sultan"], "UA": ["Kyiv", "Kiev"], "MM": ["Naypyidaw"]}


def country_rows() -> list[dict]:
    rows = []
    for c in pycountry.countries:
        code = c.alpha_2
        name = NAMES.get(code) or getattr(c, "common_name", None) or c.name
        try:
            info = CountryInfo(c.name).info() or {}
        except Exception:  # noqa: BLE001 - countryinfo has no entry for some ISO names
            info = {}
        aliases = {c.name, getattr(c, "official_name", c.name), getattr(c, "common_name", c.name)}
        aliases |= {a for a in info.get("altSpellings", []) if ASCII_WORDS.match(a) and len(a) > 3
                    and a not in NOT_ALIASES}
        aliases |= set(EXTRA.get(code, {}).get("aliases", []))
        demonyms = {info["demonym"]} if info.get("demonym") else set()
        demonyms |= set(EXTRA.get(code, {}).get("demonyms", []))
        capitals = CAPITALS.get(code) or ([info["capital"]] if info.get("capital") else [])
        rows.append({"code": code, "name": name, "aliases": sorted(aliases - {name}),
                     "demonyms": sorted(demonyms), "capitals": capitals})
    return _unshared(rows)


def _unshared(rows: list[dict]) -> list[dict]:
    """A demonym several entries share ("American": the United States and the Northern Mariana
    Islands; "French": France and five territories) stays only with the state it names: the one EXTRA
    gives it to, else the one whose name it shares the longest beginning with."""
    owners: dict[str, list[dict]] = {}
    for row in rows:
        for d in row["demonyms"]:
            owners.setdefault(d, []).append(row)
    for demonym, claimants in owners.items():
        if len(claimants) < 2:
            continue
        chosen = [r for r in claimants if demonym in EXTRA.get(r["code"], {}).get("demonyms", [])]
        winner = chosen[0] if chosen else max(claimants, key=lambda r: _common_start(demonym, r["name"]))
        for r in claimants:
            if r is not winner:
                r["demonyms"] = [d for d in r["demonyms"] if d != demonym]
    return rows


def _common_start(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


if __name__ == "__main__":
    out = Path(__file__).resolve().parent.parent / "diplo_cli" / "extract" / "data" / "countries.jsonl"
    with out.open("w", encoding="utf-8") as f:
        f.write(json.dumps({"_comment": "Generated by scripts/make_countries.py from pycountry and countryinfo "
                            "(MIT); edit EXTRA there, not this file."}) + "\n")
        for row in country_rows():
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {out}")
