"""The rules of «Сведения» (oko/kinds/sveden/rules.py) in process: the demo's subsections and document registry
are copied, one case changes a few lines, the project is loaded with the two kinds the rules read (no site is
rendered) and each rule runs on it; every case asserts the whole list of issues — file, line, column, path,
level, code, message and hint."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pydantic import ValidationError

from oko.kinds.documents.kind import Documents
from oko.kinds.sveden import rules
from oko.kinds.sveden.kind import Sveden
from oko.kinds.sveden.model import public_by_law, subsection_model
from oko.models.common import PublicByLaw
from oko.pipeline import load_project
from oko.project import Project
from oko.sveden_spec import BY_SLUG, Attr
from tests.conftest import ROOT

Row = tuple[str, int | None, int | None, str, str, str, str, str | None]
COMMON, EMPLOYEES, MANAGERS, BUDGET = (f"content/sveden/{name}.yaml" for name in ("common", "employees", "managers",
                                                                                "budget"))
DOCUMENT, EDUCATION, STRUCT = (f"content/sveden/{name}.yaml" for name in ("document", "education", "struct"))
REGISTRY = "content/documents.yaml"
# The demo's «Педагогический состав» is updated 18 working days after its change (12.10 → 06.11.2026, on
# purpose: the report shows a stale subsection); 26.10.2026 is the tenth working day, so the copy is in time.
IN_TIME = (EMPLOYEES, "updated: 06.11.2026", "updated: 26.10.2026")
STALE_HINT = "ПП РФ № 1802 п.16: обновлять не позднее 10 рабочих дней"


def project(tmp_path: Path, *edits: tuple[str, str, str], remove: tuple[str, ...] = ()) -> Project:
    """The demo's «Сведения» and registry, each edit (file, old, new) made once, the files of `remove` deleted."""
    root = tmp_path / "project"
    shutil.copytree(ROOT / "content/sveden", root / "content/sveden")
    shutil.copy(ROOT / REGISTRY, root / REGISTRY)
    shutil.copy(ROOT / "site_config.yaml", root / "site_config.yaml")
    for name in remove:
        (root / name).unlink()
    for name, old, new in edits:
        path = root / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    loaded, issues = load_project(root, kinds=(Documents(), Sveden()))
    assert [i.message for i in issues if i.file != "content/sveden/vacant.yaml"] == []
    return loaded


def found(issues: object) -> list[Row]:
    return [(i.file, i.line, i.column, i.path, i.level, i.code, i.message, i.hint)
            for i in issues]  # type: ignore[attr-defined]


def stale(file: str, title: str, days: int) -> Row:
    return (file, 3, 10, "updated", "warning", "sveden.stale",
            f"«{title}»: сведения обновлены через {days} рабочих дней после изменения, а нужно не позднее 10",
            STALE_HINT)


# ------------------------------------------------------------------ 10 working days

def test_the_demo_copy_has_no_issue_of_any_rule(tmp_path: Path) -> None:
    loaded = project(tmp_path, IN_TIME)
    assert [found(rule(loaded)) for rule in (
        rules.subsections_present, rules.required_data_present, rules.document_references_exist,
        rules.documents_signed, rules.updated_in_time, rules.check_sveden)] == [[]] * 6


def test_the_tenth_working_day_is_in_time_and_the_eleventh_is_not(tmp_path: Path) -> None:
    """01.09.2026 is a Tuesday: the 15th is the tenth working day after it; 16.02.2026 is a Monday, and the
    23rd of February is a public holiday, so the 3rd of March is the tenth working day and the 4th the eleventh."""
    in_time = project(tmp_path / "a", IN_TIME, (COMMON, "updated: 03.09.2026", "updated: 15.09.2026"),
                      (BUDGET, "updated: 20.02.2026", "updated: 03.03.2026"))
    assert found(rules.updated_in_time(in_time)) == []
    late = project(tmp_path / "b", (EMPLOYEES, "updated: 06.11.2026", "updated: 27.10.2026"),
                   (COMMON, "updated: 03.09.2026", "updated: 16.09.2026"),
                   (BUDGET, "updated: 20.02.2026", "updated: 04.03.2026"))
    assert found(rules.updated_in_time(late)) == [
        stale(COMMON, "Основные сведения", 11), stale(EMPLOYEES, "Педагогический состав", 11),
        stale(BUDGET, "Финансово-хозяйственная деятельность", 11)]


