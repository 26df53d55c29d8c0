"""Spinner-agnostic spin candidates: which ordinary words could a written word have replaced?

A synonym spinner writes ``s`` where the source had ``o``.  For any content word
we look ``s`` up in a reverse synonym table (``lexicons/spin_synonyms.tsv``,
WordNet 3.0 senses and mutual Moby listings, built by
``scripts/build_spin_synonyms.py``) by its lemmas (lemminflect), and inflect
each original ``o`` the way ``s`` is inflected ("advised" -> "told" needs the
past tense of "tell").  The table is read once and cached; each word form is
resolved once per process (:func:`originals_of`).

Cold start: that resolution is a pure function of the word, the table and
lemminflect's data, so ``scripts/build_spin_synonyms.py`` also writes its result for
every word form lemminflect knows, every one-word lemma of the table and the regular
inflections of its WordNet lemmas that lemminflect does not know (:func:`oov_forms`)
(``lexicons/spin_synonym_forms.tsv``, only the forms with candidates; any other form has
none).  :func:`originals_of` reads that
file and needs neither lemminflect (numpy, its lemma table) nor the reverse table
at run time.  The file records a fingerprint of the table and of the installed
lemminflect; when either differs, :func:`originals_of` computes live
(:func:`originals_of_live`), so the answer never changes, only its cost.
"""

from __future__ import annotations

import re
from functools import lru_cache
from sys import intern

from repair.lexicons import LexiconError, format_header, lexicon_path, read_text, read_tsv
from repair.resources import digest as hashes
from repair.resources.cache import stat_cached
from repair.resources.sorted_lines import SortedLines, indexed

TABLE = "spin_synonyms.tsv"
#: :func:`originals_of_live` precomputed per word form (see the module doc).
FORMS = "spin_synonym_forms.tsv"
FORMS_COLUMNS = ("written", "originals")
_FINGERPRINT = "# fingerprint: "
_UPOS = ("NOUN", "VERB", "ADJ", "ADV")
#: Words a spinner leaves alone, and too short to be worth a look.
STOPWORDS = frozenset(
    """a an the and or but if then than so as of at by for from in into on onto to up down
    with without about above below over under out off through during after before again
    once here there when where why how all any both each few more most other some such no
    nor not only own same too very can will just should now is are was were be been being
    have has had having do does did doing i me my we our you your he him his she her it its
    they them their what which who whom this that these those am would could might must may
    shall also however while because until although though since yet still even ever
    one two three four five six seven eight nine ten mr mrs ms per via""".split()
)


@lru_cache(maxsize=1)
def reverse_table() -> dict[tuple[str, str], tuple[str, ...]]:
    """``(spun lemma, upos or '*') -> originals`` from :data:`TABLE` (schema checked)."""
    out: dict[tuple[str, str], tuple[str, ...]] = {}
    for n, row in enumerate(read_tsv(TABLE), 1):
        if len(row) != 3 or not row[0] or not row[2] or row[1] not in (*_UPOS, "*"):
            msg = f"{TABLE}: data row {n}: need 'spun<TAB>upos<TAB>originals'"
            raise LexiconError(f"{msg}: {row!r}")
        out[(row[0], row[1])] = tuple(row[2].split(","))
    return out


@lru_cache(maxsize=50_000)
def _forms(lemma: str) -> dict[str, tuple[str, ...]]:
    """lemminflect's inflections of ``lemma`` (all parts of speech), read once per lemma
    (lemminflect deep-copies its table on every call).  Read-only."""
    from repair.resources.lemmas import getAllInflections

    return getAllInflections(lemma)


@lru_cache(maxsize=50_000)
def _tags(word: str, lemma: str, upos: str) -> tuple[str, ...]:
    from lemminflect.core.LexicalUtils import uposToTags

    tags = uposToTags(upos)
    forms = _forms(lemma)
    return tuple(t for t, f in forms.items() if t in tags and f and f[0] == word)


@lru_cache(maxsize=200_000)
def _inflect(lemma: str, tag: str) -> str:
    """``lemminflect.getInflection(lemma, tag)[0]`` (or ""), from the per-lemma cache."""
    from lemminflect.core.LexicalUtils import pennTagAlts, tagToUPos

    from repair.resources.lemmas import getAllInflectionsOOV, getInflection

    upos = tagToUPos(tag)
    if upos == "PROPN" or lemma != lemma.lower():
        return (getInflection(lemma, tag) or ("",))[0]
    forms = _forms(lemma)
    form = forms.get(tag)
    if form is None:
        for alt in pennTagAlts(tag):
            form = forms.get(alt)
            if form:
                break
    if form is None:
        form = getAllInflectionsOOV(lemma, upos).get(tag)
    return (form or ("",))[0]


