"""``fzzf init DIR``: a data repository in one command whose own CI example passes, and
that never overwrites a file; shell completion; ``fzzf check`` outside a repository."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from fzzf_cli import __version__
from fzzf_cli.cli.main import app
from fzzf_cli.present.schemas import MODELS, all_schemas, file_name
from fzzf_cli.present.starter import CI_FILES

from ..conftest import REPO, commit_all, git

EXPECTED = {
    "data/measures.yaml",
    "data/units.yaml",
    "data/pilots.yaml",
    "data/source/plan.txt",
    ".gitignore",
    ".github/workflows/fzzf.yml",
    ".gitlab-ci.yml",
    ".github/CODEOWNERS",
    ".gitlab/CODEOWNERS",
    ".editorconfig",
    ".vscode/settings.json",
    ".pre-commit-config.yaml",
    "README.md",
    *(f"schemas/{file_name(stem)}" for stem in MODELS),
}


def _files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def _ci_commands(repo: Path) -> list[str]:
    """The fzzf commands the GitHub and GitLab examples run on the main branch."""
    github = yaml.safe_load((repo / ".github/workflows/fzzf.yml").read_text(encoding="utf-8"))
    steps = github["jobs"]["check"]["steps"]
    runs = [s["run"] for s in steps if "run" in s and s.get("if", "").find("!=") >= 0]
    gitlab = yaml.safe_load((repo / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    return [*runs, *gitlab["fzzf"]["script"]]


def test_init_gives_a_repository_whose_ci_passes(cli, tmp_path: Path) -> None:
    code, out, err = cli("init", "zq-data", "--due-from", "2016-01-01")
    repo = tmp_path / "zq-data"
    assert code == 0 and err == "" and f"写入 {len(EXPECTED)} 个文件，跳过已有的 0 个" in out
    # one command per line: Windows PowerShell 5.1 takes no &&
    assert "\n  cd zq-data\n  git init\n" in out and "&&" not in out
    assert "fzzf check --due-from 2016-01-01" in out
    assert "CI 示例对方案的全部期限把关（--due-from 2016-01-01）。" in out and "改为" not in out
    assert _files(repo) == EXPECTED
    commit_all(repo, "fzzf init", "2016-02-01T10:00:00+08:00")
    commands = _ci_commands(repo)
    assert commands[:2] == ["fzzf validate", "fzzf check --due-from 2016-01-01 --format github"]
    gitlab = "fzzf check --due-from 2016-01-01 --format junit --output fzzf-check.xml"
    assert gitlab in commands
    # on a day before the plan's first deadline nothing is missing
    for command in dict.fromkeys(commands):
        args = command.split()[1:]
        code, out, err = cli(*args, "--data", str(repo), "--as-of", "2016-03-01")
        assert code == 0, (command, out, err)
    assert (tmp_path / "fzzf-check.xml").is_file()


def test_a_pull_request_on_a_new_repository_passes_today(cli, tmp_path: Path) -> None:
    """Later, every report is missing: the main branch's gate says so; a pull request that
    files one is judged on what it did (--baseline), as the example runs it."""
    cli("init", "zq", "--due-from", "2016-01-01")
    repo = tmp_path / "zq"
    commit_all(repo, "fzzf init", "2016-02-01T10:00:00+08:00")
    code, _, _ = cli("check", "--data", str(repo), "--as-of", "2017-07-15")
    assert code == 1
    git(repo, "checkout", "-q", "-b", "deqing")
    (repo / "README.md").write_text("改了说明\n", encoding="utf-8")
    commit_all(repo, "readme", "2017-07-10T10:00:00+08:00")
    code, out, err = cli(
        "check", "--baseline", "main", "--data", str(repo), "--as-of", "2017-07-15"
    )
    assert code == 0, out + err


def test_the_ci_examples_are_pinned_and_the_rest_is_valid(cli, tmp_path: Path) -> None:
    cli("init", "r", "--due-from", "2016-01-01")
    repo = tmp_path / "r"
    for name in (".github/workflows/fzzf.yml", ".gitlab-ci.yml"):
        text = (repo / name).read_text(encoding="utf-8")
        assert f'pip install "${{FZZF_PACKAGE:-fzzf=={__version__}}}"' in text
        assert re.search(r"fzzf}\"", text) is None  # no unpinned install line left
    settings = json.loads((repo / ".vscode/settings.json").read_text(encoding="utf-8"))
    assert settings["files.encoding"] == "utf8"
    hooks = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert hooks["repos"][0]["hooks"][0]["entry"] == "fzzf validate"
    ignored = (repo / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert {"reports/", "public/"} <= set(ignored)
    for host, path in (("github", ".github/CODEOWNERS"), ("gitlab", ".gitlab/CODEOWNERS")):
        _, owners, _ = cli("codeowners", "-f", host, "--data", str(repo))
        assert (repo / path).read_text(encoding="utf-8") == owners
    readme = (repo / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# ") and "fzzf new report" in readme and __version__ in readme
    assert "--due-from 2016-01-01" in readme and "schemas/" in readme


def test_the_gate_starts_on_the_day_init_ran(cli, tmp_path: Path, monkeypatch) -> None:
    """Every fzzf check line of both CI files gates from that day, and says so on top."""
    monkeypatch.setenv("FZZF_AS_OF", "2026-03-02")
    code, out, _ = cli("init", "r")
    assert code == 0 and "--due-from 2026-03-02" in out
    for example, name in CI_FILES.items():
        text = (tmp_path / "r" / name).read_text(encoding="utf-8")
        checks = re.findall(r"^[^#\n]*(fzzf check.*)", text, re.MULTILINE)
        assert len(checks) == 2 and all("check --due-from 2026-03-02 --format" in c for c in checks)
        assert text.startswith("# fzzf init 写于 2026-03-02") and "--due-from 2016-01-01" in text
        shipped = (REPO / "examples" / "ci" / example).read_text(encoding="utf-8")
        assert "fzzf check --due-from" not in shipped and "--due-from YYYY-MM-DD" in shipped


@pytest.mark.parametrize("day", ["2026-02-30", "2026/03/02", "x", ""])
def test_init_refuses_a_bad_day(cli, tmp_path: Path, day: str) -> None:
    code, out, err = cli("init", "r", "--due-from", day)
    assert code == 2 and out == "" and "--due-from" in err and "Traceback" not in err
    assert not (tmp_path / "r").exists()


class _AsCheckJsonschema(yaml.SafeLoader):
    """Dates stay text, as check-jsonschema loads YAML (JSON has no date type)."""


_AsCheckJsonschema.add_constructor(
    "tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str
)


def _load(path: Path) -> object:
    text = path.read_text(encoding="utf-8")
    return json.loads(text) if path.suffix == ".json" else yaml.load(text, _AsCheckJsonschema)


def test_every_file_init_writes_parses_and_its_schemas_pass_its_data(cli, tmp_path) -> None:
    """The editor mapping and the pre-commit hooks name files that are there, and each
    hook's local schema accepts every file of the new repository that it checks."""
    jsonschema = pytest.importorskip("jsonschema")
    cli("init", "r", "--due-from", "2016-01-01")
    repo = tmp_path / "r"
    for name in EXPECTED:
        if name.endswith((".json", ".yaml", ".yml")):
            assert _load(repo / name) is not None, name
    settings = _load(repo / ".vscode/settings.json")
    assert isinstance(settings, dict)
    for schema_file, globs in settings["yaml.schemas"].items():
        assert schema_file.startswith("./schemas/") and (repo / schema_file).is_file()
        assert all(g.startswith("/data/") for g in globs)
    config = _load(repo / ".pre-commit-config.yaml")
    assert isinstance(config, dict)
    local, checks = config["repos"]
    assert local["hooks"][0]["entry"] == "fzzf validate"
    checked = set()
    for hook in checks["hooks"]:
        option, schema_file = hook["args"]
        assert option == "--schemafile" and not schema_file.startswith(("http", "/"))
        validator = jsonschema.Draft7Validator(_load(repo / schema_file))
        for name in sorted(EXPECTED):
            if re.search(hook["files"], name):
                assert list(validator.iter_errors(_load(repo / name))) == [], name
                checked.add(name)
    assert checked == {"data/measures.yaml", "data/units.yaml", "data/pilots.yaml"}
    for name, text in all_schemas().items():  # the files fzzf schema writes
        assert (repo / "schemas" / name).read_text(encoding="utf-8") == text


