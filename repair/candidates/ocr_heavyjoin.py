"""A heavy page's word split at a line end whose pieces are misread too, read jointly: the
pieces joined and the joined string read through the learned channel in one candidate
(issue 12, session 60): "ra⏎corded" (recorded), "at⏎trscted" (attracted), "ap⏎po nted"
(appointed), "rall⏎w aj" (railway), "bun⏎shine" (sunshine).

A lost line-end hyphen leaves two pieces; on a heavily garbled page they are misread too,
so a plain join (:mod:`repair.candidates.ocr_spacing`, :mod:`repair.candidates.ocr_fragjoin`)
does not reach the word, and one piece is often read alone as a word ("ra" -> "a",
"bun" -> "sun", "rall" -> "rail").  :mod:`repair.candidates.ocr_garbled_join` reads a
non-word finding joined with a neighbour through the table's confusions only, refusing a
neighbour that is (or reads cheaply as) a common word; :mod:`repair.candidates.ocr_spacejoin`
reads same-line pairs only, never with a common-word piece, never three pieces.

Here two or three word pieces (letters only, the later ones in lower case, nothing glued
outside them) with one line break among their separators and plain spaces otherwise are
joined, the joined string read by the far search
(:func:`repair.candidates.ocr_far.far_readings`: common words within a few plain edits,
priced by the learned channel), and a reading is a candidate at the price of its lost
spaces plus its channel cost.  The guard against a real two-word reading ("close⏎ol the"
is "close of the", not "closest"): the language model reads the join and the pieces' own
readings -- each piece as printed or one of its cheap learned readings
(:func:`repair.score.ocr_channel.correction_candidates`) -- with two words of context on
both sides, and the join must beat the best reading of the pieces as words of their own,
each at its price, by :data:`PIECES_MARGIN` nats.  The scorer then asks the usual margin
over the pieces as printed (:data:`THRESHOLD`).  A plain space inside a line is far more
often two garbled words than a split one (:data:`LINE_ONLY`); since session 61 such a run
is read with its spaces priced by their learned rate of lying inside one word
(:data:`SAME_LINE_PRIOR`, :mod:`repair.candidates.ocr_splitprior`).  No pairs are listed.

>>> from repair.tokenize import tokenize
>>> [c.replacement for c in heavy_join_candidates(tokenize("The deaths ra\\ncorded during"))]
['recorded']
>>> [c.replacement for c in heavy_join_candidates(tokenize("at the close\\nol the day"))]
[]
"""

from __future__ import annotations

from collections.abc import Iterator, Set
from itertools import compress

from repair.candidates.ocr_namelist import name_list_at
from repair.candidates.ocr_rules import after_line_hyphen, cand
from repair.candidates.ocr_spacing import SPACING_COST
from repair.candidates.ocr_splitprior import split_cost
from repair.resources.frequency import zipf
from repair.score.ocr_channel import correction_candidates, is_target
from repair.types import Candidate, Token

