import Foundation

/// The operator's folder of signing keys (`--signing-keys DIR`): `DIR/<office id>.pem` holds the
/// office's certificate chain and `DIR/<office id>.key` its private key; `DIR/<office id>.ed25519`
/// signs its verification codes (see `CodeKeyRing`). Kept out of `Layouts/`:
/// a key is a secret (a mounted secret in Kubernetes), a layout is not.
public struct SigningKeys: Sendable {
  public let folder: URL
  /// The offices with both files, read at start-up so a broken key stops the start, not a request.
  public let identities: [String: SigningIdentity]
  /// The verification-code keys in the same folder (`<office>.ed25519`, `retired/*.pub`).
  public let codes: CodeKeyRing

  /// Reads every `<office>.pem` with its `<office>.key`; a `.pem` without its key (or the reverse)
  /// or one that cannot be read is an error naming the file.
  public init(folder: URL) throws(SigningError) {
    self.folder = folder
    let names: [String]
    do { names = try FileManager.default.contentsOfDirectory(atPath: folder.path) } catch {
      throw .unreadable("cannot read the signing-key folder \(folder.path): \(error.localizedDescription)")
    }
    var identities: [String: SigningIdentity] = [:]
    let offices = Set(names.filter { $0.hasSuffix(".pem") || $0.hasSuffix(".key") }.map { String($0.dropLast(4)) })
    for office in offices.sorted() {
      let chain = folder.appendingPathComponent(office + ".pem")
      let key = folder.appendingPathComponent(office + ".key")
      guard let chainPEM = try? String(contentsOf: chain, encoding: .utf8) else {
        throw .unreadable("\(chain.path): missing or unreadable (the office's certificate chain)")
      }
      guard let keyPEM = try? String(contentsOf: key, encoding: .utf8) else {
        throw .unreadable("\(key.path): missing or unreadable (the office's private key)")
      }
      do { identities[office] = try SigningIdentity(chainPEM: chainPEM, keyPEM: keyPEM) } catch {
        throw .unreadable("\(office) (\(chain.lastPathComponent), \(key.lastPathComponent)): \(error)")
      }
    }
    self.identities = identities
    codes = try CodeKeyRing(folder: folder)
  }

  /// The office's identity, or an error naming the files that are missing.
  public func identity(office: String) throws(SigningError) -> SigningIdentity {
    guard let identity = identities[office] else { throw .noKey(office: office, folder: folder.path) }
    return identity
  }
}
