"""OCR casing errors: a capital glyph read inside running text.

Two patterns newspaper OCR makes (Sydney Morning Herald, ABBYY FineReader):

* the lower-case ``i``/``j`` that opens a word read as a capital, inside a line (a
  verse line opens with a capital): "went In the house",
  "it Is said", "was Joined by" -> "in", "is", "joined";
* one capital inside a lower-case word: "reductIon", "waS", "sHould" -> lower case.

Both only lower-case a letter; the word itself must be known.  Real mixed-case forms
(IoT, iPhone, pH, mRNA, McDonald) are never touched: a word that starts with a capital
is only lowered when it opens with I/J, sits between lower-case words and is a function
word (or a word the document itself writes in lower case); an inner capital only after
the second letter of a lower-case word that does not recur in that form.

>>> from repair.tokenize import tokenize
>>> toks = tokenize("the men went In the house")
>>> [c.replacement for c in case_candidates(toks, 6, frozenset(), {}, garbled=False)]
['in']
"""

from __future__ import annotations

from collections.abc import Mapping

from repair.candidates import ocr_ihabit
from repair.candidates.ocr_break import dropped_full_stop
from repair.candidates.ocr_rules import cand, word_cand
from repair.resources.frequency import zipf
from repair.score.ngrams import get_ngrams
from repair.score.ocr_channel import is_known, single_confusions  # module level: hot (issue 14)
from repair.types import Candidate, Token

#: Words an initial I/J capital is lowered for in any document (never names).
FUNCTION_WORDS = frozenset({"in", "is", "it", "its", "into", "if"})
#: Other words need a garbled document, the lower-case form in the document, and this
#: frequency ("joined", "income", "information").
OTHER_MIN_ZIPF = 3.5
#: An inner capital is lowered when the lower-case word is at least this frequent.
INNER_MIN_ZIPF = 3.5
#: A capital that more likely opens a sentence whose full stop the OCR lost is kept
#: (:mod:`repair.candidates.ocr_break`).
DROPPED_STOP = True
#: Confidence of a casing repair (no language-model decision: the LM has no case).
CONFIDENCE = 0.8


_VERSE_OPENERS = frozenset(
    "The And But Of To With That For As When Where Which Who What How Or Nor Yet So".split()
)
#: A text with this many capitalised openers after a lower-case word on the same line
#: ("the steeple And the bells") is verse set as prose: its capitals are the author's.
VERSE_MIN = 2


#: In a garbled page "The" after a lower-case word is most often a sentence whose full
#: stop the OCR lost ("the time The", "at The"): SMH dev, 12 of the 16 openers of the 7
#: articles (of 81) the test called verse.  There it is not counted as a verse opener.
DROPPED_STOP_OPENERS = frozenset({"The"})


def verse_like(toks: list[Token], garbled: bool = False) -> bool:
    """Whether capitals after lower-case words are a habit of the text (verse run into
    one line, titles): then a capital "In" is the author's, not the OCR's.  ``garbled``:
    the gate is open, openers the OCR makes by losing a full stop do not count."""
    openers = _VERSE_OPENERS - DROPPED_STOP_OPENERS if garbled else _VERSE_OPENERS
    n = 0
    for i in range(2, len(toks)):
        t = toks[i]
        if t.kind == "word" and t.text in openers:
            sep, before = toks[i - 1], toks[i - 2]
            if sep.kind == "space" and "\n" not in sep.text and before.kind == "word":
                if before.text.islower():
                    n += 1
                    if n >= VERSE_MIN:
                        return True
    return False


#: A word the period table writes with a capital less often than this (and has seen
#: this often) is a lower-case word: "was Joined as", "the Intention" (not "Judge",
#: "Island", "June", whose capitals are the text's).
PERIOD_CAPITAL_MAX = 0.05
PERIOD_MIN_COUNT = 20


#: A rarer word of the period table (seen at least RARE_MIN_COUNT times) is lower case
#: below this capital share: "information" 130 times, 6 % capitalised; "inspection",
#: "injuries", "judicial" 14-23 times, 0-9 %.
RARE_CAPITAL_MAX = 0.1
RARE_MIN_COUNT = 10
RARE_PERIOD = True


