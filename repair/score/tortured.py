"""Confidence for tortured-phrase edits.

Three signals, each reported in the edit's evidence:

* **specificity** of the phrase as English: ``surprise`` (ln-prob of its least
  likely word given the previous ones, trigram LM) and ``min_zipf`` (its rarest
  content word; a phrase of everyday words may be ordinary English);
* **context fit**: the LM's mean ln-prob per word of the replacement (plus the
  next word of the text) minus that of the tortured phrase, two words of
  history; among several replacements the best fit wins (ties: lexicon rank);
* **document evidence**: other distinct tortured phrases in the same document.

``confidence = BASE + W_SPEC*spec + W_RARE*rare + W_FIT*fit + W_DOC*doc`` with each
signal scaled to [0, 1] ([-1, 1] for fit).  A ``weak`` phrase (ordinary-looking
English) is capped below the acceptance threshold unless another tortured phrase
(or two weak ones) is in the document (reason ``weak_needs_evidence``); a quoted
phrase in a text that also has its expected phrase is being talked about, not used
(reason ``quoted_with_expected``).  Weights were set on
``benchmarks/suites/tortured`` and the clean texts (seeds, Lee corpus, ICDAR gold):
one strong phrase alone is accepted, a medium one when the context agrees.

Two other findings of the stage are decided before they get here and become edits as
they are: substitutions read off a known source (:func:`source_edit`) and phrases put
back from the paper mills' habits (:func:`habit_edit`, decided by
:mod:`repair.score.tortured_habits`).
"""

from __future__ import annotations

from collections import defaultdict

from repair.detect.tortured import Entry
from repair.document import Document
from repair.resources.lm import get_lm
from repair.score import clip
from repair.text_utils import words_around
from repair.types import Candidate, Detection, Edit

BASE = 0.30
W_SPEC, W_RARE, W_FIT, W_DOC = 0.25, 0.15, 0.10, 0.30
#: surprise at which specificity is 0 and 1 (ln-prob; see scripts/build_tortured.py).
SPEC_LO, SPEC_HI = -6.0, -12.0
#: Content-word Zipf at which rarity is 0 ("community" 5.3), and its span to rarity 1.
RARE_ZIPF, RARE_SPAN = 4.2, 1.5
#: ln-prob gain per word giving fit 1.
FIT_SCALE = 3.0
#: Other distinct phrases in the document giving doc evidence 1.
DOC_FULL = 2
#: A weak phrase counts this much as document evidence for the others (two
#: ordinary-looking phrases in one clean text must not confirm each other).
WEAK_EVIDENCE = 0.5
#: Cap for a weak phrase without document evidence (below the 0.5 threshold).
WEAK_CAP = 0.45
UNCERTAIN_PENALTY = 0.1
#: Cap for a quoted phrase whose expected phrase is also in the text (reason
#: ``quoted_with_expected``): a text about tortured phrases, not one that has them.
MENTION_CAP = 0.3
#: Confidence of a substitution read off a known source (:mod:`repair.detect.tortured_source`)
#: that a synonym source relates, and of one none does.
SOURCE_RELATED = 0.95
SOURCE_UNRELATED = 0.8


def _words(s: str) -> list[str]:
    from repair.tokenize import tokenize

    return [t.text for t in tokenize(s) if t.kind in ("word", "number")]


def context_fit(doc: Document, cand: Candidate) -> float:
    """Mean ln-prob gain per word of the replacement over the tortured phrase, in context."""
    lm = get_lm()
    f = cand.features
    a, b = f["phrase_start"], f["phrase_end"]
    before, after = words_around(doc.words, a, b, left=2, right=1)
    new_phrase = doc.text[a : cand.start] + cand.replacement + doc.text[cand.end : b]
    old_w = _words(doc.text[a:b]) + after
    new_w = _words(new_phrase) + after
    old = lm.sequence_logprob(old_w, before) / max(len(old_w), 1)
    new = lm.sequence_logprob(new_w, before) / max(len(new_w), 1)
    return new - old


_QUOTES = "\"'“”‘’«»"


def _mentioned(doc: Document, start: int, end: int, entry: Entry) -> bool:
    """A quoted phrase in a text that also has its expected phrase: talk *about* it.

    ("... write “counterfeit consciousness” for “artificial intelligence” ...")
    """
    text = doc.text
    quoted = start > 0 and text[start - 1] in _QUOTES and end < len(text) and text[end] in _QUOTES
    if not quoted:
        return False
    low = text.lower()
    return any(r in low for r in entry.replacements)


