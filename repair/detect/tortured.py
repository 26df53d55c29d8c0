"""Find paper-mill tortured phrases ("profound learning" for "deep learning").

Phrases of ``lexicons/tortured_phrases.tsv`` are matched case-insensitively on
the lossless tokens: a phrase is a run of non-space tokens (hyphens ignored, so
"feed-forward" matches "feed forward"), separated by spaces (at most one line
break) or hyphens.  The last word may be inflected ("irregular woodlands").

Start-up cost: the 7,500 phrases are parsed only when the document has a run of
units that begins some phrase (all its units but the last, and the last one's
first three letters: the prefilter keys, precomputed in
``lexicons/tortured_keys.txt`` by ``python scripts/build_tortured_keys.py`` with
a fingerprint of the phrase file; a stale file is ignored and the keys computed).
Most documents have none and never parse the phrase list.

Phrases no list has: windows whose habit words (the mills' thesaurus, learned from the
list, :mod:`repair.candidates.tortured_words`), put back, form a known term are findings
too (reason ``habit_term``, :func:`habit_findings`); they count like medium list matches.
With a known source among the references, the substitutions read off it are findings
(reason ``source_substitution``, :func:`source_findings`).

The document score squashes the weighted matches per 1,000 words,
``score = 1 - exp(-rate / RATE_SCALE)``; a strong match weighs 1, medium 0.7 and
weak 0.3 (weak phrases are ordinary-looking English).  With a known source among the
references (:mod:`repair.detect.tortured_source`), each substitution read off it
weighs 1 too (the score is the larger of the two).

>>> d = detect(Document("We train an irregular woodland and profound learning models."))
>>> [(f.data["entry"].tortured, f.reason) for f in d.findings]
[('irregular woodland', 'tortured_strong'), ('profound learning', 'tortured_medium')]
>>> d.score > 0.9
True
"""

from __future__ import annotations

import marshal
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from repair.document import Document
from repair.lexicons import LexiconError, read_tsv
from repair.types import Detection, Finding, Token

LEXICON = "tortured_phrases.tsv"
KEYS = "tortured_keys.txt"
_KEYS_MAGIC = "# repair-tortured-keys 1 "
_COLUMNS = 7
#: Weighted matches per 1,000 words giving score 1 - 1/e.  One strong phrase in a
#: 300-word abstract (3.3 per 1,000) scores 0.67; one weak match in a 1,000-word
#: news story (0.3) scores 0.1.
RATE_SCALE = 3.0
TIER_WEIGHT = {"strong": 1.0, "medium": 0.7, "weak": 0.3}
#: Weight of a phrase put back from the paper mills' habits (as a medium list match).
HABIT_WEIGHT = 0.7
_HYPHENS = frozenset("-‐‑")
_GAP_RE = re.compile(r"[ \t\u00a0]*\r?\n?[ \t\u00a0]*|[ \t\u00a0]*[-‐‑]+\s*")


@dataclass(frozen=True)
class Entry:
    """One lexicon line."""

    tortured: str
    replacements: tuple[str, ...]
    tier: str
    surprise: float
    min_zipf: float
    flags: frozenset[str]
    pps_expected: str
    units: tuple[str, ...]


#: The tokenizer's non-space tokens (repair.tokenize), as plain strings: 7,500
#: lexicon phrases are keyed at start-up, and Token objects cost 3x more.
_UNIT_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,:]\d+)*|[^\s]", re.DOTALL)


def phrase_units(phrase: str) -> tuple[str, ...]:
    """Matching key: lower-case non-space tokens, hyphens dropped, ’ → '."""
    return tuple(u.lower().replace("’", "'") for u in _UNIT_RE.findall(phrase) if u not in _HYPHENS)


def unit_text(t: Token) -> str:
    return t.text.lower().replace("’", "'")


def _hyphen(t: Token) -> bool:
    return t.kind == "punct" and t.text in _HYPHENS


@dataclass(frozen=True)
class Lexicon:
    entries: tuple[Entry, ...]
    #: first unit -> entries starting with it, longest first
    by_first: dict[str, tuple[Entry, ...]]


