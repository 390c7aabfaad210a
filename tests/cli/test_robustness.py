"""Faults and hostile conditions: internal errors, foreign consoles, killed writes, mutated
data, and a source audit. Nothing lost, no traceback, safe output in every sink."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fzzf_cli import __version__
from fzzf_cli.derive.obligations import derive
from fzzf_cli.read.writefile import write_new, write_replace
from fzzf_cli.validate.load import load_dataset
from fzzf_cli.validate.subs_load import load_submissions

from ..conftest import DATA, REPO, edit

PACKAGE = REPO / "fzzf_cli"


def test_internal_error_is_an_apology_not_a_traceback(monkeypatch, capsys) -> None:
    from fzzf_cli.cli import dues
    from fzzf_cli.cli import main as cli

    def broken(*_args: object, **_kwargs: object) -> None:
        secret = "TOPSECRET-LOCAL"  # noqa: F841 - locals must never be shown
        raise RuntimeError("boom TOPSECRET-MESSAGE")

    monkeypatch.setattr(dues, "derive", broken)
    monkeypatch.setattr(sys, "argv", ["fzzf", "due", "--year", "2017"])
    with pytest.raises(SystemExit) as stop:
        cli.main()
    out, err = capsys.readouterr()
    assert stop.value.code == 3 and out == ""
    assert f"fzzf {__version__} 内部错误：RuntimeError" in err and "报告给维护者" in err
    assert "Traceback" not in err and "TOPSECRET" not in err


def _run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("FZZF_")}
    clean.update({"FZZF_NO_CACHE": "1", "COLUMNS": "200"}, **env)
    command = [sys.executable, "-m", "fzzf_cli", *args]
    return subprocess.run(command, cwd=cwd, env=clean, capture_output=True, timeout=120)


def test_gbk_console_gets_no_encode_error(plan_repo: Path) -> None:
    edit(plan_repo / "data" / "units.yaml", "    name: 德庆县\n", "    name: 德庆县🏛\n")
    for args in (["owes", "deqing", "--as-of", "2017-07-15"], ["units"], ["due", "--year", "2017"]):
        done = _run([*args, "--data", str(plan_repo)], {"PYTHONIOENCODING": "gbk"}, plan_repo)
        assert done.returncode == 0, done.stderr.decode("gbk", "replace")
        text = done.stdout.decode("gbk")
        assert "德庆县?" in text or args[0] == "due"
        assert b"UnicodeEncodeError" not in done.stderr


def test_markup_in_data_prints_literally(cli, plan_repo: Path) -> None:
    edit(
        plan_repo / "data" / "units.yaml", "    name: 德庆县\n", '    name: "[bold red]德庆县[/]"\n'
    )
    code, out, _ = cli("units", "--data", str(plan_repo))
    assert code == 0 and "[bold red]德庆县[/]" in out and "\x1b[" not in out


# --- nothing lost --------------------------------------------------------------------------

_WRITER = """
import sys, time
from pathlib import Path
from fzzf_cli.read import writefile
real = writefile.os.fdopen
class Slow:
    def __init__(self, handle): self.handle = handle
    def __enter__(self): return self
    def __exit__(self, *a): return self.handle.__exit__(*a)
    def write(self, text):
        for i in range(0, len(text), 4096):
            self.handle.write(text[i:i + 4096]); self.handle.flush(); time.sleep(0.002)
    def flush(self): self.handle.flush()
    def fileno(self): return self.handle.fileno()
