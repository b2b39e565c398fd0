import HTTPTypes
import Hummingbird

/// The service's routes, each named once: its method and path here, its handler in
/// `WenshuService` and its OpenAPI operation in `OpenAPIDocument`, both switches the compiler
/// holds to every case. The router, the 405 `Allow` lists and the OpenAPI paths are all made
/// from `allCases`, so a route cannot be served undescribed, described unserved, or missed.
public enum ServiceRoute: CaseIterable, Sendable {
  case health, readiness, metrics, openAPI, documents, schema, render, batch, validate
  case submitJob, job, cancelJob, jobResult

  public var method: HTTPRequest.Method {
    switch self {
    case .health, .readiness, .metrics, .openAPI, .documents, .schema, .job, .jobResult: .get
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
    case .submitJob: "/v1/jobs"
    case .job, .cancelJob: "/v1/jobs/{id}"
    case .jobResult: "/v1/jobs/{id}/result"
    }
  }

  /// Probes answer without a key (a load balancer has none).
  var open: Bool { self == .health || self == .readiness }

  /// The path as Hummingbird's router reads it (`:document`).
  var routerPath: RouterPath {
    RouterPath(path.replacingOccurrences(of: "{", with: ":").replacingOccurrences(of: "}", with: ""))
  }
}
