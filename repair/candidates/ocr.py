"""OCR candidates: every repair the ocr stage may make, before context decides.

One token or token pair at a time: glyph confusions of non-words (the learned channel
model, :mod:`repair.score.ocr_channel`), words of the document itself (names the
dictionary lacks), real-word confusions ("tho" -> "the") and casing (garbled documents
only), merged and split words (:mod:`repair.candidates.ocr_spacing`), stray marks
(:mod:`repair.candidates.ocr_marks`), line-end hyphens (:mod:`repair.candidates.ocr_hyphen`).
Each candidate carries what the scorer (:mod:`repair.score.ocr`) needs: the original
and alternative words, the channel cost, and a threshold when its rule needs one.

Precision first: in a document the garble gate keeps shut
(:func:`repair.detect.ocr.document_garbled`) only the repairs in :data:`SAFE_REASONS`
are proposed (garble no clean text contains).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from types import ModuleType

from repair.candidates import (
    ocr_accentkeep,
    ocr_affix,
    ocr_capcase,
    ocr_capname,
    ocr_capsfar,
    ocr_capswap,
    ocr_context,
    ocr_cutjoin,
    ocr_deepreach,
    ocr_docname,
    ocr_docrepeat,
    ocr_fragjoin,
    ocr_heavyjoin,
    ocr_heavytwo,
    ocr_hyphenkeep,
    ocr_indel,
    ocr_letter,
    ocr_lightsole,
    ocr_lightwide,
    ocr_markjoin,
    ocr_mixedunit,
    ocr_namecase,
    ocr_namejoin,
    ocr_namepair,
    ocr_nameplace,
    ocr_nameprefix,
    ocr_nameslot,
    ocr_numedge,
    ocr_numword,
    ocr_ownline,
    ocr_pagecase,
    ocr_pagecontext,
    ocr_pagefar,
    ocr_pagehabit,
    ocr_pagejoin,
    ocr_pageswap,
    ocr_periodreach,
    ocr_rarereal,
    ocr_reach,
    ocr_shortname,
    ocr_shortslot,
    ocr_shortword,
    ocr_shutjoin,
    ocr_shutlong,
    ocr_spacejoin,
    ocr_surname,
    ocr_titlecap,
    ocr_triage,
    ocr_variety,
)
from repair.candidates.ocr_abbrev import abbrev_candidates
from repair.candidates.ocr_backoff import backoff_applies, backoff_candidates
from repair.candidates.ocr_capfar import capital_far_place, clear_reading
from repair.candidates.ocr_caps import caps_candidates
from repair.candidates.ocr_capsfar import caps_far_candidates
from repair.candidates.ocr_capsword import capsword_candidates
from repair.candidates.ocr_case import capital_word_candidates, case_candidates, verse_like
from repair.candidates.ocr_casefar import casefar_candidates
from repair.candidates.ocr_closedsplit import closed_compound
from repair.candidates.ocr_compound import compound_candidates
from repair.candidates.ocr_docvocab import doc_vocab_candidates
from repair.candidates.ocr_dropped import dropped_applies, dropped_candidates
from repair.candidates.ocr_far import GATE_COST as FAR_GATE_COST
from repair.candidates.ocr_far import far_applies, far_readings
from repair.candidates.ocr_firstpass import reads_nothing
from repair.candidates.ocr_garbled_join import garbled_joins
from repair.candidates.ocr_gluedspace import glued_space_candidates
from repair.candidates.ocr_glyphjoin import glyph_join_candidates
from repair.candidates.ocr_hyphen import hyphen_candidates, reflow_candidates
from repair.candidates.ocr_hyphencase import lower_joined
from repair.candidates.ocr_initial_glyph import initial_glyph_candidates, title_glyph_candidates
from repair.candidates.ocr_initials import initial_stop_candidates
from repair.candidates.ocr_light import light_boundary_candidates, light_candidates
from repair.candidates.ocr_lightcap import margin_candidates as cap_margin_candidates
from repair.candidates.ocr_lightglyph import margin_candidates as glyph_margin_candidates
from repair.candidates.ocr_lightmerge import merge_candidates
from repair.candidates.ocr_line_join import line_joins, speck_hyphen_joins
from repair.candidates.ocr_listedword import listed_candidates
from repair.candidates.ocr_markabbrev import mark_abbrev_candidates
from repair.candidates.ocr_markjoin import mark_join_candidates
from repair.candidates.ocr_marks import (
    lone_mark_candidates,
    mark_candidates,
    shut_edge_candidates,
)
from repair.candidates.ocr_mixed import known_form as known_mixed
from repair.candidates.ocr_mixed import mixed_candidates
from repair.candidates.ocr_money import money_candidates
from repair.candidates.ocr_namepos import common_head_mid_sentence, name_position
from repair.candidates.ocr_nameshape import (
    name_shape_applies,
    name_shape_candidates,
    repeated_name_shape_candidates,
)
from repair.candidates.ocr_numglyph import numglyph_candidates
from repair.candidates.ocr_numshape import drop_piece_readings, numshape_candidates
from repair.candidates.ocr_numslot import numslot_candidates
from repair.candidates.ocr_oldspell import old_print_page, old_spelling_candidates
from repair.candidates.ocr_pagename import keep_printed_names, prefer_page_names
from repair.candidates.ocr_pageword import page_word_prior
from repair.candidates.ocr_possessive import keep_possessives, possessive_candidates
from repair.candidates.ocr_realword import (
    document_names,
    frequent_part,
    line_broken_piece,
    lone_letter_threshold,
    named_realword_candidates,
    opens_sentence,
    realword_candidates,
)
from repair.candidates.ocr_rules import after_line_hyphen as _after_line_hyphen
from repair.candidates.ocr_rules import cand as _cand
from repair.candidates.ocr_rules import counting_page, page_word_counts, word_cand
from repair.candidates.ocr_shortreal import short_nonword_candidates, short_real_candidates
from repair.candidates.ocr_shutjoin import page_join_candidates
from repair.candidates.ocr_shutreal import shut_realword_candidates
from repair.candidates.ocr_shutsplit import page_split_candidates
from repair.candidates.ocr_shutsuspect import shut_suspect_candidates
from repair.candidates.ocr_slot import slot_candidates
from repair.candidates.ocr_spacing import (
    JOIN_VALID_THRESHOLD,
    joins,
    merged_splits,
    split_pairs,
    splittable,
)
from repair.candidates.ocr_stops import lost_stop_candidates
from repair.candidates.ocr_titlepage import page_title_candidates
from repair.detect.ocr import CONFUSION_MAX_COST, token_reason
from repair.document import Document
from repair.resources.frequency import zipf
from repair.score import ocr_channel, ocr_usspell
from repair.score.ocr_channel import (
    MAX_COST,
    MAX_SUBS,
    Correction,
    _max_src_len,
    archaic_form,
    confusion_variants,
    confusions,
    correction_candidates,
    is_known,
    is_word_form,
    prefixes_of,
    single_confusions,
    transfer_case,
)
from repair.score.ocr_search import MAX_SUBS as WIDE_MAX_SUBS
from repair.score.ocr_search import cost_bound, wide_and_doc, wide_candidates
from repair.types import Candidate, Detection, Token

#: Clear errors of pages the gate keeps shut are read (:mod:`repair.candidates.ocr_light`).
LIGHT = True
#: Real words at or above this Zipf frequency are never re-read as confusions.
REALWORD_MAX_ZIPF = 5.0
#: A real-word confusion must produce a word at least this frequent.
REALWORD_TARGET_ZIPF = 5.0
#: Margin "1" -> "I" needs ("1 have", "1 shall"), compared with reading it as "one".
DIGIT_I_THRESHOLD = 0.5
#: ... and in a document that otherwise looks clean.
DIGIT_I_THRESHOLD_CLEAN = 4.0
#: Margin an unknown capitalised word (most likely a name) needs to be re-read.
CAPITAL_THRESHOLD = 2.5
#: Accents are stripped ("thé" -> "the") only in documents where at least this many
#: of the commonest words carry one: OCR that invents accents does it to "the" and
#: "about" too (ICDAR file 81), a text quoting "débris, rôle, élite" does not
#: (:func:`repair.candidates.ocr_accentkeep.common_word_accents`).
ACCENT_MIN_COUNT = 3
#: What a clean-looking document (garble score below the gate) may still have fixed:
#: garble no clean text contains ("tbe", "1aw", "ſaid", "shaU", "conc-⏎rete").
SAFE_REASONS = frozenset(
    {"garble_form", "digit_in_word", "long_s", "inner_capital", "line_end_hyphen"}
)
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
#: "AU" -> "All" in running text only when the word is this common.
CAPS_TARGET_ZIPF = 5.5
_MAX_CORRECTIONS = 12
#: All-caps words of a capitals line up to this length are re-read (longer ones are
#: non-word findings already) ...
HEADLINE_MAX_LEN = 5
#: ... as words at least this common ...
HEADLINE_TARGET_ZIPF = 4.0
#: ... with this margin (nats) when the printed form is no word ("TIIE").
HEADLINE_THRESHOLD = 1.0
#: Channel cost (nats) a capitals reading may have: a non-word ("TIIE" -> "THE" 2.0) or a
#: real word ("OP" -> "OF", "PROM" -> "FROM" 0.9).
HEADLINE_MAX_COST = 2.3
HEADLINE_REALWORD_MAX_COST = 1.0
#: Non-words of garbled documents also get symspell's one-edit readings the confusion
#: table does not list ("gola" -> "gold"), at a higher cost.
UNLISTED_IN_GARBLED = False
#: ... but one generic edit at a higher cost when no learned confusion reads a
#: lower-case non-word of a garbled page (:mod:`repair.candidates.ocr_backoff`).
BACKOFF = True
#: Split words with a misread glyph are joined and read whole
#: (:mod:`repair.candidates.ocr_garbled_join`).
GARBLED_JOIN = True
#: A garbled document is *heavily* garbled from this garble score on (the share of
#: words that look garbled; SMH newspaper pages: median 0.10; ICDAR 2017 books,
#: whose unknown words are mostly old spellings: median 0.04, 77 of 80 below 0.08).
HEAVY_GARBLE = 0.08
#: ... unless this share of its words are old spellings (:func:`archaic_form`): early
#: modern print (ICDAR files 1-27, 35-74: 25-98 per 1,000 words) is not read loosely;
#: SMH pages have 0-18 per 1,000, 19th-century books 0-14.
OLD_PRINT_SHARE = 0.02
#: Findings of heavily garbled documents read by the wide search (several errors per word).
WIDE_REASONS = frozenset({"nonword", "accented_nonword"})
#: Margin (nats) the best reading of a lower-case non-word seen once in a garbled page
#: needs (the default for non-words is :data:`repair.score.ocr.NONWORD_THRESHOLD`).
GARBLED_NONWORD_THRESHOLD = -7.0
#: Margin the best reading of such a non-word needs in a page garbled but not heavily.
LOOSE_NONWORD = True
LOOSE_NONWORD_THRESHOLD = -1.0
#: Non-words of heavily garbled pages that no candidate reads cheaply get far readings:
#: common words a few plain edits away, priced by the learned channel
#: (:mod:`repair.candidates.ocr_far`) ...
FAR = True
#: A capitalised accented non-word (:func:`repair.detect.ocr.accented_capital_garble`)
#: gets the far search in any place (a capitalised non-word otherwise only in a common
#: word's place, :mod:`repair.candidates.ocr_capfar`), and no name-shape reading.
ACCENTED_FAR = True
FAR_REASONS = frozenset({"nonword", "capitalized_unknown", "accented_nonword", "inner_capital"})
#: ... accepted at this margin (nats).
FAR_THRESHOLD = -3.0
#: A non-word that is an old spelling ("tooke") is read only as a word this common
#: (Zipf) on a heavily garbled page that is not early print (elsewhere 5.5).
ARCHAIC_HEAVY_ZIPF = 3.0
#: Non-words of garbled pages get readings with a dropped letter put back
#: (:mod:`repair.candidates.ocr_dropped`).  Off: no gain on held-out folds of SMH dev
#: (``benchmarks/ocr_drops_cv.py``; benchmarks/RESULTS.md "OCR: dropped letters").
DROPPED = False
#: Full stops the OCR lost between sentences are put back (:mod:`repair.candidates.ocr_stops`).
LOST_STOPS = True
#: Stops lost after initials are put back in heavily garbled pages
#: (:mod:`repair.candidates.ocr_initials`) ...
INITIAL_STOPS = True
#: ... and in garbled newspaper columns (:func:`_lost_stop_page`).
INITIAL_STOPS_COLUMNS = True
#: Initials misread as other glyphs ("W. II. Drew") are read on the same pages
#: (:mod:`repair.candidates.ocr_initial_glyph`).
INITIAL_GLYPHS = True
#: ... and titles before a name ("Mi J E Wilson", "MeBsrs. Addison").
TITLE_GLYPHS = True
#: Readings the page prints often get a prior from its counts
#: (:mod:`repair.candidates.ocr_pageword`: "lined" -> "fined" on a page of "fined").
PAGE_WORDS = True
#: Trust in a real word as printed, per Zipf unit, for real-word confusions (nats).
REALWORD_PRIOR_PER_ZIPF = 0.3


@dataclass
class _DocInfo:
    """Document-level signals the per-token decisions use."""

    counts: Counter[str]
    accent_noise: int = 0
    garbled: bool = False
    reference_words: frozenset[str] = frozenset()
    heavy: bool = False
    old_print: bool = False
    #: ``_corrections`` per (token, reason): a document repeats its misreadings
    corrections: dict[tuple[str, str], list] = field(default_factory=dict)
    #: page-word walks made together with a token's wide name search, until read
    doc_walks: dict[str, dict] = field(default_factory=dict)
    #: :func:`repair.candidates.ocr_capcase.printed_as_name` per token
    name_prints: dict[str, bool] = field(default_factory=dict)
    #: readings :func:`capital_wide_readings` gave a capitalised token (not in a name's place)
    capital_wide: dict[str, frozenset[str]] = field(default_factory=dict)
    #: :func:`_period_word` per token (asked up to four times for a token)
    period: dict[str, bool] = field(default_factory=dict)
    #: :func:`repair.candidates.ocr_firstpass.reads_nothing` per word type
    no_reading: dict[str, bool] = field(default_factory=dict)
    #: :func:`repair.candidates.ocr_triage.name_capital_may` per word type
    name_capital_may: dict[str, bool] = field(default_factory=dict)
    #: :func:`repair.candidates.ocr_triage.capital_word_may` per word type
    capital_word_may: dict[str, bool] = field(default_factory=dict)
    #: the learned real-word filter's answers (``ocr_realword.SKIP_MEMO``)
    real_skips: dict[tuple, bool] = field(default_factory=dict)
    #: (the document's token list, this call's own copy of it) for ``_Generator._stem``
    stem_tokens: tuple[list[Token], list[Token]] | None = field(
        default=None, repr=False, compare=False
    )

    def period_word(self, text: str) -> bool:
        known = self.period.get(text)
        if known is None:
            known = self.period[text] = _period_word(text)
        return known

    @cached_property
    def doc_prefixes(self) -> frozenset[str]:
        return prefixes_of(w for w, n in self.counts.items() if n >= DOC_SUPPORT_MIN)


class _Generator:
    """The candidate builders (one instance, no state)."""

    def candidates(
        self, doc: Document, detection: Detection, garbled: bool, by_start: dict[int, int]
    ) -> list[Candidate]:
        """``by_start``: each token's index by its start (one dict a window, issue 14)."""
        text, toks = doc.text, doc.tokens
        out: list[Candidate] = []
        counts: Counter[str] = page_word_counts(toks)  # as Counter(t.text for t in doc.words)
        ref_words = frozenset(t.text for ref in doc.reference_tokens for t in ref if t.is_word)
        for ref in doc.reference_tokens:
            counts.update(t.text for t in ref if t.kind == "word")
        # accents on the commonest words ("thé", "aboùt") are OCR noise; on "débris" or
        # "rôle" they may be the author's
        accents = ocr_accentkeep.common_word_accents(t.text for t in doc.words)
        old_print = garbled and _old_print(doc, detection)
        info = _DocInfo(
            counts,
            accents,
            garbled,
            ref_words,
            heavy=garbled and detection.score >= _heavy_gate(text) and not old_print,
            old_print=old_print,
        )
        # a page that prints old spellings: its garbled words may be old spellings too
        old_page = old_print_page(detection.details.get("reasons", {}), len(doc.words))
        period_late: list[tuple[int, str]] = []  # tokens no builder read (ocr_periodreach)
        wide_info: _DocInfo | None = None  # a gate-shut page's garbled words (ocr_lightwide)
        shut_state: dict[str, object] = {}  # the page's targets (ocr_pagecase.SHUT_PAGES)
        for f in detection.findings:
            if f.reason == "realword_suspect":
                continue  # gate evidence only; re-read in context below (garbled documents)
            if not info.garbled and f.reason not in SAFE_REASONS:
                # a clean-looking document: only unmistakable garble and clear errors
                k = by_start.get(f.start)
                if LIGHT and k is not None and not _next_to_hyphen(toks, k):
                    n_out = len(out)
                    out.extend(light_candidates(toks[k], counts, f.reason, old_page, toks, k))
                    out.extend(light_boundary_candidates(toks, k, counts, f.reason))
                    if (
                        ocr_lightwide.LIGHT_WIDE
                        and ocr_lightwide.SHUT_PAGES
                        and len(out) == n_out
                        and not old_page
                        and ocr_lightwide.garbled_token(toks[k], f.reason, counts, toks, k)
                    ):  # "the Police OiRce", "are aíso drifting": the wide readers
                        if wide_info is None:
                            wide_info = ocr_lightwide.wide_info(info)
                        found = self._token(toks, k, f.reason, wide_info)
                        out.extend(ocr_lightwide.raised(found, toks[k].text))
                    if ocr_pagecase.SHUT_PAGES and len(out) == n_out and not old_page:
                        # "Port Haoklng" on a page that prints "Hacking" twice
                        out.extend(ocr_pagecase.shut_page_candidates(toks, k, counts, shut_state))
                    if len(out) == n_out and not old_page:  # "worid", "thot": the model's margin
                        out.extend(glyph_margin_candidates(toks[k], counts, f.reason, toks, k))
                    if len(out) == n_out and not old_page:  # "Juat", "takeovér": the same margin
                        out.extend(cap_margin_candidates(toks[k], counts, f.reason, toks, k))
                    if len(out) == n_out and not old_page:  # "pievlous": one clear far word
                        out.extend(ocr_shutlong.shut_long_candidates(toks, k, counts, f.reason))
                    if ocr_lightsole.SOLE_READING and not old_page:  # "ihe", "lhe", "sodiment"
                        sole = ocr_lightsole.sole_candidates(toks[k], counts, f.reason, toks, k)
                        if sole:  # the one clear reading replaces the light readers' readings
                            del out[n_out:]
                            out.extend(sole)
                    if old_page:  # "DeviU" -> "Devill" in a clean-looking old book
                        out.extend(old_spelling_candidates(toks[k], f.reason))
                continue
            if f.reason == "line_end_hyphen":
                out.extend(hyphen_candidates(text, f.start, f.end, doc.config.reflow))
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
                found = self._token(toks, i, f.reason, info)
                if (
                    not found
                    and ocr_lightwide.LIGHT_WIDE
                    and ocr_lightwide.LIGHT_PAGES
                    and not info.heavy
                    and not info.old_print
                    and ocr_lightwide.garbled_token(toks[i], f.reason, counts, toks, i)
                ):  # a lightly garbled page's garbled word: the wide readers
                    if wide_info is None:
                        wide_info = ocr_lightwide.wide_info(info)
                    found = ocr_lightwide.raised(
                        self._token(toks, i, f.reason, wide_info), toks[i].text
                    )
                if not found and ocr_affix.AFFIXES and info.garbled:  # "Rhodcs's", "O'Rogan"
                    found = self._stem(toks, i, info)
                elif ocr_reach.STEM_TOO and info.garbled and ocr_reach.possessive_nonword(toks[i]):
                    found = ocr_reach.with_stem(found, self._stem(toks, i, info))  # "fathor's"
                if not found and ocr_nameprefix.PREFIX_NAMES and info.garbled:  # "O'ltegan"
                    tk = toks[i]
                    found = ocr_nameprefix.prefix_name_candidates(tk.text, tk.start, f.reason)
                if not found and info.garbled and not line_broken_piece(toks, i):
                    # "Frultgrowors": two words as one; "Cubltt": a name wordfreq lists
                    found = compound_candidates(toks[i].text, toks[i].start, f.reason)
                    if not found and not info.old_print and info.counts[toks[i].text] == 1:
                        found = listed_candidates(toks[i].text, toks[i].start, f.reason)
                        if not found and (
                            ocr_periodreach.PERIOD_REACH
                            or ocr_letter.LETTER_REACH
                            or ocr_deepreach.DEEP_REACH
                        ):
                            period_late.append((i, f.reason))  # read after the page builders
                out.extend(found)
                if old_page and not _next_to_hyphen(toks, i):
                    out.extend(old_spelling_candidates(toks[i], f.reason))
        garbled = info.garbled
        flagged = {f.start for f in detection.findings if f.reason != "realword_suspect"}
        lower_words = frozenset(t.text for t in doc.words if t.text.islower())
        verse = verse_like(toks, garbled=garbled)
        if not verse:  # "an In-⏎spection" -> "inspection" (session 41)
            lower_joined(out, toks, lower_words, counts, garbled=garbled)
        names = document_names(toks, counts) if garbled else frozenset()
        # each word not flagged (a "1" of a garbled page otherwise); the token's text and
        # first letter read once (the same tests in the same order; issue 14, session 38)
        heavy = info.heavy
        for i, t in enumerate(toks):
            if t.kind != "word":
                if t.kind == "number" and t.text == "1":
                    out.extend(self._digit_i(toks, i, garbled))
                continue
            if t.start in flagged:
                continue
            word = t.text
            head = word[:1]
            if head in "IJ" and not verse:
                out.extend(case_candidates(toks, i, lower_words, counts, garbled=garbled))
            if not garbled:
                continue
            capital = head.isupper()
            if text[t.end : t.end + 1] not in ("'", "’"):  # "sho'": elided
                # "Great Australian Bight", "Mr. Moors": a name, not "Right", "Moore"
                # (read only on a name-sized margin: "Now South Wales" is "New")
                named = capital and (
                    _name_context(toks, i) or (NAME_RUN and _after_name_run(toks, i))
                )
                if named:
                    out.extend(named_realword_candidates(toks, i, names, heavy))
                else:
                    none = info.no_reading.get(word)  # one test a type (issue 14)
                    if none is None:
                        none = info.no_reading[word] = reads_nothing(word, heavy)
                    if not none:
                        out.extend(self._realword(t, toks, i, names, heavy, info.real_skips))
            if word.isupper():  # capitals readings: each needs an all-capitals word
                out.extend(self._caps_in_text(toks, i))
                if heavy:  # "in BIX months": a lower-case word in capitals glyphs
                    out.extend(capsword_candidates(toks, i, counts[word]))
                out.extend(self._caps_headline(toks, i))
                line = _caps_neighbour(toks, i) or (
                    ocr_pagecase.CAPS_LINE and ocr_pagecase.caps_line(toks, i)
                )  # "WOOL, FLANS": a capitals line across a comma
                out.extend(caps_candidates(toks, i, line, counts))
            if capital and word[1:].islower():
                # the word's own tests, once a type (ocr_triage)
                if ocr_triage.may(info.capital_word_may, word, ocr_triage.capital_word_may):
                    out.extend(capital_word_candidates(toks, i))
            elif capital and not word.isupper() and known_mixed(word):
                pass  # "NaCl", "YouTube": a real mixed-case form
            elif heavy and capital:  # "RobinBon": OCR's capitals
                mixed = mixed_candidates(toks, i, counts[word])
                # "AWATiD": the far searches, in the token's casing
                # "TnBATRn": a capitals word garbled beyond the far searches
                found = mixed or caps_far_candidates(toks, i, "mixed_case", counts[word])
                out.extend(found or casefar_candidates(toks, i, counts[word], "mixed_case"))
            elif capital:  # "RtiRby" on a lightly garbled page
                out.extend(mixed_candidates(toks, i, counts[word], heavy=False))
            if head.islower() and not word.islower():
                out.extend(case_candidates(toks, i, lower_words, counts, garbled=garbled))
            elif ocr_namecase.NAME_RUN_CAPITAL and head.islower():  # "Horace leslie Appleton"
                if ocr_triage.may(info.name_capital_may, word, ocr_triage.name_capital_may):
                    out.extend(ocr_namecase.name_capital_candidates(toks, i, counts))
        if garbled:
            found = sorted({by_start[f.start] for f in detection.findings if f.start in by_start})
            if ocr_pagecase.CASE_TARGETS:  # "OOPP" beside "Copp" x6: capitals, no finding
                found = ocr_pagecase.caps_indices(toks, found)
            out.extend(doc_vocab_candidates(toks, found, counts, old_print=info.old_print))
            if ocr_pagecase.NAME_SLOT:  # "lames Hill" beside "James" x4
                out.extend(ocr_pagecase.name_slot_candidates(toks, counts))
            if ocr_docname.DOC_NAME:  # "Tohn" beside "John" x2: plain edits, the page's odds
                priced = ocr_docname.priced(out)
                suspects: frozenset[int] = frozenset()
                if ocr_ownline.TWO_EDITS or ocr_ownline.REAL_WORDS:  # the print's own line
                    suspects = frozenset(
                        by_start[f.start] for f in detection.findings if f.start in by_start
                    )
                out.extend(
                    ocr_docname.doc_name_candidates(
                        toks, counts, priced, heavy=info.heavy, suspects=suspects
                    )
                )
            # the spans ``out`` reaches, each candidate read once while ``out`` grows
            reach = _Reached(out)
            if info.heavy and ocr_pagefar.PAGE_FAR:  # "Rognnont" beside "Regiment"
                reached = reach.now()
                out.extend(ocr_pagefar.page_far_candidates(toks, found, counts, reached))
            if info.heavy and ocr_context.CONTEXT:  # "It is cipcctcd that": "expected"
                reached = reach.now()
                reasons = {f.start: f.reason for f in detection.findings}
                readings: dict[tuple[int, int], dict[str, float]] = {}
                if ocr_context.OVER_READINGS:  # each span's readings, at their cheapest
                    for c in out:
                        got = readings.setdefault((c.start, c.end), {})
                        w, cost = c.replacement.lower(), float(c.features.get("cost", 0.0))
                        got[w] = min(cost, got.get(w, cost))
                out.extend(
                    ocr_context.context_candidates(
                        toks, found, counts, reached, info.period_word, reasons, readings
                    )
                )
            if info.heavy and ocr_rarereal.RARE_REAL:  # "in the nutter will": "matter"
                reached = reach.now()
                out.extend(
                    ocr_rarereal.rare_real_candidates(toks, counts, reached, info.period_word)
                )
            if period_late:  # "recognlsanco": the period lists, where no page builder read
                reached = reach.now()
                well: dict[str, int] | None = None
                for i, reason in period_late:
                    t = toks[i]
                    if (
                        (t.start, t.end) not in reached
                        and ocr_periodreach.standalone(toks, i)
                        and not ocr_periodreach.printed_otherwise(t.text, info.counts)
                    ):
                        got = ocr_periodreach.period_candidates(t.text, t.start, reason)
                        if (
                            not got
                            and ocr_letter.LETTER_REACH  # "considerration"
                            and not ocr_letter.broken_word(toks, i)
                        ):
                            if well is None:  # the page's words no finding flagged
                                bad = {toks[by_start[s]].text for s in flagged if s in by_start}
                                well = {w: n for w, n in info.counts.items() if w not in bad}
                            got = ocr_letter.letter_candidates(
                                t.text, t.start, reason, well, info.heavy
                            )
                        if (  # "Llsmorr": two glyph errors beyond every learned bound
                            not got
                            and info.heavy
                            and ocr_deepreach.DEEP_REACH
                            and not ocr_letter.broken_word(toks, i)
                        ):
                            got = ocr_deepreach.deep_candidates(t.text, t.start, reason)
                        out.extend(got)
            if info.heavy and ocr_heavytwo.HEAVY_TWO:  # "juiuor" -> junior: the LM's pick
                # last of the page builders: a reading here reaches no span for them
                whole = [
                    i for i in found if not (_next_to_hyphen(toks, i) or line_broken_piece(toks, i))
                ]  # "condi- tions", "seule-⏎ment": a piece of a broken word
                out.extend(
                    ocr_heavytwo.page_candidates(toks, whole, detection.findings, counts, out)
                )
            if info.heavy and ocr_capswap.CAP_SWAP:  # "Terence Toseph Murphy": "Joseph"
                out.extend(ocr_capswap.capswap_candidates(toks, found, counts, out))
            if info.heavy:  # "bulk of tin new crop": the slot's "the", against all readings
                out.extend(slot_candidates(toks, out))
            elif not info.old_print:  # "and it s unlikely": wider margins (``LIGHT_PAGES``)
                out.extend(slot_candidates(toks, out, light=True))
            out.extend(split_pairs(toks, flagged, garbled))
            reasons = {f.start: f.reason for f in detection.findings}
            out.extend(line_joins(toks, reasons))  # "ban⏎quoted": both pieces words
            out.extend(possessive_candidates(toks))  # "John s" -> "John's"
            if not info.heavy and not info.old_print:  # "it.The", "don'teven" (light pages)
                out.extend(glued_space_candidates(toks, open_page=True))
            if info.heavy and ocr_spacejoin.SPACE_JOIN:  # "dol ars" -> "dollars"
                out.extend(ocr_spacejoin.space_join_candidates(toks, flagged, by_start))
            if info.heavy and ocr_heavyjoin.HEAVY_JOIN:  # "prison ors", "rail w aj" (session 60)
                taken = {(c.start, c.end, c.replacement) for c in out}
                out.extend(ocr_heavyjoin.heavy_join_candidates(toks, flagged, taken))
            if ocr_pagejoin.PAGE_JOIN and (info.heavy or not ocr_pagejoin.HEAVY_ONLY):
                out.extend(ocr_pagejoin.page_join_candidates(toks, info.counts))  # "dol ars"
            if (ocr_fragjoin.FRAG_JOIN_HEAVY if info.heavy else ocr_fragjoin.FRAG_JOIN_OPEN) and (
                not info.old_print
            ):  # "wi th", "be en" on a garbled page: a piece no word
                out.extend(ocr_fragjoin.frag_join_candidates(toks, shut=False))
            if ocr_cutjoin.CUT_JOIN and not info.old_print:  # "Coin- |⏎mittee", "Nea« castle"
                out.extend(ocr_cutjoin.cut_join_candidates(toks, info.counts))
            if ocr_namejoin.NAME_JOIN and not info.old_print:  # "Prank fort", "Kev In"
                out.extend(ocr_namejoin.name_join_candidates(toks, info.counts))
            if info.heavy:  # "Com-nittee", "diffi-.uit": a word broken by a stray mark
                joined = glyph_join_candidates(toks)
                out.extend(joined)
                taken = frozenset((c.start, c.end) for c in joined)
                out.extend(mark_join_candidates(toks, taken))  # "w-as", "a-nount"
            elif ocr_markjoin.LIGHT_PAGES and not info.old_print:  # "coa.it" on a light page
                out.extend(mark_join_candidates(toks, frozenset()))
            out.extend(speck_hyphen_joins(toks))  # "Satur- ¡⏎day"
            out.extend(mark_candidates(toks, info.heavy))
            # "nothing bu* canvassing": "but"; "bear their omi costs": "own"
            out.extend(ocr_shortslot.short_slot_candidates(toks, out, info.heavy, info.old_print))
            out.extend(lone_mark_candidates(toks))
            digits = frozenset(
                (f.start, f.end) for f in detection.findings if f.reason == "digit_in_word"
            )
            out = drop_piece_readings(out, text) + numshape_candidates(text, digits)
            money = money_candidates(text)  # "5s GJ costs" -> "6d"
            if money:  # a sum has no context the language model could judge: it wins
                sums = {(c.start, c.end) for c in money}
                out = [c for c in out if (c.start, c.end) not in sums] + money
            nums = numglyph_candidates(toks)  # "age of SO years" -> "80"; "15.000 chests"
            if nums:  # figures again: no context the language model could judge
                spans = {(c.start, c.end) for c in nums}
                out = [c for c in out if (c.start, c.end) not in spans] + nums
            slots = numslot_candidates(toks, text)  # "93C tons" -> "936"; "dusty .12 to 14"
            if slots:  # figures by their slot: no context the language model could judge
                spans = {(c.start, c.end) for c in slots}
                out = [c for c in out if (c.start, c.end) not in spans] + slots
            if ocr_numedge.EDGE_SLOT:  # "Jan. l8", "About l8 months": a figure's slot
                edges = ocr_numedge.numedge_candidates(toks)
                spans = {(c.start, c.end) for c in edges}
                out = [c for c in out if (c.start, c.end) not in spans] + edges
            if ocr_numword.DIGIT_WORDS:  # "Tho following l8 a list": "is"
                words = ocr_numword.numword_candidates(toks)
                spans = {(c.start, c.end) for c in words}
                out = [c for c in out if (c.start, c.end) not in spans] + words
            if LOST_STOPS and _lost_stop_page(text, info) and not verse:
                out.extend(lost_stop_candidates(toks, names))
            if (
                INITIAL_STOPS
                and (info.heavy or INITIAL_STOPS_COLUMNS)
                and _lost_stop_page(text, info)
            ):
                out.extend(initial_stop_candidates(toks))  # "G B Brodie" -> "G. B. Brodie"
                if INITIAL_GLYPHS or TITLE_GLYPHS:
                    out = _initial_glyphs(out, toks)  # "W. II. Drew" -> "W. H. Drew"
            out = ocr_nameplace.drop_common_readings(out, toks, by_start, counts)  # "Mr. Tooso"
            out = ocr_nameplace.name_place_margin(out, toks, by_start, counts)  # "Mr. Tooso"
            out = prefer_page_names(out, counts)  # "Rodney Mbiia" on a page of "Mbua"
            out = keep_printed_names(out, counts)  # "Seles" x5 is no "Sales"
            out = keep_possessives(out, text, light=not info.heavy)  # "Organisation's" is no plural
            if PAGE_WORDS:
                out = page_word_prior(out, toks)
            if ocr_pagecontext.PAGE_CONTEXT:  # "the now quintessential" x3 is no "new"
                out = ocr_pagecontext.page_context_prior(out, toks)
            out = ocr_titlecap.title_capitals(out, toks, text)  # "ilurtlculturnl Society"
        elif LIGHT:  # "told\nI him": a column rule beside a line of a clean-looking page
            out.extend(shut_edge_candidates(text, toks))
            out.extend(shut_realword_candidates(text, toks, counts))  # "resumed hy the"
            out.extend(shut_suspect_candidates(toks, counts, detection.findings))  # "tho"
            pairs = None  # the page's pairs, scanned once for both joins (issue 14)
            if ocr_shutjoin.SHARED_PAIRS and ocr_fragjoin.MIN_LEN == ocr_shutjoin.MIN_LEN:
                pairs = ocr_shutjoin.pair_list(toks)
            out.extend(page_join_candidates(toks, counts, pairs))  # "tho se" on a page of "those"
            # "wi th": a piece no word; "for ward" where the page has a finding
            out.extend(
                ocr_fragjoin.frag_join_candidates(
                    toks, findings=bool(detection.findings), pairs=pairs
                )
            )
            out.extend(page_split_candidates(toks, counts))  # "ofthe" on a page of "of", "the"
            out.extend(glued_space_candidates(toks))  # "summit,the", "don'teven"
            out.extend(merge_candidates(toks, counts))  # "thatinvestor": the model's margin
        if doc.config.reflow:
            out.extend(reflow_candidates(text, toks))
        return out

    def _stem(self, toks: list[Token], i: int, info: _DocInfo) -> list[Candidate]:
        """The readings of a garbled word inside an affix (:mod:`repair.candidates.ocr_affix`),
        each editing the stem's span only."""
        tok = toks[i]
        cut = ocr_affix.split_affix(tok.text)
        if cut is None:
            return []
        stem = tok.text[cut[0] : cut[1]]
        if not stem.isalpha() and ocr_affix.split_affix(stem) is None:
            return []
        inner = Token(stem, tok.start + cut[0], tok.start + cut[1], tok.kind)
        # the stem stands in the token's place while it is read: swapped into this call's
        # own copy of the token list (made once per document, never the document's list,
        # which other documents of the same text may share) and back, not a copy of the
        # window's token list per affixed word (issue 14)
        if info.stem_tokens is None or toks is not info.stem_tokens[1]:
            if info.stem_tokens is None or toks is not info.stem_tokens[0]:
                info.stem_tokens = (toks, list(toks))
            toks = info.stem_tokens[1]
        toks[i] = inner
        try:
            if not stem.isalpha():  # "O'Rogan's": the prefix next
                return self._stem(toks, i, info)
            reason = token_reason(inner, opens_sentence(toks, i))
            if reason not in ("nonword", "capitalized_unknown") or is_known(stem.lower()):
                return []
            return self._token(toks, i, reason, info)
        finally:
            toks[i] = tok

    def _token(self, toks: list[Token], i: int, reason: str, info: _DocInfo) -> list[Candidate]:
        tok = toks[i]
        if len(tok.text) > MAX_TOKEN_LEN:
            return []  # not a word that lost a glyph or a space: leave it
        out = joins(toks, i, reason) if info.garbled else []
        if GARBLED_JOIN and info.garbled and reason == "nonword":
            out += garbled_joins(toks, i, reason, info.heavy)  # "Com monwialth" -> "Commonwealth"
        if _next_to_hyphen(toks, i) and not (info.garbled and _compound_piece(toks, i)):
            return out  # a piece of a hyphenated word ("medita-tion", "bric-à-brac")
        if reason == "inner_capital" and ocr_mixedunit.mixed_unit(toks, i):
            return []  # "250 mL", "13.5 kWh": a unit's own casing
        if _after_line_hyphen(toks, i):
            return out  # the second half of a word broken at a line end ("rc-⏎cently")
        if reason == "garble_form" and tok.text.isupper() and len(tok.text) > 1:
            if info.garbled and _caps_neighbour(toks, i):
                out += self._caps_headline(toks, i)  # "TIIE LIST": a capitals line
            return out  # an acronym (AUD, BIS), not "tbe"
        feats = {"finding": reason, "orig": [tok.text]}
        capital = reason == "capitalized_unknown"
        name_like = capital and (info.counts[tok.text] >= 2 or tok.text in info.reference_words)
        if name_like and not (
            self._misread_initial(tok.text)
            and not ocr_capcase.printed_as_name(toks, tok.text, info.name_prints)
        ):
            # a repeated (or referenced) capitalised word is a name, not a misreading,
            # unless its shape says garble very clearly ("Fdward" twice)
            if info.garbled and not info.old_print and tok.text not in info.reference_words:
                out += repeated_name_shape_candidates(
                    toks, i, reason, info.counts[tok.text], info.heavy
                )
                if not out and ocr_capname.repeat_applies(tok.text, info.counts[tok.text]):
                    # "Frnest" x2; on a heavy page also "Mnngrovo" x2 (the wide search)
                    found = _name_readings(tok, reason, info, wide=ocr_capname.REPEAT_WIDE)
                    out += ocr_capname.name_shaped(tok.text, found)
            return out
        few_accents = info.accent_noise < ACCENT_MIN_COUNT
        if reason == "spurious_accent" and not info.garbled and few_accents:
            # one accented word in clean text is a loan word ("détente"), not noise; in a
            # garbled page the reading must still gain 1.5 Zipf ("défendant", "allôwed")
            return out
        if reason in ("nonword", "archaic") and archaic_form(tok.text):
            best = correction_candidates(tok.text)[:1]
            # a heavily garbled page that is not early print has few old spellings:
            # "loaving" is "leaving" there, not "loving" spelled with an "a"
            min_z = ARCHAIC_HEAVY_ZIPF if info.heavy and not info.old_print else 5.5
            if not best or best[0].cost > CONFUSION_MAX_COST or zipf(best[0].text.lower()) < min_z:
                return out  # old spelling ("tooke", "shee"), not an OCR error ("uow": now)
        if capital and info.garbled and not ocr_namepair.name_pair_piece(toks, i):
            # "Kneser–Ney": a piece of a dashed name pair is a rare name, not a misread one
            out += _name_readings(tok, reason, info, far=ocr_capname.far_limit(toks, i))
        elif (
            ocr_capname.far_start(tok.text, reason)
            and info.heavy
            and not info.old_print
            and not ocr_namepair.name_pair_piece(toks, i)
        ):
            limit = ocr_capname.far_limit(toks, i)
            if limit is not None:  # "v. Sudleir."
                out += _name_readings(tok, reason, info, far_only=True, far=limit)
        corrections = self._corrections(tok.text, reason, info)
        wide_caps = info.capital_wide.get(tok.text)
        # after a title or between capitals ("Captain Meaburn", "Henry Besly Smith") a
        # far reading is a name's garble only the name list can read
        name_place = bool(wide_caps) and _name_context(toks, i)
        shape = info.garbled and not info.old_print
        accented = reason == "accented_nonword" and tok.text[:1].isupper()
        if shape and not accented and name_shape_applies(tok.text, info.counts[tok.text]):
            # "Chivcrs": names no list knows; "Soutiiwiok": the listed name it steps towards
            # (not a far common word in a name's place: "Captain Sccrctaiy")
            words = wide_caps if name_place and wide_caps else frozenset()
            shaped = name_shape_candidates(toks, i, reason, info.heavy, words)
            built = {c.replacement for c in out if c.start == tok.start and c.end == tok.end}
            out += [c for c in shaped if c.replacement not in built]  # the far name's too
        initial = tok.text[:1].isupper() and opens_sentence(toks, i)
        in_names = tok.text[:1].isupper() and _between_capitals(toks, i)
        if name_place and wide_caps:
            corrections = [x for x in corrections if x[0].text not in wide_caps]
        for c, rule, cost, thr in corrections:
            word = _initial_case(c.text, tok.text, initial)  # once a reading (issue 14)
            if word != c.text and ocr_capname.capital_row_lowered(tok.text, c.text, c.subs):
                if in_names or not (
                    (ocr_capname.CAPITAL_PHRASE and _after_capitalised(toks, i))
                    or ocr_capname.capital_kept(c.text)  # "Major- Ueneral": General
                ):
                    continue  # "Eileen Mavo" -> "Have" -> "have": a capital read as a capital
                word = c.text  # "New Guinea Rxpedition": a capitalised phrase keeps it
            # between two capitalised words ("James Batea Gerald", "Picnic Kaco Club") a
            # capitalised token is a name, not a lower-case word ("rates", "race")
            if in_names and word[:1].islower():
                continue
            out.append(
                _cand(
                    tok.start,
                    tok.end,
                    word,
                    rule,
                    **feats,
                    threshold=thr,
                    alt=[c.text],
                    cost=cost,
                    subs=c.subs,  # the cached reading's own pairs (no copies: issue 14)
                )
            )
        if BACKOFF and info.garbled and not info.old_print and reason == "nonword":
            # garble the table never saw; early modern print has old spellings instead
            if backoff_applies(toks, i, info.counts, info.period_word(tok.text)):
                listed = [c.cost for c in correction_candidates(tok.text)]
                out += backoff_candidates(tok, listed, reason)
        if FAR and info.heavy and reason in FAR_REASONS:
            place = capital_far_place(toks, i)  # "the Distict", not "Miss Tasma"
            # "Îrinclpal", "Föderal": an accent no listed name or word has (the detector's
            # ``accented_capital_garble``) is garble wherever it stands; one clear reading
            place = place or (ACCENTED_FAR and accented)
            out += self._far(tok, reason, info, initial, in_names, out, place)
            if not any(c.start == tok.start and c.end == tok.end for c in out):
                out += casefar_candidates(toks, i, info.counts[tok.text], reason)  # "JJeeember"
            if ocr_capsfar.OVER_READINGS or not any(
                c.start == tok.start and c.end == tok.end for c in out
            ):
                out += caps_far_candidates(toks, i, reason, info.counts[tok.text])  # "MUSPIIV"
        if DROPPED and info.garbled and not info.old_print:  # "Distict" -> "District"
            if dropped_applies(tok.text, reason, info.counts, info.period_word(tok.text)):
                out += dropped_candidates(tok, reason, [c.replacement for c in out], info.counts)
        if (
            info.heavy
            and reason in ("nonword", "inner_capital")
            and _gluedfw().applies(tok.text, reason)
        ):
            out += _glued_fw(tok, feats, out)  # "thorosolutton" -> "the resolution"
        if info.heavy and reason in ("nonword", "capitalized_unknown"):
            out += short_nonword_candidates(toks, i, out, feats)  # "wro" -> "were"
        known = is_known(tok.text)
        # a capitalised form the page repeats is a name, never split ("M. Caron" x3)
        recurring = tok.text[:1].isupper() and info.counts[tok.text] >= DOC_SUPPORT_MIN
        if splittable(tok.text) and not known and info.garbled and not recurring:
            # a valid word form ("datasets": dataset + s) is split on strong evidence only
            split_thr = CAPITAL_THRESHOLD if capital else None
            if is_word_form(tok.text):
                split_thr = JOIN_VALID_THRESHOLD
            listed = LISTED_SPLIT and zipf(tok.text.lower()) >= LISTED_SPLIT_ZIPF
            # in a name's position only a name the page prints: "Mr Trumpto", not "Mr. Talland"
            name_pos = name_position(toks, i)
            repeated = (
                PAGE_COMPOUNDS
                and tok.text.isalpha()  # not "it'sbeen" x2: a clitic glued to a word
                and info.counts[tok.text] >= PAGE_COMPOUND_MIN
            )
            for parts, cost in merged_splits(tok.text, capital):
                if name_pos and not info.counts[parts[0]]:
                    continue
                if capital and common_head_mid_sentence(toks, i, parts):
                    continue  # "of Howlong", "Jane Byan": a place, a surname
                if repeated and _content_pair(parts):
                    continue  # "redtape" x3, "decisionmaking" x2: the page's compound
                if closed_compound(tok.text, parts):
                    continue  # "alltime", "redtape": the web prints it closed (session 52)
                thr = split_thr
                if _known_compound(tok.text, parts):
                    thr = max(thr or 0.0, KNOWN_COMPOUND_THRESHOLD)  # "industrywide"
                out.append(
                    _cand(
                        tok.start,
                        tok.end,
                        " ".join(parts),
                        "OCR_SPLIT_MERGED",
                        **feats,
                        alt=list(parts),
                        cost=cost,
                        threshold=(
                            max(thr or 0.0, LISTED_SPLIT_THRESHOLD)
                            if listed and _unpaired(parts)
                            else thr
                        ),  # "bushfires" is no "bush fires"; "ofthe" is "of the"
                    )
                )
        return out

    def _far(
        self,
        tok: Token,
        reason: str,
        info: _DocInfo,
        initial: bool,
        in_names: bool,
        found: list[Candidate],
        place: bool = False,
    ) -> list[Candidate]:
        """Far readings (:mod:`repair.candidates.ocr_far`) of a heavy page's non-word that
        no candidate reads cheaply: "conllnuid" -> "continued", "Cmincil" -> "Council"; a
        capitalised one only in a common word's ``place`` (:mod:`repair.candidates.ocr_capfar`)."""
        text = tok.text
        period, inner = info.period_word(text), reason == "inner_capital"
        applies = far_applies(text, info.counts, period, inner, capitals=place or None)
        ocr_farlong = _farlong()
        # long words garbled beyond the far search (:mod:`repair.candidates.ocr_farlong`)
        long_ok = ocr_farlong.FAR_LONG and far_applies(
            text, info.counts, period, inner, capitals=ocr_farlong.CAPITALS or place or None
        )
        if not (applies or long_ok):
            return []
        if any(float(c.features.get("cost", 99.0)) < FAR_GATE_COST for c in found):
            return []
        if any(c.source == "OCR_NAME" for c in found):
            return []
        out = []
        readings = far_readings(text) if applies else ()
        if not readings and long_ok:
            costs = [float(c.features.get("cost", 99.0)) for c in found]
            readings = ocr_farlong.readings_over(text, costs)
        if place and text[:1].isupper():
            readings = clear_reading(readings)  # a name no list knows is near several words
        for c in readings:
            word = _initial_case(transfer_case(text, c.text), text, initial)
            if in_names and word[:1].islower():
                continue
            out.append(
                word_cand(
                    tok,
                    word,
                    "OCR_SPELLING",
                    finding=reason,
                    cost=c.cost,
                    threshold=FAR_THRESHOLD,
                    far=True,
                )
            )
        return out

    def _corrections(
        self, text: str, reason: str, info: _DocInfo
    ) -> list[tuple[Correction, str, float, float | None]]:
        """(correction, rule, cost, threshold) for one token: table variants and doc words
        (computed once per distinct token and reason of the document)."""
        key = (text, reason)
        memo = info.corrections.get(key)
        if memo is None:
            memo = info.corrections[key] = self._corrections_of(text, reason, info)
        return memo

    def _corrections_of(
        self, text: str, reason: str, info: _DocInfo
    ) -> list[tuple[Correction, str, float, float | None]]:
        capital = reason == "capitalized_unknown"
        # a non-word the web uses ("nuff", "awa": dialect, loan words) looks clean: it is
        # re-read only by a listed confusion with a large LM gain
        rare_word = reason == "nonword" and zipf(text.lower()) >= RARE_WORD_ZIPF
        out = []
        unlisted = UNLISTED_IN_GARBLED and info.garbled and reason == "nonword"
        # a lower-case non-word of a garbled page, seen once, is nearly always garble:
        # its best reading needs less of a margin, and a wider search finds readings
        # several errors away (:mod:`repair.score.ocr_search`)
        lone_garble = (
            (info.heavy or info.garbled)
            and reason in WIDE_REASONS
            and not rare_word
            and text.islower()
            and info.counts[text] < DOC_SUPPORT_MIN
            and not info.counts[text.capitalize()]  # printed capitalised: a name
            and not info.period_word(text)
        )
        wide = info.heavy and lone_garble
        cap_heavy = reason in ("nonword", "capitalized_unknown") and _capital_garble(text, info)
        # the same reading of a garbled page that is not heavily garbled: a lower threshold
        loose = LOOSE_NONWORD and info.garbled and lone_garble and not info.old_print
        for c in correction_candidates(text, unlisted)[:_MAX_CORRECTIONS]:
            if rare_word and not c.listed:
                continue
            same_initial = c.text[:1] == text[:1]
            min_z = CAPITAL_GARBLED_TARGET_ZIPF if cap_heavy else 4.0
            if capital and same_initial and zipf(c.text.lower()) < min_z:
                continue  # a name stays unless it reads as a common word
            if reason == "spurious_accent" and zipf(c.text.lower()) < zipf(text.lower()) + 1.5:
                continue
            cost = c.cost - (DOC_SUPPORT_BONUS if info.counts[c.text] >= 1 else 0.0)
            thr = CAPITAL_THRESHOLD if capital and same_initial else None
            if thr is None and (wide or loose):
                thr = GARBLED_NONWORD_THRESHOLD if wide else LOOSE_NONWORD_THRESHOLD
            if cap_heavy and (info.heavy or c.cost <= CAPITAL_LIGHT_MAX_COST):
                thr = CAPITAL_GARBLED_THRESHOLD
            if rare_word:
                thr = RARE_WORD_THRESHOLD
            out.append((c, "OCR_CONFUSION" if c.listed else "OCR_SPELLING", cost, thr))
        seen = {c.text for c, *_ in out}
        if CAPITAL_WIDE and cap_heavy and info.heavy and text[:1].isupper():
            wide_caps = capital_wide_readings(text, seen)  # "Sccrctaiy" -> "Secretary"
            info.capital_wide[text] = frozenset(c.text for c, *_ in wide_caps)
            out += wide_caps
        in_doc = None
        if wide:
            # one walk for both searches (same bounds): the wide one and the page's words
            readings, in_doc = wide_and_doc(text, info.doc_prefixes)
            for c in readings[:_MAX_CORRECTIONS]:
                if c.text in seen:
                    continue
                seen.add(c.text)
                out.append((c, "OCR_CONFUSION", c.cost, GARBLED_NONWORD_THRESHOLD))
        # Words of the document itself (names the dictionary lacks: "Jinpiug" -> "Jinping").
        # (in heavily garbled pages as far as the wide search goes: "Svdnoj" -> "Sydney")
        if in_doc is None and info.heavy:
            in_doc = info.doc_walks.pop(text, None)  # made with the wide name search
        if in_doc is None:
            bound = (cost_bound(text), WIDE_MAX_SUBS) if info.heavy else (MAX_COST, MAX_SUBS)
            in_doc = confusion_variants(text, info.doc_prefixes, *bound)
        for variant, (cost, subs) in in_doc.items():
            if variant in seen or info.counts[variant] < DOC_SUPPORT_MIN:
                continue
            corr = Correction(variant, cost, subs, True)
            out.append((corr, "OCR_DOC_WORD", cost - DOC_SUPPORT_BONUS, 0.0))
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
        if REGNAL_NUMERALS and _regnal(toks, i):
            return []  # "James II and VII", "World War II": a numeral after a name
        out = []
        # only readings of Zipf >= CAPS_TARGET_ZIPF are kept: the walk reads a frequent
        # part (the same readings, costs and order), not the full dictionary set
        part = frequent_part(CAPS_TARGET_ZIPF)
        for variant, (cost, subs) in confusion_variants(tok.text, part).items():
            if variant[1:].islower() and zipf(variant.lower()) >= CAPS_TARGET_ZIPF:
                out.append(
                    word_cand(
                        tok,
                        variant,
                        "OCR_CONFUSION",
                        finding="caps_in_text",
                        cost=cost,
                        threshold=2.0,
                        subs=[list(x) for x in subs],
                    )
                )
        return out

    def _caps_headline(self, toks: list[Token], i: int) -> list[Candidate]:
        """ "TIIE NKW", "OP THE": a short all-caps word in a capitals line (a headline)
        that the detector left alone as a possible acronym, or a real word there, re-read
        by the confusion model (capital rows included) as a common word."""
        tok = toks[i]
        text = tok.text
        if not (2 <= len(text) <= HEADLINE_MAX_LEN and text.isalpha() and text.isupper()):
            return []
        if not _caps_neighbour(toks, i):
            return []
        known = is_known(text.lower())
        if known and zipf(text.lower()) >= REALWORD_MAX_ZIPF:
            return []
        out = []
        for c in correction_candidates(text)[:_MAX_CORRECTIONS]:
            if zipf(c.text.lower()) < HEADLINE_TARGET_ZIPF:
                continue
            if c.cost > (HEADLINE_REALWORD_MAX_COST if known else HEADLINE_MAX_COST):
                continue  # "JTS" -> "YES", "MB" -> "ME": too far for a capitals guess
            out.append(
                _cand(
                    tok.start,
                    tok.end,
                    c.text,
                    "OCR_REALWORD" if known else "OCR_CONFUSION",
                    finding="caps_headline",
                    orig=[text],
                    alt=[c.text],
                    cost=c.cost,
                    orig_known=known,
                    prior_per_zipf=REALWORD_PRIOR_PER_ZIPF if known else None,
                    threshold=None if known else HEADLINE_THRESHOLD,
                    subs=[list(x) for x in c.subs],
                )
            )
        return out

    def _realword(
        self,
        tok: Token,
        toks: list[Token],
        i: int,
        names: frozenset[str],
        heavy: bool,
        skips: dict[tuple, bool] | None = None,
    ) -> list[Candidate]:
        """A real word re-read as another, in context: lone letters here ("m" for "in"),
        words by :func:`repair.candidates.ocr_realword.realword_candidates` (``skips``: its
        document memo)."""
        if len(tok.text) > 1:
            out = realword_candidates(toks, i, names, heavy, skips)
            light = not heavy and ocr_shortword.GARBLED_PAGES
            if (
                not out
                and (heavy or light)
                and ocr_shortword.SHORT_WORDS
                and _lone_letter_place(toks, i)
            ):
                out = [
                    word_cand(
                        tok,
                        word,
                        "OCR_REALWORD",
                        finding="realword",
                        cost=cost,
                        orig_known=True,
                        **({"threshold": ocr_shortword.GARBLED_THRESHOLD} if light else {}),
                    )
                    for word, cost in ocr_shortword.short_readings(tok.text)
                ]
            if ocr_triage.TRIAGE and not ocr_triage.short_real_may(tok.text, heavy):
                return out  # no short real reading in any context (ocr_triage)
            return out + short_real_candidates(toks, i, out, heavy)  # "tie use" -> "the"
        if not _lone_letter(tok, toks, i):
            return []
        out = []
        for c in single_confusions(tok.text):
            if c.text != "i" and zipf(c.text.lower()) >= REALWORD_TARGET_ZIPF:
                out.append(
                    word_cand(
                        tok,
                        c.text,
                        "OCR_REALWORD",
                        finding="realword",
                        cost=c.cost,
                        orig_known=True,
                        prior_per_zipf=REALWORD_PRIOR_PER_ZIPF,
                        threshold=lone_letter_threshold(tok.text, heavy),
                        subs=[list(x) for x in c.subs],
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

    # -- scoring ------------------------------------------------------------


class _Reached:
    """The spans ``(start, end)`` of a candidate list that only grows (``out.extend``):
    :meth:`now` is ``frozenset((c.start, c.end) for c in out)``, each candidate read once
    however often it is asked (four page builders ask it of ~80 k candidates a 100 k-word
    page: issue 14, session 39)."""

    __slots__ = ("_out", "_spans", "_upto")

    def __init__(self, out: list[Candidate]) -> None:
        self._out = out
        self._spans: set[tuple[int, int]] = set()
        self._upto = 0

    def now(self) -> frozenset[tuple[int, int]]:
        out, spans = self._out, self._spans
        if self._upto > len(out):  # not grown only: counted again
            spans.clear()
            self._upto = 0
        spans.update([(c.start, c.end) for c in out[self._upto :]])
        self._upto = len(out)
        return frozenset(spans)


_GENERATOR = _Generator()


def ocr_candidates(doc: Document, detection: Detection, garbled: bool) -> list[Candidate]:
    """All candidates of the ocr stage for ``doc`` (``garbled``: the gate is open)."""
    with counting_page(doc.tokens):  # the builders share one count of the page's words
        return _ocr_candidates(doc, detection, garbled)


def _ocr_candidates(doc: Document, detection: Detection, garbled: bool) -> list[Candidate]:
    by_start = {t.start: i for i, t in enumerate(doc.tokens)}
    out = _GENERATOR.candidates(doc, detection, garbled, by_start)
    if out and ocr_channel.INDEL_ROWS:  # lost-letter rows: heavily garbled pages only
        heavy = detection.score >= _heavy_gate(doc.text) and not _old_print(doc, detection)
        out = ocr_indel.keep_heavy_only(out, garbled and heavy, doc.text)
    if ocr_pagehabit.PAGE_HABITS and detection.findings:  # the page's own habits (no table row)
        found = [(by_start[f.start], f.reason) for f in detection.findings if f.start in by_start]
        out = ocr_pagehabit.with_page_habits(doc.tokens, found, out, garbled)
    if out and detection.score < _heavy_gate(doc.text):
        out = _keep_hyphen_names(doc.tokens, by_start, out)  # "Ian Hore-Lacy" on a light page
        out = _keep_elongated(doc.text, out)  # "Auuuuuugh!", "Camaaaaaargue?" on a light page
        out = _keep_hyphen_chains(doc.tokens, by_start, out)  # "ecky-ecky-pikang-zoop-boing"
    out = ocr_usspell.guard_page(doc.words, out)  # a "labour" page reads no "labor"
    if ocr_variety.VARIETY_MOVE and out:  # "recognlsanco" on a "colour" page: recognisance
        out = ocr_variety.move_to_page_variety(doc.text, doc.words, out)
    out = ocr_hyphenkeep.keep_printed_hyphens(doc.text, out)  # "co-ordinated" kept as printed
    if ocr_docrepeat.DOC_REPEAT_KEEP and out:  # "kitchin" printed twice, "kitchen" never
        old = not ocr_docrepeat.OLD_PRINT_ONLY or _old_print(doc, detection)
        out = ocr_docrepeat.keep_repeated_forms(doc.text, (t.text for t in doc.words), out, old)
    if ocr_surname.SURNAME_KEEP and out:  # "Detective Hinds", "Sgt John Doak" kept
        out = ocr_surname.keep_surnames(doc.tokens, by_start, out)
    if ocr_nameslot.NAME_SLOT and out:  # "Mr J Houison" is read as no "Hoarsen"
        out = ocr_nameslot.drop_plain_words(doc.tokens, by_start, out)
    if ocr_pageswap.PAGE_SWAP and out:  # "Covony" x7 / "Coveny" x3: one name, not both ways
        out = ocr_pageswap.settle_swaps(doc.tokens, by_start, out)
    return ocr_accentkeep.keep_accented_words(doc, out)  # "Zürich" kept where no "thé" is


#: A capitalised non-word is read as a place or person name of the period name list
#: when one learned confusion this cheap (nats) gives exactly one such name.
NAME_MAX_COST = 2.5
#: In heavily garbled pages, a name further away is taken up to this cost (nats) when
#: the next name is at least NAME_WIDE_MARGIN dearer ...
NAME_WIDE_MAX_COST = 5.0
NAME_WIDE_MARGIN = 1.0
#: ... and up to this cost when the page itself prints the name.
NAME_DOC_MAX_COST = 8.0
#: Confidence of a name reading (the language model does not know most names).
NAME_CONFIDENCE = 0.7


def _farlong() -> ModuleType:
    """:mod:`repair.candidates.ocr_farlong`, imported on a heavy page's first far reading
    (issue 14, cold start: a clean page never needs it)."""
    # ``import a.b as c``: no ``_handle_fromlist`` frame a call (issue 14, session 26)
    import repair.candidates.ocr_farlong as ocr_farlong

    return ocr_farlong


def _gluedfw() -> ModuleType:
    """:mod:`repair.candidates.ocr_gluedfw`, imported on a heavy page's first lower-case
    non-word (a clean page never needs it)."""
    import repair.candidates.ocr_gluedfw as ocr_gluedfw

    return ocr_gluedfw


def _glued_fw(tok: Token, feats: dict, found: list[Candidate]) -> list[Candidate]:
    """Two-word readings of a garbled word glued to a function word
    (:mod:`repair.candidates.ocr_gluedfw`), unless ``found`` reads it cheaply as one."""
    ocr_gluedfw = _gluedfw()
    ones = [
        float(c.features.get("cost", 99.0))
        for c in found
        if c.start == tok.start and c.end == tok.end and " " not in c.replacement
    ]
    return [
        _cand(
            tok.start,
            tok.end,
            " ".join(parts),
            "OCR_SPLIT_MERGED",
            **feats,
            alt=list(parts),
            cost=cost,
            threshold=ocr_gluedfw.threshold_for(ones),
            glued_fw=True,
        )
        for parts, cost in ocr_gluedfw.gated_readings(tok.text, ones)
    ]


def _name_readings(
    tok: Token,
    reason: str,
    info: _DocInfo,
    wide: bool = True,
    far_only: bool = False,
    far: float | None = None,
) -> list[Candidate]:
    """ "Balgownio" -> "Balgownie", "Manlj" -> "Manly": one cheap confusion to a listed name
    (:func:`repair.score.ngrams.NgramTable.is_name`), when it is the only such reading.

    In a heavily garbled page the wide search (:mod:`repair.score.ocr_search`) also
    reads names several confusions away ("Pittwator", "Hnvvkosburj"): the cheapest
    name is taken when it is clearly cheaper than the next one, or when the page itself
    prints that name (document consistency: "Svdney" where "Sydney" occurs).  ``far``:
    also the far name of :func:`repair.candidates.ocr_capname.far_name` up to that Zipf
    (``None``: none); ``far_only``: that reading alone."""
    from repair.score.ngrams import get_ngrams

    table = get_ngrams()
    text = tok.text
    if len(text) < ocr_capname.NAME_MIN_LEN or not text[1:].islower() or table.is_name(text):
        return []
    if far_only:  # a sentence's first word: the far name only (ocr_capname.FAR_NAME_START)
        long = far is not None and len(text) >= ocr_capname.WIDE_MIN_LEN
        names = _wide_names(text, info, reason) if long else []
        names = ocr_capname.far_name(text, names, info.counts[text], far or 0.0)
    else:
        names = _cheap_names(text, table.is_name)
    if len(names) != 1 and not far_only:
        searched = wide and not names and len(text) >= ocr_capname.WIDE_MIN_LEN
        if searched and info.heavy:
            names = _wide_name(text, info, reason, far)
        elif searched and far is not None and ocr_capname.FAR_NAME_LIGHT:  # far only
            names = _wide_names(text, info, reason)
            names = ocr_capname.far_name(text, names, info.counts[text], far)
        else:
            names = []
    if not names:
        return []
    c = names[0]
    if ocr_capname.attested_print(text, c.text):
        return []  # "Rookwood", "Olley": a name clean English prints (session 35)
    return [
        _cand(
            tok.start,
            tok.end,
            c.text,
            "OCR_NAME",
            finding=reason,
            fixed=NAME_CONFIDENCE,
            subs=[list(x) for x in c.subs],
        )
    ]


def _cheap_names(text: str, is_name: Callable[[str], bool]) -> list[Correction]:
    """The readings of :func:`single_confusions` ``(text, targets=False)`` that are names
    of the list within :data:`NAME_MAX_COST`, in no particular order (the caller takes
    one only when it is the only one): the same readings and costs, without ranking
    every string one confusion away by its frequency.  Remembered per token
    (:func:`_cheap_names_of`: a long text prints the same garbled names in many windows)."""
    return list(_cheap_names_of(text, is_name))


# 2,048 (was 4,096): 5 MB of OCR text asks 5 k of 2.2 k names, 9 hits lost (replay, session 18)
@lru_cache(maxsize=2_048)
def _cheap_names_of(text: str, is_name: Callable[[str], bool]) -> tuple[Correction, ...]:
    """:func:`_cheap_names`.  A table row dearer than :data:`NAME_MAX_COST` is never
    read (rows are sorted by cost): a string it gives is kept only at a cost within the
    bound, which a cheaper row of its own gives (the first such row, as before)."""
    table = confusions()
    longest = _max_src_len()
    found: dict[str, Correction] = {}
    for i in range(len(text)):
        for n in range(1, min(longest, len(text) - i) + 1):
            src = text[i : i + n]
            for dst, c in table.get(src, ()):
                if c > NAME_MAX_COST:
                    break  # rows are sorted by cost: no cheaper one follows
                if not ocr_capname.name_row(src, dst):
                    continue  # a capital priced by its class: no evidence for a name
                variant = text[:i] + dst + text[i + n :]
                if not variant or (len(variant) > 1 and not variant[1:].islower()):
                    continue
                if variant[:1] == text[:1]:
                    variant = transfer_case(text, variant)
                old = found.get(variant)
                if old is None or c < old.cost:
                    found[variant] = Correction(variant, c, ((src, dst),), True)
    return tuple(
        c
        for c in found.values()
        if c.cost <= NAME_MAX_COST and c.text[:1].isupper() and is_name(c.text)
    )


def _wide_names(text: str, info: _DocInfo, reason: str) -> list[Correction]:
    """The listed names of the wide search's readings of ``text``, cheapest first."""
    from repair.score.ngrams import get_ngrams

    table = get_ngrams()
    if (text, reason) in info.corrections:
        readings = wide_candidates(text, names=True)
    else:
        # the page-word search of _corrections_of (next) has the same bounds: one walk
        readings, info.doc_walks[text] = wide_and_doc(text, info.doc_prefixes, names=True)
    return [
        c
        for c in readings
        if c.text[:1].isupper() and c.text[1:].islower() and table.is_name(c.text)
    ]


def _wide_name(
    text: str, info: _DocInfo, reason: str, far: float | None = None
) -> list[Correction]:
    """The one name a heavily garbled capitalised token reads as, or ``[]`` (``far``: or
    the far name of :func:`repair.candidates.ocr_capname.far_name` up to that Zipf)."""
    names = _wide_names(text, info, reason)
    in_doc = [c for c in names if info.counts[c.text] >= 1 and c.cost <= NAME_DOC_MAX_COST]
    if in_doc:
        return in_doc[:1]
    if not names or names[0].cost > NAME_WIDE_MAX_COST:  # "Guotge" -> "George" (session 44)
        if far is None:
            return []
        return ocr_capname.far_name(text, names, info.counts[text], far)
    if not all(ocr_capname.name_row(src, dst) for src, dst in names[0].subs):
        return []  # "Moabit" -> "Nesbit": a capital priced by its class, no name's evidence
    if len(names) > 1 and names[1].cost - names[0].cost < NAME_WIDE_MARGIN:
        if far is None or not ocr_capname.FAR_NAME_TIES:
            return []
        return ocr_capname.far_name(text, names, info.counts[text], far)
    return names[:1]


#: A page set in narrow columns (newspaper OCR: at least COLUMN_MIN_LINES lines, half of
#: them at most COLUMN_MAX_CHARS characters) is heavily garbled from this garble score on.
COLUMN_HEAVY_GARBLE = 0.05
COLUMN_MIN_LINES = 10
COLUMN_MAX_CHARS = 60


def _initial_glyphs(out: list[Candidate], toks: list[Token]) -> list[Candidate]:
    """``out`` with the readings of misread initials; other readings of their spans give
    way (an initial has no context for the language model to judge)."""
    found = initial_glyph_candidates(toks) if INITIAL_GLYPHS else []
    found += title_glyph_candidates(toks) if TITLE_GLYPHS else []
    found += abbrev_candidates(toks, frozenset((c.start, c.end) for c in found))  # "Clias"
    found += mark_abbrev_candidates(toks, frozenset((c.start, c.end) for c in found))  # "Mi's"
    found += page_title_candidates(toks, frozenset((c.start, c.end) for c in found))  # "Mv."
    found += ocr_shortname.slot_name_candidates(toks, frozenset((c.start, c.end) for c in found))
    if not found:
        return out
    spans = {(c.start, c.end) for c in found}
    return [c for c in out if (c.start, c.end) not in spans] + found


def _lost_stop_page(text: str, info: _DocInfo) -> bool:
    """Whether lost full stops are put back: heavily garbled pages and newspaper columns
    (early modern print, ICDAR files 1-27, often sets no stop where a reader expects one)."""
    return info.heavy or (not info.old_print and _heavy_gate(text) == COLUMN_HEAVY_GARBLE)


def _heavy_gate(text: str) -> float:
    """The garble score from which a page counts as heavily garbled: lower for a
    hard-wrapped newspaper column, whose OCR is rougher than a book's at the same score."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if len(lines) < COLUMN_MIN_LINES:
        return HEAVY_GARBLE
    lengths = sorted(len(ln) for ln in lines)
    return COLUMN_HEAVY_GARBLE if lengths[len(lengths) // 2] <= COLUMN_MAX_CHARS else HEAVY_GARBLE


def _old_print(doc: Document, detection: Detection) -> bool:
    """Whether the page spells as early modern print does ("tooke", "shee", "vpon"):
    its unknown words are then old spellings more often than garble."""
    old = sum(f.reason == "archaic" for f in detection.findings)
    return old >= OLD_PRINT_SHARE * max(1, len(doc.words))


#: Margin (nats) the reading of a capitalised non-word needs in a heavily garbled page
#: when the page prints it once and neither the period vocabulary nor the name list
#: knows it: the language model knows little of the names and headings around it.
CAPITAL_GARBLED_THRESHOLD = -4.0
#: ... when it has at least this many letters ...
CAPITAL_GARBLED_MIN_LEN = 5
#: Its readings may be words this common (Zipf; other capitalised non-words need 4).
CAPITAL_GARBLED_TARGET_ZIPF = 3.0
#: In a page garbled but not heavily the same holds for readings this cheap (nats).
CAPITAL_LIGHT = True
CAPITAL_LIGHT_MAX_COST = 3.0


def _capital_garble(text: str, info: _DocInfo) -> bool:
    """A capitalised non-word of a heavily garbled page that is most likely garble."""
    if not (info.heavy or (CAPITAL_LIGHT and info.garbled and not info.old_print)):
        return False
    if len(text) < CAPITAL_GARBLED_MIN_LEN:
        return False  # short names collide with words ("Hely" -> "Holy")
    if not text[:1].isupper() or not text[1:].islower():
        return False
    if info.counts[text] >= DOC_SUPPORT_MIN or info.period_word(text):
        return False
    from repair.score.ngrams import get_ngrams

    return not get_ngrams().is_name(text)


#: A capitalised non-word of a heavily garbled page that is most likely garble
#: (:func:`_capital_garble`) is also read by the wide search ("Sccrctaiy" -> "Secretary",
#: "Comuiaudaut" -> "Commandant"), as common words only (names have their own readings) ...
CAPITAL_WIDE = True
#: ... at this margin (nats) ...
CAPITAL_WIDE_THRESHOLD = -4.0
#: ... when the reading is this common (Zipf).
CAPITAL_WIDE_TARGET_ZIPF = 3.0


def capital_wide_readings(
    text: str, seen: set[str]
) -> list[tuple[Correction, str, float, float | None]]:
    """The wide search's common-word readings of a garbled capitalised token that
    :func:`correction_candidates` does not give (``seen`` is updated)."""
    out: list[tuple[Correction, str, float, float | None]] = []
    for c in wide_candidates(text, names=True)[:_MAX_CORRECTIONS]:
        if c.text in seen or zipf(c.text.lower()) < CAPITAL_WIDE_TARGET_ZIPF:
            continue
        seen.add(c.text)
        out.append((c, "OCR_CONFUSION", c.cost, CAPITAL_WIDE_THRESHOLD))
    return out


# replay of the 5 MB OCR file (benchmarks/cache_replay.py): 16,384 -> 2,048 loses 19.6 k of
# 23.5 k hits at ~10 us a miss (+0.2 s of 130 s), ~2.1 MB less once full (issue 14)
@lru_cache(maxsize=2_048)
def _period_word(text: str) -> bool:
    """Whether the period vocabulary knows ``text`` (a rare real word of old print:
    "picul", "tapsters", "macadamising"), so it is not read as garble lightly.
    Remembered across documents (a long text's windows ask the same tokens again)."""
    from repair.score.ngrams import get_ngrams

    return get_ngrams().known(text)


#: A Roman numeral after a capitalised word is its number ("James II and VII", "World War
#: II"), not a short word in capital glyphs ("II" -> "is"; session 36, the lead).
REGNAL_NUMERALS = True
_ROMAN = re.compile(r"(?=[IVXL])X{0,3}(?:IX|IV|V?I{0,3})")


def _regnal(toks: list[Token], i: int) -> bool:
    """Whether ``toks[i]`` is a Roman numeral after a capitalised word ("James⏎II") that
    is no function word ("It II anticipated": "is")."""
    if not _ROMAN.fullmatch(toks[i].text) or i < 2 or toks[i - 1].text not in (" ", "\n"):
        return False
    prev = toks[i - 2].text
    if not (prev[:1].isupper() and prev[1:].islower() and len(prev) > 1):
        return False
    from repair.detect.span_echo import closed_class

    return not closed_class(prev.lower())


def _caps_neighbour(toks: list[Token], i: int) -> bool:
    """Whether a word next to token ``i`` on the same line is all capitals too."""
    for j in (i - 2, i + 2):
        if 0 <= j < len(toks) and toks[(i + j) // 2].kind == "space":
            if "\n" in toks[(i + j) // 2].text:
                continue
            t = toks[j]
            if t.kind == "word" and len(t.text) >= 2 and t.text.isupper():
                return True
    return False


def _lone_letter_place(toks: list[Token], i: int) -> bool:
    """Whether ``toks[i]`` stands between two words (spaces either side, a lower-case one
    after): the place :func:`_lone_letter` asks for, without the letter test."""
    before = toks[i - 2] if i >= 2 and toks[i - 1].kind == "space" else None
    after = toks[i + 2] if i + 2 < len(toks) and toks[i + 1].kind == "space" else None
    return (
        before is not None
        and after is not None
        and before.kind == "word"
        and after.kind == "word"
        and after.text[:1].islower()
    )


def _lone_letter(tok: Token, toks: list[Token] | None, i: int) -> bool:
    """A lone lower-case letter between words ("m" for "in", "n" for "a"): not "a", "i",
    "o", and not a unit after a number ("10 m") or a list mark ("(b)", "b.")."""
    if toks is None or tok.text not in "bcdefghjklmnpqrstuvwxyz" or not tok.text:
        return False
    before = toks[i - 2] if i >= 2 and toks[i - 1].kind == "space" else None
    after = toks[i + 2] if i + 2 < len(toks) and toks[i + 1].kind == "space" else None
    if before is None or after is None or after.kind != "word":
        return False
    if before.kind != "word" and not (LONE_AFTER_COMMA and before.text == ","):
        return False
    # before a capitalised word ("been m England") only after a lower-case word: after a
    # capital or a mark it is more likely an initial
    return after.text[:1].islower() or (
        LONE_BEFORE_CAPITAL and before.kind == "word" and before.text.islower()
    )


#: A lone letter between a lower-case word and a capitalised one is read too ...
LONE_BEFORE_CAPITAL = True
#: ... and one after a comma ("appears to me, m all trade disputes").
LONE_AFTER_COMMA = True


#: A misread first glyph re-read as a capital ("Btreet" -> "Street") inside a sentence is
#: written lower case when the period table capitalises the word less often than this.
MISREAD_CAPITAL_SHARE = 0.5


def _initial_case(word: str, original: str, initial: bool) -> str:
    """The case of a reading whose first glyph may itself be the misreading.

    At a sentence start the reading takes a capital.  Inside a sentence, a capital the
    confusion table supplied ("B" -> "S", "l" -> "I") for a word the period text writes
    in lower case is lowered: "was Baved" -> "saved", "had lnterforod" -> "interfered".
    """
    if initial:
        return word[:1].upper() + word[1:]
    if word[:1] != original[:1] and word[:1].isupper() and word[1:].islower() and len(word) > 1:
        from repair.score.ngrams import get_ngrams

        share = get_ngrams().capital_share(word.lower())
        if share is not None and share < MISREAD_CAPITAL_SHARE:
            return word.lower()
    return word


def _between_capitals(toks: list[Token], i: int) -> bool:
    """Whether the words just before and after token ``i`` (one space apart, same line)
    are capitalised: a run of names or a title ("Gilbert James Batea Gerald")."""
    if i < 2 or i + 2 >= len(toks) or toks[i - 1].text != " " or toks[i + 1].text != " ":
        return False
    before, after = toks[i - 2], toks[i + 2]
    return (
        before.kind == "word"
        and after.kind == "word"
        and before.text[:1].isupper()
        and after.text[:1].isupper()
    )


#: A capitalised word after two capitalised words, inside a sentence, ends a name
#: ("Great Australian Bight", "Leo Gerald Gorman"): read on a name's margin.
NAME_RUN = True


def _after_name_run(toks: list[Token], i: int) -> bool:
    """Whether the two words just before token ``i`` (one space apart each) are
    capitalised and the first of them follows a lower-case word or a comma."""
    if i < 6 or not all(_run_space(toks[i - k]) for k in (1, 3, 5)):
        return False
    a, b, c = toks[i - 6], toks[i - 4], toks[i - 2]
    if not (b.kind == "word" and c.kind == "word"):
        return False
    if not (b.text[:1].isupper() and c.text[:1].isupper()):
        return False
    return (a.kind == "word" and a.text[:1].islower()) or a.text == ","


#: A token wordfreq lists at this Zipf or more ("bushfires" 2.4, "hotspots" 3.0,
#: "biofuels" 2.8: modern closed compounds the dictionaries lack) is split in two words
#: only on a margin of :data:`LISTED_SPLIT_THRESHOLD` nats, when the two words are no
#: pair the book counts list (:func:`_unpaired`).  Session 37: the light suite's
#: news and speeches got "bush fires", "bio security"; no SMH dev split reads such a token.
LISTED_SPLIT = True
LISTED_SPLIT_ZIPF = 2.0
LISTED_SPLIT_THRESHOLD = 8.0


#: A token the page prints this often, identically, is not split into two content words
#: ("bureaucratic redtape" x3, "decisionmaking" x2, "hotspots" x2: the writer's closed
#: compound; a merge at a random lost space rarely repeats).  A split with a closed-class
#: word ("ofthe" x2 -> "of the") is still read, and so is a token with a mark ("it'sbeen"
#: x2 -> "it's been").  Session 37, from lightly garbled speeches.
PAGE_COMPOUNDS = True
PAGE_COMPOUND_MIN = 2


#: A token wordfreq lists at :data:`KNOWN_COMPOUND_ZIPF` or more, split by a space alone
#: into content words ("industrywide", "thirtysomething", "winemaking", "planeload",
#: "decisionmaking": closed compounds clean prose prints), needs a margin of
#: :data:`KNOWN_COMPOUND_THRESHOLD` nats, paired or not (:data:`LISTED_SPLIT` covers
#: unpaired ones from Zipf 2.0).  A merge at a lost space is seldom a form the web uses
#: (issue 12, session 42: the light suite's news and speeches split them at margins of
#: 1.1-2.1 nats).
KNOWN_COMPOUND = True
KNOWN_COMPOUND_ZIPF = 1.4
KNOWN_COMPOUND_THRESHOLD = 3.0


def _known_compound(text: str, parts: tuple[str, ...] | list[str]) -> bool:
    """Whether splitting ``text`` into ``parts`` only adds spaces between content words
    and wordfreq lists ``text`` (:data:`KNOWN_COMPOUND`).

    >>> _known_compound("industrywide", ("industry", "wide"))
    True
    >>> _known_compound("ofthe", ("of", "the")), _known_compound("tbewide", ("the", "wide"))
    (False, False)
    """
    if not KNOWN_COMPOUND or len(parts) < 2 or "".join(parts).lower() != text.lower():
        return False
    return zipf(text.lower()) >= KNOWN_COMPOUND_ZIPF and _content_pair(parts)


def _content_pair(parts: tuple[str, ...] | list[str]) -> bool:
    """Whether every part of a split is a content word (no closed-class word)."""
    from repair.detect.span_echo import closed_class

    return not any(closed_class(p.lower()) for p in parts)


def _unpaired(parts: tuple[str, ...] | list[str]) -> bool:
    """Whether the split's words are no pair the book counts list (a compound, not two
    words run together: "bush fires" is unlisted, "of the", "a man", "to us" are)."""
    if len(parts) != 2:
        return False
    from repair.resources.bigrams import get_bigrams

    return get_bigrams().log_count(f"{parts[0].lower()} {parts[1].lower()}") is None


#: The words of a name run may stand on two lines ("in the\nGreat Australian Bight"):
#: one space or one line break between them.  Session 37.
NAME_RUN_LINES = True


def _run_space(t: Token) -> bool:
    if t.text == " ":
        return True
    return NAME_RUN_LINES and t.text == "\n"


#: Titles before a surname ("Mr. Moors", "Captain Bight").
TITLES = frozenset("Mr Mrs Messrs Dr Miss Mr. Rev Capt Captain Sir Hon Lieut Sergeant".split())


def _after_capitalised(toks: list[Token], i: int) -> bool:
    """Whether token ``i`` follows a capitalised word of two or more letters, one space
    before it on its line ("New Guinea Rxpedition"), that itself follows a word."""
    if i < 4 or toks[i - 1].text != " ":
        return False
    prev = toks[i - 2]
    if prev.kind != "word" or len(prev.text) < 2 or not prev.text[:1].isupper():
        return False
    return prev.text[1:].islower() and toks[i - 3].text == " " and toks[i - 4].kind == "word"


def _name_context(toks: list[Token], i: int) -> bool:
    """Whether a capitalised token ``i`` stands between two capitalised words or after a
    title: a surname or a word of a place name."""
    if _between_capitals(toks, i):
        return True
    j = i - 2 if i >= 2 and toks[i - 1].text == " " else -1
    if j >= 0 and toks[j].text == ".":
        j -= 1
    return j >= 0 and toks[j].text in TITLES


def _compound_piece(toks: list[Token], i: int) -> bool:
    """Whether token ``i`` is a whole word of an in-line hyphenated compound
    ("forty-thrco", "Goulburn-streot"), not a piece of a broken word: no line break at
    the hyphen, and no known word when joined with the piece across it ("medita-tion")."""
    for step in (-1, 1):
        h = i + step
        if not (0 <= h < len(toks)) or toks[h].text != "-":
            continue
        o = h + step
        if not (0 <= o < len(toks)) or toks[o].kind != "word":
            return False  # a hyphen at a space or line break
        if toks[o].start != toks[h].end and toks[h].start != toks[o].end:
            return False
        a, b = (toks[o].text, toks[i].text) if step < 0 else (toks[i].text, toks[o].text)
        if is_word_form(a + b):
            return False
    return True


#: On a page that is not heavily garbled, the first piece of an in-line hyphenated pair of
#: capitalised words after a capitalised word ("Ian Hore-Lacy", "Mr Lloyd-Jones") is part
#: of a double-barrelled name when the second piece is a known word or name: "Hore" is no
#: "Here".  Not a second piece ("Hymn-Eternal Hope-Merey": a list of titles in old print)
#: nor before a non-word ("the Govemors-Goneral").  Session 37, from lightly garbled news.
HYPHEN_NAMES = True


#: On a page that is not heavily garbled, a word that stretches a lower-case letter four
#: times or more (not the strokes "i", "l": "Camaaaaaargue", "Auuuuuuuugh",
#: "Oooohoohohooo") is spelled so for its sound, not misread: no reading of it is made.
#: Three are not enough: old print's "ooo" is a misread "cco" ("aooordingly", ICDAR file
#: 81's train part), SMH's triples are short garble ("Musrrrave").  Session 37.
ELONGATED = True
_ELONGATED = re.compile(r"([a-hj-km-z])\1\1\1")


def _keep_elongated(text: str, cands: list[Candidate]) -> list[Candidate]:
    """``cands`` without readings of one elongated word (:data:`ELONGATED`)."""
    if not ELONGATED:
        return cands
    out = []
    for c in cands:
        orig = text[c.start : c.end]
        if orig.isalpha() and _ELONGATED.search(orig[:1].lower() + orig[1:]):
            continue
        out.append(c)
    return out


#: On a page that is not heavily garbled, a piece of a chain of at least
#: :data:`HYPHEN_CHAIN_MIN` word pieces joined by in-line hyphens ("Ekki-ekki-ekki-pitang",
#: "ecky-ecky-ecky-pikang-zoop-boing-goodem") is a made-up word: none is read as a
#: misreading ("boing" is no "being").  Session 37, from light web text.
HYPHEN_CHAINS = True
HYPHEN_CHAIN_MIN = 4


def _keep_hyphen_chains(
    toks: list[Token], by_start: dict[int, int], cands: list[Candidate]
) -> list[Candidate]:
    """``cands`` without readings of one piece of a long hyphen chain (:data:`HYPHEN_CHAINS`)."""
    if not HYPHEN_CHAINS:
        return cands
    memo: dict[int, bool] = {}
    out = []
    for c in cands:
        i = by_start.get(c.start)
        if i is not None and toks[i].end == c.end and toks[i].kind == "word":
            if i not in memo:
                memo[i] = _chain_length(toks, i) >= HYPHEN_CHAIN_MIN
            if memo[i]:
                continue
        out.append(c)
    return out


def _chain_length(toks: list[Token], i: int) -> int:
    """Word pieces in the chain of in-line hyphens through token ``i``."""
    n = 1
    for step in (-1, 1):
        k = i
        while 0 <= k + 2 * step < len(toks):
            h, o = toks[k + step], toks[k + 2 * step]
            if h.text != "-" or o.kind != "word":
                break
            left, right = (o, toks[k]) if step < 0 else (toks[k], o)
            if not (left.end == h.start and h.end == right.start):
                break
            n += 1
            k += 2 * step
    return n


def _keep_hyphen_names(
    toks: list[Token], by_start: dict[int, int], cands: list[Candidate]
) -> list[Candidate]:
    """``cands`` without readings of one capitalised piece of a hyphenated name
    (:data:`HYPHEN_NAMES`)."""
    if not HYPHEN_NAMES:
        return cands
    out = []
    for c in cands:
        i = by_start.get(c.start)
        if i is not None and toks[i].end == c.end and _hyphen_name(toks, i):
            continue
        out.append(c)
    return out


def _hyphen_name(toks: list[Token], i: int) -> bool:
    """Whether token ``i`` is the first piece of a hyphenated name (:data:`HYPHEN_NAMES`)."""
    t = toks[i]
    if not _title(t.text) or i < 2 or i + 2 >= len(toks):
        return False
    h, o = toks[i + 1], toks[i + 2]
    if h.text != "-" or o.kind != "word" or h.start != t.end or o.start != h.end:
        return False
    if not _title(o.text) or zipf(o.text.lower()) <= 0:
        return False
    return toks[i - 1].text == " " and toks[i - 2].kind == "word" and _title(toks[i - 2].text)


def _title(w: str) -> bool:
    return w[:1].isupper() and (len(w) == 1 or w[1:].islower()) and w.isalpha()


def _next_to_hyphen(toks: list[Token], i: int) -> bool:
    before = toks[i - 1].text if i > 0 else ""
    after = toks[i + 1].text if i + 1 < len(toks) else ""
    return before == "-" or after == "-"
