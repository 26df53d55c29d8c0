"""Stray marks glued to a word: "»as" (was), "th«" (the), "bu*" (but), "u<e" (use).

Newspaper OCR reads specks and broken glyphs as marks that belong to no word.  The
tokenizer splits them off, so the word pieces look fine ("as", "th") while the token
run around them is the real misreading.  A run of adjacent word and mark tokens (no
space between) is re-read as one token: by the learned confusions ("»" -> "w",
"«" -> "s") and by dropping the marks; the scorer decides in context.

>>> from repair.tokenize import tokenize
>>> [s for s, e, orig, alts in mark_runs(tokenize("he »as there"))]
[3]
"""

from __future__ import annotations

from repair.candidates.ocr_lead_specks import lead_speck_candidates, trail_speck_candidates
from repair.candidates.ocr_rules import cand
from repair.score.ocr_channel import correction_candidates, is_known, is_target
from repair.types import Candidate, Token

#: Marks no English word carries inside it (an apostrophe or hyphen may be real).
MARKS = frozenset("»«*\\<>|¿¡~{}^_")
#: Longest glued run re-read (characters).
MAX_RUN = 20
#: Marks that, standing alone between spaces in a garbled page, are specks rather than
#: punctuation: SMH dev keeps 0 of 43 lone "'", 0 of 31 lone ",", 0 of 14 lone "?" (a
#: lone ";", ":", "-", '"' or "." is often real and stays).
LONE_NOISE = MARKS | frozenset("'’‘,?!•„[]")
#: ... and these may make up the rest of a lone run of two or more marks ("-.", "'.").
LONE_FILLER = frozenset('.,-;:"')
#: Glued marks are read by the learned fate model (:mod:`repair.candidates.ocr_glued`).
GLUED = True
#: Specks glued to a word's start are deleted too (:mod:`repair.candidates.ocr_lead_specks`).
LEAD_SPECKS = True
#: Confidence of deleting a lone speck (a fixed rule, no LM: the LM has no punctuation).
LONE_CONFIDENCE = 0.7


def mark_runs(toks: list[Token]) -> list[tuple[int, int, str, list[tuple[str, float]]]]:
    """(start, end, run text, [(reading, cost), ...]) of each glued word+mark run."""
    out = []
    i = 0
    n = len(toks)
    while i < n:
        j = i
        has_mark = has_word = False
        while j < n and (toks[j].kind == "word" or toks[j].text in MARKS):
            has_mark |= toks[j].text in MARKS
            has_word |= toks[j].kind == "word"
            j += 1
        if j > i and has_mark and has_word:
            start, end = toks[i].start, toks[j - 1].end
            run = "".join(t.text for t in toks[i:j])
            if end - start <= MAX_RUN:
                readings: dict[str, float] = {}
                for c in correction_candidates(run)[:6]:
                    readings.setdefault(c.text, c.cost)
                bare = "".join(ch for ch in run if ch not in MARKS)
                if bare and is_target(bare) and bare not in readings:
                    readings[bare] = 1.0 + (len(run) - len(bare))
                if readings:
                    out.append((start, end, run, sorted(readings.items(), key=lambda x: x[1])))
        i = max(j, i + 1)
    return out


#: A lone run of one typed mark repeated ("***", "****", ">>", "==") is typography: web
#: ratings, section breaks, links.  A speck repeats no mark so ("»»" stays a speck: "»"
#: is not typed; nor "~~": ICDAR books' garble).  Session 37, from lightly garbled web text.
REPEATED_RUNS = True
REPEATED = frozenset("*>#=+")


def _lone_run(toks: list[Token], i: int) -> int:
    """End index of a lone run of punct tokens starting at ``i`` that is a speck, else -1."""
    j = i
    while j < len(toks) and toks[j].kind == "punct":
        j += 1
    run = "".join(t.text for t in toks[i:j])
    if not run or len(run) > 4:
        return -1
    if REPEATED_RUNS and len(run) >= 2 and run[0] in REPEATED and run == run[0] * len(run):
        return -1  # "***" (a rating, a section break), ">>" (a link): typed, not specks
    if not any(ch in LONE_NOISE for ch in run) or any(
        ch not in LONE_NOISE and ch not in LONE_FILLER for ch in run
    ):
        return -1
    return j


