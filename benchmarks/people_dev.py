"""Title and country accuracy of the people diplo finds, against the dev gold participants.

The dev scorer reads titles and countries only through meetings; until meetings are extracted,
this matches each gold participant to a person in `people` (the scorer's own name matching).
usage: diplo extract $(gold dev articles) > pred.jsonl; python benchmarks/people_dev.py ../shared/gold/dev pred.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "shared" / "tools"))
from score import country_norm, name_match, title_match  # noqa: E402


def main(gold_dir: str, pred_path: str) -> None:
    preds = {json.loads(line)["id"]: json.loads(line) for line in Path(pred_path).read_text().splitlines() if line}
    found = total = title_ok = title_n = country_ok = country_n = 0
    for f in sorted(Path(gold_dir).glob("*.json")):
        gold = json.loads(f.read_text())
        people = preds.get(gold["id"], {}).get("people", [])
        for g in gold.get("participants", []):
            total += 1
            p = next((p for p in people if name_match(p["name"], g["name"])), None)
            if p is None:
                continue
            found += 1
            if g.get("title"):
                title_n += 1
                title_ok += bool(p["title"] and title_match(p["title"], g["title"]))
            if g.get("country"):
                country_n += 1
                country_ok += bool(p["country"] and country_norm(p["country"]) == country_norm(g["country"]))
    print(f"gold participants found in people: {found}/{total} = {found / total:.3f}")
    print(f"title accuracy of found:   {title_ok}/{title_n} = {title_ok / title_n:.3f}")
    print(f"country accuracy of found: {country_ok}/{country_n} = {country_ok / country_n:.3f}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
