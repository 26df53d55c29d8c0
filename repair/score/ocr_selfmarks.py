"""Self-training of the OCR marks table on an archive's own raw pages (no gold).

The marks table (``lexicons/ocr_marks.tsv``, :mod:`repair.candidates.ocr_glued`) says
what a mark glued to a word stands for (keep, drop, a space or a letter).  It is learned
from aligned gold, so an archive that prints other specks than the table's sources gets
nothing for them: ICDAR's books print 9 kinds of mark, a newspaper ~30 ("»", "«", "\\",
"*", '"', "(").  A mark the table saw fewer than ``MIN_MARK_COUNT`` times is never read.
On SMH dev, ICDAR-only tables with SMH's marks table instead of ICDAR's fix ~500 more
tokens (5,930 -> 5,427; session 28, ocrslot28): the largest single table gap.

One page holds too little evidence (:mod:`repair.candidates.ocr_pagemarks` reads the
inner specks of one page), but an archive's pages hold much more.  Each chunk (a run of
non-space characters) with such a mark gives the readings a dictionary explains
(:func:`mark_readings`):

* a mark between letters: ``drop`` when the two pieces joined are a word, else ``=x``
  for each letter that makes one ("gover»nment", "v«ill"; not when both pieces are words
  as printed; a hyphen between two words is kept: "well-known");
* a mark ending (opening) a piece that is no word: ``=x`` for each letter that makes it
  a word ("wa«" -> "was", "»ith" -> "with");
* a mark ending (opening) a word: ``keep`` (:data:`PLAIN_FATE`: the mark as printed),
  and ``=x`` for each letter that makes another word ("building«": "buildings").

A mark's readings share one unit: the kinds of fate (keep, drop, letter) by a prior
fitted to the archive by expectation-maximisation (:data:`EM_ROUNDS`, by the mark and its
context), the letters among themselves by their words' web frequency.  So a mark the
pages show as a speck in words nothing else explains ("th«", "wa«") is read as a letter
in words both readings make, and a mark the pages mostly print beside words ('"', ")")
stays a mark.  A plain mark's share is then split between keep and drop by the mark's
speck share (:data:`PLAIN_SPLIT`: "»" beside a word is mostly a speck).

:func:`archive_mark_rows` pools those shares (times :data:`WEIGHT`) for the marks the
table in force cannot read (fewer than :data:`LEARN_BELOW` uses) and that the pages show
as a speck often enough (:data:`MIN_SPECKS`, :data:`MIN_SPECK_SHARE`), and returns them as
rows of the marks table (:func:`repair.score.ocr_selftrain.learn_table` appends them to
the profile's marks section).  The language model decides each reading on the page, as
before.  No gold is read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from string import ascii_lowercase

#: Marks the table in force has seen fewer times than this get the archive's rows: the
#: marks the repair cannot read at all (:data:`repair.candidates.ocr_glued.MIN_MARK_COUNT`).
#: A mark the table knows keeps its gold-aligned rates (the archive's lexical evidence
#: sees only specks and plain marks, not their true shares).  50: ICDAR-only tables ->
#: SMH dev (marks alone) 5,590 tokens against 5,595, but the shipped tables self-trained
#: on SMH dev learn 58 rows for marks their gold holds 3-49 times ("¡", "\\", "}") and
#: read 4,748 / 7,610 against 4,737 / 7,600 without them.
LEARN_BELOW = 3
#: Speck evidence (the shares of ``drop`` and letter readings, summed over the archive's
#: distinct chunks: a repeated "said)" is one piece) a mark needs before any of its rows
#: are learned.  Measured with ICDAR-only tables -> SMH dev, this module's rows added to
#: ICDAR's marks table and nothing else self-trained (tokens; no rows: 5,930): 1.0 /
#: 2.0 / 3.0 (then summed over occurrences): 5,615 / 5,618 / 5,651 at weight 2.
MIN_SPECKS = 2.0
#: The fate a mark ending (opening) a word no letter extends is counted as: ``"keep"``
#: or ``None`` (not counted).  ``None`` (before the prior and the split below): 5,791 /
#: 5,813 tokens against 5,815 / 5,767 with ``"keep"`` (the same measure).
PLAIN_FATE: str | None = "keep"
#: Most letters a piece may be completed by for a letter fate to count (26: any; the
#: frequency shares decide; at 2, "»as" -> "was" was never counted).
MAX_LETTERS = 26
#: Whether the readings of one mark share its chunk's weight by their words' web
#: frequency (``"was"`` before ``"has"`` for "»as"); else equally.
BY_FREQUENCY = True
#: Whether a mark ending (opening) a *word* that a letter also extends ("building«")
#: counts its letter readings, with the share their frequency has beside the word's own.
EXTEND_WORDS = True
#: How a chunk's evidence is counted: ``"all"`` (every occurrence), ``"page"`` (once per
#: distinct chunk of a page) or ``"archive"`` (once per distinct chunk of the archive).
COUNT = "all"
#: Pseudo-counts per unit of evidence (a chunk's shares sum to one): 2 / 3 / 4: 5,618 /
#: 5,595 / 5,603 tokens (the same measure); 1 -> 2 earlier: 5,733 -> 5,719.
WEIGHT = 3.0
#: Marks never learned: apostrophes, typeset or not (:data:`repair.candidates.ocr_pagemarks
#: .SKIP_MARKS` without the hyphens, which ICDAR's table lacks and a newspaper prints for
#: broken letters: "th-y", "-pproved"), and spaces.
SKIP = frozenset("'\u2019\u2018\u02bc`")
#: Whether a hyphen is learned (between letters and opening a word; a hyphen ending a
#: piece is a line-end or compound break, never learned).  Off: 5,743 tokens, on 5,731.
HYPHENS = True
_HYPHENS = frozenset("-\u2010\u2011")
#: Chunks longer than this are skipped (:data:`repair.candidates.ocr_glued.MAX_CHUNK`).
MAX_CHUNK = 24


def _weight(word: str) -> float:
    from repair.resources.frequency import zipf

    return 10 ** zipf(word.lower()) if BY_FREQUENCY else 1.0


def _completions(piece: str, lead: bool) -> dict[str, str]:
    """``{"=x": word}`` for each lower-case letter ``x`` that makes ``piece`` a word put
    before it (``lead``, a lower-case piece only) or after it (lower-case or capitalised)."""
    from repair.score.ocr_channel import is_target

    if not piece.isalpha():
        return {}
    if not (piece.islower() or (not lead and piece[:1].isupper() and piece[1:].islower())):
        return {}
    out = {}
    for x in ascii_lowercase:
        word = x + piece if lead else piece + x
        if is_target(word):
            out["=" + x] = word
    return out


def _inner_readings(chunk: str, k: int) -> dict[str, str]:
    """``{fate: word}`` of a mark between letters that makes one word of the two pieces
    (not both words as printed); a hyphen between two words is kept ("well-known")."""
    from repair.candidates.ocr_rules import letter_runs
    from repair.score.ocr_channel import is_target

    i, j = letter_runs(chunk, k)
    left, right = chunk[i:k], chunk[k + 1 : j]
    if is_target(left) and is_target(right):
        keep = chunk[k] in _HYPHENS and PLAIN_FATE
        return {PLAIN_FATE: left + right} if keep else {}
    if len(left) + len(right) < 3:
        return {}  # "S&P", "w/o": too short to say
    word = left + right
    if not (word.islower() or (word[:1].isupper() and word[1:].islower())):
        return {}  # "AT&T": capitals
    if is_target(word):
        return {"drop": word}
    return {"=" + x: left + x + right for x in ascii_lowercase if is_target(left + x + right)}


def mark_readings(chunk: str) -> list[tuple[int, dict[str, str]]]:
    """``(k, {fate: word read})`` of each mark ``chunk[k]`` the dictionary explains
    (module doc); a plain mark's fate is :data:`PLAIN_FATE`, its word the piece."""
    from repair.candidates.ocr_rules import letter_runs

    out: list[tuple[int, dict[str, str]]] = []
    marks = [k for k, ch in enumerate(chunk) if not ch.isalnum()]
    if not marks or len(chunk) > MAX_CHUNK or not any(c.isalpha() for c in chunk):
        return out
    for k in marks:
        m = chunk[k]
        if m in SKIP or m.isspace() or (m in _HYPHENS and not HYPHENS):
            continue
        left = chunk[k - 1].isalpha() if k > 0 else False
        right = chunk[k + 1].isalpha() if k + 1 < len(chunk) else False
        if m in _HYPHENS and not right:
            continue
        if left and right:
            readings = _inner_readings(chunk, k)
        elif left and not any(c.isalnum() for c in chunk[k + 1 :]):
            i, _j = letter_runs(chunk, k - 1)
            readings = _edge_readings(chunk[i:k], False)
        elif right and not any(c.isalnum() for c in chunk[:k]):
            _i, j = letter_runs(chunk, k + 1)
            readings = _edge_readings(chunk[k + 1 : j], True)
        elif OUTER_KEEP and _outer_mark(chunk, k):
            readings = {PLAIN_FATE: chunk} if PLAIN_FATE else {}
        else:
            continue
        if 1 <= len(readings) <= MAX_LETTERS + 1:
            out.append((k, readings))
    return out


