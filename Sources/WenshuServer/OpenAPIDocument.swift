import WenshuDocuments
import WenshuLayout
import WenshuSheets
import WenshuWorkbook

/// The OpenAPI 3.1 description of the service, written from the catalogue when the server
/// starts (so it is always the layouts the server has): one path per document, its request
/// body the document's JSON Schema, examples from `samples/`. `docs/openapi.yaml` is a copy,
/// kept equal by a test; `wenshu openapi` prints it.
public enum OpenAPIDocument {
  /// `examples`: sample data by document, each with its name (from `samples/<document>/`).
  public static func yaml(catalog: DocumentCatalog, examples: [String: [(name: String, data: DataValue)]]) -> String {
    YAMLText.write(value(catalog: catalog, examples: examples))
  }

  static func value(catalog: DocumentCatalog, examples: [String: [(name: String, data: DataValue)]]) -> DataValue {
    var paths = DataObject()
    for route in ServiceRoute.allCases {
      let documents = route.path.contains("{document}") ? catalog.documents : [""]
      for document in documents {
        let path = route.path.replacingOccurrences(of: "{document}", with: document)
        var operations: DataObject
        if case .object(let o)? = paths[path] { operations = o } else { operations = DataObject() }
        let described = operation(route, document: document, catalog: catalog, examples: examples[document] ?? [])
        operations[route.method.rawValue.lowercased()] = described
        if route.method == .get { operations["head"] = headOperation(described) }
        paths[path] = .object(operations)
      }
    }
    var schemas = DataObject([
      "Problem": named(problemSchema, "Problem"), "DocumentList": named(documentListSchema, "DocumentList"),
      "Verification": named(verificationSchema, "Verification"), "KeyList": named(keyListSchema, "KeyList"),
    ])
    for (name, schema) in jobSchemas.entries { schemas[name] = schema }
    for document in catalog.documents {
      let layouts = catalog.layouts[document] ?? []
      if layouts.count > 1 {
        for layout in layouts {
          schemas[componentName(layout)] = named(
            SchemaKeys.mapped(catalog.dataSchema(of: layout)), componentName(layout))
        }
      }
      guard case .object(var whole) = SchemaKeys.mapped(catalog.documentSchema(document)) else { continue }
      whole["$schema"] = nil
      if layouts.count > 1 { whole["oneOf"] = .array(layouts.map { ref("#/components/schemas/\(componentName($0))") }) }
      schemas[schemaName(document)] = named(.object(whole), schemaName(document))
    }
    var exampleComponents = DataObject()
    for (document, list) in examples.sorted(by: { $0.key < $1.key }) {
      for example in list {
        exampleComponents["\(document).\(example.name)"] = .object([
          "summary": .string("samples/\(document)/\(example.name).json"), "value": example.data,
        ])
      }
    }
    return .object([
      "openapi": .string("3.1.0"),
      "info": .object([
        // ASCII, as generators make the client package's name of it.
        "title": .string("Wenshu render service"), "version": .string(ProductVersion.current),
        "description": .string(description),
      ]),
      "security": .array([.object([:]), .object(["bearer": .array([])]), .object(["apiKey": .array([])])]),
      "paths": .object(paths),
      "webhooks": webhooks,
      "components": .object([
        "securitySchemes": .object([
          "bearer": .object([
            "type": .string("http"), "scheme": .string("bearer"),
            "description": .string(
              "Required only when the server runs with API keys (--api-keys-file, WENSHU_API_KEYS); the scheme name is case-insensitive."
            ),
          ]),
          "apiKey": .object([
            "type": .string("apiKey"), "in": .string("header"), "name": .string("X-API-Key"),
            "description": .string("The same keys, in their own header."),
          ]),
        ]),
        "headers": .object(headers),
        "responses": .object(problemResponses),
        "schemas": .object(schemas),
        "examples": .object(exampleComponents),
      ]),
    ])
  }

