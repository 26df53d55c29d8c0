"""Encoding repair with ftfy: mojibake, HTML entities, broken Unicode -> word-sized spans.

ftfy fixes text line by line (:func:`ftfy.fix_text` splits at ``\\n``); we do
the same, with one :class:`ftfy.TextFixerConfig` chosen so that ftfy **only
repairs damage and never restyles good text** (:data:`FTFY_CONFIG`).  Each
changed line is then diffed character by character against ftfy's output,
and every change is grown to its enclosing non-space run, so an edit reads
like ``"cafÃ©" -> "café"`` rather than a whole line.

Applying the spans gives exactly ``ftfy.fix_text(text, ftfy_config(text))``:

>>> fixes = span_fixes("Le cafÃ© est fermÃ©.\\nAll good here.\\n")
>>> [(f.start, f.original, f.replacement, f.rule) for f in fixes]
[(3, 'cafÃ©', 'café', 'FTFY_FIX_ENCODING'), (13, 'fermÃ©', 'fermé', 'FTFY_FIX_ENCODING')]
>>> import ftfy
>>> fix_text("P&eacute;rez") == ftfy.fix_text("P&eacute;rez", ftfy_config("P&eacute;rez"))
True
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from ftfy import TextFixerConfig

# ftfy is imported only when a text needs it (see :func:`needs_ftfy`): importing it
# costs ~30 ms of a short clean file's start-up.

#: ftfy's default segment bound (code points) for text without line breaks.
MAX_DECODE_LENGTH = 1_000_000


def __getattr__(name: str) -> object:
    """``FTFY_CONFIG`` is built (and ftfy imported) on first use."""
    if name == "FTFY_CONFIG":
        return _ftfy_base_config()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@lru_cache(maxsize=1)
def _ftfy_base_config() -> TextFixerConfig:
    """:data:`FTFY_CONFIG`: ftfy's options, each set for a reason."""
    from ftfy import TextFixerConfig

    # ftfy's options, each set for a reason (datatrove's ``formatters/ftfy.py`` habit).
    # Everything that is *repair* stays on; everything that is *house style* is off,
    # because clean text must come out byte-identical.
    return TextFixerConfig(
        # Decided per document by :func:`ftfy_config` (see HTML_POLICY); "auto" here is
        # only the starting point.
        unescape_html="auto",
        # ANSI colour codes ("\x1b[36m") are never prose; ftfy removes only well-formed ones.
        remove_terminal_escapes=True,
        # The point of the stage: UTF-8 decoded as windows-125x / latin-1 / MacRoman / cp437...
        fix_encoding=True,
        # ftfy's own default: a plain space where a mangled U+A0 byte belongs ("voilÃ le")
        # is only restored inside an otherwise fixable mojibake sequence.
        restore_byte_a0=True,
        # Mojibake partly replaced by "?" or U+FFFD becomes one U+FFFD: the original is
        # lost either way, and "â€?" is worse to read than "�".  Edits get lower confidence.
        replace_lossy_sequences=True,
        # "â€™" inside otherwise-correct text (strings concatenated from two encodings).
        decode_inconsistent_utf8=True,
        # U+0080-U+009F are unused controls in real text; they are windows-1252 bytes read
        # as latin-1 ("\x93quoted\x94" -> "“quoted”"), as HTML5 also decodes them.
        fix_c1_controls=True,
        # OFF: "ﬁ"/"ﬂ"/"ŉ" are the author's (or typesetter's) characters, not damage.
        fix_latin_ligatures=False,
        # OFF: fullwidth "ＬＯＵＤ" and halfwidth katakana are deliberate in CJK text.
        fix_character_width=False,
        # OFF: curly quotes and apostrophes are correct typography (seeds 001-004 use them).
        uncurl_quotes=False,
        # OFF: "\r\n" / U+2028 are the file's line-break convention; rewriting them would make
        # every line of a CRLF file an edit.  (We split at "\n" exactly as ftfy.fix_text does.)
        fix_line_breaks=False,
        # Lone or paired UTF-16 surrogates cannot even be written as UTF-8: always damage.
        fix_surrogates=True,
        # OFF: ftfy would delete U+0000-U+0008, U+000B, U+000E-U+001F, U+007F and U+FEFF.
        # A vertical tab is Word's manual line break ("foo\x0bbar" would become "foobar")
        # and U+FEFF may be a deliberate zero-width no-break space; deleting is not repair.
        remove_control_chars=False,
        # OFF (None): keep the author's normalization form; NFC would silently rewrite
        # decomposed accents ("e\u0301") in otherwise clean text.
        normalization=None,
        # ftfy's default segment bound (code points) for text without line breaks.
        max_decode_length=MAX_DECODE_LENGTH,
        # We need the plan of each line: it names the rule of each edit.
        explain=True,
    )