def _table_row(toks: list[Token], i: int, j: int) -> bool:
    """Whether another "|" shares the line of tokens ``i:j``."""
    for step, k in ((-1, i - 1), (1, j)):
        while 0 <= k < len(toks) and "\n" not in toks[k].text:
            if "|" in toks[k].text:
                return True
            k += step
    return False


def lone_mark_candidates(toks: list[Token]) -> list[Candidate]:
    """Delete a lone speck between spaces ("the ' statement", "left «", "| was"), and
    one glued to a word's edge that opens or ends nothing ("short 'extensions", "the
    -number", "licenses- than":
    :mod:`repair.candidates.ocr_lead_specks`)."""
    out: list[Candidate] = (
        lead_speck_candidates(toks) + trail_speck_candidates(toks) if LEAD_SPECKS else []
    )
    if DASH_SPACING:
        out.extend(dash_spacing_candidates(toks))
    n = len(toks)
    i = 0
    while i < n:
        t = toks[i]
        if t.kind != "punct" or (i > 0 and toks[i - 1].kind != "space"):
            i += 1
            continue
        j = _lone_run(toks, i)
        if j < 0 and t.text == "." and (i == 0 or "\n" in toks[i - 1].text):
            j = i + 1 if _speck_before_lower(".", toks, i + 1) else -1  # "of\n. a Moth"
        if j < 0 and STOP_SPECKS and i + 1 < n and toks[i + 1].kind == "space":
            j = i + 1 if _speck_after_stop(t.text, toks, i, i + 1) else -1  # "petition. . By"
        if j < 0 or (j < n and toks[j].kind != "space"):
            i += 1
            continue
        before = toks[i - 1] if i > 0 else None
        after = toks[j] if j < n else None
        start, end = t.start, toks[j - 1].end
        if before is not None and "\n" not in before.text:
            start = before.start  # "word ' next" -> "word next"
        elif after is not None and "\n" not in after.text:
            end = after.end  # line start: "' word" -> "word"
        elif before is not None:
            start = before.start
        run = "".join(x.text for x in toks[i:j])
        at_edge = before is None or after is None or "\n" in before.text or "\n" in after.text
        if (
            not at_edge
            and not any(ch in MARKS for ch in run)
            and not _lone_apostrophe(run, toks, i, j)
            and not _speck_after_stop(run, toks, i, j)
        ):
            # old print sets "word , word", "this ? said": inside a line only the
            # marks no typesetter spaces off are specks
            i = j
            continue
        if (
            before is not None
            and "\n" in before.text
            and all(ch in ",.;:!?" for ch in run)
            and not _speck_before_lower(run, toks, j)
        ):
            i = j  # "like\n, swiftly": punctuation wrapped onto the next line is real
            continue
        if LONE_QUOTED_STOP and run in _QUOTED_STOPS and _list_end(toks, j):
            i = j  # 'lose his own soul ?" There is': a quotation's end, spaced off
            continue
        if _typed_stop(run, toks, i):
            i = j  # "kill you !", 'his own soul ?"': a page that types its "!" and "?"
            continue
        if LIST_MARKS and _list_mark(run, toks, j):
            i = j  # "• A global ...", "* Sweet nose": a list's bullets
            continue
        if "|" in run and _table_row(toks, i, j):
            i = j  # a table row ("| name | words |"), not specks
            continue
        repl = ""
        out.append(
            cand(
                start,
                end,
                repl,
                "OCR_STRAY_MARK",
                finding="lone_mark",
                orig=[run],
                alt=[],
                fixed=LONE_CONFIDENCE,
            )
        )
        i = j
    return out


