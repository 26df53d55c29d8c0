"""repair: find the damaged parts of an English text and put the original wording back.

>>> from repair import repair_text
>>> result = repair_text("Clean text stays as it is.")
>>> result.text, result.edits
('Clean text stays as it is.', ())
"""

from repair.config import RepairConfig
from repair.pipeline import repair_text
from repair.types import DocScores, Edit, RepairResult
from repair.write import apply_edits

__version__ = "0.1.0"

__all__ = [
    "RepairConfig",
    "repair_text",
    "RepairResult",
    "Edit",
    "DocScores",
    "apply_edits",
    "__version__",
]
