"""End-to-end catalogue of bad inputs: one folder per case in ``tests/corpus/bad_inputs/``.

Each folder holds ``case.yaml`` (what a clerk did, the command, the expected outcome) and
optionally a ``repo/`` tree copied over a fresh copy of the bundled plan. Cases whose
expectation fzzf does not meet yet carry ``xfail: "<reason>"``: the defect stays visible
without turning the suite red. ``$REPO`` in edits, generated text, commands and environment
values is the absolute path of the case's data repository.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

CORPUS = Path(__file__).resolve().parent / "bad_inputs"
FOLDERS = sorted(p for p in CORPUS.iterdir() if (p / "case.yaml").is_file())
CASE_KEYS = {
    "description", "class", "command", "remove", "edits", "generate", "symlinks", "env", "expect",
    "xfail",
}  # fmt: skip
EXPECT_KEYS = {
    "exit", "location", "message", "stream", "absent", "absent_files", "max_seconds",
    "stdout_empty",
}  # fmt: skip

Result = tuple[int, str, str]


def load_case(folder: Path) -> dict[str, Any]:
    with open(folder / "case.yaml", encoding="utf-8") as handle:
        case = yaml.safe_load(handle)
    assert isinstance(case, dict), folder.name
    return case


def _params() -> list[Any]:
    params = []
    for folder in FOLDERS:
        reason = load_case(folder).get("xfail")
        marks = [pytest.mark.xfail(reason=reason, strict=False)] if reason else []
        params.append(pytest.param(folder, id=folder.name, marks=marks))
    return params


def prepare(case: dict[str, Any], folder: Path, repo: Path) -> None:
    """Overlay ``repo/``, then apply removals, edits, generated files and symlinks, in order."""

    def sub(text: str) -> str:
        return text.replace("$REPO", str(repo))

    if (folder / "repo").is_dir():
        shutil.copytree(folder / "repo", repo, dirs_exist_ok=True, symlinks=True)
    for name in case.get("remove") or []:
        (repo / name).unlink()
    for edit in case.get("edits") or []:
        path = repo / edit["file"]
        text = path.read_bytes().decode("utf-8")
        assert edit["old"] in text, f"{edit['old']!r} not in {edit['file']}"
        path.write_bytes(text.replace(edit["old"], sub(edit["new"]), 1).encode("utf-8"))
    started: set[str] = set()
    for gen in case.get("generate") or []:
        path = repo / gen["file"]
        path.parent.mkdir(parents=True, exist_ok=True)
        chunk = bytes.fromhex(gen["bytes_hex"]) if "bytes_hex" in gen else sub(gen["text"]).encode()
        with open(path, "ab" if gen["file"] in started else "wb") as handle:
            handle.write(chunk * int(gen.get("times", 1)))
        started.add(gen["file"])
    for link in case.get("symlinks") or []:
        path = repo / link["link"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)
        os.symlink(link["target"], path)


def check(expect: dict[str, Any], result: Result, repo: Path, elapsed: float) -> None:
    code, out, err = result
    shown = f"exit {code}\n--- stdout\n{out[:3000]}\n--- stderr\n{err[:3000]}"
    assert code == expect["exit"], shown
    location, message = str(expect.get("location") or ""), str(expect.get("message") or "")
    if location or message:
        lines = (out if expect.get("stream", "stderr") == "stdout" else err).splitlines()
        prefix = location + ":" if location else ""
        hits = [ln for ln in lines if ln.startswith(prefix) and message in ln[len(prefix) :]]
        assert hits, f"no line starting with {prefix!r} containing {message!r}\n{shown}"
    for text in ["Traceback", *(expect.get("absent") or [])]:
        assert text not in out + err, f"{text!r} was printed\n{shown}"
    if expect.get("stdout_empty"):
        assert out == "", shown
    for name in expect.get("absent_files") or []:
        assert not list(repo.glob(name)), f"{name} was created"
    limit = float(expect.get("max_seconds", 5))
    assert elapsed <= limit, f"took {elapsed:.2f} s (limit {limit} s)"


@pytest.mark.parametrize("folder", _params())
def test_bad_input(
    folder: Path,
    plan_repo: Path,
    cli: Callable[..., Result],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    case = load_case(folder)
    prepare(case, folder, plan_repo)
    for name, value in (case.get("env") or {}).items():
        monkeypatch.setenv(name, str(value).replace("$REPO", str(plan_repo)))
    command = [c.replace("$REPO", str(plan_repo)) for c in map(str, case.get("command") or [])]
    started = time.perf_counter()
    result = cli(*(command or ["validate"]), "--data", str(plan_repo))
    check(case["expect"], result, plan_repo, time.perf_counter() - started)


def test_corpus_is_complete() -> None:
    assert len(FOLDERS) >= 45, f"only {len(FOLDERS)} cases"
    for folder in FOLDERS:
        case = load_case(folder)
        assert set(case) <= CASE_KEYS, (folder.name, set(case) - CASE_KEYS)
        assert isinstance(case.get("description"), str) and case["description"].strip(), folder
        assert isinstance(case.get("class", 0), int), folder.name
        expect = case.get("expect")
        assert isinstance(expect, dict) and isinstance(expect.get("exit"), int), folder.name
        assert set(expect) <= EXPECT_KEYS, (folder.name, set(expect) - EXPECT_KEYS)
        assert expect.get("stream", "stderr") in {"stderr", "stdout"}, folder.name
        assert case.get("class") is None or isinstance(case["class"], int), folder.name
