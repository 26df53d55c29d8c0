"""Build ``lexicons/spin_pair_clean.tsv``: how often each weak pair of the shipped spinner
profile would fire on clean English (read by :mod:`repair.score.spin_pair_clean`).

For every weak row of ``lexicons/spin_en_pairs.tsv`` (spun form → original) the script
counts, over clean documents nobody spun, the occurrences of the written form, how many of
them the spin scorer would restore as that original (:func:`repair.score.spin.score_spin`
with only the profile's weak candidates, at a document score of :data:`DOC_SCORE`: the
bar a weak pair meets in a document below ``RELAX_FROM``), and the occurrences of the
original.  A pair that fires on honest text as readily as on spun text is no evidence of
a spinner (``nations`` → countries in a speech on "the nations of the world").

Corpus: the public-domain registers of ``../shared/data/clean_english`` only (US State of
the Union and inaugural addresses: US government works), **dev half** of the spin
calibration split (``benchmarks/spin_sim/text.doc_split``); the test half is never read.
ABC news, WSJ and web text are research-use only (``lexicons/LEXICONS.md``), so counts
derived from them are not shipped.  Only counts are written, no text.  Usage::

    python scripts/build_spin_pair_clean.py > lexicons/spin_pair_clean.tsv
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from repair.lexicons import format_header  # noqa: E402
from spin_sim.corpus import documents  # noqa: E402

from repair.candidates.spin import builtin_pairs, find_occurrences  # noqa: E402
from repair.detect.spin import doc_phrase_count  # noqa: E402
from repair.document import Document  # noqa: E402
from repair.score import spin as score_spin_module  # noqa: E402
from repair.score.spin import score_spin  # noqa: E402
from repair.score.spin_pair_clean import COLUMNS, REGISTERS, SPLIT  # noqa: E402
from repair.types import Candidate  # noqa: E402

#: The document score the pairs are scored at: below ``score.spin.RELAX_FROM``, so a weak
#: pair seen once needs the full ``WEAK_MIN_GAIN``.
DOC_SCORE = 0.9


def _doc_counts(text: str, weak: dict) -> tuple[Counter, Counter, Counter]:
    """(written-form occurrences, fires per pair, original occurrences) of one document."""
    doc = Document(text)
    occ = [o for o in find_occurrences(text, weak) if o.rule in ("SPIN_PAIR", "SPIN_PHRASE")]
    seen: Counter[str] = Counter(o.spun for o in occ)
    cands = [
        Candidate(o.start, o.end, orig, "spin", o.rule, {"strength": "weak", "caps": o.info.caps})
        for o in occ
        for orig in o.info.originals
    ]
    fires: Counter[tuple[str, str]] = Counter()
    if cands:
        by_end = {o.end: o for o in occ}
        for e in score_spin(doc, DOC_SCORE, cands, gate=False):
            o = by_end.get(e.offset + e.length)
            if o is None:
                continue
            orig = next(
                (x for x in o.info.originals if e.replacement.lower().endswith(x.lower())), None
            )
            if orig is not None:
                fires[(o.spun, orig)] += 1
    originals: Counter[str] = Counter()
    for info in {id(i): i for i in weak.values()}.values():
        for orig in info.originals:
            originals[orig] = 0
    for orig in originals:
        originals[orig] = doc_phrase_count(doc, orig)
    return seen, fires, originals


def main() -> None:
    score_spin_module.PAIR_CLEAN = False  # the table measures the scorer without its own rule
    weak = {k: v for k, v in builtin_pairs().items() if v.strength == "weak"}
    docs = [d for d in documents() if d.register in REGISTERS and d.split == SPLIT]
    seen: Counter[str] = Counter()
    fires: Counter[tuple[str, str]] = Counter()
    originals: Counter[str] = Counter()
    words = 0
    for i, d in enumerate(docs):
        s, f, o = _doc_counts(d.text, weak)
        seen.update(s)
        fires.update(f)
        originals.update(o)
        words += len(d.text.split())
        if i % 50 == 0:
            print(f"{i}/{len(docs)}", file=sys.stderr, flush=True)
    out = [
        format_header(COLUMNS),
        f"# source: {', '.join(REGISTERS)} of ../shared/data/clean_english (US government works,"
        f" public domain), {SPLIT} half only: {len(docs)} documents, {words} words",
        "# licence: MIT (this project); only counts are stored, no text",
        f"# fires: restored by score.spin.score_spin at document score {DOC_SCORE}"
        " (weak profile candidates only)",
        "# build: python scripts/build_spin_pair_clean.py > lexicons/spin_pair_clean.tsv",
    ]
    for spun in sorted(weak):
        for orig in weak[spun].originals:
            out.append(f"{spun}\t{orig}\t{seen[spun]}\t{fires[(spun, orig)]}\t{originals[orig]}")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
