"""Self-training on the document being fixed (``repair fix --self-train``).

``repair batch --self-train`` and ``repair learn --ocr`` self-train the OCR profile in
force on a whole archive's raw pages (:func:`repair.score.ocr_selftrain.learn_table`).
:func:`self_train` does the same on the texts at hand only (one document, or a small
group of them) and puts the learned profile in force
(:func:`repair.score.ocr_table.install`) for the repair that follows.  The profile is
written to a private temporary file only for the install (which reads it at once) and
removed afterwards; nothing else is kept.

With :data:`AUTO` on, :func:`auto_repair` self-trains a garbled text inside
:func:`repair.pipeline.repair_text`; its second pass holds the process-wide profile lock
alone (:data:`repair.score.profile_lock.PROFILE`), so a repair in another thread
(``repair serve``) is never read with this text's tables.
"""

from __future__ import annotations

import functools
import importlib
import math
import os
import re
import sys
import threading
from collections import Counter
from collections.abc import Container, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from repair.score.ocr_selftrain import (
    MIN_LEN,
    STRIPPED,
    ArchiveCounts,
    LearnedTable,
    learn_table,
    still_unknown,
    unknown_word,
)

#: A listed confusion row is repriced from the text at hand only when the text used it at
#: least this many times (shares summed): one text's thin evidence otherwise reprices rows
#: that read real words as others.  Measured with ``benchmarks/ocr_docself.py --group 1``
#: (SMH dev tokens / chars, ICDAR-only tables; shipped tables) and ``repair fix
#: --self-train`` on ocr100k (word diff against the plain fix: right / wrong / unclear):
#: 0: 5,723 / 8,900; 4,732 / 7,536; 6 / 10 / 4 ("Itis" -> "His", '"Heis' -> '"Has',
#: "he is" -> "has").  2: 5,730 / 8,909; 4,730 / 7,515; 6 / 4 / 4.  3: 5,734 / 8,903;
#: 4,733 / 7,531; 6 / 4 / 4.  See benchmarks/RESULTS.md, session 28, ocrdocself28.
DOC_MIN_USES = 2.0
#: A listed row the text used fewer than :data:`DOC_MIN_USES` times is repriced still
#: when so many uses are this improbable at the table's own price
#: (:func:`~repair.score.ocr_selftrain.surprising_rows`: the Poisson tail at the rate the
#: row's cost implies over the text's count of its true glyphs; ``0``: off): a foreign
#: table's dear back-off rows (5.66 nats) get one use a page, which the floor dropped.
#: With :data:`DOC_SURPRISE_UNCOUNTED` (ICDAR-only tables as ``ocr_xsource.py --train
#: icdar`` saves them; shipped tables), SMH dev tokens / chars: off 4,874 / 8,006;
#: 4,288 / 6,976; 0.01: 4,870 / 7,986; 0.05: 4,862 / 7,996; 4,287 / 6,974 (dev-a 2,181 /
#: 3,618 -> 2,177 / 3,624, dev-b 2,693 / 4,388 -> 2,685 / 4,372); 0.2: 4,864 / 8,011.
#: Test (read once, 0.05): 5,721 / 9,260 -> 5,706 / 9,277; 5,346 / 8,660 -> 5,345 /
#: 8,662.  Audit dev, light suite dev, clean gate, ICDAR 1-80 identical; second passes
#: 55 -> 55 (shipped), 55 -> 56 (ICDAR-only).  Session 50, ocrxprice.
DOC_SURPRISE = 0.05
#: :data:`DOC_SURPRISE` reprices only the rows the table in force never counted (count 0:
#: priced by a class or shape back-off, not by evidence; ``False``: every listed row).
#: Every row at 0.05: ICDAR-only 4,854 / 7,966 but shipped 4,288 / 6,976 -> 4,305 / 6,987
#: (one use of a row the table counted is mostly noise on its own archive).
DOC_SURPRISE_UNCOUNTED = True
#: With :data:`DOC_SURPRISE_UNCOUNTED`, a counted row the table prices at least this
#: many nats is repriced on surprise too (``None``: off): the build clips a rare
#: confusion at its ceiling (4.5 nats), so a foreign archive's "i" -> "r" or "n" -> "a",
#: counted a few times in clean book type, is as uninformed as an uncounted row.
#: Off: 4.0 (3.0-4.0 alike) takes the ICDAR-only proxy dev 4,745 / 7,840 -> 4,740 /
#: 7,827 tokens / chars but the shipped SMH dev 4,216 / 6,872 -> 4,233 / 6,893 (wilder
#: readings of heavy pages) and the cross-fit dev 4,593 / 7,571 -> 4,596 / 7,551; test
#: (read once) proxy 5,643 / 9,179 -> 5,636 / 9,173, SMH 5,316 / 8,621 -> 5,309 / 8,616.
#: Session 61, ocrproxy (benchmarks/RESULTS.md).
DOC_SURPRISE_DEAR: float | None = None
#: ... and only when a reading of the first pass with at least this confidence used it
#: (0: any).  With 4.0: 0.8 proxy dev 4,745 / 7,836, SMH dev 4,216; 0.95 4,745 / 7,838,
#: 4,214: the proxy gain goes with the unconfident readings.
DOC_DEAR_CONFIDENCE = 0.0
#: A listed row the table prices at least this many nats also counts, as uses, the
#: one-edit support of the words the first pass left unknown
#: (:func:`~repair.score.ocr_selftrain.dear_listed`; ``None``: off): a foreign table's
#: dear row ("i" -> "r" at its 4.5-nat ceiling, "b" -> "s" at the 5.66 back-off) reads
#: too few of the article's words in the first pass to be repriced, and the words it
#: would read are left unknown.  Off: 4.0 or 4.5, proxy dev 4,745 / 7,840 -> 4,746 /
#: 7,843 (an article's still-unknown words give a row at most ~1 use).  Session 61,
#: ocrproxy.
DOC_LISTED_MIN_COST: float | None = None
#: :data:`DOC_LISTED_MIN_COST` only for the rows the table never counted.
DOC_LISTED_UNCOUNTED = False
#: Rounds of :func:`auto_repair`'s self-training (EM): 1, the first pass's evidence
#: only; 2, the second pass's edits teach a third pass.  2: proxy dev 4,745 / 7,840 ->
#: 4,747 / 7,880 (and a third pass of the text's CPU).  Session 61, ocrproxy.
DOC_ROUNDS = 1
#: A text whose garble rate (:func:`garble_rate`: the first pass's OCR substitutions and
#: the unknown words' one-edit support, per 1,000 words) is below this counts as clean and
#: learns no new confusion row and no mark row: its few unknown words are names and rare
#: words, not its engine's habits (``0``: off).  clean300k reads 0.67 (0.04 + 0.63), ocr100k
#: 39.8, the SMH dev articles 0 to 420.  ``repair fix --self-train`` on clean300k: off 6
#: changes (2 right / 3 wrong / 1 unclear: "comparable" -> "compatible", "b0rk" ->
#: "book", "strlen]" -> "stolen]"; 4 new rows, 24 mark rows), 2.0: none (byte-identical to
#: the plain fix).  SMH dev (``benchmarks/ocr_docself.py --group 1``) is the same either
#: way: ICDAR-only 5,730 / 8,897, shipped 4,730 / 7,500 tokens / chars.  Session 28,
#: docself2_28.
GARBLE_FLOOR = 2.0
#: The least support of a new confusion row grows with the text: one word type per this
#: many words (``ocr_selftrain.MIN_SUPPORT`` and ``PRIOR_SUPPORT`` stay the floor; ``0``:
#: off).  A long text's names and rare words support chance edits in proportion to its
#: size.  SMH articles (100-1,000 words) keep the modules' floors (dev unchanged);
#: ocr1m (1 M words) learns 0 new rows instead of 4.
WORDS_PER_SUPPORT = 10_000
#: The least speck evidence of a learned mark grows likewise (``ocr_selfmarks.MIN_SPECKS``
#: stays the floor; ``0``: off).
WORDS_PER_SPECK = 10_000

