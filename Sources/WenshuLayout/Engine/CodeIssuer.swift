import Graphics

/// The facts a layout's verification QR names, filled from the data, and the page count.
public struct CodeFacts: Sendable, Equatable {
  public var number: String
  public var unit: String
  public var amounts: [String]
  /// The account a payment is to go to, where the layout names one.
  public var account: String?
  public var pages: Int
}

/// Signs a verification code for a document being laid out. Given by the caller, which holds
/// the keys and knows the document, its office and the date: the engine knows none of them.
public protocol CodeIssuer: Sendable {
  /// The text the QR holds (letters of QR's alphanumeric set print smallest).
  func code(for facts: CodeFacts) throws(RenderError) -> String
}