#: Switch (hook in the heavy-page block of :mod:`repair.candidates.ocr`): the joint readings
#: of the module doc.  Session 60, ocrheavy (benchmarks/RESULTS.md): SMH dev 4,234 / 6,899 ->
#: 4,216 / 6,873 tokens / chars, ICDAR-only proxy dev 4,766 / 7,862 -> 4,750 / 7,842; test
#: (read once) SMH 5,331 / 8,640 -> 5,318 / 8,623, proxy 5,665 / 9,204 -> 5,649 / 9,186;
#: audit dev, light dev, clean English, seeds and the 100 k-word OCR speed text's output
#: unchanged (~+2 % CPU there).
HEAVY_JOIN = True
#: Most pieces joined.
MAX_PIECES = 3
#: Shortest joined string (letters) and longest.
MIN_LEN = 5
MAX_LEN = 20
#: The reading is at least this common (Zipf) and costs at most this (nats, channel).
TARGET_ZIPF = 3.5
MAX_COST = 9.0
#: Margin (nats) the scorer asks of the join over the pieces as printed.
THRESHOLD = 4.0
#: Margin (nats) the join must have over the best reading of the pieces as words of
#: their own (each as printed or one cheap reading), both at their prices.
PIECES_MARGIN = 2.0
#: A piece's own readings: at most this dear (nats), the cheapest few.
PIECE_COST = 4.0
PIECE_READINGS = 3
#: Only runs with a piece that is no dictionary word, a finding of the detector or a rarer
#: word than :data:`RARE_PIECE_ZIPF` ("bun⏎shine": "bun" 3.6): two common words across a
#: line break are two words, and each run read costs a far search (off: +~6 % CPU on the
#: 100 k-word OCR speed text for two more dev tokens; on: the same dev figures, ~1/4 of it).
NEED_GARBLE = True
RARE_PIECE_ZIPF = 4.0
#: The joined string a listed word at this Zipf or more (a name, a rare word): the plain
#: join's, not read here.
JOINED_ZIPF = 2.5
#: Where the joined string's readings come from: "listed" (the learned confusions alone,
#: as :mod:`repair.candidates.ocr_garbled_join` reads) or "far" (the far search, generic
#: edits priced too).
SOURCE = "far"
#: Pieces may sit either side of one line break (a lost line-end hyphen: "at⏎trscted"),
#: at this extra price (nats).
LINE_BREAKS = True
LINE_COST = 0.0
#: Only runs that cross a line break (where a lost line-end hyphen makes a split word
#: likely); a plain space inside a line of a heavy page is far more often two garbled
#: words ("may bo" is no "maybe", "mot wr" no "motor"; same-line joins alone: SMH dev
#: 4,230 / 6,913, 6 of 30 applied right).
LINE_ONLY = True
#: ... unless the run's plain spaces are priced by their learned rate of lying inside one
#: word (:mod:`repair.candidates.ocr_splitprior`: 74 of 11,463 same-line spaces of SMH's
#: heavy dev pages; two short non-word pieces one in eight, two dictionary words 8 in
#: 8,340): a run on one line is read, and its join must beat the pieces' best reading
#: apart by :data:`PIECES_MARGIN` with its spaces priced at minus their log odds instead
#: of :data:`repair.candidates.ocr_spacing.SPACING_COST` ("intro luce" introduce, "Cn
#: airman" Chairman, "di spite" despite; "may bo" is still "may be").  Session 61,
#: ocrsplit (benchmarks/RESULTS.md), with the two guards below: SMH dev 4,216 / 6,872 ->
#: 4,207 / 6,870 (the prior learned on the other half: dev-a 1,884 -> 1,881, dev-b 2,332 ->
#: 2,329 tokens), ICDAR-only proxy dev 4,745 / 7,840 -> 4,739 / 7,843; test (read once) SMH
#: 5,316 / 8,621 -> 5,304 / 8,616, proxy 5,643 / 9,179 -> 5,631 / 9,175; audit dev, census
#: dev, light dev, clean English and seeds as main.
SAME_LINE_PRIOR = True
#: ... and a same-line run is no split word when a piece is a word this common (Zipf,
#: as printed: "the ba" is no "these", "tious and" no "thousand", "pport of" no
#: "supported") or when a piece joins a neighbour, as printed, into a dictionary word
#: ("individual sy⏎mptoms": "sy" is half of "symptoms"; "su pport of": "support") --
#: the OCR'd modern text audit's dev half, where the prior alone broke those four
#: (session 61: broken 1 -> 5; with these two guards 1).
SAME_LINE_COMMON_ZIPF = 6.0
SAME_LINE_OUTER_JOIN = True
#: ... and a same-line run that begins a line after a line-end hyphen is the tail of a
#: hyphenated word, not a word of its own ("coop-⏎erat ion" is no "coop-⏎creation",
#: "repe-⏎tit ive" no "repe-⏎native": both found by the lead on the speed suite's 100 k
#: OCR text after the merge; session 61, lead).
SAME_LINE_HYPHEN_TAIL = True
#: A one-letter piece beside pieces that are a dictionary word as printed is a speck, not
#: half of a split word ("Captain⏎í" is no "Captains", "River⏎j" no "Rivers").
SPECK_GUARD = True
#: In a list of names (:func:`repair.candidates.ocr_namelist.name_list_at`: lines of
#: capitalised words, hardly a function word) a joint reading is a name or nothing: the
#: first piece capitalised and the reading no plain word (the period text writes it with a
#: capital in fewer than :data:`LIST_CAPITAL_SHARE` of its mid-sentence uses); "all": no
#: joint reading at all in a list.  The far search knows common words, a list prints names
#: it does not know: SMH dev "ul⏎bert" -> "albert" (gold "Hul-⏎bert"); round 1's SMH test
#: "Mon⏎nins" -> "Meaning", "Hal⏎tey" -> "Halted".  Session 60, heavyname
#: (benchmarks/RESULTS.md): **off**.  "name" alone: SMH dev 4,216 / 6,872 -> 4,217 / 6,875
#: (the pieces are then read alone by other readers: "ul⏎bert" -> "at best"); with
#: :data:`NAME_LIST_PLAIN`: SMH dev 4,215 / 6,871, proxy dev 4,747 / 7,838 -> 4,746 / 7,836,
#: but test (read once) SMH 5,316 / 8,621 -> 5,318 / 8,635, proxy 5,647 / 9,183 ->
#: 5,647 / 9,189: a list whose OCR prints capitals in lower case ("Young⏎racultv" for
#: "Young / Faculty", "Dulcie⏎standflcld") got ten wrong plain joins.
NAME_LIST: str | None = None
#: ... and where no reading is kept there, the pieces' plain join (the lost line-end
#: hyphen's repair alone: "Bott⏎zeil" -> "Bottzeil", gold "Bortzell"; "ul⏎bert" ->
#: "ulbert", gold "Hul-⏎bert") unless the pieces stand as names of their own
#: (:func:`_plain_join`).  Off (see :data:`NAME_LIST`).
NAME_LIST_PLAIN = False
#: A reading the period text capitalises in fewer than this share of its mid-sentence uses
#: is a plain word, no name ("meaning" 0.0 of 171, "halted" 0.0 of 11; "Burgess",
#: "Margaret" 1.0; a reading it never prints is no evidence either way).
LIST_CAPITAL_SHARE = 0.5
#: Speed only, exact (issue 14, session 65 speedocr): the garble test (:data:`NEED_GARBLE`),
#: which ends most runs (90 k of the 155 k runs of the 100 k-word OCR speed text), is asked
#: first and answered once a token (a token is a piece of up to five runs), and each joined
#: string's readings once a call (8.5 k distinct of 13 k asked; the far search's own
#: 4,096-entry memo, shared with other readers, misses most repeats on a long text).  Every
#: test only skips a run and is a pure question, so the candidates are the same.
CHEAP_FIRST = True
#: Speed only, exact (issue 14, session 65 speedjoin): with :data:`CHEAP_FIRST` and
#: :data:`NEED_GARBLE`, the runs are scanned over per-token tables built once a call (word
#: or not, separator, letters only, lower case, length; the garble test, the outer glue,
#: a piece's Zipf and the printed join of two neighbouring words, each asked at most once
#: a token) and the cheapest tests ask first; the same tests, each a pure question, so the
#: same candidates.  The 100 k-word OCR speed text's call (222 k tokens, 155 k runs,
#: 13 k kept): replayed in process 0.72 -> 0.55 s, the runs' scan alone 0.47 -> 0.33 s; in a
#: whole ``repair fix`` run 0.74-0.85 -> 0.54-0.57 s (benchmarks/RESULTS.md, session 65,
#: speedjoin).  Off: :func:`_kept_runs`, session 65 speedocr's loop.
TOKEN_TABLES = True
#: A record for ``benchmarks/smh_heavyjoin.py``: each candidate's guard gap and the pieces'
#: best reading apart, by (start, end, reading); ``None``: not kept.
_TRACE: dict | None = None