#: A lone straight apostrophe inside a line, a space on each side, between words or after
#: a sentence's stop ("adjourned the meeting ' until", "objected ' to", "the colony. ' One")
#: is a speck, unless a quote on either side in the same sentence makes it one of a pair
#: (a spaced opening quote: "termed the ' Waverley Novels'").  Aligned SMH dev raw OCR to
#: its gold: 27 such apostrophes, all specks; ICDAR 2017 monographs 1-80: 2, one speck, one
#: the opening quote the pair guard keeps.  On: SMH dev 4,293 / 6,986 -> 4,288 / 6,976 tokens
#: / chars (the four session-50 readers on; ICDAR, light suite, clean gate as off).
#: Session 50 (ocrpunct50): see RESULTS.
LONE_APOSTROPHE = True
#: A lone mark spaced off after a sentence's stop, before a word ("petition. . By", "this
#: afternoon. , The", "OBITUARY. ? MR.", "agents. " Wendouree"): no typesetter sets a second
#: mark there; a speck.  SMH dev raw OCR against its gold: 27 specks, 1 kept (". . 22": a
#: figure after, excluded).  A spaced dash (". - The": the transcribers' em dash) and ":"
#: are left; a run of stops (an ellipsis) too.  On: SMH dev 4,292 / 6,984 -> 4,288 / 6,976
#: (the other readers on).  Session 50 (ocrpunct50): see RESULTS.
STOP_SPECKS = True
#: The marks :data:`STOP_SPECKS` reads as specks.
STOP_SPECK_MARKS = frozenset(".,;!?'\"")
_APOSTROPHES = frozenset("'")
_QUOTE_MARKS = frozenset("'\"‘“’”")


#: A dash glued between a stop, colon or comma and the next word ("SCHOOL.-We understand",
#: "Sir,-The weakness", "as follows:-Messrs") is an em dash, which the SMH transcribers
#: write spaced: ". - We".  This is the gold's convention, not an OCR error: SMH dev's gold
#: has 37 " - ", 12 "- ", 8 glued "-" and 8 "—" there (RESULTS, session 50).  OFF: another
#: archive's transcribers may glue it (then each costs a token): ICDAR's gold keeps ",-and"
#: glued.  On: SMH dev 4,288 / 6,976 -> 4,258 / 6,954, a gain of the gold's convention only.
DASH_SPACING = False
_DASH_BEFORE = frozenset(".,:;?!")


def dash_spacing_candidates(toks: list[Token]) -> list[Candidate]:
    """:data:`DASH_SPACING`: ".-We" -> ". - We" (a dash glued between a mark and a word)."""
    out: list[Candidate] = []
    for i in range(2, len(toks) - 1):
        t, mark, word, nxt = toks[i], toks[i - 1], toks[i - 2], toks[i + 1]
        if t.text != "-" or mark.text not in _DASH_BEFORE or mark.end != t.start:
            continue
        if word.kind not in ("word", "number") or word.end != mark.start:
            continue
        if nxt.kind != "word" or not nxt.text[:1].isalpha() or nxt.start != t.end:
            continue
        out.append(
            cand(t.start, t.end, " - ", "OCR_STRAY_MARK", finding="dash_spacing", orig=["-"],
                 alt=[], fixed=LONE_CONFIDENCE)
        )  # fmt: skip
    return out


def _quote_near(toks: list[Token], i: int) -> bool:
    """Whether another quote mark than token ``i`` stands in its sentence (the next
    tokens up to a sentence's end, the previous ones back to one): then the mark at
    ``i`` may be one of a pair."""
    from repair.candidates.ocr_lead_specks import CLOSE_WINDOW

    n = len(toks)
    for step in (1, -1):
        k = i + step
        while 0 <= k < n and abs(k - i) < CLOSE_WINDOW:
            t = toks[k]
            if t.kind == "space" and "\n\n" in t.text:
                break
            if t.kind == "punct" and any(ch in _QUOTE_MARKS for ch in t.text):
                return True
            if t.text in (".", "?", "!") and k > 0 and len(toks[k - 1].text) > 2:
                if step == 1 or k < i - 1:
                    break  # a sentence ends (not "Mr." or "A.")
            k += step
    return False


