"""The OCR'd modern text audit: tokens `repair` breaks and fixes on synthetic OCR text.

    python benchmarks/ocr_audit.py [--words 300000] [--split dev|test|all] [--per-part]
        [--json OUT] [--limit N] [--edits PKL] [MODULE.NAME=VALUE ...]

Main 12cec1f2, ``--words 300000 --split all``: 97 broken / 28,189 fixed (the figure the
lost session-44 tool gave); dev 30 / 14,367, test 67 / 13,822.  About 1 min of CPU.

The text is the OCR speed text (:func:`repair.bench.speed.ocr_speed_text`): the repo's
clean modern texts (seeds 001-004 and ``benchmarks/suites/clean``) damaged by the
synthetic OCR suite's noise, part by part, with its clean source for every part
(:func:`repair.bench.speed.ocr_speed_parts`).  By default the whole text is repaired in one
:func:`repair.pipeline.repair_text` call with the default configuration, as ``repair fix``
repairs a file (a text this long is repaired in windows, and the self-trained second pass
is skipped above ``ocr_docself.AUTO_MAX_WORDS``); ``--per-part`` repairs each part alone
(a different, shorter document each time: not the historical figure).

Scoring, per part: the input (damaged part) and the output (the part with the edits inside
it applied) are cut into whitespace tokens, a line-end hyphen between two letters joined
("sha-\\nking" -> "shaking": the noise breaks words there, and `repair` removes such
hyphens); the clean source is cut as printed (its one line-end hyphen, "twice-\\nweekly" in
``hand_hard_wrapped``, is a compound's, and the noise re-flows it mid-line).  Input and
output are each aligned to the clean tokens with ``difflib.SequenceMatcher(None, clean,
tokens, autojunk=False)``; a clean token is *right* in a text when it falls in a matching
block.  A clean token right in the input and not in the output is **broken** (a join or
split that swallows a right token breaks it; each clean token counts once); one wrong in
the input and right in the output is **fixed**.  Each broken token is listed as ``gold ->
output [rule/finding] | input context``, with the rules of the edits that touch its input
token (``-`` when none does: a neighbour's edit moved the alignment).

``--split``: parts alternate by source file.  The source files are sorted as
``ocr_speed_parts`` reads them; source ``k`` (0-based) is *dev* when ``k`` is even and
*test* when odd, so every damaged copy of one clean text is in the same half.  The whole
text is always repaired (the split only chooses the parts scored), so dev and test add up
to ``all``.  Tune on dev; read test once.

``MODULE.NAME=VALUE`` settings are applied before anything runs (``ast.literal_eval``),
e.g. ``repair.score.ocr_knownform.NEGATIVE_GATE=False``.
"""

from __future__ import annotations

import argparse
import bisect
import dataclasses
import difflib
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from ocr_fold_eval import _override  # noqa: E402

from repair.types import Edit  # noqa: E402
from repair.write import apply_edits  # noqa: E402

#: A line-end hyphen between two letters: joined, hyphen dropped, in every text scored.
_HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_])-[ \t]*\n\s*(?=[^\W\d_])")
_TOKEN = re.compile(r"\S+")


@dataclass
class Token:
    """A whitespace token of one text after line-end hyphens are joined."""

    text: str
    start: int  # span on the unjoined text
    end: int


@dataclass
class Broken:
    """One broken clean token (or fixed, in ``fixed_rows``)."""

    part: int
    gold: str
    output: str
    rules: tuple[str, ...]
    context: str


@dataclass
class PartScore:
    broken: list[Broken] = field(default_factory=list)
    fixed: int = 0
    fixed_rules: Counter[str] = field(default_factory=Counter)
    gold_tokens: int = 0
    input_right: int = 0
    output_right: int = 0


def tokens(text: str) -> list[Token]:
    """Whitespace tokens of ``text`` with line-end hyphens between letters joined; spans on
    ``text`` (a joined token spans both pieces)."""
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        if out and out[-1].text.endswith("-"):
            brk = _HYPHEN_BREAK.match(text, out[-1].end - 1)
            if brk and brk.end() == m.start():
                prev = out[-1]
                out[-1] = Token(prev.text[:-1] + m.group(), prev.start, m.end())
                continue
        out.append(Token(m.group(), m.start(), m.end()))
    return out


def right_indices(seq: Sequence[str], gold: Sequence[str]) -> dict[int, int]:
    """Clean index -> index in ``seq`` for every clean token in an ``equal`` block.

    The clean tokens are difflib's first sequence (``SequenceMatcher(None, gold, seq)``):
    the order decides ties between equally long matches, and this order is the one the
    historical audit used (the other order gives 95 / 28,177 on main at 300 k words).
    """
    sm = difflib.SequenceMatcher(None, list(gold), list(seq), autojunk=False)
    right: dict[int, int] = {}
    for a, b, size in sm.get_matching_blocks():
        for k in range(size):
            right[a + k] = b + k
    return right


