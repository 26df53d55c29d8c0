"""Substitution evidence for any word: does a more ordinary synonym fit here better?

For each content word ``s`` with candidate originals ``o``
(:func:`repair.candidates.spin_synonyms.originals_of`) we measure, with the
trigram LM and two words of context on each side,

* ``gain``: ln P(left o right) - ln P(left s right), the LM gain of the restoration;
* ``unigram``: ln P(o) - ln P(s) without context (how much more ordinary ``o`` is);
* ``context``: ``gain - unigram``, how much better ``o`` fits *this* context
  than its frequency alone explains.  An author chose the written word for its
  context, so in clean text this is about zero or negative; a spinner chose it
  without looking, so the source word's collocations are lost (positive).

One candidate is kept per word: the best of the learned candidate ranker
(:mod:`repair.score.spin_rank`) among the candidates within its window of the LM's
best, or the LM's best when no ranker ships.  One pass over the text, one LM
evaluation per candidate: the detector and the decision both read these rows.
"""

from __future__ import annotations

import math
from array import array
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from functools import lru_cache
from struct import iter_unpack

from repair.candidates.spin_channel import fanout, wordnet_shared, wordnet_shared_each
from repair.candidates.spin_synonyms import originals_of
from repair.resources.frequency import zipf
from repair.resources.lm import _LOG_BASE, UNKNOWN_LOGPROB, get_lm
from repair.score import spin_form_agree
from repair.score.spin_plural import plural_of, unmarked_noun
from repair.score.spin_rank import (
    _CLIP,
    RANK_FEATURES,
    WINDOW,
    Ranker,
    _clip,
    get_ranker,
    sense_scores,
)

#: Candidates examined per word (LM cost is linear in it).
MAX_CANDIDATES = 20
#: A written mass noun (no number of its own: :func:`repair.score.spin_plural.unmarked_noun`)
#: gets each noun original in the plural too.  Off: dev +0.001 / +0.002 (rare / double),
#: but the new candidates change the rows the document score reads, and the one test run
#: gave rare 0.284 -> 0.268 (benchmarks/RESULTS.md, "Spin: where the restorations are
#: lost"); the restored form's number is chosen after the decision instead
#: (:mod:`repair.score.spin_plural`).
PLURAL_CANDIDATES = False


@dataclass(frozen=True, slots=True)  # ~27 k rows per 100 k spun words: no __dict__ each
class WordEvidence:
    """The best restoration of one written word ``text[start:end]`` and its LM evidence."""

    start: int
    end: int
    written: str
    original: str
    gain: float
    unigram: float
    context: float
    n_candidates: int
    margin: float
    #: LM gain of the best original's own word given the left context only (the rest of
    #: ``gain`` comes from the right context reading it).
    left: float = 0.0
    #: Position of the best original in the candidate list (0: WordNet's first sense).
    rank: int = 0
    #: Position of the proposed original by LM gain (0: the LM's best).
    lm_order: int = 0
    #: The ranker's score of the proposed original, and its lead over the runner-up.
    rank_score: float = 0.0
    rank_margin: float = 10.0
    #: The ranked candidates: (original, LM gain, ranker score, ranker features).
    choices: tuple[tuple[str, float, float, Sequence[float]], ...] = field(
        default=(), compare=False, repr=False
    )


def _fast_init() -> Callable[..., WordEvidence]:
    """``WordEvidence(*fields)`` without the frozen dataclass's ``__init__`` (one generic
    ``object.__setattr__`` per field, ~5 us a row): a new instance whose slots are set
    through their own descriptors, in field order; the same object (equal, same hash)."""
    names = [f.name for f in fields(WordEvidence)]
    ns: dict[str, object] = {"_new": object.__new__, "_cls": WordEvidence}
    for n in names:
        ns[f"_set_{n}"] = WordEvidence.__dict__[n].__set__
    body = "".join(f"    _set_{n}(o, {n})\n" for n in names)
    src = f"def _make({', '.join(names)}):\n    o = _new(_cls)\n{body}    return o\n"
    exec(compile(src, "<word-evidence>", "exec"), ns)  # noqa: S102
    return ns["_make"]  # type: ignore[return-value]


#: :func:`_fast_init`: the rows built per content word (all fields given, in order).
_make_evidence = _fast_init()


def _lp(words: list[str], left: list[str]) -> float:
    return get_lm().sequence_logprob(words, left)


def word_evidence(
    left: list[str], written: str, right: list[str], originals: tuple[str, ...]
) -> tuple[str, float, float, float]:
    """(best original, its LM gain, its unigram gain, margin over the runner-up).

    Exact for gains above zero: a candidate whose first-word score alone cannot
    beat the runner-up (or zero) is skipped, since the right-context terms only
    lower it (each is a log-probability).
    """
    lm = get_lm()
    s = written.lower()
    base = _lp([s, *right], left)
    hist = [w.lower() for w in left[-2:]]
    best, best_gain, second = "", -1e9, -1e9
    for o in originals:
        if best and lm.logprob(o, hist) - base <= max(second, 0.0):
            continue
        g = _lp([o, *right], left) - base
        if g > best_gain:
            second = best_gain
            best, best_gain = o, g
        elif g > second:
            second = g
    margin = best_gain - second if second > -1e9 else 10.0
    return best, best_gain, lm.logprob(best) - lm.logprob(s), margin


