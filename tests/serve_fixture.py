"""A real ``repair serve`` in a subprocess on a free loopback port, always stopped.

Shared by the serve tests and ``benchmarks/serve_load.py``; loopback only.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"

#: A public-domain page (Dickens, A Tale of Two Cities, 1859) with OCR damage put in:
#: glyph confusions (tbe), a merged word (kingwith), a missing space (despair,we)
#: and a line-end hyphenation (ar-/rangements).
OCR_PAGE = """It was tbe best of times, it was the worst of times, it was tbe age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was
the epoch of incredulity, it was tbe season of Light, it was the season
of Darkness, it was the spring of hope, it was the winter of despair,we
had everything before us, we had nothing before us, we were all going
direct to Heaven, we were all going direct the other way--in short, the
period was so far like the present period, that some of its noisiest
authorities insisted on its being received, for good or for evil, in the
superlative degree of comparison only. There were a king with a large jaw
and a queen with a plain face, on the throne of England; there were a
kingwith a large jaw and a queen with a fair face, on the throne of
France. In both countries it was clearer than crystal to the lords of the
State preserves of loaves and fishes, that things in general were settled
for ever. It was the year of Our Lord one thousand seven hundred and
seventy-five. Spiritual revelations were conceded to England at that
favoured period, as at this. Mrs. Southcott had recently attained her
five-and-twentieth blessed birthday, of whom a prophetic private in the
Life Guards had heralded the sublime appearance by announcing that ar-
rangements were made for the swallowing up of London and Westminster.
"""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class ServerURL(str):
    """The server's base URL, carrying the server's process id as ``pid``."""

    pid: int


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds a process (Linux) has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def running_server(
    *args: str, start_timeout: float = 90.0, cpus: set[int] | None = None
) -> Iterator[str]:
    """Start ``repair serve`` with ``args``; yield its base URL; stop it whatever happens.

    ``cpus`` pins the server to those cores (Linux), e.g. ``{0}`` to measure one core.
    """
    port = free_port()
    cmd = [sys.executable, "-m", "repair", "serve", "--host", HOST, "--port", str(port), *args]
    proc = subprocess.Popen(
        cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    url = ServerURL(f"http://{HOST}:{port}")
    url.pid = proc.pid
    try:
        if cpus:
            os.sched_setaffinity(proc.pid, cpus)
        deadline = time.monotonic() + start_timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"repair serve exited early: {proc.stderr.read()[-2000:]}")
            try:
                with urllib.request.urlopen(url + "/health", timeout=2) as r:
                    if json.load(r).get("status") == "ok":
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError, json.JSONDecodeError):
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("repair serve did not become healthy in time")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=15)
        if proc.stderr:
            proc.stderr.close()
