"""Repair a whole corpus: ``repair batch`` (resumable; a local process pool or Ray)."""

from repair.batch.runner import BatchOptions, run_batch
from repair.batch.state import BatchError

__all__ = ["BatchError", "BatchOptions", "run_batch"]
