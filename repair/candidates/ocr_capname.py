"""Capitalised non-words read as the one cheap listed name: short tokens, repeated garbles.

A capitalised non-word of a garbled page is read as a listed personal or place name
(:meth:`repair.score.ngrams.NgramTable.is_name`: US Census names and GeoNames places
of seven English-speaking countries) when one cheap learned confusion gives exactly one
such name (``_name_readings`` of :mod:`repair.candidates.ocr`: "Balgownio" ->
"Balgownie"); a heavy page also gets a wide search for one clearly cheapest name.  Two
of its gates leave clear garbles of names the list knows (SMH dev, session 30):

* **four-letter tokens** (:data:`NAME_MIN_LEN`): the reading was asked of five letters or
  more, so "Gili" (Gill), "Mavo" (Mayo), "Emll" (Emil) stayed.  A short token gets only
  the one cheap name (:data:`WIDE_MIN_LEN`: the wide search finds a name near almost any
  four letters: "Thos" -> "Thea", "Lubb" -> "Lobb");
* **repeated tokens** (:data:`REPEAT_NAME`): a capitalised token the page prints two or
  three times is taken for a name and left, though OCR garbles the same name the same way
  where the same type is damaged ("Dvr Frnest Fsscrman", "Thompson Frnest Wm": Ernest).
  Such a token gets the one cheap listed name too (on a heavy page also the wide search,
  :data:`REPEAT_WIDE`), as a name printed once does, when the name is clearly more
  name-like than the print (the character model of names of
  :mod:`repair.candidates.ocr_nameshape`, net of the channel cost:
  :data:`REPEAT_SHAPE_GAIN`): a name the list lacks is printed right more than once
  ("Brantz" x2 in an ICDAR book is no garble of "Braatz").

Shipped: the repeated-token reading (on); four-letter tokens (off: a gain on SMH dev,
a broken name in ICDAR's books).  No list of pairs: the learned confusion table, the
name list and the names' character model decide.
"""

from __future__ import annotations

from functools import lru_cache

from repair.types import Candidate

#: Shortest capitalised token read as the one cheap listed name.  Off (5, as before):
#: 4 reads "Gili", "Mavo", "Emll" on SMH dev (-3 tokens, 0 broken) but breaks a name in
#: ICDAR's books ("Bemo" -> "Remo", +1 broken): benchmarks/RESULTS.md, session 30.
NAME_MIN_LEN = 5
#: Shortest token the heavy page's wide name search reads (the cheap one-confusion name
#: is read from :data:`NAME_MIN_LEN` letters on).
WIDE_MIN_LEN = 5
#: A capitalised token the page prints more than once (at most :data:`REPEAT_MAX_COUNT`
#: times) still gets the one cheap listed-name reading (no wide search).
REPEAT_NAME = True
REPEAT_MAX_COUNT = 3
#: ... when the reading is this much more name-like than the print, net of the channel
#: cost (nats: the character model of names of :mod:`repair.candidates.ocr_nameshape`).
#: A name the list lacks is printed right more than once and its reading is no more
#: name-like: "Brantz" x2 (-> "Braatz": -1.3 - 1.8), "Ellin" (-> "Elliff": -3.3);
#: "Frnest" -> "Ernest": 8.0 - 1.3.
REPEAT_SHAPE_GAIN = 2.0
#: ... and, on a heavy page, by the wide name search too (the name several confusions
#: away: "Mnngrovo" x2 -> "Mangrove"), under the same shape gain.  Session 36.
REPEAT_WIDE = True


def repeat_applies(text: str, count: int) -> bool:
    """Whether a capitalised token printed ``count`` (>= 2) times gets the one cheap
    listed-name reading: a name garbled the same way twice ("Frnest" x2 -> "Ernest").

    >>> repeat_applies("Frnest", 2) == REPEAT_NAME
    True
    >>> repeat_applies("Frnest", 9)
    False
    """
    return REPEAT_NAME and count <= REPEAT_MAX_COUNT and len(text) >= NAME_MIN_LEN


def shape_gain(token: str, reading: str) -> float:
    """How much more name-like ``reading`` is than ``token`` under the character model of
    names, less the learned channel's cost of printing it as ``token`` (nats)."""
    from repair.candidates.ocr_nameshape import _logprob, _model
    from repair.score.ocr_price import channel_cost

    model = _model()
    return _logprob(model, reading) - _logprob(model, token) - channel_cost(token, reading)


def name_shaped(token: str, found: list[Candidate]) -> list[Candidate]:
    """The name readings of a repeated ``token`` that gain :data:`REPEAT_SHAPE_GAIN`.

    >>> from repair.candidates.ocr_rules import cand
    >>> [x.replacement for x in name_shaped("Frnest", [cand(0, 6, "Ernest", "OCR_NAME")])]
    ['Ernest']
    >>> name_shaped("Brantz", [cand(0, 6, "Braatz", "OCR_NAME")])
    []
    """
    return [c for c in found if shape_gain(token, c.replacement) >= REPEAT_SHAPE_GAIN]


