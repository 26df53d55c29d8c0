"""Screenshot the ``repair serve`` web page after repairing the spun seed with its references.

Usage::

    python benchmarks/serve_screenshot.py [--out benchmarks/serve_screenshot.png]

Starts ``repair serve`` on a free 127.0.0.1 port, opens ``/`` in headless
Chromium (DevTools over a pipe, ``tests/cdp.py``), pastes ``seeds/000_*`` and
the four clean seeds as references, presses Ctrl+Enter, and saves a PNG.
The server and the browser are always stopped.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.cdp import Browser  # noqa: E402
from tests.serve_fixture import running_server  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "serve_screenshot.png")
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--height", type=int, default=1500)
    args = ap.parse_args(argv)
    seeds = ROOT / "seeds"
    spun = sorted(seeds.glob("000_*.txt"))[0].read_text(encoding="utf-8")
    refs = "\n---\n".join(
        p.read_text(encoding="utf-8").strip() for p in sorted(seeds.glob("00[1-4]_*.txt"))
    )
    with running_server() as url, Browser(args.width, args.height, timeout=120) as b:
        b.open(url + "/")
        b.wait_for("document.body && document.body.getAttribute('data-ready')")
        b.eval(
            f"document.getElementById('text').value = {json.dumps(spun)};"
            f"document.getElementById('references').value = {json.dumps(refs)};"
            "document.getElementById('text').focus(); 1"
        )
        b.key("Enter", "Enter", 13, modifiers=2)
        b.wait_for("document.body.getAttribute('data-done')", 120)
        b.wait_for("document.getElementById('report').getAttribute('data-loaded')")
        b.eval(
            "document.activeElement.blur(); window.scrollTo(0, 0);"
            "document.getElementById('text').scrollTop = 0; 1"
        )
        b.screenshot(args.out, args.width, args.height)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