#: A listed row repriced from the text at hand is made at most this many nats cheaper
#: (``None``: no bound).  Off: it buys ocr100k's precision with the SMH gain.  SMH dev
#: ICDAR-only tokens / chars and ocr100k right / wrong / unclear (against the plain fix):
#: none 5,730 / 8,897, 6 / 4 / 6 (shipped 4,730 / 7,500); 2.0: 5,747 / 8,938, the same
#: 16 changes; 1.5: 5,756 / 8,974, 6 / 3 / 6; 1.0: 5,782 / 9,005, 3 / 0 / 4 (shipped
#: 4,735 / 7,531).  The 13 rows ocr100k reprices are its engines' habits ("c" for "e"
#: 786 uses), not thin evidence; the wrong readings ("movc" -> "more") ride on them.
DOC_MAX_DROP: float | None = None


#: Self-train automatically inside :func:`repair.pipeline.repair_text` (``repair fix``,
#: ``repair batch``, ``repair serve``) on a text whose first pass reads as garbled OCR
#: (:func:`auto_repair`): no ``--self-train`` needed; ``RepairConfig(ocr_self_train=False)``
#: or ``repair fix --one-pass`` keep one pass.  On since session 44 (lead), on the merged
#: main (``benchmarks/smh_eval.py``; ICDAR-only tables with ``--ocr-table`` of
#: ``ocr_xsource.py --save``): SMH dev 4,356 -> 4,345 tokens, test 5,417 -> 5,361;
#: ICDAR-only tables dev 5,320 -> 5,162, test 6,072 -> 5,955; light suite, clean gate,
#: ICDAR OCR level; synthetic suite 79.1 -> 79.3 %; ICDAR gold + noise 116 -> 119 broken
#: (German "Zuom", "Fur"; the name "Frier").  Cost: an SMH article it self-trains takes
#: ~2.3x its plain CPU (ocrself44: thread-safe by :mod:`repair.score.profile_lock`,
#: :data:`SHARED_MEMOS`).  See benchmarks/RESULTS.md, session 44, ocrself44 and lead.
AUTO = True
#: The least :func:`garble_rate` of the first pass at which :func:`auto_repair`
#: self-trains (clean300k reads 0.67, ocr100k 39.8, SMH dev articles 0 to 420).  SMH dev
#: tokens (``benchmarks/ocr_docself.py --split dev --group 1``, ICDAR-only; shipped
#: tables): 0 to 20: 5,509; 4,436 (20: 58 / 64 of 81 articles self-trained); 30: 5,513;
#: 4,437; 60: 5,561; 4,437; 120: 5,608; 4,439.  20 is the highest with the whole gain.
AUTO_RATE = 20.0
#: Texts of more words than this are not self-trained automatically on the whole of their
#: first pass (``0``: no bound): they learn from a sample of it (:data:`AUTO_SAMPLE_WORDS`),
#: else keep one pass; an archive of them is self-trained as a whole (``repair batch
#: --self-train``, ``learn --ocr``).
AUTO_MAX_WORDS = 20_000
#: A text over :data:`AUTO_MAX_WORDS` learns from :data:`AUTO_SAMPLE_PARTS` evenly spaced
#: stretches of its first pass of about this many words in all (:func:`sample_parts`; the
#: old-print guard and the floors read the whole text's words, ``learn_table``'s
#: ``words``); the second pass reads the whole text (``0``: such a text keeps one pass).
#: Off: a sample's prices are noisier than a whole text's.  ICDAR file 81's first 300 k
#: characters (52 k words; ``ocr_eval.score_file``: edit distance, correct tokens broken,
#: wrong tokens fixed): one pass 4,322, 65 broken, 4,042 fixed (7.9 s CPU); 20,000 in 10
#: stretches 4,404, **185**, 4,180 (22.7 s; without the whole text's words 4,401, 185,
#: 4,182: the guard then let "a" -> "s" through too); the whole text learned (one
#: stretch) 4,327, 66, 4,042 (15.5 s); its first 20 k words as one stretch 4,321, 65,
#: 4,042 (13.7 s).  The 300 k-word audit (``reports45/audit.py``, one call): 200 -> 198
#: broken, 28,166 -> 28,203 fixed (117 s CPU against ~50 s, peak 462 MB); the first 20 k
#: words as one stretch 203 broken, 28,201 fixed.
#: SMH articles are under the bound (unchanged).  Session 45, autocost45.
AUTO_SAMPLE_WORDS = 0
#: How many stretches :func:`sample_parts` takes (a long text mixes pages and sources).
AUTO_SAMPLE_PARTS = 10
#: A first pass whose document garble score (``scores.garble``, the OCR detector's share
#: of garbled words) is below this keeps itself before the garble rate is counted
#: (``0``: off): the count reads the OCR dictionaries, which a clean text never loads
#: (``tests/test_cold_start_loads.py``).  Of the 159 SMH articles, every one at
#: :data:`AUTO_RATE` or more scores 0.034 or more; a clean seed 0.004 (session 44, lead).
AUTO_MIN_GARBLE = 0.015

