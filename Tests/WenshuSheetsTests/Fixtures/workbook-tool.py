"""What the failed-rows tests ask openpyxl (run from .build/sheets-venv by FailedRowsTests).

  read FILE            every sheet as JSON: rows of [value, type, fill rgb, comment] per cell
  fix FILE OUT EDITS   sets cells by (原行号, header) and appends rows, as a clerk would
"""
import json
import sys

from openpyxl import load_workbook


def read(path):
    book = load_workbook(path)
    out = []
    for sheet in book.worksheets:
        rows = []
        for row in sheet.iter_rows():
            cells = []
            for c in row:
                fill = c.fill.fgColor.rgb if c.fill is not None and c.fill.fill_type == "solid" else None
                value = c.value
                if hasattr(value, "isoformat"):
                    value = value.date().isoformat() if hasattr(value, "date") else value.isoformat()
                cells.append([value, c.data_type, fill, c.comment.text if c.comment else None])
            rows.append(cells)
        out.append({"name": sheet.title, "rows": rows})
    json.dump(out, sys.stdout, ensure_ascii=False)


def fix(path, out, edits_path):
    with open(edits_path, encoding="utf-8") as f:
        edits = json.load(f)
    book = load_workbook(path)
    sheet = book[edits["sheet"]]
    header = [c.value for c in sheet[1]]
    number_column = header.index("原行号")
    by_number = {row[number_column].value: row for row in sheet.iter_rows(min_row=2)}
    for number, title, value in edits["set"]:
        cell = by_number[number][header.index(title)]
        cell.value = value
        cell.number_format = "@"
    for values in edits["append"]:
        sheet.append(values)
    book.save(out)


if __name__ == "__main__":
    {"read": read, "fix": fix}[sys.argv[1]](*sys.argv[2:])
