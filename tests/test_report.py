"""The reports: sentence-sized diff, self-contained HTML, LanguageTool-like JSON.

Results are built by hand (tests/cases/report_cases.json) so these tests do not
depend on what the stages find.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from repair.report import FORMATS, render
from repair.report import diff as diff_report
from repair.report import html as html_report
from repair.report import json as json_report
from repair.report.sample import hand_edit, hand_result
from repair.tokenize import sentence_spans
from repair.types import DocScores, Edit, RepairResult
from repair.write import apply_edits
from tests.cdp import headless_args

CASES_FILE = Path(__file__).parent / "cases" / "report_cases.json"
CASES = json.loads(CASES_FILE.read_text(encoding="utf-8"))["cases"]
CHROMIUM = Path("/usr/bin/chromium")


def build(text: str, specs: list[list], **evidence: object) -> RepairResult:
    edits = [
        hand_edit(
            text,
            phrase,
            occ,
            repl,
            kind,
            conf,
            rule,
            f"{kind}: {phrase!r}",
            {"pair": f"{phrase}->{repl}", **evidence},
            (repl.upper(),),
        )
        for phrase, occ, repl, kind, conf, rule in specs
    ]
    return hand_result(text, edits, spin=0.7)


def case_result(case: dict) -> RepairResult:
    return build(case["text"], case["edits"])


def spun_result(spun_seed: str) -> RepairResult:
    specs = [
        ["Chinese language chief", 0, "Chinese leader", "spin", 0.88, "SPIN_PAIR"],
        ["assembly", 0, "meeting", "spin", 0.93, "SPIN_PAIR"],
        ["mentioned", 0, "said", "spin", 0.95, "SPIN_PAIR"],
        ["mentioned", 5, "said", "spin", 0.95, "SPIN_PAIR"],
        ["earlier than", 0, "before", "spin", 0.84, "SPIN_PAIR"],
    ]
    return build(spun_seed, specs, lm_gain=3.25, zipf=(5.1, 6.0), seen={"x"})


IDS = [c["name"] for c in CASES]
EDITED = [c for c in CASES if c["edits"]]
CLEAN = [c for c in CASES if not c["edits"]]


# ----------------------------------------------------------------------------- dispatch


def test_render_dispatches_to_every_format():
    r = case_result(EDITED[0])
    for fmt in FORMATS:
        assert render(r, fmt, "x.txt") == __import__(FORMATS[fmt], fromlist=["render"]).render(
            r, name="x.txt"
        )


def test_unknown_format_names_the_choices():
    with pytest.raises(ValueError, match="diff, html, json"):
        render(case_result(CASES[0]), "pdf")


# ----------------------------------------------------------------------------- diff


@given(st.text(alphabet=st.sampled_from(list("ab .!?\n“”'U.S")), max_size=80))
def test_sentence_pieces_are_lossless(text):
    pieces = diff_report.sentence_pieces(text)
    assert "".join(pieces) == text
    assert all(pieces)
    assert all("\n" not in p[:-1] for p in pieces)


@pytest.mark.parametrize("case", CLEAN, ids=[c["name"] for c in CLEAN])
def test_diff_of_no_edits_is_empty(case):
    assert diff_report.render(case_result(case)) == ""


_SENTENCE_INSIDE = re.compile(r"[.!?…][\"'”’)\]]*\s+[A-Z“\"]")


def test_diff_lines_are_sentences_not_paragraphs(spun_seed):
    r = spun_result(spun_seed)
    out = diff_report.render(r, "000.txt", trailer=False)
    lines = out.splitlines()
    assert lines[:2] == ["--- a/000.txt", "+++ b/000.txt"]
    longest_sentence = max(b - a for a, b in sentence_spans(spun_seed))
    longest_line = max(len(x) for x in spun_seed.splitlines())
    body = [x for x in lines[2:] if x[:1] in "+- "]
    assert body
    for row in body:
        content = row[1:].strip()
        assert len(content) <= longest_sentence < longest_line
        assert not _SENTENCE_INSIDE.search(content), content
    removed = "\n".join(x for x in body if x.startswith("-"))
    added = "\n".join(x for x in body if x.startswith("+"))
    for e in r.edits:
        assert e.original in removed
        assert e.replacement in added


def test_diff_hunks_name_the_input_line(spun_seed):
    r = spun_result(spun_seed)
    out = diff_report.render(r, trailer=False)
    hunks = [x for x in out.splitlines() if x.startswith("@@")]
    assert hunks and all(re.fullmatch(r"@@ -\d+(,\d+)? \+\d+(,\d+)? @@ line \d+", h) for h in hunks)
    assert hunks[0].endswith(" line 1")


@pytest.mark.parametrize("case", EDITED, ids=[c["name"] for c in EDITED])
def test_diff_trailer_lists_every_edit(case):
    r = case_result(case)
    out = diff_report.render(r, "in.txt")
    trailer = [x for x in out.splitlines() if x.startswith("# ")]
    assert len(trailer) == len(r.edits) + 1
    assert trailer[0].startswith(f"# {len(r.edits)} edit")
    for e, row in zip(r.edits, trailer[1:], strict=True):
        assert e.kind in row and f"{e.confidence:.3f}" in row and f"[{e.rule}]" in row
        assert json.dumps(e.original, ensure_ascii=False) in row
    assert "# " not in diff_report.render(r, trailer=False)


def test_diff_applies_as_sentence_patch(spun_seed):
    """Replaying the diff's hunks on the sentence pieces gives the output pieces."""
    r = spun_result(spun_seed)
    old = [p.removesuffix("\n") for p in diff_report.sentence_pieces(r.original)]
    new = [p.removesuffix("\n") for p in diff_report.sentence_pieces(r.text)]
    out = diff_report.render(r, trailer=False).splitlines()[2:]
    result: list[str] = []
    pos = 0
    for row in out:
        m = re.match(r"@@ -(\d+)", row)
        if m:
            start = int(m.group(1)) - 1
            result.extend(old[pos:start])
            pos = start
        elif row.startswith(" "):
            assert old[pos] == row[1:]
            result.append(row[1:])
            pos += 1
        elif row.startswith("-"):
            assert old[pos] == row[1:]
            pos += 1
        elif row.startswith("+"):
            result.append(row[1:])
    result.extend(old[pos:])
    assert result == new