def source_edit(c: Candidate, details: dict) -> Edit:
    """The edit restoring a substitution read off the known source: confidence
    :data:`SOURCE_RELATED` when a synonym source relates the two, else
    :data:`SOURCE_UNRELATED` (a near copy's differences are substitutions whatever
    thesaurus made them; the relation is corroboration)."""
    s = c.features["source"]
    ratio = details.get("source_copy_ratio", 0.0)
    return Edit(
        c.start,
        c.end - c.start,
        s.written,
        c.replacement,
        "tortured",
        SOURCE_RELATED if s.related else SOURCE_UNRELATED,
        c.source,
        f'the known source has "{s.source}" where the text has "{s.written}"'
        f" ({ratio:.0%} of the words aligned with it)",
        {"source_copy_ratio": ratio, "synonym_related": s.related},
    )


def habit_edit(doc: Document, c: Candidate) -> Edit:
    """The edit putting back a phrase from the paper mills' habits (the decision's
    confidence, :mod:`repair.score.tortured_habits`)."""
    d = c.features["habit"]
    h = d.term
    habits = [f"{h.written[i]} -> {h.restored[i]}" for i in h.changed]
    return Edit(
        c.start,
        c.end - c.start,
        doc.text[c.start : c.end],
        c.replacement,
        "tortured",
        d.confidence,
        c.source,
        f'"{" ".join(h.written)}" reads as "{" ".join(h.restored)}" with the paper mills\' '
        f"habits put back ({', '.join(habits)})",
        {
            "habits": habits,
            "habit_families": h.families,
            "term_sources": sorted(h.sources),
            "book_pair_gain": round(h.book_gain, 3),
            "lm_logprob_gain": round(h.lm_gain, 3),
        },
    )


def score(doc: Document, detection: Detection, candidates: list[Candidate]) -> list[Edit]:
    """One edit per tortured phrase: the best-fitting replacement, with its confidence."""
    listed = [f for f in detection.findings if "entry" in f.data]
    tiers = {f.data["entry"].tortured: f.data["entry"].tier for f in listed}
    counts: dict[str, int] = defaultdict(int)
    for f in listed:
        counts[f.data["entry"].tortured] += 1
    by_phrase: dict[int, list[tuple[float, Candidate]]] = defaultdict(list)
    edits: list[Edit] = [
        source_edit(c, detection.details) for c in candidates if "source" in c.features
    ] + [habit_edit(doc, c) for c in candidates if "habit" in c.features]
    for c in candidates:
        if "source" not in c.features and "habit" not in c.features:
            by_phrase[c.features["phrase_start"]].append((context_fit(doc, c), c))
    for group in by_phrase.values():
        fit, best = max(group, key=lambda fc: fc[0] - 0.5 * fc[1].features["rank"])
        entry: Entry = best.features["entry"]
        others = sum(
            WEAK_EVIDENCE if tier == "weak" else 1.0
            for phrase, tier in tiers.items()
            if phrase != entry.tortured
        )
        spec = clip((entry.surprise - SPEC_LO) / (SPEC_HI - SPEC_LO))
        rare = clip((RARE_ZIPF - entry.min_zipf) / RARE_SPAN)
        fit_s = clip(fit / FIT_SCALE, -1.0, 1.0)
        doc_s = clip(others / DOC_FULL)
        conf = BASE + W_SPEC * spec + W_RARE * rare + W_FIT * fit_s + W_DOC * doc_s
        reasons = []
        if "uncertain" in entry.flags:
            conf -= UNCERTAIN_PENALTY
            reasons.append("uncertain_expected")
        if entry.tier == "weak" and others < 1.0:
            conf = min(conf, WEAK_CAP)
            reasons.append("weak_needs_evidence")
        if _mentioned(doc, best.features["phrase_start"], best.features["phrase_end"], entry):
            conf = min(conf, MENTION_CAP)
            reasons.append("quoted_with_expected")
        conf = clip(conf)
        original = doc.text[best.start : best.end]
        phrase = doc.text[best.features["phrase_start"] : best.features["phrase_end"]]
        usual = best.features["full_replacement"]
        alternatives = tuple(
            dict.fromkeys(
                c.replacement for _, c in sorted(group, key=lambda fc: -fc[0]) if c is not best
            )
        )
        edits.append(
            Edit(
                best.start,
                best.end - best.start,
                original,
                best.replacement,
                "tortured",
                conf,
                best.source,
                f'tortured phrase "{phrase}": the usual term is "{usual}"'
                f' (PPS list: "{entry.tortured}" → "{entry.pps_expected}")',
                {
                    "lexicon_entry": entry.tortured,
                    "pps_expected": entry.pps_expected,
                    "tier": entry.tier,
                    "surprise": entry.surprise,
                    "min_zipf": entry.min_zipf,
                    "specificity": round(spec, 3),
                    "rarity": round(rare, 3),
                    "lm_logprob_gain_per_word": round(fit, 3),
                    "other_phrases_in_doc": others,
                    "occurrences_in_doc": counts[entry.tortured],
                    "inflected": best.features["inflected"],
                    "notes": reasons,
                },
                alternatives,
            )
        )
    return edits
