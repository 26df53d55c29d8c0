"""Self-training of the OCR confusion table on an archive's own raw pages (no gold).

The learned table (``lexicons/ocr_confusions.tsv``) comes from two archives; a third one
prints its own glyph confusions, at its own rates.  One page holds too few of them to
learn from (:mod:`repair.score.ocr_docchannel` re-estimates on the page,
:mod:`repair.candidates.ocr_pagehabit` finds habits of long pages), but a batch of the
archive's pages does.  :class:`ArchiveCounts` pools, over a first repair of every page:

* the substitutions of the OCR readings the repair accepted (``evidence
  ["substitutions"]``), and how often each true glyph run occurs in the repaired text;
* for every word still unknown after the repair, the one-edit readings of
  :func:`repair.score.ocr_pagereach.one_edit_readings` (an edit no table counted): a
  word type read by ``k`` such edits gives each ``1 / k``.

:func:`adapted_table` then writes a new table (the format of the shipped one): each
listed confusion's rate is the posterior mean ``(n + ALPHA p) / (N + ALPHA)`` with the
table's rate ``p`` as the prior, ``n`` its pooled uses, ``N`` the true run's count
(only ever cheaper than before), and each unlisted edit whose pooled support reaches
:data:`MIN_SUPPORT` gets a row priced the same way from a zero prior, never below
:data:`UNSEEN_MIN_COST`; an edit of a narrow printed glyph or a look-alike pair (a
prior by glyph class, :data:`GLYPH_PRIOR`) needs only :data:`PRIOR_SUPPORT` and is priced
:data:`PRIOR_COST`.  The old-print guard (:func:`guarded_rows`) then refuses every
row that would turn a period spelling of the pages ("seene", "sleepe", "foorth") into a
modern word.  A second repair with that table is the self-trained one.  No page's gold is read
at any step.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

#: Prior strength of the learned table (pseudo-occurrences of the true glyph run).
ALPHA = 200.0
#: The build script's cost formula: ``cost = -ln p - OFFSET``, clipped to the bounds.
OFFSET = 3.0
MIN_COST = 0.3
MAX_COST = 4.5
#: Pooled support (word types, shares summed) an unlisted edit needs to become a row.
#: Swept on the dev proxies (ICDAR tables -> SMH dev tokens; SMH tables -> ICDAR 1-80
#: chars, broken): 2: 5,651, 911 (120); 3: 5,683, 909 (118); 4: 5,708, 906 (115).
MIN_SUPPORT = 3.0
#: Cheapest an unlisted edit's row may be (nats): the archive's raw pages are its only
#: evidence.  3.0 -> 4.0 (support 3): SMH dev 5,683 -> 5,684 tokens, ICDAR 909 (118
#: broken) -> 903 (111).
UNSEEN_MIN_COST = 4.0
#: A prior by glyph class for the unlisted edits (:func:`_prior_class`): an edit whose
#: printed glyph is narrow (:data:`NARROW`: the stem a broken letter leaves, "Hcnrj",
#: "lorthwith") or that is a look-alike pair of rendered type
#: (:func:`~repair.score.ocr_pagereach.shape_costs`, :data:`PRIOR_SHAPES`) becomes a row
#: with :data:`PRIOR_SUPPORT` and is priced :data:`PRIOR_COST`; other edits keep
#: :data:`MIN_SUPPORT` and :data:`UNSEEN_MIN_COST`.  The support still comes from the
#: archive's own first-pass readings only.  Measured with ``benchmarks/ocr_selftrain.py``
#: (ICDAR-only tables -> SMH dev tokens / chars; SMH-only tables -> ICDAR books 1-80
#: chars (broken)), disk cache off; off: 5,683 / 8,810, 891 (102); see RESULTS.md,
#: session 27, ocrprior27.
GLYPH_PRIOR = True
#: Printed glyphs narrow enough that broken type leaves them for another letter
#: (ocrxgen27: j>y, l>t, l>f, i>t, i>a, i>e are the commonest rows SMH has and ICDAR lacks).
NARROW = frozenset("iljtfr1I!")
#: Whether look-alike pairs of rendered type have the prior too (else narrow glyphs only).
#: Off: the same figures as narrow glyphs alone on both proxies (driver; on ICDAR it adds
#: vi>m and d>ri rows), but through the CLI with the shipped tables it learned m>ho on SMH
#: dev (4,739 -> 4,743 tokens) and h>a on clean English (no output changed there).
PRIOR_SHAPES = False
#: Pooled support such an edit needs to become a row.  2 (with the rate's price, floor
#: 4.0): SMH dev 5,655 / 8,775 (f>e, l>r, l>t learned), ICDAR 891 (102); 1.5: the same.
PRIOR_SUPPORT = 2.0
#: The price of such a row (nats), whatever its sightings (their rate, over every
#: occurrence of the true glyph, prices a few word types at :data:`MAX_COST`).  3.5:
#: SMH dev 5,639 / 8,763, ICDAR 891 (102); 3.0: 5,634 / 8,748, 893 (104: r>p at 3.0);
#: the rate's price floored at 3.0 / 3.5 / 4.0 instead: 5,653 / 5,654 / 5,655.
PRIOR_COST = 3.5
#: Shortest still-unknown word whose one-edit readings are counted.
MIN_LEN = 4
#: Whether readings of real words ("thus" -> "this") count too (else only non-words'):
#: a first pass's real-word readings of old print are its spellings modernised, and
#: counting them makes the next pass modernise more.
COUNT_REALWORD = False
#: Unknown words left out as old or period spellings ("vertue", "foorth": their one-edit
#: readings are modern spellings, not the engine's habits): ``"archaic"`` (the old-spelling
#: rules), ``"all"`` (also words the period vocabulary knows) or ``None``.  Off: "all"
#: took ICDAR 1-80 (SMH tables) 903 -> 892 chars, 111 -> 104 broken, but SMH dev (ICDAR
#: tables) 5,684 -> 5,728 tokens (j/y, i/a no longer learned); "archaic" 903 (111) and
#: 5,728.
PERIOD_GUARD: str | None = None
#: The old-print guard (:func:`guarded_rows`): a learned row (new or repriced) that turns
#: at least this many of the archive's period spellings into modern words is not learned
#: (``0``: off).  A period spelling is a word of the raw pages that the modern lexicons
#: lack and the period n-grams' books print (:data:`PERIOD_MIN_COUNT`).  Measured with
#: ``benchmarks/ocr_selftrain.py`` (SMH-only tables -> ICDAR books 1-80: chars, broken;
#: ICDAR-only tables -> SMH dev tokens); no self-training: 1,100 chars (91 broken), 5,930;
#: guard off: 903 (111), 5,684; 1: **891 (102), 5,683**; 2: 898 (107), 5,684.
PERIOD_VETO = 1
#: A row is refused only when its victims are at least this share of its evidence (the
#: first pass's uses plus its unseen support; ``0``: any :data:`PERIOD_VETO` victims).
#: 0.05: ICDAR 1-80 891 chars (102 broken), SMH dev 5,683: the same as 0; 0.2: 892 (103),
#: 5,684.  Kept at 0, the setting whose SMH test figure was read; there one victim
#: ("throe", which the modern lexicons lack) refused the newspaper's o>e (see RESULTS.md,
#: session 27, ocrself27).
PERIOD_SHARE = 0.0
#: Fewest occurrences in the period n-grams' books (``PeriodNgrams.count``) that make a
#: word a period spelling ("seene" 34, "sleepe" 44, "foorth" 6).  The period vocabulary
#: alone (any count) also lists newspaper garbles ("beon", "dide"): with it, SMH dev
#: 5,914 tokens, ICDAR 939 chars (96 broken).
PERIOD_MIN_COUNT = 2
#: A word the pages print at least this often, and never the modern word a row reads it
#: as, counts as the archive's own spelling too (``0``: off).  Off: 3 (with the
#: old-spelling rules below) took SMH dev to 5,853 tokens: newspaper garbles repeat
#: ("beon") and the row's modern reading is often another word ("neon").
PERIOD_REPEATS = 0
#: Whether an old-spelling rule's reading (:func:`~repair.score.ocr_channel.archaic_form`)
#: makes a word a period spelling.  Off: it reads newspaper garbles too ("dide" -> "did",
#: "sjdney"), part of the 5,853 above.
ARCHAIC = False
#: Whether a word the web uses (Zipf >= ``ocr_pagereach.RARE_ZIPF``: "vertue", "goe") is
#: no period spelling.  Off (those count): ICDAR 1-80 (SMH tables) 891 -> 889 chars,
#: 102 -> 98 broken, but SMH dev (ICDAR tables) 5,683 -> 5,797 tokens: the web's
#: misspellings are newspaper garbles too ("lod", "ner", "bene").
WEB_RARE = True

#: Whether the slot table's units the confusion table also lists get the same discount
#: as their self-trained confusion rows (:func:`discounted_slot_rows`).  Off: with the
#: ICDAR-only profile on SMH dev it discounted 54 slot rows and changed nothing (5,683 /
#: 8,810 token / char errors either way), so the profile keeps the slot table in force.
SLOT_SELFTRAIN = False

#: Whether the marks table is self-trained too (:mod:`repair.score.ocr_selfmarks`): rows
#: the archive's raw pages teach for the marks the table in force barely knows are added
#: to the profile's marks section.  ICDAR-only tables -> SMH dev through the CLI: off
#: 5,639 / 8,763 tokens / chars, on 5,301 / 8,568 (test 6,428 -> 6,100); the shipped
#: tables learn no mark rows (SMH dev, test, ICDAR books, clean English); see
#: RESULTS.md, session 28, ocrslot28.
MARK_SELFTRAIN = True

Sub = tuple[str, str]
_WORD = re.compile(r"[^\W\d_]+")


@dataclass
class ArchiveCounts:
    """What a first repair of an archive's pages shows of its confusions."""

    used: Counter[Sub] = field(default_factory=Counter)
    unseen: Counter[Sub] = field(default_factory=Counter)
    #: Shares of the unknown words' one-edit readings by rows the table lists
    #: (:func:`listed_support`; read only by ``learn_table``'s ``listed_min_cost``).
    listed: Counter[Sub] = field(default_factory=Counter)
    #: The least confidence of an edit whose substitutions :attr:`sure` counts.
    sure_confidence: float = 0.95
    #: The substitutions of the confident readings alone (edit confidence at least
    #: :attr:`sure_confidence`): ``surprising_rows``' ``dear`` rows need one.
    sure: Counter[Sub] = field(default_factory=Counter)
    texts: list[str] = field(default_factory=list)
    #: Lower-case word types of the raw pages and how often each is printed.
    words: Counter[str] = field(default_factory=Counter)

    def add(
        self, repaired: str, edits: Iterable[Any], unknown: Iterable[str], raw: str = ""
    ) -> None:
        """One page: its repaired text, its edits, its words still unknown and (for the
        old-print guard) its raw text."""
        self.texts.append(repaired)
        self.words.update(w.lower() for w in _WORD.findall(raw))
        from repair.score.ocr_channel import is_known

        for e in edits:
            if not COUNT_REALWORD and is_known(str(getattr(e, "original", "")).lower()):
                continue
            sure = float(getattr(e, "confidence", 0.0) or 0.0) >= self.sure_confidence
            for sub in (getattr(e, "evidence", None) or {}).get("substitutions", ()):
                if len(sub) == 2 and sub[0] != sub[1]:
                    self.used[(sub[0], sub[1])] += 1
                    if sure:
                        self.sure[(sub[0], sub[1])] += 1
        self.unseen.update(unseen_support(unknown))

    def true_counts(self, subs: Iterable[Sub]) -> dict[str, int]:
        """How often each true run of ``subs`` occurs in the repaired pages."""
        joined = "\n".join(self.texts)
        return {g: joined.count(g) for g in {s[1] for s in subs if s[1]}}


