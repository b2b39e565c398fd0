/// What a document says about itself, for any output format (a PDF's document information,
/// an OFD's DocInfo). `created` is `YYYY-MM-DDThh:mm:ss[+hh:mm]`; it is always given, so the
/// same input gives the same bytes.
public struct DocumentInfo: Sendable, Hashable {
  public var title, author, subject, creator: String
  public var created: String
  public init(title: String, author: String, subject: String, creator: String, created: String) {
    self.title = title
    self.author = author
    self.subject = subject
    self.creator = creator
    self.created = created
  }
}
