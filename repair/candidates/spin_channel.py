"""The spinner's channel for a (written word, candidate original) pair, read from
``lexicons/spin_channel.tsv`` (built by ``scripts/build_spin_channel.py``).

The LM says how well a candidate fits the context; the channel says how likely a
spinner starting from the candidate was to write the word we see:

* :func:`fanout`: how many written forms list a form as a candidate original (a word
  with many synonyms is swapped for any one of them: each is less likely);
* :func:`wordnet_shared`: how many WordNet 3.0 synsets the written form and the
  candidate share (0: only a loose thesaurus listing links them);
* :func:`sense_ranks`: which senses of each the best shared synset is (a spinner's
  dictionary takes a word's synonyms from some of its senses, not all).

Looked up in place (:class:`~repair.resources.sorted_lines.SortedLines`); a form the
file does not list has fanout 0 and no WordNet pair.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from repair.lexicons import LexiconError, format_header, lexicon_path, read_text
from repair.resources.sorted_lines import SortedLines, indexed

CHANNEL = "spin_channel.tsv"
COLUMNS = ("form", "fanout", "wordnet")


@lru_cache(maxsize=1)
def _table() -> SortedLines[str]:
    text = read_text(CHANNEL)
    header, _, rest = text.partition("\n")
    if header.strip() != format_header(COLUMNS):
        raise LexiconError(f"{CHANNEL}, line 1: expected {format_header(COLUMNS)!r}")
    body = rest
    while body.startswith("#"):
        body = body.partition("\n")[2]
    first = body[: body.find("\n")]
    if first and (first.count("\t") != 2 or not first.split("\t")[1].isdigit()):
        raise LexiconError(f"{CHANNEL}: need 'form<TAB>fanout<TAB>wordnet': {first!r}")
    return indexed(CHANNEL, lexicon_path(CHANNEL), text, len(text) - len(body))


@lru_cache(maxsize=200_000)
def _row(form: str) -> tuple[int, str]:
    """(fanout, WordNet cell) of ``form``: the cell's ``original:shared:ranks`` items each
    after a comma ("" for none), kept as the table's text and searched on demand
    (:func:`_pair`): two dicts a form held ~11 MB of this memo on 250 k code points of
    rare-spun text (issue 14)."""
    v = _table().get(form)
    if v is None:
        return 0, ""
    fan, _, wn = v.partition("\t")
    return int(fan), "" if wn == "-" else "," + wn


def _pair(written: str, original: str) -> tuple[str, str] | None:
    """(shared synsets, sense ranks) of the last item of ``written``'s WordNet cell whose
    original is ``original`` (what a dict filled item by item would hold), None if none."""
    return _cell_pair(_row(written)[1], original)


def _cell_pair(cell: str, original: str) -> tuple[str, str] | None:
    """:func:`_pair` in a WordNet ``cell`` already read."""
    needle = "," + original + ":"
    end = len(cell)
    while (p := cell.rfind(needle, 0, end)) >= 0:
        q = cell.find(",", p + 1)
        rest, _, ranks = cell[p + 1 : len(cell) if q < 0 else q].rpartition(":")
        o, _, n = rest.rpartition(":")
        if o == original:
            return n, ranks
        end = p + len(needle) - 1  # an earlier item: one that starts before p
    return None


def fanout(form: str) -> int:
    """How many written forms list the lower-case ``form`` as a candidate original.

    >>> fanout("said") > fanout("declared")
    True
    """
    return _row(form)[0]


def wordnet_shared(written: str, original: str) -> int:
    """WordNet 3.0 synsets the lower-case forms ``written`` and ``original`` share.

    >>> wordnet_shared("purchased", "bought") > 0, wordnet_shared("purchased", "table")
    (True, 0)
    """
    got = _pair(written, original)
    return 0 if got is None else int(got[0])


def wordnet_shared_each(written: str, originals: Sequence[str]) -> list[int]:
    """:func:`wordnet_shared` of ``written`` with each of ``originals``, in order, the
    written word's cell read once (the same ints; a candidate table's static rows read a
    written word's pair with each of its candidates: issue 14)."""
    cell = _row(written)[1]
    if not cell:
        return [0] * len(originals)
    out = []
    for original in originals:
        got = _cell_pair(cell, original)
        out.append(0 if got is None else int(got[0]))
    return out


def sense_ranks(written: str, original: str) -> tuple[int, int] | None:
    """The sense ranks (0 first, capped at 9) of the best WordNet 3.0 synset the lower-case
    forms share: the original's, then the written form's; None where they share none.

    >>> sense_ranks("purchased", "bought"), sense_ranks("purchased", "table")
    ((0, 0), None)
    """
    got = _pair(written, original)
    return None if got is None else (int(got[1][0]), int(got[1][1]))
