"""oko/validate.py branch by branch: each kind of pydantic error → the one Russian issue it must become.

Every case asserts the whole list of issues a file yields (this error and nothing else), with its line,
column, data path, message and hint. The models below are small stand-ins shaped like the real ones: a
scale union told apart by `kind` (like criteria scales), labelled and plain enums, lists that must not
be empty, numbers with a lower bound, slugs and links with patterns.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

import pytest
from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from oko.config import SiteConfig
from oko.models.common import LabelledEnum, NonEmptyStr, OkoModel, RuDate, Slug
from oko.sources import SourceDoc
from oko.validate import _annotation_at, _by_kind, _data_path, _enum_values, _model_at, _step, _unwrap, validate
from oko.yaml_source import parse_yaml


class Colour(StrEnum):
    RED = "red"
    GREEN = "green"


class Status(LabelledEnum):
    PLANNED = ("planned", "запланировано")
    DONE = ("done", "выполнено")


class Subject(LabelledEnum):
    """More than four members: a message lists the labels only."""

    RU = ("ru", "русский язык")
    MA = ("ma", "математика")
    BI = ("bi", "биология")
    HI = ("hi", "история")
    GE = ("ge", "география")


class Four(LabelledEnum):
    """Exactly four members: a message still shows each value with its label."""

    A = ("a", "первый")
    B = ("b", "второй")
    C = ("c", "третий")
    D = ("d", "четвёртый")


class Shade(StrEnum):
    DARK = "dark"
    LIGHT = "light"


class PercentExtra(OkoModel):
    note: str
    shade: Shade | None = None


class PointsExtra(OkoModel):
    limit: int = Field(title="Предел")
    shade: Colour | None = None


class Percent(OkoModel):
    kind: Literal["percent"]
    marks: list[int] = Field(min_length=1, title="Отметки", description="от пятёрки к двойке")
    extra: PercentExtra | None = None


class Points(OkoModel):
    kind: Literal["points"]
    max: int = Field(ge=1, title="Наибольший балл")
    colour: Colour | None = None
    extra: PointsExtra | None = None


class Circle(OkoModel):
    type: Literal["circle"]
    radius: int


class Square(OkoModel):
    type: Literal["square"]
    side: int


Scale = Annotated[Percent | Points, Field(discriminator="kind")]


class Child(OkoModel):
    title: NonEmptyStr
    count: int = Field(default=1, gt=0)


class Root(OkoModel):
    name: NonEmptyStr = Field(title="Название")
    slug: Slug | None = None
    site: Annotated[str, Field(pattern=r"^https?://\S+$")] | None = None
    base: Annotated[str, Field(pattern=r"^https?://\S+/$")] | None = None
    code: Annotated[str, Field(pattern=r"^[А-Я]\d$")] | None = None
    grade: int | None = Field(default=None, ge=1, le=11)
    visible: bool | None = None
    colour: Colour | None = None
    status: Status | None = None
    subject: Subject | None = None
    tags: list[str] | None = Field(default=None, min_length=1)
    scales: list[Scale] | None = None
    children: dict[str, Child] | None = None
    child: Child | None = None
    ratio: float | None = None
    four: Four | None = None
    mode: Literal["fast", "slow"] | None = None
    pair: tuple[int, int] | None = None
    shape: Annotated[Circle | Square, Field(discriminator="type")] | None = None
    day: RuDate | None = None


class Hinted(OkoModel):
    """A model whose own error carries its hint in the error's context."""

    code: str

    @field_validator("code")
    @classmethod
    def _short(cls, value: str) -> str:
        if len(value) > 2:
            raise PydanticCustomError("oko_code", "код «{value}» длиннее двух знаков",
                                      {"value": value, "oko_hint": "например: 7А"})
        return value


def issues(text: str, model: type = Root) -> list[tuple[int | None, int | None, str, str, str]]:
    doc, parse_issues = parse_yaml(text, "x.yaml")
    assert doc is not None and not parse_issues
    value, found = validate(doc, model)
    assert (value is None) == bool(found)
    return [(i.line, i.column, i.path, i.message, i.hint) for i in found]


NAME = 'name: "Школа"\n'