def test_init_never_overwrites(cli, tmp_path: Path) -> None:
    repo = tmp_path / "clone"
    (repo / "data").mkdir(parents=True)
    (repo / "README.md").write_text("ours\n", encoding="utf-8")
    (repo / "data" / "units.yaml").write_text("units: []\n", encoding="utf-8")
    code, out, err = cli("init", str(repo), "--due-from", "2016-01-01")
    assert code == 0 and f"写入 {len(EXPECTED) - 2} 个文件，跳过已有的 2 个" in out
    assert "README.md 已存在，未改动" in err and "data/units.yaml 已存在，未改动" in err
    assert (repo / "README.md").read_text(encoding="utf-8") == "ours\n"
    code, out, _ = cli("init", str(repo), "--due-from", "2016-01-01")  # nothing left to write
    assert code == 0 and f"写入 0 个文件，跳过已有的 {len(EXPECTED)} 个" in out


def test_init_refuses_a_file_and_a_linked_folder(cli, tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x", encoding="utf-8")
    code, out, err = cli("init", "f")
    assert code == 2 and out == "" and "不是文件夹" in err
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / ".github").symlink_to(elsewhere)
    code, _, err = cli("init", "r")
    assert code == 0 and "符号链接" in err and not any(elsewhere.iterdir())


