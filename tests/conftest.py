"""Shared fixtures: the real model (session-scoped), hand-built Docs, the CLI runner, schema checks."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/*.json from samples/")


@pytest.fixture(scope="session")
def nlp():
    from diplo_cli.run.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def validate():
    """Check one output object against the published JSON Schema and the offset contract."""
    from jsonschema import Draft202012Validator

    from diplo_cli.io.serialize import json_schema

    schema = json_schema()
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)

    def check(record: dict) -> dict:
        validator.validate(record)
        return record

    return check


def make_doc(words: list[str], spaces: list[bool] | None = None, ents: list[str] | None = None,
             heads: list[int] | None = None, deps: list[str] | None = None, pos: list[str] | None = None,
             lemmas: list[str] | None = None):
    """A Doc built by hand (no model): tests of stage logic that do not change with the model."""
    import spacy
    from spacy.tokens import Doc

    vocab = spacy.blank("en").vocab
    return Doc(vocab, words=words, spaces=spaces, ents=ents, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


class Cli:
    """Run `diplo` in-process (fast: the model is loaded once) and parse its output lines."""

    def __init__(self, validate) -> None:
        self.runner = CliRunner()
        self.validate = validate

    def __call__(self, *args: str, input: str | bytes | None = None):
        from diplo_cli.cli import app

        result = self.runner.invoke(app, list(args), input=input, catch_exceptions=False)
        parse = args[:1] == ("extract",) and "--pretty" not in args and "--help" not in args
        lines = result.stdout.splitlines() if parse else []
        result.records = [self.validate(orjson.loads(line)) for line in lines]
        return result


@pytest.fixture
def cli(validate) -> Cli:
    return Cli(validate)


def run_diplo(*args: str, **kwargs) -> subprocess.CompletedProcess:
    """Run the real `diplo` entry point in a subprocess (for signals, pipes and terminals)."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.run([sys.executable, "-m", "diplo_cli", *args], capture_output=True, env=env, **kwargs)


def run_diplo_on_terminal(*args: str) -> subprocess.CompletedProcess:
    """Run `diplo ARGS` with a terminal (a pseudo-terminal) as its standard input and nothing typed."""
    primary, secondary = pty.openpty()
    try:
        return run_diplo(*args, stdin=secondary, timeout=60)
    finally:
        os.close(primary)
        os.close(secondary)
