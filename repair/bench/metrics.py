"""Alignment and metrics: error rates, ERRANT-style edit precision/recall, broken tokens.

Texts are compared as sequences of **tokens** from :func:`repair.tokenize.tokenize`
without the whitespace tokens; a token that follows whitespace carries a leading
space, so ``hereof,and`` vs ``hereof, and`` and ``kingwas`` vs ``king was``
count as errors while the kind of whitespace (space, newline) does not.

* Errors are the Levenshtein distance between token sequences (rapidfuzz), and
  between characters of the whitespace-collapsed texts (CER).
* An **edit** is a change in the minimal alignment of the damaged text with
  another text (gold or output), in damaged-token positions: each substituted
  token, with an adjacent insertion or deletion joined to it (:func:`edit_blocks`).
  As in ERRANT, a tool edit is correct when the same gold edit exists: same
  damaged tokens, same new tokens.
* **Broken** tokens were correct in the input (aligned equal to the gold) and
  the tool changed them.
* A gold may offer **alternatives** where two readings are right: ``{start|beginning}``.
  :func:`resolve_gold` picks, group by group, the alternative closest to the text
  being scored (the input for the errors before, the output for everything else),
  so a tool is neither rewarded nor punished for choosing either right reading.

>>> m = doc_metrics("the cat sat", "the cat sat", "the cat sat")
>>> m.err_before, m.err_after, m.hyp_edits
(0, 0, 0)
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields

from repair.tokenize import tokenize
from repair.types import Edit

try:
    from rapidfuzz.distance import Levenshtein
except ModuleNotFoundError:  # pragma: no cover - exercised only without the extra
    Levenshtein = None

#: An edit block: (damaged start, damaged end, new tokens), damaged positions in tokens.
Block = tuple[int, int, tuple[str, ...]]


def _need_rapidfuzz() -> None:
    if Levenshtein is None:
        raise RuntimeError(
            "repair bench needs the 'rapidfuzz' package for alignments: "
            "pip install 'repair[bench]' (or pip install rapidfuzz)"
        )


@dataclass(frozen=True)
class TokenSeq:
    """The non-space tokens of a text (leading space marked) and their character spans."""

    toks: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    length: int


def token_seq(text: str) -> TokenSeq:
    toks: list[str] = []
    spans: list[tuple[int, int]] = []
    space_before = False
    for t in tokenize(text):
        if t.kind == "space":
            space_before = bool(toks)
            continue
        toks.append((" " if space_before else "") + t.text)
        spans.append((t.start, t.end))
        space_before = False
    return TokenSeq(tuple(toks), tuple(spans), len(text))


#: Runs of changed tokens larger than this (cells of the DP table) keep rapidfuzz's alignment.
_MAX_REALIGN = 40_000

Op = tuple[str, int, int, int, int]  # tag, i1, i2, j1, j2


def _sub_cost(a: str, b: str) -> float:
    """Cost of aligning token ``a`` with ``b``: 0 equal, < 1 the more their letters differ."""
    if a == b:
        return 0.0
    return 0.1 + 0.85 * Levenshtein.normalized_distance(a.strip().lower(), b.strip().lower())


def _realign(src: Sequence[str], dst: Sequence[str], i0: int, j0: int) -> list[Op]:
    """A weighted alignment of one changed run: substitutions cost by letter distance,
    so ``tbe kingwas`` aligns with ``the king was`` as tbe→the, kingwas→king + was."""
    n, m = len(src), len(dst)
    if n == 0 or m == 0 or n * m > _MAX_REALIGN:
        return []
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[str]] = [[""] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            c = cost[i][j]
            if i < n and c + 1 < cost[i + 1][j]:
                cost[i + 1][j], back[i + 1][j] = c + 1, "delete"
            if j < m and c + 1 < cost[i][j + 1]:
                cost[i][j + 1], back[i][j + 1] = c + 1, "insert"
            if i < n and j < m:
                s = c + _sub_cost(src[i], dst[j])
                if s < cost[i + 1][j + 1]:
                    cost[i + 1][j + 1] = s
                    back[i + 1][j + 1] = "equal" if src[i] == dst[j] else "replace"
    ops: list[Op] = []
    i, j = n, m
    while i or j:
        tag = back[i][j]
        di, dj = {"delete": (1, 0), "insert": (0, 1)}.get(tag, (1, 1))
        ops.append((tag, i0 + i - di, i0 + i, j0 + j - dj, j0 + j))
        i, j = i - di, j - dj
    return ops[::-1]


def _opcodes(src: Sequence[str], dst: Sequence[str]) -> list[Op]:
    """Token opcodes: rapidfuzz's minimal alignment, each changed run re-aligned by letters."""
    raw = [
        (op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end)
        for op in Levenshtein.opcodes(list(src), list(dst))
    ]
    out: list[Op] = []
    k = 0
    while k < len(raw):
        if raw[k][0] == "equal":
            out.append(raw[k])
            k += 1
            continue
        first = k
        while k < len(raw) and raw[k][0] != "equal":
            k += 1
        i1, j1, i2, j2 = raw[first][1], raw[first][3], raw[k - 1][2], raw[k - 1][4]
        out.extend(_realign(src[i1:i2], dst[j1:j2], i1, j1) or raw[first:k])
    return out