def _lone_apostrophe(run: str, toks: list[Token], i: int, j: int) -> bool:
    """:data:`LONE_APOSTROPHE`: lone run ``toks[i:j]`` is a speck apostrophe between words."""
    if not (LONE_APOSTROPHE and run in _APOSTROPHES and i >= 2 and j + 1 < len(toks)):
        return False
    before, after = toks[i - 2], toks[j + 1]
    if after.kind not in ("word", "number") or before.kind not in ("word", "number", "punct"):
        return False
    if before.kind == "punct" and before.text not in (".", ",", ";", ":"):
        return False
    return not _quote_near(toks, i) and not _single_quote_page(toks)


#: A page that opens quotations with single quotes ("the 'Crock of Gold'", British books)
#: may close one the OCR spaced off and whose opening quote it lost ("Water is best '
#: When"): :data:`LONE_APOSTROPHE` leaves such a page's lone apostrophes alone.  A page
#: counts when it prints this many single quotes glued to the start of a word after a
#: space (not an elision: "'tis").  ICDAR file 81's first 300k characters: without the
#: guard 2 of 5 lone apostrophes deleted were closing quotes.
SINGLE_QUOTE_PAGE = 2
_single_memo: list[object] = [None, False]


def _single_quote_page(toks: list[Token]) -> bool:
    if _single_memo[0] is toks:
        return bool(_single_memo[1])
    from repair.candidates.ocr_lead_specks import ELISIONS

    n = 0
    for k in range(1, len(toks) - 1):
        t = toks[k]
        if t.text in ("'", "‘") and toks[k - 1].kind == "space" and toks[k + 1].kind == "word":
            if toks[k + 1].text.lower() not in ELISIONS:
                n += 1
    _single_memo[0], _single_memo[1] = toks, n >= SINGLE_QUOTE_PAGE
    return n >= SINGLE_QUOTE_PAGE


def _speck_after_stop(run: str, toks: list[Token], i: int, j: int) -> bool:
    """:data:`STOP_SPECKS`: lone run ``toks[i:j]`` (one mark) follows a stop glued to a
    word and comes before a word: a speck."""
    if not (STOP_SPECKS and len(run) == 1 and run in STOP_SPECK_MARKS):
        return False
    if i < 3 or j + 1 >= len(toks):
        return False
    stop, word, after = toks[i - 2], toks[i - 3], toks[j + 1]
    if stop.text != "." or word.kind != "word" or word.end != stop.start:
        return False
    if after.kind != "word" or not after.text[:1].isalpha():
        return False
    if run in _QUOTE_MARKS and _quote_near(toks, i):
        return False
    if run in ",;" and (len(word.text) <= 3 or word.text.isupper()):
        return False  # an abbreviation's stop keeps its comma: "Series IV. , divers"
    return True


#: A lone "?" or "!" with a closing double quote after it, before a capitalised word or a
#: line end ('his own soul ?" There is'), ends a quotation: typed, not a speck.  Session 37.
LONE_QUOTED_STOP = True
_QUOTED_STOPS = frozenset({'?"', '!"', "?”", "!”"})


def _typed_stop(run: str, toks: list[Token], i: int) -> bool:
    """A lone "!" or "?" (a closing quote may follow) after a word and a space, on a page
    that types its "!" and "?" (:data:`repair.candidates.ocr_glued.TYPED_STOPS`)."""
    from repair.candidates import ocr_glued

    if not ocr_glued.TYPED_STOPS or run.rstrip("\"'”’") not in ("!", "?"):
        return False
    if i < 2 or toks[i - 1].text != " " or toks[i - 2].kind not in ("word", "punct"):
        return False
    return ocr_glued.typed_stops_page(toks)


