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
:data:`UNSEEN_MIN_COST`.  A second repair with that table is the self-trained one.  No
page's gold is read at any step.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
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

Sub = tuple[str, str]


@dataclass
class ArchiveCounts:
    """What a first repair of an archive's pages shows of its confusions."""

    used: Counter[Sub] = field(default_factory=Counter)
    unseen: Counter[Sub] = field(default_factory=Counter)
    texts: list[str] = field(default_factory=list)

    def add(self, repaired: str, edits: Iterable[Any], unknown: Iterable[str]) -> None:
        """One page: its repaired text, its edits and its words still unknown."""
        self.texts.append(repaired)
        from repair.score.ocr_channel import is_known

        for e in edits:
            if not COUNT_REALWORD and is_known(str(getattr(e, "original", "")).lower()):
                continue
            for sub in (getattr(e, "evidence", None) or {}).get("substitutions", ()):
                if len(sub) == 2 and sub[0] != sub[1]:
                    self.used[(sub[0], sub[1])] += 1
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


def _is_unlisted(sub: Sub) -> bool:
    """Whether ``sub`` may become a new row: the table lacks it, it prints a glyph (a row
    with nothing printed is never walked) and it is no spelling convention of old print
    (i/j, u/v, i/y: a period text spells so)."""
    from repair.score.ocr_channel import _ARCHAIC, confusions

    if not sub[0] or sub in _ARCHAIC:
        return False
    return all(d != sub[1] for d, _c in confusions().get(sub[0], ()))


def _cost(rate: float) -> float:
    return min(MAX_COST, max(MIN_COST, -math.log(max(rate, 1e-12)) - OFFSET))


def adapted_rows(counts: ArchiveCounts) -> dict[Sub, float]:
    """The changed and new rows: ``{(printed, true): cost}``."""
    from repair.score.ocr_channel import confusions

    table = confusions()
    new = {s: n for s, n in counts.unseen.items() if n >= MIN_SUPPORT}
    big_n = counts.true_counts([*counts.used, *new])
    out: dict[Sub, float] = {}
    for (src, dst), n in counts.used.items():
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
        out[(src, dst)] = max(UNSEEN_MIN_COST, _cost(rate))
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
    from repair.resources.frequency import zipf
    from repair.score.ngrams import get_ngrams
    from repair.score.ocr_channel import archaic_form, is_known
    from repair.score.ocr_pagereach import RARE_ZIPF, _word_shape

    period = get_ngrams()
    out = []
    for w in text.split():
        w = w.strip(".,;:!?\"'()[]")
        low = _word_shape(w)
        if low is None or len(low) < MIN_LEN:
            continue
        if is_known(low) or zipf(low) >= RARE_ZIPF:
            continue
        if PERIOD_GUARD and (archaic_form(low) or (PERIOD_GUARD == "all" and period.known(w))):
            continue  # an old or period spelling ("vertue", "foorth"), not garble
        out.append(w)
    return out


@dataclass
class LearnedTable:
    """:func:`learn_table`'s answer: the table's TSV text and what it rests on."""

    text: str
    pages: int
    repriced: int
    new: dict[Sub, float]


def learn_table(pages: Iterable[str], config: Any = None, note: Sequence[str] = ()) -> LearnedTable:
    """Self-train the table in force on ``pages`` (an archive's raw OCR, no gold): repair
    each with ``config`` (default :class:`~repair.config.RepairConfig`), pool the first
    pass (:class:`ArchiveCounts`) and write the adapted table (:func:`adapted_table`),
    with ``note`` and the counts as comment lines after its format header."""
    from repair.config import RepairConfig
    from repair.pipeline import repair_text
    from repair.score import ocr_channel

    config = config or RepairConfig()
    counts = ArchiveCounts()
    for raw in pages:
        r = repair_text(raw, config=config)
        counts.add(r.text, r.edits, still_unknown(r.text))
    changed = adapted_rows(counts)
    new = {s: c for s, c in changed.items() if _is_unlisted(s)}
    text = adapted_table(ocr_channel._table_rows(), changed)
    header, _, body = text.partition("\n")
    comments = [
        *(f"# {line}" for line in note),
        f"# self-trained on {len(counts.texts)} pages: {len(changed) - len(new)} rows "
        f"repriced, {len(new)} new (repair.score.ocr_selftrain)",
    ]
    return LearnedTable(
        "\n".join([header, *comments, body]), len(counts.texts), len(changed) - len(new), new
    )
