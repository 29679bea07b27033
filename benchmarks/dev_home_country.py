"""The dev gold scores when the user states each publisher's country (--home-country).

The dev articles come from the Kremlin (RU), the Ukrainian presidency (UA) and Wikinews (none).
This runs `diplo extract --jsonl` with a "home_country" per record, then the shared scorer, so the
figures show what the option changes next to a plain `../shared/tools/dev-eval`.
usage: python benchmarks/dev_home_country.py [../shared]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

HOME = {"kremlin-en-2021-2022": "RU", "ua-president-en-2021-2022": "UA", "seed": "RU"}


def main(shared: Path) -> None:
    lines = []
    for gold in sorted((shared / "gold/dev").glob("*.json")):
        found = sorted(shared.glob(f"corpus/*/{gold.stem}.txt"))
        if not found:
            continue
        text = found[0].read_text(encoding="utf-8")
        record = {"id": gold.stem, "text": text, "source": str(found[0])}
        home = HOME.get(found[0].parent.name)
        if home:
            record["home_country"] = home
        lines.append(json.dumps(record, ensure_ascii=False))
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as pred:
        subprocess.run(["diplo", "extract", "--jsonl", "-q"], input="\n".join(lines) + "\n", text=True,
                       stdout=pred, check=True)
    subprocess.run([sys.executable, str(shared / "tools/score.py"), str(shared / "gold/dev"), pred.name], check=True)
    subprocess.run([sys.executable, str(Path(__file__).with_name("people_dev.py")), str(shared / "gold/dev"),
                    pred.name], check=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared")
