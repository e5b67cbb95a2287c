"""The engine's shape (issue 11): imports between oko's modules form no cycle, and modules stay small."""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

OKO = Path(__file__).resolve().parent.parent / "oko"
MAX_LINES = 300
TOO_BIG_ALLOWED = {"oko/sveden_spec.py": 1000}  # the transcribed MR v9 table: data, not logic


def module_name(path: Path) -> str:
    parts = path.relative_to(OKO.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(OKO.rglob("*.py"))}


def imports_of(path: Path, known: set[str]) -> set[str]:
    """The oko modules a file imports, at its top or inside functions (`from a import b`: a.b if b is a module)."""
    found: set[str] = set()
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the file's package, one level up per extra dot
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            found |= {f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names}
    return {name for name in found if name in known}


def import_graph() -> dict[str, set[str]]:
    known = set(modules())
    return {name: imports_of(path, known) - {name} for name, path in modules().items()}


def test_the_graph_sees_imports_at_the_top_and_inside_functions() -> None:
    graph = import_graph()
    assert "oko.errors" in graph["oko.cli"]  # at the top
    assert "oko.serve" in graph["oko.cli"]  # inside dispatch()
    assert "oko.kinds.plans.kind" in graph["oko.kinds.builtin"]  # `from … import KIND as PLANS`


def test_the_graph_finds_a_cycle() -> None:
    with pytest.raises(CycleError):
        TopologicalSorter({"a": {"b"}, "b": {"c"}, "c": {"a"}}).prepare()


def test_oko_imports_form_no_cycle() -> None:
    try:
        TopologicalSorter(import_graph()).prepare()
    except CycleError as exc:
        pytest.fail("import cycle: " + " → ".join(exc.args[1]))


def test_no_kind_imports_the_pipeline_or_the_commands() -> None:
    """Data flows one way: kinds are called by the stages and never call back."""
    upper = {"oko.pipeline", "oko.registry", "oko.cli", "oko.serve", "oko.rules", "oko.published", "oko.cms",
             "oko.schemas", "oko.report"}
    wrong = {(name, target) for name, targets in import_graph().items() if name.startswith("oko.kinds.")
             and name != "oko.kinds.builtin" for target in targets & upper}
    assert wrong == set()


def test_modules_stay_small() -> None:
    sizes = {path.relative_to(OKO.parent).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
             for path in modules().values()}
    too_big = {name: lines for name, lines in sizes.items() if lines > TOO_BIG_ALLOWED.get(name, MAX_LINES)}
    assert too_big == {}
