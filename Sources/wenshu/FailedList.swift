import Foundation
import WenshuLayout
import WenshuSheets

/// `--failed-rows file`: where the rows of a member list that failed are handed back, as
/// the list came (an .xlsx list as a workbook, a CSV list as CSV), readable by its owner only.
struct FailedList {
  let target: String
  let sheet: Sheet
  let list: MemberSheet
  let fields: [MemberSheet.Field]
  let csv: Bool

  /// Writes the failed rows of these problems (as shown to the clerk); says where on stderr.
  func write(_ problems: [DataProblem]) throws(RenderFailure) {
    let failed = FailedRows(sheet: sheet, list: list, fields: fields, problems: problems)
    guard !failed.isEmpty else { return }
    do {
      try writeOutput(csv ? failed.csv() : try failed.workbook(), to: target)
    } catch {
      throw .data(
        problems + [
          DataProblem(path: target, message: "无法写入失败人员名单 (cannot write the failed rows: \(error))")
        ])
    }
    printError("failed rows: \(failed.rows.count) written to \(target)")
  }
}