#: Glyphs that glue a piece into a longer printed string when they touch its outer side:
#: besides letters and digits, a hyphen or an apostrophe ("Saud⏎al-Rasheed" is no
#: "Scandal-Rasheed": the piece heads a compound or a name).
_GLUE = frozenset("-'\u2019\u2010\u2011")


def _glued(toks: list[Token], i: int, at: int) -> bool:
    """Whether token ``i`` (if any) touches position ``at`` with a letter, a digit, a hyphen
    or an apostrophe."""
    if i < 0 or i >= len(toks):
        return False
    t = toks[i]
    edge = t.text[-1:] if t.end == at else t.text[:1] if t.start == at else ""
    return edge.isalnum() or edge in _GLUE


def _sep(tok: Token) -> int:
    """1 for one plain space, 2 for one line break (spaces around it allowed, no blank
    line) when :data:`LINE_BREAKS`, else 0."""
    if tok.text == " ":
        return 1
    if LINE_BREAKS and tok.kind == "space" and tok.text.count("\n") == 1:
        return 2 if not tok.text.replace("\n", "").strip(" \t") else 0
    return 0


def _runs(toks: list[Token]) -> Iterator[tuple[int, int, int]]:
    """``(i, k, lines)``: the word tokens ``toks[i]``, ``toks[i + 2]`` ...
    ``toks[i + 2 (k - 1)]``, ``k`` of them (2 to :data:`MAX_PIECES`), one space or one
    line break apart (``lines`` of them line breaks, at most one)."""
    n = len(toks)
    for i in range(n):
        if toks[i].kind != "word":
            continue
        lines = 0
        for k in range(2, MAX_PIECES + 1):
            j = i + 2 * (k - 1)
            if j >= n or toks[j].kind != "word":
                break
            sep = _sep(toks[j - 1])
            if not sep:
                break
            lines += sep == 2
            if lines > 1:
                break
            yield i, k, lines