#: A word the period table has seen a few times (at least :data:`NEVER_MIN_COUNT`) and
#: never with a capital is a lower-case word when it stands between two lower-case words
#: ("assistance to Journalists who", "committing an Indecent assault": 6 and 9 times, no
#: capital): a name would be capitalised in most of them (session 37).  Both neighbours
#: must be printed lower-case words, the one before known (not "Sp0rts Illustrated.":
#: a garbled name's piece, a full stop).
NEVER_CAPITAL = True
NEVER_MIN_COUNT = 5
#: ... and the word is at least this common (Zipf; "indecent" 3.2, below OTHER_MIN_ZIPF).
NEVER_MIN_ZIPF = 3.0


def _never_capital(low: str) -> bool:
    table = get_ngrams()
    return table.capital_share(low) == 0.0 and table.count(low) >= NEVER_MIN_COUNT


def _lower_in_period_text(low: str) -> bool:
    table = get_ngrams()
    share = table.capital_share(low)
    if share is None:
        return False
    n = table.count(low)
    if share < PERIOD_CAPITAL_MAX and n >= PERIOD_MIN_COUNT:
        return True
    return RARE_PERIOD and share < RARE_CAPITAL_MAX and n >= RARE_MIN_COUNT


def _loose_context(before: Token, after: Token) -> bool:
    """A garbled page's in-sentence context, one side of which may be a name, a number or
    a comma: "Queensland Is not", "married In 1911", "( Instructed by".  Both sides
    capitalised ("Man Is Fined") is a headline and does not count."""
    lower_before = before.kind == "word" and before.text.islower()
    lower_after = after.kind == "word" and after.text[:1].islower()
    if lower_before:
        return after.kind in ("word", "number")
    if lower_after:
        return before.kind == "word" or before.text in (",", "(", ";")
    return False


def _word_before(toks: list[Token], i: int, wrapped: bool = False) -> Token | None:
    """The token before ``i`` on the same line (a verse line opens with a capital), or,
    with ``wrapped`` (prose hard-wrapped into lines), across one line break."""
    j = i - 1
    if j >= 0 and toks[j].kind == "space":
        if "\n" in toks[j].text:
            if not (wrapped and toks[j].text.count("\n") == 1 and _line_end_word(toks, j - 1)):
                return None
        j -= 1
    return toks[j] if j >= 0 else None


def _line_end_word(toks: list[Token], j: int) -> bool:
    """Whether ``toks[j]`` is a lower-case word that ends a line of running text: a word
    or a comma before it on its line ("a decree for", "sales, which"), not a line of one
    word or one after garble ("inn", "-.ens")."""
    if j < 2 or toks[j].kind != "word" or not toks[j].text.islower():
        return False
    sp, prev = toks[j - 1], toks[j - 2]
    return sp.kind == "space" and "\n" not in sp.text and (prev.kind == "word" or prev.text == ",")


#: On a garbled page of prose hard-wrapped into lines, a line's first word is read with
#: the last word of the line before as its left neighbour ("a decree for⏎Judicial
#: separation", "the⏎Information broadcast"): a verse line opens with a capital, a
#: wrapped prose line mostly does not (session 34).
WRAPPED_LINES = True
#: Wrapped prose: of the lines that follow a line ending in a lower-case word, at least
#: this share open with a lower-case word, and at least WRAPPED_MIN_LINES such lines.
WRAPPED_MIN_SHARE = 0.6
WRAPPED_MIN_LINES = 5
#: ... function words ("with⏎Its strength") too.
WRAPPED_FUNCTION = True
#: A word other than a function word may have punctuation after it when the word before
#: is lower case: "serious Injuries.", "reason of Ill-health" (session 34).
PUNCT_AFTER = True
_PUNCT_AFTER = frozenset(".,;:)-")
_wrapped_memo: list = [None, False]


