"""repair: find the damaged parts of an English text and put the original wording back.

>>> from repair import repair_text
>>> result = repair_text("Clean text stays as it is.")
>>> result.text, result.edits
('Clean text stays as it is.', ())
"""

from repair.resources.dataclass_code import install as _install_dataclass_code

_install_dataclass_code()  # before any dataclass of repair is defined (issue 14, cold start)

from repair.config import RepairConfig  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402
from repair.types import DocScores, Edit, RepairResult  # noqa: E402
from repair.write import apply_edits  # noqa: E402

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