@lru_cache(maxsize=100_000)
def candidates_for(word: str) -> tuple[str, ...]:
    """Candidate originals of a written word (lower-cased), known to the LM, at most
    :data:`MAX_CANDIDATES` (WordNet's first, then Moby's)."""
    lm = get_lm()
    low = word.lower()
    origs = tuple(o for o in originals_of(low) if lm.known(o))[:MAX_CANDIDATES]
    if PLURAL_CANDIDATES and origs and unmarked_noun(low):
        # a mass noun shows no number: each noun original in both numbers
        out: list[str] = []
        for o in origs:
            out.append(o)
            p = plural_of(o)
            if p is not None and p not in origs and lm.known(p):
                out.append(p)
        origs = tuple(dict.fromkeys(out))[:MAX_CANDIDATES]
    return origs


def candidate_table(
    left: list[str],
    written: str,
    right: list[str],
    originals: tuple[str, ...],
    counts: Mapping[str, int],
    min_left: float | None = None,
) -> list[tuple[str, float, list[float]]]:
    """(candidate, LM gain, ranker features) of every candidate whose LM gain is within
    :data:`~repair.score.spin_rank.WINDOW` of the best, best LM gain first (exact: the
    first word's score bounds a candidate's gain, so the others are not computed).

    ``min_left``: no row at all (``[]``) when no candidate's own word gains at least this
    much over the written word given the left context."""
    rows = _table(left, written, right, originals, counts, min_left)
    return [(o, g, list(x)) for o, g, x in rows]


def _scaled(raw: float) -> float:
    """:meth:`repair.resources.lm.LanguageModel._scaled` (the same float)."""
    if raw <= -100_000_000:
        return UNKNOWN_LOGPROB
    return max(raw * _LOG_BASE, UNKNOWN_LOGPROB)


@lru_cache(maxsize=100_000)
def _written_static(s: str) -> tuple[float, float]:
    """(ln P(s) without context, Zipf of s) of a lower-case written word."""
    return get_lm().logprob(s), zipf(s)


def _pair_static(s: str, o: str) -> tuple[float, ...]:
    """The context-free ranker features of candidate ``o`` of the written word ``s``:
    (unigram gain, its clipped value, Zipf of ``o``, Zipf gap, log1p(fanout), WordNet pair,
    log1p(shared synsets)), each computed as :func:`~repair.score.spin_rank.rank_features`
    computes it."""
    s_uni, z_s = _written_static(s)
    o_uni, z_o, fan = _original_static(o)
    unigram = o_uni - s_uni
    shared = wordnet_shared(s, o)
    return (
        unigram, _clip(unigram), z_o, z_o - z_s, fan,
        1.0 if shared else 0.0, math.log1p(shared),
    )  # fmt: skip


@lru_cache(maxsize=100_000)
def _original_static(o: str) -> tuple[float, float, float]:
    """(ln P(o) without context, Zipf of o, log1p(fanout(o))) of a candidate original: the
    same values for every written word that lists it (a candidate serves ~5 written forms)."""
    return get_lm().logprob(o), zipf(o), math.log1p(fanout(o))


#: :func:`_static_rows` computes a written word's rows in one loop: its own LM and Zipf
#: values and its WordNet cell read once for all its candidates
#: (:func:`~repair.candidates.spin_channel.wordnet_shared_each`) instead of one
#: :func:`_pair_static` call (and its look-up chain) per candidate.  Exact: the same
#: expressions on the same floats (tests/test_spin_static51.py compares the bytes).
#: Measured in session 51, spinspeed (benchmarks/RESULTS.md).  Off: one call per pair.
STATIC_BATCH = True
#: One candidate's row of :func:`_static_rows`: seven native doubles.
_STATIC_ROW = "7d"


@lru_cache(maxsize=100_000)
def _static_rows(s: str, originals: tuple[str, ...]) -> bytes:
    """:func:`_pair_static` of each candidate, in the order of ``originals``, packed as
    seven doubles a candidate (cached here only: a written word's candidates are always
    the same tuple, so a second cache per pair held ~125 k keys and links, ~20 MB on 100 k
    rare-spun words, and saved nothing).  Packed, an entry costs 56 bytes a candidate
    instead of ~200 as a tuple of float objects: the memo held ~29 MB on 250 k code points
    of rare-spun text (issue 14); the doubles read back are the same floats."""
    if not STATIC_BATCH:
        return array("d", [x for o in originals for x in _pair_static(s, o)]).tobytes()
    # :func:`_pair_static` of each candidate with the written word's values and WordNet
    # cell read once: the same expressions on the same floats, so the same doubles
    s_uni, z_s = _written_static(s)
    c_hi, c_lo = _CLIP, -_CLIP  # `c_lo if u < c_lo else c_hi if u > c_hi else u`: _clip(u)
    log1p = math.log1p
    vals: list[float] = []
    add = vals.extend
    for o, shared in zip(originals, wordnet_shared_each(s, originals), strict=True):
        o_uni, z_o, fan = _original_static(o)
        u = o_uni - s_uni
        add((
            u, c_lo if u < c_lo else c_hi if u > c_hi else u, z_o, z_o - z_s, fan,
            1.0 if shared else 0.0, log1p(shared),
        ))  # fmt: skip
    return array("d", vals).tobytes()


