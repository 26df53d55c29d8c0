"""Moved to :mod:`repair.resources.frequency` (a shared resource, not a scorer).

Kept as a re-export while modules outside this change still import from here;
delete it once every ``repair.score.frequency`` import reads ``repair.resources.frequency``.
"""

from repair.resources.frequency import zipf

__all__ = ["zipf"]
