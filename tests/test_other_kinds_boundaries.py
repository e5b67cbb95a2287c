"""The small kinds in process — demos, the document registry, organisations, pages: their models' own checks
through validate (line, column, path, message, hint) and their rules on a loaded project, each case with the
whole list of issues it yields. Fast enough for mutation testing (scripts/mutation.toml `other_kinds`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from oko.kinds.demos.model import DemoFile, Material, MaterialKind
from oko.kinds.demos.rules import demo_materials_are_safe
from oko.kinds.documents.model import DocumentRegistry
from oko.kinds.documents.rules import document_files_exist, document_ids_unique
from oko.kinds.organisations.model import Organisation
from oko.kinds.organisations.rules import config_organisation_exists, did_you_mean
from oko.kinds.pages.model import PageMeta
from oko.pipeline import load_project
from oko.validate import validate
from oko.yaml_source import parse_yaml

Found = tuple[int | None, int | None, str, str, str]
CONFIG = 'title: "Тест"\norganisation: school\n'
SCHOOL = 'name: "Школа № 1"\nshort_name: "Школа"\nkind: school\n'


def checked(text: str, model: type) -> list[Found]:
    doc, parse_issues = parse_yaml(text, "x.yaml")
    assert doc is not None and not parse_issues
    value, found = validate(doc, model)
    assert (value is None) == bool(found)
    return [(i.line, i.column, i.path, i.message, i.hint) for i in found]


def project_of(root: Path, files: dict[str, str | bytes]) -> object:
    base: dict[str, str | bytes] = {"site_config.yaml": CONFIG, "content/organisations/school.yaml": SCHOOL,
                                    "content/pages/index.md": "---\ntitle: Главная\n---\nТекст.\n"}
    for name, text in {**base, **files}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    project, _issues = load_project(root)
    return project


def rows(issues: object) -> list[tuple[str, int | None, str, str, str, str]]:
    return [(i.file, i.line, i.path, i.level, i.code, i.message) for i in issues]  # type: ignore[attr-defined]


# ------------------------------------------------------------------ demos

DEMOS = """\
procedure: vpr
year: 2026
source: "https://fioco.ru/obraztsi_i_opisaniya_vpr_2026"
demos:
  - grade: 5
    subject: Математика
    materials:
{materials}
"""


@pytest.mark.parametrize(("materials", "expected"), [
    ('      - {kind: demo, url: "https://fioco.ru/demo.pdf"}', []),
    ('      - {kind: demo, file: files/demo.pdf}', []),
    ('      - {kind: demo, url: "http://fioco.ru/demo.pdf"}',
     [(8, "demos[0].materials[0].url", "error", "demos.https", "адрес «http://fioco.ru/demo.pdf» не защищён: нужен "
       "https://")]),
    ('      - {kind: demo, url: "ftp://fioco.ru/demo.pdf"}\n      - {kind: scale, file: files/net.pdf}\n'
     '      - {kind: answers, url: "https://fioco.ru/a.pdf"}',
     [(8, "demos[0].materials[0].url", "error", "demos.https", "адрес «ftp://fioco.ru/demo.pdf» не защищён: нужен "
       "https://"),
      (9, "demos[0].materials[1].file", "error", "demos.file", "файл «files/net.pdf» не найден в content/files")]),
])
def test_demo_materials_https_and_files(tmp_path: Path, materials: str, expected: list[object]) -> None:
    project = project_of(tmp_path, {"content/demos/vpr-2026.yaml": DEMOS.format(materials=materials),
                                    "content/files/demo.pdf": b"%PDF-1.4\n"})
    assert [row[1:] for row in rows(demo_materials_are_safe(project))] == expected  # type: ignore[arg-type]


def test_demo_hints(tmp_path: Path) -> None:
    materials = '      - {kind: demo, url: "http://fioco.ru/d.pdf"}\n      - {kind: demo, file: files/x.pdf}'
    project = project_of(tmp_path, {"content/demos/vpr-2026.yaml": DEMOS.format(materials=materials)})
    assert [i.hint for i in demo_materials_are_safe(project)] == [  # type: ignore[arg-type]
        "официальные сайты (fioco.ru, fipi.ru) открываются по https",
        "положите файл в content/files или исправьте имя"]


@pytest.mark.parametrize(("name", "warned"), [
    ("files/vpr/variant-1.pdf", True), ("files/ВПР Вариант 3.pdf", True), ("files/kim_5.pdf", True),
    ("files/КИМ.docx", True), ("files/kim.pdf", True),
    ("files/akim.pdf", False), ("files/kimono.pdf", False), ("files/demo.pdf", False),
    ("files/variants-folder/demo.pdf", False),  # only the file's own name counts
])
def test_files_named_like_a_real_variant(tmp_path: Path, name: str, warned: bool) -> None:
    project = project_of(tmp_path, {f"content/{name}": b"x"})
    assert rows(demo_materials_are_safe(project)) == ([
        (f"content/{name}", None, "", "warning", "demos.variant", "имя файла похоже на вариант КИМ: реальные варианты "
         "ВПР публиковать нельзя (письмо Рособрнадзора от 18.04.2025 № 02-86)")] if warned else [])
    assert [i.hint for i in demo_materials_are_safe(project)] == (  # type: ignore[arg-type]
        ["публикуйте только демоверсии и описания ФИОКО"] if warned else [])


@pytest.mark.parametrize(("material", "expected"), [
    ('{kind: demo, url: "https://fioco.ru/d.pdf"}', []),
    ('{kind: demo}', [(1, 1, "", "укажите либо file (файл в content/files), либо url (https://…)", "")]),
    ('{kind: demo, file: files/d.pdf, url: "https://fioco.ru/d.pdf"}',
     [(1, 1, "", "укажите либо file (файл в content/files), либо url (https://…)", "")]),
])
def test_a_material_is_in_exactly_one_place(material: str, expected: list[Found]) -> None:
    assert checked(material + "\n", Material) == expected


def test_a_material_label() -> None:
    assert Material(kind=MaterialKind.CODIFIER, url="https://x").label == "кодификатор"
    assert Material(kind=MaterialKind.CODIFIER, url="https://x", title="Свой").label == "Свой"


@pytest.mark.parametrize(("source", "expected"), [
    ('"https://fioco.ru/vpr"', []),
    ('"http://fioco.ru/vpr"', [(3, 9, "source", "значение «http://fioco.ru/vpr» не подходит по форме",
                                "ожидается вид ^https://\\S+$")]),
])
def test_a_demo_source_is_an_https_link(source: str, expected: list[Found]) -> None:
    text = DEMOS.format(materials='      - {kind: demo, url: "https://fioco.ru/d.pdf"}').replace(
        '"https://fioco.ru/obraztsi_i_opisaniya_vpr_2026"', source)
    assert checked(text, DemoFile) == expected


# ------------------------------------------------------------------ documents

DOCUMENTS = """\
documents:
  - {id: ustav, title: Устав, kind: charter, file: files/ustav.pdf}
  - {id: prikaz, title: Приказ, kind: order, url: "https://example.org/prikaz.pdf"}
  - id: polozhenie
    title: Положение
    kind: local_act
    file: files/polozhenie.pdf
    signature: {signer: "Иванова А. Б.", position: Директор, date: "01.09.2025", file: files/polozhenie.pdf.sig}
