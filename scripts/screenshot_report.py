"""Render a sample HTML report and screenshot it with headless Chromium.

Usage::

    PYTHONPATH=. python scripts/screenshot_report.py [--out benchmarks/report_screenshot.png]
        [--html /tmp/report.html] [--edit 2] [--pipeline]

The sample is a hand-built :class:`~repair.types.RepairResult` on the spun seed
``seeds/000_*.txt`` (realistic spinner reversals such as "mentioned" -> "said"),
so the page can be checked while the real stages are still being written; with
``--pipeline`` it runs :func:`repair.repair_text` instead.  ``--edit N`` opens
edit N's tooltip (``page.html#e-N``) so the screenshot shows one.  Needs
``/usr/bin/chromium`` (Debian: ``apt-get install chromium``).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from repair.report import html as html_report  # noqa: E402
from repair.report.sample import hand_edit, hand_result  # noqa: E402
from repair.types import RepairResult  # noqa: E402
from tests.cdp import headless_args  # noqa: E402

#: (phrase in the spun text, occurrence (0-based), replacement, confidence, evidence, alternatives)
SAMPLE_EDITS: list[tuple[str, int, str, float, dict, tuple[str, ...]]] = [
    (
        "Chinese language chief",
        0,
        "Chinese leader",
        0.88,
        {
            "pair": "Chinese language chief→Chinese leader",
            "lm_logprob_gain": 6.42,
            "reference_ngrams": 3,
        },
        ("Chinese head",),
    ),
    (
        "more and more",
        0,
        "increasingly",
        0.81,
        {"pair": "more and more→increasingly", "lm_logprob_gain": 4.07},
        (),
    ),
    (
        "assembly",
        0,
        "meeting",
        0.93,
        {"pair": "assembly→meeting", "pair_count_in_doc": 11, "lm_logprob_gain": 3.9},
        ("gathering",),
    ),
    ("workplace", 0, "office", 0.9, {"pair": "workplace→office", "lm_logprob_gain": 5.2}, ()),
    ("assembly", 1, "meeting", 0.93, {"pair": "assembly→meeting", "pair_count_in_doc": 11}, ()),
    ("advised reporters", 0, "told reporters", 0.86, {"pair": "advised→told"}, ()),
    ("earlier than", 0, "before", 0.84, {"pair": "earlier than→before", "zipf": (5.9, 6.4)}, ()),
    ("known as", 0, "called", 0.72, {"pair": "known as→called", "lm_logprob_gain": 2.2}, ()),
    ("pal", 0, "friend", 0.77, {"pair": "pal→friend", "zipf": 3.85}, ("buddy",)),
    ("robust negotiator", 0, "tough negotiator", 0.69, {"pair": "robust→tough"}, ()),
    (
        "mentioned",
        0,
        "said",
        0.95,
        {"pair": "mentioned→said", "pair_count_in_doc": 31, "lm_logprob_gain": 3.1},
        ("stated",),
    ),
    ("2 leaders", 0, "two leaders", 0.62, {"pair": "2→two"}, ()),
    ("passed off", 0, "took place", 0.79, {"pair": "passed off→took place"}, ()),
]


def sample_result() -> tuple[str, RepairResult]:
    """A hand-built result on the spun seed: (file name, result)."""
    path = sorted((ROOT / "seeds").glob("000_*.txt"))[0]
    text = path.read_text(encoding="utf-8")
    try:
        edits = [
            hand_edit(
                text,
                phrase,
                occ,
                repl,
                "spin",
                conf,
                "SPIN_PAIR",
                f"spinner synonym: {phrase!r} usually stands for {repl!r}",
                evidence,
                alts,
            )
            for phrase, occ, repl, conf, evidence, alts in SAMPLE_EDITS
        ]
    except ValueError as exc:
        raise SystemExit(f"sample phrase {exc}") from None
    per_1000 = 1000 * len(edits) / len(text.split())
    return path.name, hand_result(
        text,
        edits,
        spin=0.87,
        tortured=0.0,
        garble=0.01,
        mojibake=0.0,
        edits_per_1000_words=per_1000,
    )


def pipeline_result() -> tuple[str, RepairResult]:
    from repair import repair_text

    path = sorted((ROOT / "seeds").glob("000_*.txt"))[0]
    return path.name, repair_text(path.read_text(encoding="utf-8"))


def chromium() -> str:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        raise SystemExit("chromium not found; install it with: apt-get install -y chromium")
    return exe


def screenshot(
    html_path: Path, png: Path, width: int = 1280, height: int = 1600, fragment: str = ""
) -> None:
    with tempfile.TemporaryDirectory() as profile:
        args = headless_args(
            chromium(),
            profile,
            "--disable-quic",
            "--hide-scrollbars",
            f"--window-size={width},{height}",
            f"--screenshot={png}",
            html_path.resolve().as_uri() + fragment,
        )
        subprocess.run(args, check=True, capture_output=True, timeout=120)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "report_screenshot.png")
    ap.add_argument("--html", type=Path, default=Path(tempfile.gettempdir()) / "repair_report.html")
    ap.add_argument("--edit", type=int, default=None, help="open this edit's tooltip (1-based)")
    ap.add_argument("--height", type=int, default=1600)
    ap.add_argument("--pipeline", action="store_true", help="use repair_text, not the sample")
    a = ap.parse_args()
    name, result = pipeline_result() if a.pipeline else sample_result()
    a.html.write_text(html_report.render(result, name), encoding="utf-8")
    a.out.parent.mkdir(parents=True, exist_ok=True)
    frag = f"#e-{a.edit - 1}" if a.edit else ""
    screenshot(a.html, a.out, height=a.height, fragment=frag)
    print(f"{a.html} -> {a.out} ({a.out.stat().st_size // 1024} KB, {len(result.edits)} edits)")


if __name__ == "__main__":
    main()