@lru_cache(maxsize=4)
def load_lexicon(name: str = LEXICON) -> Lexicon:
    """The tortured-phrase lexicon, read once; raises :class:`LexiconError` if malformed.

    The parsed rows come from the per-user cache when it has them (keyed by this file
    and the lexicon's content; see :mod:`repair.resources.cache`)."""
    from repair.lexicons import lexicon_path
    from repair.resources.cache import disk_cached

    rows = disk_cached(
        f"tortured-{name}", [lexicon_path(name), __file__], lambda: _entry_fields(name), list
    )
    entries = [Entry(*row) for row in rows]
    by_first: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        by_first[e.units[0]].append(e)
    return Lexicon(
        tuple(entries),
        {k: tuple(sorted(v, key=lambda e: -len(e.units))) for k, v in by_first.items()},
    )


#: :func:`find_matches` without a lexicon reads the entries of the first units the
#: prefilter points at only (:func:`_entries_of`), not the whole list: on a long text with
#: a few candidate runs (spun text meets some), ~8 MB of entries are not built (issue 14).
#: The same matches (the prefilter key of a matching run is its entry's: tested).
LAZY_ENTRIES = True


@lru_cache(maxsize=1)
def _rows_by_first() -> dict[str, bytes]:
    """The lexicon's rows by first unit, each group marshalled (file order), from the
    per-user cache: ~3 k small strings instead of ~7.5 k entries."""
    from repair.lexicons import lexicon_path
    from repair.resources.cache import disk_cached

    return disk_cached(  # type: ignore[no-any-return]
        f"tortured-by-first-{LEXICON}",
        [lexicon_path(LEXICON), __file__],
        lambda: _group_rows(_entry_fields(LEXICON)),
        dict,
    )


def _group_rows(rows: list[tuple]) -> dict[str, bytes]:
    groups: dict[str, list[tuple]] = defaultdict(list)
    for row in rows:
        groups[row[-1][0]].append(row)
    return {k: marshal.dumps(v) for k, v in groups.items()}


@lru_cache(maxsize=4_096)
def _entries_of(first: str) -> tuple[Entry, ...]:
    """``load_lexicon().by_first.get(first, ())``, built from that unit's rows only."""
    blob = _rows_by_first().get(first)
    if blob is None:
        return ()
    entries = [Entry(*row) for row in marshal.loads(blob)]
    return tuple(sorted(entries, key=lambda e: -len(e.units)))


def _entry_fields(name: str) -> list[tuple]:
    entries = []
    for i, row in enumerate(read_tsv(name), 1):
        if len(row) != _COLUMNS:
            raise LexiconError(
                f"{name}: data row {i} has {len(row)} columns, expected {_COLUMNS}; "
                "rebuild it with: python scripts/build_tortured.py"
            )
        tortured, repl, tier, surprise, min_zipf, flags, expected = row
        if tier not in TIER_WEIGHT:
            raise LexiconError(f"{name}: data row {i}: unknown tier {tier!r}")
        entries.append(
            (
                tortured,
                tuple(r.strip() for r in repl.split(" | ") if r.strip()),
                tier,
                float(surprise),
                float(min_zipf),
                frozenset(f for f in flags.split(",") if f and f != "-"),
                expected,
                phrase_units(tortured),
            )
        )
    return entries


def phrase_key(units: tuple[str, ...] | list[str]) -> str:
    """Prefilter key of a phrase (or a run of text units): the units but the last, and the
    last one's first three letters (the matcher's inflection guard)."""
    return " ".join([*units[:-1], units[-1][:3]])


def fingerprint() -> str:
    """BLAKE2b of the phrase file's bytes: the keys file is current when it records it.

    Memoised in the per-user cache by the file's (path, size, mtime_ns): hashing the
    657 KB file cost ~10 M instructions of every start."""
    from repair.lexicons import lexicon_path
    from repair.resources import digest as hashes
    from repair.resources.cache import stat_cached

    path = lexicon_path(LEXICON)

    def digest() -> str:
        return hashes.blake2b(path.read_bytes(), digest_size=12).hexdigest()

    return stat_cached("tortured-blake2b", [path], digest, kind=str)