def _split_rows(s: str, originals: tuple[str, ...], splits: tuple[int, ...] = ()) -> bytes:
    """:func:`_static_rows` of ``s`` and ``originals``, joined from the memo's rows of the
    pieces of ``originals`` cut at ``splits`` (ascending): the same bytes (each row is one
    candidate's), but a second reading whose candidates are the first reading's plus new
    ones (:func:`repair.stages.spin._reread_rows`) computes only the new ones' rows and
    keeps no second copy of the others (issue 14)."""
    if not splits:
        return _static_rows(s, originals)
    out, a = [], 0
    for b in (*splits, len(originals)):
        if b > a:
            out.append(_static_rows(s, originals[a:b]))
            a = b
    return b"".join(out)


def _statics(s: str, originals: tuple[str, ...]) -> tuple[tuple[float, ...], ...]:
    """:func:`_static_rows` as one tuple of seven floats per candidate."""
    return tuple(iter_unpack(_STATIC_ROW, _static_rows(s, originals)))


@lru_cache(maxsize=100_000)
def _lowered(originals: tuple[str, ...]) -> tuple[str, ...]:
    """``originals`` lower-cased: the tuple itself when it is (almost always: a new tuple
    of new strings held ~11 MB on 250 k code points of rare-spun text; issue 14), else
    the originals that are kept as they are."""
    lows = tuple([lo if (lo := o.lower()) != o else o for o in originals])
    return originals if lows == originals else lows


#: Read the candidate tables with the compiled loops (``repair/score/_spingains.c``, built
#: by ``setup.py`` when a C compiler is there): :func:`_gains`'s LM part and the packed
#: rows of :func:`_packed_filler`, the same look-ups and floats as the Python
#: (tests/test_spin_speed28.py compares them bit for bit); False: Python only.
COMPILED_GAINS = True
#: The compiled LM loop's most candidates per word (more: Python).
_COMPILED_MAX = 64
#: The compiled LM part (:data:`COMPILED_GAINS`) finds each word's id once a table and reads
#: every look-up on the ids (pocketsphinx's ``ngram_wid`` once per word, then
#: ``ngram_ng_prob``: the two steps ``ngram_prob`` takes itself on every look-up, with an
#: allocation and a hash of each of its strings), issue 14.  Exact: the same function on the
#: same ids, the same int (tests/test_spin_wordids55.py).  The compiled ``gains`` on its
#: recorded calls of 20 dev documents: spinbot 0.310 -> 0.235 s (-24 %), rare 0.275 -> 0.218 s
#: (-21 %); ~2 % of an unknown spinner's run, not resolved in 3 alternated process pairs at
#: load 4-6; every spin_eval dev repair identical.  Session 55, spinspeed (benchmarks/RESULTS.md).
WORD_IDS = True
#: The compiled LM part (:data:`WORD_IDS`) keeps each word's id by its str for the process
#: (``_spingains.c``'s ``wid_memo``, per model, emptied past 1 M words) instead of asking
#: pocketsphinx's ``ngram_wid`` (a case-folding hash of the UTF-8 and a string compare in
#: its own table) for the ~25 words of every table again: a rare word's candidates are read
#: by the first reading and again by the reverse, wide reverse, hypernym and wide readings
#: (issue 14).  Exact: the same id for the same str, the same look-ups
#: (tests/test_spin_widmemo63.py).  The 89,376 compiled calls of spinbot 100 k replayed,
#: 6 alternated rounds at load ~6.5: best 1.799 -> 1.759 s (24,645 words kept, ~3 MB); small:
#: the n-gram look-ups themselves (~350 ns each, 5.2 M) are the cost.  Session 63,
#: speed100k (benchmarks/RESULTS.md).
WID_MEMO = True
#: The ``_spingains`` module once looked for (None: not built).
_COMPILED: list[object] = []


def _compiled() -> object | None:
    """The compiled loops when built and :data:`COMPILED_GAINS`, else None."""
    if not _COMPILED:
        try:
            from repair.score import _spingains  # type: ignore[attr-defined]
        except ImportError:  # no C compiler at install: the Python loops (the same rows)
            _COMPILED.append(None)
        else:
            _COMPILED.append(_spingains)
    return _COMPILED[0] if COMPILED_GAINS else None


