"""Word files (.docx) of the five seed plans, rebuilt from their texts with python-docx, for the import tests.

The seed texts (tests/data/seeds, extracted from the real documents) lost the Word structure; each
`*_document` function below puts it back the way a school's file has it: the title, approval and goals
as paragraphs; the plan as a table with a header row; a «Задачи» cell merged down over the rows of its
task (vMerge); section rows merged across the table (gridSpan); cells of several paragraphs, with
empty paragraphs where the text shows blank lines; a row broken by a page (two lines of the extraction)
as the one row it is in Word. Only structure is restored, never words: every text comes from the seed.

`write_docx` is deterministic (fixed zip timestamps and order), so a test builds the files into tmp.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.table import Table as DocxTable

SEEDS = Path(__file__).resolve().parent / "data" / "seeds"


@dataclass
class Cell:
    paragraphs: list[str]
    span: int = 1  # grid columns the cell covers (gridSpan)
    merged_up: bool = False  # continues the cell above (vMerge): its own text must be empty


@dataclass
class Table:
    columns: int
    rows: list[list[Cell]]
    header_rows: int = 1  # repeated on every page (w:tblHeader)
    extra_cells: dict[int, list[str]] = field(default_factory=dict)  # row → texts of cells beyond the grid


@dataclass
class Para:
    text: str  # "\n" is a line break inside the paragraph
    bold: bool = False
    style: str | None = None


Block = Para | Table


def cell(*paragraphs: str, span: int = 1, merged_up: bool = False) -> Cell:
    return Cell(list(paragraphs) or [""], span, merged_up)


# ---------------------------------------------------------------- writing


def write_docx(blocks: list[Block], path: Path) -> Path:
    """Write the blocks as a Word document; the same blocks always give the same bytes."""
    document = Document()
    document.core_properties.author = "Око"
    for block in blocks:
        if isinstance(block, Para):
            _add_paragraph(document, block)
        else:
            _add_table(document, block)
    raw = io.BytesIO()
    document.save(raw)
    path.write_bytes(_stable_zip(raw.getvalue()))
    return path


def _add_paragraph(document, block: Para) -> None:
    paragraph = document.add_paragraph(style=block.style)
    for index, line in enumerate(block.text.split("\n")):
        run = paragraph.add_run()
        run.bold = block.bold or None
        if index:
            run.add_break()  # a line break inside the paragraph (Shift+Enter)
        run.add_text(line)


def _add_table(document, block: Table) -> None:
    table = document.add_table(rows=len(block.rows), cols=block.columns)
    table.style = "Table Grid"
    for r, row in enumerate(block.rows):
        if r < block.header_rows:
            tr_pr = table.rows[r]._tr.get_or_add_trPr()
            tr_pr.append(OxmlElement("w:tblHeader"))
        column = 0
        for item in row:
            target = table.cell(r, column)
            if item.span > 1:
                target = target.merge(table.cell(r, column + item.span - 1))
            if not item.merged_up:
                _fill(target, item.paragraphs, bold=r < block.header_rows)
            column += item.span
        assert column == block.columns, f"row {r + 1} covers {column} of {block.columns} columns"
    _merge_down(table, block)
    for r, texts in block.extra_cells.items():
        for text in texts:
            table.rows[r]._tr.append(_bare_cell(text))


def _fill(target, paragraphs: list[str], bold: bool) -> None:
    first, *rest = paragraphs
    target.paragraphs[0].add_run(first).bold = bold or None
    for text in rest:
        target.add_paragraph().add_run(text).bold = bold or None


def _merge_down(table: DocxTable, block: Table) -> None:
    """Merge each run of merged_up cells into the cell above it (python-docx writes the vMerge marks)."""
    starts: dict[int, int] = {}
    for r, row in enumerate(block.rows):
        column = 0
        for item in row:
            if item.merged_up:
                origin = starts.setdefault(column, r - 1)
                table.cell(origin, column).merge(table.cell(r, column))
            else:
                starts.pop(column, None)
            column += item.span


def _bare_cell(text: str):
    """A <w:tc> appended past the table grid, as a hand-edited or converted file may have."""
    tc = OxmlElement("w:tc")
    paragraph = OxmlElement("w:p")
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    paragraph.append(run)
    tc.append(paragraph)
    return tc


def _stable_zip(data: bytes) -> bytes:
    """The same zip with fixed member timestamps (python-docx stamps the current time)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            stamped = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0))
            stamped.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(stamped, source.read(info.filename))
    return out.getvalue()


