import Foundation

/// Reads an ``Input`` into ``Document``s: decodes the bytes, rejects binary content, and
/// cleans the text for extraction while keeping every offset traceable to the original.
///
/// Plain text is cleaned scalar for scalar (curly quotes to straight ones, exotic spaces
/// to a space, a CR of a CRLF to a space), so its offset map is the identity.
public struct DocumentReader: Sendable {
    public init() {}

    /// The documents of `input` (one for a text file or stdin), or why it cannot be read.
    public func documents(from input: Input, standardInput: () -> Data = { FileHandle.standardInput.readDataToEndOfFile() }) -> Result<[Document], InputFailure> {
        let data: Data
        switch input.kind {
        case .standardInput:
            data = standardInput()
        case .file:
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: input.path))
            } catch {
                return .failure(InputFailure(path: input.path, reason: Self.reason(for: error, path: input.path)))
            }
        }
        return decode(data, input: input).map { [$0] }
    }

    /// Decodes the bytes of one plain-text document.
    public func decode(_ data: Data, input: Input) -> Result<Document, InputFailure> {
        if data.contains(0) {
            return .failure(InputFailure(path: input.path, reason: "binary content (NUL bytes); skipped"))
        }
        var warnings: [DocumentWarning] = []
        let original: String
        if let text = String(validating: data, as: UTF8.self) {
            original = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        } else {
            original = String(String.UnicodeScalarView(data.map { Unicode.Scalar(Windows1252.scalar(for: $0))! }))
            warnings.append(DocumentWarning(code: "invalid-utf8", message: "not valid UTF-8; decoded as Windows-1252"))
        }
        return .success(Document(
            id: input.id, source: input.path, format: .text, original: original,
            text: TextCleaner.clean(original), warnings: warnings))
    }

    static func reason(for error: Error, path: String) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code))).lowercased()
        }
        if nsError.domain == NSCocoaErrorDomain && nsError.code == NSFileReadNoPermissionError { return "permission denied" }
        if nsError.domain == NSCocoaErrorDomain && nsError.code == NSFileReadNoSuchFileError { return "no such file" }
        return "cannot read: \(nsError.localizedDescription)"
    }
}

/// Windows-1252, the decoding used for bytes that are not valid UTF-8.
enum Windows1252 {
    private static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func scalar(for byte: UInt8) -> UInt32 {
        (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
    }
}

/// Cleans text for extraction scalar for scalar, so offsets stay the same.
enum TextCleaner {
    static func clean(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var iterator = text.unicodeScalars.makeIterator()
        var pending = iterator.next()
        while let scalar = pending {
            let next = iterator.next()
            switch scalar {
            case "\u{2018}", "\u{2019}", "\u{201B}", "\u{2032}": scalars.append("'")
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{2033}": scalars.append("\"")
            case "\u{00A0}", "\u{2007}", "\u{2009}", "\u{200A}", "\u{202F}", "\u{2002}", "\u{2003}", "\t": scalars.append(" ")
            case "\r": scalars.append(next == "\n" ? " " : "\n")
            default: scalars.append(scalar)
            }
            pending = next
        }
        return String(scalars)
    }
}
