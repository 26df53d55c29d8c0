"""The local engine: a process pool, one :class:`~repair.batch.worker.Worker` per process.

Where processes are forked (Linux's default), the parent builds and warms the
worker once before the pool starts, and every process inherits it: the
lexicons, SymSpell index and language model are loaded once and their pages
shared copy-on-write (``gc.freeze`` keeps the collector from touching them).
Elsewhere each process builds its worker once, in the pool initializer.  A
task is a whole shard; workers report every finished document on a queue so
the progress bar moves per document, not per shard.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import queue as queue_mod
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from repair.batch.sources import Shard
from repair.batch.state import BatchError, close_inherited_locks
from repair.batch.worker import Worker, WorkerSettings, run_shard, watch_parent

_worker: Worker | None = None
_queue: Any = None


def _init(settings: WorkerSettings | None, progress_queue: Any) -> None:
    """Pool initializer: keep the queue; build the worker unless it was inherited."""
    global _worker, _queue
    _queue = progress_queue
    close_inherited_locks()
    watch_parent()
    if settings is not None:
        _worker = Worker(settings)
        gc.freeze()  # the loaded resources are never garbage: keep the collector off them


def _on_doc(n: int) -> None:
    _queue.put(n)


def _run(shard: dict[str, Any]) -> dict[str, Any]:
    assert _worker is not None, "worker not initialized"
    return run_shard(_worker, Shard.from_json(shard), on_doc=_on_doc)


def run_local(
    settings: WorkerSettings,
    shards: list[Shard],
    jobs: int,
    on_progress: Callable[[int], None] = lambda n: None,
    start_method: str | None = None,
) -> Iterator[dict[str, Any]]:
    """Run ``shards`` on ``jobs`` processes; yield each shard's stats as it completes.

    ``start_method`` overrides the platform's default (``fork``, ``spawn``, ``forkserver``).
    """
    if not shards:
        return
    global _worker
    ctx = mp.get_context(start_method)
    progress_queue = ctx.Queue()
    jobs = max(1, min(jobs, len(shards)))
    init_settings: WorkerSettings | None = settings
    if ctx.get_start_method() == "fork":
        _worker = Worker(settings)  # loaded once here, inherited by every forked process
        gc.freeze()
        init_settings = None

    def drain() -> None:
        while True:
            try:
                on_progress(progress_queue.get_nowait())
            except queue_mod.Empty:
                return

    pool = ProcessPoolExecutor(
        jobs, mp_context=ctx, initializer=_init, initargs=(init_settings, progress_queue)
    )
    try:
        pending: set[Future] = {pool.submit(_run, s.to_json()) for s in shards}
        while pending:
            done, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            drain()
            for fut in done:
                yield fut.result()
    except BrokenProcessPool as exc:
        raise BatchError(
            f"a worker process died ({exc}); finished shards are kept: run the same "
            "command again to resume (if it keeps dying, lower --jobs: memory?)"
        ) from None
    finally:
        # on an error or Ctrl-C, do not start the queued shards (a rerun resumes them)
        pool.shutdown(wait=True, cancel_futures=True)
        drain()
        progress_queue.close()
        _worker = None
        gc.unfreeze()