def _gains(
    left: Sequence[str],
    written: str,
    right: Sequence[str],
    originals: tuple[str, ...],
    min_left: float | None = None,
) -> tuple[str, float, list[tuple[float, int, float]], float, float] | None:
    """The LM part of :func:`_table`: (lower-cased written word, its score given the left
    context, the (-gain, index, first-word score) of each candidate read, best gain first,
    the best gain, the window's cut), or None when ``min_left`` leaves no row (compiled
    when built: :data:`COMPILED_GAINS`)."""
    lm = get_lm()
    fast = _compiled()
    if fast is not None and len(originals) <= _COMPILED_MAX:
        s = written.lower()
        n_left = len(left)
        h1 = left[-1].lower() if n_left else None
        h2 = left[-2].lower() if n_left >= 2 else None
        rl = [w.lower() for w in right]
        if CONTEXT_MEMO:
            return _context_read(fast, lm.prob_api, s, h1, h2, rl, originals, min_left)
        got = fast.gains(  # type: ignore[attr-defined]
            lm.prob_api, s, h1, h2, _lowered(originals), rl, min_left, WINDOW, _LOG_BASE,
            UNKNOWN_LOGPROB, WORD_IDS, WID_MEMO,
        )  # fmt: skip
        return None if got is None else (s, *got)  # type: ignore[misc]
    return _py_gains(lm.prob, left, written, right, originals, min_left)


#: Each context's LM values kept for the document (issue 14, session 63): the readings of a
#: rare word (the first, then reverse, wide reverse, hypernym, wide) read the same context
#: again with longer lists whose first candidates are the earlier list's (its own
#: candidates, then the reading's new ones), ~40 % of an unknown spinner's candidate reads
#: (spinbot 100 k: 858 k of 2.05 M), every ~16 k tables apart: a bound of 1,024 whole held
#: tables is long emptied by then on a long text, and holding every table costs ~185 MB.
#: Kept instead: per context (written word, two words before, the words after), the newest
#: longest candidate list and two doubles a candidate (its first-word score and its
#: right-context sum: 16 bytes, against ~120 for a held row); the compiled ``gains`` reads
#: a candidate standing at the same place of the kept list from them and looks up only the
#: rest, then orders and cuts the rows as one call does: every table equals, bit for bit,
#: the table one plain compiled call reads (the values are a function of the context and
#: the candidate; tests/test_spin_ctxmemo63.py, tests/test_spin_ctxtables65.py).  Off: one
#: plain compiled ``gains`` call a table.  Only on the compiled path; with ``min_left`` too.
#: Emptied with :func:`drop_held` and past :data:`_CTX_MAX_BYTES`.  Spinbot 100 k: 911 k of
#: 2.13 M candidate reads served (43 %); ``repair_text`` in one process, off / on
#: alternated (3 rounds, load 5-7, with :data:`WID_MEMO`): spinbot 100 k 18.22 -> 16.77 s
#: (every round lower), WordNet 100 k 13.01 -> 12.60 s (medians); peak RSS +10-14 MB; every
#: output, spin_eval dev / test and calibration-subset repair identical.  Session 63,
#: speed100k (benchmarks/RESULTS.md).  (Session 50's read-on of whole held tables, which
#: this memo made unreachable, was removed in session 65, readon.)
CONTEXT_MEMO = True
_CTX: dict[tuple[str | None, ...], tuple[tuple[str, ...], bytes]] = {}
#: The bytes :data:`_CTX` holds (a count: its lists and values and a key's share).
_CTX_BYTES = [0]
#: 6 MB (the lead, session 63; speed100k shipped 24 MB): the unknown spinner's 5 MB text
#: peaks at 303,156 KB with 24 MB (its forked windows each fill their own), 296,424 with 6
#: and 297,792 with the memo off; spinbot 100 k CPU, three alternated runs of each at load
#: 1.6-2.1, medians 18.52 s (24 MB) / 18.98 (6) / 19.21 (12), the spread 17.2-19.5 s: no
#: difference resolved; peak 520 -> 507 MB; every output identical.
_CTX_MAX_BYTES = 6 << 20


def drop_held() -> None:
    """Forget the values :data:`CONTEXT_MEMO` keeps (a new document)."""
    _CTX.clear()
    _CTX_BYTES[0] = 0


def _context_read(
    fast: object,
    prob: object,
    s: str,
    h1: str | None,
    h2: str | None,
    rl: list[str],
    originals: tuple[str, ...],
    min_left: float | None,
) -> tuple[str, float, list[tuple[float, int, float]], float, float] | None:
    """:func:`_gains` on the compiled path with the context's kept values
    (:data:`CONTEXT_MEMO`)."""
    key = (s, h1, h2, *rl)
    lows = _lowered(originals)
    kept = _CTX.get(key)
    hl, hv = (None, None) if kept is None else kept
    got = fast.gains(  # type: ignore[attr-defined]
        prob, s, h1, h2, lows, rl, min_left, WINDOW, _LOG_BASE, UNKNOWN_LOGPROB, WORD_IDS,
        WID_MEMO, hl, hv,
    )  # fmt: skip
    if got is None:
        return None
    s_hist, rows, top, cut, vals = got
    if hl is None or len(lows) >= len(hl):  # the longer list serves the shorter
        size = 24 * len(lows) + 64 * len(key) + 200
        if hl is None:
            if _CTX_BYTES[0] + size > _CTX_MAX_BYTES:
                _CTX.clear()
                _CTX_BYTES[0] = 0
        else:
            size -= 24 * len(hl) + 64 * len(key) + 200
        _CTX[key] = (lows, vals)
        _CTX_BYTES[0] += size
    return s, s_hist, rows, top, cut


