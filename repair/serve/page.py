"""``GET /``: the web page (one self-contained HTML document, no external resources).

Paste or upload a text (and optional clean references on the same story), press
*Repair* (or Ctrl+Enter anywhere in the form), and the page shows the
side-by-side HTML report of :mod:`repair.report.html` (in a sandboxed frame),
the repaired text, and buttons to copy or download it.  Every control is a
native, labelled form control, so the page works with the keyboard alone; the
status line is an ARIA live region and focus moves to the result when it
arrives.  It talks to ``POST /api/repair``.
"""

from __future__ import annotations

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>repair: restore damaged text</title>
<style>
:root { --fg:#1d2330; --muted:#5b6474; --line:#d6dbe3; --accent:#1d4ed8; --bg:#f6f7f9; }
* { box-sizing: border-box; }
body { margin:0; font:15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif;
       color:var(--fg); background:var(--bg); }
header { padding:14px 24px; background:#fff; border-bottom:1px solid var(--line); }
header h1 { margin:0; font-size:20px; }
header p { margin:2px 0 0; color:var(--muted); }
main { padding:16px 24px 40px; max-width:1400px; margin:0 auto; }
form .cols { display:grid; grid-template-columns: 3fr 2fr; gap:16px; }
label { font-weight:600; display:block; margin-bottom:4px; }
.hint { color:var(--muted); font-weight:400; font-size:13px; }
textarea { width:100%; font:13px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace;
           padding:8px; border:1px solid var(--line); border-radius:6px; background:#fff;
           resize:vertical; }
#text { height:190px; } #references { height:190px; }
.row { display:flex; flex-wrap:wrap; gap:10px; align-items:center; margin-top:8px; }
button, .filebtn { font:inherit; padding:7px 14px; border-radius:6px; border:1px solid var(--line);
                   background:#fff; cursor:pointer; }
button.primary { background:var(--accent); color:#fff; border-color:var(--accent);
                 font-weight:600; }
button:disabled { opacity:.55; cursor:default; }
:focus-visible { outline:3px solid #f59e0b; outline-offset:2px; }
input[type=number] { width:5em; font:inherit; padding:4px; }
#status { min-height:1.4em; margin:10px 0 0; color:var(--muted); }
#status.error { color:#b91c1c; font-weight:600; }
#result[hidden] { display:none; }
#result h2 { font-size:17px; margin:22px 0 6px; }
#report { width:100%; height:70vh; min-height:420px; border:1px solid var(--line);
          border-radius:6px;
          background:#fff; }
#output { height:140px; }
kbd { font:12px ui-monospace, monospace; border:1px solid var(--line); border-bottom-width:2px;
      border-radius:4px; padding:0 4px; background:#fff; }
</style>
</head>
<body>
<header>
<h1>repair</h1>
<p>Finds spun synonyms, tortured phrases, OCR garble and encoding damage in English text,
and puts the original wording back, showing every edit and why.</p>
</header>
<main>
<form id="form" novalidate>
<div class="cols">
<div>
<label for="text">Text to repair <span class="hint">(paste it, or open a file)</span></label>
<textarea id="text" name="text" spellcheck="false" required
  aria-describedby="status"></textarea>
<div class="row">
<label class="hint" for="textfile" style="margin:0">Open a text file:</label>
<input type="file" id="textfile" accept=".txt,text/plain">
</div>
</div>
<div>
<label for="references">References <span class="hint">(optional: clean texts on the same
story; separate several with a line holding only <code>---</code>)</span></label>
<textarea id="references" name="references" spellcheck="false"></textarea>
<div class="row">
<label class="hint" for="reffiles" style="margin:0">Add reference files:</label>
<input type="file" id="reffiles" accept=".txt,text/plain" multiple>
</div>
</div>
</div>
<div class="row">
<button type="submit" class="primary" id="go">Repair</button>
<span class="hint">or press <kbd>Ctrl</kbd>+<kbd>Enter</kbd></span>
<label for="minconf" class="hint" style="margin:0 0 0 16px">Minimum confidence</label>
<input type="number" id="minconf" min="0" max="1" step="0.05" value="0.5">
</div>
<p id="status" role="status" aria-live="polite"></p>
</form>
<section id="result" hidden aria-labelledby="result-h">
<h2 id="result-h" tabindex="-1">Result</h2>
<p id="summary"></p>
<label for="output">Repaired text</label>
<textarea id="output" readonly spellcheck="false"></textarea>
<div class="row">
<button type="button" id="copy">Copy repaired text</button>
<button type="button" id="download">Download repaired text</button>
</div>
<h2>Report <span class="hint">(input left, output right; Tab or hover an edit for its
evidence)</span></h2>
<iframe id="report" title="Side-by-side repair report" sandbox="allow-scripts"></iframe>
</section>
</main>
<script>
(function () {
  "use strict";
  var MAX_BYTES = {{MAX_BYTES}};
  var $ = function (id) { return document.getElementById(id); };
  var form = $("form"), status = $("status"), busy = false;
  var fileName = "repaired.txt", docName = "pasted text";

  function say(msg, isError) {
    status.textContent = msg;
    status.className = isError ? "error" : "";
  }
  function readFile(file) {
    return file.text ? file.text() : new Promise(function (ok, bad) {
      var r = new FileReader(); r.onload = function () { ok(r.result); };
      r.onerror = function () { bad(r.error); }; r.readAsText(file);
    });
  }
  $("textfile").addEventListener("change", function (ev) {
    var f = ev.target.files[0];
    if (!f) return;
    fileName = f.name.replace(/\\.[^.]*$/, "") + ".repaired.txt"; docName = f.name;
    readFile(f).then(function (t) { $("text").value = t; say("Loaded " + f.name + "."); });
  });
  $("reffiles").addEventListener("change", function (ev) {
    var files = Array.prototype.slice.call(ev.target.files);
    Promise.all(files.map(readFile)).then(function (texts) {
      var box = $("references"), parts = box.value.trim() ? [box.value.trim()] : [];
      box.value = parts.concat(texts.map(function (t) { return t.trim(); })).join("\\n---\\n");
      say("Added " + files.length + " reference file(s).");
    });
  });
  function references() {
    return $("references").value.split(/^---[ \\t]*$/m)
      .map(function (t) { return t.trim(); }).filter(Boolean);
  }
  function run() {
    if (busy) return;
    var text = $("text").value;
    if (!text.trim()) {
      say("Paste a text (or open a file) first.", true); $("text").focus(); return;
    }
    var body = JSON.stringify({text: text, references: references(), name: docName,
      options: {min_confidence: parseFloat($("minconf").value) || 0, report: "html"}});
    if (new Blob([body]).size > MAX_BYTES) {
      say("The text is too large for this server (limit " + MAX_BYTES.toLocaleString() +
          " bytes): split it.", true);
      return;
    }
    busy = true; $("go").disabled = true; say("Repairing\\u2026");
    fetch("/api/repair",
          {method: "POST", headers: {"Content-Type": "application/json"}, body: body})
      .then(function (r) {
        return r.json().catch(function () { return {error: "HTTP " + r.status}; })
          .then(function (j) { return {ok: r.ok, j: j}; });
      })
      .then(function (res) {
        if (!res.ok) { say(res.j.error || "The server refused the text.", true); return; }
        show(res.j);
      })
      .catch(function (e) { say("Could not reach the server: " + e, true); })
      .then(function () { busy = false; $("go").disabled = false; });
  }
  function show(j) {
    var s = j.scores, n = j.edits.length, kinds = [];
    Object.keys(s.edits_by_kind).sort().forEach(function (k) {
      kinds.push(k + " " + s.edits_by_kind[k]);
    });
    $("summary").textContent = n + " edit" + (n === 1 ? "" : "s") +
      (kinds.length ? " (" + kinds.join(", ") + ")" : "") + " in " + s.words +
      " words. Scores: spin " +
      s.spin.toFixed(2) + ", tortured " + s.tortured.toFixed(2) + ", OCR garble " +
      s.garble.toFixed(2) + ", mojibake " + s.mojibake.toFixed(2) + ".";
    $("output").value = j.text;
    $("report").removeAttribute("data-loaded");
    $("report").srcdoc = j.report_html;
    $("result").hidden = false;
    say(n ? "Done: " + n + " edit(s)." : "Done: nothing to repair; the text is unchanged.");
    document.body.setAttribute("data-done", String(n));
    $("result-h").focus();
  }
  $("report").addEventListener("load", function () {
    if ($("report").srcdoc) $("report").setAttribute("data-loaded", "1");
  });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); run(); });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); run(); }
  });
  $("copy").addEventListener("click", function () {
    var out = $("output"), text = out.value;
    var done = function () { say("Copied the repaired text."); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () {
        out.select(); document.execCommand("copy"); done();
      });
    } else { out.select(); document.execCommand("copy"); done(); }
  });
  $("download").addEventListener("click", function () {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([$("output").value], {type: "text/plain;charset=utf-8"}));
    a.download = fileName; document.body.appendChild(a); a.click(); a.remove();
    say("Downloaded " + fileName + ".");
  });
  document.body.setAttribute("data-ready", "1");
})();
</script>
</body>
</html>
"""
