"""Property-based tests: whatever text or bytes people put in content files, Око answers with Issues or a
model, never with an exception; every Issue is Russian, names its file, and points inside the file.
"""

from __future__ import annotations

import copy
import re
import shutil
import tempfile
from pathlib import Path

import pydantic
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from oko.config import SiteConfig
from oko.errors import Issue, sorted_issues
from oko.kinds.organisations.model import Organisation
from oko.kinds.pages.model import PageMeta
from oko.kinds.plans.model import Plan, PlanItem
from oko.models.common import AcademicYear
from oko.models.deadline import Deadline, DeadlineKind
from oko.pipeline import generate
from oko.render import markdown_to_html
from oko.sources import load_markdown_file, load_yaml_file, parse_markdown, parse_yaml
from oko.validate import validate

ROOT = Path(__file__).resolve().parent.parent
SEED_PLANS = sorted((ROOT / "content" / "plans").glob("*.yaml"))
SEEDS = {path.stem: path.read_text(encoding="utf-8") for path in SEED_PLANS}
CYRILLIC = re.compile(r"[а-яА-ЯёЁ]")

FAST = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MEDIUM = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

YAML_CHARS = ":-[]{}\"'\t\n #&*!|>%@`,?.\\/абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗ0123456789xyzt_"
yaml_text = st.text(alphabet=YAML_CHARS, max_size=300)
any_text = st.text(max_size=200)  # all of Unicode: control characters, surrogates' neighbours, emoji
KEYS = [
    "title", "organisation", "academic_year", "period", "start", "end", "approval", "order", "number", "date",
    "considered", "body", "protocol", "approved_by", "position", "name", "items", "sections", "activity",
    "deadline", "responsible", "result", "status", "evidence", "link", "note", "goals", "tasks", "grouping",
    "abbreviations", "short_name", "kind", "locality", "website", "description", "base_url", "menu", "responsibe",
]
VALUES = [
    "", "x", "demo-school", "2023-2024", "2023-2025", "29.08.2023", "2025-13-40", "30.02.2026", "done", "don",
    "school", "sections", "[]", "{}", "[a, b]", "~", "null", "true", "0", "-1", "1.5", '"Текст: с двоеточием"',
    "Текст: с двоеточием", "'кавычки'", "&a x", "*a", "!!binary aGk=", "|", ">", "https://x.ru/", "files/a.pdf",
]


def check_issues(issues: list[Issue], file: str, line_bound: int) -> None:
    """Every issue: known level, a non-empty Russian message, the file, a position inside the text."""
    for issue in issues:
        assert isinstance(issue, Issue), issue
        assert issue.level in ("error", "warning"), issue
        assert issue.message.strip(), issue
        assert CYRILLIC.search(issue.message), issue
        assert issue.file == file, issue
        if issue.line is not None:
            assert 1 <= issue.line <= line_bound, (issue, line_bound)
        if issue.column is not None:
            assert issue.line is not None and issue.column >= 1, issue


def lines_of(text: str) -> int:
    return len(text.splitlines()) + 1


def parse_and_validate(text: str, models: tuple[type[pydantic.BaseModel], ...]) -> None:
    """parse_yaml then validate against each model: a document or issues, never an exception."""
    doc, issues = parse_yaml(text, "x.yaml")
    check_issues(issues, "x.yaml", lines_of(text))
    if doc is None:
        assert any(issue.is_error for issue in issues), issues
        return
    assert not any(issue.is_error for issue in issues)
    for model in models:
        value, found = validate(doc, model)
        assert (value is None) == bool(found), found
        assert value is None or isinstance(value, model)
        check_issues(found, "x.yaml", lines_of(text))


# ------------------------------------------------------------------ (a) random YAML-ish text

@FAST
@given(yaml_text)
def test_random_yaml_text_never_raises(text):
    parse_and_validate(text, (Plan, Organisation, SiteConfig))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_random_unicode_text_never_raises(text):
    parse_and_validate(text, (Plan, Organisation, SiteConfig))


