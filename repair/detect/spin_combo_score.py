"""Two calibrated combinations of document cues for the document spin score.

Session 61, spinauc (issue 11).  The document spin score
(:mod:`repair.detect.spin_document`) takes the strongest of its cues, each read alone
against clean text; a spinner that leaves several weak traces, or traces spread thin over
many words, stays under clean documents whose one cue is high.  ``lexicons/spin_combo.json``
(fitted by ``benchmarks/spin_combo_fit.py`` on *dev* documents only: the simulated
spinners' dev halves against the calibration's clean dev documents, registers and
abstracts) holds two logistic models, each read as a *surprise* under clean English
(``-ln`` of the share of clean dev documents whose logit is as high, piecewise-linear
between knots, :func:`repair.detect.spin_document.tail`):

* ``phrase``: the multi-word evidence pooled — the spin stage's span evidence, the wordy
  paraphrases', the collocation stage's score (each as its clean-tail surprise) and whether
  a recurring long span was restored; a phrase spinner leaves a little of each;
* ``misfit``: source-free word fit read against the document's register — the mean and
  lower quartile of the content words' two-sided context fit and the share below -1 nat
  (:func:`repair.detect.spin_combo.cues`), each as a residual of what clean text of the
  same function-word share, capitalised share and sentence length has (a linear fit over
  the clean dev documents, in standard deviations), and the share of content words that
  misfit where a table neighbour fits better
  (:func:`repair.detect.spin_neighbour_misfit.neighbour_misfit_share`).

Both are read only on documents of at least ``min_content`` content words (abstracts and
short pieces keep their score) and enter the document score capped under the cut
(:data:`repair.detect.spin_document.COMBO_PHRASE_WEIGHT`, :data:`COMBO_MISFIT_WEIGHT`): they
reorder documents under the cut, never flag one by themselves, never change an edit.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from functools import cache

MODEL = "spin_combo.json"
FORMAT = "repair-spin-combo/1"
#: The register inputs of the residuals, in order (``ln_sent_len``: ln of words per sentence).
REGISTER_INPUTS = ("stop_share", "cap_share", "ln_sent_len")
PHRASE_INPUTS = ("span", "paraphrase", "collocation", "long_spans")
MISFIT_INPUTS = ("z_fit_mean", "z_fit_q25", "z_misfit1", "neighbour")


@cache
def model() -> dict:
    """The shipped model (format and inputs checked)."""
    from repair.lexicons import LexiconError, read_text

    d = json.loads(read_text(MODEL))
    if d.get("format") != FORMAT:
        raise LexiconError(f"{MODEL}: expected format {FORMAT!r}")
    if tuple(d["register"]["inputs"]) != REGISTER_INPUTS:
        raise LexiconError(f"{MODEL}: register inputs differ from {REGISTER_INPUTS}")
    for name, inputs in (("phrase", PHRASE_INPUTS), ("misfit", MISFIT_INPUTS)):
        m = d[name]
        if tuple(m["inputs"]) != inputs or len(m["beta"]) != len(inputs) + 1:
            raise LexiconError(f"{MODEL}: {name} inputs differ from {inputs}")
    return d


def min_content() -> int:
    """Documents with fewer content words are not read (the model's ``min_content``)."""
    return int(model()["min_content"])


def _logit(m: Mapping, x: Mapping[str, float]) -> float:
    beta = m["beta"]
    return float(beta[0]) + sum(float(b) * x[k] for b, k in zip(beta[1:], m["inputs"], strict=True))


def _surprise(m: Mapping, z: float) -> float:
    from repair.detect.spin_document import tail

    return tail(z, [tuple(k) for k in m["tail"]])


def phrase_inputs(span: float, paraphrase: float, collocation: float, long_spans: int) -> dict:
    """The phrase model's inputs from the pipeline's values (each cue as its clean-tail
    surprise, :mod:`repair.detect.spin_document`'s knots)."""
    from repair.detect import spin_document as sd

    return {
        "span": sd.tail(span, sd.SPAN_TAIL),
        "paraphrase": sd.tail(paraphrase, sd.PARAPHRASE_TAIL),
        "collocation": sd.tail(sd.logit(collocation), sd.COLLOCATION_TAIL),
        "long_spans": 1.0 if long_spans > 0 else 0.0,
    }


def misfit_inputs(cues: Mapping[str, float], neighbour: float) -> dict:
    """The misfit model's inputs: :func:`repair.detect.spin_combo.cues`' fit cues as register
    residuals (standard deviations), and the neighbour-misfit share (x 10)."""
    reg = model()["register"]
    row = (
        1.0,
        cues["stop_share"],
        cues["cap_share"],
        math.log(max(cues["sent_len"], 1.0)),
    )
    out = {}
    for k, fit in reg["cues"].items():
        expected = sum(b * v for b, v in zip(fit["beta"], row, strict=True))
        out["z_" + k] = (cues[k] - expected) / fit["sd"]
    out["neighbour"] = 10.0 * neighbour
    return out


def phrase_surprise(span: float, paraphrase: float, collocation: float, long_spans: int) -> float:
    """The phrase model's surprise under clean English (nats)."""
    m = model()["phrase"]
    return _surprise(m, _logit(m, phrase_inputs(span, paraphrase, collocation, long_spans)))


def misfit_surprise(cues: Mapping[str, float], neighbour: float) -> float:
    """The misfit model's surprise under clean English (nats)."""
    m = model()["misfit"]
    return _surprise(m, _logit(m, misfit_inputs(cues, neighbour)))
