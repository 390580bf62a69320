"""A small streaming XLSX writer: sheet 'data' (bold header, frozen, filtered) and sheet 'about'.

Rows arrive as XML fragments made once per row (see `row_xml`) with NUL where the row number goes, so
the same fragment serves every workbook that holds the row. The zip has fixed entry dates and attributes,
so the same input gives the same bytes. Strings are inline strings (never formulas), dates are numbers
with the style 'yyyy-mm-dd', whole numbers stay numbers: what openpyxl reads back as str, datetime, int.
"""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime

from markupsafe import escape
from openpyxl.utils import get_column_letter

NUMBER = "\x00"  # stands for the row number inside a row fragment
ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # not allowed in XML 1.0: shown as U+FFFD
# Characters that send a row the careful way: the illegal ones and every white space but ' ' (str.isspace).
CAREFUL = re.compile("[\x01-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
LEVEL = 3  # deflate level: a third of the time of the default 6 on sheet XML; files about 15% larger
EXCEL_EPOCH = date(1899, 12, 30).toordinal()
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
BOLD, DAY = 1, 2  # cellXfs of styles.xml

CONTENT_TYPES = HEAD + (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    + "".join(f'<Override PartName="/xl/worksheets/sheet{n}.xml" '
              'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
              for n in (1, 2)) +
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    '<Override PartName="/docProps/core.xml" '
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>')
ROOT_RELS = HEAD + (
    f'<Relationships xmlns="{PKG_REL}">'
    f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
    'core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{REL}/extended-properties" Target="docProps/app.xml"/></Relationships>')
WORKBOOK_RELS = HEAD + (
    f'<Relationships xmlns="{PKG_REL}">'
    f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{REL}/worksheet" Target="worksheets/sheet2.xml"/>'
    f'<Relationship Id="rId3" Type="{REL}/styles" Target="styles.xml"/></Relationships>')
APP = HEAD + ('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
              '<Application>Microsoft Excel</Application></Properties>')
STYLES = HEAD + (
    f'<styleSheet xmlns="{MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')
MARGINS = '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>'


def escaped(value: str) -> str:
    """Markup escaped for XML text, quotes as written (text needs no quote escapes; the bytes stay as they were)."""
    return str(escape(value)).replace("&#39;", "'").replace("&#34;", '"')


def text(value: str) -> str:
    """A string as XML text: illegal characters replaced, markup escaped."""
    return escaped(ILLEGAL.sub("\ufffd", value))


def string_cell(ref: str, value: str, style: str = "") -> str:
    if not value:
        return f'<c r="{ref}"{style} t="inlineStr"/>'  # an empty text cell, as openpyxl writes it
    space = ' xml:space="preserve"' if value != value.strip() else ""
    return f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{text(value)}</t></is></c>'


def _value_cell(ref: str, value) -> str:
    kind = value.__class__
    if kind is int:
        return f'<c r="{ref}"><v>{value}</v></c>'
    if kind is float:
        return f'<c r="{ref}"><v>{int(value) if value.is_integer() else value!r}</v></c>'
    if isinstance(value, date) and not isinstance(value, datetime):
        return f'<c r="{ref}" s="{DAY}"><v>{value.toordinal() - EXCEL_EPOCH}</v></c>'
    raise TypeError(f"no XLSX cell for {value!r}")


def row_xml(letters: list[str], values) -> str:
    """One row of cells with NUL for its number; None leaves the cell out.

    The row's strings are checked and escaped together (a few calls per row instead of per cell); a row
    with an illegal character, white space other than ' ', or text starting or ending with ' ' takes the
    cell-by-cell way.
    """
    strings = [v for v in values if v.__class__ is str]
    joined = NUMBER.join(strings)
    if (CAREFUL.search(joined) or joined.count(NUMBER) != max(len(strings) - 1, 0) or joined[:1] == " "
            or joined[-1:] == " " or NUMBER + " " in joined or " " + NUMBER in joined):
        return _careful_row(letters, values)
    texts = iter(escaped(joined).split(NUMBER))
    cells = []
    for letter, value in zip(letters, values):
        if value is None:
            continue
        if value.__class__ is str:
            value = next(texts)
            cells.append(f'<c r="{letter}{NUMBER}" t="inlineStr"><is><t>{value}</t></is></c>' if value
                         else f'<c r="{letter}{NUMBER}" t="inlineStr"/>')
        else:
            cells.append(_value_cell(letter + NUMBER, value))
    return f'<row r="{NUMBER}">{"".join(cells)}</row>'


def _careful_row(letters: list[str], values) -> str:
    cells = [string_cell(letter + NUMBER, value) if value.__class__ is str else _value_cell(letter + NUMBER, value)
             for letter, value in zip(letters, values) if value is not None]
    return f'<row r="{NUMBER}">{"".join(cells)}</row>'


def _sheet(top: str, rows: str, tail: str = "") -> str:
    return f'{HEAD}<worksheet xmlns="{MAIN}">{top}<sheetData>{rows}</sheetData>{tail}{MARGINS}</worksheet>'


def _cols(widths) -> str:
    return "<cols>" + "".join(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
                              for i, w in enumerate(widths, start=1)) + "</cols>"


def _core(title: str, creator: str, stamp: datetime) -> str:
    when = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    return HEAD + (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f'<dc:creator>{text(creator)}</dc:creator><dc:title>{text(title)}</dc:title>'
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified></cp:coreProperties>')


def _workbook(last: str) -> str:
    return HEAD + (
        f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><bookViews><workbookView activeTab="0"/></bookViews>'
        '<sheets><sheet name="data" sheetId="1" r:id="rId1"/><sheet name="about" sheetId="2" r:id="rId2"/>'
        '</sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
        f"'data'!$A$1:${last}</definedName></definedNames>"
        '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>')


def _about(lines) -> str:
    rows = []
    for n, (key, value) in enumerate(lines, start=1):
        cells = "".join(string_cell(f"{letter}{n}", v) for letter, v in zip("AB", (key, value)))
        rows.append(f'<row r="{n}">{cells}</row>')
    return _sheet('<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>'
                  + _cols((22, 100)), "".join(rows))


class Workbook:
    """Write one workbook to `path`: open it, `add` row fragments in order, then `close`."""

    def __init__(self, path, names: list[str], widths: list[int], count: int, about, stamp: datetime,
                 title: str, creator: str):
        self.when = (stamp.year, stamp.month, stamp.day, 0, 0, 0)
        self.zip = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED)
        last = f"{get_column_letter(len(names))}{count + 1}"
        for name, body in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS),
                           ("docProps/app.xml", APP), ("docProps/core.xml", _core(title, creator, stamp)),
                           ("xl/workbook.xml", _workbook(_dollar(last))),
                           ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS), ("xl/styles.xml", STYLES),
                           ("xl/worksheets/sheet2.xml", _about(about))):
            self.zip.writestr(self._info(name), body.encode("utf-8"))
        head = "".join(string_cell(f"{get_column_letter(i)}1", name, f' s="{BOLD}"')
                       for i, name in enumerate(names, start=1))
        top = (f'<dimension ref="A1:{last}"/><sheetViews><sheetView workbookViewId="0">'
               '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
               '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
               f'<sheetFormatPr defaultRowHeight="15"/>{_cols(widths)}')
        self.head, self.tail = _sheet(top, f'<row r="1">{head}</row>' + "\x01",
                                      f'<autoFilter ref="A1:{last}"/>').split("\x01")
        self.sheet = self.zip.open(self._info("xl/worksheets/sheet1.xml"), "w")
        self.sheet.write(self.head.encode("utf-8"))
        self.number = 1

    def _info(self, name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=self.when)
        info.compress_type = zipfile.ZIP_DEFLATED
        if hasattr(info, "compress_level"):  # Python 3.13 and later
            info.compress_level = LEVEL
        else:  # ZipFile.open(info, "w") takes the level only from the ZipInfo
            info._compresslevel = LEVEL
        info.create_system = 0
        info.external_attr = 0o600 << 16
        return info

    def add(self, rows: list[list[str]]) -> None:
        """Append rows, numbered on: each row_xml() split at NUMBER (see encode.xlsx_rows)."""
        first = self.number + 1
        self.number += len(rows)
        numbered = [str(n).join(parts) for n, parts in zip(range(first, self.number + 1), rows)]
        self.sheet.write("".join(numbered).encode("utf-8"))

    def close(self) -> None:
        self.sheet.write(self.tail.encode("utf-8"))
        self.sheet.close()
        self.zip.close()


def _dollar(ref: str) -> str:
    """'Y101' -> 'Y$101' (the column's $ is added by the caller)."""
    letters = ref.rstrip("0123456789")
    return f"{letters}${ref[len(letters):]}"
