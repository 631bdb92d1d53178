"""Exports of the follow-up as an Excel workbook (openpyxl) or as CSV files, sheet by sheet.

openpyxl lays out the workbook and the rows are streamed into it, so a large register is
never held in memory as cell objects. Text is always written as text: a value starting
with "=" stays a value and never becomes a formula, in Excel and in CSV alike.
"""

from __future__ import annotations

import csv
import io
import math
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO

Cell = str | int | float | date | datetime | None
SHEET_TITLE_MAX = 31
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
WIDTH_MIN = 8
WIDTH_MAX = 60


@dataclass(frozen=True)
class Sheet:
    """One sheet (or CSV file): a title, column headers and the rows, possibly streamed."""

    title: str
    headers: Sequence[str]
    rows: Iterable[Sequence[Cell]]
    widths: Sequence[int] = ()


def sheet_title(title: str) -> str:
    """Return a title Excel accepts: at most 31 characters, none of []:*?/\\."""
    return re.sub(r"[\[\]:*?/\\]", "-", title)[:SHEET_TITLE_MAX] or "Blad"


def write_xlsx(sheets: Iterable[Sheet], stream: IO[bytes]) -> None:
    """Write the sheets as an Excel workbook to stream; datetimes are written as given.

    openpyxl builds the workbook: sheets, column widths, the bold and frozen header row, an
    autofilter on the header row and the date styles. The rows are then streamed into each
    sheet's XML by `_rows_xml`, since openpyxl's pure-Python XML writer needs more than a
    second per 100,000 cells; the streamed cells use the very styles openpyxl registered, and
    each filter is stretched over the rows written.
    """
    # openpyxl (and numpy, which it imports) loads only when a workbook is written: it is
    # about 30 MB that a web process would otherwise carry for an export now and then.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    listed = list(sheets)
    template = Workbook(write_only=True)
    bold = Font(bold=True)
    for sheet in listed:
        worksheet = template.create_sheet(sheet_title(sheet.title))
        widths = list(sheet.widths) or [
            max(WIDTH_MIN, min(len(h) + 2, WIDTH_MAX)) for h in sheet.headers
        ]
        for index, width in enumerate(widths):
            worksheet.column_dimensions[column_letter(index)].width = width
        worksheet.freeze_panes = "A2"
        if sheet.headers:
            worksheet.auto_filter.ref = f"A1:{column_letter(len(sheet.headers) - 1)}1"
        header_cells = []
        for header in sheet.headers:
            cell = WriteOnlyCell(worksheet, value=header)
            cell.font = bold
            header_cells.append(cell)
        worksheet.append(header_cells)
        moment = WriteOnlyCell(worksheet, value=datetime(2000, 1, 1))  # noqa: DTZ001
        moment.number_format = DATETIME_FORMAT
        day = WriteOnlyCell(worksheet, value=date(2000, 1, 1))
        day.number_format = DATE_FORMAT
        worksheet.append([moment, day])  # a probe of the date styles, replaced by the rows
    shell = io.BytesIO()
    template.save(shell)
    with (
        zipfile.ZipFile(shell) as source,
        zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target,
    ):
        filled: dict[str, bytes] = {}
        last_rows: dict[int, int] = {}
        for item in source.infolist():
            match = _SHEET_FILE.fullmatch(item.filename)
            if match is not None:
                index = int(match.group(1)) - 1
                xml, last_rows[index] = _fill(source.read(item.filename).decode(), listed[index])
                filled[item.filename] = xml.encode()
        for item in source.infolist():
            data = filled.get(item.filename) or source.read(item.filename)
            if item.filename == _WORKBOOK_FILE:
                data = _stretch_filter_names(data.decode(), last_rows).encode()
            target.writestr(item.filename, data)


_SHEET_FILE = re.compile(r"xl/worksheets/sheet(\d+)\.xml")
_WORKBOOK_FILE = "xl/workbook.xml"
_FILTER = re.compile(r'<autoFilter ref="A1:([A-Z]+)1"')
_FILTER_NAME = re.compile(
    r'<definedName name="_xlnm\._FilterDatabase" localSheetId="(\d+)"[^>]*>[^<]*\$[A-Z]+\$(1)'
)
_PROBE = re.compile(r'<row r="2">(.*?)</row>', re.DOTALL)
_STYLE = re.compile(r'<c r="([A-Z]+)2"[^>]*?\bs="(\d+)"')
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
DATE_FORMAT = "yyyy-mm-dd"
CELL_TEXT_MAX = 32767
_EPOCH = datetime(1899, 12, 30)  # noqa: DTZ001 - Excel's day zero


