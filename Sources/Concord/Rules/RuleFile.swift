import Foundation
import Yams

/// A YAML rule file under `Rules/`, read into ``RuleNode``s that remember their line, so
/// every error names the file and line it comes from.
public struct RuleFile: Sendable {
    /// Path relative to the rules directory, e.g. `money/en.yaml`.
    public let path: String
    /// The document's root node.
    public let root: RuleNode

    /// Parses `yaml`, without its top-level `examples:` block unless `examples`; `path` is
    /// used in error messages only.
    public init(path: String, yaml: String, examples: Bool = true) throws {
        self.path = path
        let yaml = examples ? yaml : Self.withoutExamples(yaml)
        do {
            // Every scalar is read as text (accessors parse what they need), so the basic
            // resolver: the default one resolves each scalar's tag, and each key looked up,
            // with regular expressions, which took a fifth of startup.
            guard let node = try Yams.compose(yaml: yaml, .basic) else {
                throw RuleError(origin: RuleOrigin(file: path, line: 1), message: "the file is empty")
            }
            try Self.checkUniqueKeys(node, path: path)
            root = RuleNode(node: node, file: path)
        } catch let error as RuleError {
            throw error
        } catch let error as YamlError {
            throw RuleError(origin: RuleOrigin(file: path, line: Self.line(of: error)), message: "invalid YAML: \(error)")
        }
    }

    /// `yaml` with the lines of its top-level `examples:` block left empty, so that the lines
    /// after it keep their numbers. The block runs from its key to the next top-level key: the
    /// next line that starts with neither a blank, a comment nor a sequence's "-". The
    /// examples are a rule file's tests, 45% of the rules' bytes: parsing them took 100 M
    /// instructions of every run's startup (callgrind).
    static func withoutExamples(_ yaml: String) -> String {
        let bytes = Array(yaml.utf8), key = Array("examples:".utf8)
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        var lineStart = 0, inExamples = false
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            if lineStart < lineEnd, !" \t\r#-".utf8.contains(bytes[lineStart]) {
                inExamples = bytes[lineStart..<lineEnd].starts(with: key)
            }
            if !inExamples { kept += bytes[lineStart..<lineEnd] }
            if lineEnd < bytes.count { kept.append(UInt8(ascii: "\n")) }
            lineStart = lineEnd + 1
        }
        return String(decoding: kept, as: UTF8.self)
    }

    /// A key given twice in one mapping is an error: YAML parsers keep one of the two
    /// silently, so half of a word list would be lost.
    private static func checkUniqueKeys(_ node: Node, path: String) throws {
        switch node {
        case let .mapping(mapping):
            var seen: [String: Int] = [:]
            for (key, value) in mapping {
                if let name = key.string {
                    let line = key.mark?.line ?? 1
                    if let first = seen[name] {
                        throw RuleError(origin: RuleOrigin(file: path, line: line), message: "duplicate key '\(name)' (first at line \(first))")
                    }
                    seen[name] = line
                }
                try checkUniqueKeys(value, path: path)
            }
        case let .sequence(sequence):
            for item in sequence { try checkUniqueKeys(item, path: path) }
        default:
            break
        }
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _):
            return mark.line
        default:
            return 1
        }
    }
}

/// One node of a rule file with typed accessors that fail with the file and line.
public struct RuleNode: @unchecked Sendable {
    // Yams nodes are immutable values; they are read only.
    let node: Node
    /// The rule file's path relative to the rules directory.
    public let file: String

    /// Where this node stands.
    public var origin: RuleOrigin { RuleOrigin(file: file, line: node.mark?.line ?? 1) }

    /// The value of `key` in a mapping, if present.
    public subscript(_ key: String) -> RuleNode? {
        guard case let .mapping(mapping) = node, let value = mapping[key] else { return nil }
        return RuleNode(node: value, file: file)
    }

    /// The scalar's text, or nil for a mapping or a sequence.
    public var scalar: String? { node.scalar?.string }

    /// The scalar's text; throws if this is not a scalar.
    public func string() throws -> String {
        guard let scalar else { throw RuleError(origin: origin, message: "expected a single value") }
        return scalar
    }

    /// The scalar at `key`; throws if missing or not a scalar.
    public func string(_ key: String) throws -> String {
        guard let value = self[key] else { throw RuleError(origin: origin, message: "missing key '\(key)'") }
        return try value.string()
    }

    /// The elements of a sequence (a single scalar counts as a one-element sequence).
    public func list() throws -> [RuleNode] {
        switch node {
        case let .sequence(sequence): return sequence.map { RuleNode(node: $0, file: file) }
        case .scalar: return [self]
        default: throw RuleError(origin: origin, message: "expected a list")
        }
    }

    /// The sequence at `key` as strings; an absent key gives an empty list.
    public func strings(_ key: String) throws -> [String] {
        guard let value = self[key] else { return [] }
        return try value.list().map { try $0.string() }
    }

    /// The sequence at `key`; an absent key gives an empty list.
    public func list(_ key: String) throws -> [RuleNode] {
        guard let value = self[key] else { return [] }
        return try value.list()
    }

    /// The key-value pairs of a mapping, in file order.
    public func pairs() throws -> [(key: String, value: RuleNode)] {
        guard case let .mapping(mapping) = node else { throw RuleError(origin: origin, message: "expected a mapping") }
        return try mapping.map { pair in
            guard let key = pair.key.scalar?.string else {
                throw RuleError(origin: RuleNode(node: pair.key, file: file).origin, message: "a key must be a plain value")
            }
            return (key, RuleNode(node: pair.value, file: file))
        }
    }

    /// The pairs of the mapping at `key`; an absent key gives no pairs.
    public func pairs(_ key: String) throws -> [(key: String, value: RuleNode)] {
        guard let value = self[key] else { return [] }
        return try value.pairs()
    }

    /// Compiles this scalar as a PCRE2 pattern, reporting errors with this node's file and line.
    public func pattern(caseless: Bool = false) throws -> Pattern {
        do {
            return try Pattern(try string(), caseless: caseless, origin: origin)
        } catch let error as PatternError {
            throw RuleError(origin: origin, message: error.message)
        }
    }
}

extension RuleFile {
    /// Compiles a pattern composed from this file's words (caseless), reporting an error
    /// at the line of `key`, the entry it was composed from.
    func compile(_ source: String, key: String) throws -> Pattern {
        let origin = root[key]?.origin ?? root.origin
        do {
            return try Pattern(source, caseless: true, origin: origin)
        } catch let error as PatternError {
            throw RuleError(origin: origin, message: error.message)
        }
    }
}

/// A rule file that cannot be used: bad YAML, a missing key, a pattern that does not compile.
public struct RuleError: Error, Sendable, Equatable, CustomStringConvertible {
    public let origin: RuleOrigin
    public let message: String

    public init(origin: RuleOrigin, message: String) {
        self.origin = origin
        self.message = message
    }

    /// `FILE:LINE: message`, as `concord rules check` prints it.
    public var description: String { "\(origin): \(message)" }
}

extension PatternError {
    /// The message without the origin (the caller adds its own).
    public var message: String {
        switch self {
        case let .compile(_, message, offset): return "\(message) (at offset \(offset) of the pattern)"
        case let .limitExceeded(_, message), let .match(_, message): return message
        }
    }
}