def test_without_either_date_the_lag_is_not_checked(tmp_path: Path) -> None:
    loaded = project(tmp_path, IN_TIME, (COMMON, "changed: 01.09.2026\n", ""),
                     (BUDGET, "updated: 20.02.2026\n", ""))
    assert found(rules.updated_in_time(loaded)) == []
    both_missing = project(tmp_path / "b", (EMPLOYEES, "changed: 12.10.2026\nupdated: 06.11.2026\n", ""))
    assert found(rules.updated_in_time(both_missing)) == []


# ------------------------------------------------------------------ subsections and required data

def test_a_missing_subsection_file_is_a_warning_but_an_unreadable_one_is_not_called_missing(tmp_path: Path) -> None:
    loaded = project(tmp_path, IN_TIME, ("content/sveden/vacant.yaml", "changed:", "changed: [\n"),
                     remove=("content/sveden/grants.yaml",))
    assert found(rules.subsections_present(loaded)) == [
        ("content/sveden/grants.yaml", None, None, "", "warning", "sveden.missing_subsection",
         "нет файла подраздела «Стипендии и меры поддержки обучающихся»",
         "создайте файл по образцу из README (приказ № 1493, п.17)")]
    assert found(rules.required_data_present(loaded)) == []


FOUNDER = """uchredLaw:
  - nameUchred: Администрация города Заречного Пензенской области
    addressUchred: 442960, Пензенская область, г. Заречный, пл. Победы, д. 4
    telUchred: (8412) 65-10-00; 65-10-07
    mailUchred: adm@zarechny.example
    websiteUchred: https://adm.zarechny.example/
"""
FULL_NAME = ("fullName: Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа "
             "№ 17» города Заречного\n")
HEAD = """rucovodstvo:
  fio: Иванова Анна Борисовна
  post: Директор
  telephone: (8412) 61-23-45
  email: school17@zarechny.example
"""
DEPUTY = "  - fio: Соколов Дмитрий Олегович\n    post: Заместитель директора по воспитательной работе\n"


def missing(file: str, line: int, column: int, path: str, label: str, name: str) -> Row:
    return (file, line, column, path, "warning", "sveden.missing", f"нет сведений «{label}» (itemprop «{name}»)",
            f"добавьте строку «{name}: …»; если сведений нет — «{name}: не предусмотрено»")


def to_fill(file: str, line: int, column: int, path: str, label: str, name: str, hint: str) -> Row:
    return (file, line, column, path, "warning", "sveden.missing", f"не заполнено: «{label}» (itemprop «{name}»)",
            f"впишите сведения после «{name}:»{hint}")


def test_required_data_not_written_or_left_to_fill_at_every_depth(tmp_path: Path) -> None:
    loaded = project(tmp_path, IN_TIME, (COMMON, FULL_NAME, ""),
                     (COMMON, "shortName: МБОУ СОШ № 17 г. Заречного", "shortName:"),
                     (COMMON, FOUNDER, "uchredLaw:\n  - nameUchred:\n    addressUchred:\n  - {}\n"),
                     (MANAGERS, "  post: Директор\n", ""),
                     (MANAGERS, DEPUTY, "  - fio: Соколов Дмитрий Олегович\n    post:\n"))
    assert found(rules.required_data_present(loaded)) == [
        missing(COMMON, 1, 1, "fullName", "Полное наименование", "fullName"),
        to_fill(COMMON, 4, 1, "shortName", "Сокращенное наименование", "shortName", "; если их нет — «нет»"),
        to_fill(COMMON, 6, 1, "uchredLaw", "Учредитель", "uchredLaw",
                " (по одному главному тегу на каждого учредителя); если их нет — «не предусмотрено»"),
        to_fill(COMMON, 7, 5, "uchredLaw[0].nameUchred", "Наименование учредителя", "nameUchred",
                " (юридическое или физическое лицо); если их нет — «не предусмотрено»"),
        to_fill(COMMON, 8, 5, "uchredLaw[0].addressUchred", "Юридический адрес учредителя", "addressUchred",
                " (почтовый индекс, субъект РФ, город, улица (переулок, бульвар), номер дома); если их нет — «нет»"),
        missing(COMMON, 9, 5, "uchredLaw[1].nameUchred", "Наименование учредителя", "nameUchred"),
        missing(MANAGERS, 5, 3, "rucovodstvo.post", "Должность", "post"),
        to_fill(MANAGERS, 14, 5, "rucovodstvoZam[1].post", "Должность", "post", "; если их нет — «не предусмотрено»"),
    ]