def aligned_spans(gold: Sequence[str], seq: Sequence[str]) -> dict[int, tuple[int, int]]:
    """Clean index -> the span of ``seq`` tokens aligned with it (its opcode's span; one
    token where a replacement pairs tokens one to one)."""
    sm = difflib.SequenceMatcher(None, list(gold), list(seq), autojunk=False)
    spans: dict[int, tuple[int, int]] = {}
    for tag, j1, j2, i1, i2 in sm.get_opcodes():
        for j in range(j1, j2):
            if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
                spans[j] = (i1 + j - j1, i1 + j - j1 + 1)
            else:
                spans[j] = (i1, i2)
    return spans


def rule_key(edit: Edit) -> str:
    finding = edit.evidence.get("finding") if isinstance(edit.evidence, dict) else None
    return f"{edit.rule}/{finding}" if finding else edit.rule


def touching(edits: Sequence[Edit], start: int, end: int) -> list[Edit]:
    """Edits overlapping [start, end) or inserting at its edges."""
    return [
        e
        for e in edits
        if (e.offset < end and e.end > start) or (e.length == 0 and start <= e.offset <= end)
    ]


def score_part(index: int, clean: str, damaged: str, edits: Sequence[Edit]) -> PartScore:
    """Broken and fixed clean tokens of one part; ``edits`` are spans on ``damaged``."""
    gold = clean.split()
    inp = tokens(damaged)
    out = [t.text for t in tokens(apply_edits(damaged, edits))]
    in_right = right_indices([t.text for t in inp], gold)
    out_right = right_indices(out, gold)
    score = PartScore(gold_tokens=len(gold), input_right=len(in_right), output_right=len(out_right))
    spans: dict[int, tuple[int, int]] | None = None
    in_spans: dict[int, tuple[int, int]] | None = None
    for j in range(len(gold)):
        was, now = j in in_right, j in out_right
        if was == now:
            continue
        if not was:
            score.fixed += 1
            if in_spans is None:
                in_spans = aligned_spans(gold, [t.text for t in inp])
            a, b = in_spans[j]
            if a < b:
                near = touching(edits, inp[a].start, inp[b - 1].end)
                for key in sorted({rule_key(e) for e in near}) or ["-"]:
                    score.fixed_rules[key] += 1
            continue
        if spans is None:
            spans = aligned_spans(gold, out)
        a, b = spans[j]
        tok = inp[in_right[j]]
        near = touching(edits, tok.start, tok.end)
        rules = tuple(sorted({rule_key(e) for e in near})) or ("-",)
        ctx = damaged[max(0, tok.start - 40) : tok.end + 40].replace("\n", " ")
        score.broken.append(Broken(index, gold[j], " ".join(out[a:b]) or "(deleted)", rules, ctx))
    return score


def split_of(part: int, n_sources: int) -> str:
    """``dev`` for parts of an even source file, ``test`` for an odd one."""
    return "dev" if (part % n_sources) % 2 == 0 else "test"


def n_sources(root: Path = ROOT) -> int:
    from repair.bench.speed import SPEED_SOURCES

    files: list[Path] = []
    for pattern in SPEED_SOURCES["ocr"]:
        files.extend(sorted(root.glob(pattern)))
    return sum(1 for f in files if f.read_text(encoding="utf-8").strip("\n").strip())


def repair_parts(
    parts: Sequence[tuple[str, str]], per_part: bool = False
) -> tuple[list[list[Edit]], int]:
    """Each part's edits (spans on its damaged text), and the number of edits dropped
    because they cross a part's edge (the blank line between two parts)."""
    from repair.pipeline import repair_text

    if per_part:
        return [list(repair_text(damaged).edits) for _, damaged in parts], 0
    text = "\n\n".join(damaged for _, damaged in parts) + "\n"
    starts: list[int] = []
    pos = 0
    for _, damaged in parts:
        starts.append(pos)
        pos += len(damaged) + 2
    out: list[list[Edit]] = [[] for _ in parts]
    crossing = 0
    for e in repair_text(text).edits:
        k = bisect.bisect_right(starts, e.offset) - 1
        start, end = starts[k], starts[k] + len(parts[k][1])
        if e.end > end:
            crossing += 1
            continue
        out[k].append(dataclasses.replace(e, offset=e.offset - start))
    return out, crossing


