"""`district:` in site_config.yaml: the district's schools and the year the monitoring looks at."""

from __future__ import annotations

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from oko.models.common import AcademicYearField, OkoModel, Slug

# A school's folder: path segments of latin lower-case letters, digits and hyphens, inside the project.
FOLDER_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*$"


class SchoolRef(OkoModel):
    """One school: the folder with its own site_config.yaml and content/, published under /<slug>/."""

    folder: str = Field(title="Папка школы", pattern=FOLDER_PATTERN,
                        description="путь от папки проекта, например schools/sosh-1: в ней site_config.yaml "
                                    "и content/ — как у сайта одной школы")
    slug: Slug | None = Field(default=None, title="Адрес школы на сайте района",
                              description="/<адрес>/; по умолчанию — последняя часть пути папки")

    @property
    def name(self) -> str:
        return self.slug or self.folder.rsplit("/", 1)[-1]


class DistrictConfig(OkoModel):
    """The district's schools and the academic year its monitoring table checks."""

    academic_year: AcademicYearField = Field(title="Учебный год мониторинга",
                                             description="за какой учебный год проверяются документы школ, "
                                                         "например 2026-2027")
    schools: list[SchoolRef] = Field(min_length=1, title="Школы района")

    @model_validator(mode="after")
    def _unique(self) -> DistrictConfig:
        seen: set[str] = set()
        for school in self.schools:
            if school.name in seen:
                raise PydanticCustomError("oko_district_school",
                                          "адрес школы «{name}» повторяется: у каждой школы свой адрес (slug)",
                                          {"name": school.name})
            seen.add(school.name)
        return self
