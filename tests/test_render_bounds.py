"""Templates a data repository supplies: read only from the templates folders, never through
a symlink (robustness issue, class 2).

Every refusal is a usage error (exit 2) naming the template as ``templates/x.md.j2`` (with
its line where there is one) and never showing what a symlink points at.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from fzzf_cli.errors import FzzfError
from fzzf_cli.render import render

SECRET = "TOPSECRET-4f1c"
AS_OF = "2017-07-15"
SYMLINKS = pytest.mark.skipif(os.name == "nt", reason="creating symlinks needs privileges")


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    """``tmp/repo/templates``, beside ``tmp/outside/secret.txt`` that no template may show."""
    folder = tmp_path / "repo" / "templates"
    folder.mkdir(parents=True)
    (tmp_path / "outside" / "parts").mkdir(parents=True)
    (tmp_path / "outside" / "secret.txt").write_text(SECRET + "\n", "utf-8")
    (tmp_path / "outside" / "parts" / "a.md.j2").write_text(SECRET + "\n", "utf-8")
    return folder


def write(folder: Path, name: str, text: str) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


def refused(folders: list[Path], name: str = "report.md.j2", limit: float = 5.0) -> str:
    """The message of the usage error that rendering ``name`` ends in, soon enough."""
    started = time.perf_counter()
    with pytest.raises(FzzfError) as caught:
        render(folders, name, {"items": [1, 2, 3]})
    elapsed = time.perf_counter() - started
    message = caught.value.message
    assert caught.value.exit_code == 2, message
    assert SECRET not in message and "PATH=" not in message and "Traceback" not in message
    assert elapsed < limit, f"took {elapsed:.1f} s: {message}"
    return message


# --- class 2: reading templates --------------------------------------------------------


@SYMLINKS
def test_a_symlinked_template_is_refused_unread(templates: Path) -> None:
    (templates / "report.md.j2").symlink_to("../../outside/secret.txt")
    message = refused([templates])
    assert "templates/report.md.j2" in message and "符号链接" in message


@SYMLINKS
def test_a_refused_template_does_not_fall_back_to_the_next_folder(
    templates: Path, tmp_path: Path
) -> None:
    write(tmp_path / "shipped" / "templates", "report.md.j2", "shipped\n")
    (templates / "report.md.j2").symlink_to("../../outside/secret.txt")
    message = refused([templates, tmp_path / "shipped" / "templates"])
    assert "templates/report.md.j2" in message and "符号链接" in message


@SYMLINKS
def test_an_included_symlink_is_refused_where_it_is_included(templates: Path) -> None:
    write(templates, "report.md.j2", "# 标题\n{% include 'part.md.j2' %}\n")
    (templates / "part.md.j2").symlink_to("../../outside/secret.txt")
    message = refused([templates])
    assert "templates/part.md.j2" in message and "符号链接" in message
    assert "templates/report.md.j2:2" in message


@SYMLINKS
def test_a_symlink_inside_the_templates_folder_is_refused_too(templates: Path) -> None:
    write(templates, "real.md.j2", "real\n")
    (templates / "report.md.j2").symlink_to("real.md.j2")
    assert "templates/report.md.j2" in refused([templates])


@SYMLINKS
@pytest.mark.parametrize(
    "tag",
    [
        "{% include 'parts/a.md.j2' %}",
        "{% extends 'parts/a.md.j2' %}",
        "{% import 'parts/a.md.j2' as a %}",
        "{% from 'parts/a.md.j2' import x %}",
    ],
)
def test_a_template_in_a_symlinked_folder_is_refused(templates: Path, tag: str) -> None:
    (templates / "parts").symlink_to("../../outside/parts", target_is_directory=True)
    write(templates, "report.md.j2", tag + "\n")
    message = refused([templates])
    assert "templates/parts" in message and "符号链接" in message


@SYMLINKS
@pytest.mark.skipif(not Path("/proc/self/environ").is_file(), reason="needs Linux /proc")
def test_proc_self_environ_behind_a_symlink_is_not_read(templates: Path) -> None:
    (templates / "report.md.j2").symlink_to("/proc/self/environ")
    assert "templates/report.md.j2" in refused([templates])


@pytest.mark.parametrize("name", ["../../outside/secret.txt", "/etc/passwd", "parts/../../x"])
def test_includes_cannot_climb_out_of_the_templates_folder(templates: Path, name: str) -> None:
    write(templates, "report.md.j2", f"{{% include '{name}' %}}\n")
    assert "templates/report.md.j2:1" in refused([templates])


def test_a_template_over_the_size_limit_is_refused(templates: Path) -> None:
    (templates / "report.md.j2").write_bytes(b"x" * 1_000_001)
    message = refused([templates])
    assert "templates/report.md.j2" in message and "太大" in message


def test_a_template_that_is_not_utf8_is_located(templates: Path) -> None:
    (templates / "report.md.j2").write_bytes(b"# ok\n" + "标题：{{ x }}".encode("gbk"))
    message = refused([templates])
    assert "templates/report.md.j2:2:1" in message and "UTF-8" in message and "GBK" in message


def test_templates_from_several_folders_still_work_together(
    templates: Path, tmp_path: Path
) -> None:
    shipped = tmp_path / "shipped" / "templates"
    write(shipped, "_layout.md.j2", "{% block body %}{% endblock %}|shipped\n")
    write(shipped, "report.md.j2", "not this one\n")
    write(
        templates, "report.md.j2", "{% extends '_layout.md.j2' %}{% block body %}own{% endblock %}"
    )
    assert render([templates, shipped], "report.md.j2", {}) == "own|shipped\n"


# --- end to end ------------------------------------------------------------------------


def _report(cli, repo: Path) -> tuple[int, str, str]:
    return cli("report", "-f", "md", "-o", "-", "--as-of", AS_OF, "--data", str(repo))


@SYMLINKS
def test_cli_refuses_a_symlinked_repository_template(cli, plan_repo: Path) -> None:
    (plan_repo.parent / "secret.txt").write_text(SECRET, "utf-8")
    (plan_repo / "templates").mkdir()
    (plan_repo / "templates" / "report.md.j2").symlink_to("../../secret.txt")
    code, out, err = _report(cli, plan_repo)
    assert code == 2 and out == "" and "templates/report.md.j2" in err and "符号链接" in err
    assert SECRET not in out + err


@SYMLINKS
def test_cli_refuses_a_symlinked_templates_folder(cli, plan_repo: Path) -> None:
    elsewhere = plan_repo.parent / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "report.md.j2").write_text(SECRET, "utf-8")
    (plan_repo / "templates").symlink_to(elsewhere, target_is_directory=True)
    code, out, err = _report(cli, plan_repo)
    assert code == 2 and out == "" and "templates" in err and "符号链接" in err
    assert SECRET not in out + err


@SYMLINKS
def test_cli_accepts_a_templates_option_that_is_a_symlink(cli, plan_repo: Path) -> None:
    real = plan_repo.parent / "real"
    write(real, "report.md.j2", "own {{ plan.as_of }}\n")
    (plan_repo.parent / "link").symlink_to(real, target_is_directory=True)
    link = str(plan_repo.parent / "link")
    code, out, err = cli("report", "-f", "md", "-o", "-", "--as-of", AS_OF,
                         "--templates", link, "--data", str(plan_repo))  # fmt: skip
    assert code == 0 and out.startswith("own "), err
