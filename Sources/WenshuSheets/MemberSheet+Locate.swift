import WenshuLayout
import WenshuWorkbook

extension MemberSheet {
  /// A problem the renderer found, shown where the clerk fixes it: `members[10].idNumber`
  /// → `Sheet1!C12`; a member as a whole → `Sheet1 第12行`; `members[3]` in a message the
  /// same. nil for a problem already reported (a cell the reader refused, a missing
  /// required column). Paths outside the member list are left as they are (the JSON's).
  public func locate(_ problem: DataProblem) -> DataProblem? {
    let message = rewriteMentions(problem.message)
    guard problem.path == listPath || problem.path.hasPrefix(listPath + "[") else {
      return DataProblem(path: problem.path, message: message)
    }
    let rest = problem.path.dropFirst(listPath.count)
    guard rest.first == "[", let close = rest.firstIndex(of: "]"),
      let index = Int(rest[rest.index(after: rest.startIndex)..<close]),
      rowNumbers.indices.contains(index)
    else { return DataProblem(path: sheetName, message: message) }
    let row = rowNumbers[index]
    let field = rest[rest.index(after: close)...].drop { $0 == "." }.prefix { $0 != "." && $0 != "[" }
    if !field.isEmpty, let column = columns[String(field)] {
      let place = CellName.qualified(sheetName, CellName.column(column) + String(row))
      return cellsWithProblems.contains(place) ? nil : DataProblem(path: place, message: message)
    }
    if missingRequired.contains(String(field)) { return nil }
    return DataProblem(path: "\(sheetName) 第\(row)行", message: message)
  }

  public func locate(_ problems: [DataProblem]) -> [DataProblem] { problems.compactMap(locate) }

  /// `与 members[3] 重复` → `与 Sheet1 第5行 重复`.
  func rewriteMentions(_ message: String) -> String {
    let opening = listPath + "["
    guard message.contains(opening) else { return message }
    var out = ""
    var rest = Substring(message)
    while let start = rest.range(of: opening) {
      out += rest[..<start.lowerBound]
      let after = rest[start.upperBound...]
      if let close = after.firstIndex(of: "]"), let index = Int(after[..<close]), rowNumbers.indices.contains(index) {
        out += "\(sheetName) 第\(rowNumbers[index])行"
        rest = after[after.index(after: close)...]
      } else {
        out += opening
        rest = after
      }
    }
    return out + rest
  }
}
