"""The same article saved three other ways (hard-wrapped at 72 columns, CRLF, two spaces after
sentences) gives the same extraction (texts up to whitespace), with offsets that index each file."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT, SAMPLES

sys.path.insert(0, str(ROOT / "benchmarks"))
from form_agreement import KINDS, form, same, wrong_spans  # noqa: E402

FORMS = ("wrap72", "crlf", "spaces")
SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))


@pytest.fixture(scope="module")
def outputs(tmp_path_factory, validate):
    """{(sample stem, form): (record, file text)} for every sample in every form, from one run."""
    from test_golden import pytestmark as needs_model  # the golden model: the extraction is compared

    if needs_model.args[0]:
        pytest.skip(needs_model.kwargs["reason"])
    from conftest import Cli

    tmp = tmp_path_factory.mktemp("forms")
    paths = {}
    for sample in SAMPLE_FILES:
        text = sample.read_text(encoding="utf-8")
        for name in ("original", *FORMS):
            p = tmp / f"{sample.stem}.{name}.txt"
            p.write_bytes((text if name == "original" else form(name)(text)).encode())
            paths[sample.stem, name] = p
    r = Cli(validate)("extract", *map(str, paths.values()))
    assert r.exit_code == 0, r.stderr
    return {key: (rec, p.read_bytes().decode()) for (key, p), rec in zip(paths.items(), r.records, strict=True)}


@pytest.mark.parametrize("name", FORMS)
@pytest.mark.parametrize("sample", [p.stem for p in SAMPLE_FILES])
def test_every_form_gives_the_same_extraction(outputs, sample, name):
    original, _ = outputs[sample, "original"]
    altered, text = outputs[sample, name]
    assert text != outputs[sample, "original"][1]
    assert [k for k in KINDS if not same(original, altered, k)] == []
    assert wrong_spans(altered, text) == []

