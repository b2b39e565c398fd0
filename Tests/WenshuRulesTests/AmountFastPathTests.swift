import Testing

@testable import WenshuRules

/// `Amount(parsing:)` reads plain digits byte by byte and leaves everything else to the
/// careful parse; `grouped` writes its bytes backwards. Both must give exactly what the
/// straightforward versions give.
@Suite("Amount: the fast paths agree with the careful ones")
struct AmountFastPathTests {
  @Test("a parse gives the careful parse's amount, or fails as it does, for any mix of digits, points and signs")
  func parseAgrees() {
    let alphabet = Array("0000123456789..-+e ,")
    var generator = SystemRandomNumberGenerator()
    var accepted = 0
    for _ in 0..<50_000 {
      let text = String((0..<Int.random(in: 0...20, using: &generator)).map { _ in alphabet.randomElement()! })
      let fast: Result<Amount, AmountError> = Result { () throws(AmountError) in try Amount(parsing: text) }
      let careful: Result<Amount, AmountError> = Result { () throws(AmountError) in try Amount(checking: text) }
      switch (fast, careful) {
      case (.success(let a), .success(let b)):
        #expect(a == b, "\(text)")
        accepted += 1
      case (.failure(let a), .failure(let b)): #expect(a.message == b.message, "\(text)")
      default: Issue.record("'\(text)': \(fast) but carefully \(careful)")
      }
    }
    #expect(accepted > 1000)  // plenty of both were tried
  }

  @Test("grouped puts a comma between every three digits of the yuan, as the string-splitting version did")
  func groupedAgrees() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<20_000 {
      let digits = Int.random(in: 1...18, using: &generator)
      let bound = digits == 18 ? Amount.maximumFen : Int64(pow10(digits))
      let fen = Int64.random(in: -bound...bound, using: &generator)
      #expect(Amount(fen: fen).grouped == Self.grouped(fen), "\(fen)")
    }
    #expect(Amount(fen: 0).grouped == "0.00")
    #expect(Amount(fen: -5).grouped == "-0.05")
    #expect(Amount(fen: 12_344_400).grouped == "123,444.00")
  }

  private func pow10(_ n: Int) -> Int64 { (0..<n).reduce(1) { r, _ in r * 10 } }

  /// The version before the fast one.
  static func grouped(_ fen: Int64) -> String {
    let m = fen.magnitude
    var whole = Substring(String(m / 100))
    var groups: [Substring] = []
    while whole.count > 3 {
      groups.append(whole.suffix(3))
      whole = whole.dropLast(3)
    }
    groups.append(whole)
    let cents = String(m % 100)
    return (fen < 0 ? "-" : "") + groups.reversed().joined(separator: ",") + "."
      + (cents.count < 2 ? "0" + cents : cents)
  }
}
