"""The ocr stage: line-end hyphens, split and merged words, glyph confusions.

One stage, three edit kinds: ``hyphenation`` ("conc-⏎rete" -> "concrete"),
``spacing`` ("con crete", "kingwas", "hereof,and") and ``ocr`` ("tbe" -> "the",
"shaU" -> "shall").  Edits are the smallest spans on the text: one token, a
token pair, or one comma.  Casing, punctuation and whitespace around them stay.

Precision first: a document is *garbled* when its garble score reaches
:data:`REALWORD_MIN_GARBLE` with at least :data:`GARBLE_MIN_WORDS` garbled words.
Only then are non-words re-read, merged words split, split words joined, commas
spaced and real words ("bis" -> "his") corrected.  A clean-looking text gets only
the repairs in :data:`SAFE_REASONS` (garble no clean text contains); line-end
hyphens of real compounds ("long-⏎standing") stay unless ``RepairConfig.reflow``.

>>> from repair.document import Document
>>> doc = Document("Tbe kingwas very glad hereof,and caused the conc-\\nrete to be laid.")
>>> det = STAGE.detect(doc)
>>> [(e.original, e.replacement) for e in STAGE.score(doc, det, STAGE.candidates(doc, det))]
[('Tbe', 'The'), ('kingwas', 'king was'), (',', ', '), ('conc-\\nrete', 'concrete')]
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from repair.candidates.ocr import (
    ARCHAIC_WORDS,
    Correction,
    archaic_form,
    confusion_variants,
    correction_candidates,
    is_known,
    is_target,
    is_word_form,
    join_candidate,
    prefixes_of,
    split_candidates,
    strip_accents,
)
from repair.detect.ocr import detect_ocr
from repair.document import Document
from repair.score.frequency import zipf
from repair.score.ocr import Scorer
from repair.types import Candidate, Detection, Edit, Token

#: The garble gate: non-words, merges, splits, commas and real-word confusions are
#: only repaired in documents whose garble score reaches this (override with
#: ``RepairConfig(options={"ocr_realword_min_garble": x})``).  Clean news and the
#: clean suite score < 0.03 (names, rare words); ICDAR 2017 pages score 0.02-0.34
#: (median ~0.09), 77 of its 80 small files and file 81 pass.
REALWORD_MIN_GARBLE = 0.04
#: Real words at or above this Zipf frequency are never re-read as confusions.
REALWORD_MAX_ZIPF = 4.5
#: A real-word confusion must produce a word at least this frequent.
REALWORD_TARGET_ZIPF = 5.0
#: Margin "1" -> "I" needs ("1 have", "1 shall"), compared with reading it as "one".
DIGIT_I_THRESHOLD = 0.5
#: ... and in a document that otherwise looks clean.
DIGIT_I_THRESHOLD_CLEAN = 4.0
#: Margin an unknown capitalised word (most likely a name) needs to be re-read.
CAPITAL_THRESHOLD = 2.5
#: A capitalised token is split only before a common word ("Trumpsaid", "Giventhe").
CAPITAL_SPLIT_MIN_ZIPF = 4.5
#: Accents are stripped ("thé" -> "the") only in documents where at least this many
#: of the commonest words carry one: OCR that invents accents does it to "the" and
#: "about" too (ICDAR file 81), a text quoting "débris, rôle, élite" does not.
ACCENT_MIN_COUNT = 3
ACCENT_COMMON_ZIPF = 5.5
#: What a clean-looking document (garble score below the gate) may still have fixed:
#: garble no clean text contains ("tbe", "1aw", "ſaid", "shaU", "conc-⏎rete").
SAFE_REASONS = frozenset(
    {"garble_form", "digit_in_word", "long_s", "inner_capital", "line_end_hyphen"}
)
#: Margin a join of two real words ("con crete") needs outside garbled documents
#: (unused while joins are gated; kept for ``ocr_realword_min_garble=0``).
SPLIT_PAIR_THRESHOLD_CLEAN = 4.0
#: A join of two valid words ("quicks and", "con crete") needs strong evidence: no
#: part as common as this ("and") ...
JOIN_VALID_MAX_ZIPF = 5.0
#: ... and this margin (nats) at least.
JOIN_VALID_THRESHOLD = 4.0
#: A non-word at least this frequent on the web ("nuff" 2.6, "awa" 2.9; OCR garble such
#: as "tbe" is listed in ``GARBLE_FORMS``) looks clean: it is a rare word, not garble ...
RARE_WORD_ZIPF = 2.5
#: ... and is re-read only with this margin (nats).
RARE_WORD_THRESHOLD = 3.0
#: Words of the document (or its references) seen this often are confusion targets
#: even when the dictionary lacks them (names: "Beijiug" -> "Beijing").
DOC_SUPPORT_MIN = 2
#: ... and a target the document itself uses costs this much less (nats).
DOC_SUPPORT_BONUS = 2.0
#: Longer tokens (URLs, garbage runs) get no candidates: keeps the search bounded.
MAX_TOKEN_LEN = 30
#: A line-end hyphen between two words this common is a compound's ("long-⏎standing",
#: "re-⏎election") and stays; otherwise it is a word broken at the line end ("conc-⏎rete").
HYPHEN_PART_ZIPF = 3.0
#: A document is garbled when its garble score reaches the gate *and* it has this many
#: garbled words (one odd word in a short clean passage is no evidence of OCR).
GARBLE_MIN_WORDS = 3
#: ... and at least this many of them look like OCR (see ``detect.ocr._is_confusion``):
#: dialect, foreign words and names are unknown words as well, but not OCR patterns.
GARBLE_MIN_OCR = 2
#: ... or when this share of its words (and at least GARBLE_MIN_WORDS) are typical OCR
#: patterns ("tbe", "1aw", "shaU", "rnoney"): the clean suite reaches 0.011 with 2 such
#: words, lightly garbled ICDAR pages 0.01-0.04.
CONFUSION_MIN_SHARE = 0.008
#: "AU" -> "All" in running text only when the word is this common.
CAPS_TARGET_ZIPF = 5.5
#: Cost (nats) of a split ("con crete") or merge ("kingwas") repair, per space.
SPACING_COST = 1.0
_MAX_CORRECTIONS = 12
_PARAGRAPH = re.compile(r"\n[ \t]*\n")

_KIND_OF_RULE = {
    "OCR_CONFUSION": "ocr",
    "OCR_DOC_WORD": "ocr",
    "OCR_SPELLING": "ocr",
    "OCR_REALWORD": "ocr",
    "OCR_DIGIT_I": "ocr",
    "OCR_SPLIT_MERGED": "spacing",
    "OCR_JOIN_SPLIT": "spacing",
    "OCR_COMMA_SPACE": "spacing",
    "OCR_DEHYPHENATE": "hyphenation",
    "OCR_HYPHEN_COMPOUND": "hyphenation",
    "OCR_INLINE_HYPHEN": "hyphenation",
    "OCR_REFLOW": "hyphenation",
}


_CAMEL = re.compile(r"([a-z]+|[A-Z][a-z]+)([A-Z][a-z]*|[A-Z]+)")


@dataclass
class _DocInfo:
    """Document-level signals the per-token decisions use."""

    counts: Counter[str]
    accent_noise: int = 0
    garbled: bool = False
    reference_words: frozenset[str] = frozenset()

    @cached_property
    def doc_prefixes(self) -> frozenset[str]:
        return prefixes_of(w for w, n in self.counts.items() if n >= DOC_SUPPORT_MIN)


class _Context:
    """Word neighbours of a span: two words before, two after."""

    def __init__(self, words: list[Token]) -> None:
        self.words = words
        self.starts = [w.start for w in words]
        self.ends = [w.end for w in words]

    def around(self, start: int, end: int) -> tuple[list[str], list[str]]:
        i = bisect_right(self.ends, start)
        j = bisect_left(self.starts, end)
        return [w.text for w in self.words[max(0, i - 2) : i]], [
            w.text for w in self.words[j : j + 2]
        ]


def _cand(start: int, end: int, repl: str, rule: str, **features: object) -> Candidate:
    return Candidate(start, end, repl, _KIND_OF_RULE[rule], rule, dict(features))


class _Stage:
    name = "ocr"

    def detect(self, doc: Document) -> Detection:
        return detect_ocr(doc.text, doc.tokens)

    # -- candidates ---------------------------------------------------------

    def candidates(self, doc: Document, detection: Detection) -> list[Candidate]:
        text, toks = doc.text, doc.tokens
        by_start = {t.start: i for i, t in enumerate(toks)}
        out: list[Candidate] = []
        counts: Counter[str] = Counter(t.text for t in doc.words)
        ref_words = frozenset(t.text for ref in doc.reference_tokens for t in ref if t.is_word)
        for ref in doc.reference_tokens:
            counts.update(t.text for t in ref if t.kind == "word")
        # accents on the commonest words ("thé", "aboùt") are OCR noise; on "débris" or
        # "rôle" they may be the author's
        accents = sum(
            1
            for t in doc.words
            if not t.text.isascii()
            and zipf(strip_accents(t.text).lower()) >= ACCENT_COMMON_ZIPF
            and strip_accents(t.text) != t.text
        )
        info = _DocInfo(
            counts,
            accents,
            _is_garbled(doc, detection),
            ref_words,
        )
        for f in detection.findings:
            if not info.garbled and f.reason not in SAFE_REASONS:
                continue  # a clean-looking document: only unmistakable garble is repaired
            if f.reason == "line_end_hyphen":
                out.extend(self._hyphen(text, f.start, f.end, doc.config.reflow))
            elif f.reason == "comma_no_space":
                out.append(
                    _cand(
                        f.start,
                        f.end,
                        text[f.start] + " ",
                        "OCR_COMMA_SPACE",
                        finding=f.reason,
                        fixed=0.8,
                    )
                )
            elif f.reason == "digit_in_word":
                piece = text[f.start : f.end]
                if len(piece) > MAX_TOKEN_LEN:
                    continue
                for c, rule, cost, thr in self._corrections(piece, f.reason, info):
                    out.append(
                        _cand(
                            f.start,
                            f.end,
                            c.text,
                            rule,
                            finding=f.reason,
                            orig=[piece],
                            alt=[c.text],
                            cost=cost,
                            threshold=thr,
                            subs=[list(x) for x in c.subs],
                        )
                    )
            else:
                i = by_start[f.start]
                out.extend(self._token(toks, i, f.reason, info))
        garbled = info.garbled
        flagged = {f.start for f in detection.findings}
        for i, t in enumerate(toks):
            if garbled and t.kind == "word" and t.start not in flagged:
                out.extend(self._realword(t))
                out.extend(self._caps_in_text(toks, i))
            elif t.kind == "number" and t.text == "1":
                out.extend(self._digit_i(toks, i, garbled))
        if garbled:
            out.extend(self._split_pairs(toks, flagged, garbled))
        if doc.config.reflow:
            out.extend(self._reflow(text, toks))
        return out

    def _token(self, toks: list[Token], i: int, reason: str, info: _DocInfo) -> list[Candidate]:
        tok = toks[i]
        if len(tok.text) > MAX_TOKEN_LEN:
            return []  # not a word that lost a glyph or a space: leave it
        out = self._joins(toks, i, reason) if info.garbled else []
        if _next_to_hyphen(toks, i):
            return out  # a piece of a hyphenated word ("medita-tion", "bric-à-brac")
        if reason == "garble_form" and tok.text.isupper() and len(tok.text) > 1:
            return out  # an acronym (AUD, BIS), not "tbe"
        feats = {"finding": reason, "orig": [tok.text]}
        capital = reason == "capitalized_unknown"
        name_like = capital and (info.counts[tok.text] >= 2 or tok.text in info.reference_words)
        if name_like and not self._misread_initial(tok.text):
            return out  # a repeated (or referenced) capitalised word is a name, not a misreading
        if reason == "spurious_accent" and info.accent_noise < ACCENT_MIN_COUNT:
            return out  # one accented word in clean text is a loan word ("détente"), not noise
        if reason in ("nonword", "archaic", "capitalized_unknown") and archaic_form(tok.text):
            best = correction_candidates(tok.text)[:1]
            if not best or best[0].cost > 2.0 or zipf(best[0].text.lower()) < 5.5:
                return out  # old spelling ("tooke", "shee"), not an OCR error ("uow": now)
        initial = tok.text[:1].isupper() and _sentence_start(toks, i)
        out += [
            _cand(
                tok.start,
                tok.end,
                c.text[:1].upper() + c.text[1:] if initial else c.text,
                rule,
                **feats,
                threshold=thr,
                alt=[c.text],
                cost=cost,
                subs=[list(x) for x in c.subs],
            )
            for c, rule, cost, thr in self._corrections(tok.text, reason, info)
        ]
        known = is_known(tok.text)
        if tok.text.isalpha() and not known and info.garbled:
            # a valid word form ("datasets": dataset + s) is split on strong evidence only
            split_thr = CAPITAL_THRESHOLD if capital else None
            if is_word_form(tok.text):
                split_thr = JOIN_VALID_THRESHOLD
            for parts, cost in self._splits(tok.text, capital):
                out.append(
                    _cand(
                        tok.start,
                        tok.end,
                        " ".join(parts),
                        "OCR_SPLIT_MERGED",
                        **feats,
                        alt=list(parts),
                        cost=cost,
                        threshold=split_thr,
                    )
                )
        return out

    def _joins(self, toks: list[Token], i: int, reason: str) -> list[Candidate]:
        """ "con crete": join with a neighbour across one space; "con-tinuous" across a hyphen."""
        out = []
        for j, k in ((i - 2, i), (i, i + 2)):
            if j < 0 or k >= len(toks) or toks[j].kind != "word" or toks[k].kind != "word":
                continue
            sep = toks[j + 1].text
            if sep not in (" ", "-"):
                continue
            joined = join_candidate(toks[j].text, toks[k].text)
            if not joined or toks[k].text[:1].isupper():
                continue
            threshold = _join_threshold(toks[j].text, toks[k].text, None)
            if threshold is False:
                continue  # two valid words, one of them common ("quicks and")
            rule = "OCR_JOIN_SPLIT" if sep == " " else "OCR_INLINE_HYPHEN"
            out.append(
                _cand(
                    toks[j].start,
                    toks[k].end,
                    joined,
                    rule,
                    finding=reason,
                    orig=[toks[j].text, toks[k].text],
                    alt=[joined],
                    cost=SPACING_COST,
                    threshold=threshold,
                )
            )
        return out

    def _corrections(
        self, text: str, reason: str, info: _DocInfo
    ) -> list[tuple[Correction, str, float, float | None]]:
        """(correction, rule, cost, threshold) for one token: table variants and doc words."""
        capital = reason == "capitalized_unknown"
        # a non-word the web uses ("nuff", "awa": dialect, loan words) looks clean: it is
        # re-read only by a listed confusion with a large LM gain
        rare_word = reason == "nonword" and zipf(text.lower()) >= RARE_WORD_ZIPF
        out = []
        for c in correction_candidates(text)[:_MAX_CORRECTIONS]:
            if rare_word and not c.listed:
                continue
            same_initial = c.text[:1] == text[:1]
            if capital and same_initial and zipf(c.text.lower()) < 4.0:
                continue  # a name stays unless it reads as a common word
            if reason == "spurious_accent" and zipf(c.text.lower()) < zipf(text.lower()) + 1.5:
                continue
            cost = c.cost - (DOC_SUPPORT_BONUS if info.counts[c.text] >= 1 else 0.0)
            thr = CAPITAL_THRESHOLD if capital and same_initial else None
            if rare_word:
                thr = RARE_WORD_THRESHOLD
            out.append((c, "OCR_CONFUSION" if c.listed else "OCR_SPELLING", cost, thr))
        # Words of the document itself (names the dictionary lacks: "Jinpiug" -> "Jinping").
        seen = {c.text for c, *_ in out}
        for variant, (cost, subs) in confusion_variants(text, info.doc_prefixes).items():
            if variant in seen or info.counts[variant] < DOC_SUPPORT_MIN:
                continue
            corr = Correction(variant, cost, subs, True)
            out.append((corr, "OCR_DOC_WORD", cost - DOC_SUPPORT_BONUS, 0.0))
        return out

    def _splits(self, text: str, capital: bool) -> list[tuple[tuple[str, ...], float]]:
        """Merged words: "kingwas", "Thursdayin", camel case "DonaldTrump", "inBusan"."""
        out = []
        camel = _CAMEL.fullmatch(text)
        if camel and not is_known(text):
            left, right = camel.group(1), camel.group(2)
            if is_target(left) and (is_target(right) or right[:1].isupper()):
                out.append(((left, right), SPACING_COST))
        for sp in split_candidates(text)[:4]:
            first, last = zipf(sp.parts[0].lower()), zipf(sp.parts[-1].lower())
            if capital and (last < CAPITAL_SPLIT_MIN_ZIPF or first < 3.0):
                continue  # "Green berg": a name split into a rare piece
            if (sp.parts, SPACING_COST) not in out:
                out.append((sp.parts, SPACING_COST + sp.cost))
        return out

    def _split_pairs(self, toks: list[Token], flagged: set[int], garbled: bool) -> list[Candidate]:
        """ "con crete": two lower-case words, one of them rare, that make a known word."""
        out = []
        for i in range(len(toks) - 2):
            a, sep, b = toks[i], toks[i + 1], toks[i + 2]
            if a.kind != "word" or b.kind != "word" or sep.text != " ":
                continue
            if a.start in flagged or b.start in flagged or not (a.text + b.text).islower():
                continue
            if min(zipf(a.text), zipf(b.text)) >= 3.5:
                continue
            joined = join_candidate(a.text, b.text)
            base = None if garbled else SPLIT_PAIR_THRESHOLD_CLEAN
            threshold = _join_threshold(a.text, b.text, base)
            if joined and zipf(joined) >= 3.5 and threshold is not False:
                out.append(
                    _cand(
                        a.start,
                        b.end,
                        joined,
                        "OCR_JOIN_SPLIT",
                        finding="split_pair",
                        orig=[a.text, b.text],
                        alt=[joined],
                        cost=SPACING_COST,
                        threshold=threshold,
                    )
                )
        return out

    @staticmethod
    def _misread_initial(text: str) -> bool:
        """ "Hke" -> "like": the capital is itself a misread glyph of a common word."""
        return any(
            c.text[:1] != text[:1] and zipf(c.text.lower()) >= 5.0
            for c in correction_candidates(text)[:3]
        )

    def _caps_in_text(self, toks: list[Token], i: int) -> list[Candidate]:
        """ "AU the men": a short all-caps token in running text read with capital glyphs."""
        tok = toks[i]
        if not (2 <= len(tok.text) <= 3 and tok.text.isupper()) or i + 2 >= len(toks):
            return []
        nxt = toks[i + 2]
        if toks[i + 1].text != " " or nxt.kind != "word" or not nxt.text.islower():
            return []
        out = []
        for variant, (cost, subs) in confusion_variants(tok.text).items():
            if variant[1:].islower() and zipf(variant.lower()) >= CAPS_TARGET_ZIPF:
                out.append(
                    _cand(
                        tok.start,
                        tok.end,
                        variant,
                        "OCR_CONFUSION",
                        finding="caps_in_text",
                        orig=[tok.text],
                        alt=[variant],
                        cost=cost,
                        threshold=2.0,
                        subs=[list(x) for x in subs],
                    )
                )
        return out

    def _realword(self, tok: Token) -> list[Candidate]:
        low = tok.text.lower()
        if len(low) < 2 or zipf(low) >= REALWORD_MAX_ZIPF or not tok.text[1:].islower():
            return []
        if low in ARCHAIC_WORDS:
            return []
        out = []
        for c in correction_candidates(tok.text):
            if c.listed and zipf(c.text.lower()) >= REALWORD_TARGET_ZIPF and len(c.subs) == 1:
                out.append(
                    _cand(
                        tok.start,
                        tok.end,
                        c.text,
                        "OCR_REALWORD",
                        finding="realword",
                        orig=[tok.text],
                        alt=[c.text],
                        cost=c.cost,
                        orig_known=True,
                    )
                )
        return out

    def _digit_i(self, toks: list[Token], i: int, garbled: bool) -> list[Candidate]:
        if not (0 < i < len(toks) - 2) or toks[i - 1].text != " " or toks[i + 1].text != " ":
            return []
        nxt = toks[i + 2]
        if nxt.kind != "word" or not nxt.text.islower():
            return []
        return [
            _cand(
                toks[i].start,
                toks[i].end,
                "I",
                "OCR_DIGIT_I",
                finding="digit_for_letter",
                orig=["one"],
                alt=["I"],
                cost=1.2,
                threshold=DIGIT_I_THRESHOLD if garbled else DIGIT_I_THRESHOLD_CLEAN,
            )
        ]

    def _hyphen(self, text: str, start: int, end: int, reflow: bool) -> list[Candidate]:
        """ "conc-⏎rete" -> "concrete"; a real compound ("long-⏎standing") stays as it is,
        or becomes "long-standing" when re-flowing lines."""
        piece = text[start:end]
        left, _, rest = piece.partition("-")
        right = rest.strip()
        joined = join_candidate(left, right)
        feats = {"finding": "line_end_hyphen", "orig": [left, right]}
        zl, zr = zipf(left.lower()), zipf(right.lower())
        both = zl >= HYPHEN_PART_ZIPF and zr >= HYPHEN_PART_ZIPF
        if both and joined and zipf(joined.lower()) >= max(4.0, min(zl, zr)):
            both = False  # "para-⏎graph": the whole word is commoner than its pieces
        if joined and not both and not right[:1].isupper():
            return [
                _cand(
                    start,
                    end,
                    joined,
                    "OCR_DEHYPHENATE",
                    **feats,
                    alt=[joined],
                    cost=0.0,
                    threshold=-3.0,
                )
            ]
        if reflow:
            return [
                _cand(
                    start,
                    end,
                    f"{left}-{right}",
                    "OCR_HYPHEN_COMPOUND",
                    **feats,
                    alt=[left, right],
                    fixed=0.9,
                )
            ]
        return []

    def _reflow(self, text: str, toks: list[Token]) -> list[Candidate]:
        out = []
        for t in toks:
            if t.kind == "space" and "\n" in t.text and not _PARAGRAPH.search(t.text):
                if t.start > 0 and text[t.start - 1] == "-":
                    continue  # a line-end hyphen: handled by dehyphenation
                out.append(
                    _cand(t.start, t.end, " ", "OCR_REFLOW", finding="line_break", fixed=0.9)
                )
        return out

    # -- scoring ------------------------------------------------------------

    def score(self, doc: Document, detection: Detection, candidates: list[Candidate]) -> list[Edit]:
        if not candidates:
            return []
        scorer = Scorer()
        ctx = _Context(doc.words)
        garbled = _is_garbled(doc, detection)
        groups: dict[tuple[int, int], list[tuple[float, Candidate, dict]]] = {}
        for c in candidates:
            f = c.features
            if "fixed" in f:
                margin, ev = -100.0, {"fallback": True}
                accepted = True
            else:
                prev, nxt = ctx.around(c.start, c.end)
                d = scorer.decide(
                    list(f["orig"]),
                    list(f["alt"]),
                    prev,
                    nxt,
                    cost=float(f["cost"]),
                    orig_known=bool(f.get("orig_known", False)),
                    threshold=f.get("threshold"),
                    split_charge=garbled,
                )
                accepted, margin, ev = d.accept, d.margin, d.evidence
            if accepted:
                groups.setdefault((c.start, c.end), []).append(
                    (margin, c, {**ev, "finding": f["finding"]})
                )
        edits = []
        for (start, end), items in groups.items():
            items.sort(key=lambda x: -x[0])
            _margin, best, ev = items[0]
            if "subs" in best.features:
                ev["substitutions"] = best.features["subs"]
            edits.append(
                Edit(
                    start,
                    end - start,
                    doc.text[start:end],
                    best.replacement,
                    best.kind,
                    round(_conf(items), 4),
                    best.source,
                    message=f"OCR: {doc.text[start:end]!r} -> {best.replacement!r}",
                    evidence=ev,
                    alternatives=tuple(x[1].replacement for x in items[1:4]),
                )
            )
        return edits


def _sentence_start(toks: list[Token], i: int) -> bool:
    """Whether token ``i`` opens a sentence (text start, after . ! ? or a blank line)."""
    j = i - 1
    while j >= 0:
        t = toks[j]
        if t.kind == "space":
            if "\n\n" in t.text:
                return True
        elif t.text in "\"“‘'(":
            pass  # an opening quote: look before it
        else:
            return t.text in ".!?"
        j -= 1
    return True


def _join_threshold(left: str, right: str, base: float | None) -> float | None | bool:
    """Threshold for joining ``left right``; ``False``: two valid words, one common."""
    if not (is_word_form(left) and is_word_form(right)):
        return base  # a non-word piece ("conc rete", "busi nesse"): the usual evidence
    if max(zipf(left.lower()), zipf(right.lower())) >= JOIN_VALID_MAX_ZIPF:
        return False
    return max(base if base is not None else JOIN_VALID_THRESHOLD, JOIN_VALID_THRESHOLD)


def _next_to_hyphen(toks: list[Token], i: int) -> bool:
    before = toks[i - 1].text if i > 0 else ""
    after = toks[i + 1].text if i + 1 < len(toks) else ""
    return before == "-" or after == "-"


def _is_garbled(doc: Document, detection: Detection) -> bool:
    """Whether the document looks OCR-garbled enough for the riskier repairs."""
    gate = float(doc.config.options.get("ocr_realword_min_garble", REALWORD_MIN_GARBLE))
    details = detection.details
    flagged = int(details.get("garbled_words", 0))
    confusion = int(details.get("confusion_words", 0))
    if detection.score >= gate and flagged >= GARBLE_MIN_WORDS and confusion >= GARBLE_MIN_OCR:
        return True
    words = max(1, int(details.get("words", 0)))
    return confusion >= GARBLE_MIN_WORDS and confusion / words >= CONFUSION_MIN_SHARE


def _conf(items: list[tuple[float, Candidate, dict]]) -> float:
    """Confidence of the winner: its margin's logistic, lowered when a runner-up is close."""
    margin, best, _ev = items[0]
    if "fixed" in best.features:
        return float(best.features["fixed"])
    conf = 1.0 / (1.0 + math.exp(-margin))
    if len(items) > 1 and items[1][0] > -100.0:
        conf *= 1.0 / (1.0 + math.exp(-(margin - items[1][0])))
    return max(0.5, min(0.99, conf))


STAGE = _Stage()
