"""Source-free, register-read cues of a document for the calibrated spin combination.

Session 61, spinauc (issue 11).  The phrase and the distributional spinners leave
little for the document spin score's cues (:mod:`repair.detect.spin_document`), which are
read one at a time against clean text; their traces are spread over many words, each a
little off, and each one alone is also what some clean register does (formal, old or
scientific prose fits the news LM worse).  :func:`cues` reads, in one pass of the trigram
LM over the text, the fit of its words (:mod:`repair.detect.spin_misfit`'s fit, both sides)
and the register's own marks that a synonym spinner does not move (function-word share,
capitalised share, sentence length), so that a model can read the fit *against* the
register; :mod:`repair.detect.spin_combo_score` holds the model.
"""

from __future__ import annotations

from repair.detect.spin_misfit import history, words_kinds
from repair.resources.lm import get_lm


def _quantile(xs: list[float], q: float) -> float:
    if not xs:
        return 0.0
    s = sorted(xs)
    return s[min(len(s) - 1, int(q * len(s)))]


def content_words(text: str) -> int:
    """The number of content words :func:`cues` reads (no LM).

    >>> content_words("The cat sat on the mat in Paris.")
    3
    """
    return sum(1 for k in words_kinds(text)[1] if k == 3)


def cues(text: str) -> dict[str, float]:
    """The text's fit and register cues (names in the keys; 0.0 where a text has no word).

    >>> c = cues("The cat sat on the mat. It was a warm day in the town.")
    >>> sorted(c)[:3], c["n_words"]
    (['cap_share', 'common_fit_mean', 'common_misfit'], 14.0)
    """
    from repair.resources.frequency import zipf

    lm = get_lm()
    words, kinds = words_kinds(text)
    n_words = sum(1 for k in kinds if k)
    sentences = max(1, sum(1 for k, w in zip(kinds, words, strict=True) if not k and not w))
    token_gain: list[float] = []  # ln P(w | h) - ln P(w), every lower-case word with a history
    fit: list[float] = []  # content words: both sides (spin_misfit's fit)
    common: list[float] = []
    rare = 0
    zipfs: list[float] = []
    for k, w in enumerate(words):
        if not w or kinds[k] == 1:
            continue
        h = history(words, k)
        left = lm.logprob(w, h) - lm.logprob(w) if h else 0.0
        if h:
            token_gain.append(left)
        if kinds[k] != 3:
            continue
        f = left
        right = k + 1 < len(words) and bool(words[k + 1])
        if right:
            r1, h1 = words[k + 1], h[-1:]
            f += lm.logprob(r1, [*h1, w]) - lm.logprob(r1, h1)
        fit.append(f)
        z = zipf(w)
        zipfs.append(z)
        if z < 3.0:
            rare += 1
        if right and z >= 5.0:
            common.append(f)
    nf = max(len(fit), 1)
    nc = max(len(common), 1)
    return {
        "n_words": float(n_words),
        "n_content": float(len(fit)),
        "stop_share": sum(1 for k in kinds if k == 2) / max(n_words, 1),
        "cap_share": sum(1 for k in kinds if k == 1) / max(n_words, 1),
        "sent_len": n_words / sentences,
        "zipf_mean": sum(zipfs) / max(len(zipfs), 1),
        "rare_share": rare / nf,
        "token_gain_mean": sum(token_gain) / max(len(token_gain), 1),
        "fit_mean": sum(fit) / nf,
        "fit_q10": _quantile(fit, 0.1),
        "fit_q25": _quantile(fit, 0.25),
        "misfit1": sum(1 for x in fit if x < -1.0) / nf,
        "misfit2": sum(1 for x in fit if x < -2.0) / nf,
        "misfit3": sum(1 for x in fit if x < -3.0) / nf,
        "common_fit_mean": sum(common) / nc,
        "common_misfit": sum(1 for x in common if x < -1.0) / nc,
        "n_common": float(len(common)),
    }
