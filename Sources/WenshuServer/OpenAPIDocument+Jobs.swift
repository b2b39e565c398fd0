import WenshuLayout
import WenshuWorkbook

/// The jobs routes, their schemas and the webhook a completed job sends.
extension OpenAPIDocument {
  static func jobOperation(_ route: ServiceRoute, _ op: inout DataObject, _ responses: inout DataObject) {
    let idParameter = DataValue.object([
      "name": .string("id"), "in": .string("path"), "required": .bool(true),
      "description": .string("the job's id, from the Location of POST /v1/jobs"),
      "schema": .object(["type": .string("string")]),
    ])
    let status = json(
      "the job: its state, items printed and failed of all, each failed item's problems",
      ref(
        "#/components/schemas/JobStatus"))
    let notFound = DataValue.object([
      "description": .string("No such job for this key: never made, made by another key, removed, or expired."),
      "headers": requestIdHeader,
      "content": .object(["application/problem+json": .object(["schema": ref("#/components/schemas/Problem")])]),
    ])
    op["tags"] = .strings(["jobs"])
    switch route {
    case .submitJob:
      op["summary"] = .string("Makes a batch job: each item printed on its own, kept until the result is fetched.")
      op["description"] = .string(jobDescription)
      op["parameters"] = .array([
        .object([
          "name": .string("Idempotency-Key"), "in": .string("header"), "required": .bool(false),
          "description": .string(
            "the client's name for this job: the same key and body again answer with the same job; the same key with another body is 422"
          ),
          "schema": .object(["type": .string("string"), "minLength": .integer(1), "maxLength": .integer(255)]),
        ])
      ])
      op["requestBody"] = .object([
        "required": .bool(true),
        "content": .object([
          "application/json": .object(["schema": ref("#/components/schemas/JobRequest")]),
          "multipart/form-data": jobForm,
        ]),
      ])
      var accepted = status
      if case .object(var o) = accepted {
        o["description"] = .string("the job, stored (or the one made earlier with this Idempotency-Key and body)")
        o["headers"] = .object([
          "Location": .object([
            "description": .string("the job's status URL"), "schema": .object(["type": .string("string")]),
          ]),
          "X-Request-Id": ref("#/components/headers/X-Request-Id"),
        ])
        accepted = .object(o)
      }
      responses["202"] = accepted
      responses["429"] = .object([
        "description": .string(
          "Too many jobs are waiting or printing (--job-queue), or every worker is busy reading bodies; retry after Retry-After."
        ),
        "headers": .object([
          "Retry-After": ref("#/components/headers/Retry-After"),
          "X-Request-Id": ref("#/components/headers/X-Request-Id"),
        ]),
        "content": .object(["application/problem+json": .object(["schema": ref("#/components/schemas/Problem")])]),
      ])
    case .job:
      op["summary"] = .string("A job's state: items printed and failed of all, and the failed items' problems.")
      op["parameters"] = .array([idParameter])
      responses["200"] = status
      responses["404"] = notFound
    case .cancelJob:
      op["summary"] = .string(
        "Cancels an unfinished job (items not yet printed are dropped), or removes a finished one and its result now.")
      op["parameters"] = .array([idParameter])
      responses["204"] = .object(["description": .string("cancelled or removed"), "headers": requestIdHeader])
      responses["404"] = notFound
    case .jobResult:
      op["summary"] = .string(
        "A completed job's result, streamed: a ZIP of one PDF per printed item, or (format pdf) one PDF of every printed item's pages, in item order."
      )
      op["parameters"] = .array([idParameter])
      var result = rendered(
        "the ZIP (stored entries named 001-….pdf after their item), or the one PDF; failed items are left out (the job's status lists their problems)",
        ["application/zip", "application/pdf"])
      if case .object(var o) = result, case .object(var headers)? = o["headers"] {
        let count = DataValue.object(["type": .string("integer"), "minimum": .integer(0)])
        headers["X-Wenshu-Items-Printed"] = .object([
          "description": .string("the items in the result"), "schema": count,
        ])
        headers["X-Wenshu-Items-Failed"] = .object([
          "description": .string("the items that failed, left out of the result"), "schema": count,
        ])
        o["headers"] = .object(headers)
        result = .object(o)
      }
      responses["200"] = result
      responses["404"] = notFound
      responses["409"] = .object([
        "description": .string(
          "No result: the job is still queued or running (Retry-After), was cancelled, or printed nothing."),
        "headers": .object([
          "Retry-After": ref("#/components/headers/Retry-After"),
          "X-Request-Id": ref("#/components/headers/X-Request-Id"),
        ]),
        "content": .object(["application/problem+json": .object(["schema": ref("#/components/schemas/Problem")])]),
      ])
    default: break
    }
  }

