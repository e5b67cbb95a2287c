"""The document registry, `content/documents.yaml`: every published document once, with its file.

Subsections of «Сведения об образовательной организации» and pages refer to documents by id, so a
document's title, number, date, file and signature are written in one place only.
"""

from __future__ import annotations

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from oko.models.common import LabelledEnum, NonEmptyStr, OkoModel, RuDate, Slug


class DocumentKind(LabelledEnum):
    CHARTER = ("charter", "устав")
    LOCAL_ACT = ("local_act", "локальный нормативный акт")
    ORDER = ("order", "приказ")
    PLAN = ("plan", "план")
    SCHEDULE = ("schedule", "график")
    PROGRAMME = ("programme", "образовательная программа")
    CURRICULUM = ("curriculum", "учебный план")
    REPORT = ("report", "отчёт")
    LICENSE = ("license", "лицензия (выписка из реестра)")
    ACCREDITATION = ("accreditation", "аккредитация (выписка из реестра)")
    PRESCRIPTION = ("prescription", "предписание")
    CONTRACT = ("contract", "договор")
    FINANCE = ("finance", "финансовый документ")
    OTHER = ("other", "другое")


# Documents the school does not draft itself are published without its signature
# (Разъяснения Рособрнадзора 2024, вопрос 2: устав, предписания, выписки из реестров).
UNSIGNED_KINDS = frozenset({DocumentKind.CHARTER, DocumentKind.PRESCRIPTION, DocumentKind.LICENSE,
                            DocumentKind.ACCREDITATION})


class SignatureKind(LabelledEnum):
    SIMPLE = ("simple", "простая электронная подпись")
    QUALIFIED = ("qualified", "усиленная квалифицированная электронная подпись")


class Signature(OkoModel):
    """The electronic signature of a document the school drafted (ПП РФ № 1802 п.18; 1493 п.8е)."""

    signer: NonEmptyStr = Field(title="Кто подписал (ФИО)")
    position: NonEmptyStr = Field(title="Должность")
    date: RuDate = Field(title="Дата подписания")
    certificate: str | None = Field(default=None, title="Сертификат (серийный номер)", min_length=1)
    kind: SignatureKind = Field(default=SignatureKind.SIMPLE, title="Вид подписи")
    file: str | None = Field(default=None, title="Открепленная подпись (.sig)", min_length=1,
                             description="файл в content/files, например files/ustav.pdf.sig")


class Document(OkoModel):
    """One document: what it is, its number and date, its file, its signature."""

    id: Slug = Field(title="Идентификатор", description="латиницей, например polozhenie-o-kontrole")
    title: NonEmptyStr = Field(title="Название")
    kind: DocumentKind = Field(title="Вид документа")
    number: str | None = Field(default=None, title="Номер", min_length=1)
    date: RuDate | None = Field(default=None, title="Дата")
    file: str | None = Field(default=None, title="Файл", min_length=1,
                             description="файл в content/files: files/имя.pdf")
    url: str | None = Field(default=None, title="Адрес документа на другом сайте", pattern=r"^https://\S+$")
    description: str | None = Field(default=None, title="Краткое описание", min_length=1)
    signature: Signature | None = Field(default=None, title="Электронная подпись")

    @field_validator("file")
    @classmethod
    def _under_files(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith("files/"):
            raise PydanticCustomError("oko_file", "файл документа лежит в content/files: пишите files/{name}",
                                      {"name": value.rsplit("/", 1)[-1]})
        return value

    @model_validator(mode="after")
    def _somewhere(self) -> Document:
        if not self.file and not self.url:
            raise PydanticCustomError("oko_document", "укажите file (файл в content/files) или url (адрес https://)")
        return self


class DocumentRegistry(OkoModel):
    """`content/documents.yaml`."""

    documents: list[Document] = Field(default_factory=list, title="Документы")

    def get(self, document_id: str) -> Document | None:
        return next((document for document in self.documents if document.id == document_id), None)
