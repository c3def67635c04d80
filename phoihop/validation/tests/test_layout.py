"""Small rooms: validation's modules stay short and models.py does not import its way back up."""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[1]


def _validation_imports(module: str) -> set[str]:
    tree = ast.parse((APP / f"{module}.py").read_text())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
            "phoihop.validation"
        ):
            if node.module == "phoihop.validation":
                found |= {alias.name for alias in node.names}
            else:
                found.add(node.module.removeprefix("phoihop.validation."))
    return found


def test_models_reach_no_module_that_imports_models():
    seen, todo = set(), ["models"]
    while todo:
        module = todo.pop()
        for imported in _validation_imports(module) - seen:
            seen.add(imported)
            todo.append(imported)
    assert "services" not in seen and "models" not in seen, seen


def test_every_module_is_at_most_600_lines():
    long = {p.name: n for p in APP.glob("*.py") if (n := len(p.read_text().splitlines())) > 600}
    assert long == {}
