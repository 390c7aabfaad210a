"""The Chinese catalogue, nil returns: 本期无进展 and 不适用, with their reasons."""

from __future__ import annotations

ZH_NIL: dict[str, str] = {
    "nil_reason_needed_nil": "写了 status: nil（本期无进展）的事项须在 reason 中写明理由",
    "nil_reason_needed_not_applicable": (
        "写了 status: not_applicable（不适用）的事项须在 reason 中写明理由"
    ),
    "nil_reason_only": (
        "reason 只用于 status: nil（本期无进展）或 not_applicable（不适用）；其他说明请写在 note 中"
    ),
    "status_nil_return": "本期无进展",
    "status_na_claimed": "不适用（待复核）",
    "status_not_applicable": "不适用（已确认）",
    "status_nil_aside": "（单位报本期无进展）",
    "status_na_count": "（不适用 {n}）",
    "claim_not_applicable": "不适用",
    "nil_rule": (
        "本期无进展不改变期限：未到期的显示“本期无进展”（蓝），到期未完成的照样逾期（红）；"
        "不适用经市法制局复核确认后不再计入应完成事项，单独计数。"
    ),
    "docx_headline_not_applicable": "另有经复核确认不适用{n}项（未计入以上数字）",
    "new_review_na_help": "写有 not_applicable 的是单位自报“不适用”及其理由：销号（accepted）即确认不适用，该单位不再承担此项；退回（returned）则照常要求完成。",
    "scol_not_applicable": "不适用（已确认）",
    "lcol_reason": "理由（本期无进展、不适用）",
    "new_report_nil_help": (
        "本期没有进展的，可填 status: nil（本期无进展）；本单位确实不承担的，可填 "
        "status: not_applicable（不适用）；两者都须在 reason 中写明理由。\n"
        "本期无进展不改变期限，到期未完成的仍为逾期；不适用须经市法制局复核确认，确认后不再计入。"
    ),
    "fillin_status_nil": "本期无进展",
    "fillin_status_not_applicable": "不适用",
    "fillin_col_reason": "理由（本期无进展、不适用）",
    "fillin_prompt_choices": "从下拉列表中选择：{choices}",
    "fillin_help_nil": (
        "7. 本期没有进展的选“本期无进展”，本单位确实不承担的选“不适用”，两者都须在“理由”列写明理由；"
        "本期无进展不改变期限，不适用须经市法制局复核确认。"
    ),
}