def keys_text(lexicon: Lexicon | None = None) -> str:
    """The text of :data:`KEYS` for the shipped phrase file."""
    lex = lexicon or load_lexicon()
    pre = _prefilter_of(frozenset(phrase_key(e.units) for e in lex.entries))
    head = [
        _KEYS_MAGIC + fingerprint(),
        " ".join(map(str, pre.lengths)),
        " ".join(sorted(pre.firsts)),
    ]
    return "\n".join(head + sorted(pre.keys)) + "\n"


@dataclass(frozen=True)
class Prefilter:
    keys: frozenset[str]
    firsts: frozenset[str]
    lengths: tuple[int, ...]


@lru_cache(maxsize=1)
def prefilter() -> Prefilter:
    """The prefilter keys, from :data:`KEYS` when current, else from the phrase list."""
    from repair.lexicons import read_text

    try:
        lines = read_text(KEYS).split("\n")
    except LexiconError:
        lines = []
    if len(lines) > 3 and lines[0] == _KEYS_MAGIC + fingerprint():
        keys = frozenset(lines[3:])
        return Prefilter(
            keys - {""},
            frozenset(lines[2].split(" ")),
            tuple(int(n) for n in lines[1].split(" ")),
        )
    return _prefilter_of(frozenset(phrase_key(e.units) for e in load_lexicon().entries))


def _prefilter_of(keys: frozenset[str]) -> Prefilter:
    return Prefilter(
        keys,
        frozenset(k.split(" ", 1)[0] for k in keys),
        tuple(sorted({k.count(" ") + 1 for k in keys})),
    )


def may_match(keys: list[str], pre: Prefilter | None = None) -> bool:
    """Whether some run of the text units ``keys`` has a phrase's prefilter key."""
    pre = pre or prefilter()
    n = len(keys)
    if n >= PRUNED_MIN_UNITS:
        return _may_match_pruned(keys, pre)
    for i, k in enumerate(keys):
        if k not in pre.firsts:
            continue
        for m in pre.lengths:
            if i + m <= n and phrase_key(keys[i : i + m]) in pre.keys:
                return True
    return False


#: From this many units on, :func:`may_match` extends a run only while its units begin
#: some key (building that prefix set costs ~15 ms, repaid on long texts only).
PRUNED_MIN_UNITS = 20_000


@lru_cache(maxsize=4)
def _key_heads(pre: Prefilter) -> frozenset[str]:
    """Every run of whole units a prefilter key begins with ("a b" of "a b c xyz")."""
    heads = set()
    for k in pre.keys:
        parts = k.split(" ")[:-1]
        for j in range(1, len(parts) + 1):
            heads.add(" ".join(parts[:j]))
    return frozenset(heads)


def _may_match_pruned(keys: list[str], pre: Prefilter) -> bool:
    """:func:`may_match`, stopping a run as soon as its whole units begin no key."""
    heads, lengths, found = _key_heads(pre), frozenset(pre.lengths), pre.keys
    top = max(pre.lengths)
    n = len(keys)
    for i, k in enumerate(keys):
        if k not in pre.firsts:
            continue
        if 1 in lengths and k[:3] in found:
            return True
        head = k
        for m in range(2, min(top, n - i) + 1):
            if head not in heads:
                break
            if m in lengths and f"{head} {keys[i + m - 1][:3]}" in found:
                return True
            head = f"{head} {keys[i + m - 1]}"
    return False


#: From this many units on, :func:`_key_starts` extends a run only while its units begin
#: some key (:func:`_key_heads`, ~15 ms once a process; at 2,000 units a 50 k-character
#: text cost +85 M instructions of 13.6 G: the plain scan is cheaper below this).
PRUNED_STARTS_UNITS = 20_000


def _key_starts(keys: list[str], pre: Prefilter | None = None) -> set[int]:
    """The units at which some run of ``keys`` has a phrase's prefilter key: the only
    places a lexicon phrase can match (its units but the last are the run's, and the
    last one's first three letters too)."""
    pre = pre or prefilter()
    firsts, found = pre.firsts, pre.keys
    n = len(keys)
    out: set[int] = set()
    if n < PRUNED_STARTS_UNITS:
        for i, k in enumerate(keys):
            if k in firsts and any(
                i + m <= n and phrase_key(keys[i : i + m]) in found for m in pre.lengths
            ):
                out.add(i)
        return out
    heads, lengths, top = _key_heads(pre), frozenset(pre.lengths), max(pre.lengths)
    for i, k in enumerate(keys):  # as _may_match_pruned
        if k not in firsts:
            continue
        if 1 in lengths and k[:3] in found:
            out.add(i)
            continue
        head = k
        for m in range(2, min(top, n - i) + 1):
            if head not in heads:
                break
            if m in lengths and f"{head} {keys[i + m - 1][:3]}" in found:
                out.add(i)
                break
            head = f"{head} {keys[i + m - 1]}"
    return out