"""


def test_document_files_and_signatures_exist(tmp_path: Path) -> None:
    present = {"content/files/ustav.pdf": b"x", "content/files/polozhenie.pdf": b"x",
               "content/files/polozhenie.pdf.sig": b"x"}
    assert rows(document_files_exist(project_of(tmp_path / "a", {"content/documents.yaml": DOCUMENTS,
                                                                 **present}))) == []
    missing = project_of(tmp_path / "b", {"content/documents.yaml": DOCUMENTS,
                                          "content/files/polozhenie.pdf": b"x"})
    assert rows(document_files_exist(missing)) == [
        ("content/documents.yaml", 2, "documents[0].file", "error", "files.missing",
         "файл «files/ustav.pdf» не найден в content/files"),
        ("content/documents.yaml", 8, "documents[2].signature.file", "error", "files.missing",
         "файл «files/polozhenie.pdf.sig» не найден в content/files"),
    ]
    assert {i.hint for i in document_files_exist(missing)} == {  # type: ignore[arg-type]
        "положите файл в папку content/files или исправьте имя"}


def test_document_ids_are_unique(tmp_path: Path) -> None:
    text = DOCUMENTS + "  - {id: ustav, title: Устав 2, kind: charter, url: \"https://example.org/u\"}\n" \
                       "  - {id: prikaz, title: Приказ 2, kind: order, url: \"https://example.org/p\"}\n" \
                       "  - {id: ustav, title: Устав 3, kind: charter, url: \"https://example.org/u3\"}\n"
    project = project_of(tmp_path, {"content/documents.yaml": text})
    assert rows(document_ids_unique(project)) == [
        ("content/documents.yaml", 9, "documents[3].id", "error", "documents.duplicate_id",
         "идентификатор «ustav» уже есть у документа № 1"),
        ("content/documents.yaml", 10, "documents[4].id", "error", "documents.duplicate_id",
         "идентификатор «prikaz» уже есть у документа № 2"),
        ("content/documents.yaml", 11, "documents[5].id", "error", "documents.duplicate_id",
         "идентификатор «ustav» уже есть у документа № 1"),
    ]


def test_no_registry_no_document_issue(tmp_path: Path) -> None:
    project = project_of(tmp_path, {})
    assert rows(document_files_exist(project)) == rows(document_ids_unique(project)) == []


@pytest.mark.parametrize(("document", "expected"), [
    ('{id: a, title: A, kind: order, file: files/a.pdf}', []),
    ('{id: a, title: A, kind: order, url: "https://example.org/a"}', []),
    ('{id: a, title: A, kind: order}', [(2, 5, "documents[0]", "укажите file (файл в content/files) или url "
                                         "(адрес https://)", "")]),
    ('{id: a, title: A, kind: order, file: docs/a.pdf}',
     [(2, 42, "documents[0].file", "файл документа лежит в content/files: пишите files/a.pdf", "")]),
    ('{id: a, title: A, kind: order, file: a.pdf}',
     [(2, 42, "documents[0].file", "файл документа лежит в content/files: пишите files/a.pdf", "")]),
    ('{id: a, title: A, kind: order, url: "http://example.org/a"}',
     [(2, 41, "documents[0].url", "значение «http://example.org/a» не подходит по форме", "ожидается вид "
       "^https://\\S+$")]),
])
def test_a_document_has_a_file_under_files_or_an_https_link(document: str, expected: list[Found]) -> None:
    assert checked(f"documents:\n  - {document}\n", DocumentRegistry) == expected


def test_the_registry_finds_a_document_by_id() -> None:
    registry = DocumentRegistry.model_validate({"documents": [
        {"id": "a", "title": "A", "kind": "order", "file": "files/a.pdf"},
        {"id": "b", "title": "B", "kind": "order", "file": "files/b.pdf"}]})
    assert [registry.get("b").title, registry.get("c")] == ["B", None]  # type: ignore[union-attr]


# ------------------------------------------------------------------ organisations

@pytest.mark.parametrize(("inn", "expected"), [
    ("7707083893", []),
    (7707083893, []),  # written as a number
    ("7707083894", [(4, 6, "inn", "ИНН «7707083894»: неверная контрольная цифра — проверьте цифры", "")]),
    ("770708389", [(4, 6, "inn", "ИНН организации — 10 цифр, а указано «770708389»", "")]),
    ("77070838931", [(4, 6, "inn", "ИНН организации — 10 цифр, а указано «77070838931»", "")]),
    ("77070838a3", [(4, 6, "inn", "ИНН организации — 10 цифр, а указано «77070838a3»", "")]),
])
def test_an_organisations_inn(inn: object, expected: list[Found]) -> None:
    value = inn if isinstance(inn, int) else f'"{inn}"'
    assert checked(SCHOOL + f"inn: {value}\n", Organisation) == expected


def test_a_boolean_inn_is_no_number() -> None:
    assert checked(SCHOOL + "inn: true\n", Organisation) == [
        (4, 6, "inn", "ожидался текст, а указан да/нет", "текст можно взять в кавычки")]


@pytest.mark.parametrize(("website", "expected"), [
    ('"https://school.example/"', []), ('"http://school.example/"', []),
    ('"school.example"', [(4, 10, "website", "значение «school.example» не подходит по форме",
                           "нужен адрес, начинающийся с https://")]),
])
def test_an_organisations_website(website: str, expected: list[Found]) -> None:
    assert checked(SCHOOL + f"website: {website}\n", Organisation) == expected


def test_the_sites_owner_must_exist(tmp_path: Path) -> None:
    assert rows(config_organisation_exists(project_of(tmp_path / "a", {}))) == []
    project = project_of(tmp_path / "b", {"site_config.yaml": 'title: "Тест"\norganisation: schol\n'})
    issues = list(config_organisation_exists(project))  # type: ignore[arg-type]
    assert [(i.file, i.line, i.path, i.message, i.hint) for i in issues] == [
        ("site_config.yaml", 2, "organisation", "организация «schol» не найдена в content/organisations",
         "возможно, вы имели в виду «school»")]


def test_an_owner_whose_file_is_invalid_is_not_reported_twice(tmp_path: Path) -> None:
    project = project_of(tmp_path, {"content/organisations/school.yaml": 'name: "Школа"\nkind: school\n'})
    assert rows(config_organisation_exists(project)) == []


@pytest.mark.parametrize(("value", "choices", "hint"), [
    ("schol", ["school", "gimnazia"], "возможно, вы имели в виду «school»"),
    ("licey", ["lyceum"], "возможно, вы имели в виду «lyceum»"),  # 0.55 alike: a looser cutoff than difflib's 0.6
    ("xyz", ["school", "gimnazia"], "есть: gimnazia, school"),
    ("xyz", [], "папка content/organisations пуста"),
])
def test_did_you_mean(value: str, choices: list[str], hint: str) -> None:
    assert did_you_mean(value, choices) == hint


# ------------------------------------------------------------------ pages

@pytest.mark.parametrize(("front", "expected"), [
    ('title: "Главная"\nmenu: 0\ndate: "01.09.2025"\ntags: [родителям]\n', []),
    ('title: "Главная"\nmenu: -1\n', [(2, 7, "menu", "значение должно быть не меньше 0", "")]),
    ('title: ""\n', [(1, 8, "title", "значение не должно быть пустым", "впишите значение или удалите строку")]),
])
def test_page_front_matter(front: str, expected: list[Found]) -> None:
    assert checked(front, PageMeta) == expected
