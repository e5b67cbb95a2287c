"""`build.py check --report`: the openness requirements a build can see, checked on the built pages.

Each row names a requirement (a subsection, an itemprop of MR v9, a document, a navigation rule),
its result and where to fix it. The markup is read back from the rendered HTML with the same rules
as Rosobrnadzor's checker (oko/microdata.py), so the report judges what visitors and robots get.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from pathlib import Path

import jinja2

from oko.errors import Issue
from oko.kinds.food import food
from oko.microdata import Tagged, tagged_elements
from oko.personal_patterns import KIND_NAMES
from oko.project import Project
from oko.registry import registered
from oko.report_row import Row, Status
from oko.rules.personal_data import allowance_uses
from oko.sveden_spec import SUBSECTIONS, Attr, Subsection

STATUS_NAMES = {"ok": "да", "warning": "внимание", "error": "нет"}
REPORT_TEMPLATE = Path(__file__).with_name("report.html")


def compliance_rows(project: Project, files: dict[str, bytes], issues: list[Issue]) -> list[Row]:
    """Every requirement of «Сведения об образовательной организации» the build can check, then each kind's rows
    (Kind.report_rows: the objectivity markers of results)."""
    by_code: dict[str, list[Issue]] = {}
    for issue in issues:
        by_code.setdefault(issue.code, []).append(issue)
    rows = _site_rows(project, files)
    for subsection in SUBSECTIONS:
        rows += _subsection_rows(project, subsection, files, by_code)
    rows += [Row("Документы", "электронная подпись", "warning", i.location(), i.message)
             for i in by_code.get("sveden.unsigned", [])]
    rows += personal_data_rows(project)
    return rows + [row for kind in registered() for row in kind.report_rows(project, issues)]


def personal_data_rows(project: Project) -> list[Row]:
    """Every allowance of personal_data_allowed: the value (masked), where it is published, why, where it is declared.

    Each is «внимание»: a person's data published on purpose deserves a look at every review.
    """
    area = "Персональные данные"
    uses = allowance_uses(project)
    rows = [Row(area, "персональные данные публикуются только по разрешению (152-ФЗ; ПП 1802 п.19)", "ok",
                detail=f"разрешений в site_config.yaml: {len(uses)}")]
    for use in uses:
        reason = f"основание: {use.allowance.reason}; разрешение — {use.declared_at}"
        if use.places:
            rows.append(Row(area, f"разрешено: {KIND_NAMES[use.kind]} «{use.masked}»", "warning",
                            ", ".join(use.places), reason))
        else:
            rows.append(Row(area, f"разрешение не понадобилось: «{use.masked}»", "warning", use.declared_at,
                            f"в {use.allowance.file} такого значения нет; {reason}"))
    return rows


def _site_rows(project: Project, files: dict[str, bytes]) -> list[Row]:
    home = files.get("index.html", b"").decode("utf-8")
    pages = [path for path in files if path.startswith("sveden/") and path.endswith(".html")]
    with_nav = [path for path in pages if b'class="sveden-nav"' in files[path]]
    return [
        Row("Навигация", "раздел доступен с главной страницы и из главного меню (1493 п.3)",
            _ok('href="sveden/"' in home and 'aria-label="Главное меню"' in home)),
        Row("Навигация", "единое меню раздела на каждой его странице (1493 п.2)",
            _ok(bool(pages) and len(with_nav) == len(pages)), detail=f"{len(with_nav)} из {len(pages)} страниц"),
        Row("Навигация", "ссылки на сайты Минпросвещения и Минобрнауки (ПП 1802 п.17)",
            _ok("https://edu.gov.ru/" in home and "https://minobrnauki.gov.ru/" in home)),
        Row("Питание", "ежедневное меню XLSX в папке /food/ (письмо № ГД-1158/01)",
            "ok" if food(project) else "warning", "content/food/",
            f"{len(food(project))} файлов" if food(project) else "положите файлы меню в content/food"),
    ]


def _ok(condition: bool) -> Status:
    return "ok" if condition else "error"


def _subsection_rows(project: Project, subsection: Subsection, files: dict[str, bytes],
                     by_code: dict[str, list[Issue]]) -> list[Row]:
    area = subsection.title
    shown = f"content/sveden/{subsection.file}.yaml"
    missing_file = [i for i in by_code.get("sveden.missing_subsection", []) if i.file == shown]
    if missing_file:
        return [Row(area, f"подраздел /sveden/{subsection.slug}/ заполнен", "warning", shown, missing_file[0].message)]
    page = files.get(f"sveden/{subsection.slug}/index.html", b"").decode("utf-8")
    tagged = tagged_elements(page)
    rows = [Row(area, f"страница /sveden/{subsection.slug}/", _ok(bool(page)))]
    missing = {_attr_key(i): i for i in reversed(by_code.get("sveden.missing", [])) if i.file == shown}
    for parent, attr in _school_attributes(subsection):
        label = f"{attr.label} ({attr.name})" + (f" в {parent}" if parent else "")
        issue = missing.get((parent, attr.name))
        found = [t for t in tagged if t.name == attr.name and t.parent == parent and not t.hidden]
        if issue is not None:
            rows.append(Row(area, label, "warning", issue.location(), "сведения не заполнены"))
        elif found:
            rows.append(Row(area, label, "ok", detail=_sample(found)))
        elif not attr.optional and (parent is None or any(t.name == parent for t in tagged)):
            rows.append(Row(area, label, "error", shown, "нет в разметке страницы"))
    for issue in by_code.get("sveden.stale", []):
        if issue.file == shown:
            rows.append(Row(area, "обновление в течение 10 рабочих дней (ПП 1802 п.16)", "warning",
                            issue.location(), issue.message))
    for issue in by_code.get("sveden.unknown_document", []):
        if issue.file == shown:
            rows.append(Row(area, "документ есть в реестре", "error", issue.location(), issue.message))
    return rows


def _school_attributes(subsection: Subsection) -> list[tuple[str | None, Attr]]:
    result: list[tuple[str | None, Attr]] = []
    for attr in subsection.attributes:
        if not attr.school:
            continue
        result.append((None, attr))
        result += [(attr.name, child) for child in attr.children if child.school]
    return result


def _attr_key(issue: Issue) -> tuple[str | None, str]:
    """«rucovodstvoZam[1].email» → ("rucovodstvoZam", "email"): the group and the attribute."""
    parts = re.sub(r"\[\d+\]", "", issue.path).split(".")
    return (parts[-2] if len(parts) > 1 else None), parts[-1]


def _sample(found: list[Tagged]) -> str:
    text = found[0].text or found[0].href or ""
    more = f" и ещё {len(found) - 1}" if len(found) > 1 else ""
    return (text[:60] + "…" if len(text) > 60 else text) + more


def report_text(rows: list[Row]) -> str:
    """A plain table for the terminal."""
    lines = []
    area = None
    for row in rows:
        if row.area != area:
            area = row.area
            lines.append(f"\n{area}")
        mark = {"ok": "✓", "warning": "!", "error": "✗"}[row.status]
        where = f" — {row.where}" if row.where else ""
        detail = f": {row.detail}" if row.detail else ""
        lines.append(f"  {mark} {row.requirement}{detail}{where}")
    counts = {status: sum(1 for r in rows if r.status == status) for status in ("ok", "warning", "error")}
    lines.append(f"\nИтого: выполнено {counts['ok']}, внимание {counts['warning']}, не выполнено {counts['error']}")
    return "\n".join(lines).lstrip("\n") + "\n"


def report_json(rows: list[Row]) -> str:
    return json.dumps({"rows": [asdict(row) for row in rows]}, ensure_ascii=False, indent=2) + "\n"


def report_html(rows: list[Row], title: str) -> str:
    """A self-contained page a school (or a district, for each school) can read and keep."""
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    template = env.from_string(REPORT_TEMPLATE.read_text(encoding="utf-8"))
    counts = {status: sum(1 for r in rows if r.status == status) for status in ("ok", "warning", "error")}
    return template.render(rows=rows, title=title, counts=counts, names=STATUS_NAMES)