  static let description = """
    Wenshu (文书) renders the mutual-insurance associations' documents as PDF (or one page as PNG)
    from JSON data.
    What Wenshu prints is exactly the data, checked, or it refuses, saying why: errors are
    application/problem+json (RFC 9457) listing every problem with its JSON path.

    The data. Each document's request body is its JSON Schema (draft 2020-12, also served at
    /v1/documents/{document}/schema?variant=&office=), and the schema is what the server accepts:
    objects are closed (an unknown field is refused); an optional field may be absent or null, a
    required one neither; whole numbers may be written 43 or 43.0 (the same JSON number; printed 43);
    amounts are strings such as "80.00" (a JSON number is refused: senders' numbers are mostly
    binary floating point); dates are YYYY-MM-DD and exist, nothing after them; `office` is the id
    of an office profile the layout serves (the server fills in its name, account and signer;
    overriding them is refused unless the server is started to allow it); `variant` picks the
    document's form. What JSON Schema cannot say is refused with 422 and the path: ID numbers'
    and credit codes' check characters, totals that must equal their lines, characters no bundled
    font has. A credit code that fails its check on an e-bill only warns (X-Wenshu-Warnings).

    Authentication. Without API keys configured (the default, when the server listens on
    127.0.0.1 only) no credentials are needed. With keys, every route except /healthz and
    /readyz (and verification: /verify, /v1/verify, /v1/keys) needs `Authorization: Bearer KEY`
    or `X-API-Key: KEY`, else 401. A key may be
    limited to some offices (the data's `office`) and documents: a render, batch item or
    validation outside them is 403 naming the key. Listings and schemas are open to any key.

    A render is deterministic and stateless: safe to retry on another replica after a connection
    error, a 429 (the queue is full) or a 503 with Retry-After (it waited too long for a worker).
    A 503 without Retry-After (problem type urn:wenshu:problem:time-budget) is a render that
    exceeded its time budget: the same data will take as long again.

    Files. A PDF, PNG or ZIP (and this description) is sent with its own media type, or as
    application/octet-stream (the same bytes) to a client whose Accept asks for that and not for
    the file's type. Its name is in Content-Disposition: the UTF-8 name in filename* and an ASCII
    one in filename for clients that ignore filename* (`curl -OJ`), which names the document and
    tells one file from another (`notification-2e856a9a.pdf` when the name has no number in ASCII).

    Schema names. Each document's schema is named in UpperCamelCase (`PaymentNotice`), each of
    its layouts' by document, variant and offices (`PaymentNoticeDefaultGuangdong`). An object
    whose keys differ only in punctuation (`A` and `A+`) is described as a map of those keys, so
    a generated client keeps every key; such enum values are named in x-enum-varnames (`A_PLUS_SIGN`).
    """