def _py_gains(
    prob: Callable[[list[str]], int],
    left: Sequence[str],
    written: str,
    right: Sequence[str],
    originals: tuple[str, ...],
    min_left: float | None = None,
) -> tuple[str, float, list[tuple[float, int, float]], float, float] | None:
    """:func:`_gains` in Python."""
    unk, lb, floor = UNKNOWN_LOGPROB, _LOG_BASE, -100_000_000
    # every `unk if r <= floor else (v if (v := r * lb) >= unk else unk)` below is
    # _scaled(r) inlined (max(r * lb, unk) returns the first of equals: the same float)
    s = written.lower()
    n_left = len(left)
    h1 = left[-1].lower() if n_left else None
    h2 = left[-2].lower() if n_left >= 2 else None
    lows = _lowered(originals)
    # ln P(w | left) as LanguageModel.logprob(w, hist) reads it (hist = left[-2:] lowered)
    if h2 is not None:
        s_hist = _scaled(prob([s, h1, h2]))
        raws = [prob([lo, h1, h2]) for lo in lows]
    elif h1 is not None:
        s_hist = _scaled(prob([s, h1]))
        raws = [prob([lo, h1]) for lo in lows]
    else:
        s_hist = _scaled(prob([s]))
        raws = [prob([lo]) for lo in lows]
    # (first-word score, index), best first (ties: the later index first, as before)
    first = sorted(
        [
            (unk if r <= floor else (v if (v := r * lb) >= unk else unk), k)
            for k, r in enumerate(raws)
        ],
        reverse=True,
    )
    if min_left is not None and (not first or first[0][0] - s_hist < min_left):
        return None
    rl = [w.lower() for w in right]
    n_right = len(rl)
    r1 = rl[0] if n_right else ""
    r2 = rl[1] if n_right >= 2 else ""
    # base = LanguageModel.sequence_logprob([s, *right], left): its first term is s_hist
    base = 0.0
    base += s_hist
    a1, a2 = s, h1
    for low in rl:
        if a2 is not None:
            base += _scaled(prob([low, a1, a2]))
        else:
            base += _scaled(prob([low, a1]))
        a2, a1 = a1, low
    # (-gain, index, first-word score) of each candidate read: a candidate whose first-word
    # gain is under the window of the best so far is not (the right context only lowers it)
    gains: list[tuple[float, int, float]] = []
    top = -1e9
    cut = top - WINDOW
    for lp1, k in first:
        if lp1 - base < cut:
            break
        # = _lp([o, *right], left) - base: the first word's score is lp1 already; the
        # right context is sequence_logprob(right, [*hist[-1:], o]) (at most two words)
        seq = 0.0
        if n_right:
            lo = lows[k]
            r = prob([r1, lo, h1]) if h1 is not None else prob([r1, lo])
            seq += unk if r <= floor else (v if (v := r * lb) >= unk else unk)
            if n_right >= 2:
                r = prob([r2, r1, lo])
                seq += unk if r <= floor else (v if (v := r * lb) >= unk else unk)
                if n_right > 2:  # not from context(): the generic loop
                    b1, b2 = r2, r1
                    for low in rl[2:]:
                        seq += _scaled(prob([low, b1, b2]))
                        b2, b1 = b1, low
        g = lp1 + seq - base
        if g > top:  # top = max(top, g)
            top = g
            cut = top - WINDOW
        gains.append((-g, k, lp1))
    gains.sort()  # best gain first, ties by index (the indices differ)
    return s, s_hist, gains, top, cut


def _table(
    left: Sequence[str],
    written: str,
    right: Sequence[str],
    originals: tuple[str, ...],
    counts: Mapping[str, int],
    min_left: float | None = None,
) -> list[tuple[str, float, tuple[float, ...]]]:
    """:func:`candidate_table` with feature tuples: the same LM scores, in the same
    order of float operations, as ``LanguageModel.logprob`` / ``sequence_logprob`` and
    :func:`~repair.score.spin_rank.rank_features` give them, with the n-gram look-ups
    made directly (:func:`_gains`) and the context-free features of each (written,
    candidate) pair computed once per process (:func:`_pair_static`)."""
    read = _gains(left, written, right, originals, min_left)
    if read is None:
        return []
    s, s_hist, gains, top, cut = read
    n = max(len(originals), 1)
    out = []
    c_hi, c_lo = _CLIP, -_CLIP
    # every `c_lo if d < c_lo else c_hi if d > c_hi else d` below is _clip(d) inlined
    statics = _statics(s, originals)
    order = 0
    for ng, k, lp1 in gains:
        g = -ng
        if g < cut:  # the rest are under the window too
            break
        unigram, c_unigram, z_o, z_gap, fan, wn_pair, wn_shared = statics[k]
        o = originals[k]
        left_gain = lp1 - s_hist
        c = counts.get(o, 0)
        d1, d4, d6 = top - g, g - left_gain, g - unigram
        out.append((o, g, (
            c_lo if g < c_lo else c_hi if g > c_hi else g,
            c_lo if d1 < c_lo else c_hi if d1 > c_hi else d1,
            float(order),
            c_lo if left_gain < c_lo else c_hi if left_gain > c_hi else left_gain,
            c_lo if d4 < c_lo else c_hi if d4 > c_hi else d4,
            c_unigram,
            c_lo if d6 < c_lo else c_hi if d6 > c_hi else d6,
            float(k), k / n, z_o, z_gap,
            float(min(c, 5)), 1.0 if c else 0.0, fan, wn_pair, wn_shared,
        )))  # fmt: skip
        order += 1
    return out


