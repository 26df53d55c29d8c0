"""An account of every spun word on dev: where each restoration is lost (dev only).

Usage (from the checkout root; ``bench`` extra and ``../shared`` needed)::

    python benchmarks/spin_account.py [--spinner wordnet --spinner double] [--cap 40]
        [--no-profile] [--show 6]

For the dev documents that ``benchmarks/spin_eval.py --split dev`` reports on, each gold
substitution is repaired by the whole pipeline (``repair.repair_text``, the spin stage's
first reading captured as :mod:`benchmarks.spin_bands` does) and put in exactly one class,
in this order (:func:`account`):

* ``right``: an edit at the span restores the original;
* ``d:wrong_edit``: an edit at the span writes another word;
* ``b:multiword``: a missed span of several words (written or original), split into
  ``multi_reach`` (the one-word original is among
  :func:`repair.candidates.spin_phrase.span_originals`) and ``multi_none``;
* ``b:no_candidate``: a one-word original that is not among the written word's candidates
  (:func:`repair.score.spin_evidence.candidates_for`), split by the WordNet 3.0 relation
  that would reach it (:func:`spin_outcome.wordnet_relation`) or ``inflection`` (the
  original's lemma is a candidate's lemma: the inflection is lost); with ``--reverse``
  it is first split by the reverse Moby source (:func:`reverse_why`): ``rev:*`` where
  :func:`repair.candidates.spin_mobyrev.reverse_originals` holds the original (and what the
  reverse reading made of it), ``revcut:*`` where the reverse index relates the lemmas but
  the original is cut (``rank``: past ``MAX_PER_LEMMA``, ``rank_wide`` where the wide
  reverse reading's originals hold it, ``MAX_PER_LEMMA_WIDE``; ``zipf``: under ``MIN_ZIPF``;
  ``inflection``: the form is not produced), ``moby_fwd`` where only the written word's own
  Moby entry lists it;
  with ``--multi`` (session 62) the missed spans are split by the source that would hold the
  original (:func:`multi_source`): ``multi_orig`` (the original is several words too: "in
  the" written "within the"), ``table`` (the span table holds it), ``inflected`` (only the
  re-inflected rows of ``lexicons/spin_phrases_inflected.tsv`` do), ``moby`` (Moby lists
  the span, or its head lemma, under the original or the original under it: any length),
  ``wordnet:<relation>`` (WordNet 3.0 relates the span's lemma to it), ``kept`` (a word of
  the span is a form of the original: "software program"), ``word:<source>`` (a word of
  the span alone reaches it: its synonym candidates, Moby, a distributional neighbour),
  ``none``;
* ``skip:<why>``: a word the first reading never examined although the original is a
  candidate: ``stop/short``, ``common`` (Zipf >= ``MAX_WRITTEN_ZIPF``; its own reading is
  ``common_row``), ``name`` (capitalised inside a sentence), ``early_stop`` (the sequential
  test stopped reading the document), ``covered`` (a profile/number occurrence holds it);
* ``a:gate_shut``: a row exists but the document's word gate is shut
  (:func:`repair.stages.spin.word_bar` > 1), split by whether the row's best original is
  the gold (``gold_top``) or not;
* ``d:other_top``: the row's best original is another word (under or over the bar);
* ``c:under_bar``: the row proposes the gold, under the bar;
* ``e:declined``: the row proposes the gold over the bar and no edit was made (a later
  decision declined it: policy, one mapping, guard, scientific register, a phrase won).

Every edit touching no gold span is counted as ``false``.  The test half is never read.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "scripts"))

from spin_eval import hold_out_listed, hold_out_profile, make_config, spun_docs  # noqa: E402
from spin_outcome import wordnet_relation  # noqa: E402
from spin_sim import RATE  # noqa: E402
from train_spin_model import gold_spans  # noqa: E402

import repair.stages.spin as stage  # noqa: E402
from repair.candidates.spin_phrase import span_originals  # noqa: E402
from repair.candidates.spin_synonyms import STOPWORDS  # noqa: E402
from repair.pipeline import repair_text  # noqa: E402
from repair.resources.frequency import zipf  # noqa: E402
from repair.score.spin_evidence import candidates_for  # noqa: E402

#: The classes in report order (each prefixed by the brief's letter).
ORDER = (
    "right",
    "a:gate_shut",
    "b:no_candidate",
    "b:multiword",
    "c:under_bar",
    "d:other_top",
    "d:wrong_edit",
    "e:declined",
    "skip",
)


def _lemmas(word: str) -> set[str]:
    from lemminflect import getAllLemmas

    out = {word}
    for found in getAllLemmas(word).values():
        out.update(x.lower() for x in found)
    return out


def no_candidate_why(written: str, orig: str) -> str:
    """Why a one-word original is not a candidate: ``inflection`` when a candidate shares
    one of its lemmas, else the WordNet relation that would reach it."""
    gold = _lemmas(orig.lower())
    for c in candidates_for(written.lower()):
        if _lemmas(c) & gold:
            return "inflection"
    return wordnet_relation(written, orig)


@cache
def _moby_rows() -> dict[str, frozenset[str]]:
    """Moby headword -> its list (lower-case entries; multi-word ones too)."""
    from repair.candidates.spin import moby_lines

    return {h: frozenset(line.split(",")) for h, line in moby_lines().items()}


def reverse_why(written: str, orig: str, rev_row: tuple | None, first_row: bool) -> str:
    """Why a one-word original the first reading lacks is lost to the reverse Moby source
    (``rev_row``: the reverse reading's (original, probability) at the span, if any;
    ``first_row``: the first reading has a row for the word)."""
    from repair.candidates import spin_mobyrev as rev

    low, gold = written.lower(), orig.lower()
    if gold in rev.reverse_originals(low):
        if rev_row is not None:
            o, p = rev_row
            band = "0.5+" if p >= 0.5 else "0.2+" if p >= 0.2 else "0.1+" if p >= 0.1 else "<0.1"
            return f"rev:row_gold_{band}" if o == gold else f"rev:row_other_{band}"
        if not first_row:
            common = zipf(low) >= stage.REVERSE_MAX_ZIPF
            return "rev:no_row_common" if common else "rev:no_row"
        return "rev:old_top"
    wl, gl = _lemmas(low), _lemmas(gold)
    index = rev.reverse_index()
    full = {h for lem in wl for h in index.get(lem, ())}
    if full & gl:
        ranked = {h for lem in wl for h in (rev._ranked().get(lem) or ())}
        if not ranked & gl:  # past MAX_PER_LEMMA: within the wide rows, or past them too
            return "revcut:rank_wide" if gold in rev.reverse_originals_wide(low) else "revcut:rank"
        return "revcut:inflection"
    moby = _moby_rows()
    if any(lem in moby.get(g, ()) for g in gl for lem in wl):
        return "revcut:zipf" if all(zipf(g) < rev.MIN_ZIPF for g in gl) else "revcut:other"
    if any(g in moby.get(lem, ()) for g in gl for lem in wl):
        return "moby_fwd"
    return "none:" + wordnet_relation(written, orig)


def _span_lemmas(span: str) -> set[str]:
    """The written span and its forms with the first or the last word lemmatised."""
    words = span.split(" ")
    out = {span}
    for i in {0, len(words) - 1}:
        for lem in _lemmas(words[i]):
            out.add(" ".join([*words[:i], lem, *words[i + 1 :]]))
    return out


def multi_source(written: str, orig: str) -> str:
    """Which source would hold the original of a missed multi-word span (``--multi``;
    the module's docstring)."""
    from repair.candidates.spin_phrase_inflected import merged_row
    from repair.resources.neighbours import neighbours

    low, gold = written.lower(), orig.lower()
    if " " in gold:
        return "multi_orig"
    words = tuple(low.split(" "))
    golds = _lemmas(gold)
    if 2 <= len(words) <= 3:
        if gold in span_originals(words)[0]:
            return "table"
        row = merged_row(low)
        if row is not None and gold in row.split("\t")[0].split(","):
            return "inflected"
    moby = _moby_rows()
    for sp in _span_lemmas(low):
        if any(sp in moby.get(g, ()) for g in golds) or golds & moby.get(sp, frozenset()):
            return "moby"
    for sp in _span_lemmas(low):
        rel = wordnet_relation(sp, gold)
        if rel != "none":
            return "wordnet:" + rel
    if any(_lemmas(w) & golds for w in words):
        return "kept"
    for w in words:
        if gold in candidates_for(w):
            return "word:synonyms"
        if any(g in moby.get(w, ()) or w in moby.get(g, ()) for g in golds):
            return "word:moby"
        if gold in neighbours(w) or w in neighbours(gold):
            return "word:neighbour"
    return "none"


def skip_why(text: str, a: int, b: int, covered: set[int]) -> str:
    """Why the first reading has no row for the written word ``text[a:b]``."""
    w = text[a:b]
    low = w.lower()
    if a in covered:
        return "covered"
    if len(w) < 3 or low in STOPWORDS or not w.isalpha():
        return "stop/short"
    if zipf(low) >= stage.MAX_WRITTEN_ZIPF:
        return "common"
    if w[:1].isupper():
        return "name"
    return "early_stop"


def phrase_why(det: stage.SpinDetection | None, a: int, b: int, orig: str, edits: dict) -> str:
    """Why a written span whose one-word original the phrase table reaches is not restored
    (``--phrases``): ``gate_shut`` (no spin gate open, no phrase candidates), ``not_built``
    (no :class:`~repair.candidates.spin_phrase.PhraseEvidence` at the span), ``other_top``
    (the span's chosen original is another word), ``declined:<why>`` (the gold is chosen and
    :func:`repair.stages.spin._phrase_kept` refuses it: its first failed floor), ``kept:<why>``
    (kept, then lost: ``overlap`` an edit covers part of it, ``lost`` declined later, by the
    LM in the round's context or to word candidates inside)."""
    if det is None:
        return "no_detection"
    d = det.details
    model = stage.get_model()
    spin_open = (
        d.get("model_score", 0.0) >= model.doc_gate
        or d.get("prior_profile_score", d.get("profile_score", 0.0)) >= stage.THRESHOLD
        or d.get("family_gate", False)
    )
    evs = [ph for ph in det.phrases if ph.start == a and ph.end == b]
    if not evs:
        if any(o.start < b and a < o.end for o in det.occurrences):
            return "not_built:covered"
        if all(w.lower() in STOPWORDS for w in ph_words(det, a, b)):
            return "not_built:stopwords"
        return "not_built:other"
    ph = evs[0]
    recur = stage._recurring(det.phrases)
    c = stage._span_candidate(ph, (ph.written.lower(), ph.original) in recur)
    if c.replacement.lower() != orig.lower():
        return "other_top"
    if not spin_open:
        return "gate_shut"
    if not stage._phrase_kept(c):
        return "declined:" + _phrase_floor(c)
    if any(x < b and a < y for (x, y) in edits):
        return "kept:overlap"
    return "kept:lost"


def ph_words(det, a: int, b: int) -> list[str]:  # type: ignore[no-untyped-def]
    """The written words of the span ``a:b`` (read off the detection's phrase spans' text is
    not possible when none was built: the caller's text is used through the occurrences)."""
    return _TEXT[0][a:b].split()


_TEXT: list[str] = [""]


def _phrase_floor(c) -> str:  # type: ignore[no-untyped-def]
    """The first floor of :func:`repair.stages.spin._phrase_kept` that ``c`` fails."""
    f = c.features
    from repair.score.spin import PHRASE_MIN_GAIN

    if f.get("wordnet", True):
        if f["gain0"] < PHRASE_MIN_GAIN:
            return "wn_gain"
        return "wn_rarer"
    if f.get("binomial"):
        return "binomial"
    if f["gain0"] < max(PHRASE_MIN_GAIN, stage.PHRASE_KEEP_GAIN):
        return "gain" if f["gain0"] >= PHRASE_MIN_GAIN else "gain<4"
    if f.get("margin", 10.0) < stage.PHRASE_MIN_MARGIN:
        return "margin"
    if f.get("left_gain", stage.PHRASE_MIN_SIDE) < stage.PHRASE_MIN_SIDE:
        return "left"
    if f.get("has_right", True) and f.get("right_gain", 0.0) < stage.PHRASE_MIN_RIGHT:
        return "right"
    return "zipf_context"


def account(
    spinner: str,
    cap: int,
    profile: bool,
    reverse: bool = False,
    phrases: bool = False,
    multi: bool = False,
) -> tuple[Counter[tuple[str, str]], Counter[str], dict[tuple[str, str], list]]:
    """(class, sub-class) -> gold substitutions; false edits by rule; examples."""
    config = make_config("spin,tortured,collocation", not profile)
    seen: list[stage.SpinDetection] = []
    shipped = stage._Stage.detect

    def detect(self, doc):  # type: ignore[no-untyped-def]
        d = shipped(self, doc)
        seen.append(d)
        return d

    cat: Counter[tuple[str, str]] = Counter()
    false: Counter[str] = Counter()
    ex: dict[tuple[str, str], list] = defaultdict(list)
    rev_rows: dict[tuple[int, int], tuple[str, float]] = {}
    decide = stage._decide_rows

    def decide_rows(doc, detection, words, changed, bar, model, flag, floor=None, **kw):  # type: ignore[no-untyped-def]
        if flag == "reverse" and changed:
            feats = stage.word_features(
                doc, words, stage._word_profile_of(detection.details), only=changed
            )
            for i, p in zip(changed, stage.probabilities(feats), strict=True):
                rev_rows[(words[i].start, words[i].end)] = (words[i].original.lower(), float(p))
        return decide(doc, detection, words, changed, bar, model, flag, floor, **kw)

    stage._Stage.detect = detect  # type: ignore[method-assign]
    if reverse:
        stage._decide_rows = decide_rows  # type: ignore[assignment]
    try:
        for s in spun_docs(spinner, "dev", cap, RATE)[1]:
            if not s.edits:
                continue
            seen.clear()
            rev_rows.clear()
            _TEXT[0] = s.spun
            r = repair_text(s.spun, (), config)
            det = seen[0] if seen else None
            shut = det is None or stage.word_bar(det.details) > 1.0
            bar = stage.word_bar(det.details) if det else 2.0
            rows = {(w.start, w.end): (w, p) for w, p in zip(det.words, det.probs, strict=True)}
            crows = {
                (w.start, w.end): (w, p) for w, p in zip(det.common, det.common_probs, strict=True)
            }
            cbar = stage.common_bar(det.details) if det else 2.0
            covered = stage._covered([(o.start, o.end) for o in det.occurrences]) if det else set()
            gold = gold_spans(s)
            fams = _span_families(s)
            by_span = {(e.offset, e.end): e for e in r.edits}
            for (a, b), orig in gold.items():
                written = s.spun[a:b]
                e = by_span.get((a, b))
                k, sub = _classify(
                    written, orig, e, rows.get((a, b)), crows.get((a, b)), shut, bar, cbar,
                    skip_why(s.spun, a, b, covered),
                )  # fmt: skip
                if reverse and k == "b:no_candidate" and sub != "inflection" and not shut:
                    sub = reverse_why(written, orig, rev_rows.get((a, b)), (a, b) in rows)
                ph = None
                if multi and k == "b:multiword" and sub == "multi_none":
                    sub = "src:" + multi_source(written, orig)
                if phrases and sub == "multi_reach":
                    sub = "reach:" + phrase_why(det, a, b, orig, by_span)
                    ph = next((p for p in det.phrases if (p.start, p.end) == (a, b)), None)
                cat[(k, sub)] += 1
                cat[("source", f"{_source(fams.get((a, b), '?'))}{k}")] += 1
                got = rows.get((a, b)) or crows.get((a, b))
                shown = e.replacement if e else got[0].original if got else None
                if ph is not None:
                    ex[(k, sub)].append(
                        (written, orig, ph.original, round(ph.gain, 1), round(ph.left_gain, 1),
                         round(ph.right_gain, 1), round(ph.zipf_gain, 1), ph.wordnet)
                    )  # fmt: skip
                    continue
                ex[(k, sub)].append((written, orig, shown, round(got[1], 2) if got else None))
            for (a, b), e in by_span.items():
                if (a, b) in gold:
                    continue
                overlaps = any(x < b and a < y for x, y in gold)
                key = f"{e.rule}{'/overlap' if overlaps else ''}"
                false[key] += 1
                ex[("false", key)].append((s.spun[a:b], e.replacement))
    finally:
        stage._Stage.detect = shipped  # type: ignore[method-assign]
        stage._decide_rows = decide  # type: ignore[assignment]
    return cat, false, ex


def _span_families(s) -> dict[tuple[int, int], str]:  # type: ignore[no-untyped-def]
    """Each gold span on the spun text -> its gold edit's family (the per-source rows of
    the account, :func:`_source`)."""
    out, delta = {}, 0
    for g in sorted(s.edits, key=lambda g: g.start):
        a = g.start + delta
        delta += len(g.replacement) - (g.end - g.start)
        out[(a, a + len(g.replacement))] = g.family
    return out


def _source(family: str) -> str:
    """``h:`` a ``seedprof`` profile row of a dev family (held out by ``--unprofiled``),
    ``p:`` one of a test family (kept), ``x:`` an extension word, else the family's head."""
    from spin_sim.seedprof import family_half

    if family.startswith("p:"):
        return "h:" if family_half(family[2:]) == "dev" else "p:"
    return family[:2]


def _classify(written, orig, e, row, crow, shut, bar, cbar, skip):  # type: ignore[no-untyped-def]
    """The (class, sub-class) of one gold substitution (the module's docstring)."""
    if e is not None:
        if e.replacement.lower() == orig.lower():
            return "right", e.rule
        return "d:wrong_edit", e.rule
    if " " in written or " " in orig:
        parts = tuple(written.lower().split(" "))
        reach = (
            2 <= len(parts) <= 3 and " " not in orig and orig.lower() in span_originals(parts)[0]
        )
        return "b:multiword", "multi_reach" if reach else "multi_none"
    if orig.lower() not in candidates_for(written.lower()):
        if not written.isalpha():
            return "skip", "stop/short"
        return "b:no_candidate", no_candidate_why(written, orig)
    got, b = (row, bar) if row is not None else (crow, cbar) if crow is not None else (None, 0)
    if got is None:
        return "skip", skip
    w, p = got
    top = w.original.lower() == orig.lower()
    kind = "row" if row is not None else "common_row"
    if shut:
        return "a:gate_shut", f"{kind}:{'gold_top' if top else 'other_top'}"
    if not top:
        return "d:other_top", f"{kind}:{'over' if p >= b else 'under'}_bar"
    if p < b:
        band = "0.3+" if p >= b - 0.1 else "0.15-0.3" if p >= b - 0.25 else "far"
        return "c:under_bar", f"{kind}:{band}" if kind == "row" else kind
    return "e:declined", kind


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--spinner", action="append", help="repeatable (default: wordnet, double)")
    ap.add_argument("--cap", type=int, default=40, help="dev documents (as spin_eval.py)")
    ap.add_argument("--no-profile", action="store_true", help="without the seed profile")
    ap.add_argument("--show", type=int, default=0, help="examples per cell")
    ap.add_argument("--reverse", action="store_true", help="no-candidate by the reverse source")
    ap.add_argument("--phrases", action="store_true", help="multi_reach by the phrase reading")
    ap.add_argument("--multi", action="store_true", help="missed spans by source")
    ap.add_argument("--unlisted", action="store_true", help="dev phrase families' list rows out")
    ap.add_argument("--unprofiled", action="store_true", help="dev seed families' rows out")
    args = ap.parse_args(argv)
    if args.unlisted:
        hold_out_listed("dev")
    if args.unprofiled:
        hold_out_profile("dev", "seedprof" in (args.spinner or ()))
    for spinner in args.spinner or ["wordnet", "double"]:
        cat, false, ex = account(
            spinner, args.cap, not args.no_profile, args.reverse, args.phrases, args.multi
        )
        n = max(sum(v for (k, _s), v in cat.items() if k != "source"), 1)
        print(f"{spinner}: {n} substitutions, {sum(false.values())} false edits")
        for k in ORDER:
            subs = sorted(((s, v) for (k2, s), v in cat.items() if k2 == k), key=lambda x: -x[1])
            tot = sum(v for _s, v in subs)
            if not tot:
                continue
            print(f"  {k:15s} {tot:5d}  {tot / n:.3f}   " + ", ".join(f"{s} {v}" for s, v in subs))
            for s, _v in subs if args.show else ():
                print(f"      {s}: {ex[(k, s)][: args.show]}")
        src = sorted((sub, v) for (k2, sub), v in cat.items() if k2 == "source")
        print(
            "  by source (h: dev-family profile row, p: test-family profile row, x: extension): "
            + ", ".join(f"{a} {v}" for a, v in src)
        )
        print("  false: " + ", ".join(f"{k} {v}" for k, v in false.most_common()))
        for k, _v in false.most_common() if args.show else ():
            print(f"      {k}: {ex[('false', k)][: args.show]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
