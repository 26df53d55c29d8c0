"""Root pytest configuration: skip the doctests of optional parts whose extra is missing.

``python -m pytest`` collects the doctests in ``repair/`` (``--doctest-modules``);
``repair.serve`` needs the ``serve`` extra and ``repair.integrations.datatrove``
the ``datatrove`` extra, so without them their modules cannot be imported.  Their
tests in ``tests/`` skip by themselves (``pytest.importorskip``).
"""

from __future__ import annotations

import importlib.util

collect_ignore_glob: list[str] = []
if not all(importlib.util.find_spec(m) for m in ("starlette", "uvicorn", "multipart")):
    collect_ignore_glob.append("repair/serve/*.py")
if importlib.util.find_spec("datatrove") is None:
    collect_ignore_glob.append("repair/integrations/datatrove.py")