#: A print clean English attests (wordfreq Zipf of its lower case at least
#: :data:`ATTESTED_ZIPF`: "Klang", "Gwynne", "Olley", "Rookwood", "Bocca") is a name of
#: its own, not a garble of the listed name one cheap confusion away ("Khang", "Gwynns",
#: "Otley", "Rockwood", "Rocca"): it is read as that name only when the name is clearly
#: the commoner word (:data:`ATTESTED_MARGIN` Zipf more).  The garbled names the reading
#: exists for are in no word list ("Frnest", "Chivcrs", "Lismoro": Zipf 0).  Session 35.
ATTESTED_PRINT = True
#: The Zipf from which a print counts as attested.
ATTESTED_ZIPF = 1.0
#: How much commoner (Zipf) a listed name must be than an attested print to be read.
ATTESTED_MARGIN = 1.5


def attested_print(token: str, reading: str) -> bool:
    """Whether ``token`` is a word clean English attests and ``reading`` is not clearly
    commoner (module setting :data:`ATTESTED_PRINT`): the print is left as it is.

    >>> attested_print("Rookwood", "Rockwood") == ATTESTED_PRINT
    True
    >>> attested_print("Chivcrs", "Chivers"), attested_print("Jills", "Mills")
    (False, False)
    """
    if not ATTESTED_PRINT:
        return False
    from repair.resources.frequency import zipf

    z = zipf(_base(token).lower())
    return z >= ATTESTED_ZIPF and zipf(_base(reading).lower()) < z + ATTESTED_MARGIN


def _base(word: str) -> str:
    """``word`` without a possessive ending ("Bocca's" -> "Bocca")."""
    for end in ("'s", "’s"):
        if word.endswith(end):
            return word[: -len(end)]
    return word


#: A reading whose first glyph is a printed capital read as another capital ("Mavo" ->
#: "Have") is not lowered inside a sentence into a plain word ("have"): the row says the
#: page printed a capital there, and a capital read as a capital *and* a lower-case word
#: set with a capital are two errors.  Such a reading is dropped instead, unless the
#: table also reads that capital as the lower-case glyph ("B" -> "s": "was Baved").  A
#: guard of the capital rows the confusion table learns by class (``build_ocr_confusions``
#: ``CAPITAL_BACKOFF``): without it those rows lower "Eileen Mavo" to "have", "O'Rogan"
#: to "began" (SMH dev 4,715 tokens wrong against 4,700 with it; main 4,711).  Off:
#: lowered as before.
CAPITAL_KEEPS_CASE = True
#: ... but after a capitalised word (a name or a heading: "the New Guinea Rxpedition"),
#: the reading keeps the capital ("Expedition") instead of being dropped.  Session 36.
CAPITAL_PHRASE = True
#: ... and, anywhere in a sentence, a reading the period text writes with a capital at
#: least this often (share of its mid-sentence occurrences, seen :data:`KEEP_MIN_COUNT`
#: times or more) keeps its capital instead of being dropped: "Major- Ueneral French" ->
#: "General" (19.6 % capitalised) through the class-priced U -> G row, where "Eileen Mavo"
#: -> "have" (0.8 %) stays dropped.  ``None``: off (session 39, ocrname39).
KEEP_SHARE: float | None = None
KEEP_MIN_COUNT = 20


def capital_kept(reading: str) -> bool:
    """Whether a capital-row reading keeps its capital by :data:`KEEP_SHARE`.

    >>> capital_kept("General") == (KEEP_SHARE is not None and KEEP_SHARE <= 0.19)
    True
    """
    if KEEP_SHARE is None:
        return False
    from repair.score.ngrams import get_ngrams

    table = get_ngrams()
    low = reading.lower()
    share = table.capital_share(low)
    return share is not None and share >= KEEP_SHARE and table.count(low) >= KEEP_MIN_COUNT


