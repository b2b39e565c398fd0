import Foundation

/// Notices a change under `Layouts/` (a layout, an office profile, an image) by polling the
/// files' sizes and modification times every `interval`: portable, and cheap for a few
/// dozen files. An editor that writes a new file and renames it over the old one is seen too.
struct LayoutWatcher: Sendable {
  struct Stamp: Equatable, Sendable {
    var size: Int
    var modified: Date
  }

  let folder: URL
  var interval: Duration = .milliseconds(300)

  /// Every file under the folder with its stamp, by path.
  func stamps() -> [String: Stamp] {
    var stamps: [String: Stamp] = [:]
    let files = FileManager.default.enumerator(atPath: folder.path)
    while let name = files?.nextObject() as? String {
      // An editor's swap and backup files are not layouts.
      let file = name.split(separator: "/").last ?? ""
      if file.hasPrefix(".") || file.hasSuffix("~") { continue }
      let path = folder.appendingPathComponent(name).path
      guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
        attributes[.type] as? FileAttributeType == .typeRegular
      else { continue }
      stamps[name] = Stamp(
        size: (attributes[.size] as? NSNumber)?.intValue ?? 0,
        modified: attributes[.modificationDate] as? Date ?? .distantPast)
    }
    return stamps
  }

  /// Calls `changed` after each change, until the task is cancelled.
  func watch(_ changed: @Sendable () async -> Void) async {
    var seen = stamps()
    while !Task.isCancelled {
      try? await Task.sleep(for: interval)
      let now = stamps()
      if now != seen {
        seen = now
        await changed()
      }
    }
  }
}