# What each shell's script begins with, and the completion it asks fzzf for.
SCRIPTS = {"bash": "_fzzf_completion()", "zsh": "#compdef fzzf", "fish": "complete --command fzzf"}


@pytest.mark.parametrize("shell", sorted(SCRIPTS))
def test_show_completion_prints_the_current_shells_script(
    cli, shell: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # --show-completion takes no value: it detects the shell it runs in (shellingham), so
    # the test says which shell that is rather than depend on the one running pytest.
    shellingham = pytest.importorskip("shellingham")
    monkeypatch.setattr(shellingham, "detect_shell", lambda: (shell, f"/bin/{shell}"))
    code, out, err = cli("--show-completion")
    assert code == 0, err
    assert out.lstrip().startswith(SCRIPTS[shell]) and f"complete_{shell}" in out


@pytest.mark.parametrize("shell", sorted(SCRIPTS))
def test_any_shells_script_on_request(shell: str) -> None:
    """The README's way to get the script of a shell other than the current one."""
    env = {"_FZZF_COMPLETE": f"source_{shell}"}
    result = CliRunner().invoke(app, [], prog_name="fzzf", env=env)
    assert result.exit_code == 0 and result.stdout.lstrip().startswith(SCRIPTS[shell])


@pytest.mark.parametrize(
    ("words", "expected"), [("fzzf ca", "calendar"), ("fzzf owes --so", "--soon")]
)
def test_tab_completes_commands_and_options(words: str, expected: str) -> None:
    """What the script asks for on a Tab press: a command, or an option of a lazy command."""
    env = {"_FZZF_COMPLETE": "complete_bash", "COMP_WORDS": words}
    env["COMP_CWORD"] = str(len(words.split()) - 1)
    result = CliRunner().invoke(app, [], prog_name="fzzf", env=env)
    assert result.exit_code == 0 and result.stdout.split() == [expected]


def test_completion_help_is_in_chinese(cli) -> None:
    _, out, _ = cli("--help")
    assert "--show-completion" in out and "补全" in out


@pytest.mark.parametrize("args", [(), ("--due-from", "2016-01-01"), ("--format", "junit")])
def test_check_outside_a_repository_names_the_built_in_plan(cli, args) -> None:
    code, out, err = cli("check", *args, "--as-of", "2017-07-15")
    assert code == 2 and out == ""
    assert "内置方案" in err and "fzzf init" in err


@pytest.mark.parametrize("command", ["check", "validate", "notice", "remind", "site"])
def test_help_of_data_does_not_promise_the_built_in_plan(cli, command: str) -> None:
    """These commands refuse the built-in plan outside a data repository (exit 2): --data's
    help must not name it as their last resort."""
    _, out, _ = cli(command, "--help")
    said = " ".join(out.split("--data")[1].split())
    assert "内置方案" not in said or "只查方案的命令" in said


def test_the_readme_tells_a_clerk_where_the_filing_date_goes(cli, tmp_path: Path) -> None:
    """Step 2 drafts the report; the date goes in the file's submitted when it is filed
    (running fzzf new report again with --date is refused: the draft exists)."""
    assert cli("init", str(tmp_path / "r"), "--due-from", "2016-01-01")[0] == 0
    readme = (tmp_path / "r" / "README.md").read_text(encoding="utf-8")
    step = readme.split("2. ")[1].split("3. ")[0]
    assert "`submitted: YYYY-MM-DD`" in step and "--date" not in step