#: The self-trained pass may read a dictionary word
#: (:func:`repair.score.ocr_channel.is_target`, not web garble such as "ul" or "ti") that
#: the first pass left as it is as another only with at least this much evidence (the
#: edit's ``margin``, else its ``lm_logprob_gain``; ``None``: no bound); below it the edit
#: is dropped and the span keeps the first pass's edits (:func:`kept_known`).  Off: the
#: learned rows' real-word readings are mostly right.  SMH dev tokens lost by the drop
#: (through the hook; shipped / ICDAR-only tables) at 4: +1 / +5, 6: +3 / +6, 8: +4 / +9
#: (shipped: 13 dropped, "Bald" -> "said", "conic" -> "come" right, "sea" -> "see"
#: wrong); what 8 buys: one audit break ("witb but" -> "without", 100 k words repaired
#: part by part, 42 -> 41) and one ICDAR gold + noise break (German "Fur" -> "For",
#: 119 -> 118).  Session 44, ocrself44.
KNOWN_MARGIN: float | None = None

#: The confusion walk's bound (:func:`repair.score.ocr_channel.default_bound`, the callers
#: that name none) in AUTO's self-trained second pass only (``None``: off, the first
#: pass's :data:`~repair.score.ocr_channel.MAX_COST` 7.5), for the tokens of
#: :data:`SECOND_PASS_UNKNOWN_ONLY`.  A text that never self-trains (the audit's one call,
#: the 100 k-word speed text, a clean or lightly garbled page) keeps 7.5.  For every token
#: (session 45, ocrbound45; main 0ba98bf0, tokens / chars) 10.0 gains on SMH dev 4,329 /
#: 7,040 -> 4,317 / 7,016 and test, but ICDAR gold + noise breaks 119 -> 121 ("unt0" read
#: "unto" by the first pass, "into" by the second; "com-mandement," -> "com-mencement,").
#: On (14.0, first-pass non-words only; session 45, ocrbound45b, main 2c4f3725): SMH dev
#: 4,329 / 7,040 -> 4,323 / 7,033 (10.0: 4,327 / 7,037; 12.0: 4,322 / 7,035), ICDAR-only
#: tables dev 5,142 / 8,466 -> 5,140 / 8,461; test (read once) 5,357 / 8,691 -> 5,355 /
#: 8,682, ICDAR-only 5,940 / 9,632 -> 5,938 / 9,631; gold + noise 119 broken (as main;
#: errors reduced 69.3 -> 69.2 %); audit, clean gate, light suite as main.  See
#: benchmarks/RESULTS.md, session 45, ocrbound45b.  CPU (session 46, ocrbound46, main
#: de871e55; one process, off / on alternated, ``time.process_time``, load 7-10): SMH dev
#: medians of 5 rounds 27.3 / 25.4 s (second passes 11.3 / 11.5 s), each article
#: repaired off and on in turn (3 repeats) second passes +0.02 .. -0.16 s of ~14-19 s:
#: within the noise (process pairs of ``smh_eval.py --split dev``: medians 20.3 / 19.7 s);
#: the wider walks themselves are 484 candidate searches on dev,
#: +0.05 s, and :class:`LeftNonWords` <= 0.24 s (~1 %); the 100 k-word speed text is one
#: pass (output identical).  See benchmarks/RESULTS.md, session 46, ocrbound46.
SECOND_PASS_MAX_COST: float | None = 14.0
#: :data:`SECOND_PASS_MAX_COST` holds only for a text whose first pass reads a
#: :func:`garble_rate` of at least this (``0``: every text that self-trains).  At 100 with
#: every token widened to 10.0 gold + noise is as main but ICDAR-only dev loses chars
#: (session 45, ocrbound45).
SECOND_PASS_MIN_RATE = 0.0
#: :data:`SECOND_PASS_MAX_COST` holds only for the tokens the first pass left as non-words
#: (:class:`LeftNonWords`: digits allowed); a token the first pass read as a dictionary
#: word ("unt0" -> "unto") or an old spelling ("commandement") keeps
#: :data:`~repair.score.ocr_channel.MAX_COST` (``False``: every token).  Only
#: :func:`~repair.score.ocr_selftrain.still_unknown`'s alphabetic words (10.0): SMH dev
#: 4,329 / 7,037, ICDAR-only 5,142 / 8,466; every raw non-word (10.0): 4,318 / 7,014 but
#: gold + noise 121 (session 45, ocrbound45b).
SECOND_PASS_UNKNOWN_ONLY = True