def test_a_main_tag_left_to_fill_names_its_empty_keys_and_the_required_ones_not_written(tmp_path: Path) -> None:
    loaded = project(tmp_path, IN_TIME, (MANAGERS, HEAD, "rucovodstvo:\n  fio:\n  post:\n"),
                     (MANAGERS, "rucovodstvoFil: отсутствует", "rucovodstvoFil:"))
    assert found(rules.required_data_present(loaded)) == [
        to_fill(MANAGERS, 4, 1, "rucovodstvo", "Руководитель", "rucovodstvo",
                " (так в MR: «rucovodstvo»); если их нет — «не предусмотрено»"),
        to_fill(MANAGERS, 5, 3, "rucovodstvo.fio", "ФИО", "fio", "; если их нет — «не предусмотрено»"),
        to_fill(MANAGERS, 6, 3, "rucovodstvo.post", "Должность", "post", "; если их нет — «не предусмотрено»"),
        missing(MANAGERS, 5, 3, "rucovodstvo.telephone", "Контактные телефоны", "telephone"),
        missing(MANAGERS, 5, 3, "rucovodstvo.email", "Адрес электронной почты", "email"),
        to_fill(MANAGERS, 16, 1, "rucovodstvoFil", "Руководитель филиала", "rucovodstvoFil",
                " (при наличии филиалов); если их нет — «нет»"),
    ]


# ------------------------------------------------------------------ documents

def unknown(file: str, line: int, column: int, path: str, ref: str, close: str | None) -> Row:
    return (file, line, column, path, "error", "sveden.unknown_document",
            f"документа «{ref}» нет в content/documents.yaml",
            f"возможно, вы имели в виду «{close}»" if close else "добавьте документ в реестр")


def test_every_document_reference_at_any_depth_is_in_the_registry(tmp_path: Path) -> None:
    loaded = project(tmp_path, IN_TIME,
                     (COMMON, "licenseDocLink: vypiska-reestr-licenziy", "licenseDocLink: vypiska-reestr-licenzii"),
                     (DOCUMENT, "ustavDocLink: ustav", "ustavDocLink: neizvestnyy"),
                     (DOCUMENT, "  - otchet-ob-ispolnenii-predpisaniya-58-p", "  - Отсутствует"),
                     (EDUCATION, "      - rp-noo-matematika", "      - rp-noo-matematik"),
                     (STRUCT, "divisionClauseDocLink: polozhenie-pedsovet",
                      "divisionClauseDocLink: net-takogo-polozheniya-sovsem"))
    assert found(rules.document_references_exist(loaded)) == [
        unknown(COMMON, 17, 17, "licenseDocLink", "vypiska-reestr-licenzii", "vypiska-reestr-licenziy"),
        unknown(STRUCT, 18, 28, "structOrgUprav[1].divisionClauseDocLink", "net-takogo-polozheniya-sovsem", None),
        unknown(DOCUMENT, 4, 15, "ustavDocLink", "neizvestnyy", None),
        unknown(EDUCATION, 51, 9, "eduOp[0].educationRpd[1]", "rp-noo-matematik", "rp-noo-matematika"),
    ]


SIGNATURE = """    signature:
      signer: Иванова Анна Борисовна
      position: Директор
      date: 31.08.2023
      certificate: 01 5A 3C 7E 00 B1 AF 41 9C 4D 11 8E 6F 20 33 A7
      kind: simple
"""
CONTRACT_SIGNATURE = """    file: files/kollektivnyy-dogovor.pdf
    description: Заключён между работодателем и работниками в лице первичной профсоюзной организации; прошёл \
уведомительную регистрацию 05.03.2024 (рег. № 14).
    signature:
      signer: Иванова Анна Борисовна
      position: Директор
      date: 20.02.2024
      certificate: 01 5A 3C 7E 00 C4 12 9B 3D 58 E0 07 A1 6C 4F 92
      kind: simple
"""


