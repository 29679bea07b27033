"""Make docs/show.png, the README's picture of `diplo show --html`, with headless Chromium.

    python scripts/make_show_screenshot.py          # needs chromium (apt-get install chromium)

Renders the golden record of samples/official_visit.txt (no model needed) and takes the browser's
own screenshot of the top of the page.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = "official_visit"
WIDTH, HEIGHT = 1200, 600
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


def main() -> None:
    import orjson

    from diplo_cli.view.html import write_page
    from diplo_cli.view.model import view_of

    record = orjson.loads((ROOT / "tests" / "golden" / f"{SAMPLE}.json").read_bytes())
    text = (ROOT / record["source"]).read_text(encoding="utf-8")
    out = ROOT / "docs" / "show.png"
    with tempfile.TemporaryDirectory(prefix="diplo-shot-") as tmp:
        page = Path(tmp) / "show.html"
        write_page([view_of(record, text)], str(page))
        subprocess.run(["chromium", *FLAGS, f"--user-data-dir={tmp}/profile", f"--window-size={WIDTH},{HEIGHT}",
                        f"--screenshot={out}", page.as_uri()], check=True, capture_output=True, timeout=120)
    print(f"wrote {out.relative_to(ROOT)} ({out.stat().st_size // 1024} KB)", file=sys.stderr)


if __name__ == "__main__":
    main()