def _garbled(piece: str) -> bool:
    """No dictionary word, or a rarer one than :data:`RARE_PIECE_ZIPF` (:data:`NEED_GARBLE`)."""
    low = piece.lower()
    return not is_target(low) or zipf(low) < RARE_PIECE_ZIPF


def _speck(pieces: list[str]) -> bool:
    """A one-letter first or last piece whose other pieces, joined, are a dictionary word
    (:data:`SPECK_GUARD`)."""
    for lone, rest in ((pieces[0], pieces[1:]), (pieces[-1], pieces[:-1])):
        if len(lone) == 1 and is_target("".join(rest).lower()):
            return True
    return False


def _context(toks: list[Token], i: int, j: int) -> tuple[list[str], list[str]]:
    """Two word tokens before ``toks[i]`` and two after ``toks[j]`` (their texts)."""
    prev: list[str] = []
    k = i - 1
    while k >= 0 and len(prev) < 2:
        if toks[k].kind == "word":
            prev.insert(0, toks[k].text)
        k -= 1
    nxt: list[str] = []
    k = j + 1
    while k < len(toks) and len(nxt) < 2:
        if toks[k].kind == "word":
            nxt.append(toks[k].text)
        k += 1
    return prev, nxt


def _readings(low: str) -> tuple:
    """The joined string's readings: learned confusions only (:data:`SOURCE` "listed",
    :func:`repair.candidates.ocr_garbled_join._readings`, lower case) or the far search's."""
    if SOURCE == "listed":
        from repair.candidates.ocr_garbled_join import _readings as listed

        return tuple(c for c in listed(low) if c.text.islower())
    from repair.candidates.ocr_far import far_readings

    return far_readings(low)


def _piece_readings(piece: str) -> list[tuple[str, float]]:
    """``piece`` as printed (free) and its cheapest few learned readings."""
    out = [(piece, 0.0)]
    for c in correction_candidates(piece)[: PIECE_READINGS * 2]:
        if c.cost <= PIECE_COST and c.text != piece and len(out) <= PIECE_READINGS:
            out.append((c.text, c.cost))
    return out


def _best_apart(
    pieces: list[str], prev: list[str], nxt: list[str], lm  # noqa: ANN001
) -> tuple[float, list[str]]:
    """The best LM score less price of the pieces read as words of their own, and those
    words."""
    combos: list[tuple[list[str], float]] = [([], 0.0)]
    for p in pieces:
        combos = [(ws + [w], c + cost) for ws, c in combos for w, cost in _piece_readings(p)]
    return max((lm.sequence_logprob([*ws, *nxt], prev) - c, ws) for ws, c in combos)


