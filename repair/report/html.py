"""``--report html``: one self-contained page, input and output side by side.

The page has no external resources (inline CSS and a little inline JS; it
reads fine with JS off).  Layout:

* a header: file name, a one-line verdict, the document scores as bars, the
  edits by kind, and a legend (one colour per edit kind; struck-through text was
  removed from the input, underlined text was put in);
* one row per paragraph (input line): the input on the left with each edited
  span marked, the output on the right with each replacement marked.  An edit
  that crosses a line break (a joined hyphenation) merges those lines into one
  row, so both sides of a row always say the same thing;
* hovering, focusing (Tab) or clicking a mark shows its tooltip: kind,
  confidence, rule, message, position, ranked replacements and the evidence;
  its counterpart on the other side lights up.  ``page.html#e-3`` opens edit 3;
* a table of all edits at the end (also the no-JS way to read the evidence).

Everything taken from the input or the edits is HTML-escaped.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from typing import Any

from repair.report.diff import line_col
from repair.report.json import jsonable
from repair.stages import edit_kinds, score_fields
from repair.types import EDIT_KINDS, Edit, RepairResult

#: kind -> (mark colour, background tint), as each stage declares it
#: (:data:`repair.stages.REGISTRY`).  Unknown kinds get ``_OTHER``.
KIND_COLOURS: dict[str, tuple[str, str]] = {k.name: (k.colour, k.tint) for k in edit_kinds()}
_OTHER = ("#6b5b2e", "#f3ecd6")
#: kind -> what it means, for the legend.
KIND_HELP: dict[str, str] = {k.name: k.help for k in edit_kinds()}
#: Document scores shown as bars, in this order: (DocScores field, label).
SCORE_FIELDS: tuple[tuple[str, str], ...] = score_fields(opt_in=False)
_EVIDENCE_CHARS = 240
#: Edits less confident than this get a dashed mark (and say so in the legend).
LOW_CONFIDENCE = 0.75


def esc(value: object) -> str:
    """HTML-escape ``value`` (quotes included)."""
    return html.escape(str(value), quote=True)


def kind_class(kind: str) -> str:
    """The CSS class of an edit kind: ``k-`` and the kind's letters/digits."""
    return "k-" + (re.sub(r"[^A-Za-z0-9_-]", "", kind) or "other")


def fmt_value(value: Any) -> str:
    """An evidence value as short text: floats to 4 significant digits, containers as JSON."""
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, float):
        return format(value, ".4g")
    if isinstance(value, (int, str)):
        text = str(value)
    else:
        text = json.dumps(jsonable(value), ensure_ascii=False, allow_nan=False)
    if len(text) > _EVIDENCE_CHARS:
        text = text[: _EVIDENCE_CHARS - 1] + "…"
    return text


def _shown(s: str) -> str:
    """A span's text for a label: quoted, with invisible characters made visible."""
    return json.dumps(s, ensure_ascii=False)


# --------------------------------------------------------------------------- rows


def paragraph_rows(text: str, edits: Iterable[Edit]) -> list[tuple[int, int]]:
    """Row spans ``(start, end)`` of ``text``: its non-blank lines, merged where an edit joins them.

    An edit touching two lines (or the newline between them) puts both in one
    row; an edit lying on blank lines only gets a row of its own.
    """
    spans: list[tuple[int, int, bool]] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            spans.append((pos, end, False))
        pos = end + 1
    spans.extend((e.offset, e.end, True) for e in edits)
    spans.sort(key=lambda s: (s[0], s[1]))
    rows: list[list[int]] = []
    for a, b, _ in spans:
        if rows and a <= rows[-1][1]:
            rows[-1][1] = max(rows[-1][1], b)
        else:
            rows.append([a, b])
    return [(a, b) for a, b in rows]


def _side(text: str, start: int, end: int, edits: list[tuple[int, Edit]], new: bool) -> str:
    """One side of a row: the unchanged text escaped, each edit as a ``del``/``ins`` mark."""
    out: list[str] = []
    pos = start
    tag = "ins" if new else "del"
    prefix = "n" if new else "o"
    for i, e in edits:
        out.append(esc(text[pos : e.offset]))
        shown = e.replacement if new else e.original
        classes = f"ed {kind_class(e.kind)}" + ("" if shown else " empty")
        if e.confidence < LOW_CONFIDENCE:
            classes += " low"
        label = "inserted" if not e.original and new else ("removed" if not new else "replacement")
        out.append(
            f'<{tag} class="{classes}" id="{prefix}-{i}" data-e="{i}" tabindex="0" '
            f'aria-describedby="tip-{i}" aria-label="{esc(e.kind)} edit {i + 1}: {esc(label)}">'
            f"{esc(shown)}</{tag}>"
        )
        pos = e.end
    out.append(esc(text[pos:end]))
    return "".join(out)