# ---------------------------------------------------------------- reading the seed texts


def _text(seed: str) -> list[str]:
    return (SEEDS / seed).read_text(encoding="utf-8").split("\n")


def _paragraphs(lines: list[str]) -> list[Para]:
    """Lines before the table: one paragraph each (blank ones too); **…** spans are bold, one paragraph."""
    blocks: list[Para] = []
    bold: list[str] | None = None
    for line in lines:
        if bold is not None:
            bold.append(line.rstrip("*"))
            if line.endswith("**"):
                blocks.append(Para("\n".join(bold), bold=True))
                bold = None
        elif line.startswith("**"):
            bold = [line.strip("*")]
            if line.endswith("**") and len(line) > 2:
                blocks.append(Para(bold[0], bold=True))
                bold = None
        else:
            blocks.append(Para(line.strip()))
    return blocks


def _tab_cells(lines: list[str]) -> list[list[str]]:
    """The «one cell per tab-led block» extraction (seeds 000, 003): each cell as its lines."""
    cells: list[list[str]] = []
    for line in lines:
        if line.startswith("\t"):
            cells.append([line[1:]])
        elif cells:
            cells[-1].append(line)
    return cells


def _cell_paragraphs(lines: list[str]) -> list[str]:
    """Wrapped lines of one paragraph join; a blank line is an empty paragraph; «·» starts a new one."""
    paragraphs: list[str] = []
    joined = False
    for line in lines:
        if not line.strip():
            paragraphs.append("")
            joined = False
        elif joined and not line.lstrip().startswith("·"):
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
            joined = True
    while len(paragraphs) > 1 and not paragraphs[-1]:
        paragraphs.pop()
    return paragraphs or [""]


_LIST_BREAK = re.compile(r"(?<=[:;]) (?=-)")  # «…в части: -наличия …; - наличие …»: list lines the extraction joined


def _field(text: str) -> list[str]:
    """A cell of the tab-separated extraction (seeds 001, 002, 004): <p> marks dropped, list lines split."""
    text = re.sub(r"</?p>", "", text).strip()
    return _LIST_BREAK.split(text) if text else [""]


def kirov_document() -> list[Block]:
    """Seed 000: a «Задачи» column whose single cell is merged down over all ten rows."""
    lines = _text("000_1b46dee83653e84f.txt")
    start = next(i for i, line in enumerate(lines) if line.startswith("\t"))
    blocks: list[Block] = list(_paragraphs(lines[:start]))
    cells = [_cell_paragraphs(c) for c in _tab_cells(lines[start:])]
    rows = [[cell(*c) for c in cells[i:i + 5]] for i in range(0, len(cells), 5)]
    for row in rows[2:]:
        assert row[0].paragraphs == [""]
        row[0] = cell(merged_up=True)
    blocks.append(Table(5, rows))
    return blocks


def kozulsky_document() -> list[Block]:
    """Seed 001: a flat numbered table; rows 2, 6 and 15 broken by a page are one row each."""
    lines = _text("001_2d3a5e9efdd8d467.txt")
    start = next(i for i, line in enumerate(lines) if line.startswith("№\t"))
    blocks: list[Block] = list(_paragraphs(lines[:start]))
    rows: list[list[str]] = [lines[start].split("\t")]
    for line in lines[start + 1:]:
        fields = line.split("\t")
        if not line.strip() or set(line) <= {"-", "\t"}:
            continue  # blank lines and the closing border line of the extraction
        if re.fullmatch(r"\d+", fields[0].strip()):
            rows.append(fields)
            continue
        tail = fields[1:] if len(fields) == 5 else fields  # the continuation of the row above
        for index, text in enumerate(tail, start=1):
            rows[-1][index] = " ".join(part for part in (rows[-1][index].strip(), _strip_p(text)) if part)
    blocks.append(Table(5, [[cell(*_field(text)) for text in row] for row in rows]))
    return blocks


