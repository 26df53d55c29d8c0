"""``repair serve``: a LanguageTool-compatible HTTP API, a native JSON API and a web page.

Built on Starlette + uvicorn (``pip install "repair[serve]"``):

* ``POST /v2/check``, ``GET /v2/languages``: LanguageTool's public HTTP API, so
  LTeX, browser add-ons and ``language_tool_python`` show our findings
  (:mod:`repair.serve.lt`);
* ``POST /api/repair``: our own JSON (text, references, options -> text, edits,
  scores, optionally the HTML report) (:mod:`repair.serve.api`);
* ``GET /``: a web page to paste or upload a text (:mod:`repair.serve.page`);
* ``GET /health``: for a load balancer.

:mod:`repair.serve.engine` loads the lexicons and the model once at start-up and
runs every repair in a worker thread with a time limit; :mod:`repair.serve.inputs`
reads request bodies under a size limit and rejects empty or binary input.
"""

from repair.serve.app import create_app
from repair.serve.engine import Engine, Limits

__all__ = ["create_app", "Engine", "Limits"]