def edit_blocks(src: Sequence[str], dst: Sequence[str]) -> list[Block]:
    """The edits turning ``src`` into ``dst`` (see the module doc).

    Each substituted token is its own edit; an inserted or deleted run joins the
    substitution just before it (``kingwas`` → ``king was``), else the one just after
    it, else stands alone (``earlier than`` → ``before`` is one edit either way).
    """
    _need_rapidfuzz()
    units: list[list[int]] = []  # [i1, i2, j1, j2]
    pending: list[int] | None = None  # an insert/delete waiting for the next substitution
    last_end: tuple[int, int] | None = None  # where the last unit ends (src, dst)
    for tag, s1, s2, d1, d2 in _opcodes(src, dst):
        if tag == "equal":
            if pending is not None:
                units.append(pending)
                pending = None
            last_end = None
            continue
        if tag == "replace" and s2 - s1 == d2 - d1:
            for k in range(s2 - s1):
                u = [s1 + k, s1 + k + 1, d1 + k, d1 + k + 1]
                if pending is not None:
                    u[0], u[2] = pending[0], pending[2]
                    pending = None
                units.append(u)
            last_end = (s2, d2)
        elif last_end == (s1, d1):
            units[-1][1], units[-1][3] = s2, d2
            last_end = (s2, d2)
        elif pending is not None:
            pending[1], pending[3] = s2, d2
        else:
            pending = [s1, s2, d1, d2]
    if pending is not None:
        units.append(pending)
    return [(i1, i2, tuple(dst[j1:j2])) for i1, i2, j1, j2 in units]


def token_distance(a: Sequence[str], b: Sequence[str]) -> int:
    _need_rapidfuzz()
    return int(Levenshtein.distance(list(a), list(b)))


def collapse_space(text: str) -> str:
    return " ".join(text.split())


def char_distance(a: str, b: str) -> int:
    _need_rapidfuzz()
    return int(Levenshtein.distance(collapse_space(a), collapse_space(b)))


def _overlaps(a: int, b: int, x: int, y: int) -> bool:
    if a == b or x == y:
        return max(a, x) <= min(b, y)
    return max(a, x) < min(b, y)


def _block_span(seq: TokenSeq, i1: int, i2: int) -> tuple[int, int]:
    if i2 > i1:
        return seq.spans[i1][0], seq.spans[i2 - 1][1]
    p = seq.spans[i1][0] if i1 < len(seq.spans) else seq.length
    return p, p


def edit_kind(seq: TokenSeq, block: Block, edits: Sequence[Edit]) -> str:
    """The kind of the tool edit(s) under ``block``; ``other`` if none overlaps it."""
    a, b = _block_span(seq, block[0], block[1])
    kinds = sorted({e.kind for e in edits if _overlaps(a, b, e.offset, e.end)})
    return "+".join(kinds) if kinds else "other"