#: :func:`auto_repair` keeps the memos of the profile in force across its second pass
#: (:func:`_held`: swapped out, then back) instead of installing the profile in force
#: again after it, which empties every memo for the next text to refill.
KEEP_CACHES = True

#: The memos :func:`_held` shares with the self-trained pass instead of swapping them for
#: empty ones: their values depend on the word lists and the language model only, never on
#: the OCR tables (each read: a ``disk_cached`` build over the dictionary and word
#: frequencies, or a view of one), so the second pass need not rebuild them.  Whole
#: modules by prefix (the word statistics) and single functions by qualified name.  SMH dev
#: (shipped tables, each mode in its own process), the 55 self-trained articles' CPU against
#: their plain repair: all swapped 3.8x (second pass 15.7 s), these shared 2.3x (8.4 s);
#: outputs identical (81 / 81).  The rest of the second pass is flat (confusion walks,
#: glued and far readings of the tables in force).  Session 44, ocrself44.
SHARED_MODULES = ("repair.resources.", "repair.score.ngrams", "repair.lexicons", "repair.normalize")
SHARED_MEMOS = frozenset(
    {
        "repair.score.ocr_channel.vocabulary",
        "repair.score.ocr_channel.is_known",
        "repair.score.ocr_search._word_prefixes",
        "repair.score.ocr_search.name_prefixes",
        "repair.score.ocr_deep.common_words",
        "repair.score.ocr_deep._common_prefixes",
        "repair.candidates.ocr_nameshape._model",
        "repair.candidates.ocr_nameshape._window_lp",
        "repair.candidates.ocr_far._by_length",
        "repair.candidates.ocr_far._ends",
        "repair.candidates.ocr_far._near_lengths",
        "repair.candidates.ocr_far._last_not_first",
        "repair.candidates.ocr_far._firsts",
        "repair.candidates.ocr_periodreach._words",
        "repair.candidates.ocr_deepreach._by_head",
        "repair.candidates.ocr_deepreach._words_of",
        "repair.candidates.ocr_deepreach._names_by_length",
        "repair.candidates.ocr_context._by_length",
        "repair.candidates.ocr_context._pool",
        "repair.candidates.ocr_nameprefix._names_of_length",
        "repair.candidates.ocr_nameprefix._prefix_stems",
        "repair.candidates.ocr_gluedfw.function_words",
    }
)

#: :func:`_held` shares :data:`WORDLIST_MEMOS` with the self-trained pass too, as
#: :data:`SHARED_MEMOS` (``False``: they are swapped for empty ones).  Exact (no profile
#: table is read; outputs byte-identical on SMH dev and 14 texts): 11 k OCR words, the
#: second pass's ~5,800 misses of them (~0.07 s) become hits; in one process, 8
#: alternated repeats, second pass 2.15 -> 2.08 s (median), under the noise of process
#: pairs at load 6-8.  Session 52, ocrself.
SHARE_WORDLIST_MEMOS = True
#: Memos whose answers read word lists and the shipped glyph-shape table only, never a
#: profile table (checked by hand: ``split_candidates``: target words, Zipf and the
#: dictionary's segmentation; ``archaic_form`` / ``is_word_form``: the dictionary, Zipf
#: and the old-spelling list; ``_total_count`` / ``_target_test``: the dictionary;
#: ``type_subs`` and its ``shape_pairs`` / ``_runs``: target words, Zipf and
#: ``ocr_glyph_shapes.tsv``; ``_period_word``: the period n-grams).  Session 51's
#: ocrspeed found them swapped in the second pass (~0.08 s of its ~2.5 s on 11 k words).
WORDLIST_MEMOS = frozenset(
    {
        "repair.score.ocr_channel.split_candidates",
        "repair.score.ocr_channel.archaic_form",
        "repair.score.ocr_channel.is_word_form",
        "repair.score.ocr_channel._total_count",
        "repair.score.ocr_channel._target_test",
        "repair.candidates.ocr_pagehabit.type_subs",
        "repair.candidates.ocr_pagehabit.shape_pairs",
        "repair.candidates.ocr_pagehabit._runs",
        "repair.candidates.ocr._period_word",
    }
)