def _strip_p(text: str) -> str:
    return re.sub(r"</?p>", "", text).strip()


def ooosh_document() -> list[Block]:
    """Seed 002: section rows merged across all five columns; section 5 is a heading over a second table."""
    lines = _text("002_303b99e2fb7846fa.txt")
    start = next(i for i, line in enumerate(lines) if line.startswith("№ п/п\t"))
    blocks: list[Block] = list(_paragraphs(lines[:start]))
    table = Table(5, [[cell(*_field(text)) for text in lines[start].split("\t")]])
    for line in lines[start + 1:]:
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) == 1:  # «5. Информационное сопровождение ВПР»: a paragraph, then the table goes on
            blocks += [table, Para(""), Para(line.strip(), bold=True)]
            table = Table(5, [], header_rows=0)
        elif not any(text.strip() for text in fields[1:]):
            table.rows.append([cell(fields[0].strip(), span=5)])
        else:
            table.rows.append([cell(*_field(text)) for text in fields])
    blocks.append(table)
    return blocks


def zato_document() -> list[Block]:
    """Seed 003: «1.» section rows (number, then one cell merged over three columns); item 1.2's
    deadline and responsible cells are merged with item 1.1's (vMerge)."""
    lines = _text("003_def04c68095e5e08.txt")
    start = next(i for i, line in enumerate(lines) if line.startswith("\t"))
    blocks: list[Block] = list(_paragraphs(lines[:start]))
    cells = [_cell_paragraphs(c) for c in _tab_cells(lines[start:])]
    rows: list[list[list[str]]] = [cells[:4]]
    for paragraphs in cells[4:]:
        if re.fullmatch(r"\d+\.?", "".join(paragraphs).strip()):
            rows.append([])
        rows[-1].append(paragraphs)
    table = Table(4, [])
    for row in rows:
        if len(row) == 2:  # a section: its number, then its title across the other columns
            table.rows.append([cell(*row[0]), cell(*row[1], span=3)])
            continue
        empty = [not "".join(paragraphs).strip() for paragraphs in row]
        table.rows.append([cell(merged_up=True) if blank and index >= 2 else cell(*paragraphs)
                           for index, (paragraphs, blank) in enumerate(zip(row, empty, strict=True))])
    blocks.append(table)
    return blocks


def sosnovoborsk_document() -> list[Block]:
    """Seed 004: a flat four-column table under a bold two-line title."""
    lines = _text("004_b45c7c4d18fe2275.txt")
    start = next(i for i, line in enumerate(lines) if line.startswith("№ п/п\t"))
    blocks: list[Block] = list(_paragraphs(lines[:start]))
    rows = [line.split("\t") for line in lines[start:] if line.strip()]
    blocks.append(Table(4, [[cell(*_field(text)) for text in row] for row in rows]))
    return blocks


SEED_DOCUMENTS = {
    "kirov-sosh-34-2023-2024": kirov_document,
    "kozulsky-uo-2022-2023": kozulsky_document,
    "ooosh-9-2023-2024": ooosh_document,
    "zato-solnechny-2022-2023": zato_document,
    "sosnovoborsk-ko-2020-2021": sosnovoborsk_document,
}


def build_seed_docx(plan_id: str, folder: Path) -> Path:
    """The Word file of one seed plan, written into folder as <plan_id>.docx."""
    return write_docx(SEED_DOCUMENTS[plan_id](), folder / f"{plan_id}.docx")
