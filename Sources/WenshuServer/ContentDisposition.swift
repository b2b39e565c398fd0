import Foundation
import WenshuDocuments

/// `Content-Disposition` with an ASCII fallback and the UTF-8 name (RFC 6266, RFC 5987).
/// Previews are `inline` (a browser shows them), documents `attachment`.
func contentDisposition(_ file: FileName, inline: Bool = false) -> String {
  let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$&+-.^_`|~")
  let encoded = file.name.addingPercentEncoding(withAllowedCharacters: allowed) ?? file.ascii
  return "\(inline ? "inline" : "attachment"); filename=\"\(file.ascii)\"; filename*=UTF-8''\(encoded)"
}