def capital_row_lowered(
    text: str, reading: str, subs: tuple[tuple[str, str], ...], lowered: bool = True
) -> bool:
    """Whether ``reading`` of ``text`` changed its first glyph by a row that reads a
    capital as another capital that no row of the table reads as the lower-case glyph
    (and :data:`CAPITAL_KEEPS_CASE` is on).  ``lowered=False``: whatever the table reads
    (a caller that keeps the capital: the lower-case reading is a reading of its own).

    >>> capital_row_lowered("Mavo", "Have", (("M", "H"), ("v", "v"))) == CAPITAL_KEEPS_CASE
    True
    >>> capital_row_lowered("Baved", "Saved", (("B", "S"),))  # the table reads "B" as "s"
    False
    """
    if not CAPITAL_KEEPS_CASE or not text[:1].isupper() or not reading[:1].isupper():
        return False
    if reading[:1] == text[:1]:
        return False
    from repair.score.ocr_channel import confusions

    table = confusions()
    for src, dst in subs:
        if src[:1] == text[:1] and dst[:1] == reading[:1] and dst[:1].isupper():
            # the table itself reads the printed glyph as the lower-case one ("B" -> "s"):
            # the lowered reading is that row's, one error
            return not lowered or not any(d == dst.lower() for d, _c in table.get(src, ()))
    return False


#: A table row that reads one capital as another and was counted fewer than this many
#: times is priced by its class (``build_ocr_confusions`` ``CAPITAL_BACKOFF``), not by
#: its own evidence.  With :data:`CAPITAL_KEEPS_CASE` such rows read words, not names:
#: a name's first glyph is no evidence for which capital was printed ("Itiioce" ->
#: "Riioce", "Jmrr" -> "Amrr" by the names' character model or the cheap listed name).
CLASS_ROW_MAX_COUNT = 3


@lru_cache(maxsize=1)
def _class_rows() -> frozenset[tuple[str, str]]:
    """The capital-to-capital rows of the confusion table counted fewer than
    :data:`CLASS_ROW_MAX_COUNT` times."""
    from repair.score.ocr_channel import _table_rows

    out = set()
    for row in _table_rows():
        if len(row) < 4 or not row[3].isdigit() or int(row[3]) >= CLASS_ROW_MAX_COUNT:
            continue
        src, dst = row[0], row[1]
        if len(src) == len(dst) == 1 and src != dst and src.isupper() and dst.isupper():
            out.add((src, dst))
    return frozenset(out)


def name_row(src: str, dst: str) -> bool:
    """Whether a name reading may use the table row ``src -> dst`` (see
    :data:`CLASS_ROW_MAX_COUNT`).

    >>> name_row("v", "y")
    True
    """
    return not (CAPITAL_KEEPS_CASE and (src, dst) in _class_rows())


#: A capitalised token no list knows and clean English never prints (Zipf below
#: :data:`ATTESTED_ZIPF`), printed once and standing alone, on a heavy page, is read as a
#: listed name *far* from it (up to :data:`FAR_NAME_MAX_COST` nats of learned confusions,
#: past the wide search's ``NAME_WIDE_MAX_COST``) when the names' own evidence agrees: the
#: name ranks clearly first by channel cost less its frequency (:data:`FAR_NAME_ZIPF_WEIGHT`
#: nats a Zipf unit: of two names equally near, the commoner one was printed), by
#: :data:`FAR_NAME_MARGIN`, and it is :data:`FAR_NAME_SHAPE_GAIN` nats more name-like than
#: the print net of that cost (:func:`shape_gain`): "Guotge" -> "George", "Nuwinan" ->
#: "Newman", "Liisign" -> "Ensign", "Ixiwor" -> "Lower".  A name printed right but missing
#: from the list is attested in clean English ("Tozer", "Woolcott", Zipf >= 1) or no more
#: name-like than its reading ("Kelety" -> "Kelsey", "Meaburn" -> "Wesburn").  A fallback
#: (fixed confidence): any reading the language model accepts wins.
#: Session 44 (ocrcaps44), with :data:`FAR_NAME_START`: SMH dev 4,403 -> 4,397 tokens /
#: 7,174 -> 7,151 chars (dev-a -3 / -9, dev-b -3 / -14; 0 right tokens broken), test
#: 5,438 -> 5,431 / 8,867 -> 8,844; ICDAR-only tables (``ocr_xsource.py --train icdar``)
#: SMH dev and test lower too; light suite, ICDAR, gold+noise, clean gate, audit unchanged
#: (``benchmarks/ocr_ablation.py --parts deva,devb``; benchmarks/RESULTS.md).  Variants
#: (dev-a / dev-b tokens): shape gain 3.0 0 / -1, 5.0 +1 / +1; cost 8.0 +2 / +1, 10.0 0 / 0;
#: margin 1.0 0 / 0, 3.0 0 / 0 (+3 chars); Zipf weight 0 0 / 0 (+1 / +1 chars).
FAR_NAME = True
FAR_NAME_MAX_COST = 9.0
FAR_NAME_MARGIN = 2.0
FAR_NAME_ZIPF_WEIGHT = 1.0
FAR_NAME_SHAPE_GAIN = 4.0
#: ... also on a garbled page that is not heavily garbled (the wide name search is
#: otherwise run on heavy pages only).  Off: SMH dev 0 / 0, and on the light suite it read
#: "Professor Wbitey Hagadorn" as "Whaley" where the usual readings gave "Whitey".
FAR_NAME_LIGHT = False
#: ... and through a capital row priced by its class (:func:`name_row`: "Pustacc" ->
#: "Eustace" by P -> E).  Off: SMH dev-a -1 token, dev-b +1.
FAR_NAME_CLASS_ROWS = False
#: ... and for a capitalised non-word that opens a sentence (the detector's ``nonword``,
#: which gets no name reading otherwise): after a stop ("Marlow. Itarvov," -> "Harvey",
#: "Messrs. Hvmnii," -> "Hyman"), on a heavy page only (on a lighter one it read the
#: light suite's "Hiyah!" as "Bryan").  On: SMH dev-a -1 / -5 chars, dev-b -1 / -4.
FAR_NAME_START = True
#: ... and, where the wide search's cheapest names are near-tied (within the wide
#: margin), the far ranking picks among them.  Off: SMH dev 0 / 0.
FAR_NAME_TIES = False