@lru_cache(maxsize=50_000)
def _lemmas(word: str) -> frozenset[str]:
    from repair.resources.lemmas import getAllLemmas

    out = {word}
    for upos, lemmas in getAllLemmas(word).items():
        if upos in ("NOUN", "VERB"):
            out.update(lemmas)
    return frozenset(out)


def _units(doc: Document) -> list[Token]:
    return [t for t in doc.tokens if t.kind != "space" and not _hyphen(t)]


def _joined(text: str, a: Token, b: Token) -> bool:
    return _GAP_RE.fullmatch(text[a.end : b.start]) is not None


def find_matches(doc: Document, lexicon: Lexicon | None = None) -> list[Finding]:
    """Leftmost-longest, non-overlapping matches of lexicon phrases in ``doc``."""
    units = _units(doc)
    keys = [unit_text(t) for t in units]
    if lexicon is None and not may_match(keys):
        return []
    starts: set[int] | None = None
    if lexicon is None and LAZY_ENTRIES:
        starts = _key_starts(keys)  # no entry matches at any other unit
        by_first: dict[str, tuple[Entry, ...]] = {keys[i]: _entries_of(keys[i]) for i in starts}
    else:
        by_first = (lexicon or load_lexicon()).by_first
    found: list[Finding] = []
    n_units = len(units)
    i = 0
    while i < n_units:
        hit = None
        if starts is not None and i not in starts:
            i += 1
            continue
        for e in by_first.get(keys[i], ()):
            eu = e.units
            n = len(eu)
            if hit is not None and n < hit[1]:
                break  # an inflected match of this length, and no exact one
            if i + n > n_units:
                continue
            # the units before the last are the entry's (the one before the last first:
            # a cheap compare that rejects most entries before any slice)
            if n > 1 and (
                keys[i + n - 2] != eu[n - 2]
                or (n == 3 and keys[i] != eu[0])
                or (n > 3 and tuple(keys[i : i + n - 2]) != eu[: n - 2])
            ):
                continue
            last = keys[i + n - 1]
            if last != e.units[-1] and (
                not units[i + n - 1].is_word
                or last[:3] != e.units[-1][:3]  # cheap guard before lemmatizing
                or e.units[-1] not in _lemmas(last)
            ):
                continue
            if not all(_joined(doc.text, units[k], units[k + 1]) for k in range(i, i + n - 1)):
                continue
            if last == e.units[-1]:
                hit = (e, n, False)
                break
            hit = hit or (e, n, True)
        if hit is None:
            i += 1
            continue
        e, n, inflected = hit
        start, end = units[i].start, units[i + n - 1].end
        found.append(
            Finding(
                start,
                end,
                "tortured",
                f"tortured_{e.tier}",
                TIER_WEIGHT[e.tier],
                {"entry": e, "inflected": inflected},
            )
        )
        i += n
    return found


#: A substitution read off a known source stands where a list match overlaps it (the list
#: match is dropped; it still counts for the document score): the source prints the
#: author's word, the list's confidence is a guess ("preparation set" was a list match at
#: 0.45, under the edit bar, and hid the source's "preparation" -> "training").  ON
#: (session 48, spintort48; ``python benchmarks/spin_eval.py --all --split dev
#: --references``, with :mod:`repair.detect.tortured_source`'s ``SOURCE_PRINTED`` and
#: ``MAX_WORDS`` 4): tortured dev 0.996 -> 1.000; every other row the same without it.
#: Test (read once, all three rules): tortured 0.995 -> 1.000.  Without references nothing
#: changes.
SOURCE_OVER_LIST = True