def unseen_support(unknown: Iterable[str]) -> Counter[Sub]:
    """Shares of the one-edit readings of the unknown word types that no table row lists
    (a type read by ``k`` edits gives each ``1 / k``)."""
    from repair.score.ocr_pagereach import one_edit_readings

    out: Counter[Sub] = Counter()
    for low in {w.lower() for w in unknown if len(w) >= MIN_LEN and w.isalpha()}:
        subs = {sub for _w, sub in one_edit_readings(low) if _is_unlisted(sub)}
        for sub in subs:
            out[sub] += 1.0 / len(subs)
    return out


def listed_support(unknown: Iterable[str]) -> Counter[Sub]:
    """Shares of the one-edit readings of the unknown word types by rows the table lists
    (a type read by ``k`` one-edit readings, listed or not, gives each listed one
    ``1 / k``): the evidence a first pass leaves for a row too dear to read those words."""
    from repair.score.ocr_pagereach import one_edit_readings

    out: Counter[Sub] = Counter()
    for low in {w.lower() for w in unknown if len(w) >= MIN_LEN and w.isalpha()}:
        subs = {sub for _w, sub in one_edit_readings(low) if sub[0]}
        for sub in subs:
            if not _is_unlisted(sub) and sub not in _archaic():
                out[sub] += 1.0 / len(subs)
    return out


