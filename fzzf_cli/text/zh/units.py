"""Units that change: the successors' checks, the handover's words."""

from __future__ import annotations

ZH_UNITS: dict[str, str] = {
    "succ_needs_until": "{name} 列有承接单位（successors），但未写终止日期（until）。",
    "hint_succ_until": "在该单位下写明 until: YYYY-MM-DD（终止之日）",
    "succ_unknown": "{name} 的承接单位 {ref} 不在 units.yaml 的单位中。",
    "succ_repeated": "承接单位 {ref} 重复列出。",
    "succ_from_not_after": "承接日期 {day} 不在 {name} 的终止日期 {until} 之后。",
    "succ_ended": "承接单位 {name} 已于 {until} 终止，不能自 {day} 起承接。",
    "hint_succ_ended": "改列其承接单位，或更正日期",
    "succ_cycle": "承接关系构成循环：{chain}。",
    "act_numbered": "《{title}》（{number}，{date}）",
    "act_dated": "《{title}》（{date}）",
    "since_month": "{year}年{month}月",
    "since_day": "{year}年{month}月{day}日",
    "handover_sentence": "原{olds}事项，{since}起由{heirs}承担（依据{acts}）",
    "unit_ended_note": "{name}已于 {until} 终止：{then}。",
    "unit_ended_mark": "{name}（{until}终止）",
    "why_inherited": "{why}；承接原{units}",
    "unit_changes_title": "单位变更",
    "unit_changes_col": "职责去向",
    "unit_change_sentence": "{text}。",
    "xcol_from_units": "原承担单位",
    "xcol_acts": "交接依据",
    "xcol_handed": "交接日期",
}
