"""«Сведения» dates known to the month or the year (issue 12): accepted where MR v9 does not demand a full date
(`regDate`), shown as written, ISO partial in `<time datetime>`; full dates in the form ДД.ММ.ГГГГ; exact messages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from oko.init import site_files, write_site
from oko.init.skeleton import School
from oko.kinds.sveden.dates import written_date
from oko.kinds.sveden.model import subsection_model
from oko.models.common import AcademicYear
from oko.pipeline import generate
from oko.sveden_spec import BY_SLUG

COMMON = subsection_model(BY_SLUG["common"])
FORMS = "ДД.ММ.ГГГГ, месяц и год («03.2019», «март 2019») или год («2019»)"


@pytest.mark.parametrize(("written", "shown", "iso"), [
    ("30.08.1991", "30.08.1991", "1991-08-30"),
    ("1991-08-30", "30.08.1991", "1991-08-30"),  # a full date is shown in the official form
    ("5.3.2019", "05.03.2019", "2019-03-05"),
    ("03.2019", "03.2019", "2019-03"),
    ("3.2019", "3.2019", "2019-03"),
    ("март 2019", "март 2019", "2019-03"),
    ("Марта 2019 г.", "Марта 2019 г.", "2019-03"),
    ("2019", "2019", "2019"),
    ("2019 год", "2019 год", "2019"),
    ("1937 г.", "1937 г.", "1937"),
])
def test_full_and_partial_dates(written: str, shown: str, iso: str) -> None:
    value = COMMON.model_validate({"regDate": written}).regDate
    assert (str(value), value.iso) == (shown, iso)


def test_a_year_as_a_yaml_number_and_absent_information() -> None:
    assert COMMON.model_validate({"regDate": 1991}).regDate.iso == "1991"
    assert COMMON.model_validate({"regDate": "отсутствует"}).regDate == "отсутствует"


@pytest.mark.parametrize(("written", "message"), [
    ("13.2019", "такого месяца нет: «13.2019» — в году 12 месяцев, а указан 13-й"),
    ("мартобря 2019", f"«мартобря 2019»: «мартобря» — не название месяца; ожидается {FORMS}"),
    ("весной 2019", f"«весной 2019»: «весной» — не название месяца; ожидается {FORMS}"),
    ("31.02.2019", "такой даты нет: «31.02.2019» — в феврале 2019 года нет 31-го числа"),
    ("1700", "дата «1700»: год 1700 вне допустимых лет (1800–2100) — проверьте цифры"),
    ("03.1700", "дата «03.1700»: год 1700 вне допустимых лет (1800–2100) — проверьте цифры"),
    ("19", f"«19» не похоже на дату: ожидается {FORMS}"),
    ("2019-03", f"«2019-03» не похоже на дату: ожидается {FORMS}"),
])
def test_wrong_dates_say_what_is_expected(written: str, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        COMMON.model_validate({"regDate": written})
    assert [error["msg"] for error in caught.value.errors()] == [message]


def test_changed_and_updated_stay_full_dates() -> None:
    """ПП РФ № 1802 п.16 counts working days between them: a month is not enough."""
    with pytest.raises(ValidationError) as caught:
        COMMON.model_validate({"changed": "03.2019"})
    assert [error["msg"] for error in caught.value.errors()] == [
        "«03.2019» не похоже на дату: ожидается ДД.ММ.ГГГГ, например 29.08.2023"]
    assert written_date("01.09.2026").iso == "2026-09-01"


def _site(tmp_path: Path, reg_date: str) -> Path:
    school = School("sosh-1", "Средняя школа № 1", "СОШ № 1")
    files = site_files(school, AcademicYear(start=2026), None)
    files["content/sveden/common.yaml"] = files["content/sveden/common.yaml"].replace(
        "regDate:  # Дата создания; дд.мм.гггг", f"regDate: {reg_date}")
    write_site(tmp_path, files)
    return tmp_path


@pytest.mark.parametrize(("written", "element"), [
    ('"март 2019"', '<time itemprop="regDate" datetime="2019-03">март 2019</time>'),
    ("1937", '<time itemprop="regDate" datetime="1937">1937</time>'),
    ('"1991-08-30"', '<time itemprop="regDate" datetime="1991-08-30">30.08.1991</time>'),
])
def test_the_page_shows_the_date_as_written_with_its_iso_form(tmp_path: Path, written: str, element: str) -> None:
    result = generate(_site(tmp_path, written))
    assert not [i for i in result.issues if i.is_error]
    html = result.files["sveden/common/index.html"].decode("utf-8")
    assert element in html
    assert not [i for i in result.issues if i.path == "regDate"]  # filled: no longer «не заполнено»


def test_a_wrong_date_is_located(tmp_path: Path) -> None:
    result = generate(_site(tmp_path, '"13.2019"'))
    [error] = [i for i in result.issues if i.is_error]
    line = (tmp_path / "content/sveden/common.yaml").read_text("utf-8").splitlines().index('regDate: "13.2019"') + 1
    assert (error.file, error.line, error.column, error.message) == (
        "content/sveden/common.yaml", line, 10, "такого месяца нет: «13.2019» — в году 12 месяцев, а указан 13-й")
    assert re.search(r"regDate", error.path)