#: A lone mark the page prints at least :data:`LIST_MIN` times alone or in a run of it
#: ("***"), each before a capitalised word or a line end ("• A global network", "Soft. *"
#: ending a wine note rated with "***" elsewhere), is a list's bullet or a rating, not a
#: speck (session 37, from lightly garbled web and news text: "&#149;" bullets, wine notes).
LIST_MARKS = True
LIST_MIN = 3
#: ... or a mark that opens a line before a capital, on a page that prints it so at
#: least this often: a list of two items ("By 2020:\n* A global network\n* English will
#: rule"), whose bullets a count of three deleted (``0``: off).  A speck lands at the
#: start of two lines before capitals seldom.  Session 46 (ocrprec46): no benchmark prints
#: such a list, so guards only, all unchanged: SMH dev 4,329 / 7,040 (4,931 edits), test
#: 5,356 / 8,690, light suite dev and test, audit 159 / 28,190, ICDAR, clean gate
#: (benchmarks/RESULTS.md, "Session 46, ocrprec46"; ``tests/test_ocr_precision46.py``).
LINE_LIST_MIN = 2
#: The marks a list or a rating prints so.
LIST_CHARS = frozenset("*•")
_list_memo: list = [None, {}]


def _list_mark(run: str, toks: list[Token], j: int) -> bool:
    """Whether the lone one-mark ``run`` (ending before ``toks[j]``) is a bullet or a
    rating the page prints often (:data:`LIST_MARKS`)."""
    if len(run) != 1 or run not in LIST_CHARS or not _list_end(toks, j):
        return False
    if _list_memo[0] is not toks:
        counts: dict[str, int] = {}
        n = len(toks)
        k = 0
        while k < n:
            t = toks[k]
            if t.text in LIST_CHARS and (k == 0 or toks[k - 1].kind == "space"):
                e = k
                while e < n and toks[e].text == t.text:
                    e += 1
                if e - k <= 4 and _list_end(toks, e):
                    counts[t.text] = counts.get(t.text, 0) + 1
                    if e - k == 1 and _line_start(toks, k) and "\n" not in toks[e].text:
                        counts["\n" + t.text] = counts.get("\n" + t.text, 0) + 1
                k = e
            else:
                k += 1
        _list_memo[0], _list_memo[1] = toks, counts
    got = _list_memo[1]
    if int(got.get(run, 0)) >= LIST_MIN:
        return True
    line = int(got.get("\n" + run, 0))
    return bool(LINE_LIST_MIN) and line >= LINE_LIST_MIN and _line_start(toks, j - 1)


def _line_start(toks: list[Token], k: int) -> bool:
    """Whether token ``k`` opens a line (the text's start, or after a line break)."""
    return k == 0 or (toks[k - 1].kind == "space" and "\n" in toks[k - 1].text)


def _list_end(toks: list[Token], j: int) -> bool:
    """Whether a line end, the text's end or a space and a capitalised word follow."""
    if j >= len(toks) or "\n" in toks[j].text:
        return True
    return (
        j + 1 < len(toks)
        and toks[j].text == " "
        and toks[j + 1].kind == "word"
        and toks[j + 1].text[:1].isupper()
    )


def _speck_before_lower(run: str, toks: list[Token], j: int) -> bool:
    """A lone ".", "?" or "!" opening a line before a lower-case word ("of\n. a Moth",
    "unhurt\n? from the"): no sentence ends there, and no one wraps a full stop away from
    its word: a speck at the column's edge."""
    if run not in (".", "?", "!") or j + 1 >= len(toks) or toks[j].text not in (" ", "\t"):
        return False
    nxt = toks[j + 1]
    return nxt.kind == "word" and nxt.text[:1].islower()


