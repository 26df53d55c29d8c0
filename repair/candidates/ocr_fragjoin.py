"""Split words of a lightly garbled page joined where one piece is no word at all
(issue 12, session 59): "wi th", "ha ve", "be en", "resul t", "discri mination".

A stray space inside a word leaves two tokens; where both are real words ("in to",
"special ties") only the context can tell, and this module leaves them.  Where one piece
is no dictionary word (:func:`repair.score.ocr_channel.is_target` refuses it: "wi", "th",
"ve", "en", "ly", "nt"; a lone letter other than "a" / "I") and the two joined are a
common dictionary word, the pieces are a candidate join whatever the page prints
elsewhere (:mod:`repair.candidates.ocr_shutjoin` asks the page to print the word), and the
two-sided language model decides: the join must beat the pieces as printed by
:data:`THRESHOLD` nats in context.  Most such fragments are web tokens the detector does
not flag ("wi" Zipf 4.1, "th" 4.2, "ha" 4.6), so the light path never sees them.

>>> from repair.tokenize import tokenize
>>> [c.replacement for c in frag_join_candidates(tokenize("Americans ha ve known"))]
['have']
>>> [c.replacement for c in frag_join_candidates(tokenize("a very special ties of"))]
[]
>>> [c.replacement for c in frag_join_candidates(tokenize("in the 1830's and that"))]
[]
>>> [c.replacement for c in frag_join_candidates(tokenize("three 1,000-ton er ships"))]
[]
>>> [c.replacement for c in frag_join_candidates(tokenize("the Nation\ufffds parks"))]
[]
>>> [c.replacement for c in frag_join_candidates(tokenize('he said "wi th care'))]
['with']
>>> [c.replacement for c in frag_join_candidates(tokenize("rode the S train home"))]
[]
"""

from __future__ import annotations

from repair.candidates.ocr_shutjoin import join_candidate, split_pairs
from repair.resources.frequency import zipf
from repair.score.ngrams import get_ngrams
from repair.score.ocr_channel import is_target
from repair.types import Candidate, Token

#: Switch (see the module doc; benchmarks/RESULTS.md, session 59, ocrhyph).  On (with
#: :data:`FRAG_JOIN_OPEN` and :data:`WORD_PAIRS`): light suite dev fixed 290 / 941 / 2,212 ->
#: 313 / 1,012 / 2,353 at 0.3 / 1 / 2 %, test (read once) 265 / 912 / 2,212 -> 283 / 991 /
#: 2,346; the added edits on undamaged text and the census's are the clean sources' own
#: split words ("Machi nery", "resul t" in Truman's addresses) but two context side effects
#: at 2 %; SMH dev 4,234 / 6,899 and audit dev as main, test 5,333 / 8,641 -> 5,331 / 8,640;
#: clean English wraps 6 / 6 / 9 edits as main.
FRAG_JOIN = True
#: The same joins on a garbled page the garble gate opens, not heavily garbled (the light
#: suite's 2 % pages: 2,248 -> 2,352 of the dev figure above).
FRAG_JOIN_OPEN = True
#: And on a heavily garbled page: off (SMH dev 4,234 / 6,899 -> 4,237 / 6,905: "m any" is
#: "in any", "sho t" is "short"; the right joins there are built by the heavy readers already).
FRAG_JOIN_HEAVY = False
#: The joined word is at least this common (Zipf) and a dictionary word.
JOIN_ZIPF = 3.0
#: Margin (nats) the join needs in context over the pieces as printed.
THRESHOLD = 3.0
#: Shortest join (letters).
MIN_LEN = 4
#: Also join two words of their own ("for ward", "with out", "high way": a dictionary
#: compound), each of two letters or more, at a wider margin (:data:`PAIR_THRESHOLD`) and
#: only into a common word (:data:`PAIR_JOIN_ZIPF`), on a shut page.  Light dev 312 / 1,001
#: / 2,352 -> 313 / 1,012 / 2,353; at 6 nats two wrong joins of clean text ("Every one" ->
#: "Everyone", "he re-thought" -> "here-thought", the latter now refused by the hyphen test).
WORD_PAIRS = True
#: The same on a page the gate opens: off (SMH dev: "to morrow" is the period's
#: "to-morrow", read "tomorrow"; 4,234 -> 4,236 tokens, proxy dev 4,768 -> 4,769).
WORD_PAIRS_OPEN = False
PAIR_THRESHOLD = 8.0
PAIR_JOIN_ZIPF = 4.0
#: A lone capital letter before a word of its own, mid-sentence (after a lower-case word
#: or a comma / semicolon, one space away on the line), is a label or an initial ("the S
#: train", "T cell", "X ray", "L and"), not a split word, unless the join is a word the
#: period text writes with a capital mid-sentence
#: (:meth:`repair.score.ngrams.NgramTable.capital_share` at least
#: :data:`CAP_JOIN_MIN_SHARE`): "Strain" mid-sentence would be a capitalised common word
#: ("strain" 0 % capitals).  A split capitalised word has no label reading: its right
#: piece is no word ("A merican", "A dmiral", "K ing"), or its join is capitalised anyway.
#: Session 59, ocrcapjoin (benchmarks/RESULTS.md): light dev 330 / 1,061 / 2,372 fixed,
#: census dev 48 edits, SMH dev 4,234 / 6,899 and audit dev all as without it (on dev it
#: refuses one candidate, "T, L and X" -> "Land", which the model refused too); census
#: test (read once) 89 -> 87 edits (the two "S train" -> "Strain"), light test as without.
CAP_JOIN_GUARD = True
#: The capital share the join of a label letter and a word needs: more often a name than not.
CAP_JOIN_MIN_SHARE = 0.5


