/// Wenshu's version: what `wenshu --version` prints and the served OpenAPI description's
/// `info.version`, so a client generated from the description names the server it came from.
public enum ProductVersion {
  public static let current = "1.0.0"
}
