"""The case of an OCR reading: capitals the print has and a reading lost (issue 12).

A reading is chosen by the language model, which has no case, and then written in the
printed token's case (:func:`repair.score.ocr_channel.transfer_case`, ``_initial_case``
in :mod:`repair.candidates.ocr`).  On the Sydney Morning Herald the gold often has a
capital our reading does not (session 34, ``smh_gap_account.py`` "capitals" bucket):

* a misread first glyph at a sentence start: "the plaintiff. lu consequence" -> "in"
  (gold "In"), "the duty. lho following" -> "the" (gold "The");
* a misread capital inside a run of capitalised words: "New bouth Wales" -> "south"
  (the table's own row is b -> S), "the balvaliou Army" -> "salvation", "North bhoro";
* a word the period text always capitalises: "Pte \\rthur Roy" -> "arthur",
  "married in Western .uatralia" -> "australia".

:func:`recase` rewrites the case of the OCR stage's chosen edits (after scoring: the
scores do not depend on case, so no decision changes) on garbled pages only.  A word the
print itself writes is never touched here: only the case of a replacement the OCR stage
already chose.  Mixed-case forms (IoT, iPhone, pH, mRNA, McDonald) are never produced: a
reading is only ever given an initial capital when it is one lower-case word.

>>> from repair.tokenize import tokenize
>>> toks = tokenize("the plaintiff. lu consequence")
>>> sentence_start(toks, 5)
True
>>> sentence_start(tokenize("by Mr. lu x"), 5)
False
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from repair.candidates.ocr_namepos import TITLES
from repair.candidates.ocr_realword import opens_sentence
from repair.types import Edit, Token

#: Capitalise a one-word reading at a sentence start (after ". ! ?", not after a title,
#: an initial or an abbreviation).
SENTENCE_CAPITAL = True
#: ... also when the reading keeps the printed first glyph ("tho" -> "the" after a stop);
#: otherwise only a reading whose first glyph is itself the misreading ("lu" -> "in").
SENTENCE_SAME_GLYPH = False
#: Keep (restore) the capital of a reading whose first glyph was misread, inside a run of
#: capitalised words ("New bouth Wales" -> "South").
RUN_CAPITAL = True
#: Capitalise a reading whose first letter the print lacks (a mark stands there) or
#: the table read as a capital, when the period text writes it
#: with a capital at least this often (share of its mid-sentence occurrences, seen at
#: least :data:`NAME_MIN_COUNT` times): "Pte \\rthur" -> "Arthur".
NAME_CAPITAL = True
NAME_MIN_SHARE = 0.9
#: ... also when the print's first letter was read as another lower-case letter.
NAME_ANY_GLYPH = False
NAME_MIN_COUNT = 10

#: Words before a full stop that do not end a sentence (besides titles and initials).
ABBREVIATIONS = frozenset(
    "No Nos St Co Esq Vol Messrs Rev Hon Bros Ltd Jun Sen Jnr Snr Inst Gen Gov Supt Insp "
    "Const Det Sergt Lieut Capt Col Maj Dvr Gnr Cpl Spr Pte Tpr Ald Cr Jas Geo Thos Wm Chas "
    "Jno Robt Edw Jos Saml Fredk Wm etc viz vs ult inst prox Jan Feb Mar Apr Aug Sep Sept "
    "Oct Nov Dec Mon Tues Wed Thurs Fri Sat Sun p m a".split()
)


def _word_index_before(toks: list[Token], i: int) -> int:
    """The index of the word token before ``i`` (across spaces and one full stop), or -1."""
    j = i - 1
    while j >= 0 and toks[j].kind == "space":
        j -= 1
    if j >= 0 and toks[j].text == ".":
        j -= 1
    return j if j >= 0 and toks[j].kind == "word" else -1


def sentence_start(toks: list[Token], i: int) -> bool:
    """Whether token ``i`` opens a sentence: it follows a full stop and a space (opening
    quotes and brackets skipped, no blank line: a heading), and the stop follows a word
    of two or more letters that is no title, initial or abbreviation, or a number.
    "!" and "?" do not count: a garbled page prints them as specks ("poa! nfter")."""
    j = i - 1
    spaced = False
    while j >= 0 and (toks[j].kind == "space" or toks[j].text in "\"“‘'("):
        if toks[j].kind == "space":
            if "\n\n" in toks[j].text:
                return False
            spaced = True
        j -= 1
    if j < 1 or toks[j].text != "." or not spaced:
        return False
    prev = toks[j - 1]
    if prev.kind == "number":
        return True
    w = prev.text
    return (
        prev.kind == "word"
        and len(w) > 1
        and w not in TITLES
        and w not in ABBREVIATIONS
        and (w.islower() or len(w) >= 4)
    )


def _neighbour(toks: list[Token], i: int, step: int) -> Token | None:
    """The next word token from ``i`` in direction ``step``, across one space token that
    holds at most one line break; ``None`` when punctuation or a blank line comes first."""
    j = i + step
    if 0 <= j < len(toks) and toks[j].kind == "space":
        if "\n\n" in toks[j].text:
            return None
        j += step
    if 0 <= j < len(toks) and toks[j].kind == "word":
        return toks[j]
    return None


#: A capitalised neighbour whose lower-case form the period text capitalises less often
#: than this share makes no run (0: every capitalised word does).  At 0.3 ("In", "The",
#: "Hook" are misread lower-case words more often than words of a name) SMH dev lost 2
#: tokens ("Statute Book", "National Travel"), so it is off.
NEIGHBOUR_MIN_SHARE = 0.0


def _capitalised(tok: Token | None) -> bool:
    if tok is None or not tok.text[:1].isupper() or len(tok.text) < 2:
        return False
    from repair.score.ngrams import get_ngrams

    share = get_ngrams().capital_share(tok.text.lower())
    return share is None or share >= NEIGHBOUR_MIN_SHARE


def in_capital_run(toks: list[Token], i: int) -> bool:
    """Whether word ``i`` stands beside a capitalised word: after one that does not
    open a sentence ("New bouth", "North bhoro") or, for a word printed in lower case,
    before one ("the balvaliou Army"); a printed capital misread mid-sentence and then
    lowered ("now Bued Whittaker" -> "sued") needs the word before."""
    before, after = _neighbour(toks, i, -1), _neighbour(toks, i, +1)
    if toks[i].text[:1].islower() and _capitalised(after):
        return True
    if not _capitalised(before):
        return False
    k = i - 2 if i >= 2 and toks[i - 1].kind == "space" else i - 1
    return not (k >= 0 and opens_sentence(toks, k))


def _one_word(text: str) -> bool:
    """A plain lower-case word (never a mixed-case form such as "gIna", "iPhone")."""
    return len(text) > 1 and text.islower() and text.replace("'", "").isalpha()


def _core(original: str) -> str:
    return original.lstrip(MARKS_AROUND)


#: Marks an edit may remove around the word it reads ("\\rthur", ".uatralia", "lorbe*").
MARKS_AROUND = "\\.,'\"`*«»;:-_|/!?¡¿"


def _first_misread(original: str, reading: str) -> bool:
    """Whether the reading's first letter is not the printed word's first letter."""
    core = _core(original)
    return bool(core) and core[:1].lower() != reading[:1].lower()


def _unprinted_first(e: Edit) -> bool:
    """Whether the print has no letter where the reading's first letter is: a mark read
    as it ("\\rthur" -> "arthur", ".uatralia" -> "australia")."""
    return bool(e.original) and not e.original[0].isalpha()


def _capital_row(e: Edit) -> bool:
    """Whether the edit's first learned substitution reads the printed word's first
    glyph(s) as a capital ("bouth" -> "South": the table's row b -> S)."""
    subs = e.evidence.get("substitutions") if isinstance(e.evidence, dict) else None
    if not subs:
        return False
    src, dst = subs[0][0], subs[0][1]
    return bool(src) and bool(dst) and dst[:1].isupper() and _core(e.original).startswith(src)


def _name_like(word: str) -> bool:
    from repair.score.ngrams import get_ngrams

    table = get_ngrams()
    share = table.capital_share(word)
    return share is not None and share >= NAME_MIN_SHARE and table.count(word) >= NAME_MIN_COUNT


def recase(toks: list[Token], edits: list[Edit]) -> list[Edit]:
    """``edits`` with the capital a reading should have (see the module's doc).  An edit
    the new case makes equal to the print is dropped ("State. ( It has": no lowering).
    Tokens are found by binary search (no index of a window's tokens: peak memory)."""
    if not (SENTENCE_CAPITAL or RUN_CAPITAL or NAME_CAPITAL) or not edits:
        return edits
    out: list[Edit] = []
    for e in edits:
        r = e.replacement
        first = bisect_left(toks, e.offset, key=_start) if _one_word(r) else len(toks)
        i = _word_at(toks, first, e.offset, e.offset + e.length)
        if i < 0:
            out.append(e)
            continue
        misread = _first_misread(e.original, r)
        cap = False
        if SENTENCE_CAPITAL and (misread or SENTENCE_SAME_GLYPH or e.original[:1].isupper()):
            cap = sentence_start(toks, first)
        if not cap and RUN_CAPITAL and misread and _capital_row(e):
            cap = in_capital_run(toks, i)
        if (
            not cap
            and NAME_CAPITAL
            and misread
            and (NAME_ANY_GLYPH or _unprinted_first(e) or _capital_row(e))
        ):
            # a first letter printed in lower case (kept, or read as another lower-case
            # glyph) is the print's own case: "the former presidcnt", "Tbe rnayor" stay
            # "president", "mayor" though the period text writes "President", "Mayor"
            cap = _name_like(r)
        if not cap:
            out.append(e)
            continue
        new = r[:1].upper() + r[1:]
        if new != e.original:
            out.append(replace(e, replacement=new))
    return out


def _start(tok: Token) -> int:
    return tok.start


def _word_at(toks: list[Token], first: int, lo: int, hi: int) -> int:
    """The one word token the span ``lo:hi`` covers (up to two marks before it and two
    characters after it), or -1; ``first`` is the first token starting at ``lo`` or later."""
    if first >= len(toks) or toks[first].start != lo:
        return -1
    k = first
    while k < len(toks) and toks[k].kind != "word" and toks[k].start < lo + 3:
        k += 1
    if k >= len(toks) or toks[k].kind != "word" or toks[k].start >= min(hi, lo + 3):
        return -1
    if toks[k].end < hi - 2:
        return -1
    j = k + 1
    while j < len(toks) and toks[j].start < hi:
        if toks[j].kind == "word":
            return -1
        j += 1
    return k


#: A capitalised token the page prints at least twice, every time in a name's place
#: (after a title or after a capitalised word that opens no sentence: "Simon Crean",
#: "Mr Crean"), is a name even when one learned confusion of its capital reads a common
#: word ("Crean" -> "Green"): the repeated-name rule of :mod:`repair.candidates.ocr`
#: keeps it as printed. On since the lead's merge in session 34: SMH dev, test and ICDAR
#: unchanged, and it keeps all 12 correct "Simon Crean" of the 100 k-word OCR speed text
#: that main read "Green" (precision first).
REPEAT_NAME_PLACE = True


def printed_as_name(toks: list[Token], text: str, memo: dict[str, bool]) -> bool:
    """Whether every print of ``text`` in ``toks`` (at least two) is in a name's place
    (:data:`REPEAT_NAME_PLACE`); ``memo`` holds the answer per token of a document."""
    if not REPEAT_NAME_PLACE:
        return False
    known = memo.get(text)
    if known is not None:
        return known
    n = 0
    value = True
    for k, t in enumerate(toks):
        if t.text != text:
            continue
        n += 1
        if not _name_place(toks, k):
            value = False
            break
    memo[text] = value = value and n >= 2
    return value


def _name_place(toks: list[Token], i: int) -> bool:
    if i < 2 or toks[i - 1].text != " ":
        return False
    prev = toks[i - 2]
    if prev.kind != "word" or not prev.text[:1].isupper():
        return False
    if prev.text in TITLES:
        return True
    return len(prev.text) > 1 and not opens_sentence(toks, i - 2)