  static func operation(
    _ route: ServiceRoute, document: String, catalog: DocumentCatalog,
    examples: [(name: String, data: DataValue)]
  ) -> DataValue {
    let open = route.open
    var responses = DataObject()
    var op = DataObject()
    switch route {
    case .health:
      op["summary"] = .string("The process is alive (liveness probe).")
      responses["200"] = text("alive")
    case .readiness:
      op["summary"] = .string("Fonts and every layout are loaded; the service takes renders (readiness probe).")
      responses["200"] = text("ready")
    case .metrics:
      op["summary"] = .string(
        "Prometheus metrics: requests by document and status, render durations, pages, renders in flight and queued.")
      responses["200"] = text("metrics")
    case .openAPI:
      op["summary"] = .string("This description, written from the layouts the server has.")
      responses["200"] = .object([
        "description": .string("the OpenAPI description"), "headers": requestIdHeader,
        "content": .object([
          "application/yaml": .object(["schema": .object(["type": .string("string")])]),
          "application/octet-stream": .object([
            "schema": .object(["type": .string("string"), "format": .string("binary")])
          ]),
        ]),
      ])
    case .documents:
      op["summary"] = .string("The documents, their variants, offices, titles and where their schemas are.")
      responses["200"] = json("the documents", ref("#/components/schemas/DocumentList"))
    case .schema:
      let layouts = catalog.layouts[document] ?? []
      op["summary"] = .string(
        "The JSON Schema of the \(document) data: without parameters the document's, else the one layout's.")
      op["parameters"] = .array([
        query(
          "variant", "the layout's variant",
          .object(["type": .string("string"), "enum": .strings(Array(Set(layouts.map(\.variant))).sorted())])),
        query(
          "office", "an office profile id the layout serves",
          .object([
            "type": .string("string"),
            "enum": .strings(Array(Set(layouts.flatMap { catalog.offices(servedBy: $0) })).sorted()),
          ])),
      ])
      responses["200"] = .object([
        "description": .string("the schema (JSON Schema 2020-12)"), "headers": requestIdHeader,
        "content": .object(["application/schema+json": .object(["schema": .object(["type": .string("object")])])]),
      ])
      responses["404"] = ref("#/components/responses/NotFound")
      op["description"] = .string(
        "A variant and an office that no layout has together (the 告知书 has no default form for Guangdong) get 404; GET /v1/documents lists the layouts and their offices."
      )
    case .render:
      let sheets = sheetNames(document, catalog)
      op["summary"] = .string(
        "Renders one \(document) as PDF (or OFD), or one page as PNG\(sheets.isEmpty ? "" : ", or its lists as a workbook (xlsx)")."
      )
      op["parameters"] = .array([
        query(
          "format",
          "pdf, png for one page, or ofd (GB/T 33190, the national fixed-layout format)"
            + (sheets.isEmpty ? "" : ", or xlsx: \(sheetsDescription(sheets))"),
          .object([
            "type": .string("string"), "enum": .strings(["pdf", "png", "ofd"] + (sheets.isEmpty ? [] : ["xlsx"])),
            "default": .string("pdf"),
          ])),
        query(
          "page", "the page to return as PNG, from 1 (400 beyond the document's last); ignored for a PDF",
          .object(["type": .string("integer"), "minimum": .integer(1), "default": .integer(1)])),
        query(
          "dpi", "the PNG's resolution",
          .object([
            "type": .string("number"), "minimum": .integer(24), "maximum": .integer(300), "default": .integer(96),
          ])),
      ])
      op["requestBody"] = body(
        ref("#/components/schemas/\(schemaName(document))"), document: document, examples: examples, batch: false,
        form: true)
      responses["200"] = rendered(
        "the document (PDF or OFD), or the page (PNG, inline)" + (sheets.isEmpty ? "" : ", or the workbook (xlsx)"),
        ["application/pdf", "image/png", OutputFormat.ofdMediaType] + (sheets.isEmpty ? [] : [WorkbookXLSX.contentType])
      )
    case .batch:
      op["summary"] = .string("Renders an array of \(document) data as one PDF, or a ZIP of one PDF (or OFD) each.")
      let sheets = sheetNames(document, catalog)
      op["parameters"] = .array([
        query(
          "format",
          "pdf (one file), zip (one PDF each) or ofd (a ZIP of one OFD each)"
            + (sheets.isEmpty ? "" : ", or xlsx (a ZIP of one workbook each: \(sheetsDescription(sheets)))"),
          .object([
            "type": .string("string"), "enum": .strings(["pdf", "zip", "ofd"] + (sheets.isEmpty ? [] : ["xlsx"])),
            "default": .string("pdf"),
          ]))
      ])
      op["requestBody"] = body(
        .object([
          "type": .string("array"), "minItems": .integer(1),
          "items": ref("#/components/schemas/\(schemaName(document))"),
        ]),
        document: document, examples: examples, batch: true)
      responses["200"] = rendered(
        "the documents one after another, or a ZIP archive (of PDFs, or of workbooks)",
        ["application/pdf", "application/zip"])
    case .verify, .verifyPage, .keys:
      verification(route, &op, &responses)
    case .submitJob, .job, .cancelJob, .jobResult:
      jobOperation(route, &op, &responses)
    case .validate:
      op["summary"] = .string("Checks \(document) data as a render would, without printing: its problems and warnings.")
      // Any JSON is taken: checking data that breaks the schema is what this route is for.
      let anyData = DataValue.object([
        "description": .string(
          "any JSON; checked against #/components/schemas/\(schemaName(document)), as a render would check it")
      ])
      op["requestBody"] = body(anyData, document: document, examples: examples, batch: false)
      let list = DataValue.object(["type": .string("array"), "maxItems": .integer(100), "items": problemItemSchema])
      responses["200"] = json(
        "the verdict: valid or not, the page count when valid, the first 100 problems and warnings and their totals",
        .object([
          "type": .string("object"), "required": .strings(["valid", "problems", "warnings"]),
          "properties": .object([
            "valid": .object(["type": .string("boolean")]), "pages": .object(["type": .string("integer")]),
            "problems": list, "problemCount": .object(["type": .string("integer")]), "warnings": list,
            "warningCount": .object(["type": .string("integer")]),
          ]),
        ]))
    }
    if route.method == .post {
      for status in ["400", "404", "408", "413", "415", "422"] {
        responses[status] = ref("#/components/responses/\(problemNames[status]!)")
      }
    }
    if route.method == .post && route != .batch
      && Self.readsMemberList(document, catalog)
    {
      op["requestBody"] = withMemberForm(op["requestBody"])
      responses["422"] = ref("#/components/responses/FailedRows")
    }
    if !open { responses["401"] = ref("#/components/responses/Unauthorized") }
    responses["403"] = ref("#/components/responses/Forbidden")
    responses["405"] = ref("#/components/responses/MethodNotAllowed")
    if route.path.hasPrefix("/v1/documents/{document}") && route.method == .post {
      responses["429"] = ref("#/components/responses/Busy")
      responses["503"] = ref("#/components/responses/Unavailable")
    }
    op["operationId"] = .string(operationId(route, document: document))
    if !document.isEmpty { op["tags"] = .strings([document]) }
    if open { op["security"] = .array([.object([:])]) }
    op["responses"] = .object(responses)
    return .object(op)
  }