  /// The job as a form: the render route's `data` and `members` parts, once per item.
  static let jobForm: DataValue = {
    let text = DataValue.object(["type": .string("string")])
    return .object([
      "schema": .object([
        "type": .string("object"), "required": .strings(["document", "data"]),
        "properties": .object([
          "document": .object([
            "type": .string("string"), "description": .string("the document to print, as GET /v1/documents names it"),
          ]),
          "format": .object([
            "type": .string("string"), "enum": .strings(["zip", "pdf"]), "default": .string("zip"),
            "description": .string("as in the JSON body"),
          ]),
          "webhook": .object([
            "type": .string("string"), "format": .string("uri"), "description": .string("as in the JSON body"),
          ]),
          "data": .object([
            "type": .string("array"), "minItems": .integer(1), "items": text,
            "description": .string("one part per item, in order: the item's JSON data"),
          ]),
          "members": .object([
            "type": .string("array"),
            "items": .object(["type": .string("string"), "format": .string("binary")]),
            "description": .string(
              "the member list (.xlsx or CSV) of the data part just before it, filling that item's list of people; read when the item is printed, its problems at their cells (sheet)"
            ),
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
  }()

  static let jobDescription = """
    The items are printed one by one, on the same workers and within the same time budget per item as a \
    render; an item whose data has problems (or that exceeds the budget) fails alone, its problems listed \
    in the job's status with paths into the job (items[3].total), and the others are printed. The job \
    is kept in the server's job store across restarts; its result and status are removed after the \
    server's retention (expiresAt). With a webhook, the server POSTs the job's final status to it once \
    it completes (see webhooks.jobCompleted), signed, retried with back-off. The items must be of \
    offices the key may print (else 403 naming items[i].office), and the job is visible to this key only. \
    As a form (multipart/form-data): document, format and webhook fields, and per item a data part \
    followed by its optional members spreadsheet; Idempotency-Key compares the parts, not the boundary.
    """

  static let jobSchemas: DataObject = {
    let problem = DataValue.object([
      "type": .string("object"), "required": .strings(["path", "message", "item"]),
      "properties": .object([
        "path": .object(["type": .string("string"), "description": .string("the path into the job: items[3].total")]),
        "message": .object(["type": .string("string")]),
        "item": .object([
          "type": .string("integer"), "minimum": .integer(1), "description": .string("the item, from 1"),
        ]),
        "sheet": .object([
          "type": .string("string"),
          "description": .string(
            "for an item whose members came as a spreadsheet: where to fix it there (Sheet1!C12, Sheet1 第12行, Sheet1)"),
        ]),
      ]),
    ])
    let count = DataValue.object(["type": .string("integer"), "minimum": .integer(0)])
    let time = DataValue.object(["type": .string("string"), "format": .string("date-time")])
    let status = DataValue.object([
      "type": .string("object"),
      "required": .strings([
        "id", "document", "format", "state", "items", "printed", "failed", "remaining", "pages", "createdAt",
        "problems", "problemCount",
      ]),
      "properties": .object([
        "id": .object(["type": .string("string")]), "document": .object(["type": .string("string")]),
        "format": .object(["type": .string("string"), "enum": .strings(["zip", "pdf"])]),
        "state": .object([
          "type": .string("string"), "enum": .strings(["queued", "running", "completed", "cancelled"]),
          "description": .string("completed: every item printed or failed"),
        ]),
        "items": count, "printed": count, "failed": count,
        "remaining": .object([
          "type": .string("integer"), "minimum": .integer(0), "description": .string("items not yet printed or failed"),
        ]),
        "pages": .object([
          "type": .string("integer"), "minimum": .integer(0), "description": .string("pages printed so far"),
        ]),
        "createdAt": time, "finishedAt": time,
        "expiresAt": .object([
          "type": .string("string"), "format": .string("date-time"),
          "description": .string("when the finished job and its result are removed"),
        ]),
        "result": .object([
          "type": .string("string"),
          "description": .string("the result's path, once the job has completed with an item printed"),
        ]),
        "problems": .object([
          "type": .string("array"), "maxItems": .integer(100), "items": ref("#/components/schemas/JobProblem"),
        ]),
        "problemCount": count,
      ]),
    ])
    let request = DataValue.object([
      "type": .string("object"), "required": .strings(["document", "items"]), "additionalProperties": .bool(false),
      "properties": .object([
        "document": .object([
          "type": .string("string"), "description": .string("the document to print, as GET /v1/documents names it"),
        ]),
        "items": .object([
          "type": .string("array"), "minItems": .integer(1),
          "description": .string("each item the document's data, as its schema says (checked when printed)"),
          "items": .object(["type": .string("object")]),
        ]),
        "format": .object([
          "type": .string("string"), "enum": .strings(["zip", "pdf"]), "default": .string("zip"),
          "description": .string(
            "zip: one PDF per printed item in a ZIP; pdf: every printed item's pages in one PDF, in item order (not signed, as a batch's one PDF). A job has no xlsx or ofd: 422 naming format"
          ),
        ]),
        "webhook": .object([
          "type": .string("string"), "format": .string("uri"),
          "description": .string(
            "https URL to POST the final status to; loopback, private and link-local addresses are refused unless the server allows them"
          ),
        ]),
      ]),
    ])
    let payload = DataValue.object([
      "type": .string("object"), "required": .strings(["type", "delivery", "job"]),
      "properties": .object([
        "type": .object(["type": .string("string"), "enum": .strings(["job.completed"])]),
        "delivery": .object([
          "type": .string("string"), "description": .string("the delivery's id, the same as webhook-id"),
        ]),
        "job": ref("#/components/schemas/JobStatus"),
      ]),
    ])
    return DataObject([
      "JobProblem": named(problem, "JobProblem"), "JobStatus": named(status, "JobStatus"),
      "JobRequest": named(request, "JobRequest"), "WebhookPayload": named(payload, "WebhookPayload"),
    ])
  }()

  /// The call a completed job's webhook receives.
  static let webhooks: DataValue = {
    func header(_ name: String, _ description: String) -> DataValue {
      .object([
        "name": .string(name), "in": .string("header"), "required": .bool(true), "description": .string(description),
        "schema": .object(["type": .string("string")]),
      ])
    }
    return .object([
      "jobCompleted": .object([
        "post": .object([
          "summary": .string("A job has completed (every item printed or failed)."),
          "description": .string(
            "Signed as Standard Webhooks do: webhook-signature is `v1,` and the base64 HMAC-SHA256, keyed with the key's webhookSecret, of `{webhook-id}.{webhook-timestamp}.{body}`. Refuse a timestamp more than a few minutes old. Any answer but 2xx (or none within 30 s) is retried with back-off (10 s, doubling, up to 8 attempts) with the same webhook-id and body: drop an id already seen. Redirects are not followed."
          ),
          "parameters": .array([
            header("webhook-id", "the delivery's id, the same on every retry"),
            header("webhook-timestamp", "Unix seconds when this attempt was signed"),
            header("webhook-signature", "v1,BASE64(HMAC-SHA256(secret, id.timestamp.body))"),
          ]),
          "requestBody": .object([
            "required": .bool(true),
            "content": .object(["application/json": .object(["schema": ref("#/components/schemas/WebhookPayload")])]),
          ]),
          "responses": .object(["200": .object(["description": .string("received (any 2xx)")])]),
        ])
      ])
    ])
  }()
}
