"""The SMH edits one switch changes, each labelled by the gold (issue 12, session 22).

    python benchmarks/smh_switch_diff.py MODULE.NAME [--split dev] [--set NAME=JSON ...]

e.g. ``repair.candidates.ocr_slot.SLOT``.  Every article of the split is repaired with the
boolean switch off and on (``--set`` overrides other names of the same module first);
the edits only one side makes are printed with the gold token at their place (each
printed line aligned to its gold line by tokens, as ``ocr_reach.py`` does):

* ``right`` / ``LOST``: a new edit gives the gold / an edit that gave it is gone;
* ``BROKE`` / ``unbroke``: a new edit changes / an edit no longer changes a correct print;
* ``other`` / ``other-``: the print was wrong and the new / lost edit is no gold either.

The last line gives both sides' token and character errors (``smh_eval.errors``).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.smh_eval import DEFAULT_DATA, errors, load, split_of  # noqa: E402
from repair.bench.metrics import _opcodes, token_seq  # noqa: E402
from repair.config import RepairConfig  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402


def gold_at(raw: str, gold: str) -> dict[int, str]:
    """The gold token at each printed token's offset: ``=`` where the print is right,
    ``?`` where the line's alignment is not one token for one."""
    out: dict[int, str] = {}
    off = 0
    for rl, gl in zip(raw.split("\n"), gold.split("\n"), strict=False):
        rs, gs = token_seq(rl), token_seq(gl)
        for tag, i1, i2, j1, j2 in _opcodes(rs.toks, gs.toks):
            for k in range(i1, i2):
                if tag == "equal":
                    g = "="
                elif i2 - i1 == j2 - j1:
                    g = gs.toks[j1 + k - i1].strip()
                else:
                    g = "?"
                out[off + rs.spans[k][0]] = g
        off += len(rl) + 1
    return out


def label(raw: str, repl: str, gold: str, new: bool) -> str:
    """The class of one edit (module doc)."""
    if gold == "=":
        return "BROKE" if new else "unbroke"
    if gold.lower() == repl.lower():
        return "right" if new else "LOST"
    return "other" if new else "other-"


def _clear_caches(mod: object) -> None:
    """Empty the module's ``lru_cache``s: a switch read inside a cached function must not
    leave the other side's results behind (``ocr_slot.priced_slot_words``)."""
    for value in vars(mod).values():
        clear = getattr(value, "cache_clear", None)
        if callable(clear) and getattr(value, "__module__", None) == getattr(mod, "__name__", ""):
            clear()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("switch", help="MODULE.NAME of a boolean switch")
    ap.add_argument("--split", choices=["dev", "test"], default="dev")
    ap.add_argument("--set", nargs="*", default=[], help="NAME=JSON of the same module")
    args = ap.parse_args(argv)
    mod_name, name = args.switch.rsplit(".", 1)
    mod = importlib.import_module(mod_name)
    for kv in args.set:
        k, v = kv.split("=", 1)
        setattr(mod, k, json.loads(v))
    tally: Counter[str] = Counter()
    tot: Counter[str] = Counter()
    for a in load(DEFAULT_DATA / "allArticles.txt"):
        if split_of(a.ident) != args.split:
            continue
        side = []
        for on in (False, True):
            setattr(mod, name, on)
            _clear_caches(mod)
            res = repair_text(a.raw, config=RepairConfig())
            side.append(res)
            e = errors(res.text, a.gold)
            tot[f"tokens {'on' if on else 'off'}"] += e[0]
            tot[f"chars {'on' if on else 'off'}"] += e[2]
        e0, e1 = ({(e.offset, e.offset + e.length, e.replacement) for e in r.edits} for r in side)
        if e0 == e1:
            continue
        gm = gold_at(a.raw, a.gold)
        for new, edits in ((True, e1 - e0), (False, e0 - e1)):
            for s, e, repl in sorted(edits):
                raw = a.raw[s:e]
                lab = label(raw, repl, gm.get(s, "?"), new)
                tally[lab] += 1
                ctx = a.raw[max(0, s - 30) : e + 30].replace("\n", " ")
                sign = "+" if new else "-"
                print(f"{sign} {lab:8} {raw!r} -> {repl!r} gold={gm.get(s, '?')!r}  ...{ctx}...")
    print(dict(tally))
    print(dict(tot))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