#: The only glyphs a left piece may have glued before it: an opening quote, bracket or
#: dash.  Anything else glues a token into it: a letter, a digit, an apostrophe ("1830's
#: and" is no "1830'sand"), a hyphen (a compound's tail: "1,000-ton er :my" is no
#: "toner", SMH dev), a lost glyph ("Nation\ufffd\ufffds parks" is no "sparks", clean
#: English).
_OPENERS = frozenset('"\u201c\u2018([{\u2014\u2013')


def _glued_before(toks: list[Token], j: int) -> bool:
    """Whether token ``j`` has a glyph other than an opener (:data:`_OPENERS`) right
    before it."""
    if j == 0:
        return False
    prev = toks[j - 1]
    if prev.end != toks[j].start or not prev.text:
        return False
    last = prev.text[-1]
    return not last.isspace() and last not in _OPENERS


def _glued_after(toks: list[Token], j: int) -> bool:
    """Whether token ``j`` has a letter or digit right after it."""
    if j + 1 >= len(toks):
        return False
    nxt = toks[j + 1]
    return nxt.start == toks[j].end and nxt.text[:1].isalnum()


def _hyphen_after(toks: list[Token], j: int) -> bool:
    """Whether token ``j`` has a hyphen right after it."""
    if j + 1 >= len(toks):
        return False
    nxt = toks[j + 1]
    return nxt.start == toks[j].end and nxt.text[:1] in "-\u2010\u2011"


def _mid_sentence(toks: list[Token], j: int) -> bool:
    """Whether token ``j`` follows, one space away on its line, a lower-case word or a
    comma / semicolon: a place where a capital marks a name, not a sentence start."""
    if j < 2 or toks[j - 1].text != " ":
        return False
    prev = toks[j - 2].text
    return prev in (",", ";") or (prev[:1].isalpha() and prev[:1].islower())


def _label_letter(toks: list[Token], j: int, left: str, right: str, joined: str) -> bool:
    """A lone capital letter before a word of its own, mid-sentence, joined into a word
    the period text writes in lower case (:data:`CAP_JOIN_GUARD`): "the S train" is no
    "the Strain"."""
    if not CAP_JOIN_GUARD or len(left) != 1 or not left.isupper():
        return False
    if not is_target(right) or not _mid_sentence(toks, j):
        return False
    share = get_ngrams().capital_share(joined.lower())
    return share is not None and share < CAP_JOIN_MIN_SHARE


def _fragment(piece: str) -> bool:
    """No word of its own: not a dictionary target (a lone letter other than a / I)."""
    return not is_target(piece)


def frag_join_candidates(
    toks: list[Token],
    shut: bool = True,
    findings: bool = True,
    pairs: list[tuple[int, Token, Token, str]] | None = None,
) -> list[Candidate]:
    """The joins of :data:`FRAG_JOIN` (the caller checks the page's gate and the flag of
    an open page, :data:`FRAG_JOIN_OPEN` / :data:`FRAG_JOIN_HEAVY`); ``shut``: the gate is
    shut (:data:`WORD_PAIRS`, else :data:`WORD_PAIRS_OPEN`).  ``findings``: the detector
    flagged something on the page; two words of their own are joined only then, as the
    stage's shortcut (:func:`repair.stages.ocr.reads_nothing`) skips a page with no finding
    whatever it prints: a page's joins do not hang on whether it holds a word opening
    with "I".  ``pairs``: :func:`repair.candidates.ocr_shutjoin.split_pairs` of ``toks`` at
    :data:`MIN_LEN` when made already (:data:`repair.candidates.ocr_shutjoin.SHARED_PAIRS`)."""
    if not FRAG_JOIN:
        return []
    word_pairs = (WORD_PAIRS if shut else WORD_PAIRS_OPEN) and findings
    out: list[Candidate] = []
    for j, a, b, joined in split_pairs(toks, MIN_LEN) if pairs is None else pairs:
        left, right = a.text, b.text
        low = joined.lower()
        if not is_target(low):  # asked first (most joins are no word): the same answers
            continue
        if _glued_before(toks, j) or _glued_after(toks, j + 2):
            continue
        threshold, join_zipf = THRESHOLD, JOIN_ZIPF
        if not (_fragment(left) or _fragment(right)):
            if not word_pairs or min(len(left), len(right)) < 2:
                continue
            if _hyphen_after(toks, j + 2):
                continue  # "he re-thought": the right word heads a compound
            threshold, join_zipf = PAIR_THRESHOLD, PAIR_JOIN_ZIPF
        if zipf(low) < join_zipf or not is_target(low):
            continue
        if _label_letter(toks, j, left, right, joined):
            continue
        out.append(join_candidate(a, b, joined, "frag_join", threshold))
    return out