def heavy_join_candidates(
    toks: list[Token],
    flagged: Set[int] = frozenset(),
    taken: Set[tuple[int, int, str]] = frozenset(),
) -> list[Candidate]:
    """The joint readings of the module doc on a heavily garbled page (the caller checks the
    gate and :data:`HEAVY_JOIN`); ``flagged``: the starts of the detector's findings;
    ``taken``: ``(start, end, reading)`` other builders propose already."""
    from repair.resources.lm import get_lm

    out: list[Candidate] = []
    if not HEAVY_JOIN:
        return out
    lm = None
    read: dict[str, tuple] = {}  # each joined string's readings, once (CHEAP_FIRST)
    tabled = TOKEN_TABLES and CHEAP_FIRST and NEED_GARBLE
    runs = _kept_runs_tabled(toks, flagged) if tabled else _kept_runs(toks, flagged)
    for i, j, k, lines, pieces, low in runs:
        in_list = NAME_LIST is not None and name_list_at(toks, i, j)
        if in_list and NAME_LIST == "all":
            readings: tuple = ()
        elif CHEAP_FIRST:
            readings = read.get(low)
            if readings is None:
                readings = read[low] = _readings(low)
        else:
            readings = _readings(low)
        kept = False
        for c in readings:
            if c.cost > MAX_COST or zipf(c.text) < TARGET_ZIPF or len(c.text) < len(low):
                continue
            if pieces[0][:1].isupper() and c.text[:1] != low[:1]:
                continue  # "B inking" -> "Sinking": a capital is kept
            text = c.text if pieces[0][:1].islower() else c.text[:1].upper() + c.text[1:]
            if in_list and (text[:1].islower() or _plain_word(text)):
                continue  # a list prints names: "ul⏎bert" is no "albert", "Mon⏎nins" no "Meaning"
            if (toks[i].start, toks[j].end, text) in taken:
                continue
            price = SPACING_COST * (k - 1) + LINE_COST * lines + c.cost
            if lm is None:
                lm = get_lm()
            prev, nxt = _context(toks, i, j)
            together = lm.sequence_logprob([text, *nxt], prev) - price
            apart, words = _best_apart(pieces, prev, nxt, lm)
            gap = together - apart
            if _TRACE is not None:
                _TRACE[(toks[i].start, toks[j].end, text)] = (gap, words)
            if gap < PIECES_MARGIN:
                continue  # "m any" is "in any": the pieces read better as words
            if not lines and SAME_LINE_PRIOR and (
                gap + SPACING_COST * (k - 1) - split_cost(pieces) < PIECES_MARGIN
            ):
                continue  # a plain space inside a line is seldom inside a word
            out.append(
                cand(
                    toks[i].start, toks[j].end, text, "OCR_JOIN_SPLIT", finding="nonword",
                    orig=pieces, alt=[text], cost=price, threshold=THRESHOLD,
                    subs=[list(x) for x in c.subs], heavy_join=True,
                )
            )  # fmt: skip
            kept = True
            break
        if in_list and not kept and NAME_LIST_PLAIN:
            plain = _plain_join(toks, i, j, pieces, taken)
            if plain is not None:
                out.append(plain)
    return out


def _kept_runs(
    toks: list[Token], flagged: Set[int]
) -> Iterator[tuple[int, int, int, int, list[str], str]]:
    """``(i, j, k, lines, pieces, low)``: the runs of :func:`_runs` that pass every test
    before the readings (``low``: the pieces joined, in lower case)."""
    gar: list[bool | None] = [None] * len(toks)  # each piece's garble test, once (CHEAP_FIRST)
    for i, k, lines in _runs(toks):
        if LINE_ONLY and not lines and not SAME_LINE_PRIOR:
            continue
        j = i + 2 * (k - 1)
        if CHEAP_FIRST and NEED_GARBLE:  # the test that ends most runs, a piece's answer kept
            for x in range(i, j + 1, 2):
                g = gar[x]
                if g is None:
                    g = gar[x] = toks[x].start in flagged or _garbled(toks[x].text)
                if g:
                    break
            else:
                continue
        pieces = [toks[i + 2 * m].text for m in range(k)]
        if SPECK_GUARD and _speck(pieces):
            continue
        joined = "".join(pieces)
        if not (MIN_LEN <= len(joined) <= MAX_LEN) or not joined.isalpha():
            continue
        if not all(p.islower() for p in pieces[1:]):
            continue
        if _glued(toks, i - 1, toks[i].start) or _glued(toks, j + 1, toks[j].end):
            continue  # a piece cut from a longer printed string, or a compound's
        if NEED_GARBLE and not CHEAP_FIRST and not any(
            toks[i + 2 * m].start in flagged or _garbled(p) for m, p in enumerate(pieces)
        ):
            continue
        low = joined.lower()
        if is_target(low) or (JOINED_ZIPF is not None and zipf(low) >= JOINED_ZIPF):
            continue  # the plain join's
        if not lines and SAME_LINE_PRIOR and _same_line_words(toks, i, j, pieces):
            continue  # "the ba", "individual sy mptoms": words, or halves of another
        if not lines and SAME_LINE_PRIOR and SAME_LINE_HYPHEN_TAIL and after_line_hyphen(toks, i):
            continue  # "coop-⏎erat ion": the pieces end a hyphenated word
        yield i, j, k, lines, pieces, low


