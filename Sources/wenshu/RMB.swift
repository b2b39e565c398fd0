import ArgumentParser
import WenshuRules

extension Wenshu {
  struct RMB: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "rmb",
      abstract: "Writes an amount in uppercase RMB (人民币大写), as on bills and vouchers.",
      discussion: """
        Amounts are decimal yuan with at most two decimals: 123444.00 → 壹拾贰万叁仟肆佰肆拾肆元整. \
        With no argument, converts one amount per line from standard input. An invalid amount \
        is reported on stderr and the exit status is 65.
        """)

    @Argument(help: "Amounts in yuan, e.g. 123444.00 or -0.50.")
    var amounts: [String] = []

    func run() throws {
      var failed = false
      func convert(_ text: String) {
        do { print(AmountInWords.uppercase(try Amount(parsing: text))) } catch {
          printError("\(text): \(error.message)")
          failed = true
        }
      }
      if amounts.isEmpty {
        while let line = readLine() { convert(line) }
      } else {
        amounts.forEach(convert)
      }
      if failed { throw Exit.dataError }
    }
  }
}