def test_a_document_the_school_drafts_is_signed_unless_it_is_only_a_link(tmp_path: Path) -> None:
    """The local act loses its signature: a warning; the contract loses it too but is a link, not a file of the
    site; the charter and the prescription have none by nature."""
    loaded = project(tmp_path, IN_TIME, (REGISTRY, SIGNATURE, ""),
                     (REGISTRY, CONTRACT_SIGNATURE, "    url: https://zarechny.example/dogovor.pdf\n"))
    assert found(rules.documents_signed(loaded)) == [
        (REGISTRY, 9, 12, "documents[1].title", "warning", "sveden.unsigned",
         "«Правила внутреннего распорядка обучающихся»: нет сведений об электронной подписи",
         "добавьте signature: {signer, position, date}")]


def test_no_registry_no_signature_rule_and_every_reference_unknown(tmp_path: Path) -> None:
    loaded = project(tmp_path, IN_TIME, remove=(REGISTRY,))
    assert found(rules.documents_signed(loaded)) == []
    refs = found(rules.document_references_exist(loaded))
    assert refs[0] == unknown(COMMON, 17, 17, "licenseDocLink", "vypiska-reestr-licenziy", None)
    assert {row[6] for row in refs} >= {"документа «ustav» нет в content/documents.yaml"}


@pytest.mark.parametrize("official", [True, False])
def test_check_sveden_runs_every_rule_once_in_order(tmp_path: Path, official: bool) -> None:
    loaded = project(tmp_path, remove=("content/sveden/grants.yaml",))
    expected = [("sveden.missing_subsection", "content/sveden/grants.yaml"), ("sveden.stale", EMPLOYEES)]
    assert [(i.code, i.file) for i in rules.check_sveden(loaded)] == expected
    loaded.entries["sveden"] = {}
    loaded.config = loaded.config.model_copy(update={"official": official})  # type: ignore[union-attr]
    assert [i.code for i in rules.check_sveden(loaded)] == (
        ["sveden.missing_subsection"] * 14 if official else [])



# ------------------------------------------------------------------ the model (oko/kinds/sveden/model.py)

ABSENT_SCHEMA = {"description": "если сведений нет", "type": "string",
                 "enum": ["отсутствует", "нет", "не предусмотрено", "не предусмотрены", "не имеется"]}


def test_the_schema_of_a_main_tag_allows_one_item_many_or_absent() -> None:
    schema = subsection_model(BY_SLUG["managers"]).model_json_schema()["properties"]
    assert schema["rucovodstvo"]["anyOf"] == [{"$ref": "#/$defs/SvedenRucovodstvo"}, ABSENT_SCHEMA, {"type": "null"}]
    assert schema["rucovodstvoZam"]["anyOf"] == [
        {"$ref": "#/$defs/SvedenRucovodstvoZam"},
        {"items": {"$ref": "#/$defs/SvedenRucovodstvoZam"}, "type": "array"}, ABSENT_SCHEMA, {"type": "null"}]
    places = subsection_model(BY_SLUG["common"]).model_json_schema()["properties"]["addressPlaceGia"]
    assert places["anyOf"] == [{"minLength": 1, "type": "string"},
                               {"items": {"minLength": 1, "type": "string"}, "type": "array"}, ABSENT_SCHEMA,
                               {"type": "null"}]


def test_a_main_tag_written_as_absent_is_one_empty_item() -> None:
    managers = subsection_model(BY_SLUG["managers"]).model_validate(
        {"rucovodstvo": "Отсутствует.", "rucovodstvoZam": "нет", "rucovodstvoFil": [{"fio": "Орлова Анна"}]})
    assert (managers.rucovodstvo.model_dump(), [zam.model_dump() for zam in managers.rucovodstvoZam],
            [fil.fio for fil in managers.rucovodstvoFil]) == (
        {"fio": None, "post": None, "telephone": None, "email": None},
        [{"fio": None, "post": None, "telephone": None, "email": None}], ["Орлова Анна"])


NOT_A_NUMBER = "«{}» — не число: пишите число без пробелов и единиц, например 12 или 61542.8; если нет — 0"


@pytest.mark.parametrize(("written", "shown"), [(0, "0"), (12, "12"), (61542.8, "61542.8"), (" 12 ", "12"),
                                                ("61542.8", "61542.8")])