#: The packed-row builder (:func:`_packed_filler`) of the last linear ranker asked for:
#: (ranker, builder).
_FILLER: list[object] = [None, None]


def _packed_filler(ranker: object) -> Callable[..., int] | None:
    """For a linear :class:`~repair.score.spin_rank.Ranker`: one generated loop that
    writes each ranked row of :func:`_table` straight into a :class:`Packed` array (LM
    gain, ranker score, unigram, left gain, source rank) and returns the index of the
    best-scoring row (the first of equals), without building the 16-feature tuple or
    calling the ranker per row.  The score is :meth:`Ranker._compiled`'s expression with
    each feature written in place: the same products added in the same order (the same
    float).  None for another ranker (trees) or weights with no exact literal."""
    if _FILLER[0] is ranker:
        return _FILLER[1]  # type: ignore[return-value]
    fill = None
    if isinstance(ranker, Ranker):
        w, b = ranker._folded
        if all(math.isfinite(a) for a in (*w, b)) and len(w) == len(RANK_FEATURES):
            feats = (
                "x0", "x1", "order", "x3", "x4", "c_unigram", "x6", "fk", "(k / n)",
                "z_o", "z_gap", "float(min(c, 5))", "(1.0 if c else 0.0)", "fan",
                "wn_pair", "wn_shared",
            )  # fmt: skip
            terms = " + ".join(f"{wi!r} * {x}" for wi, x in zip(w, feats, strict=True))
            clip = "c_lo if {0} < c_lo else c_hi if {0} > c_hi else {0}"
            src = f"""def _fill(gains, cut, top, s_hist, statics, origs, counts, n, data, names):
    c_hi, c_lo = {_CLIP!r}, {-_CLIP!r}
    best, best_j, j, order = None, 0, 0, 0.0
    for ng, k, lp1 in gains:
        g = -ng
        if g < cut:
            break
        unigram, c_unigram, z_o, z_gap, fan, wn_pair, wn_shared = statics[k]
        o = origs[k]
        left_gain = lp1 - s_hist
        c = counts.get(o, 0)
        d1, d4, d6 = top - g, g - left_gain, g - unigram
        x0 = {clip.format("g")}
        x1 = {clip.format("d1")}
        x3 = {clip.format("left_gain")}
        x4 = {clip.format("d4")}
        x6 = {clip.format("d6")}
        fk = float(k)
        score = {b!r} + (0 + {terms})
        data.extend((g, score, c_unigram, x3, fk))
        names.append(o)
        if best is None or score > best:
            best, best_j = score, j
        j += 1
        order += 1.0
    return best_j
"""
            ns: dict[str, object] = {}
            exec(compile(src, "<spin-packed-rows>", "exec"), ns)  # noqa: S102
            fill = _with_compiled(ns["_fill"], w, b)  # type: ignore[arg-type]
    _FILLER[:] = [ranker, fill]
    return fill  # type: ignore[return-value]


def _with_compiled(
    py_fill: Callable[..., int], w: tuple[float, ...], b: float
) -> Callable[..., int]:
    """``py_fill`` (a generated :func:`_packed_filler` loop), or the same loop compiled
    (``_spingains.fill``: the same rows, floats and choice) while :data:`COMPILED_GAINS`
    and the module is built."""

    def fill(
        gains: list[tuple[float, int, float]], cut: float, top: float, s_hist: float,
        statics: bytes | tuple[tuple[float, ...], ...], origs: tuple[str, ...],
        counts: Mapping[str, int], n: int, data: array, names: list[str],
    ) -> int:  # fmt: skip
        fast = _compiled()
        if fast is None:
            if isinstance(statics, bytes):  # :func:`_static_rows`
                statics = tuple(iter_unpack(_STATIC_ROW, statics))
            return py_fill(gains, cut, top, s_hist, statics, origs, counts, n, data, names)
        got, buf, best = fast.fill(  # type: ignore[attr-defined]
            gains, cut, top, s_hist, statics, origs, counts, n, w, b, _CLIP
        )
        data.frombytes(buf)
        names.extend(got)
        return best  # type: ignore[no-any-return]

    return fill


