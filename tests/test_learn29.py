"""Learning an unknown spinner (session 29): common spun forms and written multi-word spans
learned from corpus statistics (:func:`repair.learn._common_pairs`, :func:`_phrase_pairs`)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

import repair.learn as learn
from repair.config import RepairConfig
from repair.learn import _ContextSpace, corpus_pairs

NO_PROFILE = RepairConfig(mojibake=False, ocr=False, tortured=False, spin_profile=None)


def _row(text: str, written: str, original: str, gain: float = 5.0, context: float = 2.0):
    start = text.lower().index(written)
    return SimpleNamespace(
        start=start, end=start + len(written), written=written, original=original,
        gain=gain, context=context, margin=5.0,
    )  # fmt: skip


# "research workers" written for "researchers" in every document; "researchers" itself
# left where the spinner did not change it, in the same contexts
PHRASE_DOCS = [
    "Yesterday the research workers said the new drug worked. Later the researchers said "
    "that more tests were needed.",
    "In the trial the research workers said nothing about costs, and the researchers said "
    "the results were early.",
    "The research workers said the sample was small. Other researchers said it was fine.",
]


def _phrase_dets(original: str = "researchers") -> list[SimpleNamespace]:
    return [
        SimpleNamespace(
            score=1.0, words=(), common=(), phrases=(_row(t, "research workers", original),)
        )
        for t in PHRASE_DOCS
    ]


@pytest.mark.parametrize("on", [True, False])
def test_a_multi_word_span_is_learned_from_corpus_rows(
    monkeypatch: pytest.MonkeyPatch, on: bool
) -> None:
    monkeypatch.setattr(learn, "CORPUS_PHRASES", on)
    got = {(p.spun, p.original) for p in corpus_pairs(PHRASE_DOCS, detections=_phrase_dets())}
    assert (("research workers", "researchers") in got) is on


def test_a_multi_word_span_needs_contexts_like_its_original(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(learn, "CORPUS_PHRASES", True)
    # "analysts" is one of the span's table originals, but never written in its contexts
    dets = _phrase_dets("analysts")
    assert not any(" " in p.spun for p in corpus_pairs(PHRASE_DOCS, detections=dets))


@pytest.mark.parametrize("bar", ["PHRASE_MIN_EXCESS", "PHRASE_MIN_MARGIN", "PHRASE_MIN_GAIN"])
def test_a_multi_word_span_needs_its_bars(monkeypatch: pytest.MonkeyPatch, bar: str) -> None:
    monkeypatch.setattr(learn, "CORPUS_PHRASES", True)
    monkeypatch.setattr(learn, bar, 1e12)
    assert not any(" " in p.spun for p in corpus_pairs(PHRASE_DOCS, detections=_phrase_dets()))


def test_clean_detections_teach_no_multi_word_span() -> None:
    dets = [SimpleNamespace(score=0.0, words=(), common=(), phrases=d.phrases)
            for d in _phrase_dets()]  # fmt: skip
    assert corpus_pairs(PHRASE_DOCS, detections=dets) == []


def test_context_space_reads_multi_word_spans() -> None:
    space = _ContextSpace(PHRASE_DOCS)
    assert space.phrase_count("research workers") == 3
    assert space.phrase_count("workers said") == 3
    assert space.phrase_count("said the results") == 1
    vec = space.vector("research workers")
    assert (-1, "the") in vec and (1, "said") in vec and (-1, "research") not in vec
    assert space.nearest("research workers", {"researchers", "analysts"}) == "researchers"


# "happened" written for "found" (common words both): over-used, its original under-used
COMMON_DOCS = [
    "The study happened that most people slept well, and a second study happened the same.",
    "A new study happened that children read more. Another study found that too.",
    "The report happened that sales rose, and the study happened that prices fell.",
]


def _common_dets(field: str = "common") -> list[SimpleNamespace]:
    out = []
    for t in COMMON_DOCS:
        low, rows, at = t.lower(), [], 0
        while (k := low.find("happened", at)) >= 0:
            rows.append(SimpleNamespace(start=k, end=k + 8, written="happened",
                                        original="found", gain=4.0, context=2.0))  # fmt: skip
            at = k + 1
        dets = {"words": (), "common": (), "phrases": ()}
        dets[field] = tuple(rows)
        out.append(SimpleNamespace(score=1.0, **dets))
    return out


@pytest.mark.parametrize("field", ["common", "words"])
@pytest.mark.parametrize("on", [True, False])
def test_a_common_spun_form_is_learned_when_the_counts_show_the_spinner(
    monkeypatch: pytest.MonkeyPatch, on: bool, field: str
) -> None:
    monkeypatch.setattr(learn, "CORPUS_COMMON", on)
    got = {(p.spun, p.original) for p in corpus_pairs(COMMON_DOCS, detections=_common_dets(field))}
    assert (("happened", "found") in got) is on


def test_a_common_spun_form_is_not_learned_where_its_original_is_written_freely(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(learn, "CORPUS_COMMON", True)
    # the same rows, but "found" written as often as wordfreq expects beside "happened"
    more = " They found it. We found more. She found one. He found two. I found none."
    docs = [t + more + more for t in COMMON_DOCS]
    assert corpus_pairs(docs, detections=_common_dets()) == []


def test_common_pairs_keep_the_lm_bars(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(learn, "CORPUS_COMMON", True)
    monkeypatch.setattr(learn, "COMMON_MIN_GAIN", 4.5)
    assert corpus_pairs(COMMON_DOCS, detections=_common_dets()) == []


def test_a_written_span_is_a_variant_only_of_its_words_closed_up() -> None:
    assert learn._variant("every day", "everyday")
    assert not learn._variant("research workers", "researchers")
    assert learn._variant("kilometres", "kilometers")
