r"""Specks glued to a word's edge: "short 'extensions", "by either "side", "licenses- than".

Newspaper OCR reads a speck just left of a word as a quote or a query mark and glues
it to the word ("'extensions", "?week").  In print a quote opens a word only as an
opening quote, and an opening quote is closed a few words on: 'his "Victoria" was'.  So
a quote or apostrophe opening a word after a space, with no closing quote (the same mark
at a word's end or standing alone) before the next sentence ends, is a speck; a "?"
opening a word after a space is one too.  A hyphen glued to a word's end before a space
inside a line is a speck (:func:`trail_speck_candidates`).

Measured on the SMH dev half (our output before this module, marks glued to the start
of a word after a space): "'" before a lower-case word was a speck 10 times in 11
("'s Circular" was real); '"' with no closing quote after a word was a speck 7 times in
8, but after a mark before a capital ('said: "This is', a line opening '"One of') real 5
times in 8 (a long quotation opens there), so that case is left; an opening quote that
is closed ('" Victoria "') was always real.  A hyphen opening a word after a space is
left: it was a speck 23 times in SMH dev, but a real dash 7 times there ("Sugar
-Considerable" in market reports) and 26 times in 43 in the ICDAR 2017 training part
(books set an em dash so: "umbrella -he never").  Deleting a speck fixes two tokens (the
mark, and the word's spacing); deleting a real mark costs one.  Only garbled pages get
these candidates (the caller, :func:`repair.candidates.ocr_marks.lone_mark_candidates`),
at a fixed confidence, and any reading the language model scores for the same span wins
over them.

>>> from repair.tokenize import tokenize
>>> text = "to do short 'extensions. His \"Victoria\" was ?now -here"
>>> [text[c.start : c.end] for c in lead_speck_candidates(tokenize(text))]
["'", '?']
>>> text = "the licenses- than on two- and three-fold, forthcoming' winter"
>>> [text[c.start - 3 : c.end] for c in trail_speck_candidates(tokenize(text))]
['ses-']
"""

from __future__ import annotations

from repair.candidates.ocr_rules import cand
from repair.types import Candidate, Token

#: Quote marks that close a quotation.
QUOTES = frozenset("'\"‘“’”")
#: Quote marks read from a speck when opening a word: a speck unless a closing one follows
#: before the sentence ends.  Curly quotes are typesetting, not OCR specks: they stay.
SPECK_QUOTES = frozenset("'\"")
#: Marks that never open a word after a space in print.  A hyphen is not one: books set
#: an em dash as "-" glued to the next word ("umbrella -he never"; ICDAR 2017 monographs
#: files 1-80 and 81's first 300k characters: 26 real in 43), so it is left.
NEVER_LEADING = frozenset("?")
#: Tokens scanned for a closing quote (a quotation in a news column is short, or its
#: closing quote is past the next full stop: then the opening one is real, not matched).
CLOSE_WINDOW = 80
#: Elisions print opens with an apostrophe ("'tis", "'em", "'twas"): not specks.
ELISIONS = frozenset(
    {"tis", "twas", "twere", "twill", "em", "neath", "gainst", "til", "bus", "buses"}
    | {"cause", "cos", "round", "bout", "e", "im", "er", "ere", "ave", "ow"}
)  # (second set: dialogue's dropped letters, session 37's light suite: "'cause", "'e")
#: Marks that may open the chunk of a word with a trailing speck ("(licenses- than").
OPENERS = frozenset({"(", "[", '"', "“"})
#: Words a real hyphen may end before a space: "two- and three-fold", "pre- or post-war".
SUSPENDED_BEFORE = frozenset({"and", "or", "nor"})
#: A straight double quote in a paragraph whose double quotes pair up (opening and closing
#: in turn: :func:`repair.candidates.ocr_glued.paired_quotes`) is real: it opens what a
#: later one closes, past a sentence's end or a title's stop ('"for Mrs. Long has ...
#: about it."'; issue 12, session 35).
PAIRED_QUOTES = True
#: Confidence of deleting such a speck (a fixed rule: the language model has no marks).
LEAD_CONFIDENCE = 0.7


def _closed(toks: list[Token], i: int) -> bool:
    """Whether a quote mark closes the one opening at token ``i``: any quote token among the
    next tokens that is not itself glued to the start of a word, before a sentence ends."""
    n = len(toks)
    for k in range(i + 2, min(n, i + CLOSE_WINDOW)):
        t = toks[k]
        if t.kind == "punct" and any(ch in QUOTES for ch in t.text):
            opens = (k + 1 < n and toks[k + 1].kind == "word") and (toks[k - 1].kind == "space")
            if not opens:
                return True
        if t.text in (".", "?", "!") and k + 2 < n and toks[k + 1].kind == "space":
            nxt = toks[k + 2]
            if nxt.kind == "word" and nxt.text[:1].isupper() and len(toks[k - 1].text) > 2:
                return False  # a sentence ended (not "Mr." or "A.")
    return False


