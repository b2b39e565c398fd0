import Foundation
import WenshuDocuments
import WenshuLayout
import WenshuSheets

/// `--members file`: the data with its member list read from the sheet, the columns it
/// ignored printed as warnings. A file that is no sheet at all is the one problem; the
/// sheet's cell problems are in `sheet.problems`, for the render to report with its own.
/// The sheet as read is given back too, for the failed rows (`--failed-rows`).
func memberImport(
  _ path: String, data: DataValue, catalog: DocumentCatalog, document: String
) throws(RenderFailure) -> (MemberImport, Sheet, isWorkbook: Bool) {
  let bytes: [UInt8]
  do { bytes = try readInput(path) } catch {
    throw .data([DataProblem(path: path, message: "无法读取名单文件 (cannot read the file: \(error.localizedDescription))")])
  }
  let imported: MemberImport
  let sheet: Sheet
  do {
    sheet = try SheetReader.read(bytes, fileName: path)
    imported = try MemberImport(data: data, sheet: sheet, catalog: catalog, document: document)
  } catch let error as SheetError {
    throw .data([DataProblem(path: path, message: error.message)])
  } catch let problem as DataProblem {
    throw .data([problem])
  } catch {
    throw .data([DataProblem(path: path, message: "\(error)")])
  }
  for warning in imported.sheet.warnings { printError("warning: \(warning)") }
  return (imported, sheet, SheetReader.isWorkbook(bytes))
}