def _fill(xml: str, sheet: Sheet) -> tuple[str, int]:
    """Replace a sheet's style probe row with the sheet's rows; return it and its last row.

    The header's autofilter is stretched down to the last row written.
    """
    probe = _PROBE.search(xml)
    if probe is None:
        raise ValueError("the sheet has no style probe row")
    styles = dict(_STYLE.findall(probe.group(0)))
    rows, last = _rows_xml(sheet.rows, styles.get("A", "0"), styles.get("B", "0"))
    xml = xml[: probe.start()] + rows + xml[probe.end() :]
    return _FILTER.sub(lambda m: f'<autoFilter ref="A1:{m.group(1)}{last}"', xml, 1), last


def _stretch_filter_names(xml: str, last_rows: dict[int, int]) -> str:
    """Stretch each sheet's hidden filter range (workbook.xml) to its last row, as Excel does."""

    def stretched(match: re.Match[str]) -> str:
        last = last_rows.get(int(match.group(1)), 1)
        return f"{match.group(0)[: -len(match.group(2))]}{last}"

    return _FILTER_NAME.sub(stretched, xml)


def _rows_xml(
    rows: Iterable[Sequence[Cell]], moment_style: str, day_style: str
) -> tuple[str, int]:
    """Return the rows as SpreadsheetML from row 2 on, and the last row's number (1: none).

    Text is written inline and dates as serial numbers. This loop runs once per cell of the
    whole register, so it is written for speed.
    """
    parts: list[str] = []
    append = parts.append
    letters: list[str] = []
    epoch, epoch_day = _EPOCH, _EPOCH.date()
    number = 1
    for number, row in enumerate(rows, start=2):
        while len(letters) < len(row):
            letters.append(column_letter(len(letters)))
        append(f'<row r="{number}">')
        for letter, value in zip(letters, row, strict=False):
            if value is None:
                continue
            if isinstance(value, str):
                text = value[:CELL_TEXT_MAX]
                if _BAD_XML.search(text):
                    text = _BAD_XML.sub("", text)
                text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                append(
                    f'<c r="{letter}{number}" t="inlineStr"><is><t xml:space="preserve">'
                    f"{text}</t></is></c>"
                )
            elif isinstance(value, bool):
                append(f'<c r="{letter}{number}" t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, datetime):
                serial = (value.replace(tzinfo=None) - epoch).total_seconds() / 86400
                append(f'<c r="{letter}{number}" s="{moment_style}"><v>{serial:.8f}</v></c>')
            elif isinstance(value, date):
                day = (value - epoch_day).days
                append(f'<c r="{letter}{number}" s="{day_style}"><v>{day}</v></c>')
            elif isinstance(value, int) or math.isfinite(value):
                append(f'<c r="{letter}{number}"><v>{value!r}</v></c>')
        append("</row>")
    return "".join(parts), number


def column_letter(index: int) -> str:
    """Return the column letters of a zero-based column index (0 is A, 26 is AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def xlsx_bytes(sheets: Iterable[Sheet]) -> bytes:
    """Return the sheets as the bytes of an Excel workbook."""
    buffer = io.BytesIO()
    write_xlsx(sheets, buffer)
    return buffer.getvalue()


def csv_text(value: Cell) -> str:
    """Return a value as CSV text; text that a spreadsheet would run as a formula is quoted."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return "'" + value if value.startswith(FORMULA_START) else value
    return str(value)


def file_name(title: str) -> str:
    """Return an ascii file name for a sheet title."""
    folded = title.casefold().translate(str.maketrans("åäöéü", "aaoeu"))
    return (re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "blad") + ".csv"


def write_csv(sheets: Iterable[Sheet], directory: Path) -> list[Path]:
    """Write each sheet as a UTF-8 CSV file (with BOM, for Excel) in directory."""
    directory.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for sheet in sheets:
        path = directory / file_name(sheet.title)
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(sheet.headers)
            for row in sheet.rows:
                writer.writerow([csv_text(value) for value in row])
        written.append(path)
    return written
