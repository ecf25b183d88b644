/// Where a pattern was written: a rule file and line, or inline in code.
public struct RuleOrigin: Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// A pattern written in Swift source rather than in a rule file.
    public static let inline = RuleOrigin(file: "<inline>", line: 0)

    public var description: String { "\(file):\(line)" }
}

/// What can go wrong with a pattern: it does not compile, or a match exceeds its limits.
public enum PatternError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The pattern does not compile; `patternOffset` is the byte offset in the pattern.
    case compile(origin: RuleOrigin, message: String, patternOffset: Int)
    /// A match hit the match, depth, heap or JIT stack limit.
    case limitExceeded(origin: RuleOrigin, message: String)
    /// Any other matching error PCRE2 reports.
    case match(origin: RuleOrigin, message: String)

    public var description: String {
        switch self {
        case let .compile(origin, message, offset):
            return "\(origin): \(message) (at offset \(offset) of the pattern)"
        case let .limitExceeded(origin, message):
            return "\(origin): pattern stopped at its limit: \(message)"
        case let .match(origin, message):
            return "\(origin): \(message)"
        }
    }
}
