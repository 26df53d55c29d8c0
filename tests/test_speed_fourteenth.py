"""Fast paths of issue 14's session 14 give what the plain computations give.

Each is compared with the computation it replaces; no timing is asserted.
"""

from __future__ import annotations

import gzip
import random
from pathlib import Path

import pytest

from repair.candidates import ocr as gen
from repair.candidates.ocr_rules import cand
from repair.document import Document
from repair.resources.lm import UNKNOWN_LOGPROB, get_lm
from repair.score.ngrams import WORDS_MAGIC, WordList, get_ngrams
from repair.stages import ocr as ocr_stage
from repair.types import Token


def _word_list(tmp_path: Path, words: list[str]) -> WordList:
    body = "\n".join(sorted(set(words), key=lambda w: w.encode("utf-8")))
    path = tmp_path / "words.txt.gz"
    path.write_bytes(gzip.compress(f"# {WORDS_MAGIC} 1 {len(set(words))}\n# test\n{body}".encode()))
    return WordList(path)


def _probes(words: list[str], seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    out = [*words, *(w[:-1] for w in words), *(w + "s" for w in words)]
    out += ["", "\n", "a\nb", f"{words[0]}\n{words[1]}", "\x00", "zzzzzzzz", "ÿ", "é"]
    out += ["".join(rng.choice("abcdeé'-") for _ in range(rng.randint(1, 7))) for _ in range(3_000)]
    return out


@pytest.mark.parametrize("step", [1, 7, 64, 1024])
def test_word_list_membership_by_blocks_is_the_bisection(tmp_path: Path, step: int) -> None:
    """The sampled-block look-up answers as the bisection on byte offsets, whatever the
    block size (first and last lines, words that are prefixes of others, non-ASCII)."""
    rng = random.Random(step)
    words = ["a", "ab", "abc", "b", "ba", "é", "éa", "zz", "zzz"]
    words += ["".join(rng.choice("abcdeéz'") for _ in range(rng.randint(1, 6))) for _ in range(800)]
    wl = _word_list(tmp_path, words)
    wl.SAMPLE_BYTES = step  # type: ignore[misc]
    for probe in _probes(sorted(set(words))):
        assert (probe in wl) == wl._bisect(probe), probe
    assert all(w in wl for w in words)


def test_word_list_membership_on_the_shipped_lists() -> None:
    """The same answers on the period names and words lists (every word, and near misses)."""
    table = get_ngrams()
    for kind in ("names", "words"):
        wl = table._list(kind)
        if not isinstance(wl, WordList):
            pytest.skip("no shipped word list")
        words = list(wl)[::37]
        for probe in _probes(words):
            assert (probe in wl) == wl._bisect(probe), (kind, probe)


def test_word_list_single_line_and_empty(tmp_path: Path) -> None:
    wl = _word_list(tmp_path, ["only"])
    assert "only" in wl and "onl" not in wl and "onlyx" not in wl and "" not in wl


def test_sequence_logprob_is_the_sum_of_scaled_ngrams() -> None:
    """The inline scaling equals :meth:`LanguageModel._scaled` of each n-gram."""
    lm = get_lm()
    cases = [
        (["the", "cat", "sat"], []),
        (["qzxv", "of", "the"], ["in"]),
        (["house", "xqzzy"], ["the", "of"]),
        (["The", "Court"], ["OF", "qqqq"]),
    ]
    for words, history in cases:
        hist = [h.lower() for h in history]
        total = 0.0
        for w in words:
            ctx = hist[-2:]
            grams = [w.lower(), *reversed(ctx)]
            total += lm._scaled(lm._model.prob(grams))
            hist.append(w.lower())
        assert lm.sequence_logprob(words, history) == total
    assert lm.sequence_logprob(["qzxvqq"]) == UNKNOWN_LOGPROB


def test_candidate_keeps_its_own_features() -> None:
    """``cand`` stores the keyword dict it was given (a fresh one per call)."""
    feats = {"cost": 1.0, "orig": ["tbe"]}
    a = cand(0, 3, "the", "OCR_CONFUSION", **feats)
    b = cand(0, 3, "the", "OCR_CONFUSION", **feats)
    assert a.features == b.features == feats
    assert a.features is not b.features and a.features is not feats
    a.features["cost"] = 2.0
    assert b.features["cost"] == 1.0 and feats["cost"] == 1.0


class _CopyingGenerator(gen._Generator):
    """The stem reading as it was: a copy of the token list with the stem in place."""

    def _stem(self, toks: list[Token], i: int, info: gen._DocInfo) -> list:  # type: ignore[override]
        from repair.candidates import ocr_affix
        from repair.candidates.ocr_realword import opens_sentence
        from repair.detect.ocr import token_reason
        from repair.score.ocr_channel import is_known

        tok = toks[i]
        cut = ocr_affix.split_affix(tok.text)
        if cut is None:
            return []
        stem = tok.text[cut[0] : cut[1]]
        if not stem.isalpha() and ocr_affix.split_affix(stem) is None:
            return []
        inner = Token(stem, tok.start + cut[0], tok.start + cut[1], tok.kind)
        if not stem.isalpha():
            return self._stem([*toks[:i], inner, *toks[i + 1 :]], i, info)
        reason = token_reason(inner, opens_sentence(toks, i))
        if reason not in ("nonword", "capitalized_unknown") or is_known(stem.lower()):
            return []
        return self._token([*toks[:i], inner, *toks[i + 1 :]], i, reason, info)


def test_stem_readings_swap_the_token_back(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading an affixed word's stem in place gives the copying version's candidates,
    and leaves the document's token list as it was (the same token objects)."""
    text = (
        "Tho caso was hoard by tho Judgo. Mr. Rhodcs's ovidonco was takon, and tho jury "
        "rotirod for an hour. O'Rogan's horso, tbe Smitli's cart and M'Kenzie's dog wcre "
        "thero; tho Ilotel's ownor camo late."
    )
    doc = Document(text)
    stage = ocr_stage.STAGE
    detection = stage.detect(doc)
    assert detection.findings
    before = list(doc.tokens)
    seen = []
    token = gen._Generator._token

    def checked(self: gen._Generator, toks: list[Token], i: int, reason: str, info: object):  # noqa: ANN202
        # the document's own list is never the one with the stem swapped in
        assert all(a is b for a, b in zip(doc.tokens, before, strict=True))
        seen.append(toks is doc.tokens)
        return token(self, toks, i, reason, info)  # type: ignore[arg-type]

    monkeypatch.setattr(gen._Generator, "_token", checked)
    fast = gen.ocr_candidates(doc, detection, True)
    monkeypatch.setattr(gen._Generator, "_token", token)
    assert False in seen  # a stem was read on a copy
    assert doc.tokens == before and all(a is b for a, b in zip(doc.tokens, before, strict=True))
    monkeypatch.setattr(gen, "_GENERATOR", _CopyingGenerator())
    plain = gen.ocr_candidates(Document(text), stage.detect(Document(text)), True)
    key = [(c.start, c.end, c.replacement, c.source, c.features) for c in fast]
    assert key == [(c.start, c.end, c.replacement, c.source, c.features) for c in plain]
    stems = [c for c in fast if text[c.start : c.end] == "Rhodcs"]
    assert stems  # the stem was read


def test_tokens_built_from_slots_are_constructed_tokens(monkeypatch: pytest.MonkeyPatch) -> None:
    """:func:`tokenize` setting the slots gives the tokens the constructor gives (equal,
    same hash and repr, still frozen) on the repository's texts and odd characters."""
    from dataclasses import FrozenInstanceError

    import repair.tokenize as tk

    assert tk._FAST_TOKENS  # the fast path is the one tested
    root = Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "seeds").glob("*.txt"))]
    texts += ["", " ", "don’t 1,000.5 ſome\u00a0\t\nx_y __ 3rd — «ok»", "\U0001f600a\u0301b"]
    for text in texts:
        fast = tk.tokenize(text)
        monkeypatch.setattr(tk, "_FAST_TOKENS", False)
        plain = tk.tokenize(text)
        monkeypatch.setattr(tk, "_FAST_TOKENS", True)
        assert fast == plain == list(tk.iter_tokens(text))
        assert [hash(t) for t in fast] == [hash(t) for t in plain]
        assert [repr(t) for t in fast] == [repr(t) for t in plain]
    tok = tk.tokenize("word")[0]
    with pytest.raises(FrozenInstanceError):
        tok.text = "other"  # type: ignore[misc]