  /// A document whose data has a member list takes it as a spreadsheet too (multipart).
  static func readsMemberList(_ document: String, _ catalog: DocumentCatalog) -> Bool {
    catalog.layouts[document]?.contains { !MemberImport.memberFields($0).isEmpty } ?? false
  }

  /// The JSON body, or a form with the JSON (`data`) and the unit's spreadsheet (`members`).
  static func withMemberForm(_ body: DataValue?) -> DataValue? {
    guard case .object(var request)? = body, case .object(var content)? = request["content"] else { return body }
    content["multipart/form-data"] = .object([
      "schema": .object([
        "type": .string("object"), "required": .strings(["data", "members"]),
        "properties": .object([
          "data": .object([
            "type": .string("string"), "description": .string("the document's JSON data; its members are replaced"),
          ]),
          "members": .object([
            "type": .string("string"), "format": .string("binary"),
            "description": .string(
              "the member list as .xlsx (its first sheet with a list's header row) or CSV (UTF-8 or GBK)"),
          ]),
        ]),
      ]),
      "encoding": .object([
        "data": .object(["contentType": .string("application/json")]),
        "members": .object([
          "contentType": .string("\(WorkbookXLSX.contentType), text/csv, application/octet-stream")
        ]),
      ]),
    ])
    request["content"] = .object(content)
    return .object(request)
  }

  /// 422 on a route that takes a member list: problem+json, or the failed rows when asked.
  static let failedRowsResponse = DataValue.object([
    "description": .string(
      "The data does not meet the document's schema or rules; every problem is listed with its JSON path (problem+json). "
        + "When the member list came as a spreadsheet (multipart) and rows fail, a request with `Accept: "
        + WorkbookXLSX.contentType + "` (or `text/csv`) gets the failed rows instead, to fix and upload again: "
        + "the list's header and columns, only the failed rows with their row numbers (原行号) and reasons (失败原因), "
        + "each cell to fix filled and commented; problems not about a row on a first sheet (表格问题)."),
    "headers": .object([
      "X-Request-Id": ref("#/components/headers/X-Request-Id"),
      "Content-Disposition": ref("#/components/headers/Content-Disposition"),
    ]),
    "content": .object([
      "application/problem+json": .object(["schema": ref("#/components/schemas/Problem")]),
      WorkbookXLSX.contentType: .object(["schema": .object(["type": .string("string"), "format": .string("binary")])]),
      "text/csv": .object(["schema": .object(["type": .string("string")])]),
    ]),
  ])