#: Whether a mark beyond a full stop or comma at a word's edge ('Glory."', "said,)")
#: counts as kept when the chunk's letters are one word: punctuation closing a quote.
OUTER_KEEP = True
_STOPS = frozenset(".,;:!?")


def _outer_mark(chunk: str, k: int) -> bool:
    """Whether ``chunk[k]`` stands at the chunk's edge beyond sentence punctuation
    (:data:`_STOPS`), the chunk's letters one word (``'Glory."'``)."""
    from repair.score.ocr_channel import is_target

    core = chunk.strip("".join({c for c in chunk if not c.isalnum()}))
    if not core.isalpha() or len(core) < 2 or not is_target(core):
        return False
    at = chunk.find(core)
    between = chunk[k + 1 : at] if k < at else chunk[at + len(core) : k]
    return bool(between) and all(c in _STOPS for c in between)


def _edge_readings(piece: str, lead: bool) -> dict[str, str]:
    """``{fate: word}`` of a mark opening (``lead``) or ending ``piece``: the letters that
    make a word of it and, when it is a word, the mark as printed (:data:`PLAIN_FATE`).
    A piece of one letter ("(s.)") says nothing."""
    from repair.score.ocr_channel import is_target

    readings = _completions(piece, lead)
    if len(piece) < 2 or len(readings) > MAX_LETTERS:
        return {}
    if not is_target(piece):
        return readings
    if readings and not EXTEND_WORDS:
        return {}
    return {**readings, PLAIN_FATE: piece} if PLAIN_FATE else readings