def wrapped_prose(toks: list[Token]) -> bool:
    """Whether the text is prose hard-wrapped into lines (see :data:`WRAPPED_MIN_SHARE`).
    Remembered for the last token list asked (one document's candidates ask often)."""
    if _wrapped_memo[0] is toks:
        return bool(_wrapped_memo[1])
    lower = upper = 0
    for j in range(1, len(toks) - 1):
        t = toks[j]
        if t.kind != "space" or t.text.count("\n") != 1:
            continue
        before, after = toks[j - 1], toks[j + 1]
        if before.kind == "word" and before.text.islower() and after.kind == "word":
            if after.text[:1].islower():
                lower += 1
            else:
                upper += 1
    n = lower + upper
    value = n >= WRAPPED_MIN_LINES and lower >= WRAPPED_MIN_SHARE * n
    _wrapped_memo[0], _wrapped_memo[1] = toks, value
    return value


#: The word before a lowered non-function word that has a mark after it may be a short
#: known word ("by reason of Ill-health"), not only one of three letters or more (session 41).
SHORT_BEFORE = True


def _short_word(toks: list[Token], i: int, before: Token) -> bool:
    """Whether ``before`` (the word before word ``i`` on its line) is a known word of its
    own, not a suffix glued to a number ("20th" reads "20" and "th")."""
    if not (before.text.isalpha() and is_known(before.text)):
        return False
    j = i - 2 if i >= 2 and toks[i - 1].kind == "space" else i - 1
    return j >= 1 and toks[j] is before and toks[j - 1].kind != "number"


#: A function word opening a line of wrapped prose may follow a capitalised word ending the
#: line before ("He⏎Is survived by", "Council⏎Is to meet"): a capitalised pronoun or name
#: ends a prose line as often as a lower-case word (session 41).  The word after must be
#: lower case (the loose context).  Off: SMH dev-a +1 token ("in April⏎In connection" is
#: a sentence whose full stop was lost), dev-b -2 ("He⏎Is survived", "Impressive⏎In the").
LINE_END_CAPITAL = False


def _capital_line_end(toks: list[Token], i: int) -> Token | None:
    """The capitalised known word that ends the line before word ``i``, with more of its
    line before it (a heading's one-word line does not count), or ``None``."""
    j = i - 1
    if j < 3 or toks[j].kind != "space" or toks[j].text.count("\n") != 1:
        return None
    if toks[j].text.strip(" \t\n"):
        return None
    prev = toks[j - 1]
    if prev.kind != "word" or not _capitalised_word(prev) or not is_known(prev.text.lower()):
        return None
    sp = toks[j - 2]
    if sp.kind != "space" or "\n" in sp.text:
        return None
    return prev


#: A capitalised word joined to a capitalised word before it by "of", "and", "for" is
#: a name's word: "Declaration of⏎Independence", "Minister for Information", "Bank of
#: Issue" keep their capitals (the 1 M-word OCR speed text lowered "Independence" at a
#: wrapped line's start; session 35).
NAME_PHRASE = True
_NAME_LINKS = frozenset({"of", "and", "&", "for", "de"})


def _name_phrase(toks: list[Token], i: int, before: Token) -> bool:
    """Whether word ``i`` follows "<Capitalised> of|and|for" (``before`` is the link word,
    on this line or at the end of the line before)."""
    if before.kind != "word" and before.text != "&":
        return False
    if before.text.lower() not in _NAME_LINKS:
        return False
    j = next((k for k in range(i - 1, -1, -1) if toks[k] is before), -1)
    if j < 2 or toks[j - 1].kind != "space" or "\n" in toks[j - 1].text:
        return False
    head = toks[j - 2]
    return _capitalised_word(head)


#: A content word after a capitalised word is that name's next word ("King Island in
#: Bass Strait", "the Pew Internet and", "Life Insurance policies"); a function word
#: after a name is not ("Queensland Is not": session 37, the light suite's news).
NAME_HEAD = True


def _capitalised_word(t: Token) -> bool:
    return t.kind == "word" and t.text[:1].isupper() and t.text[1:2].islower()


#: Issue 12 (session 51): :data:`NAME_HEAD` also when the word before is the last piece of
#: a printed word the garble cut into pieces (no space between them: "Phi1lip" is "Phi",
#: "1", "lip") whose first piece is a capitalised word: "at Phi1lip Island today" keeps
#: "Island" (the OCR'd modern text audit's dev half; measured in ``benchmarks/RESULTS.md``,
#: session 51, ocraudit).
NAME_HEAD_CHUNK = True


