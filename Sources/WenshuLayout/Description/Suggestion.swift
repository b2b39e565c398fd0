/// "Did you mean …?" for a misspelt key, element, formatter or style: the known name
/// nearest by edit distance, when it is near enough to be a typo.
enum Suggestion {
  /// ` (did you mean 'columns'?)`, or empty when nothing is close.
  static func didYouMean(_ word: String, among names: some Sequence<String>) -> String {
    nearest(word, among: names).map { " (did you mean '\($0)'?)" } ?? ""
  }

  static func nearest(_ word: String, among names: some Sequence<String>) -> String? {
    let limit = max(1, min(3, word.count / 3))
    var best: (name: String, distance: Int)?
    for name in names {
      let d = distance(word.lowercased(), name.lowercased())
      if d <= limit, d < (best?.distance ?? .max) { best = (name, d) }
    }
    return best?.name
  }

  /// Levenshtein distance, counting a swap of neighbours as one edit (`colums`, `boder`, `wdith`).
  static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
      }
    }
    return d[a.count][b.count]
  }
}
