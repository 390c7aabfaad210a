"""The Chinese catalogue, the coordinator's reports: periods in words, the rules the
report states (measures, ranking, commendation) and the ``report`` command's help."""

from __future__ import annotations

ZH_REPORTS: dict[str, str] = {
    "cmd_report_scope": (
        "总体进展报告（或 --unit 单位报告）。不加 --period 时截至 --as-of 当日，默认写入 "
        "reports/<日期>.html；加 --period 时截至该报送期期限后 --grace 天，此后报送的材料不计入，"
        "默认写入 reports/<报送期>.html。"
    ),
    "help_report_period": "报送期，如 2016-H1：报告截至该期的报送期限加宽限天数。",
    "help_report_grace": "--period 报告在报送期限后宽限的天数（至少 1 天；默认取方案的 filing.grace_days）。",
    "report_scope_day": "截至{as_of}",
    "report_scope_period": (
        "截至{as_of}：{period}的报送期限为{due}，宽限 {grace} 天，此后报送的材料不计入本期"
    ),
    "report_scope_early": "截至{as_of}：{period}的报送期限{due}加宽限 {grace} 天尚未届满，以截至当日的情况为准",
    "rule_measures": (
        "措施的状态由其全部单位-事项决定：每一项都已完成（经{coordinator}复核销号，或应报材料已报送）"
        "的，为“完成”；有任何一项逾期未完成或应报未报的，为“逾期”；其余为“推进中”"
        "（尚有未到期的事项，或自报完成待复核、退回整改，但没有逾期）。"
    ),
    "rule_items": (
        "单位-事项：一个单位承担的一项工作（一项措施的一个时间节点、一次半年报送、一份试点文件）"
        "计一项；同一项措施由多个单位承担的，每个单位各计一项。"
    ),
    "rule_ranking": (
        "排名依据：半年报送按时率（高者在前），其次为未报材料数、逾期事项数（少者在前）、"
        "已完成比例（只计已销号的事项和已报送的材料，高者在前）。各项都相同的单位名次并列，"
        "其后的名次顺延（如 1、2、2、4）。"
    ),
    "rule_commend": (
        "表扬规则：{period}（{start}至{due}）内到期的应报材料（半年报送、试点方案、试点完成情况报告）"
        "全部按时报送的单位，予以通报表扬。逾期的工作事项另列于各单位名下，不影响表扬。"
    ),
    "rule_commend_none": "表扬规则：尚无报送期限已过的报送期，本报告不作通报表扬。",
    "rule_criticise": "批评规则：截至报告日有应报材料（半年报送、试点文件）逾期未报的单位，予以通报批评，未报多者在前。",
    "measure_done": "完成",
    "measure_in_progress": "推进中",
    "measure_overdue": "逾期",
    "evidence_item": "{ref}（{due}到期）",
    "evidence_other": "其他事项",
    "docx_measures": "方案共 {total} 项措施：完成 {done} 项，推进中 {in_progress} 项，逾期 {overdue} 项。{rule}",
}