CASES = [
    pytest.param("name: Школа\n", [], id="valid"),
    pytest.param("slug: a\n", [(1, 1, "name", "нет обязательного поля «name» (название)",
                                "добавьте строку «name: …»")], id="missing-with-title"),
    pytest.param(NAME + "child: {}\n", [(2, 8, "child.title", "нет обязательного поля «title»",
                                        "добавьте строку «title: …»")], id="missing-without-title"),
    pytest.param(NAME + "scales:\n  - kind: percent\n",
                 [(3, 5, "scales[0].marks", "нет обязательного поля «marks» (отметки)",
                   "добавьте строку «marks: …» — от пятёрки к двойке")], id="missing-in-union-member"),
    pytest.param(NAME + "scales:\n  - marks: [1]\n",
                 [(3, 5, "scales[0]", "нет поля «kind»: допустимы percent, points",
                   "добавьте строку «kind: percent» или другое из допустимых")], id="scale-without-kind"),
    pytest.param(NAME + "scales:\n  - kind: procent\n    marks: [1]\n",
                 [(3, 11, "scales[0].kind", "недопустимое значение «procent»: допустимы percent, points",
                   "возможно, вы имели в виду «percent»")], id="scale-kind-typo"),
    pytest.param(NAME + "scales:\n  - kind: zzz\n",
                 [(3, 11, "scales[0].kind", "недопустимое значение «zzz»: допустимы percent, points", "")],
                 id="scale-kind-unknown"),
    pytest.param(NAME + "scales:\n  - kind: points\n    max: 0\n",
                 [(4, 10, "scales[0].max", "значение должно быть не меньше 1", "")], id="ge-inside-union"),
    pytest.param(NAME + "scales:\n  - kind: points\n    max: 1\n", [], id="ge-boundary-ok"),
    pytest.param(NAME + "scales:\n  - kind: points\n    max: 2\n    colour: gren\n",
                 [(5, 13, "scales[0].colour", "недопустимое значение «gren»: допустимы red, green",
                   "возможно, вы имели в виду «green»")], id="enum-inside-union-member"),
    pytest.param(NAME + "scales:\n  - kind: percent\n    marks: [1]\n    max: 3\n",
                 [(5, 5, "scales[0].max", "неизвестный ключ «max»", "допустимые ключи: kind, marks, extra")],
                 id="unknown-key-in-first-member"),
    pytest.param(NAME + "scales:\n  - kind: points\n    max: 3\n    marks: [1]\n",
                 [(5, 5, "scales[0].marks", "неизвестный ключ «marks»",
                   "допустимые ключи: kind, max, colour, extra")],
                 id="unknown-key-in-second-member-picked-by-kind"),
    pytest.param(NAME + "scales:\n  - kind: percent\n    marks: []\n",
                 [(4, 12, "scales[0].marks", "список не должен быть пустым", "добавьте хотя бы один элемент «- …»")],
                 id="empty-list-in-union"),
    pytest.param(NAME + "tags: []\n",
                 [(2, 7, "tags", "список не должен быть пустым", "добавьте хотя бы один элемент «- …»")],
                 id="empty-list"),
    pytest.param(NAME + "tags: [a]\n", [], id="one-element-list"),
    pytest.param(NAME + "grade: 0\n", [(2, 8, "grade", "значение должно быть не меньше 1", "")], id="ge-below"),
    pytest.param(NAME + "grade: 12\n", [(2, 8, "grade", "значение должно быть не больше 11", "")], id="le-above"),
    pytest.param(NAME + "child:\n  title: a\n  count: 0\n",
                 [(4, 10, "child.count", "значение должно быть не меньше 0", "")], id="gt"),
    pytest.param('name: ""\n',
                 [(1, 7, "name", "значение не должно быть пустым", "впишите значение или удалите строку")],
                 id="empty-string"),
    pytest.param("name:\n", [(1, 6, "name", "пустое значение", "впишите значение после двоеточия или удалите строку")],
                 id="null-for-text"),
    pytest.param("name: [a]\n", [(1, 7, "name", "ожидался текст, а указан список", "текст можно взять в кавычки")],
                 id="list-for-text"),
    pytest.param("name: {a: 1}\n",
                 [(1, 7, "name", "ожидался текст, а указан набор полей", "текст можно взять в кавычки")],
                 id="dict-for-text"),
    pytest.param(NAME + "tags: a\n",
                 [(2, 7, "tags", "ожидался список, а указан текст",
                   "каждый элемент списка — на новой строке, начиная с «- »")], id="text-for-list"),
    pytest.param(NAME + "child: 5\n",
                 [(2, 8, "child", "ожидался набор полей «ключ: значение», а указан число",
                   "вложенные поля пишутся с отступом")], id="number-for-model"),
    pytest.param(NAME + "children: [a]\n",
                 [(2, 11, "children", "ожидался набор полей «ключ: значение», а указан список",
                   "вложенные поля пишутся с отступом")], id="list-for-dict"),
    pytest.param(NAME + "child: true\n",
                 [(2, 8, "child", "ожидался набор полей «ключ: значение», а указан да/нет",
                   "вложенные поля пишутся с отступом")], id="bool-for-model"),
    pytest.param(NAME + "grade: пять\n", [(2, 8, "grade", "ожидалось целое число, а указано «пять»", "")],
                 id="text-for-int"),
    pytest.param(NAME + "grade: 1.5\n", [(2, 8, "grade", "ожидалось целое число, а указано «1.5»", "")],
                 id="float-for-int"),
    pytest.param(NAME + "grade: [1]\n", [(2, 8, "grade", "ожидалось целое число, а указано «[1]»", "")],
                 id="list-for-int"),
    pytest.param(NAME + "visible: может\n",
                 [(2, 10, "visible", "ожидалось да/нет (true или false), а указано «может»", "")], id="text-for-bool"),
    pytest.param(NAME + "visible: [1]\n",
                 [(2, 10, "visible", "ожидалось да/нет (true или false), а указано «[1]»", "")], id="list-for-bool"),
    pytest.param(NAME + "slug: Школа-1\n",
                 [(2, 7, "slug", "значение «Школа-1» не подходит по форме",
                   "нужно имя из латинских строчных букв, цифр и дефисов, например kirov-sosh-34")], id="slug"),
    pytest.param(NAME + "site: school.ru\n",
                 [(2, 7, "site", "значение «school.ru» не подходит по форме", "нужен адрес, начинающийся с https://")],
                 id="link"),
    pytest.param(NAME + "base: https://school.ru\n",
                 [(2, 7, "base", "значение «https://school.ru» не подходит по форме",
                   "нужен адрес, начинающийся с https:// и заканчивающийся «/»")], id="base-url"),
    pytest.param(NAME + "code: 12\n",
                 [(2, 7, "code", "значение «12» не подходит по форме", "ожидается вид ^[А-Я]\\d$")],
                 id="other-pattern"),
    pytest.param(NAME + "colour: blue\n",
                 [(2, 9, "colour", "недопустимое значение «blue»: допустимы red, green", "")], id="enum-no-close"),
    pytest.param(NAME + "status: done\n", [], id="labelled-value"),
    pytest.param(NAME + "status: Выполнено\n", [], id="labelled-label"),
    pytest.param(NAME + "status: выполнен\n",
                 [(2, 9, "status", "недопустимое значение «выполнен»: допустимы planned (запланировано), "
                                   "done (выполнено)", "возможно, вы имели в виду «выполнено»")],
                 id="labelled-few-members"),
    pytest.param(NAME + "subject: физика\n",
                 [(2, 10, "subject", "недопустимое значение «физика»: допустимы русский язык, математика, "
                                     "биология, история, география", "")], id="labelled-many-members"),
    pytest.param(NAME + "nmae: x\n",
                 [(2, 1, "nmae", "неизвестный ключ «nmae»", "возможно, вы имели в виду «name»")],
                 id="unknown-key-close"),
    pytest.param(NAME + "children:\n  a:\n    title: x\n    qqq: 1\n",
                 [(5, 5, "children.a.qqq", "неизвестный ключ «qqq»", "допустимые ключи: title, count")],
                 id="unknown-key-in-dict-value"),
    pytest.param(NAME + "children:\n  a:\n    count: 2\n",
                 [(4, 5, "children.a.title", "нет обязательного поля «title»", "добавьте строку «title: …»")],
                 id="missing-in-dict-value"),
    pytest.param(NAME + "ratio: x\n",
                 [(2, 8, "ratio", "неверное значение (Input should be a valid number, unable to parse string as a "
                                  "number)", "")], id="other-error"),
    # The member the data's `kind` names decides which nested model a path goes through.
    pytest.param(NAME + "scales:\n  - kind: points\n    max: 2\n    extra:\n      limit: 1\n      note: x\n",
                 [(7, 7, "scales[0].extra.note", "неизвестный ключ «note»", "допустимые ключи: limit, shade")],
                 id="unknown-key-nested-in-second-member"),
    pytest.param(NAME + "scales:\n  - kind: points\n    max: 2\n    extra: {}\n",
                 [(5, 12, "scales[0].extra.limit", "нет обязательного поля «limit» (предел)",
                   "добавьте строку «limit: …»")], id="missing-nested-in-second-member"),
    pytest.param(NAME + "scales:\n  - kind: percent\n    marks: [1]\n  - kind: points\n    max: 2\n"
                 "    extra:\n      limit: 1\n      shade: dark\n",
                 [(9, 14, "scales[1].extra.shade", "недопустимое значение «dark»: допустимы red, green", "")],
                 id="enum-nested-in-second-member-second-item"),
    pytest.param(NAME + "shape:\n  side: 2\n",
                 [(3, 3, "shape", "нет поля «type»: допустимы circle, square",
                   "добавьте строку «type: circle» или другое из допустимых")], id="other-discriminator-missing"),
    pytest.param(NAME + "shape:\n  type: cirle\n  radius: 2\n",
                 [(3, 9, "shape.type", "недопустимое значение «cirle»: допустимы circle, square",
                   "возможно, вы имели в виду «circle»")], id="other-discriminator-typo"),
    pytest.param(NAME + "four: пятый\n",
                 [(2, 7, "four", "недопустимое значение «пятый»: допустимы a (первый), b (второй), c (третий), "
                                 "d (четвёртый)", "")], id="labelled-four-members"),
    pytest.param(NAME + "mode: fats\n",
                 [(2, 7, "mode", "недопустимое значение «fats»: допустимы fast, slow",
                   "возможно, вы имели в виду «fast»")],
                 id="literal"),
    pytest.param(NAME + "pair: x\n",
                 [(2, 7, "pair", "ожидался список, а указан текст",
                   "каждый элемент списка — на новой строке, начиная с «- »")], id="text-for-tuple"),
    pytest.param(NAME + "day: 31.02.2025\n",
                 [(2, 6, "day", "такой даты нет: «31.02.2025» — в феврале 2025 года нет 31-го числа", "")],
                 id="own-error-of-a-model"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_validation_issue(text: str, expected: list[tuple[int, int, str, str, str]]) -> None:
    assert issues(text) == expected


def test_an_own_error_of_a_model_gives_its_hint_from_the_context() -> None:
    assert issues("code: 7АБ\n", Hinted) == [(1, 7, "code", "код «7АБ» длиннее двух знаков", "например: 7А")]
    assert issues("code: 7А\n", Hinted) == []


def test_a_wrong_whole_file() -> None:
    assert issues("- a\n- b\n") == [(1, 1, "", "ожидался набор полей «ключ: значение», а указан список",
                                      "вложенные поля пишутся с отступом")]


def test_a_rule_level_in_site_config_lists_the_levels() -> None:
    doc, _ = parse_yaml('title: "Сайт"\norganisation: a\nrules:\n  schedule.one_per_day: offf\n', "site_config.yaml")
    assert doc is not None
    assert [(i.line, i.column, i.path, i.message, i.hint) for i in validate(doc, SiteConfig)[1]] == [
        (4, 25, "rules.schedule.one_per_day", "недопустимое значение «offf»: допустимы error, warning, off",
         "возможно, вы имели в виду «off»")]


@pytest.mark.parametrize(("data", "expected"), [
    ({"name": "x", "grade": 1.5}, ("grade", "ожидалось целое число, а указано «1.5»")),
    ({"name": dt.date(2025, 1, 1)}, ("name", "ожидался текст, а указан значение другого вида")),
    ({"name": 1.5, "child": 2.5}, ("child", "ожидался набор полей «ключ: значение», а указан число")),
])
def test_data_from_elsewhere_than_yaml(data: dict, expected: tuple[str, str]) -> None:
    """validate() takes any plain data (spreadsheet importers hand it floats and dates)."""
    doc = SourceDoc(file="x.yaml", text="", data=data)
    value, found = validate(doc, Root)
    assert value is None and [(i.path, i.message) for i in found] == [expected]


def test_every_error_of_a_file_at_once() -> None:
    """A mix of valid and invalid values: each wrong one once, in the file's order, the valid ones silent."""
    text = NAME + "grade: 0\ntags: []\nscales:\n  - kind: percent\n    marks: [1]\n  - kind: points\n    max: 0\n"
    assert issues(text) == [
        (2, 8, "grade", "значение должно быть не меньше 1", ""),
        (3, 7, "tags", "список не должен быть пустым", "добавьте хотя бы один элемент «- …»"),
        (8, 10, "scales[1].max", "значение должно быть не меньше 1", ""),
    ]


def test_unknown_key_at_the_top_lists_every_key() -> None:
    assert issues("zzzzzz: 1\n", Child) == [
        (1, 1, "title", "нет обязательного поля «title»", "добавьте строку «title: …»"),
        (1, 1, "zzzzzz", "неизвестный ключ «zzzzzz»", "допустимые ключи: title, count"),
    ]


def test_step() -> None:
    assert _step({"a": 1}, "a") == 1
    assert _step({"a": 1}, "b") is None
    assert _step([5, 6], 1) == 6
    assert _step([5, 6], 2) is None
    assert _step([5, 6], "0") is None
    assert _step("text", 0) is None


@pytest.mark.parametrize(("loc", "path"), [
    (("scales", 0, "percent", "marks"), ("scales", 0, "marks")),
    (("scales", 0, "kind"), ("scales", 0, "kind")),
    (("absent",), ("absent",)),  # the last part is kept even when the data lacks it (a missing field)
    (("scales", 5, "x"), ("scales", 5, "x")),
    ((), ()),
])
def test_data_path_drops_union_tags(loc: tuple, path: tuple) -> None:
    data = {"scales": [{"kind": "percent", "marks": []}]}
    assert _data_path(data, loc) == path


def test_union_member_by_kind() -> None:
    members = [Percent, Points, int]
    assert _by_kind(members, {"kind": "points"}) == [Points, Percent, int]
    assert _by_kind(members, {"kind": "percent"}) == [Percent, Points, int]
    assert _by_kind(members, {"kind": "other"}) == members
    assert _by_kind(members, None) == members
    assert _by_kind([Child, Points], {"kind": "points"}) == [Points, Child]  # a model without `kind` never matches


def test_model_and_annotation_along_a_path() -> None:
    data = {"scales": [{"kind": "percent"}, {"kind": "points"}], "children": {"a": {}}}
    assert _model_at(Root, ("scales", 0), data) is Percent
    assert _model_at(Root, ("scales", 1), data) is Points
    assert _model_at(Root, ("children", "a"), data) is Child
    assert _model_at(Root, (), data) is Root
    assert _model_at(Root, ("name",), data) is None
    assert _model_at(Root, ("nothing", "deeper"), data) is None
    assert _annotation_at(Root, ("scales", 1, "max"), data) is int
    assert _annotation_at(Root, ("children", "a", "title"), data) is str
    assert _annotation_at(Root, ("scales", "x"), data) is None
    assert _annotation_at(Root, ("name", "x"), data) is None


def test_unwrap_and_enum_values() -> None:
    assert _unwrap(Colour | None) == [Colour, type(None)]
    assert _unwrap(Annotated[Colour | None, Field()]) == [Colour, type(None)]
    assert _unwrap(list[int]) == [list[int]]
    assert _enum_values(Colour | None) == (["red", "green"], ["red", "green"])
    assert _enum_values(Status) == (["planned (запланировано)", "done (выполнено)"],
                                    ["planned", "done", "запланировано", "выполнено"])
    assert _enum_values(Subject)[0] == ["русский язык", "математика", "биология", "история", "география"]
    assert _enum_values(int) == ([], [])
