"""Whether a print is garbled in its own line: the OCR damage around it, not on the page.

A page-evidence reading that reaches far ("Muior" two edits from the page's "Major",
"Wiles", a word itself, one glyph from the page's "Wales") is as likely right as the
print beside it is damaged.  On a heavily garbled page a clean line still stands beside
a damaged one: a name the page prints once, on a clean line, is mostly the writer's
("Priya" beside "Prime", "Nauen" beside "Laden"), while a print among broken words is
mostly the OCR's ("Cmincil" in "tho Cmincil wa» nskod").  This module measures the
print's own printed line (the print itself left out; widened to the lines before and
after while it holds fewer than :data:`MIN_WORDS` words) and counts its **damaged**
printed chunks (the text between two spaces), each one of:

* a glyph run broken by a mark inside it ("wa»", "Smi!th", "l'te" is a word's
  apostrophe, no mark) or by a digit ("Mi1lion", "0ctober"; "12th" is a figure);
* a letter run that is no clean form (no known word, no period word, no listed name)
  and no word the page prints :data:`PAGE_WORD` times ("nskod", "tlie"), nor two known
  words run together (:data:`SPACING_ONLY`: "oflarger" is spacing damage, every glyph
  as printed);
* a word the detector flags (``suspects``: the OCR detector's findings, "tho", "aud").

:func:`garbled_line` is true when at least :data:`MIN_DAMAGED` chunks and a share
:data:`MIN_SHARE` of them are damaged.  :mod:`repair.candidates.ocr_docname` reads a
two-edit name (:data:`TWO_EDITS`) and a print that is itself a word (:data:`REAL_WORDS`)
only there.

In a list of names neither is read (:data:`LIST_GUARD`, :func:`in_name_list`, session 65):
every capitalised word there is another person.

Switches: :data:`TWO_EDITS`, :data:`REAL_WORDS` (issue 12, session 64; figures in
``benchmarks/RESULTS.md``, "Session 64, ocrnames"), :data:`LIST_GUARD` (session 65,
"Session 65, ocrnames").

>>> from repair.tokenize import tokenize
>>> toks = tokenize("the Muior said tlie Cmincil wa» nskod to\\n"
...                 "Priya Singh, the chair, said on Monday.")
>>> [toks[i].text for i in (2, 17)], garbled_line(toks, 2), garbled_line(toks, 17)
(['Muior', 'Priya'], True, False)
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from repair.types import Token

#: Two-edit page names (:mod:`repair.candidates.ocr_docname`) are read on a print whose
#: own line is garbled (:func:`garbled_line`), on any garbled page.  ON (issue 12, session
#: 64, ocrnames; with :data:`REAL_WORDS`): ICDAR-only proxy dev 4,700 / 7,800 -> 4,695 /
#: 7,791, shipped SMH dev 4,206 / 6,869 -> 4,202 / 6,863 ("Muior" -> Major, "Willina" ->
#: William); audit dev, light suite, census, clean English and the speed suite's OCR 100 k
#: text unchanged ("Priya" / "Nauen" stand on clean lines).  Figures and the test halves
#: in benchmarks/RESULTS.md, "Session 64, ocrnames".  Turned **off** by the session 64 lead:
#: the test halves (read once) lose, proxy 5,620 / 9,161 -> 5,620 / 9,164 and SMH 5,299 /
#: 8,611 -> 5,301 / 8,616, every loss a clean surname of a name list read as a common name
#: ("Rowett" -> Robert, "Marr" -> Mary); a name-list guard would have to be tuned afresh.
TWO_EDITS = False
#: ... for a print the page prints at most this often: a garble two edits deep repeated
#: letter for letter is the writer's form ("Thsss" x2 beside "This" in a play's sound
#: effects, the light suite; every two-edit reading of SMH dev is of a print printed once).
TWO_EDIT_MAX_PRINTS = 1
#: Prints that are words are read as a page name one glyph away where the own line is
#: garbled at :data:`REAL_MIN_SHARE` (besides :data:`repair.candidates.ocr_docname.
#: REAL_WORDS`' name slot, off).  Session 64 (with :data:`TWO_EDITS`, figures above:
#: "Henri" -> Henry, "Wiles" -> Wales on SMH dev; the audit's headline "Core" / "Tear"
#: stay), turned off by its lead with :data:`TWO_EDITS`.  **ON** again behind
#: :data:`LIST_GUARD` (session 65, ocrnames): ICDAR-only proxy dev 4,696 / 7,792 -> 4,694 /
#: 7,789, shipped SMH dev 4,206 / 6,869 -> 4,205 / 6,868 ("Wiles" -> Wales); test (read
#: once) proxy 5,620 / 9,161 and SMH 5,298 / 8,610, every output byte-identical; clean
#: surnames planted into garbled name lists of SMH dev broken as often as main breaks them
#: (44 of 129), 45 in lists of two or three names inside prose (:data:`TWO_EDITS` with the
#: guard: 45 and 52 — so it stays off).  Turned **OFF** by session 65's lead: its lemma guard
#: (:func:`same_lemma`) loads lemminflect on OCR pages, and the speed suite's OCR 100 k text
#: then peaks at 464,284 KB instead of 417,468 (output identical) — +46 MB on every garbled
#: page for 1-2 dev tokens and no test change.  A lemma test without lemminflect would let
#: it back on.  **ON** again (session 66, lead): :func:`same_lemma` now reads lemminflect's
#: dictionary in place from ``lexicons/`` (:mod:`repair.resources.lemmas`) without its rules
#: model (:data:`OOV_LEMMAS` off): OCR 100 k peak 418,000 -> 421,876 KB (rules on: 434,136),
#: output identical; ICDAR-only proxy dev 4,691 / 7,785 -> 4,689 / 7,782, SMH dev 4,206 /
#: 6,869 -> 4,205 / 6,868; test (read once) proxy 5,619 / 9,158 and SMH 5,297 / 8,607 =
#: main; audit, clean English + wraps and census identical.
REAL_WORDS = True
#: ... but not a print that is an inflection of the name's word ("Aldermen" beside
#: "Alderman": the writer's plural, which :func:`same_lemma` reads with lemminflect's table).
INFLECTIONS = True
#: :func:`same_lemma` also reads lemminflect's rules for a word its dictionary does not
#: list (off: a word it does not list is its own lemma only; the rules' model costs the OCR
#: 100 k text ~12 MB of peak; SMH dev's 20 guard calls and proxy dev's figures the same
#: either way, session 66).
OOV_LEMMAS = False
#: No two-edit or real-word reading of a print that stands in a list of names
#: (:func:`in_name_list`): there every capitalised word is another person, and a clean
#: surname two edits or one glyph from the list's commoner given name ("Rowett" beside
#: "Robert", "Marr" beside "Mary": the session 64 test losses) is the writer's, however
#: garbled its neighbours.  ON (session 65, ocrnames): chosen on SMH dev alone, with clean
#: surnames (a listed name one glyph, or a capitalised form of the clean English texts two
#: edits, from a page name) planted into garbled name-list lines of each dev article:
#: unguarded 95 of 129 broken (main 44), guarded 45; the dev readings it takes are "Henri"
#: -> Henry (right, in the dev casualty list), "Olmbert" -> Albert, "Thommo" -> Thomas
#: (wrong readings of wrong prints).  Figures in benchmarks/RESULTS.md, "Session 65,
#: ocrnames".
LIST_GUARD = True
#: ... the list read garble-blind (:func:`repair.candidates.ocr_namelist.list_shape`'s
#: ``blind``: lower-case non-words left out, initials counted as capitals).
LIST_BLIND = True
#: ... and no such reading right after a title or an initial ("Mr. Marr", "J. Rowett":
#: :func:`repair.candidates.ocr_namepos.name_position`), list or not.
LIST_TITLE = True
#: ... and none of a print in a comma list of names on its own line: the print followed by
#: a comma or "and", and another capitalised word of its line too ("Rowett, Marr and
#: Hollis": a short list inside prose, too short for the list's shape).
LIST_COMMAS = True
#: ... and none of a print right after a given name on its line: a listed name the period
#: text writes with a capital mostly ("Stephen Conroe"; "South Waluss" is no given
#: name's slot: "south" is mostly lower case).
LIST_GIVEN = True
#: ... "mostly": at least this share of the period text's mid-sentence uses capitalised.
GIVEN_CAPITAL_SHARE = 0.5
#: A letter run that is two known words run together ("oflarger", "Fallsto") is spacing
#: damage, no glyph misread: not counted.
SPACING_ONLY = True
#: Apostrophes inside a word ("Way’s") are no mark.
_APOSTROPHES = frozenset("'’ʼ")
#: The line is widened to its neighbours while it holds fewer printed chunks than this.
MIN_WORDS = 6
#: At least this many damaged chunks ...
MIN_DAMAGED = 2
#: ... and at least this share of the line's chunks.
MIN_SHARE = 0.3
#: A print that is itself a word (:data:`REAL_WORDS`) needs this share: a headline's
#: "Core" beside "More" stands on lines as damaged as 3 of 10 in the OCR'd modern text.
REAL_MIN_SHARE = 0.4
#: A letter run the page prints this often is the page's word, no damage.
PAGE_WORD = 2
#: Leading and trailing marks of a printed chunk that are punctuation, not damage.
_EDGE = "\"'`‘’“”()[].,;:!?-—–"


def line_bounds(toks: Sequence[Token], i: int) -> tuple[int, int]:
    """Token indices ``(lo, hi)`` of the printed line of ``toks[i]`` (inclusive)."""
    lo = i
    while lo > 0 and "\n" not in toks[lo - 1].text:
        lo -= 1
    hi = i
    while hi + 1 < len(toks) and "\n" not in toks[hi + 1].text:
        hi += 1
    return lo, hi


def _chunks(toks: Sequence[Token], lo: int, hi: int) -> list[tuple[int, int]]:
    """The printed chunks of ``toks[lo..hi]``: runs of tokens between spaces."""
    out: list[tuple[int, int]] = []
    a = None
    for j in range(lo, hi + 1):
        if toks[j].kind == "space":
            if a is not None:
                out.append((a, j - 1))
                a = None
        elif a is None:
            a = j
    if a is not None:
        out.append((a, hi))
    return out


def _chunk_damaged(
    toks: Sequence[Token],
    a: int,
    b: int,
    counts: Mapping[str, int],
    suspects: Collection[int],
) -> bool | None:
    """Whether chunk ``toks[a..b]`` is damaged (module doc); ``None`` for a chunk with no
    letters (a number, a dash: no evidence either way)."""
    from repair.candidates.ocr_docvocab import _clean

    while a <= b and toks[a].kind == "punct" and toks[a].text in _EDGE:
        a += 1
    while b >= a and toks[b].kind == "punct" and toks[b].text in _EDGE:
        b -= 1
    if a > b:
        return None
    kinds = [toks[j].kind for j in range(a, b + 1)]
    if "word" not in kinds:
        return None
    inner = {toks[j].text for j in range(a, b + 1) if toks[j].kind == "punct"}
    if inner and not inner <= _APOSTROPHES:
        return True  # "wa»", "Smi!th": a mark inside a glyph run ("Way’s" is a word)
    if "number" in kinds:
        # "12th", "1990s", "5km": a figure's ending; "Mi1lion", "0ctober": a glyph misread
        first = kinds.index("number")
        tail = "".join(toks[j].text for j in range(a + first + 1, b + 1))
        if first == 0 and kinds.count("number") == 1 and len(tail) <= 2:
            return None
        return True
    for j in range(a, b + 1):
        w = toks[j].text
        if j in suspects:
            return True
        if toks[j].kind != "word" or counts.get(w, 0) >= PAGE_WORD:
            continue
        if not (_clean(w) or _clean(w.lower()) or (SPACING_ONLY and _glued_known(w))):
            return True
    return False


def _glued_known(word: str) -> bool:
    """Whether ``word`` is two known words run together ("oflarger", "atLake", "Howa"):
    spacing damage, which leaves every glyph as printed.

    >>> _glued_known("oflarger"), _glued_known("atLake"), _glued_known("Cmincil")
    (True, True, False)
    """
    from repair.score.ocr_channel import is_known

    low = word.lower()
    return any(
        is_known(low[:k])
        and is_known(low[k:])
        and min(k, len(low) - k) >= (1 if low[:k] == "a" or low[k:] == "a" else 2)
        for k in range(1, len(low))
    )


def line_damage(
    toks: Sequence[Token],
    i: int,
    counts: Mapping[str, int] | None = None,
    suspects: Collection[int] = (),
) -> tuple[int, int]:
    """(damaged chunks, chunks with letters) of the print ``toks[i]``'s own line, the
    print's chunk left out, widened to the neighbouring lines while it holds fewer than
    :data:`MIN_WORDS` chunks (module doc).  ``counts``: the page's word counts;
    ``suspects``: token indices the detector flags."""
    counts = counts or {}
    lo, hi = line_bounds(toks, i)
    spans = [(lo, hi)]
    up, down = lo, hi
    total = len([c for c in _chunks(toks, lo, hi)])
    while total - 1 < MIN_WORDS and (up > 0 or down < len(toks) - 1):
        if up > 0:
            a, b = line_bounds(toks, up - 2 if up >= 2 else 0)
            spans.append((a, b))
            up = a
        if down < len(toks) - 1:
            a, b = line_bounds(toks, min(down + 2, len(toks) - 1))
            spans.append((a, b))
            down = b
        total = sum(len(_chunks(toks, a, b)) for a, b in spans)
    bad = n = 0
    for a0, b0 in spans:
        for a, b in _chunks(toks, a0, b0):
            if a <= i <= b:
                continue
            got = _chunk_damaged(toks, a, b, counts, suspects)
            if got is None:
                continue
            n += 1
            bad += got
    return bad, n


def garbled_line(
    toks: Sequence[Token],
    i: int,
    counts: Mapping[str, int] | None = None,
    suspects: Collection[int] = (),
    share: float | None = None,
) -> bool:
    """Whether the print ``toks[i]`` stands in a garbled line (:func:`line_damage`: at
    least :data:`MIN_DAMAGED` damaged chunks, a share of at least ``share``, by default
    :data:`MIN_SHARE`)."""
    bad, n = line_damage(toks, i, counts, suspects)
    return bad >= MIN_DAMAGED and bad >= (MIN_SHARE if share is None else share) * n


def in_name_list(toks: Sequence[Token], i: int) -> bool:
    """Whether the print ``toks[i]`` stands in a list of names (:data:`LIST_GUARD`: the
    lines around it mostly capitalised words and hardly a function word,
    :func:`repair.candidates.ocr_namelist.name_list_at`; with :data:`LIST_TITLE`, also
    right after a title or an initial).

    >>> from repair.tokenize import tokenize
    >>> toks = tokenize("Ptes John Rowett, Wm. llrlndlev Marr, Robert\\n"
    ...                 "Geo. Ilcnrj Hollis, Mary Jones, Robert Smith, Mary\\n")
    >>> in_name_list(toks, 4)
    True
    """
    from repair.candidates.ocr_namelist import name_list_at

    toks = list(toks)
    if name_list_at(toks, i, i, blind=LIST_BLIND):
        return True
    if LIST_TITLE:
        from repair.candidates.ocr_namepos import name_position

        if name_position(toks, i):
            return True
    if LIST_GIVEN and _after_given(toks, i):
        return True
    return LIST_COMMAS and _comma_listed(toks, i)


def _after_given(toks: Sequence[Token], i: int) -> bool:
    """Whether the print ``toks[i]`` follows a given name on its line (:data:`LIST_GIVEN`)."""
    if i < 2 or toks[i - 1].kind != "space" or "\n" in toks[i - 1].text:
        return False
    prev = toks[i - 2].text
    if toks[i - 2].kind != "word" or not prev.isalpha() or not prev[1:].islower():
        return False
    if not prev[:1].isupper() or len(prev) < 3:
        return False
    from repair.score.ngrams import get_ngrams
    from repair.score.ocr_search import is_name

    if not is_name(prev.lower()):
        return False
    share = get_ngrams().capital_share(prev.lower())
    return share is not None and share >= GIVEN_CAPITAL_SHARE


def _separated(toks: Sequence[Token], k: int) -> bool:
    """Whether word ``toks[k]`` is followed by a comma or by " and "."""
    if k + 1 < len(toks) and toks[k + 1].text == ",":
        return True
    return (
        k + 2 < len(toks)
        and toks[k + 1].kind == "space"
        and "\n" not in toks[k + 1].text
        and toks[k + 2].text == "and"
    )


def _comma_listed(toks: Sequence[Token], i: int) -> bool:
    """Whether the print ``toks[i]`` is followed by a comma or "and" and so is another
    capitalised word of its line (:data:`LIST_COMMAS`)."""
    if not _separated(toks, i):
        return False
    lo, hi = line_bounds(toks, i)
    return any(
        k != i
        and toks[k].kind == "word"
        and toks[k].text[:1].isupper()
        and toks[k].text.isalpha()
        and _separated(toks, k)
        for k in range(lo, hi + 1)
    )


def same_lemma(a: str, b: str) -> bool:
    """Whether two words share a lemma as nouns or verbs (lemminflect): one the other's
    inflection ("Aldermen", "Alderman"; "Rose", "Rise").

    >>> same_lemma("Aldermen", "Alderman"), same_lemma("Wiles", "Wales")
    (True, False)
    """
    from repair.resources.lemmas import getLemma

    def lemmas(w: str) -> set[str]:
        low = w.lower()
        return {
            x.lower()
            for pos in ("NOUN", "VERB")
            for x in getLemma(low, pos, lemmatize_oov=OOV_LEMMAS)
        } | {low}

    return bool(lemmas(a) & lemmas(b))