#: The memos that read one table of the profile (and word lists) only: :func:`_held` shares
#: them with the self-trained pass when the learned profile leaves that table as it was in
#: force (its rows equal), as :data:`SHARED_MEMOS` (``{}``: off).  The slot table is never
#: self-trained (``ocr_selftrain.SLOT_SELFTRAIN``); the marks table only when a text
#: teaches mark rows.  Outputs identical with it on and off (AUTO on: SMH dev 81 / 81 in 4
#: pairs, SMH test, ICDAR 1-80 real OCR and gold + noise, the 10 k / 20 k OCR speed texts);
#: the memos took 0.92 s of 13.5 s of the 55 self-trained SMH dev articles' second passes
#: (``mark_model`` 0.45, ``table_cost`` 0.47), ~3 % of the auto path (quiet pairs: 19.48 ->
#: 19.0 s, 19.47 -> 19.3 s; one pass 9.23 s).  Session 45, autocost45.
TABLE_MEMOS: dict[str, tuple[str, ...]] = {
    "ocr_marks.tsv": ("repair.candidates.ocr_glued.mark_model",),
    "ocr_slot_confusions.tsv": (
        "repair.score.ocr_slotprice._by_printed",
        "repair.score.ocr_slotprice._rows_from",
        "repair.score.ocr_slotprice.table_cost",
    ),
}

#: :func:`_held` routes the misses of the price and one-confusion memos
#: (:data:`repair.score.ocr_rowreuse.ROUTES`) by the rows each answer reads: an answer
#: that reads no row the learned table changed is taken from (or computed into) the first
#: pass's memo, the rest afresh (``False``: every such memo empty in the second pass).
#: Exact (outputs byte-identical on SMH dev and 14 texts) but no faster: 11 k OCR words,
#: 12,777 of the 14,559 ``_block_cost`` misses read no changed row, yet the first pass's
#: memo (8,192, cycled through by a pass) held 1,357 of them, and the Python checks
#: (0.105 s) cost what the compiled prices they skip do (0.136 s); ``channel_cost`` 0 hits
#: of 1,204, ``single_confusions`` 308 (~4 ms, checks 4 ms).  Session 52, ocrself.
ROW_REUSE = False

#: Whether this thread runs :func:`auto_repair` (its own repairs are plain ones).
_state = threading.local()
#: The profile :func:`self_train` installed last (``--self-train`` asked for it).
_self_trained: str | None = None


def garble_rate(counts: ArchiveCounts) -> float:
    """The first pass's OCR substitutions (of readings of non-words) and the one-edit
    support of the words it left unknown (shares), per 1,000 words of the raw texts."""
    words = sum(counts.words.values())
    return 1000.0 * (sum(counts.used.values()) + sum(counts.unseen.values())) / max(1, words)


def floors(counts: ArchiveCounts) -> tuple[float, float | None]:
    """The least support of a new confusion row and the least speck evidence of a learned
    mark for the texts at hand (``learn_table``'s ``floors``): none learned from a clean
    text (:data:`GARBLE_FLOOR`), more needed from a long one."""
    from repair.score.ocr_selfmarks import MIN_SPECKS

    if GARBLE_FLOOR and garble_rate(counts) < GARBLE_FLOOR:
        return math.inf, math.inf
    words = sum(counts.words.values())
    support = words / WORDS_PER_SUPPORT if WORDS_PER_SUPPORT else 0.0
    specks = max(MIN_SPECKS, words / WORDS_PER_SPECK) if WORDS_PER_SPECK else None
    return support, specks


def self_train(texts: Sequence[str], config: Any = None) -> LearnedTable:
    """Self-train the OCR profile in force on ``texts`` (raw OCR, no gold) and install
    the learned profile; return what was learned.  ``config`` is the first pass's
    :class:`~repair.config.RepairConfig` (default: the default one)."""
    import tempfile

    from repair.score import ocr_table

    note = [f"self-trained on {len(texts)} text(s) at hand"]
    learned = learn_table(
        texts,
        config,
        note,
        min_uses=DOC_MIN_USES,
        floors=floors,
        max_drop=DOC_MAX_DROP,
        surprise=DOC_SURPRISE,
        surprise_uncounted=DOC_SURPRISE_UNCOUNTED,
    )
    fd, name = tempfile.mkstemp(prefix="repair-docself-", suffix=".profile")
    os.close(fd)
    try:
        Path(name).write_text(learned.text, encoding="utf-8")
        ocr_table.install(name)
    finally:
        os.unlink(name)
    global _self_trained
    _self_trained = ocr_table.installed()
    return learned