def _kind(fate: str) -> str:
    return "letter" if fate.startswith("=") else fate


def chunk_fates(
    chunk: str,
    prior: Mapping[tuple[str, str], Mapping[str, float]] | None = None,
    keep_odds: Mapping[str, float] | None = None,
) -> list[tuple[int, str, float]]:
    """``(k, fate, share)`` of each mark ``chunk[k]`` the dictionary explains.  A mark's
    readings share one unit: each kind of fate (keep, drop, letter) by
    ``prior[(mark, key)][kind]`` (key: :func:`_position`; default: equal), the letters
    among themselves by their words' weight (:data:`BY_FREQUENCY`); the mark as printed
    (:data:`PLAIN_FATE`) times ``keep_odds[mark]`` (default 1: its page's odds of being a
    mark rather than a speck, :data:`PAGE_KEEP_ODDS`)."""
    out: list[tuple[int, str, float]] = []
    for k, readings in mark_readings(chunk):
        p = (prior or {}).get((chunk[k], _position(chunk, k)), {})
        odds = (keep_odds or {}).get(chunk[k], 1.0)
        if odds != 1.0 and PAGE_KEEP_EDGE and not _word_edge(chunk, k):
            odds = 1.0
        letters = {f: _weight(w) for f, w in readings.items() if f.startswith("=")}
        total = sum(letters.values())
        weights = {}
        for f in readings:
            mass = p.get(_kind(f), 1.0)
            if f in letters:
                weights[f] = mass * letters[f] / total if total > 0 else 0.0
            else:
                weights[f] = mass * odds if f == PLAIN_FATE else mass
        norm = sum(weights.values())
        if norm > 0:
            out += [(k, f, w / norm) for f, w in weights.items()]
    return out


