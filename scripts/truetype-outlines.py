#!/usr/bin/python3
"""Writes the Simplified Chinese face of a Noto CJK collection as a TrueType-outline font.

  scripts/truetype-outlines.py SOURCE.ttc TARGET.ttf

Why: Noto CJK's outlines are CFF, in one 23 MB table. To embed a CFF font, Cairo 1.16 reads
that whole table twice per font per document (once to ask whether it is a CID font, once to
subset it), so a one-page e-bill spent most of its time copying 100 MB of font data. A
TrueType font is subset glyph by glyph from `loca`/`glyf`: the same e-bill renders 4x faster.

What changes: the outline format, and which glyph the cmap gives the digits 0-9. The font's
Latin `locl` feature turns its proportional digits into tabular ones (all 549 units wide) in
Latin runs but not in Chinese ones, so one page mixed both, and Cairo, meeting a glyph no
cmap entry leads to, searched all 44,746 entries of the cmap for it once per glyph, font
and document (a third of an e-bill's render time). The cmap now leads to the tabular
digits directly: figures line up in columns wherever they stand, and the search is gone.
Otherwise each cubic curve becomes quadratic splines within
1/1000 em (fontTools' cu2qu, the converter font foundries use), invisible at any print size;
every glyph, its advance, GSUB/GPOS, names and vertical metrics stay as they are. The
face chosen is the one whose name says SC, so shared characters keep Simplified Chinese
forms. The output is byte-for-byte deterministic (no timestamps), so every machine embeds
the same font. The fonts are under the SIL Open Font License 1.1, which allows this; the
reserved font name is "Source", which the Noto names do not use.
"""
import sys

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

MAX_ERROR = 1.0  # font units (1/1000 em)


def simplified_chinese_face(path):
    collection = TTCollection(path, lazy=True)
    for number, face in enumerate(collection.fonts):
        if face["name"].getDebugName(1).endswith(" SC"):
            return number
    sys.exit(f"{path}: no face named '… SC'")


def tabular_digits(font):
    """The Latin default language system's `locl` substitutions of the digits 0-9."""
    gsub = font["GSUB"].table
    features = gsub.FeatureList.FeatureRecord
    latin = next(r.Script for r in gsub.ScriptList.ScriptRecord if r.ScriptTag == "latn")
    mapping = {}
    for index in latin.DefaultLangSys.FeatureIndex:
        if features[index].FeatureTag != "locl":
            continue
        for lookup in features[index].Feature.LookupListIndex:
            for subtable in gsub.LookupList.Lookup[lookup].SubTable:
                mapping.update(getattr(subtable, "mapping", {}))
    cmap = font.getBestCmap()
    digits = {cp: mapping[cmap[cp]] for cp in range(0x30, 0x3A) if cmap[cp] in mapping}
    if len(digits) != 10:
        sys.exit("expected the Latin locl feature to give all ten digits a tabular form")
    return digits


def convert(source, target):
    font = TTFont(source, fontNumber=simplified_chinese_face(source), recalcTimestamp=False)
    if "CFF " not in font:
        sys.exit(f"{source}: not a CFF font")
    order = font.getGlyphOrder()
    outlines = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        outlines[name].draw(Cu2QuPen(pen, MAX_ERROR, reverse_direction=True))
        glyphs[name] = pen.glyph()

    digits = tabular_digits(font)
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap.update({cp: glyph for cp, glyph in digits.items() if cp in table.cmap})

    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    del font["CFF "]
    if "VORG" in font:  # a CFF-only table; vmtx still carries the vertical metrics
        del font["VORG"]
    glyf.compile(font)

    hmtx = font["hmtx"]
    for name in order:
        advance, _ = hmtx[name]
        hmtx[name] = (advance, getattr(glyphs[name], "xMin", 0))

    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    font["post"].formatType = 3.0  # no glyph names: 65,535 of them would not fit
    font.sfntVersion = "\000\001\000\000"
    font.save(target)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    convert(sys.argv[1], sys.argv[2])
