import WenshuLayout
import WenshuRules

/// One cell made a data value by the type of the field its column fills.
enum MemberCell {
  struct Problem: Error { let message: String }

  static func value(_ cell: SheetCell, type: String, date1904: Bool) -> Result<DataValue, Problem> {
    if let problem = notData(cell, textColumn: !["date", "birthDate", "count", "age"].contains(type)) {
      return .failure(problem)
    }
    switch type {
    case "idNumber": return idNumber(cell)
    case "date", "birthDate": return date(cell, date1904: date1904)
    case "count", "age":
      if case .number = cell, let n = Int(cell.text) { return .success(.number(String(n))) }
      let text = cell.text.trimmingCharacters(in: .whitespaces)
      return .success(text.allSatisfy(\.isASCII) && Int(text) != nil ? .number(text) : .string(text))
    case "idType":
      let text = cell.text.trimmingCharacters(in: .whitespaces)
      return .success(.string(MemberColumns.idTypeAliases[text] ?? text))
    default:
      return .success(.string(cell.text.trimmingCharacters(in: .whitespacesAndNewlines)))
    }
  }

  /// A cell that holds no value a clerk typed: an error (`#N/A`), and in a text column a
  /// boolean or a formula (its result is not what the form should print as someone's name).
  /// A number or date column may hold a formula's number.
  static func notData(_ cell: SheetCell, textColumn: Bool) -> Problem? {
    switch cell {
    case .error(let e): return Problem(message: "单元格是公式错误 \(e) (an error cell: \(e))")
    case .bool(let b) where textColumn:
      return Problem(message: "单元格是逻辑值 \(b ? "TRUE" : "FALSE")，应填写文字 (a boolean cell, not text)")
    case .formula(let f, _) where textColumn:
      return Problem(message: "单元格是公式 =\(f)，应填写文字本身 (a formula cell; type the text itself)")
    case .text(let s) where textColumn && s.hasPrefix("=") && s.count > 1:
      // A CSV keeps the formula as written: `=1+1`.
      return Problem(message: "单元格是公式 \(s)，应填写文字本身 (a formula, not text)")
    default: return nil
    }
  }

  /// An ID number must be text: Excel keeps 15 significant digits of a number, so
  /// 410102199003072294 typed as a number is stored as 4.10102199003072E+17 and its last
  /// digits are lost (and a final X cannot be a number at all).
  static func idNumber(_ cell: SheetCell) -> Result<DataValue, Problem> {
    if case .number(let literal) = cell {
      let digits = literal.filter(\.isNumber).count
      if literal.contains(where: { "eE.".contains($0) }) || digits > 15 {
        return .failure(
          Problem(
            message:
              "单元格存的是数字 \(literal)，不是文字：证件号码须以文本格式存储（Excel 只保留 15 位有效数字，后几位已丢失），请将该列设为“文本”后重新输入 (the cell holds a number; the ID number must be stored as text)"
          ))
      }
    }
    let text = cell.text.filter { !$0.isWhitespace }
    return .success(.string(text.hasSuffix("x") ? text.dropLast() + "X" : text))
  }

  static func date(_ cell: SheetCell, date1904: Bool) -> Result<DataValue, Problem> {
    do {
      let date: CivilDate
      if case .number(let literal) = cell {
        date = try SheetDate.fromSerial(literal, date1904: date1904)
      } else {
        date = try SheetDate.fromText(cell.text)
      }
      return .success(.string(date.iso))
    } catch .lotusLeapDay {
      return .failure(Problem(message: "日期 1900-02-29 不存在 (Excel's 1900-02-29 is not a date)"))
    } catch {
      return .failure(
        Problem(message: "“\(cell.text)”不是日期，应写作 2025-02-25 或设为日期格式 (not a date; write it as 2025-02-25)"))
    }
  }
}
