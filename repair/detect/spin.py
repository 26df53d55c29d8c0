"""Document spin score: does this text carry an article spinner's fingerprint?

A spinner maps a word the same way throughout a text, so its forms crowd out
the words they replace: seed 000 writes "mentioned" 27 times and "said" never,
while a clean report writes "said" 5-8 times and "mentioned" at most once.
For every spun form ``s`` (with originals ``o``) found in the document we take

    share p = (count(s) + 0.5) / (count(s) + count(o) + 1)

and compare it with the share ``q`` that ``s`` has in clean English
(:func:`clean_share`).  The evidence is ``count(s) * ln(p / q)`` (only where
``p > q``); ``strong`` forms (rare in clean text: "earlier than",
"Chinese language") count fully, weak and learned ones half.  The evidence per 100 words,
``x``, becomes ``score = 1 - exp(-x / SCALE)``.

Calibration (benchmarks/spin_eval.py): seed 000 scores 1.00; the clean seeds
001-004 and ICDAR 2017 gold texts score <= 0.2.  :data:`THRESHOLD` (0.5) gates edits.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from repair.candidates.spin import Occurrence
from repair.document import Document
from repair.score.frequency import zipf
from repair.types import Detection, Finding

#: Documents at or above this spin score get their spin edits; below, none.
THRESHOLD = 0.5
#: Evidence per 100 words that gives score 1 - 1/e (0.63).  Clean seeds reach
#: x <= 5.4 (short texts are noisy), seed 000 x ~ 40; 9 puts the 0.5 threshold at x ~ 6.2.
SCALE = 9.0
_STRONG_Q = 0.02


@lru_cache(maxsize=20_000)
def clean_share(spun: str, original: str, strength: str) -> float:
    """Expected share of ``spun`` among ``spun``+``original`` in clean English."""
    if strength == "strong":
        return _STRONG_Q
    if " " in spun or " " in original:
        return 0.1
    fs, fo = 10 ** zipf(spun), 10 ** zipf(original)
    if fs + fo <= 0:
        return 0.1
    return min(0.7, max(_STRONG_Q, fs / (fs + fo)))


@lru_cache(maxsize=4096)
def _phrase_re(phrase: str) -> re.Pattern[str]:
    body = re.escape(phrase).replace(r"\ ", r"\s+")
    return re.compile(r"(?<![\w'’\-])" + body + r"(?![\w'’\-])")


def count_phrase(lower_text: str, phrase: str) -> int:
    """Occurrences of ``phrase`` (lower case) as whole words in ``lower_text``."""
    return len(_phrase_re(phrase).findall(lower_text))


def doc_phrase_count(doc: Document, phrase: str) -> int:
    """:func:`count_phrase` of ``phrase`` in ``doc``, memoised on the document."""
    cache = doc.__dict__.setdefault("_spin_phrase_counts", {})
    key = phrase.lower()
    n = cache.get(key)
    if n is None:
        lower = doc.__dict__.get("_spin_lower_text")
        if lower is None:
            lower = doc.__dict__["_spin_lower_text"] = doc.text.lower()
        n = cache[key] = count_phrase(lower, key)
    return n


def spin_evidence(doc: Document, occurrences: Sequence[Occurrence]) -> dict[str, dict]:
    """Per spun form: count, count of its originals, shares and evidence (nats)."""
    by_form: Counter[str] = Counter(o.spun for o in occurrences)
    infos = {o.spun: o.info for o in occurrences}
    out: dict[str, dict] = {}
    for spun, c_s in by_form.items():
        info = infos[spun]
        c_o = sum(doc_phrase_count(doc, orig) for orig in info.originals)
        p = (c_s + 0.5) / (c_s + c_o + 1.0)
        q = max(clean_share(spun, orig, info.strength) for orig in info.originals)
        weight = 1.0 if info.strength == "strong" else 0.5
        llr = c_s * math.log(p / q) * weight if p > q else 0.0
        out[spun] = {"count": c_s, "original_count": c_o, "share": p, "clean_share": q, "llr": llr}
    return out


def detect(doc: Document, occurrences: Sequence[Occurrence]) -> Detection:
    """The spin :class:`~repair.types.Detection`: one finding per occurrence, and the score."""
    n_words = max(len(doc.words), 1)
    ev = spin_evidence(doc, occurrences)
    x = 100.0 * sum(e["llr"] for e in ev.values()) / max(n_words, 150)
    score = 1.0 - math.exp(-x / SCALE)
    findings = tuple(
        Finding(o.start, o.end, "spin", o.rule.lower(), ev[o.spun]["llr"], {"spun": o.spun})
        for o in occurrences
    )
    top = sorted(ev.items(), key=lambda kv: -kv[1]["llr"])[:10]
    details = {
        "evidence_per_100_words": round(x, 2),
        "threshold": THRESHOLD,
        "spun_forms": len(ev),
        "top": {k: round(v["llr"], 2) for k, v in top},
    }
    return Detection(findings, score, details)
