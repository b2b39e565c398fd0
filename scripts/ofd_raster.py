"""Two renderings of one page compared as ink: where is there ink on one and none near it on
the other.

Both PDFs (Wenshu's, and easyofd's drawing of the OFD) are rasterised by the same rasteriser
(MuPDF, through PyMuPDF) at PX_PER_MM in grey. A pixel darker than PAINT is ink: text, rules,
the tables' grey shading (235 and 240), QR codes, seals. On a page where easyofd left turned
text out (the watermark, 41/255 opaque: about 227 in grey) only pixels darker than INK are
ink there, so the shading is not compared on such a page (the e-bills).

A page matches when, both ways, the ink of one side has ink of the other within RADIUS_PX
(two PDF writers' rounding: ReportLab's and Cairo's fonts and pictures are not the same bytes),
except at most TILE_CAP unmatched pixels in any TILE_MM square of the page. Real pages leave 0
or 1; a line of text moved 0.5 or 1 mm, a digit moved 1 mm, a rule, the QR code, the seal
or the shading left out leave 23 to 900 in their worst square (docs/ofd.md; the report states
each page's).
"""
import numpy

PX_PER_MM = 6  # 152 dpi: a 0.5 mm shift is 3 px, three times RADIUS_PX
PAINT = 250  # grey level (0 black, 255 white) below which a pixel is ink
INK = 200  # the same, on a page with turned text left out
RADIUS_PX = 1  # 0.17 mm
TILE_MM = 5
TILE_CAP = 12  # unmatched pixels in one 5 x 5 mm square (900 px)


def ink(page, width_mm, level=PAINT):
    """The page's ink mask at PX_PER_MM, for a page `width_mm` wide in whatever units it has."""
    import fitz

    zoom = PX_PER_MM * width_mm / page.rect.width
    pixmap = page.get_pixmap(matrix=fitz.Matrix(zoom, zoom), colorspace=fitz.csGRAY, alpha=False)
    grey = numpy.frombuffer(pixmap.samples, dtype=numpy.uint8).reshape(pixmap.height, pixmap.stride)
    return grey[:, : pixmap.width] < level


def _grown(mask, radius):
    """`mask` with every ink pixel grown to a (2 radius + 1) square."""
    out = mask.copy()
    for d in range(1, radius + 1):
        out[d:, :] |= mask[:-d, :]
        out[:-d, :] |= mask[d:, :]
    rows = out.copy()
    for d in range(1, radius + 1):
        out[:, d:] |= rows[:, :-d]
        out[:, :-d] |= rows[:, d:]
    return out


def _worst_square(unmatched):
    """The largest count of unmatched pixels in a TILE_MM square placed at any whole mm of the
    page (an integral image: squares overlap, so nothing is split between two), and where."""
    side, step = TILE_MM * PX_PER_MM, PX_PER_MM
    total = numpy.zeros((unmatched.shape[0] + 1, unmatched.shape[1] + 1), dtype=numpy.int64)
    total[1:, 1:] = unmatched.cumsum(axis=0).cumsum(axis=1)
    if total.shape[0] <= side or total.shape[1] <= side:
        return int(unmatched.sum()), (0, 0)
    corners = total[::step, ::step]
    reach = side // step
    counts = corners[reach:, reach:] - corners[:-reach, reach:] - corners[reach:, :-reach] + corners[:-reach, :-reach]
    row, col = numpy.unravel_index(numpy.argmax(counts), counts.shape)
    return int(counts[row, col]), (int(col), int(row))


def compare(pdf_page, ofd_page, width_mm, level=PAINT):
    """Compares Wenshu's PDF page with easyofd's drawing of the same OFD page, pixels darker
    than `level` being ink. Returns a dict: the pages' ink, the unmatched pixels each way and
    the worst square, and `problem` (None when the pages match)."""
    a, b = ink(pdf_page, width_mm, level), ink(ofd_page, width_mm, level)
    h, w = min(a.shape[0], b.shape[0]), min(a.shape[1], b.shape[1])
    if abs(a.shape[0] - b.shape[0]) > 1 or abs(a.shape[1] - b.shape[1]) > 1:
        return {"problem": f"page sizes differ: {a.shape[::-1]} px against {b.shape[::-1]} px"}
    a, b = a[:h, :w], b[:h, :w]
    pdf_only = a & ~_grown(b, RADIUS_PX)
    ofd_only = b & ~_grown(a, RADIUS_PX)
    report = {"ink": [int(a.sum()), int(b.sum())], "pdfOnly": int(pdf_only.sum()), "ofdOnly": int(ofd_only.sum())}
    worst = []
    for side, unmatched in (("PDF", pdf_only), ("OFD", ofd_only)):
        count, (x, y) = _worst_square(unmatched)
        worst.append(count)
        if count > TILE_CAP and "problem" not in report:
            other = "OFD" if side == "PDF" else "PDF"
            report["problem"] = (
                f"{count} px of the {side}'s ink in the {TILE_MM} mm square at x {x}, y {y} mm have no "
                f"{other} ink within {RADIUS_PX} px (cap {TILE_CAP}; ink: grey below {level})")
    report["worstSquare"] = max(worst)
    report.setdefault("problem", None)
    return report
