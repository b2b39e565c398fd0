"""easyofd, the independent OFD reader, driven so that its picture of a page can be compared.

easyofd (PyPI) parses an OFD and draws it into a PDF with ReportLab. Its renderer has three
gaps that would make any page differ from the one Wenshu means, whoever wrote the OFD; each
is bridged here at run time, without touching its files, and what stays out is said:

- Fonts: it draws every character in one face it asks for by the name 宋体 (never registered
  here, so ReportLab searched its whole AFM library on every line: that was the minutes of the
  59-page list). Each TextObject is drawn instead with the face its Font attribute declares:
  the OFD's own embedded file, registered under the FontName the OFD gives it.
- Filled paths: its parser drops PathObject's Fill and Stroke attributes and its renderer
  strokes every path, 0.25 mm wide, in its FillColor (a QR code's modules became outlines).
  PathObjects that say Fill="true" Stroke="false" (read from the OFD's Content.xml) are
  filled instead, and before the page's text, as the page draws them.
- Turned text: it ignores a TextObject's CTM rotation and its Alpha, so the watermark would be
  drawn upright and opaque elsewhere. Text with a CTM is left out, and counted (`turned`).

Positions, sizes, colours, DeltaX, paths' geometry and images' placement stay easyofd's own.
"""
import contextlib
import logging
import os
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from base64 import b64decode
from io import BytesIO

OFD_NS = "{http://www.ofdspec.org/2016}"
_rendered = False


def filled_paths(path):
    """IDs of the PathObjects that the OFD says are filled and not stroked."""
    ids = set()
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if not name.endswith(".xml"):
                continue
            for element in ET.fromstring(package.read(name)).iter(OFD_NS + "PathObject"):
                if element.get("Fill") == "true" and element.get("Stroke") == "false":
                    ids.add(element.get("ID"))
    return ids


class _Canvas:
    """A ReportLab canvas seen through easyofd: its font request names the declared face, and
    for a filled path its stroke colour is the fill and its path is filled, not stroked."""

    def __init__(self, canvas, face=None, fill=False):
        self._canvas, self._face, self._fill = canvas, face, fill

    def __getattr__(self, name):
        return getattr(self._canvas, name)

    def setFont(self, name, size, *args):
        return self._canvas.setFont(self._face or name, size, *args)

    def setStrokeColorRGB(self, r, g, b, *args):
        if self._fill:
            self._canvas.setFillColorRGB(r, g, b)
        return self._canvas.setStrokeColorRGB(r, g, b, *args)

    def drawPath(self, path, *args, **kwargs):
        if self._fill:
            return self._canvas.drawPath(path, stroke=0, fill=1)
        return self._canvas.drawPath(path, *args, **kwargs)


@contextlib.contextmanager
def _aside():
    """easyofd prints and logs as it goes, and unpacks the OFD and writes its fonts into the
    working folder: its chatter goes to stderr, its warnings nowhere, its files to a
    temporary folder removed afterwards."""
    logging.disable(logging.CRITICAL)
    from loguru import logger

    logger.remove()
    cwd = os.getcwd()
    with tempfile.TemporaryDirectory() as work, contextlib.redirect_stdout(sys.stderr):
        os.chdir(work)
        try:
            yield
        finally:
            os.chdir(cwd)


def read(path, render=True):
    """Parses the OFD at `path` with easyofd; with `render`, also draws it to PDF bytes.
    Returns (easyofd's parsed documents, the PDF or None, what was left out)."""
    path = os.path.abspath(path)
    with _aside():
        from easyofd import OFD
        from easyofd.draw.draw_pdf import DrawPDF
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        ofd = OFD()
        ofd.read(path, fmt="path")
        if not render:
            return ofd.data, None, {}
        # ReportLab shares a face among all fonts of its internal name: a second OFD's subsets
        # would draw with the first one's glyphs. One rendering per process.
        global _rendered
        assert not _rendered, "ofd_reader renders one OFD per process"
        _rendered = True
        fills = filled_paths(path)
        left_out = {"turned": 0}
        faces = {}  # font resource ID -> the name it is registered under
        for doc in ofd.data:
            for font_id, font in doc.get("fonts", {}).items():
                name = font.get("FontNameORI") or font.get("FontName")
                pdfmetrics.registerFont(TTFont(name, BytesIO(b64decode(font["font_b64"]))))
                faces[font_id] = name
        pending = {}  # id(a page's text list) -> its filled paths, drawn before its text
        for doc in ofd.data:
            for page in doc.get("page_info", {}).values():
                lines = page.get("line_list") or []
                page["line_list"] = [p for p in lines if p.get("ID") not in fills]
                page["text_list"] = page.get("text_list") or []
                pending[id(page["text_list"])] = [p for p in lines if p.get("ID") in fills]

        draw_chars, draw_line = DrawPDF.draw_chars, DrawPDF.draw_line

        def chars(self, canvas, text_list, fonts, page_size, drawparams):
            page_fills = pending.pop(id(text_list), [])
            if page_fills:
                draw_line(self, _Canvas(canvas, fill=True), page_fills, page_size, drawparams)
            for line in text_list:
                if not line.get("text"):
                    continue
                if line.get("CTM"):
                    left_out["turned"] += 1
                    continue
                # a Font no resource declares is an error here, not a line drawn in another face
                face = faces[line.get("font")]
                draw_chars(self, _Canvas(canvas, face=face), [line], fonts, page_size, drawparams)

        def pdf(self):
            # draw_pdf draws a page's text only when it has some: a page of fills and no text
            # gets an empty line, so that its fills are drawn
            for doc in self.data:
                for page in doc.get("page_info", {}).values():
                    if not page["text_list"] and pending.get(id(page["text_list"])):
                        page["text_list"].append({})
            return draw_pdf(self)

        draw_pdf = DrawPDF.draw_pdf
        DrawPDF.draw_chars, DrawPDF.draw_pdf = chars, pdf
        try:
            # draw_pdf, not to_pdf: to_pdf turns any failure into a page saying so
            drawer = DrawPDF(ofd.data)
            drawer.draw_pdf()
            rendered = drawer.pdf_io.getvalue()
        finally:
            DrawPDF.draw_chars, DrawPDF.draw_pdf = draw_chars, draw_pdf
        return ofd.data, rendered, left_out