@dataclass
class Counts:
    """Additive counts for one document or a whole suite (sum them with ``+``)."""

    docs: int = 0
    words: int = 0
    tokens_gold: int = 0
    err_before: int = 0
    err_after: int = 0
    chars_gold: int = 0
    cerr_before: int = 0
    cerr_after: int = 0
    gold_edits: int = 0
    hyp_edits: int = 0
    tp: int = 0
    correct_input: int = 0
    broken: int = 0
    changed_docs: int = 0
    #: documents whose gold equals the input (nothing may change) / how many of them changed
    clean_docs: int = 0
    clean_changed: int = 0
    by_kind: dict[str, dict[str, int]] = field(default_factory=dict)

    def __add__(self, other: Counts) -> Counts:
        out = Counts()
        for f in fields(self):
            if f.name != "by_kind":
                setattr(out, f.name, getattr(self, f.name) + getattr(other, f.name))
        for src in (self.by_kind, other.by_kind):
            for kind, c in src.items():
                dst = out.by_kind.setdefault(kind, {"edits": 0, "tp": 0, "broken": 0})
                for k, v in c.items():
                    dst[k] = dst.get(k, 0) + v
        return out

    # ---- derived rates (None when undefined)
    @property
    def wer_before(self) -> float | None:
        return _ratio(self.err_before, self.tokens_gold)

    @property
    def wer_after(self) -> float | None:
        return _ratio(self.err_after, self.tokens_gold)

    @property
    def cer_before(self) -> float | None:
        return _ratio(self.cerr_before, self.chars_gold)

    @property
    def cer_after(self) -> float | None:
        return _ratio(self.cerr_after, self.chars_gold)

    @property
    def reduction(self) -> float | None:
        """(errors before − errors after) / errors before, over tokens."""
        return _ratio(self.err_before - self.err_after, self.err_before)

    @property
    def char_reduction(self) -> float | None:
        return _ratio(self.cerr_before - self.cerr_after, self.cerr_before)

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.hyp_edits)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.gold_edits)

    @property
    def f05(self) -> float | None:
        return f_beta(self.tp, self.hyp_edits, self.gold_edits, 0.5)

    @property
    def broken_rate(self) -> float | None:
        return _ratio(self.broken, self.correct_input)

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {f.name: getattr(self, f.name) for f in fields(self)}
        for name in (
            "wer_before", "wer_after", "cer_before", "cer_after", "reduction",
            "char_reduction", "precision", "recall", "f05", "broken_rate",
        ):  # fmt: skip
            value = getattr(self, name)
            out[name] = None if value is None else round(value, 6)
        return out


def _ratio(a: float, b: float) -> float | None:
    return a / b if b else None


def f_beta(tp: int, hyp: int, gold: int, beta: float = 0.5) -> float | None:
    """ERRANT's F-beta; None when the tool made no edit and there was nothing to fix."""
    if hyp == 0 and gold == 0:
        return None
    p = tp / hyp if hyp else 1.0
    r = tp / gold if gold else 1.0
    if p + r == 0:
        return 0.0
    b2 = beta * beta
    return (1 + b2) * p * r / (b2 * p + r)


#: A group of alternatives in a gold text: ``{a|b}`` (at least two, no nesting).
ALTERNATIVES_RE = re.compile(r"\{([^{}|]*(?:\|[^{}|]*)+)\}")


def resolve_gold(gold: str, target: str) -> str:
    """``gold`` with each ``{a|b|...}`` group replaced by the alternative closest to ``target``.

    Groups are decided left to right, each by the token distance to ``target`` of
    the whole text (groups not yet decided read as their first alternative).

    >>> resolve_gold("the {start|beginning} of {it|that}", "the beginning of it")
    'the beginning of it'
    """
    parts = ALTERNATIVES_RE.split(gold)  # text, alternatives, text, alternatives, ..., text
    if len(parts) == 1:
        return gold
    choices = [p.split("|") for p in parts[1::2]]
    chosen = [c[0] for c in choices]
    goal = token_seq(target).toks

    def text_with(k: int, alt: str) -> str:
        picks = chosen[:k] + [alt] + chosen[k + 1 :]
        return "".join(p for pair in zip(parts[0::2], [*picks, ""], strict=True) for p in pair)

    for k, options in enumerate(choices):
        if len(set(options)) > 1:
            chosen[k] = min(
                options, key=lambda alt: token_distance(token_seq(text_with(k, alt)).toks, goal)
            )
    return text_with(len(choices) - 1, chosen[-1])


