#!/usr/bin/env python3
"""Compares an OFD, as an independent reader reads it, with the PDF of the same data.

    .build/ofd-venv/bin/python scripts/ofd-compare.py document.ofd document.pdf

easyofd (PyPI) parses the OFD's pages and renders them to PDF (documents of up to
RENDER_PAGES pages: its renderer is slow), which must have as many pages as Wenshu's; PyMuPDF (one of easyofd's own
dependencies) reads the characters Cairo placed in Wenshu's PDF. Every upright character of
each page must be at the same place in both, within TOLERANCE_MM (its baseline origin, the
OFD's from its TextObject's Boundary, TextCode X/Y and DeltaX), and neither may hold a
character the other lacks. Text with a CTM (the watermark) is left out on both sides: easyofd
ignores a CTM, and the OFD tests check those objects' transforms themselves. Prints a JSON
report; exit 0 when the pages agree, 1 when they do not, 2 when easyofd cannot read or render
the file. Run by Tests/WenshuTests/OFD/OFDReaderTests; installed by scripts/ofd-tools.
"""
import contextlib
import json
import logging
import re
import sys
import warnings

TOLERANCE_MM = 0.25
# easyofd's renderer (reportlab) takes minutes for a 59-page list: longer documents are read
# and compared page by page, but rendered only up to this many pages.
RENDER_PAGES = 8
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


def ofd_pages(path):
    logging.disable(logging.CRITICAL)
    from loguru import logger

    logger.remove()
    from easyofd import OFD

    ofd = OFD()
    with contextlib.redirect_stdout(sys.stderr):  # easyofd prints as it goes
        ofd.read(path, fmt="path")
        count = sum(len(doc.get("page_info", {})) for doc in ofd.data)
        rendered = ofd.to_pdf() if count <= RENDER_PAGES else None
    pages = []
    for doc in ofd.data:
        for _, page in sorted(doc.get("page_info", {}).items(), key=lambda kv: int(kv[0])):
            chars = []
            for code in page.get("text_list") or []:
                if code.get("CTM"):
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
    return pages, rendered


def pdf_pages(path):
    import fitz

    pages = []
    for page in fitz.open(path):
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
    ofd_path, pdf_path = sys.argv[1], sys.argv[2]
    try:
        ofd, rendered = ofd_pages(ofd_path)
    except Exception as error:  # the reader's own failure is the finding
        print(json.dumps({"error": f"easyofd could not read or render {ofd_path}: {error!r}"}, ensure_ascii=False))
        sys.exit(2)
    pdf = pdf_pages(pdf_path)
    report = {"pages": len(ofd), "pdfPages": len(pdf), "renderedPages": None, "characters": 0, "problems": []}
    if rendered is not None:
        import fitz

        report["renderedPages"] = fitz.open(stream=rendered, filetype="pdf").page_count
        if report["renderedPages"] != len(pdf):
            report["problems"].append(f"easyofd rendered {report['renderedPages']} pages, the PDF has {len(pdf)}")
    if len(ofd) != len(pdf):
        report["problems"].append(f"easyofd reads {len(ofd)} pages, the PDF has {len(pdf)}")
    for n, (o, p) in enumerate(zip(ofd, pdf), start=1):
        report["characters"] += len(o)
        for side, missing in (("OFD", unmatched(o, p)), ("PDF", unmatched(p, o))):
            if missing:
                other = "PDF" if side == "OFD" else "OFD"
                report["problems"].append(
                    f"page {n}: {len(missing)} of the {side}'s characters are not in the {other} within "
                    f"{TOLERANCE_MM} mm, first {missing[:3]}")
    print(json.dumps(report, ensure_ascii=False))
    sys.exit(1 if report["problems"] else 0)


if __name__ == "__main__":
    main()