def far_start(text: str, reason: str) -> bool:
    """Whether a sentence-initial ``text`` of detector ``reason`` gets the far name reading
    (:data:`FAR_NAME_START`): a capitalised non-word, lower case after its capital.

    >>> far_start("Sudleir", "nonword") == (FAR_NAME and FAR_NAME_START)
    True
    >>> far_start("sudleir", "nonword"), far_start("SUDLEIR", "nonword")
    (False, False)
    """
    return (
        FAR_NAME
        and FAR_NAME_START
        and reason == "nonword"
        and text[:1].isupper()
        and text[1:].islower()
        and text.isalpha()
    )


def far_name(text: str, names: list, count: int = 1, max_zipf: float = float("inf")) -> list:
    """The one listed name of ``names`` (readings of the capitalised ``text`` by the wide
    search, :class:`repair.score.ocr_channel.Correction`) ``text`` is read as by
    :data:`FAR_NAME`, as a one-item list, or ``[]``.  A print the page repeats (``count``
    above 1: "Tomte Gubbe" twice in an ICDAR book) is a name of its own; a name commoner
    than ``max_zipf`` is not read (:func:`far_limit`).

    >>> from repair.score.ocr_channel import Correction
    >>> found = far_name("Guotge", [Correction("George", 8.66, (("u", "e"), ("t", "r")), True)])
    >>> [c.text for c in found] == (["George"] if FAR_NAME else [])
    True
    >>> far_name("Tozer", [Correction("Yazor", 8.7, (("T", "Y"),), True)])
    []
    >>> far_name("Guotge", [Correction("George", 8.66, (("u", "e"), ("t", "r")), True)], 2)
    []
    """
    if not FAR_NAME or not names or count > 1:
        return []
    from repair.resources.frequency import zipf

    if zipf(_base(text).lower()) >= ATTESTED_ZIPF:
        return []  # a print clean English attests is a name of its own

    def rank(c) -> float:
        return c.cost - FAR_NAME_ZIPF_WEIGHT * zipf(c.text.lower())

    ranked = sorted(names, key=rank)
    best = ranked[0]
    if best.cost > FAR_NAME_MAX_COST:
        return []
    if len(ranked) > 1 and rank(ranked[1]) - rank(best) < FAR_NAME_MARGIN:
        return []
    if not FAR_NAME_CLASS_ROWS and not all(name_row(src, dst) for src, dst in best.subs):
        return []  # a capital priced by its class: no evidence for a name
    if shape_gain(text, best.text) < FAR_NAME_SHAPE_GAIN or zipf(best.text.lower()) > max_zipf:
        return []
    return [best]


#: In a surname's place (after a title or an initial,
#: :func:`repair.candidates.ocr_namepos.name_position`) the far name is no word this
#: common (Zipf): "Captain Sccrctaiy" is no "Captain Secretary" (a listed place).
FAR_NAME_SLOT_MAX_ZIPF = 4.5


def far_limit(toks: list, i: int) -> float | None:
    """The highest Zipf the far name of word token ``toks[i]`` may have, or ``None`` when
    the token gets none: a piece glued to a word or number token ("Schiav0netti" is no
    "Schiav" of its own).

    >>> from repair.tokenize import tokenize
    >>> toks = tokenize("by Schiav0netti and Captain Guotge, who")
    >>> [far_limit(toks, k) for k, t in enumerate(toks) if t.text in ("Schiav", "Guotge")]
    [None, 4.5]
    """
    from repair.candidates.ocr_namepos import name_position

    for k in (i - 1, i + 1):
        if 0 <= k < len(toks) and toks[k].kind in ("word", "number"):
            return None
    return FAR_NAME_SLOT_MAX_ZIPF if name_position(toks, i) else float("inf")
