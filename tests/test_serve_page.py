"""The web page at ``/``, driven in headless Chromium with the keyboard (DevTools over a pipe).

Skips when Chromium or the ``serve`` extra is missing (CI installs both).
"""

from __future__ import annotations

import json
import time

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

from repair import repair_text  # noqa: E402
from tests.cdp import Browser, chromium_path  # noqa: E402
from tests.serve_fixture import running_server  # noqa: E402

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(chromium_path() is None, reason="chromium not installed"),
]

CTRL = 2


def _js(value: str) -> str:
    return json.dumps(value)


def test_page_repairs_with_the_keyboard_and_shows_the_report(tmp_path, spun_seed, clean_seeds):
    expected = repair_text(spun_seed, clean_seeds)
    with running_server() as url, Browser(timeout=90) as b:
        b.open(url + "/")
        assert b.wait_for("document.body && document.body.getAttribute('data-ready')") == "1"
        assert b.eval("document.getElementById('result').hidden") is True
        # every control has a label
        unlabeled = b.eval(
            "Array.from(document.querySelectorAll('textarea,input,button'))"
            ".filter(e => !(e.labels && e.labels.length) && !e.textContent.trim()"
            " && !e.getAttribute('aria-label')).map(e => e.id)"
        )
        assert unlabeled == []
        # an empty text: a clear message, focus back on the text box
        b.eval("document.getElementById('text').focus(); 1")
        b.key("Enter", "Enter", 13, modifiers=CTRL)
        assert "Paste a text" in b.wait_for("document.getElementById('status').textContent")
        # Tab walks from the text box to its file input (native, focusable controls)
        b.key("Tab", "Tab", 9)
        assert b.eval("document.activeElement.id") == "textfile"
        # upload the seed as a file, paste its references, repair with Ctrl+Enter
        upload = tmp_path / "story.txt"
        upload.write_text(spun_seed, encoding="utf-8")
        root = b.send("DOM.getDocument")["root"]["nodeId"]
        node = b.send("DOM.querySelector", {"nodeId": root, "selector": "#textfile"})["nodeId"]
        b.send("DOM.setFileInputFiles", {"files": [str(upload)], "nodeId": node})
        b.wait_for(f"document.getElementById('text').value === {_js(spun_seed)}")
        refs = "\n---\n".join(clean_seeds)
        b.eval(
            f"document.getElementById('references').value = {_js(refs)};"
            "document.getElementById('text').focus(); 1"
        )
        b.key("Enter", "Enter", 13, modifiers=CTRL)
        done = b.wait_for("document.body.getAttribute('data-done')", 120)
        assert int(done) == len(expected.edits) > 100
        assert b.eval("document.getElementById('output').value") == expected.text
        assert b.eval("document.activeElement.id") == "result-h"  # focus moved to the result
        assert "spin" in b.eval("document.getElementById('summary').textContent")
        srcdoc = b.eval("document.getElementById('report').srcdoc")
        assert srcdoc.count('class="tip ') == len(expected.edits)
        assert 'id="o-0"' in srcdoc and 'id="n-0"' in srcdoc and "story.txt" in srcdoc
        # the report's own script ran to its end inside its (sandboxed) frame
        assert b.wait_for("document.getElementById('report').getAttribute('data-loaded')")
        assert b.frame_eval("document.body.getAttribute('data-ready')") == "1"
        # the copy button, reached and pressed with the keyboard
        b.eval("document.getElementById('copy').focus(); 1")
        b.key("Enter", "Enter", 13, text="\r")
        msg = b.wait_for(
            "(t => t.startsWith('Copied') && t)(document.getElementById('status').textContent)"
        )
        assert msg == "Copied the repaired text."
        # the download button saves the repaired text under the upload's name
        downloads = tmp_path / "downloads"
        downloads.mkdir()
        b.send(
            "Browser.setDownloadBehavior",
            {"behavior": "allow", "downloadPath": str(downloads)},
            session=False,
        )
        b.eval("document.getElementById('download').focus(); 1")
        b.key("Enter", "Enter", 13, text="\r")
        saved = downloads / "story.repaired.txt"
        deadline = time.monotonic() + 30
        while not saved.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert saved.read_text(encoding="utf-8") == expected.text


def test_page_reports_a_server_refusal(spun_seed):
    with running_server("--max-bytes", "2000") as url, Browser() as b:
        b.open(url + "/")
        b.wait_for("document.body && document.body.getAttribute('data-ready')")
        b.eval(f"document.getElementById('text').value = {_js(spun_seed)}; 1")
        b.eval("document.getElementById('go').click(); 1")
        msg = b.wait_for(
            "document.getElementById('status').className === 'error' && "
            "document.getElementById('status').textContent"
        )
        assert "too large" in msg
        assert b.eval("document.getElementById('result').hidden") is True
