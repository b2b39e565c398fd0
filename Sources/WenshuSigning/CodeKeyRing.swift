import Crypto
import Foundation

/// The verification-code keys in the operator's signing-key folder: `<office>.ed25519` is an
/// office's current key (PKCS#8 PEM, `openssl genpkey -algorithm ed25519`), and
/// `retired/<office>.<label>.pub` the public keys of its earlier ones (SPKI PEM,
/// `openssl pkey -in <office>.ed25519 -pubout`). A document printed before a rotation still
/// verifies, as long as its key's public half stays in `retired/`; no private key is kept there.
public struct CodeKeyRing: Sendable {
  public let current: [String: CodeKey]
  public let retired: [CodeKey]

  public init(current: [CodeKey], retired: [CodeKey] = []) {
    self.current = Dictionary(current.map { ($0.office, $0) }, uniquingKeysWith: { $1 })
    self.retired = retired
  }

  /// Reads the folder; a key that cannot be read stops the start, naming the file.
  public init(folder: URL) throws(SigningError) {
    let files = FileManager.default
    var current: [CodeKey] = []
    for name in ((try? files.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() where name.hasSuffix(".ed25519")
    {
      let path = folder.appendingPathComponent(name)
      guard let pem = try? String(contentsOf: path, encoding: .utf8) else {
        throw .unreadable("\(path.path): unreadable")
      }
      let raw: [UInt8]
      do { raw = try CodeKey.raw(pem, prefix: CodeKey.privatePrefix, what: "private") } catch {
        throw .unreadable("\(path.path): \(error)")
      }
      guard let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw) else {
        throw .unreadable("\(path.path): not an Ed25519 key")
      }
      current.append(CodeKey(office: String(name.dropLast(".ed25519".count)), privateKey: key))
    }
    var retired: [CodeKey] = []
    let old = folder.appendingPathComponent("retired")
    for name in ((try? files.contentsOfDirectory(atPath: old.path)) ?? []).sorted() where name.hasSuffix(".pub") {
      let path = old.appendingPathComponent(name)
      guard let pem = try? String(contentsOf: path, encoding: .utf8) else {
        throw .unreadable("\(path.path): unreadable")
      }
      let raw: [UInt8]
      do { raw = try CodeKey.raw(pem, prefix: CodeKey.publicPrefix, what: "public") } catch {
        throw .unreadable("\(path.path): \(error)")
      }
      guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else {
        throw .unreadable("\(path.path): not an Ed25519 public key")
      }
      // `qingdao.2026-12.pub` is one of Qingdao's earlier keys.
      retired.append(CodeKey(office: String(name.prefix { $0 != "." }), publicKey: key))
    }
    self.init(current: current, retired: retired)
  }

  func key(id: String) -> CodeKey? {
    current.values.first { $0.id == id } ?? retired.first { $0.id == id }
  }

  func isCurrent(_ id: String) -> Bool { current.values.contains { $0.id == id } }

  /// Every public key with its id and office, current first: what `GET /v1/keys` lists.
  public var published: [PublishedKey] {
    current.values.sorted { $0.office < $1.office }.map { PublishedKey($0, status: "current") }
      + retired.map { PublishedKey($0, status: "retired") }
  }
}

public struct PublishedKey: Codable, Equatable, Sendable {
  public var id: String
  public var office: String
  public var algorithm = "Ed25519"
  public var status: String
  public var publicKey: String

  init(_ key: CodeKey, status: String) {
    (id, office, self.status, publicKey) = (key.id, key.office, status, key.publicPEM)
  }
}
