"""End-to-end catalogue of bad inputs: one folder per case in ``tests/corpus/bad_inputs/``.

Each folder holds ``case.yaml`` (what a clerk did, the command, the expected outcome) and
optionally a ``repo/`` tree copied over a fresh copy of the bundled plan. Cases whose
expectation fzzf does not meet yet carry ``xfail: "<reason>"``: the defect stays visible
without turning the suite red. ``$REPO`` in edits, generated text, commands and environment
values is the absolute path of the case's data repository.

The line a case locates, when it is a problem, has a code (``expect.code``) and its wording
is kept in ``tests/golden/problems.txt``, one line per case: wording is reviewed there, and
``--update-golden`` rewrites a case's line.
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

from fzzf_cli.errors import Problem
from fzzf_cli.present.safe import one_line

from ..conftest import GOLDEN, PROBLEM_TEXT

CORPUS = Path(__file__).resolve().parent / "bad_inputs"
FOLDERS = sorted(p for p in CORPUS.iterdir() if (p / "case.yaml").is_file())
CASE_KEYS = {
    "description", "class", "command", "remove", "edits", "generate", "symlinks", "env", "expect",
    "xfail",
}  # fmt: skip
EXPECT_KEYS = {
    "exit", "location", "message", "code", "stream", "absent", "absent_files", "max_seconds",
    "stdout_empty",
}  # fmt: skip
WORDING = GOLDEN / "problems.txt"
WORDING_HEADER = """\
# The wording of the problem each case of the bad-input corpus (tests/corpus/bad_inputs/)
# locates: "case code path:line:col: message（hint）". Review changes here; regenerate with
# python -m pytest tests/corpus --update-golden.
"""

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


def check(expect: dict[str, Any], result: Result, repo: Path, elapsed: float) -> str | None:
    """Assert ``expect`` of ``result``; the line it locates (the first that matches)."""
    code, out, err = result
    shown = f"exit {code}\n--- stdout\n{out[:3000]}\n--- stderr\n{err[:3000]}"
    assert code == expect["exit"], shown
    location, message = str(expect.get("location") or ""), str(expect.get("message") or "")
    hits: list[str] = []
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
    return hits[0] if hits else None


def problem_of(line: str, problems: list[Problem]) -> Problem | None:
    """The problem printed as ``line`` (a plain ``path:line:col: message（hint）`` line)."""
    for problem in list(problems):
        if one_line(PROBLEM_TEXT(problem)) == line:
            return problem
    return None


def wording() -> dict[str, str]:
    """``tests/golden/problems.txt``: case name → ``code path:line:col: message（hint）``."""
    if not WORDING.is_file():
        return {}
    found = {}
    for line in WORDING.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, rest = line.partition(" ")
            found[name] = rest
    return found


def _numbered(name: str) -> tuple[int, str]:
    number, _, rest = name.partition("-")
    return (int(number) if number.isdecimal() else 0, rest)


def check_wording(case: str, said: str | None, update: bool) -> None:
    """The case's line in the golden file of problem wording is ``said`` (None: no line)."""
    known = wording()
    if update:
        known.pop(case, None)
        if said is not None:
            known[case] = said
        body = "".join(f"{name} {known[name]}\n" for name in sorted(known, key=_numbered))
        WORDING.write_text(WORDING_HEADER + body, encoding="utf-8", newline="\n")
        return
    assert known.get(case) == said, (
        f"{case}: the located problem is\n  {said}\nbut {WORDING.name} says\n  {known.get(case)}"
        "\n(review the new wording and run pytest tests/corpus --update-golden)"
    )


@pytest.mark.parametrize("folder", _params())
def test_bad_input(
    folder: Path,
    plan_repo: Path,
    cli: Callable[..., Result],
    monkeypatch: pytest.MonkeyPatch,
    shown: list[Problem],
    request: pytest.FixtureRequest,
) -> None:
    case = load_case(folder)
    prepare(case, folder, plan_repo)
    for name, value in (case.get("env") or {}).items():
        monkeypatch.setenv(name, str(value).replace("$REPO", str(plan_repo)))
    command = [c.replace("$REPO", str(plan_repo)) for c in map(str, case.get("command") or [])]
    started = time.perf_counter()
    result = cli(*(command or ["validate"]), "--data", str(plan_repo))
    line = check(case["expect"], result, plan_repo, time.perf_counter() - started)
    problem = problem_of(line, shown) if line is not None else None
    expected = case["expect"].get("code")
    if problem is None:
        assert expected is None, f"{folder.name}: the located line is no problem: {line!r}"
    else:
        assert expected == problem.code, f"{folder.name}: write code: {problem.code}"
    said = f"{problem.code} {line}".replace(str(plan_repo), "$REPO") if problem else None
    check_wording(folder.name, said, request.config.getoption("--update-golden"))


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
    assert set(wording()) <= {folder.name for folder in FOLDERS}, "a case was removed"