def _archaic() -> Any:
    from repair.score.ocr_channel import _ARCHAIC

    return _ARCHAIC


def _is_unlisted(sub: Sub) -> bool:
    """Whether ``sub`` may become a new row: the table lacks it, it prints a glyph (a row
    with nothing printed is never walked) and it is no spelling convention of old print
    (i/j, u/v, i/y: a period text spells so)."""
    from repair.score.ocr_channel import _ARCHAIC, confusions

    if not sub[0] or sub in _ARCHAIC:
        return False
    return all(d != sub[1] for d, _c in confusions().get(sub[0], ()))


def _prior_class(sub: Sub) -> bool:
    """Whether unlisted edit ``sub`` has the glyph-class prior (:data:`GLYPH_PRIOR`): one
    narrow printed glyph for one letter, or a look-alike pair of rendered type."""
    if not GLYPH_PRIOR:
        return False
    from repair.score.ocr_pagereach import shape_costs

    src, dst = sub
    narrow = len(src) == 1 and src in NARROW and len(dst) == 1 and dst.isalpha()
    return narrow or (PRIOR_SHAPES and (src.lower(), dst.lower()) in shape_costs())


def _cost(rate: float) -> float:
    return min(MAX_COST, max(MIN_COST, -math.log(max(rate, 1e-12)) - OFFSET))


