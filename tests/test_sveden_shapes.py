"""«Сведения» in the shapes a form holds (issue 13): repeated attributes as lists, numbers as numbers."""

from __future__ import annotations

import shutil
from pathlib import Path

from oko.pipeline import generate
from tests.conftest import ROOT


def _project(tmp_path: Path, file: str, old: str, new: str) -> Path:
    project = tmp_path / "project"
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copytree(ROOT / "templates", project / "templates")
    shutil.copy(ROOT / "site_config.yaml", project / "site_config.yaml")
    path = project / "content/sveden" / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return project


def test_a_repeated_attribute_written_as_text_fails_check_with_its_list(tmp_path: Path) -> None:
    project = _project(tmp_path, "common.yaml", "addressPlaceGia:\n  - 442963, Пензенская область, г. Заречный, "
                       "ул. Ленина, д. 21\n", 'addressPlaceSet: "нет"\naddressPlaceGia: "442963, г. Заречный"\n')
    built = generate(project)
    found = [(i.line, i.column, i.message, i.hint) for i in built.issues if i.code == "sveden.shape"]
    assert found == [
        (18, 1, "«Места осуществления образовательной деятельности при сетевой форме» — список, а записан текстом",
         "если сведений нет, не пишите поле addressPlaceSet (или addressPlaceSet: []): на странице будет "
         "«отсутствует»"),
        (19, 1, "«Места проведения ГИА» — список, а записан текстом",
         'теперь список: addressPlaceGia: ["442963, г. Заречный"]')]
    assert built.failed()


def test_no_place_is_absent_with_its_itemprop(demo_site: Path) -> None:
    """The demo school has no network form: no addressPlaceSet, and the page says «отсутствует» (MR v9 3.2.1)."""
    html = (demo_site / "sveden/common/index.html").read_text(encoding="utf-8")
    assert '<td><span itemprop="addressPlaceSet">отсутствует</span></td>' in html


def test_an_empty_list_is_none() -> None:
    from oko.kinds.sveden.model import subsection_model
    from oko.sveden_spec import BY_SLUG

    model = subsection_model(BY_SLUG["common"]).model_validate({"addressPlaceSet": []})
    assert model.addressPlaceSet is None and model.left_empty == frozenset()  # type: ignore[attr-defined]


def test_a_number_attribute_is_a_number(tmp_path: Path) -> None:
    built = generate(_project(tmp_path, "employees.yaml", "specExperience: 21\n", "specExperience: 21 год\n"))
    found = [(i.line, i.message) for i in built.issues if i.level == "error"]
    assert found == [(13, "«21 год» — не число: пишите число без пробелов и единиц, "
                          "например 12 или 61542.8; если нет — 0")]