HtmlPolicy = Literal["auto", "always", "never"]
#: How HTML entities are treated.  ftfy's own "auto" turns unescaping off for a
#: segment (and every later one) that contains a literal "<".  We decide once per
#: document, more strictly: any "<" anywhere means the text may be markup or code,
#: where "&amp;" is meant literally, so no entity is touched.  Plain text with
#: "&eacute;" / "&#x2019;" (double-escaped feeds, CMS exports) is unescaped.
HTML_POLICY: HtmlPolicy = "auto"

#: Edits never grow beyond this many characters on either side of a change while
#: looking for the enclosing non-space run (long CJK lines or URLs have no spaces).
MAX_CONTEXT = 30

#: Confidence of an edit made by each ftfy step (lowest of the edit's steps wins).
#: ftfy reports no false positives on its 31 negative cases; lossy decoding and
#: the space-for-U+A0 guess are the least certain steps.
RULE_CONFIDENCE: dict[str, float] = {
    "FTFY_FIX_ENCODING": 0.95,
    "FTFY_DECODE_INCONSISTENT_UTF8": 0.9,
    "FTFY_RESTORE_BYTE_A0": 0.85,
    "FTFY_REPLACE_LOSSY_SEQUENCES": 0.75,
    "FTFY_FIX_C1_CONTROLS": 0.9,
    "FTFY_UNESCAPE_HTML": 0.95,
    "FTFY_FIX_SURROGATES": 0.99,
    "FTFY_REMOVE_TERMINAL_ESCAPES": 0.99,
}
#: Unchanged characters trimmed off the ends of an edit ("(cafÃ©)." -> edit "cafÃ©").
_EDGE_PUNCT = frozenset("()[]{}<>\"'“”‘’«»‹›.,;:!?…")
_ENCODING_FAMILY = (
    "FTFY_FIX_ENCODING",
    "FTFY_RESTORE_BYTE_A0",
    "FTFY_REPLACE_LOSSY_SEQUENCES",
    "FTFY_DECODE_INCONSISTENT_UTF8",
)


def ftfy_config(text: str, policy: HtmlPolicy = HTML_POLICY) -> TextFixerConfig:
    """:data:`FTFY_CONFIG` with ``unescape_html`` decided for this whole document."""
    return _ftfy_base_config()._replace(unescape_html=html_unescape_allowed(text, policy)[0])


def html_unescape_allowed(text: str, policy: HtmlPolicy = HTML_POLICY) -> tuple[bool, str]:
    """Whether to unescape HTML entities in ``text``, with the reason code."""
    if policy == "always":
        return True, "policy_always"
    if policy == "never":
        return False, "policy_never"
    if "<" in text:
        return False, "markup_like"
    return True, "plain_text"


def preload() -> None:
    """Import ftfy and build :data:`FTFY_CONFIG` now (a batch parent does, before it forks)."""
    import ftfy.badness  # noqa: F401

    _ftfy_base_config()


