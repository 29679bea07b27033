"""The README stays true: every option documented, the schema table equals the serializer's."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

README = (ROOT / "README.md").read_text()


def _table_rows(text: str, header: str) -> list[list[str]]:
    block = text.split(header, 1)[1].split("\n\n", 1)[0]
    lines = [line for line in block.splitlines() if line.startswith("|") and not line.startswith("|---")]
    rows = [re.split(r"(?<!\\)\|", line.strip())[1:-1] for line in lines]
    return [[c.strip().replace("\\|", "|") for c in row] for row in rows]


def test_readme_schema_table_equals_serializer():
    from diplo_cli.io.serialize import TOP_LEVEL_KEYS, schema_rows

    rows = _table_rows(README, "| key | type | meaning |")
    assert [(k.strip("`"), t, m) for k, t, m in rows] == schema_rows()
    top = [k.removesuffix("[]") for k, _, _ in schema_rows() if "." not in k]
    assert tuple(top) == TOP_LEVEL_KEYS


def test_serializer_emits_exactly_the_documented_keys():
    from diplo_cli.io.serialize import TOP_LEVEL_KEYS, to_dict
    from diplo_cli.records import Article, ArticleResult

    assert tuple(to_dict(ArticleResult(Article("a", "a", "text"))).keys()) == TOP_LEVEL_KEYS


@pytest.mark.parametrize("command", ["extract", "show", "officials"])
def test_readme_documents_every_option(command):
    from typer.main import get_command

    from diplo_cli.cli import app

    params = get_command(app).commands[command].params
    section = README.split(f"### Options of `diplo {command}`", 1)[1]
    documented = {c.strip("`").split()[0] for row in _table_rows(section, "| option | default | meaning |")
                  for c in row[0].split(", ")}
    for param in params:
        names = [o for o in param.opts if o.startswith("-")] or ["PATH"]
        assert set(names) <= documented, f"README does not document {names} of diplo {command}"


def test_readme_commands_and_ci_agree():
    blocks = re.findall(r"```bash\n(.*?)\n```", README, flags=re.S)
    run_samples = next(b for b in blocks if "diplo extract samples/" in b)
    test_command = next(b for b in blocks if "pytest" in b and "pip install" in b)
    assert "pip install ." in run_samples
    assert test_command in (ROOT / ".ci" / "run").read_text()
