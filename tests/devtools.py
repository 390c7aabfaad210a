"""A minimal client of Chromium's DevTools protocol over ``--remote-debugging-pipe``
(messages are JSON, each ended by a NUL byte, on file descriptors 3 and 4): enough to load
pages, collect console messages, exceptions and requests, run a script, and screenshot.
No dependency beyond the standard library."""

from __future__ import annotations

import base64
import json
import os
import select
import subprocess
from pathlib import Path
from typing import Any

PATIENCE = 60.0  # seconds of silence before giving up: a hang fails, it never passes


class Browser:
    def __init__(self, chromium: str, profile: Path) -> None:
        to_child, self._write = os.pipe()
        self._read, from_child = os.pipe()

        def wire() -> None:  # runs in the child: the pipes become its fds 3 and 4
            high_in, high_out = os.dup(to_child), os.dup(from_child)
            os.dup2(high_in, 3)
            os.dup2(high_out, 4)

        self.process = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-default-apps", "--mute-audio", f"--user-data-dir={profile}",
             "--remote-debugging-pipe", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            close_fds=False, preexec_fn=wire,
        )  # fmt: skip
        os.close(to_child)
        os.close(from_child)
        self._buffer = b""
        self._next = 0
        self.events: list[dict[str, Any]] = []
        self.session = ""

    def close(self) -> None:
        self.process.kill()
        self.process.wait()
        os.close(self._write)
        os.close(self._read)

    def _receive(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._read], [], [], PATIENCE)
            chunk = os.read(self._read, 1 << 20) if ready else b""
            if not chunk:
                raise RuntimeError("Chromium went silent or closed its pipe")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return dict(json.loads(message))

    def send(
        self, method: str, session: bool = True, sid: str = "", **params: Any
    ) -> dict[str, Any]:
        """Call ``method`` (in the page's session, or ``sid``'s, unless ``session`` is
        false) and return its result; events that arrive meanwhile are kept in ``events``."""
        self._next += 1
        call: dict[str, Any] = {"id": self._next, "method": method, "params": params}
        if session and (sid or self.session):
            call["sessionId"] = sid or self.session
        os.write(self._write, json.dumps(call).encode() + b"\0")
        while True:
            message = self._receive()
            if message.get("id") == self._next:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return dict(message.get("result", {}))
            self.events.append(message)

    def wait_for(self, method: str) -> dict[str, Any]:
        for seen in self.events:
            if seen.get("method") == method:
                self.events.remove(seen)
                return seen
        while True:
            message = self._receive()
            if message.get("method") == method:
                return message
            self.events.append(message)

    def open_page(self, width: int, height: int, mobile: bool = False) -> None:
        target = self.send("Target.createTarget", session=False, url="about:blank")
        attached = self.send("Target.attachToTarget", session=False,
                             targetId=target["targetId"], flatten=True)  # fmt: skip
        self.session = attached["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable")
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=height,
                  deviceScaleFactor=1, mobile=mobile)  # fmt: skip

    def load(self, url: str) -> None:
        self.events.clear()
        self.send("Page.navigate", url=url)
        self.wait_for("Page.loadEventFired")
        self.evaluate("new Promise(r => setTimeout(r, 0))")  # let DOMContentLoaded work end

    def evaluate(self, expression: str) -> Any:
        found = self.send("Runtime.evaluate", expression=expression, returnByValue=True,
                          awaitPromise=True)  # fmt: skip
        if "exceptionDetails" in found:
            raise RuntimeError(found["exceptionDetails"])
        return found["result"].get("value")

    def crawl(self, urls: list[str], script: str, tabs: int = 3) -> dict[str, Any]:
        """Load every one of ``urls``, ``tabs`` at a time in pages of 1280×900; for each,
        its problems, its requests and the value of ``script`` once it has loaded."""
        sessions = []
        for _ in range(tabs):
            self.open_page(1280, 900)
            sessions.append(self.session)
        waiting, seen, active, found = list(reversed(urls)), {}, {}, {}

        def start(sid: str) -> None:
            if waiting:
                active[sid], seen[sid] = waiting.pop(), []
                self.send("Page.navigate", sid=sid, url=active[sid])

        for sid in sessions:
            start(sid)
        settle = f"new Promise(r => setTimeout(r, 0)).then(() => {script})"
        while active:
            message = self.events.pop(0) if self.events else self._receive()
            sid = message.get("sessionId", "")
            if sid not in active:
                continue
            seen[sid].append(message)
            if message.get("method") == "Page.loadEventFired":
                value = self.send("Runtime.evaluate", sid=sid, expression=settle,
                                  returnByValue=True, awaitPromise=True)  # fmt: skip
                seen[sid] += [e for e in self.events if e.get("sessionId") == sid]
                self.events = [e for e in self.events if e.get("sessionId") != sid]
                events = seen[sid]
                found[active.pop(sid)] = (problems_in(events), requests_in(events),
                                          value["result"].get("value"))  # fmt: skip
                start(sid)
        return found

    def problems(self) -> list[str]:
        """Console errors and warnings, uncaught exceptions, and the browser's own log
        entries (a resource that failed, a blocked request) since the last ``load``."""
        return problems_in(self.events)

    def requests(self) -> list[str]:
        return requests_in(self.events)

    def screenshot(self, path: Path) -> None:
        shot = self.send("Page.captureScreenshot", format="png", captureBeyondViewport=True)
        path.write_bytes(base64.b64decode(shot["data"]))


def problems_in(events: list[dict[str, Any]]) -> list[str]:
    found = []
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params["type"] in ("error", "warning",
                                                                       "assert"):  # fmt: skip
            found.append(f"console.{params['type']}: {params['args']}")
        elif method == "Runtime.exceptionThrown":
            found.append(f"exception: {params['exceptionDetails']}")
        elif method == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning"):
            found.append(f"log: {params['entry']['text']} {params['entry'].get('url', '')}")
    return found


def requests_in(events: list[dict[str, Any]]) -> list[str]:
    return [e["params"]["request"]["url"] for e in events
            if e.get("method") == "Network.requestWillBeSent"]  # fmt: skip