def audit(
    words: int, split: str = "all", per_part: bool = False, edits_file: Path | None = None
) -> tuple[list[PartScore], dict[str, object]]:
    """Repair the speed text of ``words`` words and score the parts of ``split``.

    ``edits_file``: a pickle of the parts' edits; read if it exists (no repair), else
    written after the repair (to re-score or re-list without repairing again).
    """
    import pickle

    from repair.bench.speed import ocr_speed_parts

    parts = ocr_speed_parts(words, ROOT)
    cpu = 0.0
    if edits_file is not None and edits_file.exists():
        with edits_file.open("rb") as fh:
            edits, crossing = pickle.load(fh)  # noqa: S301 - our own file
        if len(edits) != len(parts):
            raise SystemExit(f"{edits_file}: {len(edits)} parts, the text has {len(parts)}")
    else:
        t0 = time.process_time()
        edits, crossing = repair_parts(parts, per_part)
        cpu = time.process_time() - t0
        if edits_file is not None:
            with edits_file.open("wb") as fh:
                pickle.dump((edits, crossing), fh)
    n = n_sources(ROOT)
    scores = []
    for i, ((clean, damaged), part_edits) in enumerate(zip(parts, edits, strict=True)):
        if split != "all" and split_of(i, n) != split:
            continue
        scores.append(score_part(i, clean, damaged, part_edits))
    meta = {
        "words": words,
        "split": split,
        "per_part": per_part,
        "parts": len(scores),
        "crossing_edits": crossing,
        "cpu_s": round(cpu, 1),
    }
    return scores, meta


def summary(scores: Sequence[PartScore], meta: dict[str, object]) -> dict[str, object]:
    broken = [b for s in scores for b in s.broken]
    by_rule: Counter[str] = Counter()
    for b in broken:
        for r in b.rules:
            by_rule[r] += 1
    fixed_rules: Counter[str] = Counter()
    for s in scores:
        fixed_rules.update(s.fixed_rules)
    return {
        **meta,
        "gold_tokens": sum(s.gold_tokens for s in scores),
        "input_right": sum(s.input_right for s in scores),
        "output_right": sum(s.output_right for s in scores),
        "broken": len(broken),
        "fixed": sum(s.fixed for s in scores),
        "broken_by_rule": dict(by_rule.most_common()),
        "fixed_by_rule": dict(fixed_rules.most_common()),
        "broken_rows": [
            {
                "part": b.part,
                "gold": b.gold,
                "output": b.output,
                "rules": list(b.rules),
                "context": b.context,
            }
            for b in broken
        ],
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--words", type=int, default=300_000)
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    ap.add_argument("--per-part", action="store_true", help="repair each part alone")
    ap.add_argument("--json", type=Path, help="write the counts and the broken list")
    ap.add_argument("--limit", type=int, default=0, help="print at most N broken rows (0: all)")
    ap.add_argument(
        "--edits",
        type=Path,
        help="pickle of the repair's edits: read if it exists, else written (re-score only)",
    )
    ap.add_argument("settings", nargs="*", help="MODULE.NAME=VALUE")
    args = ap.parse_args(argv)
    for spec in args.settings:
        _override(spec)
    scores, meta = audit(args.words, args.split, args.per_part, args.edits)
    res = summary(scores, meta)
    rows = res["broken_rows"]
    assert isinstance(rows, list)
    how = ", per part" if args.per_part else ""
    print(
        f"OCR audit: {args.words:,} words, split {args.split}{how}: {res['parts']} parts,"
        f" {res['gold_tokens']:,} clean tokens (input right {res['input_right']:,},"
        f" output right {res['output_right']:,}); repair CPU {meta['cpu_s']} s"
    )
    print(f"broken {res['broken']:,}  fixed {res['fixed']:,}")
    print("\nbroken by rule:")
    for rule, n in res["broken_by_rule"].items():  # type: ignore[union-attr]
        print(f"  {n:5d}  {rule}")
    groups = Counter((r["gold"], r["output"]) for r in rows)
    print("\nbroken (gold -> output [rule] | input context), commonest first:")
    seen: set[tuple[str, str]] = set()
    shown = 0
    for r in sorted(rows, key=lambda r: (-groups[(r["gold"], r["output"])], r["part"])):
        key = (r["gold"], r["output"])
        if key in seen:
            continue
        seen.add(key)
        times = f" x{groups[key]}" if groups[key] > 1 else ""
        print(f"  {r['gold']} -> {r['output']} [{', '.join(r['rules'])}]{times} | {r['context']}")
        shown += 1
        if args.limit and shown >= args.limit:
            break
    if args.json:
        args.json.write_text(json.dumps(res, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