def dump(data: object, flow: bool = False) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=flow, width=1_000_000)


scalars = st.one_of(
    st.sampled_from(VALUES), st.text(alphabet=YAML_CHARS, max_size=20), st.integers(-5, 3000), st.booleans(),
    st.none(), st.floats(allow_nan=False),
)
structures = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(st.sampled_from(KEYS), children,
                                                                                max_size=6)),
    max_leaves=15,
)
yaml_like_documents = st.builds(
    dump, st.dictionaries(st.sampled_from(KEYS), structures, min_size=1, max_size=8), st.booleans(),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(yaml_like_documents)
def test_yaml_like_documents_never_raise(text):
    parse_and_validate(text, (Plan, Organisation, SiteConfig))


# ------------------------------------------------------------------ (b) mutations of the real seed plans

MUTATIONS = ["delete"] * 3 + ["duplicate"] * 2 + ["swap", "insert", "indent", "dedent", "tab"] + ["replace"] * 4


@st.composite
def mutated_seed(draw) -> str:
    """A seed plan after 1–4 edits of the kinds people make by accident."""
    lines = SEEDS[draw(st.sampled_from(sorted(SEEDS)))].split("\n")
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(MUTATIONS))
        if op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "insert":
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + draw(st.text(alphabet=YAML_CHARS, min_size=1, max_size=3)) + lines[i][at:]
        elif op == "replace" and ": " in lines[i]:
            key = lines[i].split(": ", 1)[0]
            lines[i] = f"{key}: " + draw(st.one_of(st.sampled_from(VALUES), st.text(alphabet=YAML_CHARS, max_size=30)))
        elif op == "indent":
            lines[i] = " " * draw(st.integers(1, 4)) + lines[i]
        elif op == "dedent":
            lines[i] = lines[i][min(draw(st.integers(1, 4)), len(lines[i]) - len(lines[i].lstrip(" "))):]
        elif op == "tab":
            lines[i] = "\t" + lines[i].lstrip(" ")
    return "\n".join(lines)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_seed())
def test_mutated_seed_plans_never_raise(text):
    parse_and_validate(text, (Plan,))


SEED_DATA = {name: yaml.safe_load(text) for name, text in SEEDS.items()}
DataPath = tuple[str | int, ...]


def data_paths(data: object, path: DataPath = ()) -> list[DataPath]:
    """Every path into nested dicts and lists, the root excluded."""
    found: list[DataPath] = []
    children = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, child in children:
        found.append((*path, key))
        found.extend(data_paths(child, (*path, key)))
    return found


@st.composite
def mutated_seed_data(draw) -> str:
    """A seed plan's data with values replaced, keys removed or added, then written back as YAML."""
    data = copy.deepcopy(SEED_DATA[draw(st.sampled_from(sorted(SEED_DATA)))])
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(data_paths(data)))
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        op = draw(st.sampled_from(["replace", "replace", "delete", "add"]))
        if op == "replace":
            parent[path[-1]] = draw(structures)
        elif op == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(KEYS))] = draw(scalars)
        else:
            parent.append(draw(structures))
        if not data_paths(data):
            break
    return dump(data, draw(st.booleans()))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_seed_data())
def test_mutated_seed_data_never_raises(text):
    parse_and_validate(text, (Plan,))


def test_seed_plans_are_valid():
    for name, text in SEEDS.items():
        doc, issues = parse_yaml(text, name)
        assert doc is not None and not issues, issues
        plan, issues = validate(doc, Plan)
        assert plan is not None, issues


# ------------------------------------------------------------------ (c) random bytes in files

encoded_text = st.builds(
    lambda text, encoding: text.encode(encoding, errors="replace"),
    st.text(alphabet=YAML_CHARS + "\r\x00\ufeff", max_size=200),
    st.sampled_from(["utf-8", "utf-8-sig", "cp1251", "utf-16", "koi8-r"]),
)


