"""--dask: a LocalCluster (2 workers, 1 thread each) gives the local path's lines, line for line."""

from __future__ import annotations

import sys
from pathlib import Path

import orjson
import pytest
from conftest import SAMPLES

pytest.importorskip("distributed", reason="the dask extra is not installed")


def test_local_cluster_matches_the_local_path(cli, tmp_path):
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"bad \xff byte")
    inputs = [*sorted(str(p) for p in SAMPLES.glob("*.txt")), str(broken)]
    local = cli("extract", *inputs)
    remote = cli("extract", "--dask", "local:2", "--batch-size", "2", *inputs)
    assert remote.exit_code == local.exit_code == 1  # the broken file fails alone, on a worker
    assert remote.stdout == local.stdout
    assert len(remote.records) == len(inputs)


def test_jsonl_records_and_resume_on_a_cluster(cli, tmp_path):
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))[:3]]
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(b"".join(orjson.dumps({"id": f"r{i}", "text": t}) + b"\n" for i, t in enumerate(texts)))
    out = tmp_path / "out.jsonl"
    out.write_bytes(cli("extract", "--jsonl", str(feed)).stdout.splitlines(keepends=True)[0].encode())
    r = cli("extract", "--jsonl", "--dask", "local:2", "-o", str(out), "--resume", str(feed))
    assert r.exit_code == 0
    assert [orjson.loads(line)["id"] for line in out.read_bytes().splitlines()] == ["r0", "r1", "r2"]


def test_unreachable_scheduler_is_a_usage_error(cli, monkeypatch):
    from diplo_cli.run import cluster

    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", "1s")
    r = cli("extract", "--dask", "tcp://127.0.0.1:9", str(next(SAMPLES.glob("*.txt"))))
    assert r.exit_code == 2 and "cannot reach the Dask scheduler" in r.stderr and r.stdout == ""


@pytest.mark.parametrize("spec", ["local:0", "local:two"])
def test_bad_local_spec_is_a_usage_error(cli, spec):
    r = cli("extract", "--dask", spec, str(next(SAMPLES.glob("*.txt"))))
    assert r.exit_code == 2 and "local:N" in r.stderr


def test_missing_extra_says_what_to_install(cli, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if dask were not installed
    r = cli("extract", "--dask", "local", str(next(SAMPLES.glob("*.txt"))))
    assert r.exit_code == 2 and "pip install '.[dask]'" in r.stderr


def test_file_urls_are_read_through_fsspec(cli, tmp_path):
    for p in sorted(SAMPLES.glob("*.txt"))[:2]:
        (tmp_path / p.name).write_bytes(p.read_bytes())
    local = cli("extract", str(tmp_path))
    url = cli("extract", Path(tmp_path).as_uri() + "/")
    assert [r["id"] for r in url.records] == [r["id"] for r in local.records]
    assert [r["people"] for r in url.records] == [r["people"] for r in local.records]


def test_officials_table_reaches_the_cluster(cli, tmp_path):
    table = tmp_path / "t.jsonl"
    table.write_bytes(orjson.dumps({"name": "Pavel Orlov", "country_code": "RU", "first_seen": "2025-01-01",
                                    "last_seen": "2025-12-31"}) + b"\n")
    article = tmp_path / "a.txt"
    article.write_text(" date 2025-05-14 Interior Minister Pavel Orlov met French President Claire Dubois.\n")
    r = cli("extract", "--dask", "local:1", "--officials", str(table), str(article))
    assert r.exit_code == 0 and r.records[0]["people"][0]["country_code"] == "RU"
