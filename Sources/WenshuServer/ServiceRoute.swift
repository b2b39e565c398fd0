import HTTPTypes
import Hummingbird

/// The service's routes, each named once: its method and path here, its handler in
/// `WenshuService` and its OpenAPI operation in `OpenAPIDocument`, both switches the compiler
/// holds to every case. The router, the 405 `Allow` lists and the OpenAPI paths are all made
/// from `allCases`, so a route cannot be served undescribed, described unserved, or missed.
public enum ServiceRoute: CaseIterable, Sendable {
  case health, readiness, metrics, openAPI, documents, schema, render, batch, validate
  /// A verification code's verdict (JSON), the clerk's page for it, and the offices' public keys.
  case verify, verifyPage, keys
  /// Batch jobs: submitted, read, cancelled, their result fetched.
  case submitJob, job, cancelJob, jobResult

  public var method: HTTPRequest.Method {
    switch self {
    case .health, .readiness, .metrics, .openAPI, .documents, .schema, .verify, .verifyPage, .keys, .job, .jobResult:
      .get
    case .render, .batch, .validate, .submitJob: .post
    case .cancelJob: .delete
    }
  }

  /// The path as OpenAPI writes it (`{document}` is one segment).
  public var path: String {
    switch self {
    case .health: "/healthz"
    case .readiness: "/readyz"
    case .metrics: "/metrics"
    case .openAPI: "/openapi.yaml"
    case .documents: "/v1/documents"
    case .schema: "/v1/documents/{document}/schema"
    case .render: "/v1/documents/{document}"
    case .batch: "/v1/documents/{document}/batch"
    case .validate: "/v1/documents/{document}/validate"
    case .verify: "/v1/verify"
    case .verifyPage: "/verify"
    case .keys: "/v1/keys"
    case .submitJob: "/v1/jobs"
    case .job, .cancelJob: "/v1/jobs/{id}"
    case .jobResult: "/v1/jobs/{id}/result"
    }
  }

  /// Probes answer without a key (a load balancer has none), and so does verification: a
  /// clerk checking a paper from a phone has no API key, and public keys are public.
  var open: Bool { [.health, .readiness, .verify, .verifyPage, .keys].contains(self) }

  /// The paths that answer without an API key.
  static let openPaths = Set(allCases.filter(\.open).map(\.path))

  /// The path as Hummingbird's router reads it (`:document`).
  var routerPath: RouterPath {
    RouterPath(path.replacingOccurrences(of: "{", with: ":").replacingOccurrences(of: "}", with: ""))
  }
}
