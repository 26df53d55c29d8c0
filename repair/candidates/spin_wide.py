"""Wider candidates for a written word already judged a spinner's: Moby past the cut.

The reverse synonym table (:mod:`repair.candidates.spin_synonyms`) keeps, per written
Moby lemma, the first 18 originals of a ranking by list overlap and Zipf: every candidate
costs an LM evaluation on every content word of every document, clean or spun.  A
rare-synonym spinner's originals are often further down (``benchmarks/spin_outcome.py``:
rare spinner, dev, 428 missed and 124 wrong substitutions whose original is not a
candidate; about 200 of them at positions 18-35 of that ranking).

``lexicons/spin_synonyms_wide.tsv`` (``scripts/build_spin_synonyms.py --wide``) holds
positions 18-35 of written lemmas rarer than Zipf 4.0.  They are read only by the spin
stage's wide reading (:func:`repair.stages.spin.wide_reading`): in a document whose
spinner-agnostic gate is open, for a rare written word the first reading did not restore.
Inflected like the written word, as :func:`~repair.candidates.spin_synonyms.originals_of_live`
inflects Moby's rows.
"""

from __future__ import annotations

from functools import lru_cache

from repair.candidates.spin_synonyms import (
    _UPOS,
    STOPWORDS,
    _inflect,
    _is_lemma,
    _tags,
    spelling_variant,
)
from repair.lexicons import LexiconError, read_tsv

TABLE = "spin_synonyms_wide.tsv"
COLUMNS = ("spun_lemma", "originals")


@lru_cache(maxsize=1)
def wide_table() -> dict[str, tuple[str, ...]]:
    """Spun lemma -> originals past the main table's cut (schema checked)."""
    out: dict[str, tuple[str, ...]] = {}
    for n, row in enumerate(read_tsv(TABLE, COLUMNS), 1):
        if len(row) != 2 or not row[0] or not row[1]:
            raise LexiconError(f"{TABLE}: data row {n}: need 'spun_lemma<TAB>originals': {row!r}")
        out[row[0]] = tuple(row[1].split(","))
    return out


@lru_cache(maxsize=20_000)
def wide_originals(word: str) -> tuple[str, ...]:
    """The wide table's originals of the lower-case ``word``, inflected like it (each
    reading of the word whose part of speech the original has as a lemma; ambiguous
    inflections skipped)."""
    if word in STOPWORDS or len(word) < 3 or not word.isalpha():
        return ()
    from lemminflect import getAllLemmas

    table = wide_table()
    readings = getAllLemmas(word) or {u: (word,) for u in _UPOS if word in table}
    out: list[str] = []
    for upos, lemmas in readings.items():
        if upos not in _UPOS or not lemmas:
            continue
        lemma = lemmas[0]
        origs = tuple(o for o in table.get(lemma, ()) if _is_lemma(o, upos))
        if not origs:
            continue
        tags = _tags(word, lemma, upos) if word != lemma else ()
        for orig in origs:
            if tags:
                forms = {_inflect(orig, t) for t in tags}
                if len(forms) != 1:
                    continue
                form = forms.pop()
            elif word == lemma:
                form = orig
            else:
                continue
            if form and form not in out and form.isalpha() and not spelling_variant(word, form):
                out.append(form)
    return tuple(out)