  static func operationId(_ route: ServiceRoute, document: String) -> String {
    let words =
      (route.method.rawValue.lowercased() + " " + route.path.replacingOccurrences(of: "{document}", with: document))
      .split { !$0.isLetter && !$0.isNumber }
    return words.enumerated().map {
      $0.offset == 0 ? String($0.element) : $0.element.prefix(1).uppercased() + $0.element.dropFirst()
    }.joined()
  }

  /// A layout's schema: document, variant and offices (`PaymentNoticeDefaultGuangdong`), never
  /// the name of its document's schema, as generators name a class after each.
  static func componentName(_ layout: LayoutDescription) -> String {
    schemaName(([layout.document, layout.variant] + layout.offices).joined(separator: "-"))
  }

  /// `payment-notice` → `PaymentNotice`: an identifier in every language a client is made in.
  static func schemaName(_ words: String) -> String {
    words.split { !$0.isASCII || !($0.isLetter || $0.isNumber) }.map { $0.prefix(1).uppercased() + $0.dropFirst() }
      .joined()
  }

  /// A component titled by its name: generators name the class after the title when there is one.
  static func named(_ schema: DataValue, _ name: String) -> DataValue {
    guard case .object(var o) = schema else { return schema }
    if let title = o["title"]?.text, o["description"] == nil { o["description"] = .string(title) }
    o["title"] = .string(name)
    return .object(o)
  }

  /// HEAD on a GET route: the GET's headers and statuses, no body.
  static func headOperation(_ get: DataValue) -> DataValue {
    guard case .object(var op) = get, case .object(let responses)? = op["responses"] else { return get }
    var bodiless = DataObject()
    for (status, response) in responses.entries {
      var description = "as GET, without a body"
      var headers: DataValue? = nil
      if case .object(let r) = response {
        description = (r["description"]?.text ?? "") + " (as GET, without a body)"
        headers = r["headers"]
      } else if let target = response["$ref"]?.text, let name = target.split(separator: "/").last,
        case .object(let r)? = problemResponses[String(name)]
      {
        description = (r["description"]?.text ?? "") + " (as GET, without a body)"
        headers = r["headers"]
      }
      var head = DataObject(["description": .string(description)])
      if let headers { head["headers"] = headers }
      bodiless[status] = .object(head)
    }
    op["responses"] = .object(bodiless)
    if let id = op["operationId"]?.text { op["operationId"] = .string("head" + id.dropFirst(3)) }
    if let summary = op["summary"]?.text { op["summary"] = .string("The headers of GET: " + summary) }
    return .object(op)
  }

  /// `form`: the route also takes the data with the unit's member list, as a web form uploads it.
  static func body(
    _ schema: DataValue, document: String, examples: [(name: String, data: DataValue)], batch: Bool,
    form: Bool = false
  ) -> DataValue {
    var named = DataObject()
    for example in examples {
      named[example.name] =
        batch ? .object(["value": .array([example.data])]) : ref("#/components/examples/\(document).\(example.name)")
    }
    var media = DataObject(["schema": schema])
    if named.count > 0 { media["examples"] = .object(named) }
    var content = DataObject(["application/json": .object(media)])
    if form { content["multipart/form-data"] = memberForm(document) }
    return .object(["required": .bool(true), "content": .object(content)])
  }

  /// The data with the unit's member list (.xlsx, or CSV in UTF-8 or GBK), which replaces its `members`.
  static func memberForm(_ document: String) -> DataValue {
    .object([
      "schema": .object([
        "type": .string("object"), "required": .strings(["data", "members"]),
        "properties": .object([
          "data": .object([
            "type": .string("string"), "format": .string("binary"), "contentMediaType": .string("application/json"),
            "description": .string(
              "the data, as #/components/schemas/\(schemaName(document)) (its members may be left out)"),
          ]),
          "members": .object([
            "type": .string("string"), "format": .string("binary"),
            "description": .string(
              "the member list: .xlsx (its first sheet with a header row) or CSV; columns found by their headers"),
          ]),
        ]),
      ]),
      "encoding": .object(["data": .object(["contentType": .string("application/json")])]),
    ])
  }

