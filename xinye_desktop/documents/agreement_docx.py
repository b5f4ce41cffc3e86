"""人民调解协议书 as an editable Word (.docx) copy: the same content, in the same order, as the PDF.

The mediator may want to adjust the layout or wording for the parties before they sign, or send the
text on; the archived version stays the printed PDF with its verification code (every page's footer
says so). The sentences come from ``documents.agreement`` and ``documents.text`` (one wording for both
files): title, 编号, one block per party, the facts, the numbered clauses, who took part, the
copies-and-effect sentence, any warning in a box, the signature lines with a fingerprint box, the seal
and the date. The footer of every page carries the 编号, the verification code, 第X页 共Y页 (PAGE and
NUMPAGES fields, so Word keeps them right after an edit) and the editable-copy note. No QR code: this
copy is not what it vouches for.

Fonts: the text is set in 宋体 (SimSun, what Word, WPS and LibreOffice on a village PC substitute best;
``w:eastAsia`` on every run, so an East Asian font is used whatever the Latin font is); a run of
characters beyond the BMP (CJK Extension B and later: 𠈌 in a name) is set in HanaMinB, as
``fonts.markup`` does in the PDF, and the file embeds that font cut to the characters it uses
(``docx_fonts``): Word and LibreOffice print them from it on any PC. The font table gives SimSun-ExtB,
the font Windows (Vista to 11) has for them, as its alternative, for an editor that ignores embedded
fonts. A character the bundled font lacks (Ext. E and later) is set in SimSun-ExtB itself.

Line breaking: Chinese rules (避头尾) apply. LibreOffice lets a full-width comma that may not start a
line hang past the right margin instead (the printed line then runs past the margin the PDF keeps)
unless ``w:overflowPunct`` is on: it reads that element inverted (from 7.4 to today: val 1 -> no hanging
punctuation; its own export writes it the other way). For Word, on is its default for Chinese text,
so the explicit element changes nothing there.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from ..domain.enums import PartyKind
from .agreement import (
    AGREED_HEADING, FACTS_HEADING, PARTIES_SIGN_HEADING, TITLE, AgreementDocument, clause_paragraphs, copies_text,
    participants_paragraphs,
)
from .docx_fonts import EMBEDDED_FONT, embeddable_subset, embeds, font_key, obfuscate
from .signatures import (
    FINGERPRINT, FINGERPRINT_MM, MEDIATORS_SIGN_HEADING, RECORDER_SIGN_HEADING, SEAL_TEXT, WITNESSES_SIGN_HEADING,
)
from .text import committee_text, date_text, inline_text, party_fields, text_lines
from .writer import MARGIN_MM

EAST_ASIAN_FONT = "宋体"  # SimSun: its name as Chinese Word writes it; the font table gives "SimSun" too
EAST_ASIAN_ALT = "SimSun"
LATIN_FONT = "Times New Roman"
RARE_FONT = EMBEDDED_FONT  # HanaMinB: CJK Ext. B-D, embedded
WINDOWS_RARE_FONT = "SimSun-ExtB"  # Windows' font for Ext. B: the embedded font's alternative, and the font
#                                    of a rare character the embedded one lacks
EDITABLE_NOTE = "本文件为可编辑的Word副本，不作存档；以打印并带核验码的PDF协议书为准。"
NO_CODE = "（草稿，尚未打印，无核验码）"
SEAL_PLACE = "（盖章）"  # an organisation's signing place: its seal, not a fingerprint
SHADE = "F0F0F0"
GREY = (0x59, 0x59, 0x59)
RARE_PANOSE = "02010609060101010101"  # SimSun-ExtB's, also given for HanaMinB: a substitute should be alike

BODY_PT = 11.5
BODY_LINE_PT = 21  # the PDF's leading


# ---------------------------------------------------------------- the document

def build_agreement_docx(doc: AgreementDocument, target: Path) -> Path:
    """Write ``doc`` as an A4 .docx at ``target`` (atomically: a failed build leaves any old file as it
    was); return ``target``."""
    import docx

    document = docx.Document()
    writer = _DocxWriter(document)
    writer.setup(doc)
    writer.body(doc)
    writer.footer(doc)
    writer.embed_rare_font()

    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    try:
        document.save(str(tmp))
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


def text_runs(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into runs, each flagged True when it is made of characters beyond the BMP (张𠈌华 →
    [("张", False), ("𠈌", True), ("华", False)]): those are set in the Ext. B font."""
    out: list[tuple[str, bool]] = []
    for ch in text or "":
        rare = ord(ch) > 0xFFFF
        if out and out[-1][1] == rare:
            out[-1] = (out[-1][0] + ch, rare)
        else:
            out.append((ch, rare))
    return out