writefile.os.fdopen = lambda *a, **k: Slow(real(*a, **k))
print("ready", flush=True)
writefile.write_replace(Path(sys.argv[1]), "新" * 2_000_000)
"""


def test_killed_mid_write_leaves_the_old_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "reports" / "2017-H1.md"
    target.parent.mkdir()
    old = "旧的报告\n" * 1000
    target.write_text(old, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for delay in (0.05, 0.2, 0.5):
        child = subprocess.Popen([sys.executable, "-c", _WRITER, str(target)], env=env,
                                 stdout=subprocess.PIPE)  # fmt: skip
        assert child.stdout is not None and child.stdout.readline() == b"ready\n"
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        assert target.read_text(encoding="utf-8") == old
    leftovers = [p for p in target.parent.iterdir() if p != target]
    assert leftovers, "the kills should have landed mid-write"  # SIGKILL leaves the temp file
    assert all(p.name.startswith(".2017-H1.md.") and p.suffix == ".tmp" for p in leftovers)


def test_stale_temp_files_of_killed_writes_are_cleared(tmp_path: Path) -> None:
    target = tmp_path / "2017-H1.html"
    old = tmp_path / ".2017-H1.html.abc123.tmp"
    fresh = tmp_path / ".2017-H1.html.def456.tmp"
    other = tmp_path / ".notes.txt.abc123.tmp"
    for path in (old, fresh, other):
        path.write_text("partial", encoding="utf-8")
    two_hours_ago = time.time() - 7200
    os.utime(old, (two_hours_ago, two_hours_ago))
    os.utime(other, (two_hours_ago, two_hours_ago))
    write_replace(target, "<html></html>\n")
    assert not old.exists() and fresh.exists() and other.exists()


def test_interrupted_write_leaves_no_temp_file(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "out.yaml"
    target.write_text("old\n", encoding="utf-8")

    def fail(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(KeyboardInterrupt):
        write_replace(target, "new\n")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.yaml"]


def test_write_new_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "deqing.yaml"
    target.write_text("mine\n", encoding="utf-8")
    with pytest.raises(FileExistsError):
        write_new(target, "theirs\n")
    assert target.read_text(encoding="utf-8") == "mine\n"
    assert [p.name for p in tmp_path.iterdir()] == ["deqing.yaml"]


@pytest.mark.parametrize("unit", ["../../x", "..\\..\\x", "C:\\x", "/tmp/x", "con", "a:b"])
def test_names_cannot_become_paths(cli, plan_repo: Path, unit: str) -> None:
    before = sorted(plan_repo.rglob("*"))
    code, out, err = cli("new", "report", unit, "2016-H1", "--data", str(plan_repo))
    assert code == 2 and out == "" and "Traceback" not in err
    assert sorted(plan_repo.rglob("*")) == before


def test_reserved_windows_name_is_refused_as_an_id(cli, plan_repo: Path) -> None:
    edit(plan_repo / "data" / "units.yaml", "  - id: deqing\n", "  - id: con\n")
    code, _, err = cli("validate", "--data", str(plan_repo))
    assert code == 1 and "“con”是 Windows 保留的设备名" in err


# --- fuzzing -------------------------------------------------------------------------------

_SEED = (DATA / "pilots.yaml").read_bytes()
_REPORT = (REPO / "examples" / "submissions" / "2017-H1" / "deqing.yaml").read_bytes()


def _mutate(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    for position, cut, insert in edits:
        at = position % (len(data) + 1)
        data = data[:at] + insert + data[at + cut :]
    return data


_PIECES = [b"", b":", b"- ", b"\t", b"\n", b"  ", b"{", b"[", b"'", b'"', b"&a", b"*a", b"!!",
           b"#", b"\xff", "\u3000".encode(), b"null", b"yes", b"1:30", b"2017-02-30", b"\x00",
           b"\xef\xbb\xbf", "：".encode()]  # fmt: skip
_EDITS = st.lists(
    st.tuples(
        st.integers(0, 10**6),
        st.integers(0, 8),
        st.sampled_from(_PIECES) | st.binary(max_size=6),
    ),
    max_size=6,
)  # fmt: skip


# A long run: FZZF_FUZZ_EXAMPLES=20000 python -m pytest tests/cli/test_robustness.py -k mutated
@settings(
    max_examples=int(os.environ.get("FZZF_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(plan=_EDITS, report=_EDITS)
def test_mutated_files_end_in_success_or_our_own_error(tmp_path_factory, plan, report) -> None:
    repo = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(DATA, repo / "data", ignore=shutil.ignore_patterns("source"))
    (repo / "data" / "pilots.yaml").write_bytes(_mutate(_SEED, plan))
    folder = repo / "data" / "submissions" / "2017-H1"
    folder.mkdir(parents=True)
    (folder / "deqing.yaml").write_bytes(_mutate(_REPORT, report))
    ds, problems = load_dataset(repo)
    for problem in problems:
        assert problem.location.path.startswith("data/") and problem.message
    if ds is not None:
        _, sub_problems = load_submissions(repo, ds, derive(ds))
        assert all(p.location.path.startswith("data/") for p in sub_problems)


# --- source audit --------------------------------------------------------------------------

_FORBIDDEN = {
    r"\beval\(": "eval",
    r"\bexec\(": "exec",
    r"shell\s*=\s*True": "a shell",
    r"os\.system\(": "os.system",
    r"yaml\.load\(": "yaml.load (unsafe loaders)",
    r"\bLoader\s*=\s*yaml\.(Loader|FullLoader|UnsafeLoader)": "an unsafe YAML loader",
    r"\bimport pickle\b|pickle\.loads?\(": "pickle (the plan cache is plain JSON)",
}


def test_no_eval_shell_or_unsafe_yaml_in_the_package() -> None:
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for pattern, what in _FORBIDDEN.items():
            assert not re.search(pattern, text), f"{path.name} uses {what}"


def test_pinned_dependencies_without_known_advisories() -> None:
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert '"pyyaml>=6.0.4"' in text and '"jinja2>=3.1.6"' in text


def _installed_fzzf(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "fzzf_cli", *args], capture_output=True,
                          env=env, check=False)  # fmt: skip


def test_a_file_name_that_is_not_utf8_is_a_located_problem(plan_repo: Path) -> None:
    folder = plan_repo / "data" / "submissions" / "2017-H1"
    folder.mkdir(parents=True)
    with open(os.path.join(os.fsencode(folder), b"\xff.yaml"), "wb") as handle:
        handle.write(b"unit: deqing\n")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = _installed_fzzf(["check", "--as-of", "2017-07-15", "--data", str(plan_repo)], env)
    assert done.returncode == 1, done.stderr
    assert b"data/submissions/2017-H1/\\xff.yaml: " in done.stdout
    done = _installed_fzzf(["validate", "-f", "json", "--data", str(plan_repo)], env)
    found = json.loads(done.stdout.decode("utf-8"))["problems"]
    assert [p["path"] for p in found] == ["data/submissions/2017-H1/\\xff.yaml"]


def test_problems_on_stderr_cannot_forge_workflow_commands(cli, plan_repo: Path) -> None:
    """The GitHub runner reads workflow commands from stderr too; validate writes there."""
    folder = plan_repo / "data" / "submissions" / "2017-H1"
    folder.mkdir(parents=True)
    (folder / "x\n::error title=fzzf::forged\n::notice::ok.yaml").write_text("a: b\n", "utf-8")
    (folder / "deqing.yaml").write_text(
        "unit: deqing\nperiod: 2017-H1\nsubmitted: 2017-06-28\nitems:\n"
        '  - {id: "m1\\n::error::from a value\\u001b[31m", status: done}\n',
        encoding="utf-8",
    )
    code, _, err = cli("validate", "--data", str(plan_repo))
    assert code == 1 and "forged" in err and "from a value" in err
    assert not [line for line in err.splitlines() if line.lstrip().startswith("::")]
    assert "\x1b" not in err
