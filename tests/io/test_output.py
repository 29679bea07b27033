"""--resume bookkeeping: which lines failed, and putting retried articles back in input order."""

from __future__ import annotations

import orjson
import pytest

from diplo_cli.io import paths, sources
from diplo_cli.io.output import line_failed, resume_state, settle


def line(id: str, ok: bool, source: str | None = None) -> bytes:
    rec = {"id": id, "source": source or f"in/{id}.txt", "people": [{"id": "p1"}] if ok else [], "meetings": [],
           "quotes": [], "priorities": [], "errors": [] if ok else ["cannot read: permission denied"]}
    return orjson.dumps(rec) + b"\n"


@pytest.mark.parametrize("before, after", [
    ([("a", True), ("b", False), ("c", True), ("b", True)], [("a", True), ("b", True), ("c", True)]),
    ([("a", False), ("b", True), ("a", False), ("a", True)], [("a", True), ("b", True)]),  # two resumes
    ([("a", True), ("b", False)], [("a", True), ("b", False)]),  # not retried: left alone
])
def test_settle_puts_retried_lines_where_their_failed_lines_were(tmp_path, before, after):
    out = tmp_path / "out.jsonl"
    out.write_bytes(b"".join(line(i, ok) for i, ok in before))
    settle(str(out))
    got = [orjson.loads(raw) for raw in out.read_bytes().splitlines()]
    assert [(r["id"], not line_failed(r)) for r in got] == after


def test_same_id_from_another_source_is_another_article(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_bytes(line("a", False, "x/a.txt") + line("a", True, "y/a.txt"))
    settle(str(out))
    assert [orjson.loads(raw)["source"] for raw in out.read_bytes().splitlines()] == ["x/a.txt", "y/a.txt"]


def test_resume_state_reads_the_last_line_of_each_id(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_bytes(line("a", False) + line("b", True) + line("a", True) + line("c", False) + b'{"id": "d", "tor')
    state = resume_state(str(out))
    assert (state.done, state.failed, state.torn) == ({"a", "b"}, {"c"}, len(b'{"id": "d", "tor'))


def test_warnings_are_not_failures():
    warned = sources.make_article("x", "x", " date 2025-02-30 Nobody met anyone.")
    record = sources._jsonl_record(b'{"id": true, "text": "Nobody met anyone."}', "f:1", "f:1", sources.ReadOptions())
    for warning in (*warned.warnings, *record.warnings, paths.NAME_NOT_UTF8):
        rec = {"people": [], "meetings": [], "quotes": [], "priorities": [], "errors": [warning]}
        assert not line_failed(rec), warning