def source_findings(doc: Document, taken: list[Finding]) -> tuple[list[Finding], float]:
    """Substitutions read off a known source among the references
    (:mod:`repair.detect.tortured_source`), outside the list matches ``taken`` (all of
    them with :data:`SOURCE_OVER_LIST`), and the source's copy ratio (0 without
    references)."""
    if not doc.references:
        return [], 0.0
    from repair.detect import tortured_source

    spans, ratio = tortured_source.find(doc)
    out = [
        Finding(s.start, s.end, "tortured", "source_substitution", 0.0, {"source": s})
        for s in spans
        if SOURCE_OVER_LIST or not any(f.start < s.end and s.start < f.end for f in taken)
    ]
    return out, ratio


def habit_findings(
    doc: Document,
    taken: list[Finding],
    declined: list[tuple[int, int, str]] | None = None,
) -> tuple[list[Finding], dict[str, int]]:
    """Tortured phrases no list has, put back from the paper mills' word habits
    (:mod:`repair.detect.tortured_habits`, decided by :mod:`repair.score.tortured_habits`),
    outside the list matches ``taken``; and the count of each decision's reason. The
    spans of the terms left, with their first reason, are appended to ``declined``."""
    from repair.detect import tortured_habits
    from repair.score import tortured_habits as decide_habits

    found = [
        h
        for h in tortured_habits.find(doc)
        if not any(f.start < h.tokens[-1].end and h.tokens[0].start < f.end for f in taken)
    ]
    if not found:
        return [], {}
    decisions = decide_habits.decide(found, len(taken), len(doc.words))
    reasons: dict[str, int] = defaultdict(int)
    for d in decisions:
        reasons[d.reasons[0] if d.reasons else "applied"] += 1
        if declined is not None and not d.applied:  # RepairConfig.keep_declined
            a, b = d.term.tokens[d.term.changed[0]].start, d.term.tokens[d.term.changed[-1]].end
            declined.append((a, b, d.reasons[0] if d.reasons else "declined"))
    out = [
        Finding(
            d.term.tokens[d.term.changed[0]].start,
            d.term.tokens[d.term.changed[-1]].end,
            "tortured",
            "habit_term",
            d.confidence,
            {"habit": d},
        )
        for d in decisions
        if d.applied
    ]
    return out, dict(reasons)


def detect(doc: Document, lexicon: Lexicon | None = None) -> Detection:
    """Matches and the document tortured score in [0, 1] (list matches only; with a
    known source among the references, its substitutions are findings too)."""
    findings = find_matches(doc, lexicon)
    sourced, copy_ratio = source_findings(doc, findings)
    declined: list[tuple[int, int, str]] | None = [] if doc.config.keep_declined else None
    habits, habit_reasons = habit_findings(doc, findings + sourced, declined)
    n_words = len(doc.words)
    weight = sum(f.score for f in findings) + HABIT_WEIGHT * len(habits)
    rate = 1000.0 * weight / n_words if n_words else 0.0
    score = 1.0 - math.exp(-rate / RATE_SCALE) if weight else 0.0
    distinct = sorted({f.data["entry"].tortured for f in findings})
    tiers: dict[str, int] = defaultdict(int)
    for f in findings:
        tiers[f.data["entry"].tier] += 1
    details = {
        "words": n_words,
        "matches": len(findings),
        "distinct_phrases": len(distinct),
        "by_tier": dict(tiers),
        "weighted_per_1000_words": round(rate, 3),
        "phrases": distinct[:20],
    }
    if copy_ratio:
        details["source_copy_ratio"] = round(copy_ratio, 3)
        details["source_substitutions"] = len(sourced)
        if sourced:  # substitutions read off the known source count like strong matches
            src_rate = 1000.0 * len(sourced) / n_words if n_words else 0.0
            score = max(score, 1.0 - math.exp(-src_rate / RATE_SCALE))
    if habit_reasons:
        details["habit_terms"] = len(habits)
        details["habit_decisions"] = habit_reasons
    if declined:
        details["declined_spans"] = sorted(set(declined))
    if SOURCE_OVER_LIST and sourced:  # the source's reading of a span stands
        findings = [
            f for f in findings if not any(s.start < f.end and f.start < s.end for s in sourced)
        ]
    findings = findings + sourced + habits
    keep = findings or copy_ratio or habit_reasons
    return Detection(tuple(findings), score, details if keep else {})