def _position(chunk: str, k: int) -> str:
    """The key of the mark ``chunk[k]``'s fitted prior: its context (:data:`PRIOR_BY`)."""
    from repair.candidates.ocr_glued import context_of

    ctx = context_of(chunk, k)
    return ctx if PRIOR_BY == "context" else ctx.split(":")[0]


#: Rounds of expectation-maximisation of each mark's kinds of fate (``0``: every
#: reading weighed by its word's frequency alone).  A mark the archive's pages show as a
#: speck in words no one reads otherwise ("th«", "wa«") is then read as a letter in words
#: that are words both ways ("building«") too.  0 (frequency alone): 5,767 tokens; the
#: prior by fate (each letter apart) 5,800; by kind of fate (this) 5,743 (same measure,
#: before the split and the gates).
EM_ROUNDS = 5
#: What a mark's prior is fitted by: ``"context"`` (position and neighbours: "(From"
#: and "(hat" apart) or ``"position"``: 5,637 / 5,639 tokens.
PRIOR_BY = "context"
#: Additive smoothing of the fates' shares between rounds.
EM_SMOOTHING = 0.5


def _fit_prior(
    events: Mapping[tuple[str, tuple[tuple[str, float], ...]], int] | Mapping[str, int],
) -> dict[tuple[str, str], dict[str, float]]:
    """``{(mark, key): {kind of fate: share}}`` fitted by :data:`EM_ROUNDS` rounds over the
    chunks ``events`` (``{(chunk, keep odds): occurrences}`` or ``{chunk: occurrences}``)."""
    prior: dict[tuple[str, str], dict[str, float]] = {}
    for _round in range(EM_ROUNDS):
        counts: dict[tuple[str, str], Counter[str]] = {}
        for key, n in events.items():
            chunk, odds = (key, ()) if isinstance(key, str) else key
            for k, fate, share in chunk_fates(chunk, prior, dict(odds) if PAGE_KEEP_EM else None):
                key = (chunk[k], _position(chunk, k))
                counts.setdefault(key, Counter())[_kind(fate)] += share * n
        prior = {}
        for key, c in counts.items():
            total = sum(c.values()) + EM_SMOOTHING * len(c)
            prior[key] = {f: (v + EM_SMOOTHING) / total for f, v in c.items()}
    return prior


def archive_mark_rows(
    pages: Iterable[str],
    known: Mapping[str, int] | None = None,
    min_specks: float | None = None,
) -> list[tuple[str, str, str, str]]:
    """Rows ``(mark, context, fate, count)`` the archive's ``pages`` (raw OCR) teach for
    the marks ``known`` (``{mark: uses in the table in force}``; default: that table's)
    holds fewer than :data:`LEARN_BELOW` times; a mark needs ``min_specks`` speck
    evidence (default :data:`MIN_SPECKS`)."""
    pages = list(pages)
    if known is None:
        known = table_mark_counts()
    rows = _mark_rows(pages, known, min_specks, PAGE_KEEP_ODDS)
    if PAGE_KEEP_ODDS and not PAGE_KEEP_NEW_MARKS:
        learned = {r[0] for r in _mark_rows(pages, known, min_specks, False)}
        rows = [r for r in rows if r[0] in learned]
    return rows


