import Foundation

/// One thing to read: a file found from the paths given, or stdin.
public struct Input: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case file
        case standardInput
    }

    public var kind: Kind
    /// The path as the user will recognise it (the directory given joined with the
    /// relative path), or `-` for stdin.
    public var path: String
    /// The document id (CONTRACT.md): path relative to the directory given, without extension.
    public var id: String

    public init(kind: Kind, path: String, id: String) {
        self.kind = kind
        self.path = path
        self.id = id
    }

    public static let standardInput = Input(kind: .standardInput, path: "-", id: "stdin")
}

/// An input that could not be read, and why. Named on stderr; every other input goes on.
public struct InputFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
