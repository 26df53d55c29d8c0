"""The Ray engine: the same shards and per-document function, on Ray Data actors.

Each row of the dataset is one shard; ``map_batches`` runs a pool of
:class:`ShardActor` s (one per worker, each holding a loaded
:class:`~repair.batch.worker.Worker`), which repair the shard's documents and
write its outputs and completion marker exactly as the local engine does.
INPUT and OUTPUT must therefore be on a filesystem every Ray node sees (NFS,
Lustre, a shared volume).

Without ``RAY_ADDRESS`` set (and no Ray already initialized) Ray starts a
local instance with ``jobs`` CPUs; with ``RAY_ADDRESS=auto`` or
``ray://head:10001`` it joins that cluster.
"""

from __future__ import annotations

import gc
import json
import os
from collections.abc import Callable, Iterator
from typing import Any

from repair.batch.sources import Shard
from repair.batch.state import BatchError
from repair.batch.worker import Worker, WorkerSettings, run_shard


def _import_ray() -> Any:
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError:
        raise BatchError(
            "--engine ray needs Ray Data: pip install 'repair[ray]' (or pip install 'ray[data]')"
        ) from None
    return ray


class ShardActor:
    """A Ray Data callable class: builds its worker once, then repairs one shard per row."""

    def __init__(self, settings: dict[str, Any]) -> None:
        s = WorkerSettings(
            **{k: tuple(v) if isinstance(v, list) else v for k, v in settings.items()}
        )
        self.worker = Worker(s)
        # the loaded lexicons, tables and LM are never garbage: keep the cyclic collector
        # off them (as the local engine's workers do), which also keeps their pages clean
        gc.freeze()

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[str]]:
        out = []
        for shard_json in batch["shard"]:
            stats = run_shard(self.worker, Shard.from_json(json.loads(shard_json)))
            out.append(json.dumps(stats))
        return {"stats": out}


def os_error_in(exc: BaseException, depth: int = 12) -> OSError | None:
    """The first ``OSError`` in ``exc``'s chain of causes (Ray's ``.cause`` included)."""
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and depth > 0 and id(cur) not in seen:
        if isinstance(cur, OSError):
            return cur
        seen.add(id(cur))
        depth -= 1
        nxt = getattr(cur, "cause", None)
        cur = nxt if isinstance(nxt, BaseException) else (cur.__cause__ or cur.__context__)
    return None


def run_ray(
    settings: WorkerSettings,
    shards: list[Shard],
    jobs: int,
    on_progress: Callable[[int], None] = lambda n: None,
    quiet: bool = True,
) -> Iterator[dict[str, Any]]:
    """Run ``shards`` on ``jobs`` Ray actors; yield each shard's stats as it completes."""
    if not shards:
        return
    ray = _import_ray()
    started_here = False
    if not ray.is_initialized():
        if os.environ.get("RAY_ADDRESS"):
            ray.init(logging_level="warning", log_to_driver=False)
        else:
            ray.init(
                num_cpus=jobs, logging_level="warning", log_to_driver=False, include_dashboard=False
            )
        started_here = True
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = not quiet
    try:
        rows = [{"shard": json.dumps(s.to_json())} for s in shards]
        ds = ray.data.from_items(rows, override_num_blocks=len(rows))
        out = ds.map_batches(
            ShardActor,
            fn_constructor_kwargs={"settings": settings.to_json()},
            batch_size=1,
            compute=ray.data.ActorPoolStrategy(size=max(1, min(jobs, len(shards)))),
            num_cpus=1,
        )
        try:
            for row in out.iter_rows():
                stats = json.loads(row["stats"])
                on_progress(stats["documents"] + stats["failed"])
                yield stats
        except Exception as exc:
            # a write error in an actor (a full disk) arrives wrapped in Ray's errors:
            # raise the OSError itself, which the batch reports in one line
            cause = os_error_in(exc)
            if cause is not None:
                raise cause from None
            raise
    finally:
        if started_here:
            ray.shutdown()
