"""The installed lemminflect's stamp (its version and data file sizes), read from its files
without importing it: what the tables built from lemminflect are checked against
(:mod:`repair.resources.lemmas`, :func:`repair.candidates.spin_synonyms.fingerprint`)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path


def lemminflect_stamp() -> str:
    """``lemminflect=<version> <file:size,...>``, or ``lemminflect=missing``."""
    spec = importlib.util.find_spec("lemminflect")
    if spec is None or spec.origin is None:
        return "lemminflect=missing"
    root = Path(spec.origin).parent
    init = root / "__init__.py"
    src = init.read_text(encoding="utf-8") if init.is_file() else ""
    m = re.search(r"__version__\s*=\s*['\"]([^'\"]+)", src)
    res = root / "resources"
    sizes = (
        ",".join(f"{f.name}:{f.stat().st_size}" for f in sorted(res.iterdir()) if f.is_file())
        if res.is_dir()
        else ""
    )
    return f"lemminflect={m.group(1) if m else '?'} {sizes}"
