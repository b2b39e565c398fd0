/// What a verifier says of one code: the command line, `GET /v1/verify` and the clerk's page
/// all tell the same. The facts are only those the code holds, shown only when it is genuine.
public struct VerificationAnswer: Codable, Equatable, Sendable {
  public var valid: Bool
  /// Why it was refused (invalid only).
  public var reason: String?
  public var facts: VerificationFacts?
  /// The id of the key that signed it (`GET /v1/keys`).
  public var keyId: String?
  /// Signed with a key since retired: issued before the rotation, still genuine.
  public var retired: Bool?

  /// Checks `code` against the ring.
  public init(code: String, keys: CodeKeyRing) {
    do {
      let verified = try VerificationCode.verify(code, keys: keys)
      (valid, facts, keyId, retired) = (true, verified.facts, verified.keyID, verified.retired)
    } catch {
      (valid, reason) = (false, error.description)
    }
  }

  /// The answer as lines for a terminal: the verdict, then each fact.
  public var lines: [String] {
    guard valid, let facts else { return ["INVALID: \(reason ?? "")"] }
    let key = "\(keyId ?? "")\(retired == true ? ", retired since" : "")"
    return ["VALID: issued by office \(facts.office) (key \(key))"] + facts.labelled.map { "\($0.label): \($0.value)" }
  }
}

extension VerificationFacts {
  /// Each fact with a label a clerk reads (Chinese, then English).
  public var labelled: [(label: String, value: String)] {
    [
      ("文书 document", document), ("编号 number", number), ("办事处 office", office), ("单位 unit", unit),
      ("金额 amounts", amounts.joined(separator: "、")), ("页数 pages", String(pages)), ("打印日期 printed", printed),
      ("数据摘要 data digest", digest),
    ] + (account.map { [("收款账号 account", $0)] } ?? [])
  }
}
