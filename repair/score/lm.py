"""Moved to :mod:`repair.resources.lm` (a shared resource, not a scorer).

Kept as a re-export while modules outside this change still import from here;
delete it once every ``repair.score.lm`` import reads ``repair.resources.lm``.
"""

from repair.resources.lm import UNKNOWN_LOGPROB, LanguageModel, get_lm

__all__ = ["UNKNOWN_LOGPROB", "LanguageModel", "get_lm"]
