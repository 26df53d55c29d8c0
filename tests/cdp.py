"""Drive headless Chromium over the DevTools protocol on a pipe (stdlib only, no websocket).

``chromium --remote-debugging-pipe`` reads NUL-terminated JSON commands on fd 3
and writes replies and events on fd 4.  Used by the web-page test and by
``benchmarks/serve_screenshot.py``; every call is bounded by a timeout and the
browser is always closed.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")


#: The flags every headless run here starts with: no sandbox, GPU, first-run page or
#: background traffic.
HEADLESS_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def headless_args(exe: str, profile: str | Path, *extra: str) -> list[str]:
    """The command line of a headless ``exe`` with its own ``profile`` folder, then ``extra``."""
    return [exe, *HEADLESS_FLAGS, f"--user-data-dir={profile}", *extra]


def chromium_path() -> str | None:
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


class Browser:
    """One headless Chromium with one page attached; use as a context manager."""

    def __init__(self, width: int = 1280, height: int = 1000, timeout: float = 60.0) -> None:
        exe = chromium_path()
        if exe is None:
            raise FileNotFoundError("chromium is not installed")
        self.timeout = timeout
        self._profile = tempfile.mkdtemp(prefix="repair-cdp-")
        cmd_r, self._cmd_w = os.pipe()
        self._resp_r, resp_w = os.pipe()

        def child_fds() -> None:  # runs in the child: put the pipe ends on fds 3 and 4
            a = fcntl.fcntl(cmd_r, fcntl.F_DUPFD, 10)
            b = fcntl.fcntl(resp_w, fcntl.F_DUPFD, 10)
            os.dup2(a, 3)
            os.dup2(b, 4)

        args = headless_args(
            exe,
            self._profile,
            "--disable-dev-shm-usage",
            "--disable-extensions",
            "--remote-debugging-pipe",
            f"--window-size={width},{height}",
        )
        self.proc = subprocess.Popen(
            args,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(3, 4),
            preexec_fn=child_fds,  # noqa: PLW1509 (no threads started between fork and exec)
        )
        os.close(cmd_r)
        os.close(resp_w)
        self._next = 0
        self._buf = b""
        self.session: str | None = None

    # ------------------------------------------------------------------ protocol

    def send(self, method: str, params: dict | None = None, *, session: bool = True) -> Any:
        """Send one command and return its result (raises on a protocol error)."""
        self._next += 1
        msg: dict[str, Any] = {"id": self._next, "method": method, "params": params or {}}
        if session and self.session:
            msg["sessionId"] = self.session
        os.write(self._cmd_w, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def _read(self, deadline: float) -> dict:
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no reply from chromium in time")
            ready, _, _ = select.select([self._resp_r], [], [], left)
            if ready:
                chunk = os.read(self._resp_r, 1 << 16)
                if not chunk:
                    raise RuntimeError("chromium closed the pipe")
                self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        return json.loads(raw)

    # ------------------------------------------------------------------ page helpers

    def open(self, url: str) -> None:
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)
        attached = self.send(
            "Target.attachToTarget", {"targetId": target["targetId"], "flatten": True}
        )
        self.session = attached["sessionId"]
        self.send("Page.enable")
        self.send("Page.navigate", {"url": url})

    def eval(self, expression: str) -> Any:
        """Evaluate JS in the page (awaiting promises); return its JSON value."""
        res = self.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
        )
        if "exceptionDetails" in res:
            raise RuntimeError(f"JS error: {res['exceptionDetails']}")
        return res["result"].get("value")

    def frame_eval(self, expression: str) -> Any:
        """Evaluate JS in the page's first child frame (an out-of-process iframe too)."""
        frames = self.send("Page.getFrameTree")["frameTree"].get("childFrames", [])
        if frames:  # same-process frame: evaluate in its own execution context
            world = self.send("Page.createIsolatedWorld", {"frameId": frames[0]["frame"]["id"]})
            res = self.send(
                "Runtime.evaluate",
                {
                    "expression": expression,
                    "returnByValue": True,
                    "contextId": world["executionContextId"],
                },
            )
            return res["result"].get("value")
        targets = self.send("Target.getTargets", session=False)["targetInfos"]
        iframe = next(t for t in targets if t["type"] == "iframe")
        page_session = self.session
        attached = self.send(
            "Target.attachToTarget",
            {"targetId": iframe["targetId"], "flatten": True},
            session=False,
        )
        self.session = attached["sessionId"]
        try:
            return self.eval(expression)
        finally:
            self.session = page_session

    def wait_for(self, expression: str, timeout: float | None = None) -> Any:
        """Poll ``expression`` until it is truthy; return it."""
        deadline = time.monotonic() + (timeout or self.timeout)
        while time.monotonic() < deadline:
            try:
                value = self.eval(expression)
            except RuntimeError:
                value = None
            if value:
                return value
            time.sleep(0.1)
        raise TimeoutError(f"timed out waiting for {expression}")

    def key(self, key: str, code: str, vk: int, modifiers: int = 0, text: str = "") -> None:
        """Press and release one key (modifiers: 1 Alt, 2 Ctrl, 4 Meta, 8 Shift)."""
        down = {
            "type": "keyDown",
            "key": key,
            "code": code,
            "windowsVirtualKeyCode": vk,
            "modifiers": modifiers,
        }
        if text:
            down["text"] = text
        self.send("Input.dispatchKeyEvent", down)
        self.send(
            "Input.dispatchKeyEvent",
            {
                "type": "keyUp",
                "key": key,
                "code": code,
                "windowsVirtualKeyCode": vk,
                "modifiers": modifiers,
            },
        )

    def screenshot(self, path: Path, width: int, height: int) -> None:
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )
        time.sleep(0.3)
        shot = self.send("Page.captureScreenshot", {"format": "png"})
        path.write_bytes(base64.b64decode(shot["data"]))

    # ------------------------------------------------------------------ lifetime

    def close(self) -> None:
        try:
            if self.proc.poll() is None:
                try:
                    self.send("Browser.close", session=False)
                except (RuntimeError, TimeoutError, OSError):
                    pass
                try:
                    self.proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait(timeout=10)
        finally:
            for fd in (self._cmd_w, self._resp_r):
                try:
                    os.close(fd)
                except OSError:
                    pass
            shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