def _mark_rows(
    pages: list[str], known: Mapping[str, int], min_specks: float | None, page_odds: bool
) -> list[tuple[str, str, str, str]]:
    """:func:`archive_mark_rows` with or without the pages' keep odds (:data:`PAGE_KEEP_ODDS`)."""
    from repair.candidates.ocr_glued import context_of

    events: Counter[tuple[str, tuple[tuple[str, float], ...]]] = Counter()
    seen: set[str] = set()
    for page in pages:
        chunks = [c for c in page.split() if not c.isalnum() and len(c) <= MAX_CHUNK]
        odds = page_keep_odds(chunks, known) if page_odds else {}
        if COUNT != "all":
            chunks = sorted(set(chunks) - seen)
        if COUNT == "archive":
            seen |= set(chunks)
        for chunk in chunks:
            if any(known.get(ch, 0) < LEARN_BELOW for ch in chunk if not ch.isalnum()):
                events[(chunk, tuple((m, o) for m, o in odds.items() if m in chunk))] += 1
    prior = _fit_prior(events)
    counts: dict[tuple[str, str, str], float] = {}
    specks: Counter[str] = Counter()
    for (chunk, odds), n in events.items():
        for k, fate, share in chunk_fates(chunk, prior, dict(odds)):
            m = chunk[k]
            if known.get(m, 0) >= LEARN_BELOW:
                continue
            key = (m, context_of(chunk, k), fate)
            counts[key] = counts.get(key, 0.0) + share * n * WEIGHT
            if fate != PLAIN_FATE:
                specks[m] += share
    shares = _speck_shares(counts)
    floor = MIN_SPECKS if min_specks is None else min_specks
    if PLAIN_SPLIT and PLAIN_FATE:
        counts = _split_plain(counts, shares)
    return [
        (m, ctx, fate, str(round(n)))
        for (m, ctx, fate), n in sorted(counts.items())
        if specks[m] >= floor and shares[m] >= MIN_SPECK_SHARE and round(n) >= 1
    ]


#: Price a plain mark's share (:data:`PLAIN_FATE`, the mark as printed beside a word:
#: "building«") by its page's own keep rate of the glyph
#: (:func:`repair.candidates.ocr_glyphrate.page_keep_shifts`: Λ, the log likelihood
#: ratio of "a speck" against "a mark" from where the page prints it): the keep reading's
#: weight is multiplied by ``exp(-PAGE_KEEP_WEIGHT * Λ)`` before the chunk's share is
#: divided (only where the glyph is glued to a complete word, :data:`PAGE_KEEP_EDGE`; and
#: only for marks that learn rows without it, :data:`PAGE_KEEP_NEW_MARKS`).  Issue 12,
#: session 60 (selfkept; benchmarks/RESULTS.md), ICDAR-only tables (``benchmarks/
#: ocr_xsource.py --train icdar``): per-document proxy dev (``--eval smh-dev``) 4,747 /
#: 7,838 -> 4,745 / 7,840 tokens / chars (flat; "»vas" -> was); the archive's rows
#: (``repair batch --self-train --ocr-table`` of those tables on SMH dev) 4,610 / 7,564 ->
#: 4,589 / 7,539 (dev-a -13, dev-b -8 tokens).  Variants (per-document dev): in the
#: prior's rounds too 4,749 / 7,838; on every plain share 4,746 / 7,839; new marks allowed
#: 4,749 / 7,845; weight 0.5 / 2: 4,752 / 7,846, 4,747 / 7,837.  Shipped-table SMH dev and
#: test, light dev, audit dev, clean English, seeds identical.  Test (read once):
#: per-document proxy 5,647 / 9,183 -> 5,643 / 9,179, batch proxy 5,506 / 8,917 -> 5,490 /
#: 8,904.  ON.
PAGE_KEEP_ODDS = True
#: Nats of the page's Λ taken (1: the likelihood ratio itself).
PAGE_KEEP_WEIGHT = 1.0
#: Whether the prior's expectation-maximisation rounds read the page odds too (else only
#: the final counts).
PAGE_KEEP_EM = False
#: Whether the odds may make a mark learn rows it learns none of without them (its speck
#: evidence raised over :data:`MIN_SPECKS`): such a mark is then no longer read through
#: the table's junk marks (:data:`repair.candidates.ocr_glued.UNSEEN_JUNK`).
PAGE_KEEP_NEW_MARKS = False
#: Whether the odds price only a glyph glued to the edge of a complete word of
#: :data:`repair.candidates.ocr_glyphrate.EDGE_MIN_LEN` letters or more (where the page's
#: shift reads it: "building«", not "of«", which is "of a" as often as "off").
PAGE_KEEP_EDGE = True


