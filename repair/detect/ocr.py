"""OCR-garble detection: non-words, glyph-confusion patterns, line-end hyphens.

The document score (``Detection.score``, shown by ``repair scan`` as *garble*)
is the share of word tokens that look garbled: unknown lower-case words, words
with a capital or digit inside ("shaU", "aHowed", "1ike"), spurious accents on
English words ("séhool"), plus known garble forms ("tbe", "witb").  Capitalised
unknown words are reported (``capitalized_unknown``) but counted as names, not errors.

>>> d = detect_ocr("tbe kingwas very glad hereof,and shaU appoint")
>>> sorted({f.reason for f in d.findings})
['comma_no_space', 'garble_form', 'inner_capital', 'nonword']
>>> round(d.score, 2)
0.5
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from functools import lru_cache

from repair import flagmemo
from repair.detect.ocr_language import FOREIGN_FUNCTION
from repair.detect.ocr_letters import odd_trigrams
from repair.detect.ocr_specks import speck_count
from repair.resources.frequency import zipf
from repair.score import ocr_channel
from repair.score.ocr_channel import (
    archaic_form,
    correction_candidates,
    is_known,
    is_word_form,
    join_candidate,
    single_confusions,
    split_candidates,
    strip_accents,
)
from repair.tokenize import tokenize
from repair.types import Detection, Finding, Token

#: Frequent garble forms that wordfreq counts as words because OCR'd text is on the web.
GARBLE_FORMS = frozenset(
    "tbe tlie tiie thc witb wbich wben bave bim bis aud tbat tbis mucb sucb sbe "
    "wlien wliich tliat tbey tben wbo wbat liave tbese".split()
)
#: Findings that are OCR patterns by themselves (see :func:`_is_confusion`).
_CONFUSION_REASONS = frozenset(
    {"garble_form", "realword_suspect", "digit_in_word", "long_s", "comma_no_space"}
)
#: A merged non-word counts as OCR-like when it splits this cheaply ("kingwas": 1.0,
#: "thatthe": 1.0; a rare compound such as "inswinger" -> "in swinger" costs 2.1).
MERGED_MAX_COST = 1.5
#: A line-end hyphen is a broken word (OCR-like) when a piece is rarer than this.
BROKEN_PIECE_ZIPF = 3.0
#: Reasons reported as findings but not counted in the garble score.
_NOT_COUNTED = frozenset({"capitalized_unknown", "archaic", "accented_nonword"})
#: The garble gate: non-words, merges, splits, commas and real-word confusions are
#: only repaired in documents whose garble score reaches this (override with
#: ``RepairConfig(ocr_realword_min_garble=x)``).  Clean news and the
#: clean suite score < 0.03 (names, rare words); ICDAR 2017 pages score 0.02-0.34
#: (median ~0.09), 77 of its 80 small files and file 81 pass.
REALWORD_MIN_GARBLE = 0.04
#: A document is garbled when its garble score reaches the gate *and* it has this many
#: garbled words (one odd word in a short clean passage is no evidence of OCR).
GARBLE_MIN_WORDS = 3
#: ... and at least this many of them look like OCR (see :func:`_is_confusion`):
#: dialect, foreign words and names are unknown words as well, but not OCR patterns.
GARBLE_MIN_OCR = 2
#: ... or when this share of its words (and at least GARBLE_MIN_WORDS) are typical OCR
#: patterns ("tbe", "1aw", "shaU", "rnoney"): the clean suite reaches 0.011 with 2 such
#: words, lightly garbled ICDAR pages 0.01-0.04.
CONFUSION_MIN_SHARE = 0.008
#: A non-word counts as an OCR pattern when one learned confusion this cheap (nats)
#: reads it as a common word ("rnan" -> "man" 3.2, "woro" -> "were" 0.4).
CONFUSION_MAX_COST = 3.5
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")
#: Letters mixed with the digits OCR confuses with them ("signa1ing", "f0r", "1aw").
_DIGIT_IN_WORD = re.compile(
    r"(?<![\w.,'’-])(?=(?:[01]*[^\W\d_]){2})(?=\w*[01])"
    r"[^\W\d_01]*(?:[01]+[^\W\d_]*)+(?![\w.,-]\w)"
)
_NUMBER_UNIT = re.compile(
    r"^\d+(st|nd|rd|th|s|am|pm|k|m|bn|mn|kg|km|mm|cm|ft|mb|gb|tb|mph|x)$", re.IGNORECASE
)
# a match starts where a letter run starts (the look-behind): the same matches as without
# it (a run that is no match from its start is none from inside it either), read in one
# pass instead of one per letter of every word (issue 14)
_LINE_END_HYPHEN = re.compile(r"(?<![^\W\d_])([^\W\d_]+)-[ \t]*\n[ \t]*([^\W\d_]+)")
#: What every :data:`_LINE_END_HYPHEN` match holds (a text without it has none).
_HYPHEN_BREAK = re.compile(r"-[ \t]*\n")
#: The two pieces of a word broken at a line end ("inf-⏎lammation") whose join is a known
#: word are no garble: they do not count towards the gate (a clean narrow column with
#: line-end hyphens opened it; ``benchmarks/ocr_archive.py``).
HYPHEN_PIECES_UNCOUNTED = True
#: A lower-case non-word holding a letter run no dictionary word has ("lniurv", "crlcl";
#: :mod:`repair.detect.ocr_letters`) and no cheap split is an OCR pattern for the gate:
#: real newspaper OCR at low garble shows them, clean text's rare words and terms do not.
ODD_LETTERS = True
#: A capitalised unknown word (not counted as garble: most are names) that one cheap
#: learned confusion reads as a common word ("Stieet", "Welfaie", "Georgo") is an OCR
#: pattern for the gate's share route: broken capitals are common in newspaper OCR, while
#: 6 of 750 clean paragraphs hold one such name ("Joff": Jeff).
CAPITAL_READS = True
#: Whether those two (odd letters, capitals read) also count as the OCR patterns the
#: garble-score route needs (:func:`is_garbled`); off: a short clean paragraph with a
#: coined term and a compound ("wwoofers", "farmwork") opened it.
WEAK_IN_SCORE_ROUTE = False
#: ``Detection.score`` (the heavy-page decisions of the candidates read it) still counts
#: the hyphen pieces, as before they were left out of the gate; the gate reads
#: ``garbled_words`` without them.  SMH dev 5,125 -> 5,120 token errors (both folds).
SCORE_WITH_PIECES = True
#: Weak patterns are not looked for in a text whose words are this share (and at least
#: GARBLE_MIN_WORDS) of the function words of other languages (``der``, ``les``, ``que``:
#: :data:`repair.detect.ocr_language.FOREIGN_FUNCTION`): German OCR has its own letter
#: runs and capitalised nouns (ICDAR file 29: 4.4 %; SMH dev articles at most 0.55 %).
FOREIGN_MIN_SHARE = 0.01
#: What one weak pattern counts for in the share route (a glyph confusion counts 1).
#: SMH dev: 1.0 -41.1 % WER (folds -47.7 / -35.2 %), 0.5 -41.0 % (-47.4 / -35.2 %); the
#: light suite's dev half: 0.5 keeps precision at 1 % damage (91.1 % against 87.1 %, main
#: 90.8 %) for 25 fewer fixes and 24 fewer wrong edits; at 2 % 1.0 fixes 64 more for 15
#: more wrong edits.
WEAK_WEIGHT = 1.0


#: A word inside a technical chunk (a run of non-space characters that is a URL, a file
#: name or path, an identifier with underscores or dots, a camelCase name of known words, a
#: hex number or a piece of code) does not count towards the gate: bug reports, code
#: identifiers and version strings are what corpus builders feed us daily, and their
#: pieces ("gkcontent" of "gkcontent.dll", "urlbar" of "browser.urlbar.autofill") are
#: non-words no OCR made.  Its findings stay (an opened page still reads them).  Marks no
#: OCR prints (``://``, ``www.``, ``()``, ``==``, ``++``, ``::``, ``&amp;``, ``--flag``,
#: ``$VAR``, ``a@b``, ``0x1f``) make a chunk technical by themselves; the shapes OCR's
#: stray stops, underscores and capitals also make ("gkcontent.dll" / "pfank.ond",
#: "MOZ_PHOENIX" / "TO_THB", "cookieBehavior" / "rcaBon", "GTK1", "*.dll") only in a
#: document holding at least :data:`TECH_MIN_STRONG` chunks of the first kind (its own
#: register): SMH dev's raw OCR holds 97 chunks of those shapes and none of the first kind.
#: Clean-register census (``benchmarks/ocr_clean_registers.py``, session 49), all guards
#: on: dev 36 -> 2 gates opened, 631 -> 36 OCR edits (webtext 35 -> 1, 627 -> 32; this
#: flag alone off: 15 opened, 287 edits); test (read once) 39 -> 3, 694 -> 52.  SMH dev
#: 4,305 / 7,009, the light suite's dev half, the audit (121 / 28,189), ICDAR and the clean
#: gate all as main.
TECH_CHUNKS = True
TECH_MIN_STRONG = 1
#: ... and at least one per this many words (a 300 k-word OCR'd text with 33 URLs and
#: e-mail addresses is no technical document: its "wil1", "tw0", "inNew", "theSoviet"
#: are OCR's, read by the lead's audit: 588 fewer fixes without this).
TECH_WORDS_PER_STRONG = 1000
#: Outer marks stripped from a chunk before it is read (quotes, brackets, sentence marks).
_CHUNK_EDGES = "\"'“”‘’([{<>)]}.,;:!?*"
#: The marks of an e-mail address or a URL: no OCR prints them (a strong mark here, and a
#: real form the glued-mark reader never re-reads, :func:`repair.candidates.ocr_glued.real_chunk`).
ADDRESS_MARKS = r"\w@\w|://"
_STRONG_MARKS = re.compile(
    ADDRESS_MARKS
    + r"|^www\.|::|\+\+|[a-z]\(\)|[a-z]\.[a-z]+\(|==|!=|&[a-z]+;|^--[a-z]"
    + r"|^\$[A-Za-z_]+(?:_\w+)*$|^0x[0-9a-fA-F]+$"
)
_SHAPE_MARKS = re.compile(r"[^\W_]_[^\W_]|[a-z0-9]/[a-z0-9][^/]*/|\w=\w|^/[a-z]{2,}")
#: a file's extension before the edges are stripped ("*.dll", ".swf")
_TECH_SUFFIX = re.compile(r"^\(?\*?\.([a-z]{2,5})\)?$")
_VERSIONED = re.compile(r"^[A-Z]{2,}\d+(?:[A-Z]+\d+)?$")
_GENERIC_DOMAINS = frozenset({"com", "org", "net", "edu", "gov"})
_DOTTED = re.compile(r"^[A-Za-z0-9][\w-]*(?:\.[A-Za-z0-9][\w-]*)+$")
_CAMEL = re.compile(r"^[a-z]+(?:[A-Z][a-z]+)+$")


def technical_chunk(chunk: str) -> int:
    """How a run of non-space characters reads as technical text (:data:`TECH_CHUNKS`):
    2 by a mark no OCR prints, 1 by a shape OCR also makes, 0 not at all.

    >>> [technical_chunk(c) for c in ("http://a.org", "gkcontent.dll", "cookieBehavior", "tbe.man")]
    [2, 2, 1, 0]
    """
    if TECH_FILE_TAGS and _file_or_tag(chunk):
        return 2
    core = chunk.strip(_CHUNK_EDGES)
    if len(core) < 3 or not core.isascii():
        return 0
    if _STRONG_MARKS.search(chunk):
        return 2
    if _SHAPE_MARKS.search(core) or _VERSIONED.match(core):
        return 1  # "MOZ_PHOENIX", "a/b/c", "x=y", "/usr", "GTK1", "FF10PR1"
    suffix = _TECH_SUFFIX.match(chunk)
    if suffix:
        return int(not is_known(suffix.group(1)))  # "*.dll", ".swf"; not ".his" (a stop)
    if _DOTTED.match(core):
        pieces = core.split(".")
        # "browser.urlbar.autofill", "mozdev.org", "README.TXT": three pieces, a generic
        # domain, or a last piece that is no word of its own; not "tbe.man", "as.can"
        last = pieces[-1].lower()
        return int(len(pieces) >= 3 or last in _GENERIC_DOMAINS or not is_known(last))
    if _CAMEL.match(core):
        # "cookieBehavior", "clickSelectsAll": known words; not OCR's capitals "muBio",
        # "theCroiwi", nor its lost space before a name ("inNew", "theSoviet", "onJuly")
        humps = re.findall(r"[A-Z]?[a-z]+", core)
        if len(humps) == 2 and zipf(humps[0]) >= CAMEL_FUNCTION_ZIPF:
            return 0
        return int(all(_camel_hump(h.lower()) for h in humps))
    return 0


#: A file name with a common extension ("nsIPK11Token.h", "localstore.rdf", ".gz",
#: "intl.properties"; a one-letter extension only after an identifier with a digit, an
#: inner capital or an underscore) and a markup or menu mark ("<!DOCTYPE", "</a>", "/>",
#: a lone "->", 'Help->"About') are marks no OCR prints: the stray-mark reader read them
#: as specks on an opened bug-report page ("nsIPK11Token.he", "<DOCTYPE", "allmakefiles
#: sh").  SMH (all), ICDAR 2017 and the audit's source hold 1 such chunk ("animalcul.c" is
#: no file: a one-letter extension needs an identifier) and "\w->" only before a lower-case
#: letter or at a chunk's end ("co->ts", "P->"), which the marks leave out.  Session 49
#: (ocrtech49b), clean-register census (``benchmarks/ocr_clean_registers.py``): dev 2 -> 1
#: gates opened, 36 -> 18 OCR edits (``webtext/firefox#048`` shuts); test (read once) 3 ->
#: 2, 52 -> 34 (``firefox#041`` shuts); SMH dev 4,304 / 7,004 and test 5,346 / 8,665 both;
#: audit 103 / 28,189 both; light suite dev at 1 %: 747 -> 746 fixed, 768 -> 764 made, 14
#: -> 12 on undamaged text (a wine page's "</ul>" shuts its gate), 0.3 / 2 % equal.
TECH_FILE_TAGS = True
_FILE_EXTENSIONS = (
    "h|c|cc|cpp|js|css|html?|xml|xul|xhtml|rdf|dtd|sh|py|pl|gz|bz2|tgz|zip|tar|exe|dll|jar|"
    "txt|ini|cfg|conf|log|jpe?g|png|gif|bmp|ico|svg|pdf|docx?|xls|mp3|wav|swf|php|asp|jsp|"
    "json|tmp|bak|idl|msi|dmg|rpm|deb|xpi|jnlp|properties"
)
_FILE_NAME = re.compile(rf"^(?:[a-z][\w-]*|[A-Za-z][\w-]*[\d_A-Z][\w-]*)?\.({_FILE_EXTENSIONS})$")
_IDENTIFIER = re.compile(r"[a-z][\w-]*[\d_A-Z]")
_TAG_MARKS = re.compile(r"<![A-Za-z-]|</[A-Za-z]|[\w\"]/>|^->$|[a-z]->[\"A-Z]")


def _file_or_tag(chunk: str) -> bool:
    """Whether ``chunk`` holds a markup or menu mark or is a file name
    (:data:`TECH_FILE_TAGS`).

    >>> [_file_or_tag(c) for c in ('"nsIPK11Token.h"', ".gz", "<!DOCTYPE", "->", "tbe.man", "x.c")]
    [True, True, True, True, False, False]
    """
    if _TAG_MARKS.search(chunk):
        return True
    m = _FILE_NAME.match(chunk.strip("\"'“”‘’([{)]},;:!?*").rstrip("."))
    if not m:
        return False
    name = m.group()[: -len(m.group(1)) - 1]
    return len(m.group(1)) > 1 or bool(_IDENTIFIER.search(name))


#: A two-hump camelCase run whose first hump is this common (a function word) is OCR's
#: lost space ("andChina"), not a name ("onLoad" goes with them).
CAMEL_FUNCTION_ZIPF = 6.0


def _camel_hump(word: str) -> bool:
    """Whether one hump of a camelCase name is a word (a short one must be very common)."""
    z = zipf(word)
    return (len(word) >= 3 and z >= 3.0) or (len(word) == 2 and z >= 6.0)


def technical_spans(text: str) -> tuple[list[tuple[int, int]], bool]:
    """The spans of the technical chunks of ``text`` (:data:`TECH_CHUNKS`; none with the
    flag off), sorted, and whether it is a document of the technical register (at least
    :data:`TECH_MIN_STRONG` chunks with a mark no OCR prints)."""
    if not TECH_CHUNKS:
        return [], False
    flagmemo.check_alone()  # tests and benchmarks call this alone: its memo's flags too
    kinds = [(m.span(), _tech_chunk_cached(m.group())) for m in _CHUNK.finditer(text)]
    strong = sum(k == 2 for _, k in kinds)
    words = text.count(" ") + text.count("\n")  # about the words (cheap)
    least = 1 if strong >= max(TECH_MIN_STRONG, words / TECH_WORDS_PER_STRONG) else 2
    return [span for span, k in kinds if k >= least], least == 1


#: The runs :func:`technical_chunk` may read as technical: those holding a character of
#: its marks (most words hold none, and are never read: issue 14).
_CHUNK = re.compile(
    r"(?<!\S)\S*?(?:[_/=+&$@]|--|->|<!|www\.|\.[^\s.]|:\S|\(\)|[A-Za-z]\d|0x|[a-z][A-Z])\S*"
)


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` lies in one of the sorted, disjoint ``spans``."""
    i = bisect.bisect_right(spans, (pos, _END)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


_END = 1 << 62


# keyed by the chunk alone (a one-string key: issue 14); its answers depend on the flags
# :func:`technical_chunk` reads, so it is emptied when they change (:mod:`repair.flagmemo`)
@lru_cache(maxsize=4_096)
def _tech_chunk_cached(chunk: str) -> int:
    return technical_chunk(chunk)


def _line_end_hyphens(text: str) -> list[re.Match[str]]:
    """The :data:`_LINE_END_HYPHEN` matches of ``text``, in order (none where no hyphen
    ends a line: one fast scan for the literal part first)."""
    if _HYPHEN_BREAK.search(text) is None:
        return []
    return list(_LINE_END_HYPHEN.finditer(text))


def _hyphen_pieces(text: str, hyphens: list[re.Match[str]] | None = None) -> set[int]:
    """Start offsets of both pieces of every line-end hyphenated known word (``hyphens``:
    the text's :func:`_line_end_hyphens`, when read already)."""
    from repair.score.ocr_channel import is_known

    out: set[int] = set()
    for m in _line_end_hyphens(text) if hyphens is None else hyphens:
        if is_known((m.group(1) + m.group(2)).lower()):
            out.update((m.start(1), m.start(2)))
    return out


def token_reason(tok: Token, sentence_start: bool) -> str | None:
    """Why one word token looks garbled, or ``None`` (reason codes are stable)."""
    text = tok.text
    return _reason_at_start(text) if sentence_start else _reason_inside(text)


# keyed by the text alone (a one-string key is the string itself, no tuple): issue 14.
# 16,384 answers (~150 bytes each): 5 MB of OCR text asks 768 k of 31 k words, and an
# LRU of 16,384 loses 1.1 % of the hits (+0.3 s of 135 s CPU) for ~5 MB less when full
# (``benchmarks/cache_replay.py``, session 17)
@lru_cache(maxsize=16_384)
def _reason_inside(text: str) -> str | None:
    return _word_reason(text, False)


# 4,096 (was 16,384): 5 MB of OCR text asks 40 k of 1.6 k words, no hit lost (replay,
# session 18); a long text fills it slowly (147 bytes each)
@lru_cache(maxsize=4_096)
def _reason_at_start(text: str) -> str | None:
    return _word_reason(text, True)


#: An accented word the corpus writes with its accents about as often as without them
#: ("détente" 2.27 / "detente" 2.22, "régime", "élite", "café", "Zürich") is a real form,
#: not an OCR accent on a plain word ("thé" 2.11 beside "the" 7.73): at least
#: :data:`ACCENT_WORD_ZIPF` (Zipf) and at most :data:`ACCENT_WORD_GAP` below the plain form
#: (``ACCENT_WORD_ZIPF = 0``: off).  OCR'd modern text, 300 k words: "détente" read as
#: the page's "defense" 13 times (session 44, lead; benchmarks/RESULTS.md).
ACCENT_WORD_ZIPF = 2.0
ACCENT_WORD_GAP = 2.0


def _accented_word(text: str, plain: str) -> bool:
    """Whether ``text`` (accented; ``plain`` without its accents) is a real accented word
    (:data:`ACCENT_WORD_ZIPF`)."""
    if not ACCENT_WORD_ZIPF or len(text) < 3:
        return False
    z = zipf(text.lower())
    return z >= ACCENT_WORD_ZIPF and z >= zipf(plain.lower()) - ACCENT_WORD_GAP


def _word_reason(text: str, sentence_start: bool) -> str | None:
    """:func:`token_reason` of a word, once per distinct word and position."""
    low = text.lower()
    if low in GARBLE_FORMS:
        return "garble_form"
    if "ſ" in text:
        return "long_s"
    if _INNER_CAPITAL.search(text):
        if real_mixed_case(text):
            if ACCENTED_CAPITALS and strip_accents(text) != text and accented_capital_garble(text):
                return "accented_nonword"  # "CiIAIíGING": no real form has accents in it
            return None  # IoT, mRNA, McDonald, iPhone, pH: a real form, never "corrected"
        return "inner_capital"  # "shaU", "aU", "aHowed"; names like "McDonald" get no candidate
    if strip_accents(text) != text:
        plain = strip_accents(text)
        if _accented_word(text, plain):
            return None  # "détente", "régime": a real accented word
        if not is_known(text) and is_known(plain):
            return "spurious_accent"
        if text[:1].islower() and len(text) > 1 and not is_known(text):
            # "íecalled", "aíso", "pütiod": an accent no word has, read by the table's
            # accent rows in a garbled page (not gate evidence: foreign words look alike)
            return "accented_nonword"
        if ACCENTED_CAPITALS and accented_capital_garble(text):
            return "accented_nonword"  # "Îrinclpal", "TEODÜCE", "WïIlNPSDAÏ"
        return None
    if is_known(text):
        return "realword_suspect" if realword_suspect(text) else None
    if text.isupper() and len(text) <= 5:
        return None  # an acronym (APEC, NDTV)
    if text[:1].isupper() and not sentence_start and not text.isupper():
        return "capitalized_unknown"  # most likely a name: fixed only on strong evidence
    if len(text) == 1:
        return None
    if archaic_form(text):
        return "archaic"  # "tooke", "shee": old print, not counted as garble
    return "nonword"


#: A capitalised or all-capitals token with an accent is a finding (``accented_nonword``:
#: read on garbled pages, never gate evidence) when it is long enough, holds a letter
#: the OCR prints for garble (an accent, a capital or a glyph after lower case) and
#: neither it nor its plain form is a known word or a listed name ("Îrinclpal",
#: "TEODÜCE", "CiIAIíGING"; "Schäfer", "Gödel", "Brontë", "José" stay unflagged).
ACCENTED_CAPITALS = True
ACCENTED_MIN_LEN = 4


def accented_capital_garble(text: str) -> bool:
    """Whether an accented token opening with a capital looks like OCR garble."""
    if len(text) < ACCENTED_MIN_LEN or not text[:1].isupper() or not text.isalpha():
        return False
    plain = strip_accents(text)
    if is_known(text.lower()) or is_known(plain.lower()):
        return False
    from repair.score.ngrams import get_ngrams

    ngrams = get_ngrams()
    return not (ngrams.is_name(text) or ngrams.is_name(plain) or ngrams.is_name(plain.title()))


#: A short rare word that one cheap learned confusion reads as a very common word
#: ("tho" -> "the", "bo" -> "be", "aud" -> "and") is evidence of OCR for the gate.
SUSPECT_MAX_ZIPF = 4.5
SUSPECT_MAX_LEN = 4
SUSPECT_TARGET_ZIPF = 6.0
SUSPECT_MAX_COST = 1.0


def realword_suspect(text: str) -> bool:
    """Whether a known word looks like a glyph misreading of a very common one."""
    if len(text) > SUSPECT_MAX_LEN or not text[1:].islower() or len(text) < 2:
        return False
    if zipf(text.lower()) >= SUSPECT_MAX_ZIPF:
        return False
    best = single_confusions(text)[:1]
    return (
        bool(best)
        and best[0].cost <= SUSPECT_MAX_COST
        and (zipf(best[0].text.lower()) >= SUSPECT_TARGET_ZIPF)
    )


#: A capitalised word whose only other capital is its last letter, one the OCR prints
#: for "ll", "li", "il" or "l" after three or more lower-case letters ("DeviU", "chappeU",
#: "DeviH"), is garble, not a mixed-case form ("PhD", "GmbH", "MingW" keep theirs).
FINAL_GLYPH = True
_FINAL_GLYPH = re.compile(r"^[A-Za-z][a-z]{3,}[UHIL]$")


def real_mixed_case(text: str) -> bool:
    """Whether a mixed-case token is a real form: two or more capitals with the first
    one upper (IoT, McDonald, YouTube, PhD), or a known word in lower case (iPhone, pH,
    eBay) that no glyph confusion reads as a more frequent word.  OCR's inner capitals
    read as glyphs ("shaU", "aU": all, "aHowed") are neither."""
    upper = sum(ch.isupper() for ch in text)
    if FINAL_GLYPH and upper == 2 and _FINAL_GLYPH.match(text):
        return False  # "DeviU", "joyfuH": the OCR's U for ll, H for li at a word's end
    if upper >= 2 and (text[0].isupper() or upper >= 3):
        return True
    low = text.lower()
    if not is_known(low):
        return False
    best = correction_candidates(text)[:1]
    return not best or zipf(best[0].text.lower()) < zipf(low) + 1.0


def _is_confusion(text: str, f: Finding, weak: bool = True) -> bool:
    """Whether a finding is a typical OCR pattern, not just an unknown word.

    Dialect ("nuff"), foreign words ("awa", "schwarze") and names ("McKenzie") are
    unknown words too; what OCR alone makes is: a garble form, a digit or long s in a
    word, a comma glued to the next word, a capital inside a word that re-reads as a
    word ("shaU"), a non-word one cheap glyph confusion away from a common word
    ("rnoney") or cheaply split into words ("kingwas"), and a word broken at a line
    end ("conc-⏎rete").  With ``weak``, also the weaker patterns: a lower-case non-word
    with a letter run no English word has ("lniurv": :data:`ODD_LETTERS`) and a capitalised
    unknown word read as a common one ("Stieet": :data:`CAPITAL_READS`).
    """
    if f.reason in _CONFUSION_REASONS:
        return True
    piece = text[f.start : f.end]
    if f.reason == "capitalized_unknown":
        return weak and CAPITAL_READS and _reads_as_common(piece)
    if f.reason == "inner_capital":
        return bool(correction_candidates(piece)[:1])
    if f.reason == "line_end_hyphen":
        left, _, rest = piece.partition("-")
        right = rest.strip()
        pieces = min(zipf(left.lower()), zipf(right.lower()))
        return bool(join_candidate(left, right)) and pieces < BROKEN_PIECE_ZIPF
    if f.reason != "nonword" or is_word_form(piece):
        return False  # "datasets", "quicks": an inflection of a known word, not garble
    if _reads_as_common(piece):
        return True
    splits = split_candidates(piece)[:1] if piece.isalpha() else ()
    if splits and splits[0].cost <= MERGED_MAX_COST:
        return True
    return weak and ODD_LETTERS and not splits and bool(odd_trigrams(piece))


#: A non-word that splits cheaply into two content words is no OCR merge for the gate when
#: the web writes it closed up: a compound of technical text ("dropdown", "tooltips",
#: "autocomplete", "whitespace", "textbox": wordfreq Zipf 1.8-2.4), not "kingwas" or
#: "lastend" (Zipf 0).  OCR merges join a short piece or a function word ("iton", "tobe",
#: "aman", "supplyof", "ionál"); a compound's parts are both at least
#: :data:`COMPOUND_PART_LEN` letters and below :data:`COMPOUND_PART_MAX_ZIPF`.  The clean
#: bug reports of the spin suites (``webtext/firefox``) opened the gate on 35 of 219 dev
#: documents through these merges (``benchmarks/ocr_clean_registers.py``, session 49).
#: They leave the count only in a document that writes at least
#: :data:`COMPOUND_MIN_FORMS` distinct ones (a register of closed compounds, consistent
#: across the page): one or two ("hotspots", "meatworks") in a lightly garbled news page
#: leave its gate as it was (light suite dev: counted in every document, 14 fewer fixes
#: at 1 % damage for 3 fewer wrong edits).  Census webtext dev with this flag alone off:
#: 19 gates opened, 298 edits (all on: 1, 32).
WEB_COMPOUNDS = True
COMPOUND_MIN_FORMS = 3
COMPOUND_MIN_ZIPF = 1.0
#: ... and none of their occurrences counts in the gate's garble score either (a bug
#: report's 51 unknown words in 1,004 opened it by the score route, session 49).  Census
#: webtext dev, this flag alone off: 2 gates opened, 66 edits (on: 1, 32).
COMPOUNDS_NOT_GARBLE = True
#: ... at this web frequency in a document of the technical register (one holding at
#: least :data:`TECH_MIN_STRONG` chunks with a mark no OCR prints: ``http://``,
#: ``focus()``, ``std::``), where "addressbar", "listboxes", "searchbox" (Zipf 0) are
#: compounds, not merges.  0.0 decided nothing on the census's dev half once the other
#: guards were in (webtext dev: 1 gate opened, 32 edits at 0.0 and at 1.0): off (1.0).
TECH_COMPOUND_ZIPF = 1.0
COMPOUND_PART_LEN = 3
COMPOUND_PART_MAX_ZIPF = 6.5
#: No weak pattern (odd letter runs, capitals read as words) counts in a document of the
#: technical register: its identifiers ("vsz", "nppdf", "xprint", "wintv") hold letter
#: runs no English word has.  Census webtext dev, this flag alone off: 2 gates opened,
#: 45 edits (on: 1, 32).
TECH_NO_WEAK = True


def web_compound(word: str, parts: tuple[str, ...], min_zipf: float = COMPOUND_MIN_ZIPF) -> bool:
    """Whether ``word``, split into ``parts``, is a closed compound the web writes
    (:data:`WEB_COMPOUNDS`).

    >>> web_compound("dropdown", ("drop", "down")), web_compound("iton", ("it", "on"))
    (True, False)
    """
    if not WEB_COMPOUNDS or len(parts) != 2 or zipf(word.lower()) < min_zipf:
        return False
    return all(
        len(p) >= COMPOUND_PART_LEN and zipf(p.lower()) < COMPOUND_PART_MAX_ZIPF for p in parts
    )


def _merged_compound(piece: str, technical: bool = False) -> bool:
    """Whether a non-word :func:`_is_confusion` counts is a :func:`web_compound` merge
    (counted through its cheap split alone); in a ``technical`` document (see
    :data:`TECH_COMPOUND_ZIPF`) at the lower web frequency."""
    if not WEB_COMPOUNDS or not piece.isalpha() or _reads_as_common(piece):
        return False
    splits = split_candidates(piece)[:1]
    return (
        bool(splits)
        and splits[0].cost <= MERGED_MAX_COST
        and web_compound(
            piece, splits[0].parts, TECH_COMPOUND_ZIPF if technical else COMPOUND_MIN_ZIPF
        )
    )


def _reads_as_common(piece: str) -> bool:
    """Whether one cheap learned confusion reads a word as a common one ("rnoney")."""
    best = correction_candidates(piece)[:1]
    return bool(best) and best[0].cost <= CONFUSION_MAX_COST and zipf(best[0].text.lower()) >= 4.0


#: Reasons counted once per spelling by :func:`_count_confusions`.
_ONCE = frozenset({"nonword", "inner_capital", "capitalized_unknown"})
#: A real-word suspect counts at most this many times per spelling: a page about Cleopatra
#: that "wore" gold five times is no OCR, a column with "tho" for "the" seven times is.
REALWORD_REPEATS = 2
#: Reasons of the weak patterns (:func:`_is_confusion`).
_WEAK_REASONS = frozenset({"nonword", "capitalized_unknown"})


def _count_confusions(
    text: str,
    findings: list[Finding],
    need: int,
    technical: bool = False,
    compound_forms: set[str] | None = None,
) -> tuple[int, int]:
    """OCR-like findings, and how many of them are only weak patterns (see
    :func:`_is_confusion`).  An unknown word that repeats counts once (a name or term the
    text keeps using is consistent, garble rarely is), a real-word suspect at most
    :data:`REALWORD_REPEATS` times, a pattern such as a comma glued to a word each time;
    odd letter runs already counted ("^ww" of "wwoofers") do not count again
    ("wwoofing").  Weak patterns are looked for only when they can decide the share
    route of the gate: when the others are fewer than ``need`` and enough candidates
    remain to reach it (a garbled page needs none, a clean one has few).  The closed
    compounds of a register that writes them (:data:`WEB_COMPOUNDS`) leave the count, their
    forms added to ``compound_forms``."""
    seen: set[str] = set()
    suspects: dict[str, int] = {}
    n = 0
    compounds: set[str] = set()
    maybe: list[Finding] = []
    for f in findings:
        once = f.reason in _ONCE
        form = text[f.start : f.end].lower() if once else ""
        if once and form in seen:
            continue  # counted already (whatever this spelling's answer would be)
        if f.reason == "realword_suspect":
            low = text[f.start : f.end].lower()
            suspects[low] = suspects.get(low, 0) + 1
            if suspects[low] > REALWORD_REPEATS:
                continue
        if once:
            seen.add(form)
        if _is_confusion(text, f, weak=False):
            n += 1
            if f.reason == "nonword" and _merged_compound(form, technical):
                compounds.add(form)
        elif f.reason in _WEAK_REASONS:
            maybe.append(f)
    if len(compounds) >= COMPOUND_MIN_FORMS:
        n -= len(compounds)  # a register of closed compounds ("dropdown", "tooltips")
        if compound_forms is not None:
            compound_forms |= compounds
    if n >= need or n + WEAK_WEIGHT * len(maybe) < need or (technical and TECH_NO_WEAK):
        return n, 0
    odd_seen: set[str] = set()
    weak = 0
    for f in maybe:
        if not _is_confusion(text, f):
            continue
        odd = odd_trigrams(text[f.start : f.end]) if f.reason == "nonword" else frozenset()
        if odd and odd <= odd_seen:
            continue  # a term the text keeps using ("wwoofers", "wwoofing": "^ww")
        odd_seen |= odd
        weak += 1
    return n + weak, weak


def _symbol_glue(tok: Token) -> bool:
    """Whether ``tok`` is one non-ASCII symbol character ("¥", "©", "™"; not "¬", some OCR
    engines' hyphen)."""
    t = tok.text
    return (
        tok.kind == "punct" and len(t) == 1 and t > "\x7f" and t != "¬"
        and unicodedata.category(t)[0] == "S"
    )  # fmt: skip


def _in_symbol_run(tokens: list[Token], i: int, n: int) -> bool:
    """Whether word token ``i`` is glued, with no space, to a non-ASCII symbol that is glued
    to another word: a piece of one run of letters and symbols ("DrÃ¥ber", mojibake ftfy
    leaves alone as ambiguous), which no OCR reading of the piece alone can restore."""
    if i + 2 < n and _symbol_glue(tokens[i + 1]) and tokens[i + 2].kind == "word":
        return True
    return i >= 2 and _symbol_glue(tokens[i - 1]) and tokens[i - 2].kind == "word"


#: A word ending in "in" right before an apostrophe, whose "-ing" form is a word, is that
#: word with its g dropped ("lookin'", "playin'", "nothin'"): dialogue and dialect, not a
#: misreading.  Session 37, from the light suite's web dialogue.
ELIDED_ING = True


def _elided_ing(word: str, tokens: list[Token], i: int, n: int) -> bool:
    if not (ELIDED_ING and word.endswith("in") and i + 1 < n and tokens[i + 1].text in "'’"):
        return False
    nxt = tokens[i + 2] if i + 2 < n else None
    if nxt is not None and nxt.kind == "word" and tokens[i + 1].end == nxt.start:
        return False  # "lookin'g": a mark inside a word
    return zipf((word + "g").lower()) >= ELIDED_MIN_ZIPF


#: ... and the "-ing" form is this common (Zipf): "doing" 5.8, "looking" 5.3; not "sting"
#: (3.8: "stin' arms" is a garbled "stiff" in an ICDAR book).
ELIDED_MIN_ZIPF = 4.0


def detect_ocr(
    text: str,
    tokens: list[Token] | None = None,
    technical: tuple[list[tuple[int, int]], bool] | None = None,
) -> Detection:
    """Findings (suspicious tokens and line-end hyphens) and the document garble score
    (``technical``: :func:`technical_spans` of ``text``, when read already)."""
    tokens = tokenize(text) if tokens is None else tokens
    findings: list[Finding] = []
    n_words = foreign = piece_flagged = 0
    flagged = 0
    sentence_start = True
    prev: Token | None = None
    hyphens = _line_end_hyphens(text)
    pieces = _hyphen_pieces(text, hyphens) if HYPHEN_PIECES_UNCOUNTED and hyphens else set()
    tech_spans, tech_doc = technical_spans(text) if technical is None else technical
    tech: set[int] = set()  # starts of the findings inside technical chunks (uncounted)
    # token_reason's two memos, and the word's text, read directly: this loop visits every
    # token of every document (issue 14)
    at_start, inside, n_tokens = _reason_at_start, _reason_inside, len(tokens)
    for i, tok in enumerate(tokens):
        kind = tok.kind
        if kind == "word":
            word = tok.text
            n_words += 1
            foreign += word.lower() in FOREIGN_FUNCTION
            reason = at_start(word) if sentence_start else inside(word)
            if reason == "realword_suspect" and i + 1 < n_tokens and tokens[i + 1].text in "'’":
                reason = None  # an elided form ("sho'", "th'"): dialect, not a misreading
            elif reason == "nonword" and _elided_ing(word, tokens, i, n_tokens):
                reason = None  # "lookin'", "doin'": a dropped g, not "look in", "do in"
            if reason and _in_symbol_run(tokens, i, n_tokens):
                reason = None  # a piece of "DrÃ¥ber": mojibake or a code, not a word
            if reason:
                counts = reason not in _NOT_COUNTED
                if counts and tech_spans and _inside(tech_spans, tok.start):
                    tech.add(tok.start)
                    counts = False
                flagged += counts and tok.start not in pieces
                piece_flagged += counts and tok.start in pieces
                findings.append(Finding(tok.start, tok.end, "ocr", reason))
            sentence_start = False
            if (
                prev is not None
                and prev.text in ",;"
                and prev.start > 0
                and i >= 2
                and tokens[i - 2].kind == "word"
                and word[:1].islower()
            ):
                findings.append(Finding(prev.start, prev.end, "spacing", "comma_no_space"))
                if tech_spans and _inside(tech_spans, prev.start):
                    tech.add(prev.start)  # "&amp;lsquo;": code, not a glued comma
                else:
                    flagged += 1
        elif kind == "punct":
            if tok.text in ".!?":
                sentence_start = True
        elif kind == "space" and "\n\n" in tok.text:
            sentence_start = True
        prev = tok
    for m in _DIGIT_IN_WORD.finditer(text):
        if len(m.group()) >= 3 and not _NUMBER_UNIT.match(m.group()):
            findings.append(Finding(m.start(), m.end(), "ocr", "digit_in_word"))
            if tech_spans and _inside(tech_spans, m.start()):
                tech.add(m.start())  # "0xffffffff": a hex number
            else:
                flagged += 1
    for m in hyphens:
        findings.append(Finding(m.start(), m.end(), "hyphenation", "line_end_hyphen"))
    findings.sort(key=lambda f: (f.start, f.end))
    scored = flagged + (piece_flagged if SCORE_WITH_PIECES else 0)
    score = min(1.0, scored / n_words) if n_words else 0.0
    ocr_channel.note_garble(score)  # OCR text: its walks load the channel's tables at once
    reasons: dict[str, int] = {}
    for f in findings:
        reasons[f.reason] = reasons.get(f.reason, 0) + 1
    uncounted = pieces | tech
    counted = [f for f in findings if f.start not in uncounted] if uncounted else findings
    specks = speck_count(text)
    need = max(GARBLE_MIN_WORDS, math.ceil(CONFUSION_MIN_SHARE * n_words)) - specks
    if foreign >= GARBLE_MIN_WORDS and foreign >= FOREIGN_MIN_SHARE * n_words:
        need = 0  # another language's letter runs and capitals: no weak pattern counts
    compound_forms: set[str] = set()
    confusion, weak = _count_confusions(text, counted, need, tech_doc, compound_forms)
    confusion += specks
    if compound_forms and COMPOUNDS_NOT_GARBLE:
        flagged -= sum(
            f.reason == "nonword" and text[f.start : f.end].lower() in compound_forms
            for f in counted
        )
    return Detection(
        tuple(findings),
        score,
        {
            "words": n_words,
            "garbled_words": flagged,
            "hyphen_piece_words": piece_flagged,
            "confusion_words": confusion,
            "weak_ocr_words": weak,
            "reasons": reasons,
        },
    )


def document_garbled(detection: Detection, min_garble: float | None = None) -> bool:
    """The garble gate (:func:`is_garbled`) at ``RepairConfig.ocr_realword_min_garble``
    (the garble-score threshold; ``None``: :data:`REALWORD_MIN_GARBLE`)."""
    return is_garbled(detection, REALWORD_MIN_GARBLE if min_garble is None else min_garble)


def is_garbled(detection: Detection, gate: float = REALWORD_MIN_GARBLE) -> bool:
    """Whether a document (its :func:`detect_ocr` result) looks OCR-garbled enough for
    the riskier repairs: enough garbled words with some of them OCR patterns, or a
    share of OCR patterns.  Dialect, foreign words and names alone never open it."""
    details = detection.details
    flagged = int(details.get("garbled_words", 0))
    confusion = int(details.get("confusion_words", 0))
    # weak patterns ("lniurv", "Stieet") count only towards the share of OCR patterns
    # below: a short clean paragraph with a coined term ("wwoofers") shows one or two
    glyphs = confusion - (0 if WEAK_IN_SCORE_ROUTE else int(details.get("weak_ocr_words", 0)))
    garble = flagged / max(1, int(details.get("words", 0)))  # hyphen pieces apart
    if garble >= gate and flagged >= GARBLE_MIN_WORDS and glyphs >= GARBLE_MIN_OCR:
        return True
    words = max(1, int(details.get("words", 0)))
    weak = int(details.get("weak_ocr_words", 0))
    share = confusion - (1.0 - WEAK_WEIGHT) * weak
    return share >= GARBLE_MIN_WORDS and share / words >= CONFUSION_MIN_SHARE
