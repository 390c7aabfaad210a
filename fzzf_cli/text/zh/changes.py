"""Chinese: extensions (延期) and extra reporting rounds (另行通知报送)."""

from __future__ import annotations

ZH_CHANGES: dict[str, str] = {
    # kinds, roles, filings
    "okind_round": "另行通知报送",
    "why_round": "另行通知报送",
    "filed_round": "另行通知报送的材料",
    "round_title": "报送{subject}（{notice}）",
    # dates of an extended obligation
    "rev_original": "原定 {due}",
    "rev_to": "延至 {due}（{document}）",
    "rev_again": "再延至 {due}（{document}）",
    "rev_done": "{done} 完成",
    "rev_sep": "，",
    # data/extensions.yaml and data/rounds.yaml
    "change_before_plan": "日期 {day} 早于方案印发日期 {plan}",
    "ext_unknown_item": "没有单位承担事项“{item}”（事项写义务标识中单位之前的部分，如 m16-2016-12-31）",
    "ext_not_owed": "{unit}不承担事项“{item}”",
    "ext_not_later": "延至的日期 {due} 不晚于原定期限 {original}",
    "round_dup": "报送轮次“{id}”重复",
    "round_due_not_after": "报送期限 {due} 不晚于通知日期 {day}",
    # data/submissions/rounds/
    "sub_unknown_round_folder": "rounds 下应为 data/rounds.yaml 中的轮次目录（如 2017-r1），其中放 <单位标识>.yaml",
    "sub_wrong_round": "round 写的是 {found}，但文件在 {round} 目录中",
    "sub_not_in_round": "{unit}不在报送轮次 {round} 的通知范围内",
    "sub_before_round": "报送日期早于通知日期 {date}",
    "sub_round_summary_missing": "已填报送日期，但没有写 summary（报送的工作情况）",
    # fzzf new round
    "cmd_new_round": "生成另行通知报送的材料文件（data/rounds.yaml 中的一轮）。",
    "help_arg_round": "报送轮次（data/rounds.yaml 中的 id，如 2017-r1）。",
    "help_arg_round_unit": "报送单位（标识或名称）。",
    "new_unknown_round": "未知的报送轮次“{value}”；data/rounds.yaml 中有：{known}",
    "new_not_in_round": "{unit}不在报送轮次 {round} 的通知范围内；应报送的有：{members}",
    "new_round_header": "{unit} 报送{subject}（{notice}，期限 {due}；由 fzzf new round 生成）",
    "new_round_summary": "（报送的工作情况）",
}