def _rows_html(result: RepairResult, index: dict[int, int]) -> tuple[str, int, int]:
    """The paragraph rows, and how many rows there are with and without edits."""
    text = result.original
    edits = sorted(result.edits, key=lambda e: (e.offset, e.length))
    rows = paragraph_rows(text, edits)
    out: list[str] = []
    k = 0
    for n, (a, b) in enumerate(rows):
        inside: list[tuple[int, Edit]] = []
        while k < len(edits) and edits[k].offset <= b and edits[k].offset >= a:
            inside.append((index[id(edits[k])], edits[k]))
            k += 1
        line, _ = line_col(text, a)
        cls = "row changed" if inside else "row same"
        kinds = " ".join(sorted({kind_class(e.kind) for _, e in inside}))
        out.append(
            f'<div class="{cls}" id="p-{n + 1}" data-kinds="{kinds}">'
            f'<div class="ln" title="input line {line}">{line}</div>'
            f'<div class="txt orig">{_side(text, a, b, inside, new=False)}</div>'
            f'<div class="txt new">{_side(text, a, b, inside, new=True)}</div>'
            "</div>"
        )
    changed = sum(1 for row in out if row.startswith('<div class="row changed"'))
    return "\n".join(out), changed, len(out)


# --------------------------------------------------------------------------- tips


def _tip(i: int, e: Edit, text: str) -> str:
    line, col = line_col(text, e.offset)
    colour = KIND_COLOURS.get(e.kind, _OTHER)[0]
    conf = max(0.0, min(1.0, e.confidence))
    parts = [
        f'<div class="tip {kind_class(e.kind)}" id="tip-{i}" role="tooltip" hidden>',
        '<div class="tip-head">',
        f'<span class="chip {kind_class(e.kind)}">{esc(e.kind)}</span>',
        f'<span class="conf" title="confidence">confidence <b>{e.confidence:.2f}</b>'
        f'<span class="bar"><span style="width:{conf * 100:.0f}%;background:{colour}">'
        "</span></span></span>",
        f'<span class="num">#{i + 1}</span>',
        "</div>",
        f'<div class="change"><del>{esc(_shown(e.original))}</del> → '
        f"<ins>{esc(_shown(e.replacement))}</ins></div>",
    ]
    if e.message:
        parts.append(f'<div class="msg">{esc(e.message)}</div>')
    parts.append('<dl class="facts">')
    parts.append(f"<dt>rule</dt><dd><code>{esc(e.rule)}</code></dd>")
    parts.append(f"<dt>where</dt><dd>line {line}, column {col} (offset {e.offset})</dd>")
    parts.append("</dl>")
    ranked = [e.replacement, *e.alternatives]
    parts.append('<div class="sub">replacements, best first</div><ol class="alts">')
    for j, alt in enumerate(ranked):
        chosen = ' class="chosen"' if j == 0 else ""
        mark = " <small>(applied)</small>" if j == 0 else ""
        parts.append(f"<li{chosen}>{esc(_shown(alt))}{mark}</li>")
    parts.append("</ol>")
    if e.evidence:
        parts.append('<div class="sub">evidence</div><dl class="evidence">')
        for key, value in e.evidence.items():
            parts.append(f"<dt>{esc(key)}</dt><dd>{esc(fmt_value(value))}</dd>")
        parts.append("</dl>")
    parts.append("</div>")
    return "".join(parts)


# --------------------------------------------------------------------------- header