def period_spellings(words: Mapping[str, int]) -> dict[str, bool]:
    """The word types of ``words`` (lower case, with counts) that are no modern word but
    may be a period spelling: ``{word: listed}``, ``listed`` when the period books print
    it (:data:`PERIOD_MIN_COUNT`) or an old-spelling rule reads it, else the pages print
    it at least :data:`PERIOD_REPEATS` times."""
    from repair.resources.frequency import zipf
    from repair.score.ngrams import get_ngrams
    from repair.score.ocr_channel import archaic_form, is_known
    from repair.score.ocr_pagereach import RARE_ZIPF

    period = get_ngrams()
    out = {}
    for w, n in words.items():
        if len(w) < 3 or is_known(w) or (WEB_RARE and zipf(w) >= RARE_ZIPF):
            continue
        listed = period.count(w) >= PERIOD_MIN_COUNT or (ARCHAIC and archaic_form(w) is not None)
        if listed or (PERIOD_REPEATS and n >= PERIOD_REPEATS):
            out[w] = listed
    return out


def period_victims(sub: Sub, spellings: Mapping[str, bool], words: Mapping[str, int]) -> list[str]:
    """The period ``spellings`` that row ``sub`` turns into a modern word in one step
    (a spelling only printed often counts when the pages never print that modern word:
    "tbe" beside "the" is a garble)."""
    from repair.score.ocr_channel import is_known

    src, dst = sub
    out = []
    for w, listed in spellings.items():
        start = w.find(src)
        while start >= 0:
            modern = w[:start] + dst + w[start + len(src) :]
            if modern != w and is_known(modern) and (listed or not words.get(modern)):
                out.append(w)
                break
            start = w.find(src, start + 1)
    return out


