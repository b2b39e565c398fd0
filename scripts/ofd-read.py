#!/usr/bin/env python3
"""Reads an OFD with easyofd (an independent reader, PyPI) and renders it to PDF.

    .build/ofd-venv/bin/python scripts/ofd-read.py document.ofd rendered.pdf text.json [face.ttf]

Writes, as JSON, the text easyofd reads back from each page and the turned text left out of
its copy (below), page by page ({"pages": [...], "turned": [[...], ...]}).
easyofd draws every character with a font it looks up by the name 宋体, so a face is
registered under that name first: face.ttf when given (the bundled body face, which has every
character the document's faces have), else the OFD's own embedded regular face;
run by Tests/WenshuTests/OFD/OFDReaderTests.swift, installed by scripts/ofd-tools.

easyofd ignores a text object's CTM and Alpha (it would draw a turned, faint watermark upright
and opaque over the page), so text objects with a CTM are left out of the copy it reads; the
tests check those objects' CTM and Alpha themselves.
"""
import contextlib
import json
import logging
import os
import re
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

NS = {"ofd": "http://www.ofdspec.org/2016"}


def register_embedded_font(path, face=None):
    """Registers a face as 宋体 for reportlab, which easyofd draws with."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if face:
        pdfmetrics.registerFont(TTFont("宋体", face))
        return
    with zipfile.ZipFile(path) as z:
        res = ET.fromstring(z.read("Doc_0/PublicRes.xml"))
        base = "Doc_0/" + res.get("BaseLoc", "") + "/"
        fonts = [f for f in res.iter("{%s}Font" % NS["ofd"]) if f.get("Bold") != "true"]
        fonts.sort(key=lambda f: not f.get("FamilyName", "").startswith("Noto Serif"))
        if not fonts:
            return
        data = z.read(base + fonts[0].find("ofd:FontFile", NS).text)
    handle, name = tempfile.mkstemp(suffix=".ttf")
    with os.fdopen(handle, "wb") as f:
        f.write(data)
    try:
        pdfmetrics.registerFont(TTFont("宋体", name))
    finally:
        os.unlink(name)


TURNED_TEXT = re.compile(rb'<ofd:TextObject [^>]*CTM="[^"]*"[^>]*>.*?</ofd:TextObject>', re.S)


def without_turned_text(source, target):
    """A copy of the OFD whose pages hold no text object with a CTM; returns the text left out,
    by page path."""
    left_out = {}
    with zipfile.ZipFile(source) as z, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in z.infolist():
            data = z.read(info.filename)
            if info.filename.endswith("/Content.xml"):
                left_out[info.filename] = [
                    "".join(c.text or "" for c in ET.fromstring(m).iter("{%s}TextCode" % NS["ofd"]))
                    for m in TURNED_TEXT.findall(data.replace(b"<ofd:TextObject ", b'<ofd:TextObject xmlns:ofd="%s" ' % NS["ofd"].encode()))
                ]
                data = TURNED_TEXT.sub(b"", data)
            out.writestr(info.filename, data)
    return left_out


def main():
    source, target, text = sys.argv[1], sys.argv[2], sys.argv[3]
    logging.disable(logging.CRITICAL)
    from loguru import logger

    logger.remove()
    register_embedded_font(source, sys.argv[4] if len(sys.argv) > 4 else None)
    from easyofd import OFD

    handle, upright = tempfile.mkstemp(suffix=".ofd")
    os.close(handle)
    left_out = without_turned_text(source, upright)
    ofd = OFD()
    with contextlib.redirect_stdout(sys.stderr):  # easyofd prints as it goes
        try:
            ofd.read(upright, fmt="path")
        finally:
            os.unlink(upright)
        pdf = ofd.to_pdf()
    with open(target, "wb") as f:
        f.write(pdf)
    pages = []
    for doc in ofd.data:
        for _, page in sorted(doc.get("page_info", {}).items()):
            pages.append("".join(t.get("text", "") for t in page.get("text_list") or []))
    with zipfile.ZipFile(source) as z:
        document = ET.fromstring(z.read("Doc_0/Document.xml"))
    turned = [left_out.get("Doc_0/" + p.get("BaseLoc"), []) for p in document.iter("{%s}Page" % NS["ofd"])]
    with open(text, "w", encoding="utf-8") as f:
        json.dump({"pages": pages, "turned": turned}, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
