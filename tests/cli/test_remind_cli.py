"""``fzzf remind``: one digest per unit on the examples (as of 2017-07-25, after 市法制局's
review of 2017-07-20 returned 德庆县's claim on measure 51), to stdout or one file each."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ..conftest import REPO

AS_OF = "2017-07-25"


@pytest.fixture
def demo(plan_repo: Path) -> Path:
    shutil.copytree(REPO / "examples" / "submissions", plan_repo / "data" / "submissions")
    shutil.copytree(REPO / "examples" / "reviews", plan_repo / "data" / "reviews")
    return plan_repo


def test_one_unit_as_text(cli, demo: Path) -> None:
    code, out, _ = cli("remind", "德庆县", "--as-of", AS_OF, "--data", str(demo))
    assert code == 0
    assert out.startswith("德庆县：法治政府示范区工作提醒（截至 2017-07-25）\n")
    assert "已逾期\n- [红] 2016-12-31" in out
    assert (
        "被退回，须重新报送\n- [黄] 政风行风建设纳入党风廉政建设主体责任：新期限 2017-08-31" in out
    )
    assert "退回理由：佐证只有文字说明" in out
    assert out.count("工作提醒") == 1


def test_due_soon_and_the_files_to_create(cli, demo: Path) -> None:
    args = ("remind", "sihui", "--as-of", "2017-06-20", "--data", str(demo))
    code, out, _ = cli(*args)
    assert code == 0 and "14 天内到期\n- [黄] 2017-06-30（星期五） 报送 2017-H1" in out
    assert (
        "data/submissions/2017-H1/sihui.yaml：fzzf new report sihui 2017-H1 --date YYYY-MM-DD"
        in out
    )
    # 四会市's 2016-H2 report is there as a draft: complete it, do not create it
    assert "data/submissions/2016-H2/sihui.yaml：文件已有但是草稿" in out
    _, narrow, _ = cli(*args, "--within", "5")
    assert "2017-H1" not in narrow


def test_within_working_days_and_off_days_marked(cli, demo: Path) -> None:
    # 2017-12-20 plus 7 working days is 2017-12-29 (a Friday): the deadlines of Sunday
    # 2017-12-31 are not yet in the window; 8 working days reach 2018-01-02, past New Year.
    args = ("remind", "deqing", "--as-of", "2017-12-20", "--data", str(demo))
    _, seven, _ = cli(*args, "--within", "7", "--workdays")
    assert "7 个工作日内到期" not in seven and "2017-12-31" not in seven.split("已逾期")[-1]
    code, eight, _ = cli(*args, "--within", "8", "--workdays")
    assert code == 0 and "8 个工作日内到期\n- [黄] 2017-12-31（星期日，非工作日） " in eight
    _, calendar_days, _ = cli(*args, "--within", "8")
    assert "8 天内到期" not in calendar_days


def test_every_unit_one_file_never_overwritten(cli, demo: Path, tmp_path: Path) -> None:
    code, out, _ = cli("remind", "--as-of", AS_OF, "--data", str(demo), "-f", "md", "-o", "out/")
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert code == 0 and "deqing.md" in written and len(written) == out.count("已写入")
    assert len(written) > 40
    text = (tmp_path / "out" / "deqing.md").read_text(encoding="utf-8")
    assert text.startswith("## 德庆县：") and "### 被退回，须重新报送" in text
    code, _, err = cli(
        "remind", "deqing", "--as-of", AS_OF, "--data", str(demo), "-o", "out/", "-f", "md"
    )
    assert code == 1 and "deqing.md" in err and "--force" in err
    code, _, _ = cli(
        "remind",
        "deqing",
        "--as-of",
        AS_OF,
        "--data",
        str(demo),
        "-o",
        "out/",
        "-f",
        "md",
        "--force",
    )
    assert code == 0


@pytest.mark.parametrize(
    ("args", "code", "fragment"),
    [
        (("-o", "one.txt"), 2, "须是文件夹"),
        (("nobody",), 2, "nobody"),
        (("--within", "-1"), 2, "--within"),
    ],
)
def test_bad_usage(cli, demo: Path, args, code: int, fragment: str) -> None:
    found, out, err = cli("remind", *args, "--as-of", AS_OF, "--data", str(demo))
    assert found == code and out == "" and fragment in err


def test_nothing_to_remind_of(cli, demo: Path) -> None:
    code, out, _ = cli("remind", "lingdaoxiaozu", "--as-of", "2016-01-05", "--data", str(demo))
    assert code == 0 and out == "截至 2016-01-05，14 天内没有要提醒的事项。\n"


def test_needs_a_repository(cli) -> None:
    code, out, err = cli("remind", "--as-of", AS_OF)
    assert code == 2 and out == "" and "没有找到数据仓库" in err