def adapted_rows(counts: ArchiveCounts) -> dict[Sub, float]:
    """The changed and new rows: ``{(printed, true): cost}``, without the rows the
    old-print guard (:data:`PERIOD_VETO`) refuses."""
    return guarded_rows(_priced_rows(counts), counts)[0]


def guarded_rows(
    rows: Mapping[Sub, float], counts: ArchiveCounts
) -> tuple[dict[Sub, float], dict[Sub, list[str]]]:
    """``rows`` split by the old-print guard: (kept, ``{refused row: its victims}``)."""
    if not PERIOD_VETO or not counts.words:
        return dict(rows), {}
    spellings = period_spellings(counts.words)
    kept, refused = {}, {}
    for sub, cost in rows.items():
        victims = period_victims(sub, spellings, counts.words)
        evidence = counts.used.get(sub, 0) + counts.unseen.get(sub, 0)
        if len(victims) >= max(PERIOD_VETO, PERIOD_SHARE * evidence):
            refused[sub] = victims
        else:
            kept[sub] = cost
    return kept, refused


def _priced_rows(counts: ArchiveCounts) -> dict[Sub, float]:
    """The changed and new rows before the old-print guard (a listed row's uses are its
    first-pass uses and its :attr:`ArchiveCounts.listed` support)."""
    from repair.score.ocr_channel import confusions

    table = confusions()
    new = {
        s: n
        for s, n in counts.unseen.items()
        if n >= (PRIOR_SUPPORT if _prior_class(s) else MIN_SUPPORT)
    }
    uses = counts.used + counts.listed if counts.listed else counts.used
    big_n = counts.true_counts([*uses, *new])
    out: dict[Sub, float] = {}
    for (src, dst), n in uses.items():
        cost = next((c for d, c in table.get(src, ()) if d == dst), None)
        if cost is None or not dst:
            continue
        p = math.exp(-(cost + OFFSET))
        rate = (n + ALPHA * p) / (big_n.get(dst, 0) + n + ALPHA)
        c = _cost(rate)
        if c < cost - 1e-9:
            out[(src, dst)] = c
    for (src, dst), n in new.items():
        if not dst:
            continue
        rate = n / (big_n.get(dst, 0) + n + ALPHA)
        prior = _prior_class((src, dst))
        out[(src, dst)] = PRIOR_COST if prior else max(UNSEEN_MIN_COST, _cost(rate))
    return out


