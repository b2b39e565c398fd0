import WenshuLayout

/// The verification routes as OpenAPI describes them.
extension OpenAPIDocument {
  static func verification(_ route: ServiceRoute, _ op: inout DataObject, _ responses: inout DataObject) {
    let code = query(
      "c", "the verification code's text as printed in the QR (WS1:…), URL-encoded",
      .object(["type": .string("string"), "maxLength": .integer(VerificationRoutes.longest)]))
    switch route {
    case .verify:
      op["summary"] = .string(
        "Checks a verification code printed on a document: valid or not, and the facts it states (to compare with the paper)."
      )
      op["parameters"] = .array([requiredQuery(code, minLength: 1)])
      responses["200"] = json(
        "the verdict; an altered, forged or unknown code is valid: false with the reason",
        ref("#/components/schemas/Verification"))
      responses["400"] = ref("#/components/responses/BadRequest")
    case .verifyPage:
      op["summary"] = .string(
        "The same verdict as a plain page for a clerk's phone, with a form to check a code; without c, the form.")
      op["parameters"] = .array([code])
      responses["200"] = .object([
        "description": .string("the page"), "headers": requestIdHeader,
        "content": .object(["text/html": .object(["schema": .object(["type": .string("string")])])]),
      ])
      responses["400"] = ref("#/components/responses/BadRequest")
    case .keys:
      op["summary"] = .string(
        "The offices' public verification keys by key id, current and retired: a document printed before a rotation still verifies."
      )
      responses["200"] = json("the keys", ref("#/components/schemas/KeyList"))
    default: break
    }
  }

  static func requiredQuery(_ parameter: DataValue, minLength: Int) -> DataValue {
    guard case .object(var p) = parameter, case .object(var schema)? = p["schema"] else { return parameter }
    p["required"] = .bool(true)
    schema["minLength"] = .integer(minLength)
    p["schema"] = .object(schema)
    return .object(p)
  }

  static let verificationSchema = DataValue.object([
    "type": .string("object"), "required": .strings(["valid"]),
    "properties": .object([
      "valid": .object(["type": .string("boolean")]),
      "reason": .object(["type": .string("string"), "description": .string("why the code is refused")]),
      "keyId": .object(["type": .string("string"), "description": .string("the key that signed it (GET /v1/keys)")]),
      "retired": .object([
        "type": .string("boolean"), "description": .string("signed with a key since retired (before a rotation)"),
      ]),
      "facts": .object([
        "type": .string("object"),
        "required": .strings(["document", "number", "office", "unit", "amounts", "pages", "printed", "digest"]),
        "properties": .object([
          "document": .object(["type": .string("string")]), "number": .object(["type": .string("string")]),
          "office": .object(["type": .string("string")]), "unit": .object(["type": .string("string")]),
          "amounts": .object(["type": .string("array"), "items": .object(["type": .string("string")])]),
          "pages": .object(["type": .string("integer")]),
          "account": .object([
            "type": .string("string"),
            "description": .string(
              "the account a payment is to go to, on a payment notice: compare it with the paper's"),
          ]),
          "printed": .object(["type": .string("string"), "description": .string("the print date, YYYY-MM-DD")]),
          "digest": .object([
            "type": .string("string"),
            "description": .string("the first 16 bytes of SHA-256 over the printed data, hex"),
          ]),
        ]),
      ]),
    ]),
  ])

  static let keyListSchema = DataValue.object([
    "type": .string("object"), "required": .strings(["keys"]),
    "properties": .object([
      "keys": .object([
        "type": .string("array"),
        "items": .object([
          "type": .string("object"), "required": .strings(["id", "office", "algorithm", "status", "publicKey"]),
          "properties": .object([
            "id": .object(["type": .string("string")]), "office": .object(["type": .string("string")]),
            "algorithm": .object(["type": .string("string"), "enum": .strings(["Ed25519"])]),
            "status": .object(["type": .string("string"), "enum": .strings(["current", "retired"])]),
            "publicKey": .object([
              "type": .string("string"), "description": .string("SubjectPublicKeyInfo PEM"),
            ]),
          ]),
        ]),
      ])
    ]),
  ])
}