class LeftNonWords(Container[str]):
    """The tokens a first pass left as non-words: a token of ``texts`` (ends stripped,
    hyphens dropped, lower case; digits allowed) that is no word by
    :func:`~repair.score.ocr_selftrain.unknown_word` and no old spelling
    (:func:`~repair.score.ocr_channel.archaic_form`); a token is in it when its key is.

    >>> left = LeftNonWords(["he made unto her tbe1r com-mandement,"])
    >>> "Tbe1r" in left, "unto" in left, "unt0" in left, "commandement" in left
    (True, False, False, False)
    """

    def __init__(self, texts: Sequence[str]) -> None:
        from repair.score.ocr_channel import archaic_form

        keys = {_key(w) for text in texts for w in text.split()}
        self.words = frozenset(
            k for k in keys if len(k) >= MIN_LEN and unknown_word(k, k) and archaic_form(k) is None
        )

    def __contains__(self, token: object) -> bool:
        return isinstance(token, str) and _key(token) in self.words


def _key(token: str) -> str:
    return token.strip(STRIPPED).replace("-", "").lower()


def busy() -> bool:
    """Whether :func:`auto_repair` is running in this thread (its own repairs are plain
    ones)."""
    return getattr(_state, "busy", False)


def _learns(learned: LearnedTable) -> bool:
    return bool(learned.repriced or learned.new or learned.marks)


def auto_repair(repair: Any, text: str, *args: Any, **kwargs: Any) -> Any:
    """``repair(text, *args, **kwargs)`` (:func:`repair.pipeline.repair_text`'s
    arguments), self-trained on ``text`` when its first pass shows a garble rate of
    :data:`AUTO_RATE` or more: the profile in force is self-trained on the text, reusing
    the first pass (:func:`~repair.score.ocr_selftrain.learn_table`'s ``first``); the
    text is repaired again with the learned profile, and the profile in force before is
    put back.  A text of more than :data:`AUTO_MAX_WORDS` words, one whose profile
    ``--self-train`` installed, and one whose learning changes no row keep the first
    pass."""
    from repair.score import ocr_channel, ocr_table
    from repair.score.profile_lock import PROFILE

    was = busy()
    _state.busy = True
    try:
        with PROFILE.shared():
            prev = ocr_table.installed()
            long = bool(AUTO_MAX_WORDS and len(text.split()) > AUTO_MAX_WORDS)
            plain = (
                was
                or (prev is not None and prev == _self_trained)
                or (long and not AUTO_SAMPLE_WORDS)
            )
            first = repair(text, *args, **kwargs)
            if plain or _clean_first(first):
                return first
            raws, firsts = (
                sample_parts(text, first, AUTO_SAMPLE_WORDS, AUTO_SAMPLE_PARTS)
                if long
                else ([text], [first])
            )
            counts = ArchiveCounts()
            for raw, part in zip(raws, firsts, strict=True):
                counts.add(part.text, part.edits, still_unknown(part.text), raw)
            rate = garble_rate(counts)
            if rate < AUTO_RATE:
                return first
            note = ["self-trained automatically on the text at hand (repair.score.ocr_docself)"]
            learned = learn_table(
                raws,
                note=note,
                first=firsts,
                words=_word_counts(text) if long else None,
                **_learn_settings(),
            )
            if not _learns(learned):
                return first
        # the learned profile in force for this text's second pass only: no other
        # thread's repair runs meanwhile (the lock held alone; see profile_lock)
        with PROFILE.exclusive() as alone:
            if not alone or ocr_table.installed() != prev:
                return first  # a caller holds the lock shared, or the profile changed
            with (
                _held(learned.text) if KEEP_CACHES else _installed(learned.text, prev),
                ocr_channel.wider_walk(
                    SECOND_PASS_MAX_COST if rate >= SECOND_PASS_MIN_RATE else None,
                    LeftNonWords([p.text for p in firsts]) if SECOND_PASS_UNKNOWN_ONLY else None,
                ),
            ):
                second = repair(text, *args, **kwargs)
                for _ in range(DOC_ROUNDS - 1):
                    second = _another_round(repair, text, second, args, kwargs)
        return second if KNOWN_MARGIN is None else kept_known(first, second, KNOWN_MARGIN)
    finally:
        _state.busy = was


def _learn_settings() -> dict[str, Any]:
    """The self-training settings both rounds pass to ``learn_table`` (the module flags)."""
    return {
        "min_uses": DOC_MIN_USES,
        "floors": floors,
        "max_drop": DOC_MAX_DROP,
        "surprise": DOC_SURPRISE,
        "surprise_uncounted": DOC_SURPRISE_UNCOUNTED,
        "surprise_dear": DOC_SURPRISE_DEAR,
        "sure_confidence": DOC_DEAR_CONFIDENCE,
        "listed_min_cost": DOC_LISTED_MIN_COST,
        "listed_uncounted": DOC_LISTED_UNCOUNTED,
    }


def _another_round(repair: Any, text: str, last: Any, args: Any, kwargs: Any) -> Any:
    """One more EM round of :func:`auto_repair` (:data:`DOC_ROUNDS`): the profile in force
    (the last round's) self-trained on ``last``, the text repaired again with it; ``last``
    when it learns nothing."""
    learned = learn_table(
        [text],
        note=["self-trained again on the text at hand (repair.score.ocr_docself)"],
        first=[last],
        **_learn_settings(),
    )
    if not _learns(learned):
        return last
    with _held(learned.text):
        return repair(text, *args, **kwargs)