#: One-glyph tokens a column rule or speck at a line's edge is read as ("|" is a mark;
#: a digit "1" may be a number: :data:`EDGE_ONE`).
EDGE_SPECKS = frozenset("IijlJ")
#: ... and a "1" opening a line before a word (a speck 9 times in 9 on SMH dev: "we\n1
#: believe", "by the\n1 Commissioners"), but not before a word a number counts
#: (:func:`_speck_one`).  The language model cannot judge a "1" (any digit is a rare
#: token to it), so the rule decides.
EDGE_ONE = True
#: Edge specks are read on column pages the garble gate keeps shut too
#: (:func:`shut_edge_candidates`).
EDGE_SHUT = True
#: ... before a word "I" hardly ever precedes (pointwise mutual information, nats).
SHUT_PMI = -2.0
#: A "1" is deleted before a lower-case word "I" precedes this much more often than chance.
ONE_PMI = 1.0
#: Cost (nats) of deleting one: on SMH dev a lone "I", "i", "1" or "j" opening or closing
#: a line was a speck 81 times in 98 (-ln(81/17) = -1.6: deleting is the likelier
#: reading); the language model then weighs it ("the policy of\nI the Water Board").
EDGE_SPECK_COST = -1.6
#: The pronoun "I" opening a line after a mark that ends a clause inside running prose
#: (";", ":", "!", "?" ending the line before) and before a lower-case word ("upon his
#: sword;\nI quietly take") opens the next clause: it is real, not a speck (issue 12,
#: session 35).  Not after a full stop: headings and list entries end so in a column
#: ("TRIAL OF CAUSES.\nI i", "Douglas.\nI lent James": SMH dev, rules read as "I").
EDGE_CLAUSE_I = True
_CLAUSE_ENDS = frozenset(";:!?")
#: After a full stop "I" is the pronoun when the next word is one it often opens a sentence
#: with (:func:`_pmi_after_i` at least :data:`STOP_PMI`: "have" 2.9, "challenge" 2.6,
#: "will" 3.1), not "lent" (-1.9) or "the" (-2.7).  Session 37: the light suite's State of
#: the Union lines ("to an end.\nI compliment", "families.\nI have said") lost their "I".
EDGE_STOP_I = True
STOP_PMI = 1.0
#: ... also after a full stop a closing bracket or quote follows ('(Applause.)\nI thank',
#: 'State of the Union."\nI report') and at the text's start ("I take the oath": no line
#: before it).  Session 37 (ocrlight37).
EDGE_STOP_I_CLOSED = True
_CLOSERS = frozenset(")\"”’'")
#: A capital letter between a title or an initial and a capitalised word ("Railways, Mr
#: J\nBarron", "Messrs A\nJ Taylor") is a name's initial, not a speck (issue 12, session
#: 41: SMH dev "Mr J" deleted).  Shipped off: SMH dev 4,517 -> 4,516 token errors, but
#: test 5,481 -> 5,483 / 8,906 -> 8,909 chars.
EDGE_INITIAL = False
#: The pronoun "I" alone at the edge of a line of :data:`PARAGRAPH_LINE` characters or more,
#: or on a page whose lines are that long on average, is kept: such a line is a paragraph
#: run into one line, not a printed column line, and a column rule or speck stands at the
#: edge of a printed line only (issue 12, session 42: the light suite's speeches lost "I"
#: opening a paragraph, "to an end.\nI compliment the Republican leadership ..."; SMH
#: prints lines of under 70 characters).
EDGE_PARAGRAPH_I = True
PARAGRAPH_LINE = 100
#: Margin a deletion needs: the pronoun "I" may open or close a line ("and then\nI said"),
#: so the language model must want the speck gone (gain >= 2.4 nats with the cost).
EDGE_SPECK_THRESHOLD = 4.0


