import ArgumentParser
import WenshuDocuments

/// Every command names itself (`commandName:`): otherwise the parser derives each name from
/// the type's description on every start, runtime type lookups that cost milliseconds in a
/// binary this large (a fifth of an e-bill's print).
@main
struct Wenshu: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "wenshu",
    abstract: "文书 Wenshu — prints the mutual-insurance associations' documents as PDF.",
    discussion: """
      Layouts live in Layouts/, fonts in fonts/ (set up by scripts/setup). Wenshu finds them \
      from the current directory or the executable, or from $WENSHU_HOME.
      """,
    version: ProductVersion.current,
    subcommands: [
      Print.self, Check.self, Template.self, Serve.self, Preview.self, Documents.self, Schema.self, OpenAPI.self,
      RMB.self, Verify.self,
    ]
  )
}