class _DocxWriter:
    """The agreement's parts, in the order of the MOJ form, written into a python-docx Document."""

    def __init__(self, document):
        from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
        from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Mm, Pt, RGBColor, Twips

        self.document = document
        self.Mm, self.Pt, self.Twips, self.RGBColor = Mm, Pt, Twips, RGBColor
        self.qn, self.OxmlElement = qn, OxmlElement
        self.align = WD_ALIGN_PARAGRAPH
        self.spacing_rule = WD_LINE_SPACING
        self.valign = WD_CELL_VERTICAL_ALIGNMENT
        self.height_rule = WD_ROW_HEIGHT_RULE
        self.width_mm = 210 - 2 * MARGIN_MM
        self.rare_text: set[str] = set()  # characters set in the Ext. B font, for the embedded subset

    # ---- page, defaults, fonts

    def setup(self, doc: AgreementDocument) -> None:
        Mm = self.Mm
        section = self.document.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(MARGIN_MM)
        section.top_margin, section.bottom_margin = Mm(18), Mm(28)
        section.header_distance, section.footer_distance = Mm(10), Mm(8)
        self._defaults()
        self._font_table()
        props = self.document.core_properties
        parties = doc.case.parties
        props.title = f"{TITLE} {doc.number}"
        props.author = props.last_modified_by = committee_text(doc)
        props.subject = "、".join(p.name for p in parties[:3]) + ("等" if len(parties) > 3 else "")
        props.language = "zh-CN"
        props.comments = EDITABLE_NOTE
        props.keywords = doc.code or ""

    def _defaults(self) -> None:
        """The document defaults: 宋体 for East Asian text, Chinese as the East Asian language (Word's
        line-breaking rules for 避头尾), no space after paragraphs, the body size."""
        qn = self.qn
        styles = self.document.styles.element
        rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        fonts = rpr.find(qn("w:rFonts"))
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)
        self._set_fonts(fonts, EAST_ASIAN_FONT)
        for tag, value in (("w:sz", str(round(BODY_PT * 2))), ("w:szCs", str(round(BODY_PT * 2)))):
            rpr.find(qn(tag)).set(qn("w:val"), value)
        rpr.find(qn("w:lang")).set(qn("w:eastAsia"), "zh-CN")
        spacing = styles.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
        spacing.set(qn("w:after"), "0")
        # LibreOffice: no hanging punctuation, every line ends inside the margin (the module's docstring)
        p_pr = spacing.getparent()
        overflow = self.OxmlElement("w:overflowPunct")
        overflow.set(qn("w:val"), "1")
        p_pr.insert(list(p_pr).index(spacing), overflow)
        normal = self.document.styles["Normal"]
        normal.font.size = self.Pt(BODY_PT)
        self._set_fonts(normal.element.get_or_add_rPr().get_or_add_rFonts(), EAST_ASIAN_FONT)

    def _font_table(self) -> None:
        """Name 宋体 (alias SimSun) and SimSun-ExtB in the font table, with the GB2312 character set, so
        an editor without them substitutes a Chinese font rather than a Latin one. (HanaMinB, when rare
        characters use it, is added with the embedded font: ``embed_rare_font``.)"""
        from lxml import etree

        part = next(p for p in self.document.part.package.iter_parts() if p.partname == "/word/fontTable.xml")
        root = etree.fromstring(part.blob)
        w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        for name, alt, panose in ((EAST_ASIAN_FONT, EAST_ASIAN_ALT, "02010600030101010101"),
                                  (WINDOWS_RARE_FONT, "", RARE_PANOSE)):
            font = etree.SubElement(root, f"{{{w}}}font", {f"{{{w}}}name": name})
            if alt:
                etree.SubElement(font, f"{{{w}}}altName", {f"{{{w}}}val": alt})
            etree.SubElement(font, f"{{{w}}}panose1", {f"{{{w}}}val": panose})
            etree.SubElement(font, f"{{{w}}}charset", {f"{{{w}}}val": "86"})
            etree.SubElement(font, f"{{{w}}}family", {f"{{{w}}}val": "roman" if not alt else "auto"})
            etree.SubElement(font, f"{{{w}}}pitch", {f"{{{w}}}val": "variable"})
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    def embed_rare_font(self) -> None:
        """Name HanaMinB in the font table, with SimSun-ExtB as its alternative, and embed it cut to the
        document's rare characters (nothing when no run uses it)."""
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from docx.opc.packuri import PackURI
        from docx.opc.part import Part
        from lxml import etree

        if not self.rare_text:
            return
        table = next(p for p in self.document.part.package.iter_parts() if p.partname == "/word/fontTable.xml")
        root = etree.fromstring(table.blob)
        w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        entry = etree.SubElement(root, f"{{{w}}}font", {f"{{{w}}}name": RARE_FONT})
        for tag, value in (("altName", WINDOWS_RARE_FONT), ("panose1", RARE_PANOSE), ("charset", "86"),
                           ("family", "roman"), ("pitch", "variable")):
            etree.SubElement(entry, f"{{{w}}}{tag}", {f"{{{w}}}val": value})
        font = embeddable_subset("".join(sorted(self.rare_text)))
        if font is not None:
            key = uuid.uuid4()
            data = Part(PackURI("/word/fonts/font1.odttf"),
                        "application/vnd.openxmlformats-officedocument.obfuscatedFont", obfuscate(font, key),
                        table.package)
            rid = table.relate_to(data, RT.FONT)
            etree.SubElement(entry, f"{{{w}}}embedRegular", {f"{{{r}}}id": rid, f"{{{w}}}fontKey": font_key(key),
                                                             f"{{{w}}}subsetted": "1"})
        table._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    def _set_fonts(self, fonts, east_asian: str, rare: bool = False) -> None:
        qn = self.qn
        latin = east_asian if rare else LATIN_FONT
        fonts.set(qn("w:ascii"), latin)
        fonts.set(qn("w:hAnsi"), latin)
        fonts.set(qn("w:eastAsia"), east_asian)
        fonts.set(qn("w:cs"), latin)
        if rare:
            fonts.set(qn("w:hint"), "eastAsia")

    # ---- primitives

    def text(self, paragraph, text: str, *, size: float | None = None, bold: bool = False, grey: bool = False,
             underline: bool = False):
        """Add ``text`` to ``paragraph`` in runs, the East Asian font named on each."""
        for chunk, rare in self._font_runs(text):
            run = paragraph.add_run(chunk)
            if rare == RARE_FONT:
                self.rare_text.update(chunk)
            self._set_fonts(run._element.get_or_add_rPr().get_or_add_rFonts(), rare or EAST_ASIAN_FONT, bool(rare))
            if size:
                run.font.size = self.Pt(size)
            if bold:
                run.font.bold = True
            if grey:
                run.font.color.rgb = self.RGBColor(*GREY)
            if underline:
                run.font.underline = True
        return paragraph

    @staticmethod
    def _font_runs(text: str) -> list[tuple[str, str | None]]:
        """``text_runs`` with the font of each rare run: the embedded one where it has the characters,
        else Windows' Ext. B font; None for ordinary text."""
        out: list[tuple[str, str | None]] = []
        for chunk, rare in text_runs(text):
            if not rare:
                out.append((chunk, None))
                continue
            for ch in chunk:
                font = RARE_FONT if embeds(ch) else WINDOWS_RARE_FONT
                if out and out[-1][1] == font:
                    out[-1] = (out[-1][0] + ch, font)
                else:
                    out.append((ch, font))
        return out

    def para(self, text: str = "", *, container=None, size: float | None = None, bold: bool = False,
             align=None, indent: bool = False, line: float | None = BODY_LINE_PT, before: float = 0,
             after: float = 0, keep_next: bool = False, grey: bool = False, first: bool = False):
        """A paragraph of ``text`` at the end of ``container`` (the document, or a cell: ``first`` fills
        the cell's own empty paragraph)."""
        container = container or self.document
        if first and container.paragraphs and not container.paragraphs[0].text:
            paragraph = container.paragraphs[0]
        else:
            paragraph = container.add_paragraph()
        fmt = paragraph.paragraph_format
        if align is not None:
            paragraph.alignment = align
        if line:
            fmt.line_spacing = self.Pt(line)
            fmt.line_spacing_rule = self.spacing_rule.AT_LEAST
        fmt.space_before, fmt.space_after = self.Pt(before), self.Pt(after)
        if keep_next:
            fmt.keep_with_next = True
        if indent:  # two characters, as Chinese paragraphs are indented
            fmt.first_line_indent = self.Pt(2 * (size or BODY_PT))
            fmt._element.get_or_add_pPr().get_or_add_ind().set(self.qn("w:firstLineChars"), "200")
        return self.text(paragraph, text, size=size, bold=bold, grey=grey)

    def heading(self, text: str, before: float = 9):
        return self.para(text, size=12.5, bold=True, line=22, before=before, after=2, keep_next=True)

    def table(self, rows: int, widths_mm: list[float]):
        """A table of fixed column widths (both the grid, which LibreOffice reads, and every cell, which
        Word reads), no borders unless asked."""
        table = self.document.add_table(rows=rows, cols=len(widths_mm))
        table.autofit = False
        tbl = table._tbl
        layout = self.OxmlElement("w:tblLayout")
        layout.set(self.qn("w:type"), "fixed")
        tbl.tblPr.append(layout)
        for col, w in zip(tbl.tblGrid.findall(self.qn("w:gridCol")), widths_mm):
            col.set(self.qn("w:w"), str(round(w / 25.4 * 1440)))
        for row in table.rows:
            for cell, w in zip(row.cells, widths_mm):
                cell.width = self.Mm(w)
        return table

    def borders(self, element_pr, tag: str, **sides: float) -> None:
        """Borders on a table (tblPr, tag w:tblBorders) or a cell (tcPr, w:tcBorders): side=points, 0 for none."""
        qn = self.qn
        box = element_pr.find(qn(tag))
        if box is None:
            box = self.OxmlElement(tag)
            element_pr.append(box)
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            if side not in sides:
                continue
            edge = self.OxmlElement(f"w:{side}")
            points = sides[side]
            edge.set(qn("w:val"), "single" if points else "nil")
            if points:
                edge.set(qn("w:sz"), str(round(points * 8)))  # eighths of a point
                edge.set(qn("w:space"), "0")
                edge.set(qn("w:color"), "000000")
            box.append(edge)

    def table_borders(self, table, **sides: float) -> None:
        self.borders(table._tbl.tblPr, "w:tblBorders", **sides)

    def cell_borders(self, cell, **sides: float) -> None:
        self.borders(cell._tc.get_or_add_tcPr(), "w:tcBorders", **sides)

    def shade(self, cell, fill: str = SHADE) -> None:
        shd = self.OxmlElement("w:shd")
        shd.set(self.qn("w:val"), "clear")
        shd.set(self.qn("w:color"), "auto")
        shd.set(self.qn("w:fill"), fill)
        cell._tc.get_or_add_tcPr().append(shd)

    def cell_margins(self, table, top: float, bottom: float, left: float, right: float) -> None:
        """Cell padding for the whole table, in points."""
        margins = self.OxmlElement("w:tblCellMar")
        for side, points in (("top", top), ("left", left), ("bottom", bottom), ("right", right)):
            edge = self.OxmlElement(f"w:{side}")
            edge.set(self.qn("w:w"), str(round(points * 20)))
            edge.set(self.qn("w:type"), "dxa")
            margins.append(edge)
        table._tbl.tblPr.append(margins)

    def row_height(self, row, mm: float, exact: bool = False) -> None:
        row.height = self.Mm(mm)
        row.height_rule = self.height_rule.EXACTLY if exact else self.height_rule.AT_LEAST

    def keep_row_whole(self, row) -> None:
        tr_pr = row._tr.get_or_add_trPr()
        cant = self.OxmlElement("w:cantSplit")
        tr_pr.append(cant)

    # ---- the agreement

    def body(self, doc: AgreementDocument) -> None:
        align = self.align
        # python-docx's blank document starts with no paragraph: the first one added is the first line.
        self.para(committee_text(doc), size=12, align=align.CENTER, line=18)
        self.para(TITLE, size=22, bold=True, align=align.CENTER, line=32, before=2)
        self.para(f"编号：{doc.number}", size=11, align=align.RIGHT, line=18, after=4)
        self.parties(doc)
        self.facts(doc)
        self.clauses(doc)
        self.participants(doc)
        self.signatures(doc)

    def parties(self, doc: AgreementDocument) -> None:
        """One table for all parties: the role down the left (merged over the party's rows), the MOJ
        fields in label/value pairs, as in the PDF. A party's rows stay on one page."""
        widths = [18, 22, 30, 22, 20, 22, 32]
        layout = []
        for party in doc.case.parties:
            if party.kind is PartyKind.ORGANISATION:
                layout.append((party, [[("名称", 2, 4), ("法定代表人", 6, 6)],
                                       [("住所", 2, 4), ("联系方式", 6, 6)]]))
            else:
                layout.append((party, [[("姓名", 2, 2), ("性别", 4, 4), ("民族", 6, 6)],
                                       [("年龄", 2, 2), ("职业或职务", 4, 4), ("联系方式", 6, 6)],
                                       [("单位或住址", 2, 6)]]))
        table = self.table(sum(len(rows) for _, rows in layout), widths)
        self.table_borders(table, top=0.9, left=0.9, bottom=0.9, right=0.9, insideH=0.5, insideV=0.5)
        self.cell_margins(table, 2, 3, 4, 4)
        r = 0
        for party, rows in layout:
            value = dict(party_fields(party))
            first = r
            for fields in rows:
                row = table.rows[r]
                self.keep_row_whole(row)
                for label, start, end in fields:
                    self._cell_text(row.cells[start - 1], label, label=True)
                    self.shade(row.cells[start - 1])
                    if end > start:
                        row.cells[start].merge(row.cells[end])
                    self._cell_text(row.cells[start], inline_text(value[label]))
                if r < first + len(rows) - 1:  # the party's rows stay together
                    for cell in row.cells:
                        for p in cell.paragraphs:
                            p.paragraph_format.keep_with_next = True
                r += 1
            # (rows[i].cells, not table.cell(): that lays out the whole grid on every call)
            role = table.rows[first].cells[0].merge(table.rows[r - 1].cells[0])
            self._cell_text(role, party.role.label, label=True)
            self.shade(role)
        for row in table.rows:
            for cell in row.cells:
                cell.vertical_alignment = self.valign.CENTER

    def _cell_text(self, cell, text: str, label: bool = False) -> None:
        self.para(text, container=cell, size=10.5, line=15, first=True,
                  align=self.align.CENTER if label else None)

    def facts(self, doc: AgreementDocument) -> None:
        content = doc.content
        self.heading(FACTS_HEADING)
        for line in text_lines(content.facts):
            self.para(line, indent=True, before=1)
        self.labelled("争议事项", content.issues)
        if text_lines(content.responsibilities):
            self.labelled("各方当事人的责任", content.responsibilities)

    def labelled(self, label: str, text: str) -> None:
        lines = text_lines(text)
        if not lines:
            return
        self.para(f"{label}：{lines[0]}", indent=True, before=1)
        for line in lines[1:]:
            self.para(line, indent=True, before=1)

    def clauses(self, doc: AgreementDocument) -> None:
        self.heading(AGREED_HEADING)
        for n, clause in enumerate(doc.content.clauses, start=1):
            for line in clause_paragraphs(n, clause, doc.case):
                self.para(line, indent=True, before=1)
        note = text_lines(doc.content.performance_note)
        if note:
            self.heading("履行方式、时限：")
            for line in note:
                self.para(line, indent=True, before=1)

    def participants(self, doc: AgreementDocument) -> None:
        for i, text in enumerate(participants_paragraphs(doc)):
            self.para(text, indent=True, before=6 if i == 0 else 1)

    def warnings(self, doc: AgreementDocument) -> None:
        """Each warning in one ruled, lightly shaded box (a one-column table)."""
        texts = [inline_text(w) for w in doc.warnings if inline_text(w)]
        if not texts:
            return
        table = self.table(len(texts), [self.width_mm])
        self.table_borders(table, top=1.2, left=1.2, bottom=1.2, right=1.2, insideH=0, insideV=0)
        self.cell_margins(table, 5, 6, 8, 8)
        for i, (row, text) in enumerate(zip(table.rows, texts)):
            self.shade(row.cells[0], "F5F5F5")
            self.para(("特别提示：" if i == 0 else "") + text, container=row.cells[0], size=11, line=19, first=True,
                      keep_next=True)
        self.para("", line=6)

    def signatures(self, doc: AgreementDocument) -> None:
        """The copies-and-effect sentence, any warning, then every signature, the seal and the date, each
        heading kept with what follows it."""
        self.para(copies_text(doc.content.copies), indent=True, before=6, keep_next=True)
        self.para("", line=6, keep_next=True)
        self.warnings(doc)
        self.heading(PARTIES_SIGN_HEADING, before=8)
        self.party_signatures(doc)
        self.heading(MEDIATORS_SIGN_HEADING, before=8)
        self.named_lines([h.name for h in doc.hosts] + [e.name for e in doc.elders] or [""], pairs=True)
        if doc.witnesses:
            self.heading(WITNESSES_SIGN_HEADING, before=8)
            self.named_lines([w.name for w, _ in doc.witnesses])
        self.heading(RECORDER_SIGN_HEADING, before=8)
        self.named_lines([doc.recorder.name if doc.recorder else ""])
        self.seal(doc)

    def party_signatures(self, doc: AgreementDocument) -> None:
        """Two parties a row: name（role）and 签名 line, beside a bordered square to fingerprint (按指印);
        an organisation signs by its legal representative and seals (盖章): its place is marked for the
        seal and not boxed (a seal is wider than the square, and is stamped over the name)."""
        parties = list(doc.case.parties)
        half = self.width_mm / 2
        box = FINGERPRINT_MM
        widths = [half - box - 4, box, 4] * 2
        pairs = [parties[i:i + 2] for i in range(0, len(parties), 2)]
        table = self.table(2 * len(pairs) - 1, widths)  # a thin blank row between two rows of boxes
        self.cell_margins(table, 0, 0, 0, 3)
        for n, pair in enumerate(pairs):
            row = table.rows[2 * n]
            self.row_height(row, box)
            self.keep_row_whole(row)
            for k, party in enumerate(pair):
                text_cell, box_cell = row.cells[3 * k], row.cells[3 * k + 1]
                organisation = party.kind is PartyKind.ORGANISATION
                notes = [party.role.label] + (["盖章"] if organisation else [])
                self.para(f"{party.name}（{'，'.join(notes)}）", container=text_cell, size=10.5, line=14, first=True)
                line = self.para("法定代表人签名：" if organisation else "签名：", container=text_cell, size=10.5,
                                 line=14, before=10)
                self.text(line, "\u3000" * (5 if organisation else 8), size=10.5, underline=True)
                text_cell.vertical_alignment = self.valign.TOP
                if not organisation:
                    self.cell_borders(box_cell, top=0.8, left=0.8, bottom=0.8, right=0.8)
                self.para(SEAL_PLACE if organisation else FINGERPRINT, container=box_cell, size=8, line=10,
                          first=True, grey=True, align=self.align.CENTER)
                box_cell.vertical_alignment = self.valign.BOTTOM
            if n + 1 < len(pairs):
                self.row_height(table.rows[2 * n + 1], 4, exact=True)
                for cell in table.rows[2 * n + 1].cells:
                    cell.paragraphs[0].paragraph_format.line_spacing = self.Pt(2)
                    cell.paragraphs[0].paragraph_format.line_spacing_rule = self.spacing_rule.EXACTLY

    def named_lines(self, names: list[str], pairs: bool = False) -> None:
        """name： and a ruled line to sign on; two a row for the mediators, one a line otherwise."""
        per_row = 2 if pairs else 1
        widths = [30, 53, 30, 53] if pairs else [30, 50]
        rows = [names[i:i + per_row] for i in range(0, len(names), per_row)]
        table = self.table(len(rows), widths)
        self.cell_margins(table, 0, 2, 0, 3)
        for row, chunk in zip(table.rows, rows):
            self.row_height(row, 12)
            for k, name in enumerate(chunk):
                label, line = row.cells[2 * k], row.cells[2 * k + 1]
                self.para(name + "：" if name else "", container=label, size=10.5, line=14, first=True,
                          align=self.align.RIGHT)
                label.vertical_alignment = line.vertical_alignment = self.valign.BOTTOM
                self.cell_borders(line, bottom=0.6)

    def seal(self, doc: AgreementDocument) -> None:
        """The committee's name, where its seal goes, and the date, on the right."""
        right = self.align.RIGHT
        self.para(SEAL_TEXT, size=8, line=12, before=18, align=right, grey=True, keep_next=True)
        self.para(committee_text(doc), size=12, line=20, before=6, align=right, keep_next=True)
        self.para(date_text(doc.signed_on), size=12, line=20, before=6, align=right)

    # ---- the footer

    def footer(self, doc: AgreementDocument) -> None:
        """On every page: 编号 and 第X页 共Y页 (fields), the verification code, and the editable-copy note."""
        from docx.enum.text import WD_TAB_ALIGNMENT

        footer = self.document.sections[0].footer
        footer.is_linked_to_previous = False
        first = footer.paragraphs[0]
        # a thin rule above the footer, as in the PDF
        p_pr = first._p.get_or_add_pPr()
        borders = self.OxmlElement("w:pBdr")
        top = self.OxmlElement("w:top")
        for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "4"), ("w:color", "000000")):
            top.set(self.qn(key), value)
        borders.append(top)
        p_pr.append(borders)
        # the Footer style's tab stops are for US Letter: cleared, and one right-aligned at the margin
        stops = first.paragraph_format.tab_stops
        for pos in (4680, 9360):  # twips
            stops.add_tab_stop(self.Twips(pos), WD_TAB_ALIGNMENT.CLEAR)
        stops.add_tab_stop(self.Mm(self.width_mm), WD_TAB_ALIGNMENT.RIGHT)
        first.paragraph_format.space_after = self.Pt(0)
        self.text(first, f"{TITLE}　编号：{inline_text(doc.number)}\t第", size=9)
        self.field(first, "PAGE", "1")
        self.text(first, "页 共", size=9)
        self.field(first, "NUMPAGES", "1")
        self.text(first, "页", size=9)
        code = inline_text(doc.code) or NO_CODE
        self.para(f"核验码：{code}", container=footer, size=10, line=14, before=2)
        self.para(EDITABLE_NOTE, container=footer, size=8, line=11, before=1, grey=True)

    def field(self, paragraph, instruction: str, shown: str) -> None:
        """A Word field (PAGE, NUMPAGES) with ``shown`` as its last computed result."""
        qn = self.qn

        def run_with(element):
            run = paragraph.add_run()
            self._set_fonts(run._element.get_or_add_rPr().get_or_add_rFonts(), EAST_ASIAN_FONT)
            run.font.size = self.Pt(9)
            run._r.append(element)
            return run

        begin = self.OxmlElement("w:fldChar")
        begin.set(qn("w:fldCharType"), "begin")
        run_with(begin)
        instr = self.OxmlElement("w:instrText")
        instr.set(qn("xml:space"), "preserve")
        instr.text = f" {instruction} "
        run_with(instr)
        separate = self.OxmlElement("w:fldChar")
        separate.set(qn("w:fldCharType"), "separate")
        run_with(separate)
        self.text(paragraph, shown, size=9)
        end = self.OxmlElement("w:fldChar")
        end.set(qn("w:fldCharType"), "end")
        run_with(end)