def _kept_runs_tabled(
    toks: list[Token], flagged: Set[int]
) -> Iterator[tuple[int, int, int, int, list[str], str]]:
    """:func:`_kept_runs` over per-token tables (:data:`TOKEN_TABLES`): the same runs.  A
    run is read only if its pieces are all letters, the later ones in lower case, and its
    join at most :data:`MAX_LEN` letters long, so a piece that fails these ends every longer
    run through it too."""
    n = len(toks)
    texts = [t.text for t in toks]
    word = [t.kind == "word" for t in toks]
    sep = [
        1 if x == " " else _sep(t) if t.kind == "space" else 0
        for t, x in zip(toks, texts, strict=True)
    ]
    alpha = [w and x.isalpha() for w, x in zip(word, texts, strict=True)]
    tail = [a and x.islower() for a, x in zip(alpha, texts, strict=True)]  # a later piece
    lens = [len(x) for x in texts]
    gar: list[bool | None] = [None] * n  # a piece's garble test
    by_text: dict[str, bool] = {}  # _garbled of a printed string
    glue_left: dict[int, bool] = {}
    glue_right: dict[int, bool] = {}
    common: dict[int, bool] = {}  # a piece at SAME_LINE_COMMON_ZIPF or more
    pair: dict[int, str | None] = {}  # texts[x] + texts[x + 2] in lower case, if a word
    same_line = not LINE_ONLY or SAME_LINE_PRIOR
    for i in compress(range(n), alpha):  # a word of letters: no other starts a join
        lines = 0
        size = lens[i]
        for k in range(2, MAX_PIECES + 1):
            j = i + 2 * (k - 1)
            if j >= n or not tail[j]:
                break  # no word, or not of letters in lower case
            s = sep[j - 1]
            if not s:
                break
            lines += s == 2
            if lines > 1:
                break
            size += lens[j]
            if size > MAX_LEN:
                break
            if size < MIN_LEN or (not lines and not same_line):
                continue
            for x in range(i, j + 1, 2):  # the garble test, a token's answer kept
                g = gar[x]
                if g is None:
                    g = toks[x].start in flagged
                    if not g:
                        t = texts[x]
                        g = by_text.get(t)
                        if g is None:
                            g = by_text[t] = _garbled(t)
                    gar[x] = g
                if g:
                    break
            else:
                continue
            pieces = texts[i : j + 1 : 2]
            if SPECK_GUARD and (lens[i] == 1 or lens[j] == 1) and _speck(pieces):
                continue  # (_speck reads only a one-letter first or last piece)
            g = glue_left.get(i)
            if g is None:
                g = glue_left[i] = _glued(toks, i - 1, toks[i].start)
            if g:
                continue
            g = glue_right.get(j)
            if g is None:
                g = glue_right[j] = _glued(toks, j + 1, toks[j].end)
            if g:
                continue  # a piece cut from a longer printed string, or a compound's
            low = "".join(pieces).lower()
            if not lines and SAME_LINE_PRIOR:  # each piece's and pair's answer kept
                if _same_line_tabled(texts, word, sep, i, j, low, common, pair):
                    continue  # "the ba", "individual sy mptoms": words, or halves of another
                if SAME_LINE_HYPHEN_TAIL and after_line_hyphen(toks, i):
                    continue  # "coop-⏎erat ion": the pieces end a hyphenated word
            if is_target(low) or (JOINED_ZIPF is not None and zipf(low) >= JOINED_ZIPF):
                continue  # the plain join's
            yield i, j, k, lines, pieces, low