def _after_punct(toks: list[Token], i: int) -> bool:
    """Whether the token before token ``i`` (across spaces) is a mark, or there is none."""
    k = i - 1
    while k >= 0 and toks[k].kind == "space":
        k -= 1
    return k < 0 or toks[k].kind == "punct"


#: A hyphen opening a word after a space is a speck after a determiner or "and" (the words
#: English ends no clause with: :data:`repair.candidates.ocr_straystop.NEVER_END`): "That
#: the -Report of", "and -saide".  A dash (books' em dash: "umbrella -he") breaks a clause,
#: and no clause breaks after "the".  On: SMH dev 4,290 / 6,978 -> 4,288 / 6,976; ICDAR file 81
#: +1 fixed ("my -father").  Session 50 (ocrpunct50): see RESULTS.
HYPHEN_AFTER_NEVER_END = True


def _hyphen_after_never_end(toks: list[Token], i: int) -> bool:
    """:data:`HYPHEN_AFTER_NEVER_END`: token ``i`` is a hyphen after such a word."""
    if not (HYPHEN_AFTER_NEVER_END and toks[i].text == "-" and i >= 2):
        return False
    from repair.candidates.ocr_straystop import NEVER_END

    prev = toks[i - 2]
    return prev.kind == "word" and prev.text in NEVER_END and "\n" not in toks[i - 1].text


def lead_speck_candidates(toks: list[Token]) -> list[Candidate]:
    """Delete a quote, hyphen or "?" glued to the start of a word after a space, when it
    opens nothing (see the module doc)."""
    out: list[Candidate] = []
    n = len(toks)
    paired: list[bool] | None = None
    for i in range(1, n - 1):
        t, before, word = toks[i], toks[i - 1], toks[i + 1]
        if t.kind != "punct" or len(t.text) != 1 or before.kind != "space":
            continue
        if word.kind != "word" or not word.text[:1].isalpha():
            continue
        if t.text in QUOTES:
            if t.text not in SPECK_QUOTES or word.text.lower() in ELISIONS or _closed(toks, i):
                continue
            if PAIRED_QUOTES and t.text == '"':
                if paired is None:
                    from repair.candidates.ocr_glued import paired_quotes

                    paired = paired_quotes(toks)
                if paired[i]:
                    continue
            if word.text[:1].isupper() and _after_punct(toks, i):
                continue  # 'said: "This is', '.\n"One of': a long quotation opens
            if _opens_sentence(t.text, word.text):
                continue  # 'Barkow "My knowledge': a quotation whose stop the OCR lost
        elif t.text not in NEVER_LEADING and not _hyphen_after_never_end(toks, i):
            continue
        out.append(_deletion(t, "lead_speck"))
    return out


#: A double quote before a capitalised common word ("My", "I", "The": lower-case Zipf of
#: :data:`OPENER_ZIPF` or more) opens a quotation even after a word: the OCR lost the stop
#: or colon before it ('Captain Barkow "My knowledge', 'his family "I\'m not').  Before a
#: name ('and "William "Wngnt') it stays a speck.  Session 37.
SENTENCE_OPENER = True
OPENER_ZIPF = 6.0


def _opens_sentence(mark: str, word: str) -> bool:
    if not (SENTENCE_OPENER and mark == '"' and word[:1].isupper()):
        return False
    from repair.resources.frequency import zipf

    return zipf(word.lower()) >= OPENER_ZIPF


def _deletion(t: Token, finding: str) -> Candidate:
    """Delete the mark ``t`` at the fixed confidence of these rules."""
    return cand(
        t.start, t.end, "", "OCR_STRAY_MARK",
        finding=finding, orig=[t.text], alt=[], fixed=LEAD_CONFIDENCE,
    )  # fmt: skip


def trail_speck_candidates(toks: list[Token]) -> list[Candidate]:
    """Delete a hyphen glued to a word's end inside a line, before a space and a lower-case
    word ("licenses- than", "Thursday- to").

    A hyphen ends a word before a space only at a line's end (a word broken there) or in
    a suspended compound ("two- and three-fold"); inside a line, before a lower-case word,
    it is a speck.  Deleted on the SMH dev half: 13 specks, 0 real; on the ICDAR training
    part: 11 specks, 0 real.  (An apostrophe there is not touched: it closes a quotation
    in books, "all that they needed' to know", 13 times in 23.)
    """
    out: list[Candidate] = []
    n = len(toks)
    for i in range(1, n - 2):
        t, word, sp, nxt = toks[i], toks[i - 1], toks[i + 1], toks[i + 2]
        if t.kind != "punct" or t.text != "-" or word.kind != "word":
            continue
        if sp.kind != "space" or "\n" in sp.text or nxt.kind != "word":
            continue
        if not nxt.text[:1].islower() or not word.text.isalpha():
            continue
        if i >= 2 and toks[i - 2].kind != "space" and toks[i - 2].text not in OPENERS:
            continue  # "well-known-" or "(a-": part of a longer chunk, left to the glued model
        if t.text == "-" and nxt.text in SUSPENDED_BEFORE:
            continue
        out.append(_deletion(t, "trail_speck"))
    return out