def _capitalised_chunk(toks: list[Token], i: int, before: Token) -> bool:
    """Whether ``before`` (a token before word ``i``) ends a run of tokens with no space
    between them (at least two) whose first token is a capitalised word
    (:data:`NAME_HEAD_CHUNK`).

    >>> from repair.tokenize import tokenize
    >>> toks = tokenize("at Phi1lip Island")
    >>> _capitalised_chunk(toks, 6, toks[4]), _capitalised_chunk(toks, 2, toks[0])
    (True, False)
    >>> toks = tokenize("at ph1lip Island")
    >>> _capitalised_chunk(toks, 6, toks[4])
    False
    """
    j = next((k for k in range(i - 1, -1, -1) if toks[k] is before), -1)
    k = j
    while k > 0 and toks[k - 1].kind != "space" and toks[k - 1].end == toks[k].start:
        k -= 1
    return k < j and _capitalised_word(toks[k])


#: A word between two capitalised words, across one short lower-case word, is a headline's
#: ("Beat Google at Its Own Game"): its capital is the headline's (session 35).
TITLE_RUN = True


def _title_run(toks: list[Token], i: int, before: Token, after: Token) -> bool:
    """Whether word ``i`` reads "<Capitalised> <short lower-case word> I.. <Capitalised>"."""
    if after.kind != "word" or not after.text[:1].isupper():
        return False
    if before.kind != "word" or not before.text.islower() or len(before.text) > 4:
        return False
    j = i - 2
    if j < 2 or toks[j] is not before or toks[j - 1].text != " ":
        return False
    head = toks[j - 2]
    return head.kind == "word" and head.text[:1].isupper()


def _word_after(toks: list[Token], i: int) -> Token | None:
    j = i + 1
    if j < len(toks) and toks[j].kind == "space" and "\n\n" not in toks[j].text:
        j += 1
    return toks[j] if j < len(toks) else None


def case_candidates(
    toks: list[Token],
    i: int,
    lower_words: frozenset[str],
    counts: Mapping[str, int],
    *,
    garbled: bool,
) -> list[Candidate]:
    """A lower-casing candidate for word token ``i``, or nothing."""
    tok = toks[i]
    text = tok.text
    if len(text) < 2 or not text.isalpha():
        return []
    low = text.lower()
    if text[0] in "IJ" and text[1:].islower():
        wrapped = WRAPPED_LINES and garbled and (WRAPPED_FUNCTION or low not in FUNCTION_WORDS)
        before = _word_before(toks, i, wrapped and wrapped_prose(toks))
        habit = ocr_ihabit.I_HABIT and garbled and ocr_ihabit.habit_page(toks)
        line_end = LINE_END_CAPITAL or (habit and ocr_ihabit.HABIT_LINE_END)
        if before is None and line_end and wrapped and low in FUNCTION_WORDS:
            before = _capital_line_end(toks, i)  # "a retired life. He⏎Is survived"

        after = _word_after(toks, i)
        if before is None or after is None:
            return []
        if habit and low not in FUNCTION_WORDS and ocr_ihabit.lower_function_after(toks, i, after):
            after = Token("x", after.start, after.end, "word")  # "Incorporated In the"
        # both neighbours printed lower-case words, the one before a known word
        plain = (
            after.kind == "word"
            and after.text[:1].islower()
            and before.kind == "word"
            and before.text.islower()
            and is_known(before.text)
        )
        if (
            PUNCT_AFTER
            and garbled
            and low not in FUNCTION_WORDS
            and after.text in _PUNCT_AFTER
            and before.kind == "word"
            and before.text.islower()
            # not "20th Instant."; a short known word will do ("of Ill-health": session 41)
            and (len(before.text) >= 3 or (SHORT_BEFORE and _short_word(toks, i, before)))
        ):
            after = Token("x", after.start, after.end, "word")  # a lower-case word's place
        strict = (
            after.kind == "word"
            and before.kind == "word"
            and before.text.islower()
            and after.text[:1].islower()
        )
        if not strict and not (garbled and _loose_context(before, after)):
            return []
        if NAME_PHRASE and low not in FUNCTION_WORDS and _name_phrase(toks, i, before):
            return []
        if NAME_HEAD and low not in FUNCTION_WORDS and _capitalised_word(before):
            return []  # "King Island in", "Pew Internet and": a name's second word
        if NAME_HEAD_CHUNK and low not in FUNCTION_WORDS and _capitalised_chunk(toks, i, before):
            return []  # "Phi1lip Island": the name before is garbled into pieces
        if TITLE_RUN and _title_run(toks, i, before, after):
            return []
        ok = (
            low in FUNCTION_WORDS
            or (
                garbled
                and (
                    (
                        zipf(low) >= OTHER_MIN_ZIPF
                        and (low in lower_words or _lower_in_period_text(low))
                    )
                    or (
                        NEVER_CAPITAL
                        and plain
                        and zipf(low) >= NEVER_MIN_ZIPF
                        and _never_capital(low)
                    )
                    # a page that reads word-initial i as I (session 42)
                    or (habit and strict and ocr_ihabit.habit_word(low, text))
                )
                # a word of a name ("the Improvement Committee", "the Industrial School")
                and not (after.kind == "word" and after.text[:1].isupper())
            )
        )
        rule_finding = "initial_capital"
        if ok and DROPPED_STOP and dropped_full_stop(toks, i):
            return []  # "organs It relieves": a sentence whose full stop was lost
    elif garbled and text[0].islower() and sum(ch.isupper() for ch in text) == 1:
        pos = next(k for k, ch in enumerate(text) if ch.isupper())
        ok = (
            len(text) >= 3
            and pos >= 2
            and counts.get(text, 0) < 2
            and is_known(low)
            and zipf(low) >= INNER_MIN_ZIPF
        )
        rule_finding = "inner_capital_case"
    else:
        return []
    if not ok:
        return []
    return [cand(tok.start, tok.end, low, "OCR_CASE", finding=rule_finding, fixed=CONFIDENCE)]