  /// The tabs the document's layouts export (`sheet:`), without repeats.
  static func sheetNames(_ document: String, _ catalog: DocumentCatalog) -> [String] {
    var seen: Set<String> = []
    return (catalog.layouts[document] ?? []).flatMap(ListWorkbook.tableNames).filter { seen.insert($0).inserted }
  }

  static func sheetsDescription(_ names: [String]) -> String {
    "the document's title and number above each table it exports as a sheet (\(names.joined(separator: ", "))), "
      + "cells as printed (masked ID numbers stay masked), numbers, amounts and dates typed; "
      + "400 when the layout the data chooses exports none"
  }

  static func rendered(_ description: String, _ types: [String]) -> DataValue {
    var content = DataObject()
    for t in types + ["application/octet-stream"] {
      content[t] = .object(["schema": .object(["type": .string("string"), "format": .string("binary")])])
    }
    return .object([
      "description": .string(description),
      "headers": .object([
        "Content-Disposition": ref("#/components/headers/Content-Disposition"),
        "X-Wenshu-Pages": ref("#/components/headers/X-Wenshu-Pages"),
        "X-Wenshu-Warnings": ref("#/components/headers/X-Wenshu-Warnings"),
        "Cache-Control": ref("#/components/headers/Cache-Control"),
        "X-Request-Id": ref("#/components/headers/X-Request-Id"),
      ]),
      "content": .object(content),
    ])
  }

  static func text(_ description: String) -> DataValue {
    .object([
      "description": .string(description), "headers": requestIdHeader,
      "content": .object(["text/plain": .object(["schema": .object(["type": .string("string")])])]),
    ])
  }

  static func json(_ description: String, _ schema: DataValue) -> DataValue {
    .object([
      "description": .string(description), "headers": requestIdHeader,
      "content": .object(["application/json": .object(["schema": schema])]),
    ])
  }

  static func query(_ name: String, _ description: String, _ schema: DataValue) -> DataValue {
    .object([
      "name": .string(name), "in": .string("query"), "required": .bool(false), "description": .string(description),
      "schema": schema,
    ])
  }

  static func ref(_ target: String) -> DataValue { .object(["$ref": .string(target)]) }

  static let requestIdHeader = DataValue.object(["X-Request-Id": ref("#/components/headers/X-Request-Id")])

  static let headers: DataObject = {
    func header(_ description: String, _ schema: DataValue) -> DataValue {
      .object(["description": .string(description), "schema": schema])
    }
    let string = DataValue.object(["type": .string("string")])
    return DataObject([
      "Content-Disposition": header(
        "attachment (inline for a PNG) with the file's name: an ASCII fallback and the UTF-8 name (RFC 6266, RFC 5987)",
        string),
      "X-Wenshu-Pages": header(
        "the document's page count", .object(["type": .string("integer"), "minimum": .integer(1)])),
      "X-Wenshu-Warnings": header(
        "how many warnings the data raised (e.g. a payer's credit code that fails its check); absent when none",
        .object(["type": .string("integer"), "minimum": .integer(1)])),
      "Cache-Control": header("no-store: documents hold personal data", string),
      "X-Request-Id": header(
        "the request's id, as sent (when valid) or chosen by the server; it is in the server's log line", string),
      "Retry-After": header(
        "seconds to wait before trying again, on this or another replica",
        .object(["type": .string("integer"), "minimum": .integer(0)])),
      "Allow": header("the methods the path answers", string),
      "WWW-Authenticate": header("Bearer", string),
    ])
  }()

  static let problemNames = [
    "400": "BadRequest", "401": "Unauthorized", "403": "Forbidden", "404": "NotFound", "405": "MethodNotAllowed",
    "408": "RequestTimeout",
    "413": "ContentTooLarge", "415": "UnsupportedMediaType", "422": "UnprocessableContent", "429": "Busy",
    "503": "Unavailable",
  ]