# ----------------------------------------------------------------------------- html


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_html_is_one_self_contained_page(case):
    page = html_report.render(case_result(case), "in.txt")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert page.count("<script>") == 1 and page.count("<style>") == 1
    assert not re.search(r"""(src|href)=["']?(https?:|//)""", page)
    assert "@import" not in page and "url(" not in page


def test_html_escapes_the_input_and_the_name():
    case = next(c for c in CASES if c["name"] == "mixed_kinds_and_markup")
    page = html_report.render(case_result(case), 'a<img src=x onerror=alert(1)>"')
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img" not in page


@pytest.mark.parametrize("case", EDITED, ids=[c["name"] for c in EDITED])
def test_html_shows_every_edit_with_its_tooltip(case):
    r = case_result(case)
    page = html_report.render(r, "in.txt")
    for i, e in enumerate(r.edits):
        tip = re.search(
            rf'<div class="tip [^"]*" id="tip-{i}" role="tooltip" hidden>(.*?)</div>'
            rf'(?=\n<div class="tip|\n</div>)',
            page,
            re.S,
        )
        assert tip, f"no tooltip for edit {i}"
        body = tip.group(1)
        assert f">{e.kind}<" in body
        assert f"{e.confidence:.2f}" in body
        assert e.rule in body and html_report.esc(e.message) in body
        assert html_report.esc(json.dumps(e.alternatives[0], ensure_ascii=False)) in body
        assert "<dt>pair</dt>" in body
        assert f'id="o-{i}"' in page and f'id="n-{i}"' in page
        assert f'id="row-{i}"' in page


@pytest.mark.parametrize("case", CLEAN, ids=[c["name"] for c in CLEAN])
def test_html_without_edits_says_so(case):
    page = html_report.render(case_result(case))
    assert "No edits" in page
    assert 'role="tooltip"' not in page and "data-e=" not in page
    assert 'class="row same"' in page


def test_paragraph_rows_merge_lines_joined_by_an_edit():
    text = "One exam-\nple here.\n\nTwo.\n"
    e = Edit(4, 10, "exam-\nple ", "example ", "hyphenation", 0.9, "H")
    assert html_report.paragraph_rows(text, []) == [(0, 9), (10, 19), (21, 25)]
    assert html_report.paragraph_rows(text, [e]) == [(0, 19), (21, 25)]
    blank = Edit(19, 2, "\n\n", "\n", "spacing", 0.5, "B")
    assert html_report.paragraph_rows(text, [blank]) == [(0, 9), (10, 25)]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_html_sides_spell_input_and_output(case):
    """The left column's text is the input, the right column's the output (blank lines aside)."""
    import html as stdlib_html

    r = case_result(case)
    page = html_report.render(r)

    def column(cls: str) -> str:
        cells = re.findall(rf'<div class="txt {cls}">(.*?)</div>', page, re.S)
        return "".join(stdlib_html.unescape(re.sub(r"<[^>]+>", "", c)) for c in cells)

    squash = re.compile(r"\s+")
    assert squash.sub("", column("orig")) == squash.sub("", r.original)
    assert squash.sub("", column("new")) == squash.sub("", r.text)