def doc_metrics(
    damaged: str, clean: str, output: str, edits: Iterable[Edit] | None = None
) -> Counts:
    """Counts for one pair and one tool's output (``edits`` give the per-kind split).

    ``clean`` may hold ``{a|b}`` alternatives (see :func:`resolve_gold`).

    >>> gold = "I said the {start|beginning}"
    >>> m = doc_metrics("I mentioned the beginning", gold, "I said the start")
    >>> m.err_before, m.err_after, m.gold_edits, m.tp
    (1, 0, 2, 2)
    """
    clean_before = resolve_gold(clean, damaged)
    clean = resolve_gold(clean, output)
    d, g, h = token_seq(damaged), token_seq(clean), token_seq(output)
    gold = edit_blocks(d.toks, g.toks)
    hyp = edit_blocks(d.toks, h.toks)
    gold_set = set(gold)
    wrong_in_input = {i for i1, i2, _ in gold for i in range(i1, i2)}
    touched: dict[int, int] = {}  # damaged token -> index of the hyp block changing it
    for n, (i1, i2, _) in enumerate(hyp):
        for i in range(i1, i2):
            touched[i] = n
    broken_tokens = [i for i in touched if i not in wrong_in_input]
    c = Counts(
        docs=1,
        words=sum(1 for t in d.toks if t.strip()[:1].isalpha()),
        tokens_gold=len(g.toks),
        err_before=token_distance(d.toks, token_seq(clean_before).toks),
        err_after=token_distance(h.toks, g.toks),
        chars_gold=len(collapse_space(clean)),
        cerr_before=char_distance(damaged, clean_before),
        cerr_after=char_distance(output, clean),
        gold_edits=len(gold),
        hyp_edits=len(hyp),
        tp=sum(1 for b in hyp if b in gold_set),
        correct_input=len(d.toks) - len(wrong_in_input),
        broken=len(broken_tokens),
        changed_docs=int(output != damaged),
        clean_docs=int(damaged == clean_before),
        clean_changed=int(damaged == clean_before and output != damaged),
    )
    edits = list(edits) if edits is not None else None
    if edits is not None:
        broken_by_block: dict[int, int] = {}
        for i in broken_tokens:
            broken_by_block[touched[i]] = broken_by_block.get(touched[i], 0) + 1
        for n, block in enumerate(hyp):
            k = c.by_kind.setdefault(edit_kind(d, block, edits), {"edits": 0, "tp": 0, "broken": 0})
            k["edits"] += 1
            k["tp"] += int(block in gold_set)
            k["broken"] += broken_by_block.get(n, 0)
    return c


# ---------------------------------------------------------------- unaligned references


def _words(text: str) -> list[str]:
    return [t.text.lower() for t in tokenize(text) if t.kind == "word"]


def ngrams(words: Sequence[str], n: int) -> list[tuple[str, ...]]:
    return [tuple(words[i : i + n]) for i in range(len(words) - n + 1)]


def ngram_overlap(text: str, references: Sequence[str], n: int) -> float | None:
    """Share of the text's word n-grams (lower case) found in any reference."""
    grams = ngrams(_words(text), n)
    if not grams:
        return None
    ref: set[tuple[str, ...]] = set()
    for r in references:
        ref.update(ngrams(_words(r), n))
    return sum(1 for x in grams if x in ref) / len(grams)


def perplexity(text: str) -> float | None:
    """Per-word perplexity of the text's words under the trigram LM (lower is more fluent)."""
    from repair.resources.lm import get_lm

    ws = _words(text)
    if not ws:
        return None
    return math.exp(-get_lm().sequence_logprob(ws) / len(ws))
