"""A Ray actor freezes the collector after loading, as the local engine's workers do."""

from __future__ import annotations

import gc
from pathlib import Path

from repair.batch.ray_engine import ShardActor
from repair.batch.worker import WorkerSettings


def test_actor_freezes_loaded_resources(tmp_path: Path) -> None:
    gc.unfreeze()
    try:
        actor = ShardActor(WorkerSettings(str(tmp_path), str(tmp_path / "out")).to_json())
        assert actor.worker is not None
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