def _packed_table(
    left: Sequence[str],
    written: str,
    right: Sequence[str],
    originals: tuple[str, ...],
    counts: Mapping[str, int],
    min_left: float | None,
    fill: Callable[..., int],
    splits: tuple[int, ...] = (),
) -> tuple[Packed, int] | None:
    """:func:`_table`'s rows as :func:`evidence` packs them (``fill``:
    :func:`_packed_filler`), and the index of the ranker's choice; None for no row
    (``splits``: :func:`_split_rows`)."""
    read = _gains(left, written, right, originals, min_left)
    if read is None:
        return None
    s, s_hist, gains, top, cut = read
    data = array("d")
    names: list[str] = []
    k = fill(
        gains, cut, top, s_hist, _split_rows(s, originals, splits), originals, counts,
        max(len(originals), 1), data, names,
    )  # fmt: skip
    if not names:
        return None
    return Packed(tuple(names), data), k


def evidence(
    start: int,
    end: int,
    written: str,
    left: list[str],
    right: list[str],
    counts: Mapping[str, int] | None = None,
    min_left: float | None = None,
    packed: bool = False,
    origs: tuple[str, ...] | None = None,
    splits: tuple[int, ...] = (),
) -> WordEvidence | None:
    """:class:`WordEvidence` for one word, or None when it has no candidate original.

    ``counts``: how often each lower-case word is written in the document (the ranker
    reads the candidate's count).  ``min_left``: None also where no candidate's own word
    gains that much given the left context (:func:`candidate_table`; with the ranker).
    ``packed``: the ranked choices as :class:`Packed` (what :func:`consistent` reads, one
    array per word) instead of a tuple of (original, gain, score, features) rows.
    ``origs``: these candidate originals instead of :func:`candidates_for`'s (the wide
    reading, :func:`repair.stages.spin.wide_reading`).  ``splits``: where ``origs`` joins
    lists whose static rows an earlier reading holds (:func:`_split_rows`; the same rows).
    """
    if origs is None:
        origs = candidates_for(written)
    if not origs:
        return None
    ranker = get_ranker()
    if ranker is not None:
        if packed:
            fill = _packed_filler(ranker)
            if fill is not None:
                got = _packed_table(
                    left, written, right, origs, counts or {}, min_left, fill, splits
                )
                if got is None:
                    return None
                choices, k = _sense_read(written, *got)
                return _chosen(start, end, written, len(origs), choices, k)
        table = _table(left, written, right, origs, counts or {}, min_left)
        if not table:
            return None
        score = ranker.score
        if packed:
            # only what consistent() and _chosen() read: ~5x smaller than the rows
            data = array("d")
            for _o, g, x in table:
                data.extend((g, score(x), x[_UNI], x[_LEFT], x[_SRC]))
            packed_choices = Packed(tuple([o for o, _g, _x in table]), data)
            scores = data[1::_W]
            k = max(range(len(scores)), key=lambda i: (scores[i], -i))
            packed_choices, k = _sense_read(written, packed_choices, k)
            return _chosen(start, end, written, len(origs), packed_choices, k)
        # features kept as packed doubles (the same values; a tuple of float objects
        # costs ~3x as much, and a long document holds ~13 candidates per content word)
        choices = tuple([(o, g, score(x), array("d", x)) for o, g, x in table])
        k = max(range(len(choices)), key=lambda i: (choices[i][2], -i))
        choices, k = _sense_read(written, choices, k)
        return _chosen(start, end, written, len(origs), choices, k)
    best, gain, uni, margin = word_evidence(left, written, right, origs)
    lm = get_lm()
    hist = [w.lower() for w in left[-2:]]
    left_gain = lm.logprob(best, hist) - lm.logprob(written.lower(), hist)
    return WordEvidence(
        start, end, written, best, gain, uni, gain - uni, len(origs), margin,
        left_gain, origs.index(best),
    )  # fmt: skip


def _sense_read(
    written: str, choices: tuple[tuple[str, float, float, Sequence[float]], ...] | Packed, k: int
) -> tuple[tuple[tuple[str, float, float, Sequence[float]], ...] | Packed, int]:
    """``choices`` and the index of the best, the ranker's scores carrying
    :data:`~repair.score.spin_rank.LATER_SENSE` (:func:`~repair.score.spin_rank.sense_scores`)
    and :data:`~repair.score.spin_form_agree.FORM_AGREE`
    (:func:`~repair.score.spin_form_agree.form_scores`); the same where they are off or add
    nothing."""
    names, _gains, scores = _columns(choices)
    got = sense_scores(written.lower(), names, scores)
    if spin_form_agree.FORM_AGREE is not None:
        # a candidate the written word's inflection cannot carry (session 59)
        base = scores if got is None else got
        got = spin_form_agree.form_scores(written.lower(), names, base) or got
    if got is None:
        return choices, k
    return rescored(choices, got), max(range(len(got)), key=lambda i: (got[i], -i))