def _summary(result: RepairResult, changed_rows: int, total_rows: int) -> str:
    s = result.scores
    n = len(result.edits)
    words = s.words
    if n:
        per = 1000.0 * n / words if words else 0.0
        verdict = (
            f"<b>{n}</b> edit{'s' if n != 1 else ''} in <b>{words:,}</b> words "
            f"({per:.1f} per 1,000 words)."
        )
    else:
        verdict = f"<b>No edits</b> in {words:,} words: the output is identical to the input."
    bars = []
    for field_name, label in SCORE_FIELDS:
        value = float(getattr(s, field_name, 0.0) or 0.0)
        width = max(0.0, min(1.0, value)) * 100
        level = "hi" if value >= 0.5 else ("mid" if value >= 0.2 else "lo")
        bars.append(
            f'<div class="score {level}"><span class="lbl">{esc(label)}</span>'
            f'<span class="bar"><span style="width:{width:.0f}%"></span></span>'
            f'<span class="val">{value:.2f}</span></div>'
        )
    by_kind: dict[str, int] = {}
    for e in result.edits:
        by_kind[e.kind] = by_kind.get(e.kind, 0) + 1
    kinds = (
        "".join(
            f'<span class="chip {kind_class(k)}">{esc(k)} <b>{c}</b></span>'
            for k, c in sorted(by_kind.items(), key=lambda kc: (-kc[1], kc[0]))
        )
        or '<span class="none">none</span>'
    )
    stats = ""
    if result.edits:
        confs = sorted(e.confidence for e in result.edits)
        median = confs[len(confs) // 2]
        stats = (
            f'<div class="stats">confidence {confs[0]:.2f} – {confs[-1]:.2f} '
            f"(median {median:.2f})<br>{changed_rows} of {total_rows} paragraphs changed</div>"
        )
    decided = ""
    if s.decisions:  # every stage's reason codes (repair.decisions)
        rows = "".join(
            f"<tr><td>{esc(stage)}</td><td>"
            + ", ".join(f"<code>{esc(r)}</code> {n:,}" for r, n in reasons.items())
            + "</td></tr>"
            for stage, reasons in s.decisions.items()
        )
        decided = f'<table class="decisions"><caption>Decisions</caption>{rows}</table>'
    skipped = ""
    if s.skipped:
        skipped = (
            '<div class="skipped">skipped: '
            + ", ".join(f"<code>{esc(x)}</code>" for x in s.skipped)
            + "</div>"
        )
    return (
        '<section class="summary">'
        f'<p class="verdict">{verdict}</p>'
        '<div class="panels">'
        f'<div class="panel"><h2>Document scores</h2>{"".join(bars)}</div>'
        f'<div class="panel"><h2>Edits by kind</h2><div class="kinds">{kinds}</div>'
        f"{stats}{decided}{skipped}"
        "</div>"
        f'<div class="panel"><h2>Legend</h2>{_legend(result)}</div>'
        "</div></section>"
    )


def _legend(result: RepairResult) -> str:
    present = {e.kind for e in result.edits}
    kinds = list(EDIT_KINDS) + sorted(present - set(EDIT_KINDS))
    chips = "".join(
        f'<span class="chip {kind_class(k)}{"" if k in present else " absent"}" '
        f'title="{esc(KIND_HELP.get(k, k))}">{esc(k)}</span>'
        for k in kinds
    )
    return (
        f'<div class="kinds">{chips}</div>'
        '<p class="how"><del class="ed k-spin">removed</del> from the input, '
        '<ins class="ed k-spin">put in</ins> the output. '
        f'<span class="ed k-spin low">dashed</span>: confidence below {LOW_CONFIDENCE:.2f}. '
        "Hover, tab to or click a mark for its evidence.</p>"
    )


def _table(result: RepairResult, index: dict[int, int]) -> str:
    if not result.edits:
        return ""
    rows = []
    for e in sorted(result.edits, key=lambda e: (e.offset, e.length)):
        i = index[id(e)]
        line, col = line_col(result.original, e.offset)
        rows.append(
            f'<tr id="row-{i}"><td class="num"><a href="#e-{i + 1}">{i + 1}</a></td>'
            f"<td>{line}:{col}</td>"
            f'<td><span class="chip {kind_class(e.kind)}">{esc(e.kind)}</span></td>'
            f'<td class="num">{e.confidence:.2f}</td>'
            f'<td class="chg"><del>{esc(_shown(e.original))}</del> → '
            f"<ins>{esc(_shown(e.replacement))}</ins></td>"
            f"<td><code>{esc(e.rule)}</code></td>"
            f"<td>{esc(e.message)}</td></tr>"
        )
    return (
        '<section class="list"><h2>All edits</h2><table class="edits"><thead><tr>'
        "<th>#</th><th>line:col</th><th>kind</th><th>conf.</th><th>change</th>"
        "<th>rule</th><th>message</th></tr></thead><tbody>"
        + "\n".join(rows)
        + "</tbody></table></section>"
    )


#: The HTML report lists at most this many declined spans (the JSON report lists all).
MAX_DECLINED_SHOWN = 2000


def _declined_table(result: RepairResult) -> str:
    """The spans the stages read as damaged but left, with the reason (folded away)."""
    if not result.declined:
        return ""
    rows = []
    for d in result.declined[:MAX_DECLINED_SHOWN]:
        line, col = line_col(result.original, d.offset)
        rows.append(
            f"<tr><td>{line}:{col}</td><td>{esc(d.stage)}</td>"
            f"<td>{esc(_shown(d.original))}</td><td><code>{esc(d.reason)}</code></td></tr>"
        )
    more = len(result.declined) - len(rows)
    note = f"<p>... and {more:,} more (see the JSON report)</p>" if more > 0 else ""
    return (
        f'<section class="list"><details><summary><h2>Declined ({len(result.declined):,})'
        "</h2></summary><p>Spans a stage read as damaged but left as they are, and why.</p>"
        '<table class="edits"><thead><tr><th>line:col</th><th>stage</th><th>text</th>'
        "<th>reason</th></tr></thead><tbody>" + "\n".join(rows) + "</tbody></table>"
        f"{note}</details></section>"
    )


def _kind_css() -> str:
    rules = [f".{kind_class(k)}{{--c:{c};--bg:{bg}}}" for k, (c, bg) in KIND_COLOURS.items()]
    return "\n".join(rules)


def render(result: RepairResult, name: str = "input") -> str:
    """The whole HTML page for ``result``; ``name`` is shown as the input's name."""
    edits = sorted(result.edits, key=lambda e: (e.offset, e.length))
    index = {id(e): i for i, e in enumerate(edits)}
    tips = "\n".join(_tip(index[id(e)], e, result.original) for e in edits)
    only_changed = (
        '<label class="toggle"><input type="checkbox" id="only-changed"> '
        "show only changed paragraphs</label>"
        if edits
        else ""
    )
    title = f"repair report: {name}"
    rows, changed, total = _rows_html(result, index)
    return _PAGE.format(
        title=esc(title),
        name=esc(name),
        css=_CSS.replace("/*KINDS*/", _kind_css()).replace(
            "/*OTHER*/", f"--c:{_OTHER[0]};--bg:{_OTHER[1]}"
        ),
        summary=_summary(result, changed, total),
        toggle=only_changed,
        rows=rows,
        table=_table(result, index) + _declined_table(result),
        tips=tips,
        js=_JS,
    )


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="repair">
<title>{title}</title>
<style>
{css}
</style>
</head>
<body>
<header class="top">
<h1><span class="app">repair</span> report <span class="name">{name}</span></h1>
{summary}
</header>
<main>
<div class="bar-head">
<div class="ln"></div><div class="col">Input</div><div class="col">Repaired</div>
{toggle}
</div>
<section class="rows" id="rows">
{rows}
</section>
{table}
</main>
<div id="tips">
{tips}
</div>
<script>
{js}
</script>
</body>
</html>
"""

_CSS = """
:root{--ink:#1f2328;--muted:#636c76;--line:#d8dee4;--paper:#ffffff;--wash:#f6f8fa;
--serif:"Source Serif 4","Source Serif Pro",Charter,"Bitstream Charter","DejaVu Serif",Georgia,
serif;
--sans:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;
--mono:ui-monospace,"SFMono-Regular","DejaVu Sans Mono",Menlo,Consolas,monospace}
*{box-sizing:border-box}
html{background:var(--wash)}
body{margin:0;color:var(--ink);font:15px/1.5 var(--sans)}
.ed,.chip{/*OTHER*/}
/*KINDS*/
header.top{background:var(--paper);border-bottom:1px solid var(--line);padding:14px 24px 10px}
h1{font-size:20px;margin:0 0 6px;font-weight:600}
h1 .app{font-family:var(--mono);background:#1f2328;color:#fff;padding:1px 7px;border-radius:4px;
font-size:16px;margin-right:4px}
h1 .name{font-family:var(--mono);font-weight:500;color:#0550ae;margin-left:6px;word-break:break-all}
h2{font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:0 0 6px;
font-weight:600}
.verdict{margin:0 0 10px;font-size:15px}
.panels{display:grid;grid-template-columns:minmax(220px,1fr) minmax(200px,1fr) minmax(260px,1.3fr);
gap:12px}
.panel{border:1px solid var(--line);border-radius:8px;padding:8px 12px;background:var(--paper)}
.score{display:grid;grid-template-columns:84px 1fr 40px;align-items:center;gap:8px;font-size:13px;
margin:2px 0}
.score .lbl{color:var(--muted)}
.score .val{font-family:var(--mono);text-align:right}
.bar{display:inline-block;height:8px;background:#eaeef2;border-radius:4px;overflow:hidden;
vertical-align:middle}
.score .bar{width:100%}
.bar>span{display:block;height:100%;background:#8c959f}
.score.mid .bar>span{background:#d4a72c}
.score.hi .bar>span{background:#cf222e}
.kinds{display:flex;flex-wrap:wrap;gap:5px}
.chip{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12.5px;
background:var(--bg);color:var(--c);border:1px solid var(--c);white-space:nowrap}
.chip.absent{opacity:.45}
.none{color:var(--muted);font-size:13px}
.stats{margin-top:8px;font-size:13px;color:var(--muted)}
.skipped{margin-top:6px;font-size:12px;color:var(--muted)}
.decisions{margin-top:6px;font-size:12px;color:var(--muted);border-collapse:collapse}
.decisions caption{text-align:left;font-weight:600}
.decisions td{padding:1px 6px 1px 0;vertical-align:top}
summary h2{display:inline}
.how{font-size:12.5px;color:var(--muted);margin:6px 0 0}
main{padding:0 24px 40px}
.bar-head{position:sticky;top:0;z-index:2;display:grid;
grid-template-columns:44px minmax(0,1fr) minmax(0,1fr);gap:0 16px;align-items:center;
background:var(--wash);border-bottom:1px solid var(--line);padding:8px 0 6px}
.bar-head .col{font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);
font-weight:600}
.toggle{grid-column:2/4;justify-self:end;font-size:12.5px;color:var(--muted);margin-top:-20px}
.rows{background:var(--paper);border:1px solid var(--line);border-top:0;border-radius:0 0 8px 8px}
.row{display:grid;grid-template-columns:44px minmax(0,1fr) minmax(0,1fr);gap:0 16px;
border-top:1px solid #eef1f4;padding:8px 12px 8px 0}
.row:first-child{border-top:0}
.row.changed{background:linear-gradient(90deg,#fff8e6 0,#fff8e6 4px,transparent 4px)}
.only-changed .row.same{display:none}
.ln{font:12px/2 var(--mono);color:#8c959f;text-align:right;user-select:none}
.txt{font:16.5px/1.62 var(--serif);white-space:pre-wrap;overflow-wrap:anywhere;min-width:0}
.txt.new{border-left:1px dashed var(--line);padding-left:16px}
.ed{text-decoration:none;border-radius:3px;padding:1px 1px;cursor:help;
background:var(--bg);outline-offset:1px}
del.ed{text-decoration:line-through;text-decoration-color:var(--c);text-decoration-thickness:2px;
color:#3d2f2f}
ins.ed{box-shadow:inset 0 -2px 0 var(--c);font-weight:600}
.ed.low{background:repeating-linear-gradient(135deg,var(--bg) 0 5px,transparent 5px 8px)}
ins.ed.low{box-shadow:none;border-bottom:2px dashed var(--c)}
.ed.empty::before{content:"\\2038";color:var(--c);font-weight:700;padding:0 2px}
.ed.hl,.ed:focus{outline:2px solid var(--c)}
.list{margin-top:28px}
table.edits{border-collapse:collapse;width:100%;background:var(--paper);font-size:13.5px;
border:1px solid var(--line)}
table.edits th,table.edits td{padding:5px 8px;border-bottom:1px solid #eef1f4;text-align:left;
vertical-align:top}
table.edits th{background:var(--wash);font-size:12px;color:var(--muted);font-weight:600}
table.edits td.num{font-family:var(--mono);text-align:right}
table.edits .chg{font-family:var(--serif);font-size:15px}
table.edits tr.hl{background:#fff8e6}
td.chg del,.change del{color:#8a1f1f;text-decoration:line-through}
td.chg ins,.change ins{color:#0b5a2a;text-decoration:none;font-weight:600}
a{color:#0969da}
code{font-family:var(--mono);font-size:.9em}
.tip{position:absolute;z-index:10;max-width:420px;min-width:260px;background:var(--paper);
border:1px solid var(--line);border-top:4px solid var(--c);border-radius:8px;padding:10px 12px;
box-shadow:0 8px 24px rgba(31,35,40,.18);font-size:13px;line-height:1.45}
.tip[hidden]{display:none}
.tip-head{display:flex;align-items:center;gap:10px;margin-bottom:6px}
.tip-head .conf{color:var(--muted);display:flex;align-items:center;gap:6px}
.tip-head .conf .bar{width:64px}
.tip-head .num{margin-left:auto;color:#8c959f;font-family:var(--mono)}
.change{font:15px/1.4 var(--serif);margin:2px 0 6px}
.msg{margin:0 0 6px}
.sub{font-size:11px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin-top:6px}
.tip dl{display:grid;grid-template-columns:max-content 1fr;gap:1px 10px;margin:2px 0 0}
.tip dt{color:var(--muted);font-family:var(--mono);font-size:12px}
.tip dd{margin:0;font-family:var(--mono);font-size:12px;overflow-wrap:anywhere}
.alts{margin:2px 0 0;padding-left:22px;font-family:var(--serif);font-size:14px}
.alts li.chosen{font-weight:600}
.alts small{font-family:var(--sans);font-weight:400;color:var(--muted)}
@media (max-width:800px){.panels{grid-template-columns:1fr}
.row,.bar-head{grid-template-columns:32px minmax(0,1fr)}.txt.new{grid-column:2;border-left:0;
padding-left:0;border-top:1px dashed var(--line)}.bar-head .col:last-of-type{display:none}}
@media print{.tip{display:none!important}.bar-head{position:static}}
"""

_JS = """
(function () {
  "use strict";
  var current = null, pinned = false;
  function tipOf(i) { return document.getElementById("tip-" + i); }
  function marks(i) {
    return [document.getElementById("o-" + i), document.getElementById("n-" + i),
            document.getElementById("row-" + i)].filter(Boolean);
  }
  function hide() {
    if (current === null) return;
    var t = tipOf(current); if (t) t.hidden = true;
    marks(current).forEach(function (m) { m.classList.remove("hl"); });
    current = null; pinned = false;
  }
  function show(el, pin) {
    var i = el.getAttribute("data-e");
    if (current === i && pinned && !pin) return;
    hide();
    var t = tipOf(i); if (!t) return;
    current = i; pinned = !!pin;
    marks(i).forEach(function (m) { m.classList.add("hl"); });
    t.hidden = false;
    place(el, t);
  }
  function place(el, t) {
    var r = el.getBoundingClientRect(), w = t.offsetWidth, h = t.offsetHeight;
    var left = Math.min(Math.max(8, r.left), document.documentElement.clientWidth - w - 8);
    var top = r.bottom + 6;
    if (top + h > window.innerHeight && r.top - h - 6 > 0) top = r.top - h - 6;
    t.style.left = (left + window.scrollX) + "px";
    t.style.top = (top + window.scrollY) + "px";
  }
  function edAt(e) { return e.target.closest ? e.target.closest(".ed[data-e]") : null; }
  document.addEventListener("mouseover", function (e) {
    var m = edAt(e); if (m && !pinned) show(m, false);
  });
  document.addEventListener("mouseout", function (e) {
    var m = edAt(e); if (m && !pinned) hide();
  });
  document.addEventListener("focusin", function (e) { var m = edAt(e); if (m) show(m, false); });
  document.addEventListener("click", function (e) {
    var m = edAt(e);
    if (m) { show(m, true); e.stopPropagation(); }
    else if (!(e.target.closest && e.target.closest(".tip"))) hide();
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
  function fromHash() {
    // #e-3 opens the edit labelled #3 (element ids count from 0)
    var m = /^#e-(\\d+)$/.exec(location.hash);
    if (!m) return;
    var i = String(parseInt(m[1], 10) - 1);
    var el = document.getElementById("o-" + i) || document.getElementById("n-" + i);
    if (!el) return;
    el.scrollIntoView({block: "center"});
    show(el, true);
    // place it again once the scroll has been laid out
    window.requestAnimationFrame(function () { place(el, tipOf(i)); });
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
  var box = document.getElementById("only-changed");
  if (box) box.addEventListener("change", function () {
    document.getElementById("rows").classList.toggle("only-changed", box.checked);
  });
  document.body.setAttribute("data-ready", "1");
})();
"""