def edge_speck_candidates(toks: list[Token]) -> list[Candidate]:
    """Delete a one-glyph "I", "i", "j", "l" alone at a line's start or end, where the
    language model reads the text better without it, and a "1" opening a line where
    :func:`_speck_one` allows (garbled documents; shut ones: :func:`shut_edge_candidates`)."""
    out: list[Candidate] = []
    n = len(toks)
    page_mean: float | None = None
    for i, t in enumerate(toks):
        one = EDGE_ONE and t.text == "1"
        if not one and (t.text not in EDGE_SPECKS or t.kind != "word"):
            continue
        before = toks[i - 1] if i > 0 else None
        after = toks[i + 1] if i + 1 < n else None
        if (before is not None and before.kind != "space") or (
            after is not None and after.kind != "space"
        ):
            continue  # glued to something: not alone
        start_edge = before is None or "\n" in before.text
        end_edge = after is None or "\n" in after.text
        if start_edge == end_edge:
            continue  # inside a line (or a line of its own)
        if one and not (start_edge and _speck_one(toks, i)):
            continue
        if EDGE_CLAUSE_I and t.text == "I" and start_edge and after is not None:
            nxt = toks[i + 2] if i + 2 < n else None
            lower = nxt is not None and nxt.kind == "word" and nxt.text[:1].islower()
            prev = toks[i - 2].text if i >= 2 else ""
            if EDGE_STOP_I_CLOSED and prev in _CLOSERS and i >= 3 and toks[i - 3].text == ".":
                prev = "."  # '(Applause.)\nI thank', 'the Union."\nI report'
            if EDGE_STOP_I_CLOSED and i == 0:
                prev = "."  # the text opens: "I take the official oath"
            if prev in _CLAUSE_ENDS and lower:
                continue  # "sword;\nI quietly": the pronoun opens a clause ("\nI The": no)
            if EDGE_STOP_I and prev == "." and lower and _pmi_after_i(nxt.text) >= STOP_PMI:
                continue  # "families.\nI have said": a verb the pronoun opens a sentence with
        if EDGE_PARAGRAPH_I and t.text == "I":
            if page_mean is None:
                page_mean = _mean_line(toks)  # once a page, on its first lone "I"
            if max(page_mean, _line_chars(toks, i)) >= PARAGRAPH_LINE:
                continue  # "an end.\nI compliment the ...": a paragraph's line, not a column's
        if EDGE_INITIAL and t.text.isupper() and _name_initial(toks, i):
            continue  # "Mr J\nBarron": an initial
        if start_edge and after is not None:
            start, end = t.start, after.end
        elif before is not None:
            start, end = before.start, t.end
        else:
            continue
        word = _next_word(toks, i, 1 if start_edge else -1)  # its neighbour on the line
        if word is not None and not is_known(word):
            continue  # next to a garbled word the language model cannot judge the speck
        out.append(
            cand(
                start,
                end,
                "",
                "OCR_STRAY_MARK",
                finding="edge_speck",
                orig=[t.text],
                alt=[],
                cost=EDGE_SPECK_COST,
                threshold=EDGE_SPECK_THRESHOLD,
            )
        )
    return out


def _mean_line(toks: list[Token]) -> float:
    """Mean characters of the page's non-empty lines (one pass over the tokens).

    >>> from repair.tokenize import tokenize
    >>> _mean_line(tokenize("ab cd\\n\\nefg"))
    4.0
    """
    chars = lines = run = 0
    for t in toks:
        text = t.text
        if "\n" not in text:
            run += len(text)
            continue
        pieces = text.split("\n")
        run += len(pieces[0])
        for piece in pieces[1:]:
            if run:
                chars, lines = chars + run, lines + 1
            run = len(piece)
    if run:
        chars, lines = chars + run, lines + 1
    return chars / max(1, lines)


def _line_chars(toks: list[Token], i: int) -> int:
    """Characters of the line that holds ``toks[i]`` (up to :data:`PARAGRAPH_LINE`; a walk
    over that line's tokens only, so the edge specks of a page stay linear).

    >>> from repair.tokenize import tokenize
    >>> toks = tokenize("the end.\\nI have said it")
    >>> _line_chars(toks, 5)
    14
    """
    total = len(toks[i].text)
    for step in (-1, 1):
        k = i + step
        while 0 <= k < len(toks) and total < PARAGRAPH_LINE:
            text = toks[k].text
            if "\n" in text:
                cut = text.rfind("\n") if step < 0 else text.find("\n")
                total += len(text) - cut - 1 if step < 0 else cut
                break
            total += len(text)
            k += step
    return total