def surprising_rows(
    counts: ArchiveCounts, tail: float, uncounted: bool = False, dear: float | None = None
) -> set[Sub]:
    """The listed rows the pages used more often than the table's price makes likely:
    the Poisson chance of at least their ``n`` uses, at the rate the row's cost implies
    over the true run's count ``N`` in the repaired pages (``lambda = p N``), is at most
    ``tail``.  One use of a row priced at less than one use a page is such evidence; a
    cheap row needs many.  With ``uncounted``, only the rows the table's training never
    counted (count 0: priced by a glyph-class or shape back-off, not by evidence), and,
    with ``dear``, the rows it prices at ``dear`` nats or more too (a counted row at the
    table's :data:`MAX_COST` ceiling: its training's rate is an upper bound of its price)."""
    from repair.score import ocr_table
    from repair.score.ocr_channel import confusions

    table = confusions()
    used = {s: n for s, n in counts.used.items() if s[1] and n > 0}
    if uncounted:
        zero = {
            (r[0], r[1])
            for r in ocr_table.rows_in_force(ocr_table.CONFUSIONS)
            if (r[0], r[1]) in used
            and (
                (len(r) > 3 and r[3] in ("0", ""))
                or (
                    dear is not None
                    and float(r[2]) >= dear - 1e-9
                    and counts.sure.get((r[0], r[1]), 0) > 0
                )
            )
        }
        used = {s: n for s, n in used.items() if s in zero}
    big_n = counts.true_counts(used)
    out = set()
    for (src, dst), n in used.items():
        cost = next((c for d, c in table.get(src, ()) if d == dst), None)
        if cost is None:
            continue
        lam = math.exp(-(cost + OFFSET)) * big_n.get(dst, 0)
        term = total = math.exp(-lam)  # P(X < n) summed term by term
        for k in range(1, int(n)):
            term *= lam / k
            total += term
        if 1.0 - total <= tail:
            out.add((src, dst))
    return out


def dear_listed(counts: ArchiveCounts, min_cost: float, uncounted: bool) -> Counter[Sub]:
    """The listed support (:func:`listed_support`) of the pages' still-unknown words
    for the rows the table in force prices at ``min_cost`` nats or more (with
    ``uncounted``, only the rows its training never counted)."""
    from repair.score import ocr_table
    from repair.score.ocr_channel import confusions

    support: Counter[Sub] = Counter()
    for text in counts.texts:
        support.update(listed_support(still_unknown(text)))
    table = confusions()
    zero = (
        {
            (r[0], r[1])
            for r in ocr_table.rows_in_force(ocr_table.CONFUSIONS)
            if len(r) > 3 and r[3] in ("0", "")
        }
        if uncounted
        else None
    )
    out: Counter[Sub] = Counter()
    for sub, n in support.items():
        cost = next((c for d, c in table.get(sub[0], ()) if d == sub[1]), None)
        if cost is None or cost < min_cost or (zero is not None and sub not in zero):
            continue
        out[sub] = n
    return out


def adapted_table(rows: Sequence[Sequence[str]], changed: Mapping[Sub, float]) -> str:
    """The table's TSV rows (``ocr, true, cost, count``) with ``changed`` applied: listed
    rows repriced, new ones added (count 0)."""
    lines = ["# format: repair-lexicon/1; columns: ocr, true, cost, count"]
    seen: set[Sub] = set()
    for row in rows:
        o, g, c = row[0], row[1], float(row[2])
        n = row[3] if len(row) > 3 else "0"
        if (o, g) in changed:
            c = min(c, changed[(o, g)])
            seen.add((o, g))
        lines.append(f"{o}\t{g}\t{c:.2f}\t{n}")
    for (o, g), c in sorted(changed.items()):
        if (o, g) not in seen:
            lines.append(f"{o}\t{g}\t{c:.2f}\t0")
    return "\n".join(lines) + "\n"


def still_unknown(text: str) -> list[str]:
    """The words of a repaired ``text`` that are neither known nor common on the web."""
    from repair.score.ocr_pagereach import _word_shape

    out = []
    for w in text.split():
        w = w.strip(STRIPPED)
        low = _word_shape(w)
        if low is None or len(low) < MIN_LEN:
            continue
        if unknown_word(w, low):
            out.append(w)
    return out


#: The punctuation :func:`still_unknown` strips from a word's ends.
STRIPPED = ".,;:!?\"'()[]"


