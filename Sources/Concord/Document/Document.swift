/// One input document as every stage sees it: the original decoded text, the cleaned text
/// that extraction runs on, and the map that takes every offset in the cleaned text back
/// to the original, so each value can be traced to where it stands in the input.
public struct Document: Sendable {
    /// Stable identifier (see CONTRACT.md: path without extension, JSONL id, `stdin`).
    public var id: String
    /// The path as given, or `-` for stdin.
    public var source: String
    /// How the input was read.
    public var format: DocumentFormat
    /// The decoded input, exactly as read (after decoding bytes to text).
    public var original: String
    /// The text extraction runs on: markup removed, quotes and spaces normalized.
    public var text: String
    /// Takes scalar offsets in `text` back to scalar offsets in `original`.
    public var offsetMap: OffsetMap
    /// The scalar range of `text` that holds the article body; boilerplate outside it
    /// (navigation, newsletter prompts) yields no values.
    public var bodyRanges: [Range<Int>]
    /// The headline, where one was found.
    public var title: String?
    /// The publishing date as `YYYY-MM-DD` (or less precise), where one was found.
    public var published: String?
    /// The document's language: given by the caller, or detected later from the text.
    public var language: LanguageTag?
    /// Problems met while reading that did not stop the document from being processed.
    public var warnings: [DocumentWarning]

    public init(
        id: String, source: String, format: DocumentFormat, original: String,
        text: String? = nil, offsetMap: OffsetMap = .identity, bodyRanges: [Range<Int>]? = nil,
        title: String? = nil, published: String? = nil, language: LanguageTag? = nil,
        warnings: [DocumentWarning] = []
    ) {
        self.id = id
        self.source = source
        self.format = format
        self.original = original
        self.text = text ?? original
        self.offsetMap = offsetMap
        self.bodyRanges = bodyRanges ?? [0..<(text ?? original).unicodeScalars.count]
        self.title = title
        self.published = published
        self.language = language
        self.warnings = warnings
    }
}

/// How a document was read.
public enum DocumentFormat: String, Codable, Sendable {
    case text, html, jsonl
}

/// A problem with a document that did not stop it from being processed (CONTRACT.md's
/// `warnings`), such as invalid UTF-8 decoded as Windows-1252.
public struct DocumentWarning: Codable, Sendable, Equatable {
    /// A short stable code, e.g. `invalid-utf8`.
    public var code: String
    /// What happened, in plain words.
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}