def shut_edge_candidates(text: str, toks: list[Token]) -> list[Candidate]:
    """:func:`edge_speck_candidates` of a page the garble gate keeps shut, if it is set in
    a newspaper's narrow column (:func:`repair.detect.ocr_probe.column_print`): a letter
    opening a line before a word the pronoun "I" hardly ever precedes (a column rule:
    "told\nI him", "the policy of\nI the Water Board"; :func:`_pmi_after_i`).  On clean
    print "I" opens a line before a verb ("session\nI recommended"), which the language
    model alone would often drop; another letter, or an "I" before a name, may be an
    initial ("Messrs A\nJ Taylor")."""
    from repair.detect.ocr_probe import column_print

    if not EDGE_SHUT or not any(t.text in EDGE_SPECKS for t in toks):
        return []
    if not column_print(text):
        return []
    at = {t.start: i for i, t in enumerate(toks) if t.text == "I"}
    out = []
    for c in edge_speck_candidates(toks):
        i = at.get(c.start)  # a line's start: the deletion opens at the letter
        if i is None or toks[i].kind != "word" or (i > 0 and "\n" not in toks[i - 1].text):
            continue
        word = _next_word(toks, i, 1)
        if word is None or _pmi_after_i(word) > SHUT_PMI:
            continue
        if word[:1].isupper() and not _after_stop(toks, i):
            continue  # an initial before a name ("Messrs A\nI Taylor")
        out.append(c)
    return out


def _after_stop(toks: list[Token], i: int) -> bool:
    """Whether token ``i`` opens a sentence: the token before it (across spaces) is a
    full stop, colon or the like, or there is none."""
    k = i - 1
    while k >= 0 and toks[k].kind == "space":
        k -= 1
    return k < 0 or toks[k].text[-1:] in ".:;!?"


def _speck_one(toks: list[Token], i: int) -> bool:
    """Whether a "1" opening a line (token ``i``) may be a speck: the word after it is
    one a number does not count ("1 shilling", "1 acre" stay): capitalised ("by the\n1
    Commissioners") or one the pronoun "I" precedes ("we\n1 believe": a speck or "I",
    never a number), with no number after it ("1 in 76")."""
    word = _next_word(toks, i, 1)
    if word is None or not word.isalpha():
        return False
    k = i + 2
    while k + 1 < len(toks) and toks[k + 1].kind == "space":
        k += 1
    if k + 1 < len(toks) and toks[k + 1].kind == "number":
        return False
    return word[:1].isupper() or _pmi_after_i(word) >= ONE_PMI


def _pmi_after_i(word: str) -> float:
    """ln P(word | I) - ln P(word): how much likelier ``word`` is after the pronoun "I"
    ("him" -3.2, "the" -2.7, "memory" -2.5; "believe" 3.6, "will" 3.1, "noted" -1.7)."""
    from repair.score.ngrams import get_ngrams

    g = get_ngrams()
    return g.bigram_logprob("I", word) - g.unigram_logprob(word)


def _name_initial(toks: list[Token], i: int) -> bool:
    """Whether the capital letter ``toks[i]`` sits between a title ("Mr") or another
    initial and a capitalised word: a name's initial (:data:`EDGE_INITIAL`)."""
    from repair.candidates.ocr_stops import TITLES

    prev, nxt = _next_word(toks, i, -1), _next_word(toks, i, 1)
    if prev is None or nxt is None or len(nxt) < 2:
        return False
    named = prev in TITLES or (len(prev) == 1 and prev.isupper())
    return named and nxt[0].isupper() and nxt[1:].islower()


def _next_word(toks: list[Token], i: int, step: int) -> str | None:
    """The token after (``step`` 1) or before (-1) token ``i``, across spaces, if a word."""
    k = i + step
    while 0 <= k < len(toks) and toks[k].kind == "space":
        k += step
    return toks[k].text if 0 <= k < len(toks) and toks[k].kind == "word" else None


def mark_candidates(toks: list[Token], heavy: bool = False) -> list[Candidate]:
    """Candidates re-reading each glued word+mark run (garbled documents only;
    ``heavy``: a heavily garbled page)."""
    if GLUED:
        from repair.candidates.ocr_glued import glued_candidates

        return glued_candidates(toks, heavy) + edge_speck_candidates(toks)
    return [
        cand(
            start,
            end,
            text,
            "OCR_STRAY_MARK",
            finding="stray_mark",
            orig=[run],
            alt=[text],
            cost=cost,
        )
        for start, end, run, readings in mark_runs(toks)
        for text, cost in readings
    ]