def unknown_word(word: str, low: str) -> bool:
    """Whether ``word`` (``low``: lower case) is neither known nor common on the web (nor,
    with :data:`PERIOD_GUARD`, an old or period spelling).

    >>> unknown_word("Tbeir", "tbeir"), unknown_word("unto", "unto")
    (True, False)
    """
    from repair.resources.frequency import zipf
    from repair.score.ngrams import get_ngrams
    from repair.score.ocr_channel import archaic_form, is_known
    from repair.score.ocr_pagereach import RARE_ZIPF

    if is_known(low) or zipf(low) >= RARE_ZIPF:
        return False
    if PERIOD_GUARD and (archaic_form(low) or (PERIOD_GUARD == "all" and get_ngrams().known(word))):
        return False  # an old or period spelling ("vertue", "foorth"), not garble
    return True


def discounted_slot_rows(
    rows: Sequence[Sequence[str]], changed: Mapping[Sub, float]
) -> tuple[tuple[str, ...], ...]:
    """The slot table's ``rows`` with each unit the confusion table also lists made as much
    cheaper (nats) as ``changed`` made that confusion row (never dearer, never below
    :data:`MIN_COST`)."""
    from repair.score.ocr_channel import confusions

    before = {(s, d): c for s, ds in confusions().items() for d, c in ds}
    out = []
    for row in rows:
        key = (row[0], row[1])
        if key in changed and key in before and changed[key] < before[key]:
            cost = max(MIN_COST, float(row[2]) - (before[key] - changed[key]))
            row = (row[0], row[1], f"{min(cost, float(row[2])):.2f}", *row[3:])
        out.append(tuple(row))
    return tuple(out)


@dataclass
class LearnedTable:
    """:func:`learn_table`'s answer: the profile's text, its confusion table alone and
    what they rest on."""

    text: str
    pages: int
    repriced: int
    new: dict[Sub, float]
    table: str = ""
    refused: dict[Sub, list[str]] = field(default_factory=dict)
    #: Rows added to the marks section (:data:`MARK_SELFTRAIN`).
    marks: tuple[tuple[str, ...], ...] = ()