def test_a_number_is_kept_as_written(written: object, shown: str) -> None:
    assert subsection_model(BY_SLUG["grants"]).model_validate({"hostelNum": written}).hostelNum == shown


@pytest.mark.parametrize(("written", "shown"), [("12 мест", "12 мест"), ("нет", "нет"), ("12,5", "12,5"),
                                                ("", ""), ("-3", "-3")])
def test_a_text_that_is_not_a_number_is_one_error(written: str, shown: str) -> None:
    with pytest.raises(ValidationError) as raised:
        subsection_model(BY_SLUG["grants"]).model_validate({"hostelNum": written})
    assert [(e["type"], e["loc"], e["msg"]) for e in raised.value.errors()] == [
        ("oko_number", ("hostelNum",), NOT_A_NUMBER.format(shown))]


# ------------------------------------------------------------------ what one subsection or attribute must not stop

def test_a_subsection_without_dates_or_file_does_not_stop_the_checks_of_the_next(tmp_path: Path) -> None:
    """«Основные сведения» comes first: without its dates (or its file) the later subsections are still checked."""
    undated = project(tmp_path / "a", (COMMON, "changed: 01.09.2026\n", ""),
                      (DOCUMENT, "priemDocLink: pravila-priema", "priemDocLink: pravila-priyoma"))
    assert found(rules.updated_in_time(undated)) == [stale(EMPLOYEES, "Педагогический состав", 18)]
    without_common = project(tmp_path / "b", (DOCUMENT, "priemDocLink: pravila-priema",
                                              "priemDocLink: pravila-priyoma"), remove=(COMMON,))
    assert found(rules.document_references_exist(without_common)) == [
        unknown(DOCUMENT, 12, 15, "priemDocLink", "pravila-priyoma", "pravila-priema")]


def test_an_attribute_not_written_does_not_stop_the_references_after_it(tmp_path: Path) -> None:
    """localActCollec is optional: without it, the later reference is still checked."""
    loaded = project(tmp_path, IN_TIME, (DOCUMENT, "localActCollec: kollektivnyy-dogovor\n", ""),
                     (DOCUMENT, "priemDocLink: pravila-priema", "priemDocLink: pravila-priyoma"))
    assert found(rules.document_references_exist(loaded)) == [
        unknown(DOCUMENT, 11, 15, "priemDocLink", "pravila-priyoma", "pravila-priema")]


def test_data_not_required_of_a_school_does_not_stop_the_check_of_what_follows(tmp_path: Path) -> None:
    """addressPlacePrac and addressPlacePodg are not the school's; addressPlaceGia after them is."""
    loaded = project(tmp_path, IN_TIME, (COMMON, "addressPlaceGia:\n  - 442963, Пензенская область, г. Заречный, "
                                         "ул. Ленина, д. 21\n", "addressPlaceGia:\n"))
    assert [row[3] for row in found(rules.required_data_present(loaded))] == ["addressPlaceGia"]


def test_a_required_main_tag_not_written_is_missing_and_an_optional_one_is_nothing(tmp_path: Path) -> None:
    loaded = project(tmp_path, IN_TIME, (COMMON, FOUNDER, ""), (MANAGERS, "rucovodstvoFil: отсутствует\n", ""))
    assert found(rules.required_data_present(loaded)) == [
        missing(COMMON, 1, 1, "uchredLaw", "Учредитель", "uchredLaw")]


def test_main_tags_written_as_absent_need_nothing_inside(tmp_path: Path) -> None:
    loaded = project(tmp_path, IN_TIME, (MANAGERS, HEAD, "rucovodstvo: отсутствует\n"),
                     (COMMON, FOUNDER, "uchredLaw: нет\n"))
    assert found(rules.required_data_present(loaded)) == []


def test_one_item_left_to_fill_among_filled_ones_names_each_of_its_keys(tmp_path: Path) -> None:
    loaded = project(tmp_path, IN_TIME, (MANAGERS, DEPUTY + "    telephone: (8412) 61-23-47\n"
                                         "    email: vr.school17@zarechny.example\n",
                                         "  - fio:\n    post:\n    telephone:\n    email:\n"))
    nothing = "; если их нет — «не предусмотрено»"
    assert found(rules.required_data_present(loaded)) == [
        to_fill(MANAGERS, 14, 5, "rucovodstvoZam[1].fio", "ФИО", "fio", nothing),
        to_fill(MANAGERS, 15, 5, "rucovodstvoZam[1].post", "Должность", "post", nothing),
        to_fill(MANAGERS, 16, 5, "rucovodstvoZam[1].telephone", "Контактные телефоны", "telephone",
                " ((код населённого пункта) номер1; номер2)" + nothing),
        to_fill(MANAGERS, 17, 5, "rucovodstvoZam[1].email", "Адрес электронной почты", "email",
                " (несколько адресов — через «;»)" + nothing),
    ]