class Part(NamedTuple):
    """A stretch of a text's first pass (:func:`sample_parts`): its repaired text and its
    edits (spans on the stretch)."""

    text: str
    edits: tuple[Any, ...]


def sample_parts(text: str, first: Any, words: int, parts: int) -> tuple[list[str], list[Part]]:
    r"""``parts`` evenly spaced stretches of ``text`` of about ``words`` words in all, each
    from a word's start to a word's end and never cutting an edit of ``first`` (its
    :class:`~repair.types.RepairResult`): ``(raw stretches, their first pass)``.

    >>> from types import SimpleNamespace
    >>> from repair.types import Edit
    >>> e = Edit(8, 3, "tbe", "the", "ocr", 0.9, "r")
    >>> raws, firsts = sample_parts("a b\nc d\ntbe f\ng h\n", SimpleNamespace(edits=(e,)), 4, 2)
    >>> raws, [p.text for p in firsts], [p.edits[0].offset for p in firsts if p.edits]
    (['a b', 'tbe f'], ['a b', 'the f'], [0])
    """
    from dataclasses import replace

    from repair.write import apply_edits

    spans = [m.span() for m in _WORD_RE.finditer(text)]
    starts, ends = [a for a, _ in spans], [b for _, b in spans]
    n, per = len(starts), max(1, words // max(1, parts))
    edits = sorted(first.edits, key=lambda e: (e.offset, e.length))
    raws: list[str] = []
    out: list[Part] = []
    last = 0
    for k in range(max(1, parts)):
        w = max(k * n // max(1, parts), 0)
        if w >= n:
            break
        a, b = starts[w], ends[min(n, w + per) - 1]
        for e in edits:  # widen over an edit cut by either end
            if e.offset < a < e.end:
                a = e.offset
            if e.offset < b < e.end:
                b = e.end
        a = max(a, last)
        if a >= b:
            continue
        last = b
        inside = tuple(
            replace(e, offset=e.offset - a) for e in edits if a <= e.offset and e.end <= b
        )
        raw = text[a:b]
        raws.append(raw)
        out.append(Part(apply_edits(raw, inside), inside))
    return raws, out


_WORD_RE = re.compile(r"\S+")


def _word_counts(text: str) -> Counter[str]:
    """The lower-case word types of ``text`` and how often each is printed
    (:class:`~repair.score.ocr_selftrain.ArchiveCounts`'s ``words``)."""
    probe = ArchiveCounts()
    probe.add("", (), (), text)
    return probe.words


def _clean_first(first: Any) -> bool:
    """Whether the first pass's garble score is below :data:`AUTO_MIN_GARBLE` (no
    self-training then)."""
    return bool(AUTO_MIN_GARBLE) and first.scores.garble < AUTO_MIN_GARBLE


def kept_known(first: Any, second: Any, margin: float) -> Any:
    """``second`` (the self-trained pass's :class:`~repair.types.RepairResult`) without its
    edits that read a known word the ``first`` pass left untouched as another on less
    than ``margin`` of evidence (:data:`KNOWN_MARGIN`): such a span keeps the first
    pass's edits."""
    from dataclasses import replace

    from repair.types import RepairResult
    from repair.write import apply_edits

    drop = [e for e in second.edits if _rereads_known(e, first.edits, margin)]
    if not drop:
        return second
    kept = [e for e in second.edits if e not in drop]
    for e in first.edits:  # the first pass's reading of a dropped span
        inside = any(d.offset <= e.offset and e.end <= d.end for d in drop)
        if inside and not any(k.offset < e.end and e.offset < k.end for k in kept):
            kept.append(e)
    edits = tuple(sorted(kept, key=lambda e: (e.offset, e.length)))
    kinds: dict[str, int] = {}
    for e in edits:
        kinds[e.kind] = kinds.get(e.kind, 0) + 1
    sc = second.scores
    scores = replace(
        sc,
        edits=len(edits),
        edits_per_1000_words=1000.0 * len(edits) / sc.words if sc.words else 0.0,
        edits_by_kind=kinds,
    )
    original = second.original
    return RepairResult(original, apply_edits(original, edits), edits, scores, second.declined)


def _rereads_known(e: Any, first: Sequence[Any], margin: float) -> bool:
    """Whether edit ``e`` reads a known word that no ``first`` edit touched as another
    (the word is not in its replacement), on less than ``margin`` of evidence."""
    from repair.score.ocr_channel import is_target

    ev = e.evidence
    if float(ev.get("margin", ev.get("lm_logprob_gain", 0.0))) >= margin:
        return False
    kept = {w.strip(_PUNCT) for w in e.replacement.split()}
    for m in re.finditer(r"\S+", e.original):
        a, b = e.offset + m.start(), e.offset + m.end()
        word = m.group().strip(_PUNCT)
        if not word.isalpha() or any(f.offset < b and a < f.end for f in first):
            continue
        if word not in kept and is_target(word):
            return True
    return False


_PUNCT = ".,;:!?\"'()[]-"


def _install_text(profile: str, clear_memos: bool = True) -> None:
    import tempfile  # only here: a cold start of a clean text does not load it

    from repair.score import ocr_table

    fd, name = tempfile.mkstemp(prefix="repair-docself-", suffix=".profile")
    os.close(fd)
    try:
        Path(name).write_text(profile, encoding="utf-8")
        ocr_table.install(name, clear_memos)
    finally:
        os.unlink(name)


@contextmanager
def _installed(profile: str, prev: str | None) -> Iterator[None]:
    """``profile`` in force for the block, then ``prev`` again (caches refilled)."""
    from repair.score import ocr_table

    _install_text(profile)
    try:
        yield
    finally:
        ocr_table.install(prev)


def _cached_globals() -> list[tuple[Any, str, Any]]:
    """``(module, name, function)`` for every ``lru_cache`` function a loaded ``repair``
    module holds as a global (what :func:`repair.score.ocr_table.install` empties)."""
    out = []
    for mod_name, module in list(sys.modules.items()):
        if module is None or not (mod_name == "repair" or mod_name.startswith("repair.")):
            continue
        for name, value in list(vars(module).items()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and hasattr(value, "__wrapped__"):
                out.append((module, name, value))
    return out


def _name(f: Any) -> str:
    inner = f.__wrapped__
    return f"{getattr(inner, '__module__', '')}.{getattr(inner, '__qualname__', '')}"


def _shared(f: Any) -> bool:
    """Whether :func:`_held` shares ``f``'s memo (:data:`SHARED_MEMOS`)."""
    mod = getattr(f.__wrapped__, "__module__", "") or ""
    name = _name(f)
    return (
        mod.startswith(SHARED_MODULES)
        or name in SHARED_MEMOS
        or (SHARE_WORDLIST_MEMOS and name in WORDLIST_MEMOS)
    )


def _route(held: list[tuple[Any, str, Any]], changes: Any) -> None:
    """Put a routed memo (:func:`repair.score.ocr_rowreuse.routed`) in place of each held
    memo of :data:`~repair.score.ocr_rowreuse.ROUTES` (``changes``: the learned table's
    changed rows, :class:`~repair.score.ocr_rowreuse.Changes`)."""
    from repair.score import ocr_rowreuse

    made: dict[int, Any] = {}
    for module, name, f in held:
        dirty = ocr_rowreuse.ROUTES.get(_name(f))
        if dirty is not None:
            if id(f) not in made:
                made[id(f)] = ocr_rowreuse.routed(f, dirty, changes)
            setattr(module, name, made[id(f)])


@contextmanager
def _held(profile: str) -> Iterator[None]:
    """``profile`` in force for the block with fresh memos, then the profile in force
    before and its memos back as they were (:data:`KEEP_CACHES`): every ``lru_cache``
    global of the ``repair`` modules is swapped for an empty one of the same size for
    the block, and the channel's window caches and the installed rows are saved and put
    back, so the next text does not refill what the learned profile's install emptied."""
    from repair.score import ocr, ocr_channel, ocr_rowreuse, ocr_table

    held = [(m, n, f) for m, n, f in _cached_globals() if not _shared(f)]
    fresh: dict[int, Any] = {}
    for _, _, f in held:
        if id(f) not in fresh:
            params = f.cache_parameters()
            fresh[id(f)] = functools.update_wrapper(
                functools.lru_cache(maxsize=params["maxsize"], typed=params["typed"])(
                    f.__wrapped__
                ),
                f.__wrapped__,
            )
    readers = {n: importlib.import_module(m) for n, m in ocr_table.READERS.items()}
    saved = (
        ocr_table._installed,
        dict(ocr_table._overrides),
        ocr_channel._override_rows,
        {n: getattr(m, "override_rows", None) for n, m in readers.items()},
        dict(ocr_channel._windows),
        dict(ocr_channel._window_plans),
        ocr._last[0],
    )
    before = {name: ocr_table.rows_in_force(name) for name in TABLE_MEMOS}
    rows = ocr_rowreuse.snapshot() if ROW_REUSE else None
    for module, name, f in held:
        setattr(module, name, fresh[id(f)])
    try:
        _install_text(profile, clear_memos=False)  # the swapped memos are empty
        if rows is not None:  # the routed memos' misses by the rows they read
            _route(held, ocr_rowreuse.changes(rows, ocr_rowreuse.snapshot()))
        kept = {  # a table the learned profile holds as it was: its memos stay valid
            memo
            for table, memos in TABLE_MEMOS.items()
            if ocr_table.rows_in_force(table) == before[table]
            for memo in memos
        }
        for module, name, f in held:
            if _name(f) in kept:
                setattr(module, name, f)
        yield
    finally:
        for module, name, f in held:
            setattr(module, name, f)
        installed, overrides, rows, reader_rows, windows, plans, last = saved
        ocr_table._installed = installed
        ocr_table._overrides.clear()
        ocr_table._overrides.update(overrides)
        ocr_channel._override_rows = rows
        for n, m in readers.items():
            m.override_rows = reader_rows[n]  # type: ignore[attr-defined]
        ocr_channel._windows.clear()
        ocr_channel._windows.update(windows)
        ocr_channel._window_plans.clear()
        ocr_channel._window_plans.update(plans)
        ocr._last[0] = last