def learn_table(
    pages: Iterable[str],
    config: Any = None,
    note: Sequence[str] = (),
    min_uses: float = 0.0,
    floors: Callable[[ArchiveCounts], tuple[float, float | None]] | None = None,
    max_drop: float | None = None,
    first: Sequence[Any] | None = None,
    words: Counter[str] | None = None,
    surprise: float = 0.0,
    surprise_uncounted: bool = False,
    surprise_dear: float | None = None,
    sure_confidence: float = 0.0,
    listed_min_cost: float | None = None,
    listed_uncounted: bool = False,
) -> LearnedTable:
    """Self-train the tables in force on ``pages`` (an archive's raw OCR, no gold): repair
    each with ``config`` (default :class:`~repair.config.RepairConfig`), pool the first
    pass (:class:`ArchiveCounts`) and write an OCR profile
    (:mod:`repair.score.ocr_table`): the adapted confusion table (:func:`adapted_table`)
    and the slot and mark tables in force, with ``note`` and the counts as comments.
    A listed row is repriced only when the pages used it at least ``min_uses`` times
    (shares summed; :mod:`repair.score.ocr_docself` sets it for one document).  ``floors``
    (default none) maps the pooled first pass to the least support a new confusion row
    needs and the least speck evidence a learned mark needs
    (:func:`~repair.score.ocr_selfmarks.archive_mark_rows`'s ``min_specks``; ``None``:
    its default); ``inf`` learns none.  A repriced row is made at most ``max_drop`` nats
    cheaper (default: no bound).  ``first`` (default: none) holds the first pass's
    results of ``pages`` (one each, same order, with the tables in force): they are
    pooled as they are instead of repairing the pages again.  ``words`` (default: the
    pages') are the raw word counts the old-print guard and ``floors`` read: a sample's
    pages are judged by the whole text's (:mod:`repair.score.ocr_docself`).  A listed
    row used fewer than ``min_uses`` times is still repriced when its uses are this
    improbable at the table's price (:func:`surprising_rows`; default 0: never; with
    ``surprise_uncounted``, only a row its table never counted).  With
    ``listed_min_cost`` (default ``None``: off), a listed row priced at least that many
    nats also counts as uses the one-edit support the pages' still-unknown words give it
    (:func:`dear_listed`; with ``listed_uncounted``, only rows the table never counted):
    a row too dear for the first pass to read a word with leaves its evidence there."""
    from dataclasses import replace

    from repair.config import RepairConfig
    from repair.lexicons import parse_tsv
    from repair.pipeline import repair_text
    from repair.score import ocr_table

    # the learning reads plain first passes: no automatic self-training inside them
    config = replace(config or RepairConfig(), ocr_self_train=False)
    counts = ArchiveCounts(sure_confidence=sure_confidence)
    raws: list[str] = []
    for k, raw in enumerate(pages):
        r = first[k] if first is not None else repair_text(raw, config=config)
        counts.add(r.text, r.edits, still_unknown(r.text), raw)
        raws.append(raw)
    if words is not None:
        counts.words = Counter(words)
    least_new, min_specks = floors(counts) if floors else (0.0, None)
    if listed_min_cost is not None and least_new != math.inf:
        counts.listed = dear_listed(counts, listed_min_cost, listed_uncounted)
    surprising = (
        surprising_rows(counts, surprise, surprise_uncounted, surprise_dear) if surprise else set()
    )
    priced = {
        sub: cost
        for sub, cost in _priced_rows(counts).items()
        if (
            counts.unseen.get(sub, 0) >= least_new
            if _is_unlisted(sub)
            else counts.used.get(sub, 0) + counts.listed.get(sub, 0) >= min_uses
            or sub in surprising
        )
    }
    if max_drop is not None:
        from repair.score.ocr_channel import confusions

        before = {(s, d): c for s, ds in confusions().items() for d, c in ds}
        priced = {
            sub: max(cost, before[sub] - max_drop) if sub in before else cost
            for sub, cost in priced.items()
        }
    changed, refused = guarded_rows(priced, counts)
    new = {s: c for s, c in changed.items() if _is_unlisted(s)}
    table = adapted_table(ocr_table.rows_in_force(ocr_table.CONFUSIONS), changed)
    tables = {name: ocr_table.rows_in_force(name) for name in ocr_table.TABLES}
    if SLOT_SELFTRAIN:
        tables[ocr_table.SLOT] = discounted_slot_rows(tables[ocr_table.SLOT], changed)
    marks: tuple[tuple[str, ...], ...] = ()
    if MARK_SELFTRAIN:
        from repair.score.ocr_selfmarks import archive_mark_rows, table_mark_counts

        start = tables[ocr_table.MARKS]
        marks = tuple(archive_mark_rows(raws, table_mark_counts(start), min_specks))
        tables[ocr_table.MARKS] = (*start, *marks)
    tables[ocr_table.CONFUSIONS] = parse_tsv(
        table, "adapted table", ocr_table.TABLES[ocr_table.CONFUSIONS]
    )
    comments = [
        *note,
        f"self-trained on {len(counts.texts)} pages: {len(changed) - len(new)} rows "
        f"repriced, {len(new)} new, {len(refused)} refused by the old-print guard "
        "(repair.score.ocr_selftrain)",
        f"{len(marks)} mark rows learned from the raw pages (repair.score.ocr_selfmarks)",
    ]
    return LearnedTable(
        ocr_table.profile_text(tables, comments),
        len(counts.texts),
        len(changed) - len(new),
        new,
        table,
        refused,
        marks,
    )
