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
    /// Whether the path was named on the command line (then a pipe or device is read like a
    /// file, as with `<(command)`); files found by walking a directory must be regular files.
    public var isExplicit: Bool
    /// The size in bytes when known from listing (for progress), else nil.
    public var size: Int?

    public init(kind: Kind, path: String, id: String, isExplicit: Bool = true, size: Int? = nil) {
        self.kind = kind
        self.path = path
        self.id = id
        self.isExplicit = isExplicit
        self.size = size
    }

    public static let standardInput = Input(kind: .standardInput, path: "-", id: "stdin")

    /// The format the path's extension names, if any (`.html`, `.htm`, `.jsonl`).
    public var formatFromExtension: DocumentFormat? {
        guard kind == .file, let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "html", "htm", "xhtml": return .html
        case "jsonl", "ndjson": return .jsonl
        case "txt", "text": return .text
        default: return nil
        }
    }
}

/// An input that could not be read, and why. Named on stderr; every other input goes on.
public struct InputFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file (or `FILE:LINE` for one line of a JSON Lines file).
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }

    /// The plain-words reason for a system error number met while opening, listing or reading.
    public static func reason(errno code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file or directory"
        case EACCES, EPERM: return "permission denied"
        case EISDIR: return "is a directory"
        case ENOTDIR: return "a component of the path is not a directory"
        case ELOOP: return "too many levels of symbolic links (a symlink loop)"
        case ENAMETOOLONG: return "the path is too long"
        case EMFILE, ENFILE: return "too many open files"
        case EIO: return "input/output error"
        default: return String(cString: strerror(code)).lowercased()
        }
    }
}
