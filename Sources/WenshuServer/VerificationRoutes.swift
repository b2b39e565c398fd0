import Foundation
import HTTPTypes
import Hummingbird
import WenshuSigning

/// The verification routes: `GET /v1/verify?c=` (JSON), `GET /verify?c=` (a plain page a clerk
/// opens on a phone) and `GET /v1/keys` (the public keys, current and retired, by key id). They
/// show only what the code itself holds, and need no API key.
struct VerificationRoutes: Sendable {
  let keys: CodeKeyRing

  /// The longest code read (the description says so): a printed code is under 500 characters.
  static let longest = 4096

  /// The code in `c`, as a form sends it (`+` for a space: Base45 has spaces); a longer one
  /// than `longest` is refused, not read.
  static func code(_ request: Request) throws -> String? {
    for pair in (request.uri.query ?? "").split(separator: "&") {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard parts.count == 2, parts[0] == "c" else { continue }
      let code = String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
      if let code, code.unicodeScalars.count > longest {
        throw Problem(
          status: .badRequest, title: "Code too long",
          detail: "a verification code is at most \(longest) characters (a printed one is under 500)")
      }
      return code
    }
    return nil
  }

  func verdict(_ request: Request) throws -> Response {
    guard let code = try Self.code(request), !code.isEmpty else {
      throw Problem(
        status: .badRequest, title: "No code", detail: "give the printed code's text as ?c=WS1:… (URL-encoded)")
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let body = try encoder.encode(VerificationAnswer(code: code, keys: keys))
    return Response(
      status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
      body: .init(byteBuffer: ByteBuffer(bytes: body)))
  }

  func page(_ request: Request) throws -> Response {
    let code = try Self.code(request).flatMap { $0.isEmpty ? nil : $0 }
    let html = VerificationPage.html(code: code, answer: code.map { VerificationAnswer(code: $0, keys: keys) })
    return Response(
      status: .ok,
      headers: [
        .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
        .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
      ],
      body: .init(byteBuffer: ByteBuffer(string: html)))
  }

  func published() throws -> Response {
    struct Listing: Encodable { var keys: [PublishedKey] }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let body = try encoder.encode(Listing(keys: keys.published))
    return Response(
      status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
  }
}

/// The clerk's page: the verdict in large words, the facts the code states, and a form to check
/// another code. Every text from the code is escaped; nothing else from the request is shown.
enum VerificationPage {
  static func html(code: String?, answer: VerificationAnswer?) -> String {
    var body = ""
    if let answer {
      if answer.valid, let facts = answer.facts {
        body += "<p class=\"ok\">✔ 真实有效 — genuine</p>\n"
        body += "<p>由办事处 \(escape(facts.office)) 签发\(answer.retired == true ? "（以已轮换的密钥签发，轮换前有效）" : "")。"
        body += "请核对纸面内容与下列各项一致 (check that the paper says the same)：</p>\n<table>\n"
        for (label, value) in facts.labelled {
          body += "<tr><th>\(escape(label))</th><td>\(escape(value))</td></tr>\n"
        }
        body += "<tr><th>密钥 key</th><td>\(escape(answer.keyId ?? ""))</td></tr>\n</table>\n"
      } else {
        body += "<p class=\"bad\">✘ 无效 — not valid</p>\n<p>\(escape(answer.reason ?? ""))</p>\n"
        body += "<p>此文书不能证明为本会签发，请勿据此缴费。(Do not pay from this paper.)</p>\n"
      }
    }
    body += """
      <form method="get" action="/verify">
      <label for="c">验证码 (the text of the QR code, WS1:…)</label>
      <textarea id="c" name="c" rows="4">\(escape(code ?? ""))</textarea>
      <button type="submit">查验 Verify</button>
      </form>
      """
    return """
      <!doctype html>
      <html lang="zh-CN">
      <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
      <title>文书验真 Wenshu verification</title>
      <style>
      body { font-family: sans-serif; margin: 1em; max-width: 40em; }
      .ok { color: #0a6b2b; font-size: 1.6em; font-weight: bold; }
      .bad { color: #b00020; font-size: 1.6em; font-weight: bold; }
      th { text-align: left; padding-right: 1em; vertical-align: top; }
      textarea { width: 100%; font-family: monospace; }
      button { font-size: 1.2em; margin-top: .5em; }
      </style></head>
      <body>
      <h1>文书验真</h1>
      \(body)
      </body></html>

      """
  }

  /// Text as HTML: nothing a code holds can become markup.
  static func escape(_ text: String) -> String {
    var out = ""
    for c in text {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(c)
      }
    }
    return out
  }
}