def needs_ftfy(text: str, unescape_html: bool) -> bool:
    """Whether ftfy could change or flag ``text`` with our config.

    With :data:`FTFY_CONFIG`, ftfy leaves a segment as it is unless it has an HTML
    entity to unescape, a terminal escape, a C1 control or a surrogate, or ftfy's
    badness heuristic flags it (``fix_encoding`` returns text that is not
    ``is_bad`` unchanged, and every other fixer is off); and
    :func:`bad_unfixed_lines` flags only segments that are ``is_bad``.  So False
    means: no fix and no flagged line, exactly as if ftfy had run.  Non-ASCII text
    is checked with ftfy's own ``BADNESS_RE`` (see :func:`_badness`), first by the
    characters each of its alternatives requires, then per segment as ftfy cuts the
    text, by those characters again and by the regex itself; ftfy is imported only
    when something is found.
    """
    if "\x1b" in text or (unescape_html and "&" in text):
        return True
    if text.isascii():
        return False
    if _C1_OR_SURROGATE.search(text):
        return True
    badness = _badness()
    if badness is None:  # ftfy not found, or a BADNESS_RE we cannot read: let ftfy decide
        return True
    trigger, requirements, regex = badness
    present = set(trigger.findall(text))
    if not any(all(not present.isdisjoint(cls) for cls in alt) for alt in requirements):
        return False  # no alternative of BADNESS_RE has all the characters it needs
    find = trigger.findall
    for _, seg in segments(text):
        # the same test per segment first: most lines lack what every alternative needs
        here = set(find(seg))
        able = tuple(
            i for i, alt in enumerate(requirements) if all(not here.isdisjoint(c) for c in alt)
        )
        if able and regex(able).search(seg):
            return True
    return False


#: ftfy's ``fix_c1_controls`` and ``fix_surrogates`` act on these whatever the badness.
_C1_OR_SURROGATE = re.compile("[\x80-\x9f\ud800-\udfff]")
_Badness = tuple[
    "re.Pattern[str]",
    tuple[tuple[frozenset[str], ...], ...],
    Callable[[tuple[int, ...]], "re.Pattern[str]"],
]


@lru_cache(maxsize=1)
def _badness() -> _Badness | None:
    """ftfy's ``BADNESS_RE`` without importing ftfy (~50 ms): its pattern, flags and the
    characters each alternative requires (:func:`badness_requirements`), kept in the
    per-user cache by the (size, mtime_ns) of ``ftfy/badness.py`` and read from ftfy
    once per installed version.  Returns a regex of every required character, the
    requirements, and ``regex(able)``: a compiled pattern of the alternatives numbered
    ``able`` (those whose characters a segment has), which finds a match exactly where
    ``BADNESS_RE`` does in such a segment; compiled when first needed (the whole pattern
    costs ~10 ms to compile, a clean text with curly quotes needs 3 of its 37 alternatives).
    When the pattern's text cannot be cut into its alternatives (checked against the
    parsed pattern, :func:`split_alternatives`), ``regex`` is the whole ``BADNESS_RE``."""
    import importlib.util

    from repair.resources.cache import stat_cached

    try:
        spec = importlib.util.find_spec("ftfy")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    source = Path(next(iter(spec.submodule_search_locations))) / "badness.py"
    if not source.is_file():
        return None
    try:
        pattern, flags, requirements, pieces = stat_cached(
            "ftfy-badness",
            [source],
            _read_badness,
            kind=tuple,
            extra=_derive_code(),
        )
    except (ImportError, AttributeError, TypeError, ValueError):
        return None
    if requirements is None:
        return None
    sets = tuple(tuple(frozenset(cls) for cls in alt) for alt in requirements)
    chars = "".join(sorted({ch for alt in requirements for cls in alt for ch in cls}))
    trigger = re.compile("[" + re.escape(chars) + "]")
    if pieces is None or len(pieces) != len(sets):
        whole = lru_cache(maxsize=1)(lambda: re.compile(pattern, flags))
        return trigger, sets, lambda _able: whole()
    join = "\n|\n" if flags & re.VERBOSE else "|"  # a verbose piece may end in a comment

    @lru_cache(maxsize=64)
    def regex(able: tuple[int, ...]) -> re.Pattern[str]:
        return re.compile(join.join(pieces[i] for i in able), flags)

    return trigger, sets, regex


def _derive_code() -> str:
    return "".join(
        f.__code__.co_code.hex()
        for f in (_read_badness, badness_requirements, _required, split_alternatives)
    )


