"""The repository files of a new site: GitHub Actions, requirements, editor settings, .gitignore.

The workflows are this repository's own (.github/workflows, carried in the wheel as oko/init/workflows), made to
fit a school's repository: the school has the `oko` command instead of build.py, and no Node.js packages (the
/admin/ forms are switched on later, docs/handbook/cms.md). Everything else — pinned actions, permissions,
environments — stays as reviewed (tests/test_workflows.py).
"""

from __future__ import annotations

import json
import re
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from oko.schemas import editor_settings

HERE = Path(__file__).resolve().parent
CHECKOUT = HERE.parent.parent
# Inside an installed package (pyproject.toml force-include), else the checkout's own files.
WORKFLOWS = next((d for d in (HERE / "workflows", CHECKOUT / ".github" / "workflows") if d.is_dir()), HERE)
REQUIREMENTS = next((f for f in (HERE / "requirements.txt", CHECKOUT / "requirements.txt") if f.is_file()), None)
NODE_STEPS = ("Установить Node.js", "Установить зависимости Node.js")
GITIGNORE = "site/\nnode_modules/\n.venv/\n"


def _without_steps(text: str, names: tuple[str, ...]) -> str:
    """Drop the steps with these names (from their `- name:` line to the next step or the end of the job)."""
    lines = text.split("\n")
    kept: list[str] = []
    skipping_indent: int | None = None
    for line in lines:
        step = re.match(r"^(\s*)- name: (.*)$", line)
        if step:
            skipping_indent = len(step.group(1)) if step.group(2).strip() in names else None
        elif skipping_indent is not None and line.strip() and len(line) - len(line.lstrip()) <= skipping_indent:
            skipping_indent = None  # the job's next key or the next job
        if skipping_indent is None:
            kept.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept))


def school_workflow(text: str) -> str:
    """One of this repository's workflows, as a school's repository runs it."""
    text = _without_steps(text, NODE_STEPS)
    text = text.replace("python build.py", "oko").replace("`oko init` copies this file", "written by `oko init`")
    return text


def workflow_files() -> dict[str, str]:
    return {f".github/workflows/{path.name}": school_workflow(path.read_text(encoding="utf-8"))
            for path in sorted(WORKFLOWS.glob("*.yml"))}


def oko_source() -> str | None:
    """Where this Око was installed from, when that is a public address (PEP 610 direct_url.json of a VCS install)."""
    try:
        text = distribution("oko").read_text("direct_url.json")
    except PackageNotFoundError:
        return None
    data = json.loads(text) if text else {}
    vcs = data.get("vcs_info")
    if not vcs or not str(data.get("url", "")).startswith("https://"):
        return None
    return f"oko @ {vcs['vcs']}+{data['url']}@{vcs['commit_id']}"


def requirements(source: str | None) -> str:
    """requirements.txt of the school: Око itself, then every dependency pinned as Око pins them."""
    head = ["# Око и его зависимости с закреплёнными версиями: сайт собирается побайтно одинаковым."]
    if source:
        head.append(source)
    else:
        head += ["# Впишите ниже, откуда ставить Око: ссылку на его репозиторий с закреплённой версией, например",
                 "# oko @ git+https://github.com/ВЛАДЕЛЕЦ/oko@v0.1.0 (справочник: «Как начать»)."]
    pins = [] if REQUIREMENTS is None else [
        line for line in REQUIREMENTS.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return "\n".join([*head, *pins]) + "\n"


def repository_files(source: str | None) -> dict[str, str]:
    return {**workflow_files(), ".gitignore": GITIGNORE, "requirements.txt": requirements(source), **editor_settings()}
