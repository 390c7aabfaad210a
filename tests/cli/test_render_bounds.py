"""Templates a data repository supplies: read only from the templates folders, never through
a symlink, and rendered under time and size bounds (robustness issue, classes 2 and 7).

Every refusal is a usage error (exit 2) naming the template as ``templates/x.md.j2`` (with
its line where there is one) and never showing what a symlink points at.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from fzzf_cli.errors import FzzfError
from fzzf_cli.present.render import render

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


@pytest.fixture
def quick(monkeypatch: pytest.MonkeyPatch) -> None:
    """A one-second deadline, so that runaway templates stop fast."""
    monkeypatch.setattr("fzzf_cli.present.render_bounds.RENDER_SECONDS", 1.0)


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


# --- class 7: bounds -------------------------------------------------------------------

RUNAWAY_LOOPS = [
    "{% for i in range(100000) %}{% for j in range(100000) %}{{ j % 2 }}{% endfor %}{% endfor %}",
    "{% set r = range(100000) %}{% for i in r %}{% for j in r %}{% endfor %}{% endfor %}",
    "{% for i in range(100000) %}{% for j in range(100000) if j < 0 %}{% endfor %}{% endfor %}",
    "{% set r = range(100000) %}{% for i in r %}{% set n = r|length %}{% endfor %}"
    "{% for i in r %}{% for j in r %}{% for k in r %}{% endfor %}{% endfor %}{% endfor %}",
]


@pytest.mark.parametrize("loop", RUNAWAY_LOOPS, ids=["output", "no-body", "filtered", "after"])
def test_a_runaway_loop_stops_at_the_deadline(templates: Path, quick: None, loop: str) -> None:
    write(templates, "report.md.j2", "# 标题\n" + loop + "\n")
    message = refused([templates])
    assert "templates/report.md.j2:2" in message and "1 秒" in message


HUGE = [
    "'a' * 10**9",
    "10**9 * 'a'",
    "[0] * 10**9",
    "[[0] * 100000] * 100000",
    "2 ** (10 ** 8)",
    "(10 ** 20000) * (10 ** 20000)",
    "('a' * 4000000) + ('a' * 4000000)",
    "('a' * 4000000) ~ ('a' * 4000000)",
    "'%1000000000d' % 1",
    "'%(a)s%(a)s%(a)s%(a)s%(a)s%(a)s' % {'a': 'x' * 1000000}",
    "'{:>1000000000}'.format(1)",
    "'{0:{1}}'.format(1, 10**9)",
    "'{0}{0}{0}{0}{0}{0}'.format('a' * 1000000)",
    "'a'.ljust(10**9)",
    "'a'.center(10**9)",
    "'\\t'.expandtabs(10**9)",
    "('a' * 4000).replace('a', 'b' * 4000)",
    "(',' * 100000).join(range(100000)|map('string'))",
    "('a' * 1000).translate({97: 'b' * 10000})",
    "'a'|center(10**9)",
    "('a\\n' * 100000)|indent(1000)",
    "('a' * 100000)|wordwrap(1, wrapstring='b' * 1000)",
    "('a' * 4000)|replace('', 'b' * 4000)",
    "range(100000)|join('x' * 1000)",
    "'%1000000000s'|format(1)",
    "[1]|batch(10**9, 0)|list",
    "[1]|slice(10**9)|list",
    "[1, 2]|tojson(indent=10**9)",
    "lipsum(10**7)",
]


@pytest.mark.parametrize("expression", HUGE)
def test_a_huge_value_is_refused_before_it_is_made(
    templates: Path, quick: None, expression: str
) -> None:
    write(templates, "report.md.j2", "# 标题\n{{ " + expression + " }}\n")
    message = refused([templates], limit=3.0)
    assert "templates/report.md.j2:2" in message
    assert "的结果" in message or "格式中的宽度" in message or "'lipsum' is undefined" in message


GROWING = [
    "{% set ns = namespace(s='ab') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}"
    "{% endfor %}",
    "{% set ns = namespace(s='ab') %}{% for i in range(64) %}{% set ns.s = ns.s + ns.s %}"
    "{% endfor %}",
    "{% set ns = namespace(s='ab') %}{% for i in range(64) %}{% set ns.s = ns.s * 2 %}{% endfor %}",
    "{% set ns = namespace(n=3) %}{% for i in range(64) %}{% set ns.n = ns.n * ns.n %}{% endfor %}",
    "{% set l = [1] %}{% for i in range(64) %}{{ l.extend(l) }}{% endfor %}",
    "{% set l = [] %}{% for i in range(100000) %}{{ l.append('a' * 4000000) }}{% endfor %}",
    "{% set d = {} %}{% for i in range(100000) %}{{ d.setdefault(i, 'a' * 4000000) }}{% endfor %}",
    "{% set ns = namespace(s='ab') %}{% for i in range(64) %}"
    "{% set ns.s = '{0}{0}'.format(ns.s) %}{% endfor %}",
]


@pytest.mark.parametrize(
    "template",
    GROWING,
    ids=["concat", "plus", "times", "square", "extend", "append", "setdefault", "format"],
)
def test_a_value_grown_in_a_loop_is_stopped(templates: Path, quick: None, template: str) -> None:
    write(templates, "report.md.j2", "# 标题\n" + template + "\n")
    message = refused([templates], limit=3.0)
    assert "templates/report.md.j2:2" in message and "的结果" in message


CAPTURED = [
    "{% set x %}{% for i in range(100000) %}{% for j in range(100000) %}{{ 'y' * 1000 }}"
    "{% endfor %}{% endfor %}{% endset %}",
    "{% macro m() %}{% for j in range(100000) %}{{ 'y' * 1000 }}{% endfor %}{% endmacro %}"
    "{% for i in range(100000) %}{% set _ = m() %}{% endfor %}",
    "{% filter upper %}{% for i in range(100000) %}{% for j in range(100000) %}{{ 'y' * 1000 }}"
    "{% endfor %}{% endfor %}{% endfilter %}",
]


@pytest.mark.parametrize("template", CAPTURED, ids=["set-block", "macro", "filter-block"])
def test_output_captured_inside_a_template_counts_too(
    templates: Path, quick: None, template: str
) -> None:
    write(templates, "report.md.j2", "# 标题\n" + template + "\n")
    message = refused([templates], limit=3.0)
    assert "templates/report.md.j2:2" in message and "输出超过" in message


def test_output_over_the_cap_stops_rendering(
    templates: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("fzzf_cli.present.render_bounds.MAX_OUTPUT_CHARS", 1000)
    write(templates, "report.md.j2", "# 标题\n{% for i in range(1000) %}0123456789{% endfor %}\n")
    message = refused([templates])
    assert "templates/report.md.j2:2" in message and "输出超过 1000" in message


def test_the_bounds_hold_in_an_included_template(templates: Path, quick: None) -> None:
    write(templates, "report.md.j2", "# 标题\n\n{% include 'part.md.j2' %}\n")
    write(templates, "part.md.j2", "a\nb\n{{ 'a' * 10**9 }}\n")
    assert "templates/part.md.j2:3" in refused([templates])


FINE = """\
{% extends "base.md.j2" %}
{% import "macros.md.j2" as m %}
{% block body %}
{% for x in items if x > 1 %}{{ loop.index }}/{{ loop.length }}:{{ m.show(x) }}\
{% if not loop.last %}, {% endif %}{% endfor %}
{% set t %}{{ "%s-%03d" % ("a", 7) }}{% endset %}{{ t ~ "!" }} {{ "{:>4}|{}".format(12, "b") }}
{{ (2 ** 10) * 3 + 1 }} {{ ("ab" * 3)|center(10) }} {{ [1, 2] + [3] }} {{ 7 // 2 }} {{ 7 % 4 }}
{{ items|join(", ") }} {{ "x"|indent(2, true) }} {{ "a-b"|replace("-", "+") }} {{ 10 ** -1 }}
{% endblock %}
"""


def test_a_template_within_the_bounds_renders_as_before(templates: Path) -> None:
    write(templates, "base.md.j2", "<{% block body %}{% endblock %}>\n")
    write(templates, "macros.md.j2", "{% macro show(x) %}[{{ x * 2 }}]{% endmacro %}")
    write(templates, "report.md.j2", FINE)
    assert render([templates], "report.md.j2", {"items": [1, 2, 3]}) == (
        "<1/2:[4], 2/2:[6]a-007!   12|b\n3073   ababab   [1, 2, 3] 3 3\n1, 2, 3   x a+b 0.1\n>\n"
    )


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


def test_cli_stops_a_runaway_repository_template(cli, plan_repo: Path, quick: None) -> None:
    loop = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    write(plan_repo / "templates", "report.md.j2", "# {{ plan.title }}\n\n" + loop + "\n")
    started = time.perf_counter()
    code, out, err = _report(cli, plan_repo)
    assert code == 2 and out == "" and "templates/report.md.j2:3" in err and "1 秒" in err
    assert time.perf_counter() - started < 10


def test_cli_refuses_a_huge_expression(cli, plan_repo: Path, quick: None) -> None:
    write(plan_repo / "templates", "report.md.j2", "# {{ plan.title }}\n{{ 'a' * 10**9 }}\n")
    code, out, err = _report(cli, plan_repo)
    assert code == 2 and out == "" and "templates/report.md.j2:2" in err and "太大" in err