def _same_line_tabled(
    texts: list[str],
    word: list[bool],
    sep: list[int],
    i: int,
    j: int,
    low: str,
    common: dict[int, bool],
    pair: dict[int, str | None],
) -> bool:
    """:func:`_same_line_words` over the tables of :func:`_kept_runs_tabled`, each piece's
    Zipf test and each neighbouring pair's printed join asked once a call."""
    for x in range(i, j + 1, 2):
        c = common.get(x)
        if c is None:
            c = common[x] = zipf(texts[x].lower()) >= SAME_LINE_COMMON_ZIPF
        if c:
            return True
    if not SAME_LINE_OUTER_JOIN:
        return False
    lo = i - 2 if i >= 2 and sep[i - 1] and word[i - 2] else i
    hi = j + 2 if j + 2 < len(texts) and sep[j + 1] and word[j + 2] else j
    for x in range(lo, hi, 2):
        if x in pair:
            ab = pair[x]
        else:
            ab = texts[x] + texts[x + 2]
            ab = ab.lower() if ab.isalpha() and len(ab) >= 4 else None
            ab = pair[x] = ab if ab is not None and is_target(ab) else None
        if ab is not None and ab != low:
            return True
    return False


def _same_line_words(toks: list[Token], i: int, j: int, pieces: list[str]) -> bool:
    """A piece of the same-line run ``toks[i..j]`` is a word at :data:`SAME_LINE_COMMON_ZIPF`
    or more, or two neighbouring printed words (pieces or the word one plain space or line
    break beyond either end) join as printed into a dictionary word
    (:data:`SAME_LINE_OUTER_JOIN`)."""
    if any(zipf(p.lower()) >= SAME_LINE_COMMON_ZIPF for p in pieces):
        return True
    if not SAME_LINE_OUTER_JOIN:
        return False
    words = list(pieces)
    if i >= 2 and _sep(toks[i - 1]) and toks[i - 2].kind == "word":
        words.insert(0, toks[i - 2].text)
    if j + 2 < len(toks) and _sep(toks[j + 1]) and toks[j + 2].kind == "word":
        words.append(toks[j + 2].text)
    return any(
        (a + b).isalpha() and len(a + b) >= 4 and is_target((a + b).lower())
        for a, b in zip(words, words[1:], strict=False)
        if (a + b).lower() != "".join(pieces).lower()
    )


def _plain_word(text: str) -> bool:
    """Whether the period text writes ``text`` in lower case mostly (:data:`LIST_CAPITAL_SHARE`)."""
    from repair.score.ngrams import get_ngrams

    share = get_ngrams().capital_share(text.lower())
    return share is not None and share < LIST_CAPITAL_SHARE


def _plain_join(
    toks: list[Token], i: int, j: int, pieces: list[str], taken: Set[tuple[int, int, str]]
) -> Candidate | None:
    """The pieces joined as printed (:data:`NAME_LIST_PLAIN`), unless they stand as names
    of their own (a capitalised first piece and every piece a known word or a listed name:
    "Bernard⏎leigh"; a lower-case first piece is no name in a list: "ul⏎bert"), a later
    piece is a common word ("Smxth⏎and"), or another builder reads the same span already
    ("Rich⏎ardq" -> "Richard")."""
    from repair.candidates.ocr_docvocab import _clean

    joined = "".join(pieces)
    if pieces[0][:1].isupper() and all(_clean(p) for p in pieces):
        return None
    if any(is_target(p.lower()) and zipf(p.lower()) >= RARE_PIECE_ZIPF for p in pieces[1:]):
        return None
    start, end = toks[i].start, toks[j].end
    if any(s == start and e == end for s, e, _r in taken):
        return None
    k = len(pieces)
    return cand(
        toks[i].start, toks[j].end, joined, "OCR_JOIN_SPLIT", finding="nonword",
        orig=pieces, alt=[joined], cost=SPACING_COST * (k - 1), threshold=THRESHOLD,
        heavy_join=True, name_list=True,
    )  # fmt: skip