def raw_line_bound(raw: bytes) -> int:
    text = raw.decode("utf-8-sig", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    return max(len(text.splitlines()), raw.count(b"\n")) + 1


@pytest.fixture(scope="module")
def scratch():
    folder = Path(tempfile.mkdtemp(prefix="oko-fuzz-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=st.one_of(st.binary(max_size=300), encoded_text))
def test_random_bytes_in_files_never_raise(scratch, raw):
    path = scratch / "file.yaml"
    path.write_bytes(raw)
    for loader in (load_yaml_file, load_markdown_file):
        doc, issues = loader(path, "content/x")
        check_issues(issues, "content/x", raw_line_bound(raw))
        assert doc is not None or any(issue.is_error for issue in issues)
        if doc is not None:
            validate(doc, PageMeta if loader is load_markdown_file else Plan)


# ------------------------------------------------------------------ (d) Markdown pages

front_matter = st.one_of(
    yaml_like_documents,
    yaml_text,
    st.builds(lambda title, menu: f'title: "{title}"\nmenu: {menu}\n',
              st.text(alphabet=YAML_CHARS.replace('"', "").replace("\\", ""), max_size=20),
              st.sampled_from(["1", "-1", "x", "[]", "", "1.5"])),
)
MD_CHARS = YAML_CHARS + "()<>=_~^+$\u00a0\r"
link_target = st.one_of(
    st.sampled_from(["page:index", "page:nope", "plan:x", "files/a.pdf", "../plans/x.yaml", "#top",
                     "https://edu.gov.ru/", "nope.md", "", " ", "<x y.md>", "о-школе.md", "a(b).md"]),
    st.text(alphabet=MD_CHARS, max_size=15),
)
markdown_body = st.lists(
    st.one_of(
        st.text(alphabet=MD_CHARS, max_size=60),
        st.builds(lambda text, target: f"[{text}]({target})", st.text(alphabet=MD_CHARS, max_size=10), link_target),
        st.builds(lambda text, target: f"![{text}]({target})", st.text(alphabet=MD_CHARS, max_size=10), link_target),
        st.builds(lambda target: f"[ref]: {target}", link_target),
        st.sampled_from(["# Заголовок", "| a | b |\n|---|---|\n| 1 | 2 |", "!!! note\n    Текст",
                         "[^1]\n\n[^1]: сноска", "```\nкод\n```", "    отступ", "<div>html</div>", "- [ ] пункт",
                         "{: #id }", "---"]),
    ),
    max_size=8,
).map("\n\n".join)


def resolver(target: str) -> str | None:
    """Half of the links resolve: enough to exercise both rewriting and reporting."""
    return None if len(target) % 2 else "/resolved/"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front=front_matter, body=markdown_body, closed=st.booleans())
def test_markdown_pages_never_raise(front, body, closed):
    text = f"---\n{front}{'---' if closed else ''}\n{body}"
    doc, issues = parse_markdown(text, "content/pages/p.md")
    check_issues(issues, "content/pages/p.md", lines_of(text))
    if doc is not None:
        meta, found = validate(doc, PageMeta)
        check_issues(found, "content/pages/p.md", lines_of(text))
        assert (meta is None) == bool(found)
        assert text.endswith(doc.body)
        if doc.body:
            assert text[: len(text) - len(doc.body)].count("\n") + 1 == doc.body_line
    html, broken = markdown_to_html(body, resolver)
    assert isinstance(html, Markup)
    assert all(isinstance(target, str) and resolver(target) is None for target in broken)


@MEDIUM
@given(st.text(alphabet=MD_CHARS, max_size=300))
def test_random_markdown_files_never_raise(text):
    doc, issues = parse_markdown(text, "content/pages/p.md")
    check_issues(issues, "content/pages/p.md", lines_of(text))
    if doc is not None:
        validate(doc, PageMeta)
    markdown_to_html(text, resolver)


# ------------------------------------------------------------------ (e) deadlines

DEADLINE_WORDS = [
    "январь", "февраля", "март", "апреля", "май", "мая", "июнь", "июля", "август", "сентября", "октябрь",
    "ноября", "декабрь", "до", "с", "по", "не позднее", "в течение", "года", "г.", "гг", "уч.", "учебного",
    "ежегодно", "раз в", "квартал", "перед началом", "после", "процедуры", "и", ",", "-", "–", "—", ".",
    "2023", "2024", "2025-2026", "2023/24", "10.02.2026", "30.02.2026", "2025-13-40", "31", "0", "00", "13",
    "29.02.2025", "0000", "9999", "99999", "1 рабочего дня", "при необходимости", "по графику",
]
deadline_text = st.one_of(
    st.lists(st.sampled_from(DEADLINE_WORDS), min_size=1, max_size=6).map(" ".join),
    st.lists(st.sampled_from(DEADLINE_WORDS), min_size=1, max_size=6).map("".join),
    st.text(alphabet="0123456789.-–/ ,гдопсянвфеаьрмйиюлуктбзх", max_size=30),
    st.text(max_size=40),
)


def check_deadline(deadline: Deadline) -> None:
    assert isinstance(deadline.kind, DeadlineKind)
    for point in deadline.points:
        assert 1 <= point.month <= 12
    resolved = deadline.resolved(AcademicYear(start=2025).year_of_month)
    assert all(point.year is not None for point in resolved.points)
    if not resolved.problem():
        for point in resolved.points:
            point.as_date()
            point.iso()


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(deadline_text, st.integers(), st.floats(), st.booleans(), st.none(), st.lists(st.text(max_size=3))))
def test_deadlines_parse_or_fail_in_russian(value):
    try:
        item = PlanItem.model_validate({"activity": "x", "deadline": value})
    except pydantic.ValidationError as exc:
        for error in exc.errors():
            if error["type"].startswith("oko_"):
                assert CYRILLIC.search(error["msg"]), error
        return
    if item.deadline is not None:
        check_deadline(item.deadline)


@MEDIUM
@given(value=deadline_text, year=st.sampled_from(["2025-2026", "2023/24", "1999-2000"]))
def test_deadlines_inside_a_plan(value, year):
    data = {"title": "П", "organisation": "x", "academic_year": year, "items": [{"activity": "a", "deadline": value}]}
    try:
        plan = Plan.model_validate(data)
    except pydantic.ValidationError:
        return
    deadline = plan.items[0].deadline
    assert deadline is not None
    if not deadline.problem():
        for point in deadline.points:
            point.as_date()
            point.iso()


# ------------------------------------------------------------------ (f) a whole project

CONFIG = 'title: "Сайт"\norganisation: demo-school\n'
INDEX = '---\ntitle: "Главная"\n---\nСм. [планы](section:plans).\n'


@pytest.fixture(scope="module")
def fuzz_project():
    """A project with every real organisation; each example puts one plan file into it."""
    root = Path(tempfile.mkdtemp(prefix="oko-fuzz-project-"))
    (root / "site_config.yaml").write_text(CONFIG, encoding="utf-8")
    shutil.copytree(ROOT / "content" / "organisations", root / "content" / "organisations")
    (root / "content" / "pages").mkdir(parents=True)
    (root / "content" / "pages" / "index.md").write_text(INDEX, encoding="utf-8")
    (root / "content" / "plans").mkdir()
    yield root
    shutil.rmtree(root, ignore_errors=True)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(mutated_seed(), mutated_seed_data()))
def test_whole_project_with_mutated_plan(fuzz_project, text):
    plan_file = fuzz_project / "content" / "plans" / "fuzzed-plan.yaml"
    plan_file.write_text(text, encoding="utf-8")
    result = generate(fuzz_project)
    issues = result.issues
    assert issues == sorted_issues(issues)
    assert result.failed() == any(issue.is_error for issue in issues)
    assert result.failed(strict=True) == bool(issues)
    for issue in issues:
        shown = fuzz_project / issue.file
        text = shown.read_text(encoding="utf-8") if shown.is_file() else ""
        check_issues([issue], issue.file, lines_of(text))
    if not result.failed():
        assert "index.html" in result.files
        assert "plans/fuzzed-plan/index.html" in result.files
