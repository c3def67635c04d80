"""What the validation tests share."""

from __future__ import annotations


def rule_form(**changes: str) -> dict[str, str]:
    """The rule form as the office fills it for the Red Cross's first-aid rule, with changes."""
    data = {
        "code": "so_cuu_ctd",
        "name": "Sơ cứu",
        "left": "so_cuu_tngt + so_cuu_khac",
        "operator": "<=",
        "right": "so_cuu_ca",
        "tolerance": "0",
        "importance": "high",
        "message": "Sơ cứu: {left} > {right}",
        "missing": "skip_if_all",
        "scope": "submission",
        "is_active": "on",
    }
    return data | changes
