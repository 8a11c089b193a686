"""Drive headless Chromium over the DevTools protocol (pipe transport, standard library only).

Used by tests/test_browser.py and bench/html_bench.py: open a page from disk, evaluate
JavaScript in it, wait for a condition, take a PNG screenshot, and decode PNGs to count
colours. Chromium talks NUL-separated JSON on file descriptors 3 (commands in) and 4
(replies out); a shell wrapper maps them to the pipes of the child's stdin and stdout.
"""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import struct
import subprocess
import tempfile
import time
import zlib
from pathlib import Path
from typing import Any

__all__ = ["find_chromium", "Browser", "BrowserError", "png_colours"]

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--mute-audio",
)


class BrowserError(RuntimeError):
    """Chromium did not answer, or a command failed."""


def find_chromium() -> str | None:
    """Path of a Chromium (or Chrome) binary, or None; ``KG_CHROMIUM`` overrides."""
    env = os.environ.get("KG_CHROMIUM")
    if env:
        return env if Path(env).is_file() else None
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


class Browser:
    """One headless Chromium with one page; use as a context manager."""

    def __init__(self, binary: str, width: int = 1280, height: int = 800, timeout: float = 60.0):
        self.binary = binary
        self.width, self.height = width, height
        self.timeout = timeout
        self._ids = 0
        self._buf = b""
        self.session: str | None = None
        self.console: list[str] = []
        self.errors: list[str] = []
        self.requests: list[str] = []

    def __enter__(self) -> Browser:
        self._profile = tempfile.mkdtemp(prefix="kg-chromium-")
        args = [self.binary, *FLAGS, f"--user-data-dir={self._profile}", "--remote-debugging-pipe",
                f"--window-size={self.width},{self.height}", "about:blank"]
        wrapper = 'exec "$0" "$@" 3<&0 4>&1 0</dev/null 1>/dev/null'
        self._proc = subprocess.Popen(["sh", "-c", wrapper, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                      stderr=subprocess.DEVNULL)
        target = self.call("Target.createTarget", {"url": "about:blank"})
        attached = self.call("Target.attachToTarget", {"targetId": target["targetId"], "flatten": True})
        self.session = attached["sessionId"]
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.call(f"{domain}.enable")
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": self.width, "height": self.height, "deviceScaleFactor": 1, "mobile": False})
        return self

    def __exit__(self, *exc: Any) -> None:
        try:
            self.session = None
            self.call("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        shutil.rmtree(self._profile, ignore_errors=True)

    # -- protocol ---------------------------------------------------------------------------
    def _send(self, msg: dict[str, Any]) -> None:
        assert self._proc.stdin is not None
        self._proc.stdin.write(json.dumps(msg).encode("utf-8") + b"\0")
        self._proc.stdin.flush()

    def _read(self, deadline: float) -> dict[str, Any]:
        out = self._proc.stdout
        assert out is not None
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrowserError("timed out waiting for Chromium")
            ready, _, _ = select.select([out], [], [], left)
            if not ready:
                continue
            chunk = os.read(out.fileno(), 1 << 20)
            if not chunk:
                raise BrowserError("Chromium exited")
            self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        msg = json.loads(raw)
        self._event(msg)
        return msg

    def _event(self, msg: dict[str, Any]) -> None:
        method = msg.get("method")
        params = msg.get("params", {})
        if method == "Runtime.consoleAPICalled":
            self.console.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            d = params.get("exceptionDetails", {})
            self.errors.append(str(d.get("exception", {}).get("description") or d.get("text")))
        elif method == "Network.requestWillBeSent":
            self.requests.append(params.get("request", {}).get("url", ""))

    def call(self, method: str, params: dict[str, Any] | None = None, timeout: float | None = None) -> dict[str, Any]:
        """Send one command and return its result (events that arrive meanwhile are recorded)."""
        self._ids += 1
        msg: dict[str, Any] = {"id": self._ids, "method": method, "params": params or {}}
        if self.session:
            msg["sessionId"] = self.session
        self._send(msg)
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._ids:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    # -- page -------------------------------------------------------------------------------
    def open(self, path: str | Path) -> float:
        """Navigate to a local file; returns the wall time (monotonic) the navigation started."""
        start = time.monotonic()
        self.call("Page.navigate", {"url": Path(path).resolve().as_uri()})
        return start

    def eval(self, expression: str, timeout: float | None = None) -> Any:
        """Value of a JavaScript expression (promises awaited)."""
        res = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True},
                        timeout=timeout)
        if "exceptionDetails" in res:
            raise BrowserError(f"{expression[:80]}: {res['exceptionDetails'].get('exception', {}).get('description')}")
        return res.get("result", {}).get("value")

    def wait_for(self, expression: str, timeout: float = 60.0, interval: float = 0.05) -> Any:
        """Poll until the expression is truthy; return its value."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                value = self.eval(expression, timeout=max(1.0, deadline - time.monotonic()))
            except BrowserError:
                value = None
            if value:
                return value
            time.sleep(interval)
        raise BrowserError(f"timed out after {timeout}s waiting for {expression}")

    def screenshot(self) -> bytes:
        """PNG of the viewport."""
        return base64.b64decode(self.call("Page.captureScreenshot", {"format": "png"})["data"])


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def png_colours(png: bytes, box: tuple[int, int, int, int] | None = None) -> int:
    """Number of distinct colours in an 8-bit RGB/RGBA PNG, optionally within ``(x0, y0, x1, y1)``."""
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat = 8, []
    width = height = bpp = 0
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos : pos + 4])
        kind = png[pos + 4 : pos + 8]
        body = png[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or ctype not in (2, 6) or interlace:
                raise ValueError(f"unsupported PNG (depth {depth}, colour type {ctype}, interlace {interlace})")
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    x0, y0, x1, y1 = box or (0, 0, width, height)
    prev = bytearray(stride)
    colours: set[bytes] = set()
    for y in range(height):
        ftype = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        if ftype == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif ftype == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, prev))
        elif ftype == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif ftype == 4:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                up_left = prev[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + _paeth(left, prev[i], up_left)) & 0xFF
        if y0 <= y < y1:
            row = bytes(line)
            for x in range(x0, min(x1, width)):
                colours.add(row[x * bpp : x * bpp + 3])
        prev = line
    return len(colours)
