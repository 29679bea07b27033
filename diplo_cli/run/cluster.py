"""Run the extraction on a Dask cluster (`--dask SCHEDULER`): the same lines, in the same order.

Text files travel to the workers as paths (or URLs) and are read there, so the scheduler moves
names, not articles; JSON-lines records and stdin, which only this process can read, travel as
articles. Each task is a batch; each worker process loads the model once and keeps it for every
task it runs. Results stream back in input order through a bounded window of tasks, as with -j.
Needs the optional extra: pip install '.[dask]' in a checkout of diplo.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from diplo_cli.errors import DiploError, UsageError
from diplo_cli.io.sources import ReadOptions, read_text_article
from diplo_cli.records import Article
from diplo_cli.run.nlp import MAX_BATCH_CHARS, batched
from diplo_cli.run.pipeline import WINDOW_PER_JOB, Extractor, Outcome, RunOptions

if TYPE_CHECKING:
    from distributed import Client, Future, LocalCluster

    from diplo_cli.extract.people.officials import OfficeHolders

WorkItem = Article | str  # an article read here, or a path / URL the worker reads
CONNECT_TIMEOUT = "10s"

_extractors: dict[tuple[str, bool], Extractor] = {}
_lock = threading.Lock()


def run_on_dask(items: Iterable[WorkItem], opts: RunOptions, read: ReadOptions, scheduler: str) -> Iterator[Outcome]:
    """One Outcome per item, in input order, computed on the cluster ``scheduler`` names."""
    client, cluster = _connect(scheduler)
    pending: deque = deque()
    try:
        window = max(1, len(client.scheduler_info().get("workers", {}))) * WINDOW_PER_JOB
        # the office-holder tables go to each worker once, not with every task
        officials = None if opts.officials is None else client.scatter(opts.officials, broadcast=True)
        for batch in batched(items, opts.batch_size, length=_known_length):
            pending.append(client.submit(_work, batch, read, opts.model, opts.pretty, officials, pure=False))
            if len(pending) >= window:
                yield from _result(pending.popleft())
        while pending:
            yield from _result(pending.popleft())
    finally:
        for f in pending:
            f.cancel()
        client.close()
        if cluster is not None:
            cluster.close()


def _connect(scheduler: str) -> tuple[Client, LocalCluster | None]:
    """A client for "tcp://host:8786", or for a LocalCluster started here ("local", "local:N")."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("--dask needs the dask extra: pip install '.[dask]' in a checkout of diplo "
                         "(or pip install 'dask[distributed]')") from None
    logging.getLogger("distributed").setLevel(logging.ERROR)
    if scheduler == "local" or scheduler.startswith("local:"):
        workers = scheduler.partition(":")[2]
        if workers and not (workers.isdigit() and int(workers) > 0):
            raise UsageError(f"--dask {scheduler!r}: expected local or local:N with N ≥ 1 workers")
        n = int(workers) if workers else (os.cpu_count() or 1)
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=logging.ERROR)
        return Client(cluster), cluster
    try:
        return Client(scheduler, timeout=CONNECT_TIMEOUT), None
    except (OSError, TimeoutError, ValueError) as e:
        raise UsageError(f"cannot reach the Dask scheduler at {scheduler!r}: {e}") from None


def _known_length(item: WorkItem) -> int:
    """An article's length; a path's is unknown here (the worker keeps to the budget once it has read it)."""
    return len(item.text) if isinstance(item, Article) else 0


def _result(future: Future) -> list[Outcome]:
    try:
        return future.result()
    except DiploError:
        raise
    except Exception as e:  # a worker that died or a lost connection: stop with a --resume hint
        raise DiploError(f"the Dask cluster failed a task ({type(e).__name__}: {e}); the lines written so far "
                         "are complete: rerun with -o FILE --resume to go on") from None


def _work(batch: list[WorkItem], read: ReadOptions, model: str, pretty: bool,
          officials: OfficeHolders | None = None) -> list[Outcome]:
    """On a worker: read the paths, then parse and extract with this process's one model."""
    articles = [item if isinstance(item, Article) else read_text_article(item, read) for item in batch]
    with _lock:  # one model per process, used by one task at a time
        extractor = _extractors.get((model, pretty))
        if extractor is None:
            extractor = _extractors[(model, pretty)] = Extractor(model, pretty)
        extractor.officials = officials  # this run's tables: the model outlives a run, the tables do not
        # the files were read here: keep to the character budget now that their length is known
        return [o for part in batched(articles, len(articles), MAX_BATCH_CHARS) for o in extractor.outcomes(part)]
