"""Alignment and metrics: error rates, ERRANT-style edit precision/recall, broken tokens.

Texts are compared as sequences of **tokens** from :func:`repair.tokenize.tokenize`
without the whitespace tokens; a token that follows whitespace carries a leading
space, so ``hereof,and`` vs ``hereof, and`` and ``kingwas`` vs ``king was``
count as errors while the kind of whitespace (space, newline) does not.

* Errors are the Levenshtein distance between token sequences (rapidfuzz), and
  between characters of the whitespace-collapsed texts (CER).
* An **edit** is a run of non-equal tokens in the minimal alignment of the
  damaged text with another text (gold or output), in damaged-token positions;
  a run that replaces as many tokens as it has is split into 1:1 edits.  As in
  ERRANT, a tool edit is correct when the same gold edit exists: same damaged
  tokens, same new tokens.
* **Broken** tokens were correct in the input (aligned equal to the gold) and
  the tool changed them.

>>> m = doc_metrics("the cat sat", "the cat sat", "the cat sat")
>>> m.err_before, m.err_after, m.hyp_edits
(0, 0, 0)
"""

from __future__ import annotations

import math
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


def edit_blocks(src: Sequence[str], dst: Sequence[str]) -> list[Block]:
    """The edits turning ``src`` into ``dst`` (minimal alignment; see the module doc)."""
    _need_rapidfuzz()
    blocks: list[Block] = []
    run: list[int] | None = None  # [i1, i2, j1, j2]
    ops = [op for op in Levenshtein.opcodes(list(src), list(dst))]
    for op in [*ops, None]:
        if op is not None and op.tag != "equal":
            if run is None:
                run = [op.src_start, op.src_end, op.dest_start, op.dest_end]
            else:
                run[1], run[3] = op.src_end, op.dest_end
            continue
        if run is not None:
            i1, i2, j1, j2 = run
            if i2 - i1 == j2 - j1 and i2 - i1 > 1:
                blocks.extend(
                    (i1 + k, i1 + k + 1, (dst[j1 + k],))
                    for k in range(i2 - i1)
                    if src[i1 + k] != dst[j1 + k]
                )
            else:
                blocks.append((i1, i2, tuple(dst[j1:j2])))
            run = None
    return blocks


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


def doc_metrics(
    damaged: str, clean: str, output: str, edits: Iterable[Edit] | None = None
) -> Counts:
    """Counts for one pair and one tool's output (``edits`` give the per-kind split)."""
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
        err_before=token_distance(d.toks, g.toks),
        err_after=token_distance(h.toks, g.toks),
        chars_gold=len(collapse_space(clean)),
        cerr_before=char_distance(damaged, clean),
        cerr_after=char_distance(output, clean),
        gold_edits=len(gold),
        hyp_edits=len(hyp),
        tp=sum(1 for b in hyp if b in gold_set),
        correct_input=len(d.toks) - len(wrong_in_input),
        broken=len(broken_tokens),
        changed_docs=int(output != damaged),
        clean_docs=int(damaged == clean),
        clean_changed=int(damaged == clean and output != damaged),
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
    from repair.score.lm import get_lm

    ws = _words(text)
    if not ws:
        return None
    return math.exp(-get_lm().sequence_logprob(ws) / len(ws))
