"""List every edit the opt-in repeated-word stage would make on clean text.

    python benchmarks/repeated_audit.py                      # the default folders below
    python benchmarks/repeated_audit.py some/folder file.txt

Default: the clean English of ``../shared/data/clean_english`` (read in place, never
copied), the seeds and ``benchmarks/suites/clean``.  Each edit is printed with its
context so a person can judge it; the last line counts files, words and edits.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from repair.document import Document  # noqa: E402
from repair.stages.repeated import STAGE  # noqa: E402

DEFAULT = [
    ROOT.parent / "shared" / "data" / "clean_english",
    Path("/work/shared/data/clean_english"),
    ROOT / "seeds",
    ROOT / "benchmarks" / "suites" / "clean",
]


def _files(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(f for f in p.rglob("*.txt") if not f.name.endswith(".damaged.txt"))
        elif p.is_file():
            out.append(p)
    return list(dict.fromkeys(f.resolve() for f in out))


def main(argv: list[str] | None = None) -> int:
    args = [Path(a) for a in (sys.argv[1:] if argv is None else argv)]
    files = _files(args or DEFAULT)
    words = edits = 0
    for f in files:
        text = f.read_text(encoding="utf-8", errors="replace")
        doc = Document(text)
        words += len(doc.words)
        det = STAGE.detect(doc)
        for e in STAGE.score(doc, det, STAGE.candidates(doc, det)):
            edits += 1
            around = text[max(0, e.offset - 40) : e.end + 30].replace("\n", "⏎")
            print(f"{f.parent.name}/{f.name}:{e.offset}  {around!r}  gain {e.evidence}")
    print(f"{len(files)} files, {words} words, {edits} edits")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