def _read_badness() -> tuple[str, int, tuple[tuple[str, ...], ...] | None, tuple[str, ...] | None]:
    from ftfy.badness import BADNESS_RE, is_bad

    # is_bad must be BADNESS_RE.search: checked on a sample from each side
    if (
        not is_bad("\u00c3\u00a9")
        or is_bad("plain caf\u00e9")
        or not BADNESS_RE.search("\u00c3\u00a9")
    ):
        raise ValueError("ftfy.badness.is_bad is not BADNESS_RE.search")
    return (
        BADNESS_RE.pattern,
        BADNESS_RE.flags,
        badness_requirements(BADNESS_RE),
        split_alternatives(BADNESS_RE),
    )


def split_alternatives(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """The source text of each top-level alternative of ``pattern``, in order, or None.

    The text is cut at each ``|`` outside brackets, groups and escapes (and, in verbose
    mode, comments); the cut is kept only if every piece parses, alone, to exactly the
    alternative :mod:`re` parsed from the whole pattern (same items, same order), so a
    pattern of some of the pieces joined by ``|`` matches where one of those alternatives
    would.  Groups, look-arounds or back-references anywhere give None (their numbers
    and meaning would change alone)."""
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser as parser  # type: ignore[attr-defined]

    text, flags = pattern.pattern, pattern.flags
    if pattern.groups or "(" in text.replace("\\(", ""):
        return None
    verbose = bool(flags & re.VERBOSE)
    pieces: list[str] = []
    start = i = 0
    in_class = False
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
        elif ch == "[":
            in_class = True
            if text.startswith("^", i + 1):
                i += 1
            if text.startswith("]", i + 1):  # a leading ']' is a member
                i += 1
        elif verbose and ch == "#":
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
            continue
        elif ch == "|":
            pieces.append(text[start:i])
            start = i + 1
        i += 1
    pieces.append(text[start:])
    try:
        tree = parser.parse(text, flags)
        if not (len(tree) == 1 and tree[0][0] is sre.BRANCH):
            return None
        alts = tree[0][1][1]
        if len(alts) != len(pieces):
            return None
        for piece, alt in zip(pieces, alts, strict=True):
            if repr(parser.parse(piece, flags).data) != repr(alt.data):
                return None
    except re.error:
        return None
    return tuple(pieces)


def badness_requirements(pattern: re.Pattern[str]) -> tuple[tuple[str, ...], ...] | None:
    """For each top-level alternative of ``pattern``, the classes of non-ASCII characters
    a match of it must contain one of (each as a string of its characters); None when
    some alternative requires none (then any non-ASCII text could match).

    Only positions that every match of the alternative has are counted: a literal or a
    plain character class (no negation, no category) made only of non-ASCII characters,
    possibly repeated at least once.  Anything else (ASCII, ``\\s``, ``.``, optional
    or grouped parts, anchors) is skipped, which can only make more texts look possible.
    """
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser as parser  # type: ignore[attr-defined]

    if pattern.flags & re.IGNORECASE:
        return None
    tree = parser.parse(pattern.pattern, pattern.flags)
    alts = tree[0][1][1] if len(tree) == 1 and tree[0][0] is sre.BRANCH else [tree]
    out: list[tuple[str, ...]] = []
    for alt in alts:
        required = tuple(r for r in (_required(item) for item in alt) if r)
        if not required:
            return None
        out.append(required)
    return tuple(out)


def _required(item: tuple[object, object]) -> str | None:
    from re import _constants as sre  # type: ignore[attr-defined]

    op, av = item
    chars: list[str] = []
    if op is sre.LITERAL:
        chars = [chr(av)]  # type: ignore[arg-type]
    elif op is sre.IN:
        for kind, val in av:  # type: ignore[attr-defined]
            if kind is sre.LITERAL:
                chars.append(chr(val))
            elif kind is sre.RANGE:
                chars.extend(chr(c) for c in range(val[0], val[1] + 1))
            else:  # NEGATE, CATEGORY: not a plain set
                return None
    elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, _high, sub = av  # type: ignore[misc]
        return _required(sub[0]) if low >= 1 and len(sub) == 1 else None
    if not chars or any(c.isascii() for c in chars):
        return None
    return "".join(sorted(set(chars)))


def segments(text: str, max_len: int = MAX_DECODE_LENGTH) -> Iterator[tuple[int, str]]:
    """``(offset, segment)`` pairs exactly as :func:`ftfy.fix_text` cuts ``text``."""
    pos = 0
    while pos < len(text):
        brk = text.find("\n", pos) + 1
        if brk == 0:
            brk = len(text)
        if brk - pos > max_len:
            brk = pos + max_len
        yield pos, text[pos:brk]
        pos = brk


def _untouched(segment: str, config: TextFixerConfig) -> bool:
    """Fast path: with our config, ftfy provably leaves such a segment as it is."""
    return (
        segment.isascii()
        and "\x1b" not in segment
        and not (config.unescape_html and "&" in segment)
    )


@dataclass(frozen=True, slots=True)
class LineFix:
    """ftfy's verdict on one segment (line) of the text."""

    start: int
    original: str
    fixed: str
    steps: tuple[tuple[str, str], ...]
    badness_before: int
    badness_after: int

    @property
    def rules(self) -> tuple[str, ...]:
        return _dedupe(_rule_of(step) for step in self.steps)


@dataclass(frozen=True, slots=True)
class SpanFix:
    """One word-sized change: ``text[start:end]`` (== ``original``) -> ``replacement``."""

    start: int
    end: int
    original: str
    replacement: str
    changed: tuple[str, str]  # the minimal differing characters, before -> after
    rules: tuple[str, ...]
    line: LineFix

    @property
    def rule(self) -> str:
        return "+".join(self.rules)

    @property
    def confidence(self) -> float:
        conf = min(RULE_CONFIDENCE.get(r, 0.8) for r in self.rules)
        if self.line.badness_after > 0:  # ftfy still sees something odd in the result
            conf -= 0.1
        return round(conf, 4)


def _dedupe(items: Iterator[str] | list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _rule_of(step: tuple[str, str]) -> str:
    action, param = step
    if action in ("encode", "decode"):
        return "FTFY_FIX_ENCODING"
    return "FTFY_" + param.upper()


def line_fixes(text: str, config: TextFixerConfig | None = None) -> list[LineFix]:
    """The segments of ``text`` that ftfy changes (with our config), in order."""
    import ftfy
    from ftfy.badness import badness

    config = config or ftfy_config(text)
    out: list[LineFix] = []
    for start, seg in segments(text, config.max_decode_length):
        if _untouched(seg, config):
            continue
        fixed, plan = ftfy.fix_and_explain(seg, config)
        if fixed != seg:
            steps = tuple((s.action, s.parameter) for s in plan or ())
            out.append(LineFix(start, seg, fixed, steps, badness(seg), badness(fixed)))
    return out


def fix_text(text: str, policy: HtmlPolicy = HTML_POLICY) -> str:
    """ftfy's output with our config: the reference the stage's edits must reproduce."""
    import ftfy

    return ftfy.fix_text(text, ftfy_config(text, policy))


def bad_unfixed_lines(
    text: str, fixed: list[LineFix], config: TextFixerConfig
) -> list[tuple[int, int, str]]:
    """Segments ftfy's badness still flags: ``(start, end, reason)``, declined with a reason.

    ``ftfy_bad_unfixed``: flagged, but ftfy finds no safe plan (left as it is);
    ``ftfy_bad_after_fix``: ftfy changed the line but its result is still flagged.
    """
    from ftfy.badness import is_bad

    by_start = {lf.start: lf for lf in fixed}
    out: list[tuple[int, int, str]] = []
    for start, seg in segments(text, config.max_decode_length):
        lf = by_start.get(start)
        if lf is None:
            if not seg.isascii() and is_bad(seg):
                out.append((start, start + len(seg), "ftfy_bad_unfixed"))
        elif is_bad(lf.fixed):
            out.append((start, start + len(seg), "ftfy_bad_after_fix"))
    return out


#: Lines longer than this are cut into aligned chunks before the character diff
#: (difflib is quadratic: a 2,000-character chunk costs ~0.1 s, a 200-character one ~1 ms).
DIFF_CHUNK = 200
_ANCHOR = 24


def _char_changes(a: str, b: str, oa: int, ob: int) -> list[tuple[int, int, int, int]]:
    """Non-equal opcodes of a character diff of ``a`` -> ``b``, offset by ``oa``/``ob``."""
    # Trim the common prefix/suffix so SequenceMatcher only sees the changed middle.
    p = 0
    n = min(len(a), len(b))
    while p < n and a[p] == b[p]:
        p += 1
    s = 0
    while s < n - p and a[len(a) - 1 - s] == b[len(b) - 1 - s]:
        s += 1
    sm = difflib.SequenceMatcher(None, a[p : len(a) - s], b[p : len(b) - s], autojunk=False)
    return [
        (i1 + p + oa, i2 + p + oa, j1 + p + ob, j2 + p + ob)
        for tag, i1, i2, j1, j2 in sm.get_opcodes()
        if tag != "equal"
    ]


def _aligned_cuts(a: str, b: str) -> list[tuple[int, int, int, int]]:
    """Cut a long ``a``/``b`` pair into chunks ``(a_start, b_start, a_end, b_end)``.

    Cuts are placed at a space of ``a`` whose next :data:`_ANCHOR` characters are
    found in ``b`` (the occurrence nearest the expected place).  Any cut keeps the diff valid (each
    chunk pair is diffed completely); good cuts just keep it minimal.
    """
    cuts = [(0, 0)]
    i = j = 0
    k = a.find(" ", DIFF_CHUNK)
    while k != -1 and len(a) - k > DIFF_CHUNK // 2:
        anchor = a[k : k + _ANCHOR]
        slack = 256 + (k - i) // 4
        expected = j + (k - i)
        lo, hi = max(j, expected - slack), expected + slack + _ANCHOR
        after = b.find(anchor, max(lo, expected), hi)
        before = b.rfind(anchor, lo, min(hi, expected + _ANCHOR - 1))
        found = [p for p in (after, before) if p != -1]
        if found:  # the occurrence nearest the expected place (text repeats itself)
            pos = min(found, key=lambda p: abs(p - expected))
            cuts.append((k, pos))
            i, j = k, pos
            k = a.find(" ", k + DIFF_CHUNK)
        else:
            k = a.find(" ", k + 1)
    cuts.append((len(a), len(b)))
    return [(ca, cb, ea, eb) for (ca, cb), (ea, eb) in zip(cuts, cuts[1:], strict=False)]


def diff_spans(a: str, b: str, max_context: int = MAX_CONTEXT) -> list[tuple[int, int, int, int]]:
    """Changed regions ``(i1, i2, j1, j2)`` of ``a`` -> ``b``, grown to non-space runs.

    >>> a, b = "Ecuadorâ\\x80\\x99s decision", "Ecuador’s decision"
    >>> [(a[i1:i2], b[j1:j2]) for i1, i2, j1, j2 in diff_spans(a, b)]
    [('Ecuadorâ\\x80\\x99s', 'Ecuador’s')]
    """
    raw: list[tuple[int, int, int, int]] = []
    for ca, cb, ea, eb in _aligned_cuts(a, b):
        raw += _char_changes(a[ca:ea], b[cb:eb], ca, cb)
    grown: list[list[int]] = []  # [i1, i2, j1, j2, core_i1, core_i2]
    for k, (i1, i2, j1, j2) in enumerate(raw):
        core_i1, core_i2 = i1, i2
        left_limit = max(raw[k - 1][1] if k else 0, i1 - max_context)
        right_limit = min(raw[k + 1][0] if k + 1 < len(raw) else len(a), i2 + max_context)
        while i1 > left_limit and not a[i1 - 1].isspace():
            i1 -= 1
            j1 -= 1
        while i2 < right_limit and not a[i2].isspace():
            i2 += 1
            j2 += 1
        if grown and i1 <= grown[-1][1]:  # same run as the previous change: merge
            grown[-1][1], grown[-1][3], grown[-1][5] = i2, j2, core_i2
        else:
            grown.append([i1, i2, j1, j2, core_i1, core_i2])
    out: list[tuple[int, int, int, int]] = []
    for i1, i2, j1, j2, core_i1, core_i2 in grown:
        # Unchanged brackets, quotes and sentence punctuation at the edges stay outside.
        while i1 < core_i1 and a[i1] in _EDGE_PUNCT:
            i1 += 1
            j1 += 1
        while i2 > core_i2 and a[i2 - 1] in _EDGE_PUNCT:
            i2 -= 1
            j2 -= 1
        out.append((i1, i2, j1, j2))
    return out


def _unneeded_transcodes(
    original: str, replacement: str, steps: tuple[tuple[str, str], ...]
) -> set[str]:
    """Rules of ``transcode`` steps this span does not need.

    ftfy's plan is for the whole line.  When replaying it on the span alone gives
    the span's replacement, a transcode step (``restore_byte_a0``,
    ``replace_lossy_sequences``) whose removal gives the same result played no
    part here.  Unsure (the plan does not replay on the span) -> nothing is dropped.
    """
    import ftfy

    try:
        if ftfy.apply_plan(original, list(steps)) != replacement:
            return set()
    except (UnicodeError, ValueError):
        return set()
    unneeded: set[str] = set()
    for param in {p for action, p in steps if action == "transcode"}:
        without = [st for st in steps if st != ("transcode", param)]
        try:
            if ftfy.apply_plan(original, without) == replacement:
                unneeded.add("FTFY_" + param.upper())
        except (UnicodeError, ValueError):
            continue
    return unneeded


def _span_rules(original: str, replacement: str, line: LineFix) -> tuple[str, ...]:
    """The line's ftfy steps that touched this span (all of them if unsure)."""
    from ftfy.chardata import C1_CONTROL_RE, HTML_ENTITY_RE
    from ftfy.fixes import unescape_html

    line_rules = line.rules
    picked: list[str] = []
    s = original
    if "FTFY_UNESCAPE_HTML" in line_rules and HTML_ENTITY_RE.search(s):
        picked.append("FTFY_UNESCAPE_HTML")
        s = unescape_html(s)
    if not s.isascii():
        unneeded = _unneeded_transcodes(original, replacement, line.steps)
        picked += [r for r in line_rules if r in _ENCODING_FAMILY and r not in unneeded]
        if "FTFY_FIX_C1_CONTROLS" in line_rules and C1_CONTROL_RE.search(s):
            picked.append("FTFY_FIX_C1_CONTROLS")
        if "FTFY_FIX_SURROGATES" in line_rules and any(0xD800 <= ord(c) < 0xE000 for c in s):
            picked.append("FTFY_FIX_SURROGATES")
    if "FTFY_REMOVE_TERMINAL_ESCAPES" in line_rules and "\x1b" in s:
        picked.append("FTFY_REMOVE_TERMINAL_ESCAPES")
    picked = [r for r in line_rules if r in picked]  # keep ftfy's order
    return tuple(picked) or line_rules


def span_fixes(text: str, config: TextFixerConfig | None = None) -> list[SpanFix]:
    """Every change ftfy makes to ``text``, as word-sized spans on ``text``."""
    config = config or ftfy_config(text)
    out: list[SpanFix] = []
    for lf in line_fixes(text, config):
        a, b = lf.original, lf.fixed
        sm_regions = diff_spans(a, b)
        for i1, i2, j1, j2 in sm_regions:
            orig, repl = a[i1:i2], b[j1:j2]
            # the minimal differing core, for the evidence
            p = 0
            while p < min(len(orig), len(repl)) and orig[p] == repl[p]:
                p += 1
            q = 0
            while q < min(len(orig), len(repl)) - p and orig[-1 - q] == repl[-1 - q]:
                q += 1
            core = (orig[p : len(orig) - q], repl[p : len(repl) - q])
            out.append(
                SpanFix(
                    lf.start + i1,
                    lf.start + i2,
                    orig,
                    repl,
                    core,
                    _span_rules(orig, repl, lf),
                    lf,
                )
            )
    return out
