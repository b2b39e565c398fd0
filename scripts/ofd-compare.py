#!/usr/bin/env python3
"""Compares an OFD, as an independent reader reads and draws it, with the PDF of the same data.

    .build/ofd-venv/bin/python scripts/ofd-compare.py document.ofd document.pdf

easyofd (PyPI) parses the OFD and draws every page into a PDF (scripts/ofd_reader.py: what it
is helped with and what it leaves out), which must have as many pages as Wenshu's. Two checks:

- Text: PyMuPDF (one of easyofd's own dependencies) reads the characters Cairo placed in
  Wenshu's PDF. Every upright character of each page must be at the same place in both,
  within TOLERANCE_MM (its baseline origin; the OFD's from its TextObject's Boundary, TextCode
  X/Y and DeltaX), and neither may hold a character the other lacks: the text read back from
  the OFD is the PDF's text layer, character by character, each where the PDF has it.
  Text with a CTM (the watermark) is left out on both sides: easyofd ignores a CTM, and the
  OFD tests check those objects' transforms themselves.
- Ink: each page of easyofd's drawing and of Wenshu's PDF, rasterised alike, must have the
  same ink within the tolerance scripts/ofd_raster.py states (all paint, or only the darker
  ink on a page whose turned text easyofd was not asked to draw).

Prints a JSON report (textProblems, inkProblems, each page's worst square); exit 0 when the
pages agree, 1 when they do not, 2 when easyofd cannot read or draw the file. Run by
Tests/WenshuTests/OFD/OFDReaderTests for every sample; installed by scripts/ofd-tools.
"""
import json
import sys
import warnings

import ofd_raster
import ofd_reader

TOLERANCE_MM = 0.25
PT = 25.4 / 72


def deltas(text, count):
    """OFD's DeltaX ('1.5 g 3 2 4' = 1.5, 2, 2, 2, 4) expanded to `count` - 1 values."""
    out, items = [], (text or "").split()
    i = 0
    while i < len(items):
        if items[i] == "g" and i + 2 < len(items):
            out += [float(items[i + 2])] * int(items[i + 1])
            i += 3
        else:
            out.append(float(items[i]))
            i += 1
    return out


def ofd_pages(data):
    """Each page's upright characters as easyofd reads them: (character, x, y) in mm."""
    pages = []
    for doc in data:
        for _, page in sorted(doc.get("page_info", {}).items(), key=lambda kv: int(kv[0])):
            chars = []
            for code in page.get("text_list") or []:
                if code.get("CTM") or not code.get("text"):
                    continue
                text = code.get("text", "")
                x = code["pos"][0] + float(code.get("X") or 0)
                y = code["pos"][1] + float(code.get("Y") or 0)
                steps = deltas(code.get("DeltaX"), len(text))
                for i, c in enumerate(text):
                    if not c.isspace():
                        chars.append((c, x, y))
                    if i < len(steps):
                        x += steps[i]
            pages.append(chars)
    return pages


def turned_text(data):
    """For each page, whether it has text with a CTM (which easyofd was not asked to draw)."""
    return [
        any(code.get("CTM") for code in page.get("text_list") or [])
        for doc in data
        for _, page in sorted(doc.get("page_info", {}).items(), key=lambda kv: int(kv[0]))]


def pdf_pages(pdf):
    """Each page's upright characters in Wenshu's PDF, read by PyMuPDF: (character, x, y) in mm."""
    pages = []
    for page in pdf:
        chars = []
        for block in page.get_text("rawdict")["blocks"]:
            for line in block.get("lines", []):
                if abs(line["dir"][0] - 1) > 1e-3 or abs(line["dir"][1]) > 1e-3:
                    continue  # turned text: the watermark
                for span in line["spans"]:
                    for ch in span["chars"]:
                        if not ch["c"].isspace():
                            chars.append((ch["c"], ch["origin"][0] * PT, ch["origin"][1] * PT))
        pages.append(chars)
    return pages


def unmatched(these, those):
    """The characters of `these` with no same character of `those` within the tolerance."""
    by_char = {}
    for c, x, y in those:
        by_char.setdefault(c, []).append((x, y))
    missing = []
    for c, x, y in these:
        if not any(abs(x - a) <= TOLERANCE_MM and abs(y - b) <= TOLERANCE_MM for a, b in by_char.get(c, [])):
            missing.append({"char": c, "x": round(x, 2), "y": round(y, 2)})
    return missing


def main():
    warnings.simplefilter("ignore")
    import fitz

    ofd_path, pdf_path = sys.argv[1], sys.argv[2]
    try:
        data, rendered, left_out = ofd_reader.read(ofd_path)
        drawn = fitz.open(stream=rendered, filetype="pdf")
    except Exception as error:  # the reader's own failure is the finding
        print(json.dumps({"error": f"easyofd could not read or render {ofd_path}: {error!r}"}, ensure_ascii=False))
        sys.exit(2)
    pdf = fitz.open(pdf_path)
    ofd = ofd_pages(data)
    report = {
        "pages": len(ofd), "pdfPages": pdf.page_count, "renderedPages": drawn.page_count, "characters": 0,
        "turnedTextLeftOut": left_out["turned"], "worstSquare": [], "textProblems": [], "inkProblems": []}
    for count, what in ((len(ofd), "reads"), (drawn.page_count, "renders")):
        if count != pdf.page_count:
            report["textProblems"].append(f"easyofd {what} {count} pages, the PDF has {pdf.page_count}")
    for n, (o, p) in enumerate(zip(ofd, pdf_pages(pdf)), start=1):
        report["characters"] += len(o)
        for side, missing in (("OFD", unmatched(o, p)), ("PDF", unmatched(p, o))):
            if missing:
                other = "PDF" if side == "OFD" else "OFD"
                report["textProblems"].append(
                    f"page {n}: {len(missing)} of the {side}'s characters are not in the {other} within "
                    f"{TOLERANCE_MM} mm, first {missing[:3]}")
    turned = turned_text(data)
    for n, (page, drawing) in enumerate(zip(pdf, drawn), start=1):
        level = ofd_raster.INK if turned[n - 1] else ofd_raster.PAINT
        ink = ofd_raster.compare(page, drawing, page.rect.width * PT, level)
        report["worstSquare"].append(ink.get("worstSquare"))
        if ink["problem"]:
            report["inkProblems"].append(f"page {n}: {ink['problem']}")
    print(json.dumps(report, ensure_ascii=False))
    sys.exit(1 if report["textProblems"] or report["inkProblems"] else 0)


if __name__ == "__main__":
    main()
