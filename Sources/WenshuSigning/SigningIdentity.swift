import Crypto
import Foundation
import SwiftASN1
import X509
import _CryptoExtras

/// An office's signing key with the certificate chain that names it: what signs its PDFs.
/// The first certificate of the chain is the signer's; the rest are its issuers, sent along so a
/// validator can build the path to the trust root it holds.
public struct SigningIdentity: Sendable {
  /// The private key, P-256 (ECDSA) or RSA of at least 2048 bits.
  enum Key: Sendable {
    case p256(P256.Signing.PrivateKey)
    case rsa(_RSA.Signing.PrivateKey)
  }

  let key: Key
  /// The chain as DER, signer first.
  let chain: [[UInt8]]
  public let certificate: Certificate

  /// Reads a PEM chain (signer first) and its PEM private key (PKCS#8, SEC1 or PKCS#1).
  public init(chainPEM: String, keyPEM: String) throws(SigningError) {
    let documents: [PEMDocument]
    do { documents = try PEMDocument.parseMultiple(pemString: chainPEM) } catch {
      throw .unreadable("the certificate chain is not PEM: \(error)")
    }
    let certificates = documents.filter { $0.discriminator == "CERTIFICATE" }
    guard let first = certificates.first else { throw .unreadable("the chain holds no CERTIFICATE") }
    do { certificate = try Certificate(derEncoded: first.derBytes) } catch {
      throw .unreadable("the signer's certificate is not X.509: \(error)")
    }
    chain = certificates.map(\.derBytes)
    if let ec = try? P256.Signing.PrivateKey(pemRepresentation: keyPEM) {
      key = .p256(ec)
      guard Certificate.PublicKey(ec.publicKey) == certificate.publicKey else { throw .mismatch }
    } else if let rsa = try? _RSA.Signing.PrivateKey(pemRepresentation: keyPEM) {
      guard rsa.keySizeInBits >= 2048 else { throw .unreadable("an RSA key must have at least 2048 bits") }
      key = .rsa(rsa)
      guard Certificate.PublicKey(rsa.publicKey) == certificate.publicKey else { throw .mismatch }
    } else {
      throw .unreadable("the private key is neither a P-256 nor an RSA (2048 bits or more) PEM key")
    }
  }

  /// The signature over `bytes` (SHA-256): DER `ECDSA-Sig-Value` or a PKCS#1 v1.5 block.
  func sign(_ bytes: [UInt8]) throws(SigningError) -> [UInt8] {
    do {
      switch key {
      case .p256(let key): return Array(try key.signature(for: bytes).derRepresentation)
      case .rsa(let key): return Array(try key.signature(for: bytes, padding: .insecurePKCS1v1_5).rawRepresentation)
      }
    } catch { throw .failed("\(error)") }
  }

  /// The CMS `signatureAlgorithm` of this key.
  var signatureAlgorithm: ASN1ObjectIdentifier {
    switch key {
    case .p256: return [1, 2, 840, 10045, 4, 3, 2]  // ecdsa-with-SHA256
    case .rsa: return [1, 2, 840, 113549, 1, 1, 11]  // sha256WithRSAEncryption
    }
  }
}

/// Why a document could not be signed, or a key not read.
public enum SigningError: Error, Equatable, CustomStringConvertible {
  case unreadable(String)
  case mismatch
  case noKey(office: String, folder: String)
  case unsupportedPDF(String)
  case failed(String)

  public var description: String {
    switch self {
    case .unreadable(let why): return why
    case .mismatch: return "the private key does not belong to the chain's first certificate"
    case .noKey(let office, let folder):
      return "no signing key for office “\(office)” in \(folder) (\(office).pem and \(office).key)"
    case .unsupportedPDF(let why): return "cannot sign this PDF: \(why)"
    case .failed(let why): return "signing failed: \(why)"
    }
  }
}