def test_the_note_of_an_attribute_is_the_example_up_to_80_characters(tmp_path: Path) -> None:
    """eduOp's note has 80 characters and is shown; finPlanDocLink's has 81 and is not."""
    loaded = project(tmp_path, IN_TIME, (BUDGET, "finPlanDocLink: pfhd-2026", "finPlanDocLink:"))
    assert [row[7] for row in found(rules.required_data_present(loaded))] == [
        "впишите сведения после «finPlanDocLink:»; если их нет — «не предусмотрено»"]
    [edu_op] = [a for a in BY_SLUG["education"].attributes if a.name == "eduOp"]
    assert len(edu_op.note) == 80
    assert rules._to_fill(loaded.entries["sveden"]["budget"], edu_op, ("eduOp",)).hint == (
        f"впишите сведения после «eduOp:» ({edu_op.note}); если их нет — «не предусмотрено»")


# ------------------------------------------------------------------ the model: fields, texts, published by law

def test_a_field_has_its_label_as_title_and_its_note_as_description() -> None:
    schema = subsection_model(BY_SLUG["managers"]).model_json_schema()["properties"]
    assert [(schema[name]["title"], schema[name].get("description")) for name in ("rucovodstvoZam", "rucovodstvoFil")] \
        == [("Заместитель руководителя", "по главному тегу на каждого заместителя"),
            ("Руководитель филиала", "при наличии филиалов")]
    common = subsection_model(BY_SLUG["common"]).model_json_schema()["properties"]
    assert (common["fullName"]["title"], "description" in common["fullName"]) == ("Полное наименование", False)


def test_one_main_tag_written_keeps_its_data() -> None:
    managers = subsection_model(BY_SLUG["managers"]).model_validate({"rucovodstvo": {"fio": "Иванова Анна"}})
    assert managers.rucovodstvo.fio == "Иванова Анна"


@pytest.mark.parametrize(("written", "result"), [(17, "17"), (2.5, "2.5"), ("Школа", "Школа")])
def test_a_text_written_as_a_number_is_the_number_as_text(written: object, result: str) -> None:
    assert subsection_model(BY_SLUG["common"]).model_validate({"fullName": written}).fullName == result


def test_yes_is_not_a_text() -> None:
    with pytest.raises(ValidationError) as raised:
        subsection_model(BY_SLUG["common"]).model_validate({"fullName": True})
    assert [(e["type"], e["loc"]) for e in raised.value.errors()] == [("string_type", ("fullName",))]


def attribute(slug: str, *names: str) -> Attr:
    attrs = BY_SLUG[slug].attributes
    for name in names[:-1]:
        attrs = next(a for a in attrs if a.name == name).children
    return next(a for a in attrs if a.name == names[-1])


@pytest.mark.parametrize(("slug", "names", "kinds"), [
    ("managers", ("rucovodstvo", "fio"), {"name"}),
    ("managers", ("rucovodstvo", "post"), {"name"}),
    ("managers", ("rucovodstvo", "telephone"), {"phone"}),
    ("managers", ("rucovodstvo", "email"), {"email"}),
    ("common", ("uchredLaw", "nameUchred"), {"name"}),  # a founder may be a person
    ("common", ("telephone",), {"phone"}),
    ("common", ("email",), {"email"}),
    ("common", ("uchredLaw", "addressUchred"), None),
    ("common", ("fullName",), None),
    ("managers", ("rucovodstvoFil", "nameFil"), None),
])
def test_contacts_and_staff_names_are_published_by_law(slug: str, names: tuple[str, ...],
                                                      kinds: set[str] | None) -> None:
    marker = public_by_law(attribute(slug, *names))
    assert marker == (PublicByLaw(frozenset(kinds), f"МР v9, itemprop «{names[-1]}»") if kinds else None)
