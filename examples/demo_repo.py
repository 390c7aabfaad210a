"""Build a practice data repository, with git history, from the made-up examples.

    python examples/demo_repo.py DEST

DEST must not exist. The repository gets the bundled plan (``data/``), then every example
under ``examples/submissions/`` and ``examples/reviews/`` the way a real one would: each
unit commits its file on a branch of its own and 市法制局 merges the pull request into
``main`` with a merge commit, on the day given below (the day the file says, unless the
story says otherwise). All of it is MADE-UP DEMONSTRATION DATA. The stories it shows:

- 市经济信息化局's 2017-H1 report says 2017-06-28 but was merged on 2017-07-06: fzzf
  flags it, names the merge commit, and counts the report as late;
- 四会市's 2016-H2 report was merged as a draft and never filled in;
- 市法制局 reviews the claims on 2017-07-20 (``examples/reviews/2017-H1.yaml``);
- on 2017-09-01 市法制局 designates the pilot units of measure 25 (市公安局, 德庆县) in
  ``data/units.yaml``: from then on 德庆县 owes that 2016 pilot, so today's view of
  2017-07-15 shows it overdue, while ``--history`` shows what was known that day;
- on 2017-09-05 德庆县 rewrites its filed 2017-H1 report (an item it had "in progress"
  becomes "done" on 2017-06-20) and the coordinator merges it anyway: the report still
  counts as it was filed, and ``fzzf check`` names the rewrite. The branch
  ``deqing-rewrite`` and the tag ``before-rewrite`` are kept, so the pull request's check
  can be rerun: ``git checkout deqing-rewrite && fzzf check --changed-since before-rewrite``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PLAN = HERE.parent / "data"
ZONE = "+08:00"
# Files merged on another day than the one they declare (the stories above).
MERGED_ON = {
    "submissions/2017-H1/jingxinju.yaml": "2017-07-06",
    "submissions/2016-H2/sihui.yaml": "2016-12-30",  # a draft: submitted is empty
}
DESIGNATE_DAY = "2017-09-01"
DESIGNATE_OLD = "  - id: m25-pilot-units\n"
DESIGNATE_MEMBERS = ("    members: []\n", "    members: [gonganju, deqing]\n")
REWRITE_DAY = "2017-09-05"
REWRITE_OLD = (
    "  - id: m1-2016-12-31\n    title: 2016-12-31 调整一批政府部门职能转变事项\n"
    "    status: in_progress\n"
)
REWRITE_NEW = (
    "  - id: m1-2016-12-31\n    title: 2016-12-31 调整一批政府部门职能转变事项\n"
    "    status: done\n    done: '2017-06-20'\n"
)


def git(
    repo: Path, *args: str, when: str = "2016-04-08", hour: str = "09:00", who: str = "fazhiju"
) -> None:
    stamp = f"{when}T{hour}:00{ZONE}"
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": who,
        "GIT_AUTHOR_EMAIL": f"{who}@example.invalid",
        "GIT_COMMITTER_NAME": who,
        "GIT_COMMITTER_EMAIL": f"{who}@example.invalid",
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_DATE": stamp,
    }
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def declared(path: Path) -> str | None:
    """The file's own date: ``submitted`` of a filing, ``reviewed`` of a review."""
    for line in path.read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition(":")
        if key in ("submitted", "reviewed"):
            value = value.strip().strip("'\"")
            return value if value not in ("", "null") else None
    return None


def events() -> list[tuple[str, str, str, Path]]:
    """(merge day, unit, path in data/, example file), in the order they reach main."""
    found = []
    for folder in ("submissions", "reviews"):
        for path in sorted((HERE / folder).rglob("*.yaml")):
            relative = path.relative_to(HERE).as_posix()
            day = MERGED_ON.get(relative) or declared(path)
            if day is None:
                raise SystemExit(f"{relative}: no date to merge it on")
            unit = "fazhiju" if folder == "reviews" else path.stem
            found.append((day, unit, relative, path))
    return sorted(found)


def build(dest: Path) -> None:
    if dest.exists():
        raise SystemExit(f"{dest} already exists; give a new folder (nothing was changed)")
    shutil.copytree(PLAN, dest / "data")
    git(dest, "init", "-q", "-b", "main")
    git(dest, "add", "-A")
    git(dest, "commit", "-q", "-m", "方案：肇府办函〔2016〕48号")
    for number, (day, unit, relative, source) in enumerate(events(), 1):
        branch = f"pr-{number:02d}-{unit}"
        git(dest, "checkout", "-q", "-b", branch, "main")
        target = dest / "data" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        git(dest, "add", "-A")
        own = declared(source) or day
        git(dest, "commit", "-q", "-m", f"{unit}: {relative}", when=own, hour="10:00", who=unit)
        git(dest, "checkout", "-q", "main")
        git(dest, "merge", "-q", "--no-ff", "-m", f"合并 {branch}", branch, when=day, hour="17:30")
        git(dest, "branch", "-q", "-D", branch)
    units = dest / "data" / "units.yaml"
    text = units.read_text(encoding="utf-8")
    start = text.index(DESIGNATE_OLD)
    end = text.index(DESIGNATE_MEMBERS[0], start) + len(DESIGNATE_MEMBERS[0])
    text = text[:start] + text[start:end].replace(*DESIGNATE_MEMBERS) + text[end:]
    units.write_text(text, encoding="utf-8")
    git(dest, "commit", "-q", "-am", "指定措施25试点单位", when=DESIGNATE_DAY, hour="11:00")
    git(dest, "tag", "before-rewrite")
    git(dest, "checkout", "-q", "-b", "deqing-rewrite", "main")
    report = dest / "data" / "submissions" / "2017-H1" / "deqing.yaml"
    text = report.read_text(encoding="utf-8")
    if REWRITE_OLD not in text:
        raise SystemExit("examples/submissions/2017-H1/deqing.yaml changed: update REWRITE_OLD")
    report.write_text(text.replace(REWRITE_OLD, REWRITE_NEW), encoding="utf-8")
    git(
        dest,
        "commit",
        "-q",
        "-am",
        "deqing: 2017-H1 改写",
        when=REWRITE_DAY,
        hour="10:00",
        who="deqing",
    )
    git(dest, "checkout", "-q", "main")
    git(
        dest,
        "merge",
        "-q",
        "--no-ff",
        "-m",
        "合并 deqing-rewrite",
        "deqing-rewrite",
        when=REWRITE_DAY,
        hour="17:30",
    )


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    dest = Path(sys.argv[1])
    build(dest)
    print(f"已建成演示数据仓库 {dest}（虚构的演示数据）。试试：")
    for command in (
        "fzzf check --as-of 2017-08-01",
        "fzzf review --as-of 2017-07-15",
        "fzzf status --as-of 2017-07-15 --history",
        "git checkout -q deqing-rewrite && "
        "fzzf check --changed-since before-rewrite --as-of 2017-09-05",
    ):
        print(f"  cd {dest} && {command}")


if __name__ == "__main__":
    main()