def test_zero_length_edits_get_a_visible_mark():
    text = "Hello world."
    ins = Edit(5, 0, "", ",", "spacing", 0.9, "INS")
    r = RepairResult(text, apply_edits(text, [ins]), (ins,), DocScores(words=2))
    page = html_report.render(r)
    assert 'class="ed k-spacing empty" id="o-0"' in page
    assert 'id="tip-0"' in page


# ----------------------------------------------------------------------------- json


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_json_round_trips_and_replays(case):
    r = case_result(case)
    data = json.loads(json_report.render(r, "in.txt"))
    assert data["software"]["name"] == "repair" and data["software"]["version"]
    assert data["document"] == "in.txt"
    assert data["scores"] == json.loads(json.dumps(r.scores.to_json()))
    assert data["changed"] == r.changed
    assert len(data["matches"]) == len(r.edits)
    out, pos = [], 0
    for m, e in zip(data["matches"], r.edits, strict=True):
        assert r.original[m["offset"] : m["offset"] + m["length"]] == m["original"]
        assert m["replacements"][0] == {"value": e.replacement}
        assert m["rule"]["id"] == e.rule and m["kind"] == e.kind
        assert m["confidence"] == round(e.confidence, 4) and m["message"] == e.message
        ctx = m["context"]
        shown = ctx["text"][ctx["offset"] : ctx["offset"] + ctx["length"]]
        assert shown == re.sub(r"\s", " ", m["original"])
        out.append(r.original[pos : m["offset"]])
        out.append(m["replacements"][0]["value"])
        pos = m["offset"] + m["length"]
    out.append(r.original[pos:])
    assert "".join(out) == r.text


def test_json_evidence_is_made_json_safe(spun_seed):
    r = spun_result(spun_seed)
    r = RepairResult(
        r.original,
        r.text,
        tuple(
            Edit(
                e.offset,
                e.length,
                e.original,
                e.replacement,
                e.kind,
                e.confidence,
                e.rule,
                e.message,
                {**e.evidence, "nan": float("nan"), 7: b"x"},
                e.alternatives,
            )
            for e in r.edits
        ),
        r.scores,
    )
    data = json.loads(json_report.render(r))
    ev = data["matches"][0]["evidence"]
    assert ev["zipf"] == [5.1, 6.0] and ev["seen"] == ["x"] and ev["nan"] is None
    assert ev["lm_gain"] == 3.25 and ev["7"] == "b'x'"


def test_json_context_is_cut_with_ellipses(spun_seed):
    r = spun_result(spun_seed)
    ctx = json.loads(json_report.render(r))["matches"][2]["context"]
    assert ctx["text"].startswith("...") and ctx["text"].endswith("...")
    assert len(ctx["text"]) <= 2 * json_report.CONTEXT_CHARS + 6 + ctx["length"]


# ----------------------------------------------------------------------------- browser


@pytest.mark.slow
@pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs /usr/bin/chromium (apt-get install chromium)"
)
@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium not on PATH")
def test_page_renders_in_chromium(tmp_path, spun_seed):
    r = spun_result(spun_seed)
    page = tmp_path / "report.html"
    page.write_text(html_report.render(r, "000.txt"), encoding="utf-8")
    args = headless_args(
        str(CHROMIUM),
        tmp_path / "profile",
        "--disable-quic",
        "--window-size=1280,1600",
        "--virtual-time-budget=2000",
        "--dump-dom",
        page.as_uri() + "#e-2",
    )
    dom = subprocess.run(args, capture_output=True, text=True, timeout=120, check=True).stdout
    assert 'data-ready="1"' in dom, "the page's script did not run to its end"
    for i in range(len(r.edits)):
        assert f'id="tip-{i}"' in dom and f'id="o-{i}"' in dom and f'id="n-{i}"' in dom
    # #e-2 opens the edit labelled #2 (ids count from 0): its tooltip is shown and placed,
    # its marks lit.
    tip = re.search(r'<div class="tip [^"]*" id="tip-1"[^>]*>', dom).group(0)
    assert "hidden" not in tip and "top:" in tip
    assert re.search(r'<del class="ed k-spin hl" id="o-1"', dom)
    assert re.search(r'<div class="tip [^"]*" id="tip-0"[^>]*hidden', dom)
