"""The subsections of «Сведения об образовательной организации» and their microdata (`itemprop`) attributes.

Transcribed from:

- Методические рекомендации Рособрнадзора «…представления информации об образовательной организации в открытых
  источниках…», версия 9.0.0 (2025), «MR v9»: Table 3.1 (slugs), Tables 3.2.1 (common), 3.3.1 (struct), 3.4.1
  (document), 3.5.1 (education), 3.6.1 (eduStandarts), 3.7.1 (managers), 3.8.1 (employees), 3.9.1 (objects),
  3.10.1 (grants), 3.11.1 (paid_edu), 3.12.1 (budget), 3.13.1 (vacant), 3.14.1 (inter), 3.15.1 (catering),
  the templates 3.2.2–3.15.2 for formats, §3.1 (`addRef`), §5 (the checker's algorithm).
  Source text: /work/shared/reference/sources/rosobrnadzor-methodical-recommendations-v9-2025.txt.
- Приказ Рособрнадзора от 04.08.2023 № 1493, п.6 (subsection titles) and п.7–20 (content of each subsection);
  приказ от 03.07.2025 № 1353 (amendments to 1493, in force 01.03.2026; its item 7 earlier).
- Официальные разъяснения Рособрнадзора от 11.11.2024 («Разъяснения 2024»), п.6 and п.11: write «не предусмотрено»
  or «0» rather than leaving an item out; budget volumes equal to zero are shown as «0».
- The checked summary /work/shared/reference/regulations.md §1–§3.

Conventions:

- `optional` is MR's star «*» (MR footnote 2: «при отсутствии информации рекомендуется размечать атрибутами фразу
  «отсутствует» или «нет»»). Two deliberate exceptions, both marked in `note`: `addressPlaceSet` and
  `addressPlaceGia` carry no star in MR but are optional here, because a school that uses no such place writes «нет».
- `school=False` marks attributes that 1493 or MR restrict to higher, vocational or ДПО organisations; each says why
  in `note`. Everything else applies to a general-education school, even where the school will write
  «не предусмотрено» or «0» (Разъяснения 2024 п.6).
- A group (main tag, «Главный тег») holds children that must be descendants of its element. The checker does not
  count nesting deeper than one level (MR §5), so groups never contain groups.

Left out on purpose:

- `copy` (версия для слабовидящих), listed as item 1 of every MR table: MR v9 says the requirement applied until
  01.09.2025, and приказ 1353 (item 7) repealed 1493 п.21 «Сайт должен иметь версию для слабовидящих».
- `addRef`: not information of a subsection but the link from a subsection's main page to its extra pages (MR §3.1,
  at most 10 recommended).
- `napravNir`: appears only in MR's HTML example under Table 3.5.7, not in Table 3.5.1.

Moved: `accreditationDocLink` (выписка из реестра аккредитованных организаций) is listed by MR Table 3.2.1 in
«Основные сведения», but MR says it moves to «Образование» after 01.09.2025, and 1353 п.1–2 repealed 1493 п.7«и» and
added п.10(1)«д» (in force 01.03.2026). It is therefore given under `education` only.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Attr:
    """One `itemprop` of MR v9: a flat attribute, a main tag (kind "group") or a child of a main tag."""

    name: str  # the itemprop exactly as MR v9 spells it
    label: str  # short Russian field label
    kind: str  # text | date | phone | email | url | address | number | doc | group
    optional: bool = False  # MR's star «*»: may be marked up as «отсутствует»/«нет»
    many: bool = False  # the attribute (or group) may repeat
    children: tuple[Attr, ...] = ()  # only for kind "group"
    school: bool = True  # False: concerns only higher/vocational/ДПО organisations
    note: str = ""  # MR guidance, short, Russian


@dataclass(frozen=True)
class Subsection:
    """One subsection of /sveden/: its MR slug, the content file stem, its title from 1493 п.6 and its attributes."""

    slug: str
    file: str
    title: str
    order_item: str
    mr_table: str
    attributes: tuple[Attr, ...]
    note: str = ""


KINDS: frozenset[str] = frozenset({"text", "date", "phone", "email", "url", "address", "number", "doc", "group"})

_ADDRESS_NOTE = "почтовый индекс, субъект РФ, город, улица (переулок, бульвар), номер дома"
_PHONE_NOTE = "(код населённого пункта) номер1; номер2"
_EMAIL_NOTE = "несколько адресов — через «;»"
_SIGNED = "электронный документ, подписанный электронной подписью"
_NOT_PROVIDED = "если не предусмотрено — так и указать: «не предусмотрено» (Разъяснения 2024 п.6)"

# ---------------------------------------------------------------------------------------------------------------
# 3.2 «Основные сведения» (MR Table 3.2.1)

_COMMON = (
    Attr("fullName", "Полное наименование", "text"),
    Attr("shortName", "Сокращенное наименование", "text", optional=True),
    Attr("regDate", "Дата создания", "date", note="дд.мм.гггг"),
    Attr(
        "uchredLaw",
        "Учредитель",
        "group",
        many=True,
        note="по одному главному тегу на каждого учредителя",
        children=(
            Attr("nameUchred", "Наименование учредителя", "text", note="юридическое или физическое лицо"),
            Attr("addressUchred", "Юридический адрес учредителя", "address", optional=True, note=_ADDRESS_NOTE),
            Attr("telUchred", "Контактные телефоны учредителя", "phone", optional=True, note=_PHONE_NOTE),
            Attr("mailUchred", "Адрес электронной почты учредителя", "email", optional=True, note=_EMAIL_NOTE),
            Attr("websiteUchred", "Сайт учредителя", "url", optional=True),
        ),
    ),
    Attr("address", "Адрес местонахождения", "address", note=_ADDRESS_NOTE),
    Attr("workTime", "Режим, график работы", "text"),
    Attr("telephone", "Контактные телефоны", "phone", note=_PHONE_NOTE),
    Attr("email", "Адреса электронной почты", "email", note=_EMAIL_NOTE),
    Attr(
        "licenseDocLink",
        "Лицензия на осуществление образовательной деятельности",
        "doc",
        note="рекомендуется выписка из реестра лицензий: https://islod.obrnadzor.gov.ru/rlic/",
    ),
    Attr(
        "addressPlaceSet",
        "Места осуществления образовательной деятельности при сетевой форме",
        "address",
        optional=True,
        many=True,
        note="по строке на адрес; в MR без «*», но школа без сетевой формы пишет «нет»; " + _ADDRESS_NOTE,
    ),
    Attr(
        "addressPlacePrac",
        "Места проведения практики",
        "address",
        many=True,
        school=False,
        note="практика есть в программах СПО и ВО, не в общеобразовательных (1493 п.10(1)); по строке на адрес",
    ),
    Attr(
        "addressPlacePodg",
        "Места проведения практической подготовки",
        "address",
        many=True,
        school=False,
        note="практическая подготовка — форма профессиональных программ (СПО, ВО); по строке на адрес",
    ),
    Attr(
        "addressPlaceGia",
        "Места проведения ГИА",
        "address",
        optional=True,
        many=True,
        note="ГИА-9 и ГИА-11 касаются школы; в MR без «*», но если ГИА проходит только в ППЭ по адресам "
        "из реестра лицензий, пишется «нет»; по строке на адрес",
    ),
    Attr(
        "addressPlaceDop",
        "Места осуществления образовательной деятельности по ДПО",
        "address",
        optional=True,
        many=True,
        school=False,
        note="MR: «по дополнительным профессиональным программам» — не для школы; ПП 1802 п.12«д» шире "
        "(«по дополнительным образовательным программам»): кружки вне лицензированных адресов можно указать здесь",
    ),
    Attr(
        "addressPlaceOppo",
        "Места осуществления образовательной деятельности по программам профессионального обучения",
        "address",
        optional=True,
        many=True,
        school=False,
        note="основные программы профессионального обучения — обычно не школьные",
    ),
)

# ---------------------------------------------------------------------------------------------------------------
# 3.3 «Структура и органы управления образовательной организацией» (MR Table 3.3.1)

_STRUCT = (
    Attr(
        "structOrgUprav",
        "Структурное подразделение (орган управления)",
        "group",
        many=True,
        note="по одному главному тегу на подразделение или орган управления",
        children=(
            Attr("name", "Наименование структурного подразделения (органа управления)", "text"),
            Attr("fio", "ФИО руководителя", "text"),
            Attr("post", "Должность руководителя", "text"),
            Attr("addressStr", "Место нахождения", "address", note=_ADDRESS_NOTE),
            Attr("site", "Адрес официального сайта", "url", optional=True),
            Attr("email", "Адрес электронной почты", "email", optional=True, note=_EMAIL_NOTE),
            Attr(
                "divisionClauseDocLink",
                "Положение о структурном подразделении (органе управления)",
                "doc",
                optional=True,
                note=_SIGNED + " (простой ЭП)",
            ),
        ),
    ),
    Attr(
        "filInfo",
        "Филиал",
        "group",
        optional=True,
        many=True,
        note="при наличии филиалов, в том числе за пределами РФ; по главному тегу на филиал",
        children=(
            Attr("nameFil", "Наименование филиала", "text", optional=True),
            Attr("fioFil", "ФИО руководителя филиала", "text", optional=True),
            Attr("postFil", "Должность руководителя филиала", "text", optional=True),
            Attr("addressFil", "Место нахождения филиала", "address", optional=True, note=_ADDRESS_NOTE),
            Attr("emailFil", "Адрес электронной почты филиала", "email", optional=True),
            Attr("websiteFil", "Сайт или страница филиала", "url", optional=True),
            Attr("divisionClauseDocLink", "Положение о филиале", "doc", optional=True, note=_SIGNED),
        ),
    ),
    Attr(
        "repInfo",
        "Представительство",
        "group",
        optional=True,
        many=True,
        note="при наличии представительств, в том числе за пределами РФ; по главному тегу на представительство",
        children=(
            Attr("nameRep", "Наименование представительства", "text", optional=True),
            Attr("fioRep", "ФИО руководителя представительства", "text", optional=True),
            Attr("postRep", "Должность руководителя представительства", "text", optional=True),
            Attr("addressRep", "Место нахождения представительства", "address", optional=True, note=_ADDRESS_NOTE),
            Attr("emailRep", "Адрес электронной почты представительства", "email", optional=True),
            Attr("websiteRep", "Сайт или страница представительства", "url", optional=True),
            Attr("divisionClauseDocLink", "Положение о представительстве", "doc", optional=True, note=_SIGNED),
        ),
    ),
)

# ---------------------------------------------------------------------------------------------------------------
# 3.4 «Документы» (MR Table 3.4.1)

_DOCUMENT = (
    Attr("ustavDocLink", "Устав", "doc", note="копия или электронный документ"),
    Attr("localActStud", "Правила внутреннего распорядка обучающихся", "doc", note=_SIGNED),
    Attr("localActOrder", "Правила внутреннего трудового распорядка", "doc", note=_SIGNED),
    Attr("localActCollec", "Коллективный договор", "doc", optional=True, note="при наличии; " + _SIGNED),
    Attr("reportEduDocLink", "Отчет о результатах самообследования", "doc", note=_SIGNED),
    Attr(
        "prescriptionDocLink",
        "Предписания органов надзора и отчеты об их исполнении",
        "doc",
        optional=True,
        many=True,
        note="до подтверждения исполнения или признания недействительным; если нет — «предписаний нет»",
    ),
    Attr("priemDocLink", "Правила приема обучающихся", "doc", note=_SIGNED),
    Attr("modeDocLink", "Режим занятий обучающихся", "doc", note=_SIGNED),
    Attr(
        "tekKontrolDocLink",
        "Формы, периодичность и порядок текущего контроля и промежуточной аттестации",
        "doc",
        note=_SIGNED,
    ),
    Attr("perevodDocLink", "Порядок и основания перевода, отчисления и восстановления", "doc", note=_SIGNED),
    Attr(
        "vozDocLink",
        "Порядок оформления возникновения, приостановления и прекращения образовательных отношений",
        "doc",
        note=_SIGNED,
    ),
)

# ---------------------------------------------------------------------------------------------------------------
# 3.5 «Образование» (MR Table 3.5.1)

_EDU_CODE_NOTE = "для общеобразовательных программ кода нет — «нет»"

_EDUCATION = (
    Attr(
        "eduAccred",
        "Уровни образования, формы и нормативные сроки обучения",
        "group",
        many=True,
        note="по главному тегу на каждую образовательную программу (Таблица 3.5.2)",
        children=(
            Attr("eduCode", "Код, шифр", "text", optional=True, note=_EDU_CODE_NOTE),
            Attr(
                "eduName",
                "Наименование образовательной программы",
                "text",
                note="для общеобразовательных программ — наименование программы",
            ),
            Attr("eduProf", "Образовательная программа", "text"),
            Attr("eduLevel", "Уровень образования", "text"),
            Attr("eduForm", "Форма обучения", "text"),
            Attr("learningTerm", "Нормативный срок обучения", "text"),
            Attr("eduPred", "Учебные предметы, курсы, дисциплины (модули)", "text"),
            Attr(
                "eduPrac",
                "Практики",
                "text",
                note="в MR без «*»; в общеобразовательных программах практик нет — " + _NOT_PROVIDED,
            ),
        ),
    ),
    Attr("languageEl", "Языки образования", "doc", note=_SIGNED),
    Attr(
        "eduChislenEl",
        "Численность обучающихся по источникам финансирования",
        "doc",
        note="по каждой программе и форме обучения, включая иностранных граждан (Таблица 3.5.3); " + _SIGNED,
    ),
    Attr(
        "eduPriemEl",
        "Результаты приема",
        "doc",
        note="1493 п.10(6) перечисляет СПО, ВО и научные специальности; школа размещает итоги приема по "
        "источникам финансирования или «не предусмотрено»; обновляется по завершении приема (Таблица 3.5.4)",
    ),
    Attr(
        "eduPerevodEl",
        "Результаты перевода, восстановления и отчисления",
        "doc",
        note="актуализируется на начало учебного года (Таблица 3.5.5); " + _SIGNED,
    ),
    Attr(
        "eduOp",
        "Образовательная программа",
        "group",
        many=True,
        note="по главному тегу на каждую программу, в том числе адаптированную (Таблица 3.5.6)",
        children=(
            Attr("eduCode", "Код, шифр", "text", optional=True, note=_EDU_CODE_NOTE),
            Attr("eduName", "Наименование образовательной программы", "text"),
            Attr("eduLevel", "Уровень образования", "text"),
            Attr("eduProf", "Образовательная программа, направленность, профиль", "text"),
            Attr("eduForm", "Реализуемые формы обучения", "text"),
            Attr("opMain", "Образовательная программа (документ)", "doc", note=_SIGNED),
            Attr("educationPlan", "Учебный план", "doc", note=_SIGNED),
            Attr(
                "educationRpd",
                "Рабочие программы",
                "doc",
                many=True,
                note="по ссылке на каждый предмет, курс, дисциплину (модуль); " + _SIGNED,
            ),
            Attr("educationShedule", "Календарный учебный график", "doc", note="так в MR: «Shedule»; " + _SIGNED),
            Attr(
                "eduPr",
                "Рабочие программы практик",
                "doc",
                many=True,
                note="в MR без «*»; в общеобразовательных программах практик нет — " + _NOT_PROVIDED,
            ),
            Attr(
                "methodology",
                "Методические и иные документы",
                "doc",
                many=True,
                note="в том числе рабочая программа воспитания и календарный план воспитательной работы; " + _SIGNED,
            ),
        ),
    ),
    Attr(
        "eduNir",
        "Научная (научно-исследовательская) деятельность",
        "group",
        many=True,
        school=False,
        note="1493 п.10(2) и MR: только для организаций высшего образования и ДПО (Таблица 3.5.7)",
        children=(
            Attr("eduCode", "Код, шифр", "text", school=False),
            Attr("eduName", "Наименование специальности, направления подготовки", "text", school=False),
            Attr("perechenNir", "Перечень научных направлений", "text", school=False),
            Attr("eduProf", "Образовательная программа, направленность, профиль", "text", school=False),
            Attr("eduLevel", "Уровень образования", "text", school=False),
            Attr("resultNir", "Результаты научной деятельности", "text", school=False),
            Attr("baseNir", "Научно-исследовательская база", "text", school=False),
        ),
    ),
    Attr(
        "graduateJob",
        "Трудоустройство выпускников",
        "group",
        many=True,
        school=False,
        note="1493 п.10(7): выпускники основных профессиональных программ СПО и ВО прошлого учебного года "
        "(Таблица 3.5.8)",
        children=(
            Attr("eduCode", "Код, шифр", "text", optional=True, school=False),
            Attr("eduName", "Наименование профессии, специальности, направления подготовки", "text", school=False),
            Attr("eduProf", "Образовательная программа, направленность, профиль", "text", school=False),
            Attr("v1", "Численность выпускников", "number", school=False),
            Attr("t1", "Численность трудоустроенных выпускников", "number", school=False),
        ),
    ),
    Attr(
        "accreditationDocLink",
        "Государственная аккредитация (выписка из реестра)",
        "doc",
        optional=True,
        note="перенесено из «Основных сведений»: MR — с 01.09.2025, приказ 1353 (п.10(1)«д») — с 01.03.2026; "
        "выписка: https://islod.obrnadzor.gov.ru/accredreestr/; при отсутствии — «отсутствует»",
    ),
)

# ---------------------------------------------------------------------------------------------------------------
# 3.6 «Образовательные стандарты и требования» (MR Table 3.6.1)

_EDU_STANDARTS = (
    Attr(
        "eduFedDoc",
        "Федеральные государственные образовательные стандарты",
        "url",
        many=True,
        note="активные ссылки на действующие редакции ФГОС по всем реализуемым программам",
    ),
    Attr(
        "eduStandartDoc",
        "Образовательные стандарты",
        "doc",
        optional=True,
        many=True,
        note="разработанные и утвержденные организацией самостоятельно (при наличии); " + _SIGNED,
    ),
    Attr(
        "eduFedTreb",
        "Федеральные государственные требования",
        "url",
        optional=True,
        many=True,
        note="активные ссылки на нормативные акты",
    ),
    Attr(
        "eduStandartTreb",
        "Самостоятельно устанавливаемые требования",
        "doc",
        optional=True,
        many=True,
        school=False,
        note="1493 п.20«г»: требования, устанавливаемые образовательной организацией высшего образования; " + _SIGNED,
    ),
)

# ---------------------------------------------------------------------------------------------------------------
# 3.7 «Руководство» (MR Table 3.7.1)

_MANAGER_CHILDREN = (
    Attr("fio", "ФИО", "text"),
    Attr("post", "Должность", "text"),
    Attr("telephone", "Контактные телефоны", "phone", note=_PHONE_NOTE),
    Attr("email", "Адрес электронной почты", "email", note=_EMAIL_NOTE),
)

_MANAGERS = (
    Attr("rucovodstvo", "Руководитель", "group", children=_MANAGER_CHILDREN, note="так в MR: «rucovodstvo»"),
    Attr(
        "rucovodstvoZam",
        "Заместитель руководителя",
        "group",
        many=True,
        children=_MANAGER_CHILDREN,
        note="по главному тегу на каждого заместителя",
    ),
    Attr(
        "rucovodstvoFil",
        "Руководитель филиала",
        "group",
        optional=True,
        many=True,
        note="при наличии филиалов",
        children=(
            Attr("nameFil", "Наименование филиала", "text", optional=True),
            Attr("fio", "ФИО", "text", optional=True),
            Attr("post", "Должность", "text", optional=True),
            Attr("telephone", "Контактные телефоны", "phone", optional=True, note=_PHONE_NOTE),
            Attr("email", "Адрес электронной почты", "email", optional=True, note=_EMAIL_NOTE),
        ),
    ),
)

# ---------------------------------------------------------------------------------------------------------------
# 3.8 «Педагогический состав» (MR Table 3.8.1)

_EMPLOYEES = (
    Attr(
        "teachingStaff",
        "Педагогический работник",
        "group",
        many=True,
        note="по главному тегу на каждого работника, по каждой реализуемой программе (Таблица 3.8.2; 1353 п.4)",
        children=(
            Attr("fio", "ФИО", "text"),
            Attr("post", "Занимаемая должность (должности)", "text"),
            Attr("teachingDiscipline", "Преподаваемые учебные предметы, курсы, дисциплины (модули)", "text"),
            Attr(
                "teachingLevel",
                "Уровень образования, квалификация",
                "text",
                note="уровень (уровни) профессионального образования с направлением подготовки или специальностью",
            ),
            Attr("degree", "Ученая степень", "text", optional=True),
            Attr("academStat", "Ученое звание", "text", optional=True),
            Attr(
                "qualification",
                "Повышение квалификации",
                "text",
                optional=True,
                note="за последние 3 года; это курсы, а не квалификация по диплому",
            ),
            Attr("profDevelopment", "Профессиональная переподготовка", "text", optional=True),
            Attr(
                "specExperience",
                "Опыт работы в профессиональной сфере",
                "number",
                note="лет, в сфере, соответствующей преподаваемым предметам",
            ),
            Attr("teachingOp", "Образовательные программы, в реализации которых участвует", "text"),
        ),
    ),
)

# ---------------------------------------------------------------------------------------------------------------
# 3.9 «Материально-техническое обеспечение…» (MR Table 3.9.1) and the hostel fields shared with 3.10 (Table 3.9.4)

_OBJ_CHILDREN = (
    Attr("objName", "Наименование объекта", "text"),
    Attr("objAddress", "Адрес места нахождения", "address", note=_ADDRESS_NOTE),
    Attr("objOvz", "Приспособленность для инвалидов и лиц с ОВЗ", "text"),
)

_HOSTEL_NOTE = "в целом по организации (Таблица 3.9.4); если нет — «0», как в примере MR"

_HOSTEL_INFO = Attr("hostelInfo", "Количество общежитий", "number", optional=True, note=_HOSTEL_NOTE)
_INTER_INFO = Attr("interInfo", "Количество интернатов", "number", optional=True, note=_HOSTEL_NOTE)
_HOSTEL_NUM = Attr("hostelNum", "Количество мест в общежитиях", "number", optional=True, note=_HOSTEL_NOTE)
_HOSTEL_NUM_OVZ = Attr(
    "hostelNumOvz", "Жилые помещения в общежитии для инвалидов и лиц с ОВЗ", "number", optional=True, note=_HOSTEL_NOTE
)
_INTER_NUM = Attr("interNum", "Количество мест в интернатах", "number", optional=True, note=_HOSTEL_NOTE)
_INTER_NUM_OVZ = Attr(
    "interNumOvz", "Жилые помещения в интернате для инвалидов и лиц с ОВЗ", "number", optional=True, note=_HOSTEL_NOTE
)
_HOSTEL_INTER_OVZ = Attr(
    "hostelInterOvz", "Условия беспрепятственного доступа в общежитие, интернат", "text", optional=True
)
_LOCAL_ACT_OB_ST = Attr(
    "localActObSt",
    "Формирование платы за проживание в общежитии",
    "doc",
    optional=True,
    note="ссылка на документ или текст; если общежития нет — «нет»",
)

_OBJECTS = (
    Attr(
        "purposeCab",
        "Оборудованный учебный кабинет",
        "group",
        many=True,
        note="по главному тегу на кабинет (Таблица 3.9.2)",
        children=(
            Attr("addressCab", "Адрес места нахождения", "address", note=_ADDRESS_NOTE),
            Attr("nameCab", "Наименование кабинета", "text"),
            Attr("osnCab", "Оснащенность кабинета", "text"),
            Attr("ovzCab", "Приспособленность для инвалидов и лиц с ОВЗ", "text"),
        ),
    ),
    Attr(
        "purposePrac",
        "Объект для проведения практических занятий",
        "group",
        many=True,
        note="отдельная таблица по шаблону 3.9.2 (лаборатории, мастерские и т. п.)",
        children=(
            Attr("addressPrac", "Адрес места нахождения", "address", note=_ADDRESS_NOTE),
            Attr("namePrac", "Наименование объекта", "text"),
            Attr("osnPrac", "Оснащенность объекта", "text"),
            Attr("ovzPrac", "Приспособленность для инвалидов и лиц с ОВЗ", "text"),
        ),
    ),
    Attr(
        "purposeLibr",
        "Библиотека",
        "group",
        many=True,
        children=_OBJ_CHILDREN,
        note="по строке на объект или адрес (Таблица 3.9.3)",
    ),
    Attr(
        "purposeSport",
        "Объект спорта",
        "group",
        many=True,
        children=_OBJ_CHILDREN,
        note="по строке на объект или адрес (Таблица 3.9.3)",
    ),
    Attr("ovz", "Обеспечение доступа в здания для инвалидов и лиц с ОВЗ", "text"),
    Attr("purposeFacil", "Средства обучения и воспитания", "text"),
    Attr("purposeFacilOvz", "Средства обучения и воспитания, приспособленные для инвалидов и лиц с ОВЗ", "text"),
    Attr("comNet", "Доступ к информационным системам и сетям", "text"),
    Attr("comNetOvz", "Доступ к приспособленным информационным системам и сетям", "text"),
    Attr(
        "erList",
        "Электронные образовательные ресурсы",
        "url",
        many=True,
        note="ссылки: ЭБС и ресурсы, информационный ресурс библиотеки",
    ),
    Attr(
        "erListOvz", "Электронные ресурсы, приспособленные для инвалидов и лиц с ОВЗ", "url", optional=True, many=True
    ),
    Attr(
        "techOvz",
        "Специальные технические средства обучения коллективного и индивидуального пользования",
        "text",
        optional=True,
    ),
    _HOSTEL_INFO,
    _INTER_INFO,
    _HOSTEL_NUM,
    _HOSTEL_NUM_OVZ,
    _INTER_NUM,
    _INTER_NUM_OVZ,
    _HOSTEL_INTER_OVZ,
    _LOCAL_ACT_OB_ST,
)

# ---------------------------------------------------------------------------------------------------------------
# 3.10 «Стипендии и меры поддержки обучающихся» (MR Table 3.10.1; no hostelInterOvz there)

_GRANTS = (
    Attr(
        "grant",
        "Стипендии",
        "text",
        optional=True,
        note="текст или копии документов; если не выплачиваются — «Выплата стипендий не предусмотрена»",
    ),
    Attr("support", "Меры социальной поддержки", "text", optional=True, note="текст или копии документов"),
    _HOSTEL_INFO,
    _INTER_INFO,
    _HOSTEL_NUM,
    _HOSTEL_NUM_OVZ,
    _INTER_NUM,
    _INTER_NUM_OVZ,
    _LOCAL_ACT_OB_ST,
)

# ---------------------------------------------------------------------------------------------------------------
# 3.11 «Платные образовательные услуги» (MR Table 3.11.1)

_PAID_NONE = "если платных услуг нет — «Отсутствует»"

_PAID_EDU = (
    Attr("paidEdu", "Порядок оказания платных образовательных услуг", "doc", note=_SIGNED + "; " + _PAID_NONE),
    Attr("paidDog", "Образец договора об оказании платных образовательных услуг", "doc", note=_PAID_NONE),
    Attr(
        "paidSt",
        "Стоимость обучения по каждой образовательной программе",
        "doc",
        note="документ об утверждении стоимости; " + _SIGNED + "; " + _PAID_NONE,
    ),
    Attr(
        "paidParents",
        "Плата за присмотр и уход, содержание в интернате, группы продленного дня",
        "doc",
        optional=True,
        note="документ об установлении размера платы, взимаемой с родителей; " + _SIGNED,
    ),
)

# ---------------------------------------------------------------------------------------------------------------
# 3.12 «Финансово-хозяйственная деятельность» (MR Table 3.12.1)

_VOLUME_NOTE = "тыс. руб.; 0, если нет (Разъяснения 2024 п.11)"

_BUDGET = (
    Attr("finBFVolume", "Объем за счет федерального бюджета", "number", note=_VOLUME_NOTE),
    Attr("finBRVolume", "Объем за счет бюджета субъекта РФ", "number", note=_VOLUME_NOTE),
    Attr("finBMVolume", "Объем за счет местного бюджета", "number", note=_VOLUME_NOTE),
    Attr("finPVolume", "Объем по договорам об оказании платных услуг", "number", note=_VOLUME_NOTE),
    Attr(
        "volume",
        "Поступление и расходование финансовых и материальных средств",
        "group",
        many=True,
        note="по главному тегу на каждый отчетный год, по итогам финансового года (Таблица 3.12.3)",
        children=(
            Attr("finYear", "Год", "number"),
            Attr("finPost", "Поступившие финансовые и материальные средства", "text"),
            Attr("finRas", "Израсходованные финансовые и материальные средства", "text"),
        ),
    ),
    Attr(
        "finPlanDocLink",
        "План финансово-хозяйственной деятельности или бюджетная смета",
        "doc",
        note="электронный документ; можно добавить ссылку на страницу организации на bus.gov.ru",
    ),
)

# ---------------------------------------------------------------------------------------------------------------
# 3.13 «Вакантные места для приема (перевода) обучающихся» (MR Table 3.13.1)

_VACANT_NUM_NOTE = "число мест; 0, если нет"

_VACANT = (
    Attr(
        "vacant",
        "Вакантные места",
        "group",
        optional=True,
        many=True,
        note="по главному тегу на программу, класс и форму обучения (Таблица 3.13.2)",
        children=(
            Attr("eduCode", "Код, шифр", "text", optional=True, note=_EDU_CODE_NOTE),
            Attr("eduName", "Наименование образовательной программы", "text", optional=True),
            Attr("eduLevel", "Уровень образования", "text", optional=True),
            Attr("eduProf", "Образовательная программа, направленность, профиль", "text"),
            Attr("eduCourse", "Курс (класс)", "text", optional=True, note="для школы — класс"),
            Attr("eduForm", "Форма обучения", "text", optional=True),
            Attr(
                "numberBFVacant",
                "Вакантные места за счет федерального бюджета",
                "number",
                optional=True,
                note=_VACANT_NUM_NOTE,
            ),
            Attr(
                "numberBRVacant",
                "Вакантные места за счет бюджета субъекта РФ",
                "number",
                optional=True,
                note=_VACANT_NUM_NOTE,
            ),
            Attr(
                "numberBMVacant",
                "Вакантные места за счет местного бюджета",
                "number",
                optional=True,
                note=_VACANT_NUM_NOTE,
            ),
            Attr(
                "numberPVacant",
                "Вакантные места за счет средств физических и (или) юридических лиц",
                "number",
                optional=True,
                note=_VACANT_NUM_NOTE,
            ),
        ),
    ),
)

# ---------------------------------------------------------------------------------------------------------------
# 3.14 «Международное сотрудничество» (MR Table 3.14.1)

_INTER = (
    Attr(
        "internationalDog",
        "Договор с иностранной или международной организацией",
        "group",
        optional=True,
        many=True,
        note="заключенные и планируемые договоры; если нет — «отсутствует» в каждой ячейке первой строки",
        children=(
            Attr("stateName", "Государство", "text", optional=True),
            Attr("orgName", "Наименование организации", "text", optional=True),
            Attr(
                "dogReg", "Реквизиты договора", "text", optional=True, note="наименование, дата, номер, срок действия"
            ),
        ),
    ),
)

# ---------------------------------------------------------------------------------------------------------------
# 3.15 «Организация питания в образовательной организации» (MR Table 3.15.1)

_CATERING = (
    Attr(
        "meals",
        "Объект питания",
        "group",
        many=True,
        children=_OBJ_CHILDREN,
        note="по строке на объект или адрес (Таблица 3.15.2)",
    ),
    Attr("health", "Условия охраны здоровья обучающихся", "text", note="текст или документ"),
)

# ---------------------------------------------------------------------------------------------------------------

SUBSECTIONS: tuple[Subsection, ...] = (
    Subsection(
        slug="common",
        file="common",
        title="Основные сведения",
        order_item="п.7",
        mr_table="3.2.1",
        attributes=_COMMON,
        note="Выписка об аккредитации перенесена в «Образование» (приказ 1353).",
    ),
    Subsection(
        slug="struct",
        file="struct",
        title="Структура и органы управления образовательной организацией",
        order_item="п.8",
        mr_table="3.3.1",
        attributes=_STRUCT,
    ),
    Subsection(
        slug="document",
        file="document",
        title="Документы",
        order_item="п.9",
        mr_table="3.4.1",
        attributes=_DOCUMENT,
        note="Кроме устава и предписаний — электронные документы, подписанные электронной подписью.",
    ),
    Subsection(
        slug="education",
        file="education",
        title="Образование",
        order_item="п.10",
        mr_table="3.5.1",
        attributes=_EDUCATION,
        note="Информация по каждой образовательной программе, в том числе адаптированной.",
    ),
    Subsection(
        slug="eduStandarts",
        file="edu-standarts",
        title="Образовательные стандарты и требования",
        order_item="п.20",
        mr_table="3.6.1",
        attributes=_EDU_STANDARTS,
        note="Создается при использовании ФГОС, ФГТ или собственных стандартов и требований (1493 п.6); "
        "для школы, работающей по ФГОС, обязателен.",
    ),
    Subsection(
        slug="managers",
        file="managers",
        title="Руководство",
        order_item="п.11",
        mr_table="3.7.1",
        attributes=_MANAGERS,
    ),
    Subsection(
        slug="employees",
        file="employees",
        title="Педагогический состав",
        order_item="п.12",
        mr_table="3.8.1",
        attributes=_EMPLOYEES,
        note="С 01.03.2026 — по каждой реализуемой образовательной программе, в виде электронного документа "
        "или активных ссылок (приказ 1353 п.4).",
    ),
    Subsection(
        slug="objects",
        file="objects",
        title="Материально-техническое обеспечение и оснащенность образовательного процесса. Доступная среда",
        order_item="п.13",
        mr_table="3.9.1",
        attributes=_OBJECTS,
    ),
    Subsection(
        slug="paid_edu",
        file="paid-edu",
        title="Платные образовательные услуги",
        order_item="п.14",
        mr_table="3.11.1",
        attributes=_PAID_EDU,
        note="При отсутствии платных услуг все позиции размечаются фразой «Отсутствует».",
    ),
    Subsection(
        slug="budget",
        file="budget",
        title="Финансово-хозяйственная деятельность",
        order_item="п.15",
        mr_table="3.12.1",
        attributes=_BUDGET,
        note="Указывается тот уровень бюджета, из которого средства доводятся до организации (Разъяснения 2024).",
    ),
    Subsection(
        slug="vacant",
        file="vacant",
        title="Вакантные места для приема (перевода) обучающихся",
        order_item="п.16",
        mr_table="3.13.1",
        attributes=_VACANT,
    ),
    Subsection(
        slug="grants",
        file="grants",
        title="Стипендии и меры поддержки обучающихся",
        order_item="п.17",
        mr_table="3.10.1",
        attributes=_GRANTS,
        note="Таблица об общежитиях и интернатах (3.9.4) публикуется и здесь, и в «Материально-техническом "
        "обеспечении».",
    ),
    Subsection(
        slug="inter",
        file="inter",
        title="Международное сотрудничество",
        order_item="п.18",
        mr_table="3.14.1",
        attributes=_INTER,
    ),
    Subsection(
        slug="catering",
        file="catering",
        title="Организация питания в образовательной организации",
        order_item="п.19",
        mr_table="3.15.1",
        attributes=_CATERING,
        note="Для 1–4 классов государственных и муниципальных школ также меню горячего питания, диетическое меню, "
        "перечни организаторов питания и поставщиков, обратная связь с родителями (1493 п.19(2)); "
        "атрибутов для них MR не задает.",
    ),
)

BY_SLUG: dict[str, Subsection] = {s.slug: s for s in SUBSECTIONS}


def all_attributes(sub: Subsection) -> list[tuple[str | None, Attr]]:
    """Every attribute of the subsection in table order: (None, attr) for top-level ones, (parent itemprop, child)."""
    out: list[tuple[str | None, Attr]] = []
    for attr in sub.attributes:
        out.append((None, attr))
        out.extend((attr.name, child) for child in attr.children)
    return out


def _required(attr: Attr) -> bool:
    return attr.school and not attr.optional


def required_for_school(sub: Subsection) -> list[tuple[str | None, Attr]]:
    """Attributes a school must mark up with real content: school=True and not optional.

    A child counts only when its main tag counts too: the children of an optional group (filInfo, vacant…) or of a
    group that does not concern schools are required only once that group is published.
    """
    out: list[tuple[str | None, Attr]] = []
    for attr in sub.attributes:
        if not _required(attr):
            continue
        out.append((None, attr))
        out.extend((attr.name, child) for child in attr.children if _required(child))
    return out