def _word_edge(chunk: str, k: int) -> bool:
    from repair.candidates.ocr_glyphrate import edge_of_word

    return edge_of_word(chunk, k)


def page_keep_odds(chunks: list[str], known: Mapping[str, int]) -> dict[str, float]:
    """``{glyph: odds}``: how much the page's own keep rate of each speck glyph it prints
    multiplies the glyph's keep reading (:data:`PAGE_KEEP_ODDS`; 1 for none)."""
    import math

    from repair.candidates import ocr_glued, ocr_glyphrate

    real = ocr_glyphrate.real_marks(ocr_glued.mark_model().by_mark)
    shifts = ocr_glyphrate.page_keep_shifts(chunks, real)
    return {
        m: math.exp(-PAGE_KEEP_WEIGHT * lam)
        for m, lam in shifts.items()
        if known.get(m, 0) < LEARN_BELOW
    }


#: Whether a plain mark's count (a mark beside a word, as printed: punctuation or a
#: speck the word survives) is split between ``keep`` and ``drop`` by the share of the
#: mark's other evidence that is a speck (its letter and drop readings, every position):
#: "»" beside a word is mostly a speck, '"' mostly a quote.  Off: 5,695 tokens, on 5,610
#: (weight 2, before the gates).
PLAIN_SPLIT = True


#: Least share of a mark's evidence that must be a speck (its letter and drop readings)
#: for any of its rows to be learned: clean text prints brackets beside words and, in
#: names and rare words, a few that a letter would make words ("[boom]" -> "booms").
#: On ../shared/data/clean_english (318 texts, the shipped table) 0.0 learns "/", "[",
#: "]", "{", "}" rows, 0.08 none; on SMH dev 0.0 / 0.03 / 0.08: 5,637 / 5,637 / 5,647
#: tokens (at ``MIN_SPECKS`` 3).
MIN_SPECK_SHARE = 0.08


def _speck_shares(counts: Mapping[tuple[str, str, str], float]) -> dict[str, float]:
    """``{mark: share of its evidence that is a speck}``."""
    speck: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for (m, _ctx, fate), n in counts.items():
        total[m] += n
        if fate != PLAIN_FATE:
            speck[m] += n
    return {m: speck[m] / total[m] if total[m] else 0.0 for m in total}


def _split_plain(
    counts: Mapping[tuple[str, str, str], float], shares: Mapping[str, float]
) -> dict[tuple[str, str, str], float]:
    """``counts`` with each plain count split between keep and drop (:data:`PLAIN_SPLIT`)."""
    out: dict[tuple[str, str, str], float] = {}
    for (m, ctx, fate), n in counts.items():
        if fate != PLAIN_FATE or m in _HYPHENS:
            out[(m, ctx, fate)] = out.get((m, ctx, fate), 0.0) + n
            continue
        share = shares[m]
        for f, part in ((fate, 1.0 - share), ("drop", share)):
            out[(m, ctx, f)] = out.get((m, ctx, f), 0.0) + n * part
    return out


def table_mark_counts(rows: Iterable[tuple[str, ...]] | None = None) -> dict[str, int]:
    """``{mark: uses}`` of the marks table ``rows`` (default: the table in force)."""
    if rows is None:
        from repair.score import ocr_table

        rows = ocr_table.rows_in_force(ocr_table.MARKS)
    out: Counter[str] = Counter()
    for row in rows:
        out[row[0]] += int(row[3])
    return dict(out)