#: A capitalised word inside a line whose lower-case form is capitalised less often than
#: this in period text ("Tune": 4 %) is suspect ...
CAPITAL_WORD_MAX_SHARE = 0.2
#: ... and is re-read as a word capitalised at least this often ("June": 100 %).
CAPITAL_TARGET_MIN_SHARE = 0.8
#: Trust in the printed word per Zipf unit, and the margin needed (nats): the case
#: evidence is already in the cost, so less than for other real-word confusions.
CAPITAL_PRIOR_PER_ZIPF = 0.3
CAPITAL_WORD_THRESHOLD = 2.0


def capital_word_candidates(toks: list[Token], i: int) -> list[Candidate]:
    """ "of Tune, the": a capitalised common word inside running text whose first glyph
    was misread; re-read by one learned confusion as a word that is written with a
    capital ("June"), weighed by the language model and by how often each form is
    capitalised in period text (:meth:`repair.score.ngrams.NgramTable.case_logprob`)."""
    tok = toks[i]
    text = tok.text
    if len(text) < 4 or not (text[0].isupper() and text[1:].islower()):
        return []
    before = _word_before(toks, i)
    if before is None or before.kind != "word" or not before.text.islower():
        return []
    table = get_ngrams()
    share = table.capital_share(text.lower())
    if share is None or share >= CAPITAL_WORD_MAX_SHARE:
        return []
    out = []
    for c in single_confusions(text):
        target = table.capital_share(c.text.lower())
        if not c.text[:1].isupper() or target is None or target < CAPITAL_TARGET_MIN_SHARE:
            continue
        case_gain = table.case_logprob(c.text, True) - table.case_logprob(text, True)
        out.append(
            word_cand(
                tok,
                c.text,
                "OCR_REALWORD",
                finding="broken_capital",
                cost=c.cost - case_gain,
                orig_known=True,
                prior_per_zipf=CAPITAL_PRIOR_PER_ZIPF,
                threshold=CAPITAL_WORD_THRESHOLD,
                subs=[list(x) for x in c.subs],
            )
        )
    return out