def spelling_variant(a: str, b: str) -> bool:
    """Same word, other spelling ("armoured"/"armored", "recognising"/"realizing" is not).

    A spinner swaps words, not spellings; British and American forms are honest.
    """
    if a == b:
        return True
    if a[:2] != b[:2] or abs(len(a) - len(b)) > 3:
        return False
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b).ratio() >= 0.8


#: British and American spellings of one word, as (pattern, replacement) applied in turn
#: before two forms are compared (:func:`spelling_only`): -our/-or, -ise/-ize, -yse/-yze,
#: -tre/-ter, -ence/-ense, doubled l, ae/oe for e.
_SPELLINGS = (
    (re.compile(r"our"), "or"),
    (re.compile(r"is(e|es|ed|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"ys(e|es|ed|ing)$"), r"yz\1"),
    (re.compile(r"tre(s?)$"), r"ter\1"),
    (re.compile(r"ence(s?)$"), r"ense\1"),
    (re.compile(r"ll"), "l"),
    (re.compile(r"(?<=.)[ao]e"), "e"),
)


def _spelled(word: str) -> str:
    """``word`` with the alternations of :data:`_SPELLINGS` made American."""
    for pat, rep in _SPELLINGS:
        word = pat.sub(rep, word)
    return word


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by at most one insertion, deletion, substitution or
    transposition of two neighbouring letters."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        swapped = i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i]
        return a[i + 1 :] == b[i + 1 :] or (swapped and a[i + 2 :] == b[i + 2 :])
    long, short = (a, b) if len(a) > len(b) else (b, a)
    return long[i + 1 :] == short[i:]


def spelling_only(a: str, b: str) -> bool:
    """Same word, other spelling, in the narrow sense: :func:`spelling_variant` and, once the
    British and American alternations are made one (:func:`_spelled`), one letter apart
    (an edit or a swap: "kilometres") or a dropped final "ue"/"me" ("dialogue",
    "programme").  Derived words of one stem that the loose test also joins ("strategical"
    / "strategic", "frail" / "fragile", "clime" / "climate") are other words: a thesaurus
    spinner writes one for the other.

    >>> spelling_only("defence", "defense"), spelling_only("neighbours", "neighbors")
    (True, True)
    >>> spelling_only("strategical", "strategic"), spelling_only("frail", "fragile")
    (False, False)
    """
    if not spelling_variant(a, b):
        return False
    x, y = _spelled(a), _spelled(b)
    if _one_edit(x, y):
        return True
    long, short = (x, y) if len(x) > len(y) else (y, x)
    return long in (short + "ue", short + "me")


#: Candidates that the loose spelling test (:func:`spelling_variant`) would drop but
#: :func:`spelling_only` keeps (derived words of one stem) are kept.
DERIVED = True


#: Per-word memos of lemminflect's lemma look-ups (:func:`_lemma_pos`, :func:`readings_of`):
#: ``getAllLemmas`` deep-copies its answer on every call, and the reverse readings ask it
#: about each original once per part of speech (issue 14, session 33: ~8 % of a rare-spun
#: ``repair fix``); off: one ``getAllLemmas`` call per ``(word, part of speech)``, as before.
LEMMA_MEMO = True
#: The distinct part-of-speech sets :func:`_lemma_pos` gives, each held once.
_POS_SETS: dict[frozenset[str], frozenset[str]] = {}


@lru_cache(maxsize=50_000)
def _lemma_pos(word: str) -> frozenset[str]:
    """The parts of speech of which lemminflect knows ``word`` as a lemma (one
    ``getAllLemmas`` call per word; each distinct set shared)."""
    from repair.resources.lemmas import getAllLemmas

    pos = frozenset(u for u, found in getAllLemmas(word).items() if word in found)
    return _POS_SETS.setdefault(pos, pos)


@lru_cache(maxsize=50_000)
def _is_lemma(word: str, upos: str) -> bool:
    """Whether lemminflect knows ``word`` as a lemma of part of speech ``upos``."""
    if LEMMA_MEMO:
        return upos in _lemma_pos(word)
    from repair.resources.lemmas import getAllLemmas

    return word in getAllLemmas(word).get(upos, ())


@lru_cache(maxsize=4_096)
def _readings(word: str) -> dict[str, tuple[str, ...]]:
    from repair.resources.lemmas import getAllLemmas

    return getAllLemmas(word)


def readings_of(word: str) -> dict[str, tuple[str, ...]]:
    """``getAllLemmas(word)``: with :data:`LEMMA_MEMO`, one shared answer per recent word
    (the reverse and wide reverse readings ask about the same written word); read-only."""
    if LEMMA_MEMO:
        return _readings(word)
    from repair.resources.lemmas import getAllLemmas

    return getAllLemmas(word)


def _table_digest() -> str:
    """The first 16 hex digits of :data:`TABLE`'s sha256, memoised in the per-user
    cache by the file's (size, mtime_ns): hashing 3 MB costs ~10 ms of every start."""
    path = lexicon_path(TABLE)

    def digest() -> str:
        return hashes.sha256(path.read_bytes()).hexdigest()[:16]

    return stat_cached("spin-table-sha256", [path], digest, kind=str)


def fingerprint() -> str:
    """What :func:`originals_of_live` depends on besides the word: the table's sha256
    and the installed lemminflect (version and data file sizes), read without importing it."""
    from repair.resources.lemminflect_stamp import lemminflect_stamp

    return f"table={_table_digest()}; {lemminflect_stamp()}"


@lru_cache(maxsize=1)
def precomputed() -> SortedLines[str] | None:
    """``word -> comma-joined originals`` from :data:`FORMS` (looked up in place, see
    :class:`~repair.resources.sorted_lines.SortedLines`: the file is sorted), or None
    when it is missing, malformed or stale (its fingerprint is not :func:`fingerprint`)."""
    try:
        text = read_text(FORMS)
    except LexiconError:
        return None
    # positions, not partitions: each partition of the rest would copy ~6 MB
    cut = text.find("\n")
    header = text if cut < 0 else text[:cut]
    if header.strip() != format_header(FORMS_COLUMNS):
        raise LexiconError(f"{FORMS}, line 1: expected {format_header(FORMS_COLUMNS)!r}")
    stamp, pos = None, len(text) if cut < 0 else cut + 1
    while text.startswith("#", pos):  # comments head the file only
        cut = text.find("\n", pos)
        end = len(text) if cut < 0 else cut
        if text.startswith(_FINGERPRINT, pos):
            stamp = text[pos + len(_FINGERPRINT) : end].strip()
        pos = end if cut < 0 else cut + 1
    if pos < len(text) and not text.endswith("\n"):
        text += "\n"
    # cheap check on every load: the first and last rows have the shape of a row
    last = text.rfind("\n", pos, len(text) - 1) + 1 or pos
    for row in (text[pos : text.find("\n", pos) + 1], text[last:]):
        if row and (row.count("\t") != 1 or row.startswith("\t") or "\t\n" in row):
            _check_rows(text, text[pos:])
    # the whole check once per file version (memoised by its size and mtime_ns)
    stat_cached(
        "spin-forms-checked",
        [lexicon_path(FORMS)],
        lambda: _check_rows(text, text[pos:]),
        kind=bool,
        extra=f"{len(text)} {_check_rows.__code__.co_code.hex()}",
    )
    return indexed(FORMS, lexicon_path(FORMS), text, pos) if stamp == fingerprint() else None


def _check_rows(text: str, body: str) -> bool:
    """True, or :class:`LexiconError` at the first row of ``body`` (the data rows of
    ``text``) that is not ``written<TAB>originals`` with two non-empty cells."""
    empty_cell = body.startswith(("\t", "\n")) or any(
        pair in body for pair in ("\t\t", "\t\n", "\n\t", "\n\n")
    )
    if body.count("\t") != body.count("\n") or empty_cell:
        first = text.count("\n", 0, len(text) - len(body)) + 1
        for n, line in enumerate(body.splitlines(), first):
            if line.count("\t") != 1 or "" in line.split("\t"):
                raise LexiconError(f"{FORMS}, line {n}: need 'written<TAB>originals': {line!r}")
    return True


def forms_text() -> str:
    """The text of :data:`FORMS` for the current table and lemminflect (build scripts)."""
    from lemminflect.core.Lemmatizer import Lemmatizer

    from repair.resources.lemmas import getAllLemmas

    getAllLemmas("the")  # loads the dictionaries (or repair.resources.lemmas' tables)
    lem = Lemmatizer()
    known = {w.lower() for w in (*lem._getLemmaDict(), *lem._getOverridesDict())}
    # and the table's own one-word lemmas that lemminflect does not know (read as lemmas)
    table = reverse_table()
    words = sorted(
        known
        | {s for s, _u in table if s.isalpha() and s.islower()}
        | (oov_forms(table) if OOV_FORMS else set())
    )
    rows = [(w, originals_of_live(w)) for w in words]
    lines = [
        format_header(FORMS_COLUMNS),
        f"# {FORMS}: originals_of() of repair.candidates.spin_synonyms for every word form",
        "#   lemminflect knows, every one-word lemma of the table and the regular inflections",
        "#   of its WordNet lemmas that lemminflect does not know, when it has candidates",
        "#   (any other form has none); derived from",
        f"#   {TABLE} (same sources and licences) and lemminflect's lemma and inflection data",
        "#   (MIT). Built by scripts/build_spin_synonyms.py; stale when the fingerprint differs.",
        f"{_FINGERPRINT}{fingerprint()}",
        *(f"{w}\t{','.join(o)}" for w, o in rows if o),
    ]
    return "\n".join(lines) + "\n"


@lru_cache(maxsize=100_000)
def originals_of(word: str) -> tuple[str, ...]:
    """Candidate originals of the lower-case ``word``, inflected like it (may be empty).

    Ambiguous inflections (a form that is two tags whose originals differ) are skipped.
    Read from :data:`FORMS` when it is current, else :func:`originals_of_live`.
    """
    table = precomputed() if word.islower() else None  # the table holds lower-case forms
    if table is None:
        return originals_of_live(word)
    origs = table.get(word)
    # each original once per process, shared by every row that lists it (the memo's
    # 100 k rows repeat a few thousand originals: issue 14, session 33)
    return tuple(map(intern, origs.split(","))) if origs else ()


def originals_of_live(word: str) -> tuple[str, ...]:
    """:func:`originals_of` computed with lemminflect and the reverse table."""
    if word in STOPWORDS or len(word) < 3 or not word.isalpha():
        return ()
    table = reverse_table()
    out: list[str] = []
    readings = readings_of(word)
    oov: dict[str, tuple[str, ...]] = {}
    if not readings:
        # a word lemminflect does not know ("endangerment", "betwixt") is read as its own
        # lemma in every part of speech the table lists it under (no inflection)
        readings = {u: (word,) for u in _UPOS if (word, u) in table or (word, "*") in table}
        if OOV_FORMS:  # ... or as a regular form of a table lemma ("orbiters", "copped")
            # (where the word has no WordNet row of its own for that part of speech)
            oov = {u: r for u, r in _oov_readings(word, table).items() if (word, u) not in table}
            readings = {**readings, **oov}
    # WordNet's rows of every reading first, then Moby's (looser) listings
    passes = [
        (upos, lemmas[0], moby)
        for moby in (False, True)
        for upos, lemmas in readings.items()
        if upos in _UPOS and lemmas
    ]
    for upos, lemma, moby in passes:
        if moby:
            origs = tuple(o for o in table.get((lemma, "*"), ()) if _is_lemma(o, upos))
        else:
            origs = table.get((lemma, upos), ())
        if not origs:
            continue
        add_inflected(out, word, lemma, upos, origs, oov.get(upos) if lemma != word else None)
    return tuple(out)


#: A written word lemminflect does not know is also read as a regular inflection of a
#: lemma of the table (lemminflect's rules for unknown words: "orbiters" -> "orbiter",
#: "copped" -> "cop"), with the originals inflected alike (:func:`_oov_readings`).
#: Spinners write rare words, whose inflected forms lemminflect's dictionary often lacks.
OOV_FORMS = True


def _oov_readings(
    word: str, table: dict[tuple[str, str], tuple[str, ...]]
) -> dict[str, tuple[str, ...]]:
    """``upos -> (lemma, *tags)`` for each part of speech whose rule-made lemma of the
    unknown ``word`` is another word with a WordNet row of that part of speech in ``table``
    and inflects by the same rules to ``word`` under ``tags``."""
    from repair.resources.lemmas import getAllInflectionsOOV, getAllLemmasOOV

    out: dict[str, tuple[str, ...]] = {}
    for upos in _UPOS:
        lemmas = getAllLemmasOOV(word, upos).get(upos, ())
        lemma = lemmas[0] if lemmas else ""
        if not lemma or lemma == word or not lemma.isalpha():
            continue
        if (lemma, upos) not in table:
            continue
        forms = getAllInflectionsOOV(lemma, upos)
        tags = tuple(t for t, f in forms.items() if f and f[0] == word)
        if tags:
            out[upos] = (lemma, *tags)
    return out


def oov_forms(table: dict[tuple[str, str], tuple[str, ...]]) -> set[str]:
    """Regular inflections (lemminflect's rules) of the table's one-word WordNet lemmas that
    lemminflect does not know as forms: the unknown words :func:`_oov_readings` can read
    (build time: :func:`forms_text` precomputes them)."""
    from repair.resources.lemmas import getAllInflectionsOOV, getAllLemmas

    out: set[str] = set()
    for lemma, upos in table:
        if upos not in _UPOS or not lemma.isalpha() or not lemma.islower():
            continue
        for forms in getAllInflectionsOOV(lemma, upos).values():
            out.update(f for f in forms if f.isalpha() and f != lemma and not getAllLemmas(f))
    return out


def add_inflected(
    out: list[str],
    word: str,
    lemma: str,
    upos: str,
    origs: tuple[str, ...],
    oov: tuple[str, ...] | None = None,
) -> None:
    """Append to ``out`` each original of ``origs`` inflected as ``word`` inflects ``lemma``
    (one form only; a lemma's originals as they are), skipping non-words, repeats and
    spelling variants of ``word``.  ``oov``: ``(lemma, *tags)`` of a word lemminflect does
    not know (:func:`_oov_readings`): its tags."""
    if oov is not None and oov[0] == lemma:
        tags = oov[1:]
    else:
        tags = _tags(word, lemma, upos) if word != lemma else ()
    for orig in origs:
        if tags:
            forms = {_inflect(orig, t) for t in tags}
            if len(forms) != 1:
                continue
            form = forms.pop()
        elif word == lemma:
            form = orig
        else:
            continue
        if form and form not in out and form.isalpha() and not _same_word(word, form):
            out.append(form)


def _same_word(word: str, form: str) -> bool:
    """Whether ``form`` is ``word`` in another spelling (no candidate): :func:`spelling_only`
    with :data:`DERIVED`, else the loose :func:`spelling_variant`."""
    return spelling_only(word, form) if DERIVED else spelling_variant(word, form)


@lru_cache(maxsize=1)
def phrase_table() -> dict[tuple[str, str], tuple[tuple[str, str], ...]]:
    """``(first, second) -> ((upos, original), ...)``: the two-word spun lemmas of
    :data:`TABLE` (WordNet multiword lemmas: "adult male" -> "man") with their one-word
    originals."""
    out: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for (spun, upos), origs in reverse_table().items():
        parts = spun.split(" ")
        if len(parts) != 2 or upos == "*" or not all(p.isalpha() for p in parts):
            continue
        row = out.setdefault((parts[0], parts[1]), [])
        row.extend((upos, o) for o in origs if o.isalpha() and o not in parts)
    return {k: tuple(v) for k, v in out.items() if v}


@lru_cache(maxsize=1)
def _phrase_heads() -> tuple[frozenset[str], frozenset[str]]:
    """First words of two-word noun rows, second words of two-word verb rows (a span
    whose head is inflected can only match through them)."""
    rows = phrase_table()
    nouns = frozenset(k[0] for k, v in rows.items() if any(u == "NOUN" for u, _ in v))
    verbs = frozenset(k[1] for k, v in rows.items() if any(u == "VERB" for u, _ in v))
    return nouns, verbs


@lru_cache(maxsize=100_000)
def phrase_originals(first: str, second: str) -> tuple[str, ...]:
    """One-word candidate originals of the written lower-case two-word span
    ``first second``, inflected like it (may be empty).

    The span is looked up as written, then with its head lemmatized (lemminflect): the
    last word of a noun phrase ("adult females" -> "adult female" -> "women"), the first
    word of a verb phrase ("arrived at" -> "arrive at" -> "reached").  Ambiguous
    inflections (two tags whose original forms differ) are skipped, as in
    :func:`originals_of_live`.
    """
    table = phrase_table()
    firsts, seconds = _phrase_heads()
    if (first, second) not in table and first not in firsts and second not in seconds:
        return ()
    out: list[str] = []

    def add(form: str) -> None:
        if form and form.isalpha() and form not in out and form not in (first, second):
            out.append(form)

    for _upos, orig in table.get((first, second), ()):
        add(orig)
    heads = {"NOUN": (1, second), "VERB": (0, first)}
    for upos, (i, word) in heads.items():
        if (i == 1 and first not in firsts) or (i == 0 and second not in seconds):
            continue
        from repair.resources.lemmas import getAllLemmas

        for lemma in getAllLemmas(word).get(upos, ())[:1]:
            if lemma == word:
                continue
            key = (lemma, second) if i == 0 else (first, lemma)
            rows = [o for u, o in table.get(key, ()) if u == upos]
            tags = _tags(word, lemma, upos) if rows else ()
            for orig in rows if tags else ():
                forms = {_inflect(orig, t) for t in tags}
                if len(forms) == 1:
                    add(forms.pop())
    return tuple(out)
