import Crypto
import SwiftASN1

/// A detached CMS `SignedData` (RFC 5652) as PAdES B-B wants it (ETSI EN 319 142-1): signed
/// attributes content-type, message-digest and signing-certificate-v2 (RFC 5035), no
/// signing-time (the PDF's `/M` carries the time), the whole chain in `certificates`.
/// Written with swift-asn1 because swift-certificates' CMS signer is SPI and adds no
/// signing-certificate-v2.
enum CMSSignature {
  static let sha256: ASN1ObjectIdentifier = [2, 16, 840, 1, 101, 3, 4, 2, 1]
  static let data: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 7, 1]
  static let signedData: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 7, 2]
  static let contentType: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 9, 3]
  static let messageDigest: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 9, 4]
  static let signingCertificateV2: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 9, 16, 2, 47]
  static let rsaSignature: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 1, 11]

  /// The DER `ContentInfo` of a detached signature over `content` (the PDF's byte range).
  static func sign(_ content: [UInt8], with identity: SigningIdentity) throws(SigningError) -> [UInt8] {
    do {
      let attributes = try signedAttributes(
        digest: Array(SHA256.hash(data: content)), signer: identity.chain[0])
      // The signature covers the attributes encoded as a SET (RFC 5652 §5.4), stored as [0].
      let signature = try identity.sign(attributes)
      var implicitAttributes = attributes
      implicitAttributes[0] = 0xA0
      let (issuer, serial) = try issuerAndSerial(identity.chain[0])
      var out = DER.Serializer()
      try out.appendConstructedNode(identifier: .sequence) { info in
        try info.serialize(signedData)
        try info.serialize(explicitlyTaggedWithTagNumber: 0, tagClass: .contextSpecific) { explicit in
          try explicit.appendConstructedNode(identifier: .sequence) { signed in
            try signed.serialize(1)
            try signed.appendConstructedNode(identifier: .set) { try algorithm(sha256, into: &$0) }
            try signed.appendConstructedNode(identifier: .sequence) { try $0.serialize(data) }
            signed.appendConstructedNode(identifier: ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific)) {
              for certificate in identity.chain { $0.serializeRawBytes(certificate) }
            }
            try signed.appendConstructedNode(identifier: .set) { infos in
              try infos.appendConstructedNode(identifier: .sequence) { signer in
                try signer.serialize(1)
                signer.appendConstructedNode(identifier: .sequence) {
                  $0.serializeRawBytes(issuer)
                  $0.serializeRawBytes(serial)
                }
                try algorithm(sha256, into: &signer)
                signer.serializeRawBytes(implicitAttributes)
                try algorithm(identity.signatureAlgorithm, into: &signer)
                try signer.serialize(ASN1OctetString(contentBytes: signature[...]))
              }
            }
          }
        }
      }
      return out.serializedBytes
    } catch let error as SigningError {
      throw error
    } catch {
      throw .failed("\(error)")
    }
  }

  /// The signed attributes as a DER SET, members in DER order (sorted by their encoding).
  static func signedAttributes(digest: [UInt8], signer: [UInt8]) throws -> [UInt8] {
    let certificateHash = Array(SHA256.hash(data: signer))
    var members: [[UInt8]] = []
    members.append(
      try attribute(contentType) { try $0.serialize(data) })
    members.append(
      try attribute(messageDigest) { try $0.serialize(ASN1OctetString(contentBytes: digest[...])) })
    // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }; ESSCertIDv2 with the
    // default hash algorithm (SHA-256) omitted, as DER requires.
    members.append(
      try attribute(signingCertificateV2) { value in
        try value.appendConstructedNode(identifier: .sequence) { v2 in
          try v2.appendConstructedNode(identifier: .sequence) { certs in
            try certs.appendConstructedNode(identifier: .sequence) {
              try $0.serialize(ASN1OctetString(contentBytes: certificateHash[...]))
            }
          }
        }
      })
    members.sort { $0.lexicographicallyPrecedes($1) }
    var out = DER.Serializer()
    out.appendConstructedNode(identifier: .set) { set in
      for member in members { set.serializeRawBytes(member) }
    }
    return out.serializedBytes
  }

  static func attribute(
    _ type: ASN1ObjectIdentifier, value: (inout DER.Serializer) throws -> Void
  ) throws -> [UInt8] {
    var out = DER.Serializer()
    try out.appendConstructedNode(identifier: .sequence) { attribute in
      try attribute.serialize(type)
      try attribute.appendConstructedNode(identifier: .set) { try value(&$0) }
    }
    return out.serializedBytes
  }

  /// An AlgorithmIdentifier; RSA's carries the NULL parameters RFC 4055 asks for.
  static func algorithm(_ oid: ASN1ObjectIdentifier, into coder: inout DER.Serializer) throws {
    try coder.appendConstructedNode(identifier: .sequence) { algorithm in
      try algorithm.serialize(oid)
      if oid == rsaSignature { try algorithm.serialize(ASN1Null()) }
    }
  }

  /// The issuer Name and serialNumber of a certificate, as their own DER bytes.
  static func issuerAndSerial(_ certificate: [UInt8]) throws -> (issuer: [UInt8], serial: [UInt8]) {
    let root = try DER.parse(certificate)
    guard case .constructed(let top) = root.content, let tbs = top.first(where: { _ in true }),
      case .constructed(let fields) = tbs.content
    else { throw SigningError.unreadable("the signer's certificate is not a certificate") }
    var nodes = Array(fields)
    if nodes.first?.identifier == ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific) {
      nodes.removeFirst()  // the version
    }
    guard nodes.count >= 3 else { throw SigningError.unreadable("the signer's certificate is truncated") }
    return (Array(nodes[2].encodedBytes), Array(nodes[0].encodedBytes))
  }
}