def rescored(
    choices: Packed | tuple[tuple[str, float, float, Sequence[float]], ...],
    scores: Sequence[float],
) -> Packed | tuple[tuple[str, float, float, Sequence[float]], ...]:
    """``choices`` with their ranker scores replaced by ``scores`` (same order)."""
    if isinstance(choices, Packed):
        data = array("d", choices.data)
        for j, s in enumerate(scores):
            data[_W * j + 1] = s
        return Packed(choices.names, data)
    return tuple((o, g, s, x) for (o, g, _s, x), s in zip(choices, scores, strict=True))


_F = {name: i for i, name in enumerate(RANK_FEATURES)}
_UNI, _LEFT, _SRC, _ORDER = _F["unigram"], _F["left_gain"], _F["source_rank"], _F["lm_order"]
#: Doubles per choice in :attr:`Packed.data`: gain, ranker score, and the features
#: unigram, left_gain, source_rank (lm_order is the choice's position).
_W = 5


class Packed(Sequence):
    """A word's ranked choices as :func:`consistent` and :func:`_chosen` read them: the
    originals in ranked order and one array of :data:`_W` doubles per choice (LM gain,
    ranker score, the features ``unigram``, ``left_gain``, ``source_rank``), the same
    floats as the full rows.  Item ``j`` is ``(original, gain, score, None)``."""

    __slots__ = ("names", "data")

    def __init__(self, names: tuple[str, ...], data: array) -> None:
        self.names = names
        self.data = data

    def __len__(self) -> int:
        return len(self.names)

    def __getitem__(self, j):  # type: ignore[no-untyped-def, override]
        if isinstance(j, slice):
            return tuple(self[i] for i in range(len(self.names))[j])
        b = _W * (j if j >= 0 else j + len(self.names))
        return (self.names[j], self.data[b], self.data[b + 1], None)


def _columns(
    choices: Sequence[tuple[str, float, float, Sequence[float]]] | Packed,
) -> tuple[Sequence[str], Sequence[float], Sequence[float]]:
    """(originals, LM gains, ranker scores) of ``choices`` in their order."""
    if isinstance(choices, Packed):
        d = choices.data
        return choices.names, d[0::_W], d[1::_W]
    return [c[0] for c in choices], [c[1] for c in choices], [c[2] for c in choices]


def _chosen(
    start: int,
    end: int,
    written: str,
    n: int,
    choices: tuple[tuple[str, float, float, Sequence[float]], ...] | Packed,
    k: int,
) -> WordEvidence:
    """The :class:`WordEvidence` proposing ``choices[k]``."""
    _names, gains, scores = _columns(choices)
    if isinstance(choices, Packed):
        b = _W * k
        o, g, score = choices.names[k], gains[k], scores[k]
        uni, left, src, order = (
            choices.data[b + 2], choices.data[b + 3], choices.data[b + 4], float(k)
        )  # fmt: skip
    else:
        o, g, score, x = choices[k]
        uni, left, src, order = x[_UNI], x[_LEFT], x[_SRC], x[_ORDER]
    m = len(gains)
    # the others in their order (the same max, first of equals, as a loop skipping k)
    margin = g - max(gains[:k] + gains[k + 1 :]) if m > 1 else 10.0
    lead = score - max(scores[:k] + scores[k + 1 :]) if m > 1 else 10.0
    return _make_evidence(
        start, end, written, o, g, uni, g - uni, n, margin, left,
        int(src), int(order), score, lead, choices,
    )  # fmt: skip


def consistent(words: Sequence[WordEvidence]) -> list[WordEvidence]:
    """A spinner maps a word the same way throughout a document: where a written word
    occurs more than once, each occurrence proposes the candidate with the highest total
    ranker probability (softmax within each occurrence) over all of them, when it is
    among its own ranked candidates."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, w in enumerate(words):
        if w.choices:
            groups[w.written.lower()].append(i)
    out = list(words)
    for idx in groups.values():
        if len(idx) < 2:
            continue
        total: dict[str, float] = defaultdict(float)
        for i in idx:
            names, _gains, scores = _columns(words[i].choices)
            top = max(scores)
            # each exponential once (session 61, speedspin61: it was computed twice; the
            # same floats summed in the same order, exact)
            exps = [math.exp(c - top) for c in scores]
            z = sum(exps)
            for o, e in zip(names, exps, strict=True):
                total[o] += e / z
        best = max(total, key=lambda o: (total[o], o))
        for i in idx:
            w = words[i]
            if w.original == best:
                continue
            k = next((j for j, o in enumerate(_columns(w.choices)[0]) if o == best), None)
            if k is not None:
                out[i] = _chosen(w.start, w.end, w.written, w.n_candidates, w.choices, k)
    return out


def drop_choices(words: list[WordEvidence]) -> list[WordEvidence]:
    """``words`` without their ranked choices (in place; returns ``words``).  Only
    :func:`consistent` reads the choices: once it has run, a document's rows need not
    hold every candidate of every word (~13 per content word) for the rest of the repair."""
    for w in words:
        if w.choices:
            object.__setattr__(w, "choices", ())  # frozen: the rows are this call's own
    return words