  static let problemResponses: DataObject = {
    let descriptions = [
      "400":
        "Malformed JSON, a query parameter out of range (format, page, dpi), or xlsx asked of a document whose layout exports no list.",
      "401": "API keys are configured and the request has none of them.",
      "403":
        "The request is outside its API key's scope (another office's data, data naming no office, or a document the key may not print; the problem names the key), or its Host is not a name the server answers to.",
      "404": "No such document, or no layout for that variant and office.",
      "405": "The path does not answer this method; Allow lists those it does.",
      "408": "The body did not arrive within the body timeout.",
      "413": "The body (after decompression) is over the size limit (--max-body-mib).",
      "415": "The body is not application/json, or has a content coding other than gzip.",
      "422": "The data does not meet the document's schema or rules; every problem is listed with its JSON path.",
      "429":
        "Every worker is busy and the queue is full (problem type urn:wenshu:problem:busy); retry after Retry-After, here or on another replica.",
      "503":
        "The request waited longer than its time budget for a worker (urn:wenshu:problem:busy, with Retry-After: retry), or its render exceeded the budget (urn:wenshu:problem:time-budget, no Retry-After: the same data takes as long again).",
    ]
    var responses = DataObject()
    for (status, name) in problemNames.sorted(by: { $0.key < $1.key }) {
      var headers = DataObject(["X-Request-Id": ref("#/components/headers/X-Request-Id")])
      if status == "503" || status == "429" { headers["Retry-After"] = ref("#/components/headers/Retry-After") }
      if status == "405" { headers["Allow"] = ref("#/components/headers/Allow") }
      if status == "401" { headers["WWW-Authenticate"] = ref("#/components/headers/WWW-Authenticate") }
      responses[name] = .object([
        "description": .string(descriptions[status]!), "headers": .object(headers),
        "content": .object(["application/problem+json": .object(["schema": ref("#/components/schemas/Problem")])]),
      ])
    }
    responses["FailedRows"] = failedRowsResponse
    return responses
  }()

  static let problemSchema = DataValue.object([
    "type": .string("object"),
    "required": .strings(["type", "title", "status", "detail"]),
    "properties": .object([
      "type": .object(["type": .string("string")]),
      "title": .object(["type": .string("string")]),
      "status": .object(["type": .string("integer")]),
      "detail": .object(["type": .string("string")]),
      "problems": .object(["type": .string("array"), "maxItems": .integer(100), "items": problemItemSchema]),
      "problemCount": .object([
        "type": .string("integer"), "minimum": .integer(1),
        "description": .string("how many problems there were in all (the list shows the first 100); absent when none"),
      ]),
    ]),
  ])

  /// One problem: its JSON path, and where a clerk finds it (the batch item, the table row).
  static let problemItemSchema = DataValue.object([
    "type": .string("object"), "required": .strings(["path", "message"]),
    "properties": .object([
      "path": .object(["type": .string("string"), "description": .string("JSON path, e.g. members[12].idNumber")]),
      "message": .object(["type": .string("string")]),
      "item": .object([
        "type": .string("integer"), "minimum": .integer(1),
        "description": .string("the batch item the problem is in, from 1 (a batch only)"),
      ]),
      "row": .object([
        "type": .string("integer"), "minimum": .integer(1),
        "description": .string("the row (序号) of the table the problem is in, from 1"),
      ]),
    ]),
  ])

  static let documentListSchema: DataValue = {
    let strings = DataValue.object(["type": .string("array"), "items": .object(["type": .string("string")])])
    let layout = DataValue.object([
      "type": .string("object"), "required": .strings(["variant", "title", "offices", "schema"]),
      "properties": .object([
        "variant": .object(["type": .string("string")]), "title": .object(["type": .string("string")]),
        "offices": strings,
        "schema": .object([
          "type": .string("string"), "description": .string("where the layout's JSON Schema is served"),
        ]),
      ]),
    ])
    let document = DataValue.object([
      "type": .string("object"), "required": .strings(["document", "title", "variants", "offices", "layouts"]),
      "properties": .object([
        "document": .object(["type": .string("string")]), "title": .object(["type": .string("string")]),
        "variants": strings, "offices": strings, "layouts": .object(["type": .string("array"), "items": layout]),
      ]),
    ])
    return .object([
      "type": .string("object"), "required": .strings(["documents"]),
      "properties": .object(["documents": .object(["type": .string("array"), "items": document])]),
    ])
  }()
}
