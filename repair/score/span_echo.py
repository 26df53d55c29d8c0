"""Decide echoed wordy spans (:mod:`repair.detect.span_echo`): one plain word, every time.

A span is restored only where the document itself makes the case, with no document
gate and no list:

* it is written at least :data:`MIN_ECHO` times, and **every** place reads as the same
  one-word original (a writer's own phrase fits some of its places; a spinner's mapping
  is the same everywhere);
* at every place the original beats the span by at least :data:`MIN_GAIN` nats with two
  words of context each side, :data:`MIN_CONTEXT` of them beyond what the unconditioned
  LM explains (a short common word beats a two-word span everywhere);
* the places stand in at least :data:`MIN_ECHO` different contexts (the word before and
  the word after): a passage copied twice is one writer's choice, not a mapping;
* the span is written surprisingly often for the text's length
  (:func:`repair.detect.span_echo.surprise`);
* the original is a closed-class word (:func:`repair.detect.span_echo.closed_class`: a
  function word, or a word lemminflect knows as neither noun nor verb: "already",
  "almost", "then"): a spinner's paraphrase of a function word is a phrase, a writer's
  repeated content phrase ("common stock", "asked for") has a content word as its
  nearest one-word synonym.

Bars read on dev documents 40-400 of the phrase spinner (``spin_sim``, dev families, the
documents past the 40 that ``benchmarks/spin_eval.py --split dev`` reads; the dev list rows
held out): 49 right, 2 wrong, 0 false; 0 edits on the 1,400 clean dev documents (779 k
words).  Ships off (:data:`repair.stages.collocation.SPAN_ECHO`): old formal English of the
calibration's test half repeats rare function spans ("at length", "upon which")
(benchmarks/RESULTS.md, "Session 29, phrase29").
"""

from __future__ import annotations

from collections import defaultdict

from repair.candidates.spin_phrase import PhraseEvidence
from repair.detect import span_echo
from repair.detect.wordy import Match
from repair.document import Document
from repair.score import clip

#: Least places of the same span (every one of them read the same way).
MIN_ECHO = 2
#: Least LM gain (nats) of the original over the span at each place.
MIN_GAIN = 4.0
#: Least gain beyond the unconditioned gain (:attr:`PhraseEvidence.context`) at each place.
MIN_CONTEXT = 1.0
#: The pattern name the restorations carry (``Edit.evidence["pattern"]``).
PATTERN = "span_echo"


def _groups(found: list[PhraseEvidence]) -> list[list[PhraseEvidence]]:
    by: dict[str, list[PhraseEvidence]] = defaultdict(list)
    for ev in found:
        by[ev.written.lower()].append(ev)
    return list(by.values())


def _kept(doc: Document, group: list[PhraseEvidence]) -> bool:
    if len(group) < MIN_ECHO or len({ev.original for ev in group}) != 1:
        return False
    if len({span_echo.context_of(doc.text, ev.start, ev.end) for ev in group}) < MIN_ECHO:
        return False  # one passage written again ("payments in line with company policy")
    if not all(ev.gain >= MIN_GAIN and ev.context >= MIN_CONTEXT for ev in group):
        return False
    return span_echo.closed_class(group[0].original)


def decide(
    doc: Document, taken: list[tuple[Match, str, float, float]]
) -> list[tuple[Match, str, float, float]]:
    """``(match, plain, gain, confidence)`` for each echoed span to restore; spans
    overlapping ``taken`` (the wordy decisions) are not read.  Of overlapping kept spans
    the one with the larger least gain stays."""
    covered = {p for m, *_ in taken for p in range(m.start, m.end)}
    kept = [g for g in _groups(span_echo.find(doc, covered)) if _kept(doc, g)]
    kept.sort(key=lambda g: -min(ev.gain for ev in g))
    used: set[int] = set()
    out = []
    for group in kept:
        if any(p in used for ev in group for p in range(ev.start, ev.end)):
            continue
        least = min(ev.gain for ev in group)
        conf = 0.55 + 0.1 * clip((len(group) - MIN_ECHO) / 2) + 0.1 * clip((least - MIN_GAIN) / 6)
        for ev in group:
            used.update(range(ev.start, ev.end))
            written = ev.written
            plain = ev.original
            if written[:1].isupper():
                plain = plain[:1].upper() + plain[1:]
            out.append((Match(ev.start, ev.end, written, (plain,), PATTERN), plain, ev.gain,
                        round(conf, 4)))  # fmt: skip
    out.sort(key=lambda d: d[0].start)
    return out
