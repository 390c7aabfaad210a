"""``fzzf check --due-from``, and what ``fzzf init`` writes for it and for editors."""

from __future__ import annotations

ZH_DUE_FROM: dict[str, str] = {
    "help_due_from": "只对这一天（YYYY-MM-DD）及以后到期的文件把关；更早到期的在小结中计为不把关。它们在其他命令和报表中照样算逾期，这里只决定把关的退出码。",
    "gate_due_from": "{day} 前到期的 {n} 份文件不把关，其中未报 {missing} 份，仍计为逾期，见 fzzf overdue",
    "gate_due_from_note": "（{text}）",
    "gate_due_from_case": "{day} 前到期的文件（--due-from）",
    "help_init_due_from": "CI 示例从哪一天起把关（写成 fzzf check --due-from 日期），默认是运行 fzzf init 的当天；2016-01-01 即对方案的全部期限把关。",
    "init_due_all": "CI 示例对方案的全部期限把关（--due-from {day}）。",
    "init_due_from": "CI 示例只对 {day} 及以后到期的文件把关（--due-from {day}）；要对方案的全部期限把关，把它改为 --due-from 2016-01-01。",
    "init_ci_due_from": (
        "# fzzf init 写于 {day}：把关（fzzf check）只管 {day} 及以后到期的文件（--due-from）。\n"
        "# 更早到期而未报的，fzzf overdue 和各报表照样列为逾期，只是不让 CI 失败。\n"
        "# 要对方案的全部期限把关，把各处的 --due-from {day} 改为 --due-from 2016-01-01。\n"
    ),
    "init_precommit_head": (
        "# 提交前检查：pip install pre-commit && pre-commit install\n"
        "# fzzf validate 检查 data/ 下的全部文件；check-jsonschema 用本仓库 schemas/ 中的 JSON Schema\n"
        "# 检查各个文件（不联网取 schema）。升级 fzzf 后运行 fzzf schema -o schemas --force 更新它们。\n"
    ),
}
