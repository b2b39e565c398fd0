import Foundation
import WenshuDocuments
import WenshuLayout

/// `POST /v1/jobs` as `multipart/form-data`, the render route's form (a `data` part and the
/// unit's `members` spreadsheet) repeated once per item:
///
///     document=overage-certificate   format=pdf (optional)   webhook=https://… (optional)
///     data=@unit1.json  members=@名单1.xlsx  data=@unit2.json  data=@unit3.json  members=@名单3.csv
///
/// Each `data` part is an item, in order; a `members` part fills the list of the `data` part just
/// before it (an item may have none). The sheets are stored as they came and read when their
/// item is printed, on a worker within its time budget, so a bad sheet fails its item alone with
/// its cells (`items[2].members`, `Sheet1!C12`).
enum JobForm {
  static let fields = ["document", "format", "webhook", "data", "members"]

  /// The form as the JSON body's fields and the items with their sheets.
  static func read(_ form: MultipartForm) throws -> (root: DataObject, items: [(DataValue, JobSheet?)]) {
    var root = DataObject()
    var items: [(DataValue, JobSheet?)] = []
    for part in form.parts {
      switch part.name {
      case "document", "format", "webhook":
        guard root[part.name] == nil else { throw malformed("more than one '\(part.name)' part") }
        root[part.name] = .string(String(decoding: part.bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces))
      case "data":
        let value: DataValue
        do { value = try JSONReader.parse(Array(part.bytes)) } catch {
          throw Problem(
            status: .badRequest, title: "Malformed JSON",
            detail: "items[\(items.count)] (data part): \(error.description)",
            problems: ProblemList([DataProblem(path: "items[\(items.count)]", message: error.description)]))
        }
        items.append((value, nil))
      case "members":
        guard let last = items.indices.last else {
          throw malformed("a 'members' part before any 'data' part (each sheet follows the data it fills)")
        }
        guard items[last].1 == nil else {
          throw malformed("two 'members' parts after items[\(last)]'s data (one sheet per item)")
        }
        guard !part.bytes.isEmpty else { throw malformed("items[\(last)]: an empty 'members' part") }
        items[last].1 = JobSheet(name: part.fileName ?? JobSheet.unnamed, bytes: Array(part.bytes))
      default:
        throw malformed("an unknown part '\(part.name)' (a job's form has \(fields.joined(separator: ", ")))")
      }
    }
    return (root, items)
  }

  /// What `Idempotency-Key` compares: the parts' names, file names and bytes, not the boundary
  /// a client picks anew on each try, so the same form sent again is the same job.
  static func digest(_ form: MultipartForm) -> String {
    var canonical: [UInt8] = []
    for part in form.parts {
      for text in [part.name, part.fileName ?? ""] {
        canonical += Array(String(text.utf8.count).utf8) + [0x3A] + Array(text.utf8)
      }
      canonical += Array(String(part.bytes.count).utf8) + [0x3A]
      canonical += part.bytes
    }
    return SHA256.hex(canonical)
  }

  static func malformed(_ detail: String) -> Problem {
    Problem(status: .badRequest, title: "Malformed job form", detail: detail)
  }
}
