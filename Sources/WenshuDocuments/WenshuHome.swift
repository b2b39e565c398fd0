import Foundation

/// Where Wenshu finds its layouts and fonts: `$WENSHU_HOME`, else the first folder holding
/// `Layouts/` and `fonts/fonts.conf`, looking up from the current directory and then from
/// the executable (so `.build/release/wenshu` works from anywhere in a checkout).
public struct WenshuHome: Sendable {
  public let root: URL
  public var layouts: URL { root.appendingPathComponent("Layouts") }
  public var fontConfig: URL { root.appendingPathComponent("fonts/fonts.conf") }
  /// fontconfig's cache of the fonts' coverage, written by `scripts/fonts`.
  public var fontCache: URL { root.appendingPathComponent("fonts/cache") }

  public init(root: URL) { self.root = root }

  public static func locate() throws(RenderFailureMessage) -> WenshuHome {
    let env = ProcessInfo.processInfo.environment
    if let home = env["WENSHU_HOME"], !home.isEmpty {
      let url = URL(fileURLWithPath: home)
      guard isHome(url) else { throw RenderFailureMessage("WENSHU_HOME=\(home) has no Layouts/ and fonts/fonts.conf") }
      return WenshuHome(root: url)
    }
    var starts = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
    starts.append(URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent())
    for start in starts {
      var dir = start.standardizedFileURL
      while true {
        if isHome(dir) { return WenshuHome(root: dir) }
        let parent = dir.deletingLastPathComponent()
        if parent.path == dir.path { break }
        dir = parent
      }
    }
    throw RenderFailureMessage("cannot find Wenshu's Layouts/ and fonts/: set WENSHU_HOME to the checkout")
  }

  static func isHome(_ url: URL) -> Bool {
    let fm = FileManager.default
    return fm.fileExists(atPath: url.appendingPathComponent("Layouts").path)
      && fm.fileExists(atPath: url.appendingPathComponent("fonts/fonts.conf").path)
  }
}

public struct RenderFailureMessage: Error, Sendable, CustomStringConvertible {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
