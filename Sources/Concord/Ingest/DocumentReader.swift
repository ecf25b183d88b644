import Foundation

/// Reads inputs into ``Document``s: decodes the bytes (``TextDecoding``), tells plain text
/// from HTML, cleans the text while keeping every offset traceable to the original, marks
/// the boilerplate lines out of the body, and takes the title, date and language from what
/// the input states as data (HTML metadata, JSON Lines fields).
///
/// Reading is split in two so a batch can stream: ``units(for:)`` walks the inputs on one
/// thread and yields ``ReadUnit``s (a file to read, stdin's bytes, one JSON line), and
/// ``document(from:)`` turns one unit into a document on any thread.
public struct DocumentReader: Sendable {
    /// The boilerplate rules, or nil to keep every line in the body.
    public var boilerplate: Boilerplate?
    /// How stdin is read: text, HTML or JSON Lines; nil tells text from HTML by its content.
    public var stdinFormat: DocumentFormat?

    public init(boilerplate: Boilerplate? = nil, stdinFormat: DocumentFormat? = nil) {
        self.boilerplate = boilerplate
        self.stdinFormat = stdinFormat
    }

    /// A reader with the boilerplate rules of `rules`.
    public init(rules: RuleSet, stdinFormat: DocumentFormat? = nil) throws {
        self.init(boilerplate: try Boilerplate(rules: rules), stdinFormat: stdinFormat)
    }

    /// The document made from the bytes of a text or HTML input (tests and callers that hold
    /// the bytes already).
    public func decode(_ data: Data, input: Input) -> Result<Document, InputFailure> {
        document(bytes: [UInt8](data), input: input, format: input.formatFromExtension)
    }

    /// Reads one unit into its document, or says why it cannot be read.
    public func document(from unit: ReadUnit) -> Result<Document, InputFailure> {
        switch unit {
        case let .file(input):
            return ByteReading.file(input).flatMap { document(bytes: $0, input: input, format: input.formatFromExtension) }
        case let .bytes(input, bytes):
            return document(bytes: bytes, input: input, format: stdinFormat)
        case let .jsonLine(input, line, bytes):
            return jsonDocument(bytes, input: input, line: line)
        }
    }

    /// The units of `inputs`, streamed: JSON Lines files and stdin are read a line at a time.
    public func units(for inputs: [Result<Input, InputFailure>]) -> ReadUnits {
        ReadUnits(inputs: inputs, stdinFormat: stdinFormat)
    }

    // MARK: Text and HTML

    private func document(bytes: [UInt8], input: Input, format: DocumentFormat?) -> Result<Document, InputFailure> {
        if bytes.isEmpty {
            return .success(Document(id: input.id, source: input.path, format: format ?? .text, original: "",
                                     warnings: [DocumentWarning(code: "empty", message: "the input is empty")]))
        }
        let decoded: TextDecoding.Decoded
        switch TextDecoding.decode(bytes) {
        case let .failure(refusal): return .failure(InputFailure(path: input.path, reason: refusal.reason))
        case let .success(value): decoded = value
        }
        if (format ?? Self.sniff(decoded.text)) == .html {
            return .success(htmlDocument(decoded, input: input))
        }
        return .success(textDocument(original: decoded.text, id: input.id, source: input.path, format: .text, warnings: decoded.warnings))
    }

    /// HTML when the content starts like a page (after white space and comments).
    static func sniff(_ text: String) -> DocumentFormat {
        let start = text.utf8.prefix(512).drop { Bytes.isSpace($0) }
        let head = String(decoding: start.prefix(16), as: UTF8.self).lowercased()
        let markers = ["<!doctype html", "<html", "<head", "<body", "<meta", "<!--", "<article", "<div", "<p>", "<title"]
        return markers.contains { head.hasPrefix($0) } ? .html : .text
    }

    private func htmlDocument(_ decoded: TextDecoding.Decoded, input: Input) -> Document {
        let html = HTMLReader.read(decoded.text)
        let buffer = TextBuffer(html.text)
        return Document(
            id: input.id, source: input.path, format: .html, original: decoded.text, text: html.text,
            offsetMap: html.map, bodyRanges: boilerplate.map { Boilerplate.bodyRanges(in: buffer, outside: $0.lines(in: buffer, lists: html.lists)) },
            title: html.title, published: html.published, language: html.language, warnings: decoded.warnings)
    }

    /// A plain-text document: cleaned scalar for scalar (identity offset map), boilerplate
    /// lines out of the body, the headline as title unless one is given, hard-wrapped lines
    /// joined (``LineUnwrapping``).
    func textDocument(original: String, id: String, source: String, format: DocumentFormat, title: String? = nil, warnings: [DocumentWarning]) -> Document {
        let text = TextCleaning.clean(original)
        let buffer = TextBuffer(text)
        let boilerplateLines = boilerplate?.lines(in: buffer) ?? []
        let bodyRanges = boilerplate == nil ? nil : Boilerplate.bodyRanges(in: buffer, outside: boilerplateLines)
        var title = title
        if title == nil, let range = TitleFinder.titleRange(in: buffer, boilerplate: boilerplateLines, rules: boilerplate) {
            title = Self.substring(of: original, scalars: range)
        }
        // Lines and the title are read as written; the patterns read across the line feeds
        // that only wrap a paragraph.
        return Document(id: id, source: source, format: format, original: original, text: LineUnwrapping.unwrapped(text), bodyRanges: bodyRanges, title: title, warnings: warnings)
    }

    private static func substring(of text: String, scalars range: Range<Int>) -> String {
        let scalars = text.unicodeScalars
        let start = scalars.index(scalars.startIndex, offsetBy: range.lowerBound)
        let end = scalars.index(start, offsetBy: range.count)
        return String(scalars[start..<end])
    }

    // MARK: JSON Lines

    private func jsonDocument(_ bytes: [UInt8], input: Input, line: Int) -> Result<Document, InputFailure> {
        let place = "\(input.path):\(line)"
        var warnings: [DocumentWarning] = []
        let lineText: String
        if let valid = String(validating: bytes, as: UTF8.self) {
            lineText = valid
        } else {
            lineText = Windows1252.decode(bytes[...])
            warnings.append(TextDecoding.invalidUTF8)
        }
        let parsed: JSONDocumentLine
        do {
            parsed = try JSONDocumentLine(lineText)
        } catch {
            return .failure(InputFailure(path: place, reason: error.message))
        }
        guard let text = parsed.text else {
            return .failure(InputFailure(path: place, reason: "no \"text\" field: a document line needs {\"text\": ...}"))
        }
        let id = parsed.id.flatMap { $0.isEmpty ? nil : $0 } ?? "\(input.id)#\(line)"
        let title = parsed.title.map(TextCleaning.collapseWhitespace).flatMap { $0.isEmpty ? nil : $0 }
        var document = textDocument(original: text, id: id, source: input.path, format: .jsonl, title: title, warnings: warnings)
        if let published = parsed.published {
            if let date = PublishedDate.normalize(published) {
                document.published = date
            } else {
                document.warnings.append(DocumentWarning(code: "published", message: "\"published\" is not an ISO date (\(published)); ignored"))
            }
        }
        if let language = parsed.language {
            if let tag = LanguageTag(language) {
                document.language = tag
            } else {
                document.warnings.append(DocumentWarning(code: "language", message: "\"language\" is not a language tag (\(language)); ignored"))
            }
        }
        return .success(document)
    }
}

/// One piece of reading work: a text or HTML file (read by the worker that takes it),
/// stdin's bytes, or one line of a JSON Lines file or stream.
public enum ReadUnit: Sendable {
    case file(Input)
    case bytes(Input, [UInt8])
    case jsonLine(Input, line: Int, bytes: [UInt8])

    /// Bytes this unit stands for, where known (for progress).
    public var size: Int? {
        switch self {
        case let .file(input): return input.size
        case let .bytes(_, bytes), let .jsonLine(_, _, bytes): return bytes.count
        }
    }
}

/// The units of a list of inputs, produced one at a time so JSON Lines files and stdin are
/// never held whole. Failures (a missing path, a JSON Lines file that cannot be opened, a
/// line over the size limit, empty stdin) come in their place in the order.
public struct ReadUnits: Sequence, IteratorProtocol {
    private var inputs: IndexingIterator<[Result<Input, InputFailure>]>
    private let stdinFormat: DocumentFormat?
    private var lines: (input: Input, reader: LineReader, descriptor: Int32, documents: Int)?

    init(inputs: [Result<Input, InputFailure>], stdinFormat: DocumentFormat?) {
        self.inputs = inputs.makeIterator()
        self.stdinFormat = stdinFormat
    }

    public mutating func next() -> Result<ReadUnit, InputFailure>? {
        while true {
            if let current = lines {
                if let unit = nextLine(of: current) { return unit }
                continue
            }
            guard let input = inputs.next() else { return nil }
            switch input {
            case let .failure(failure):
                return .failure(failure)
            case let .success(input) where input.kind == .standardInput:
                if stdinFormat == .jsonl {
                    lines = (input, LineReader(descriptor: STDIN_FILENO), -1, 0)
                    continue
                }
                return ByteReading.standardInput().flatMap { bytes in
                    bytes.isEmpty ? .failure(InputFailure(path: "-", reason: "empty input: no document on stdin")) : .success(.bytes(input, bytes))
                }
            case let .success(input) where input.formatFromExtension == .jsonl:
                switch ByteReading.openForStreaming(input) {
                case let .failure(failure): return .failure(failure)
                case let .success(descriptor): lines = (input, LineReader(descriptor: descriptor), descriptor, 0)
                }
            case let .success(input):
                return .success(.file(input))
            }
        }
    }

    /// The next unit of the JSON Lines input being read; nil (and the input closed) at its end.
    private mutating func nextLine(of current: (input: Input, reader: LineReader, descriptor: Int32, documents: Int)) -> Result<ReadUnit, InputFailure>? {
        let input = current.input
        while let item = current.reader.next() {
            switch item {
            case let .line(number, bytes):
                if bytes.allSatisfy(Bytes.isSpace) { continue }
                lines?.documents += 1
                return .success(.jsonLine(input, line: number, bytes: bytes))
            case let .tooLong(number):
                lines?.documents += 1
                return .failure(ByteReading.tooLarge("\(input.path):\(number)", size: nil, limit: ByteReading.maximumDocumentBytes))
            case let .failure(reason):
                return .failure(InputFailure(path: input.path, reason: reason))
            }
        }
        let documents = lines?.documents ?? 0
        if current.descriptor >= 0 { close(current.descriptor) }
        lines = nil
        if documents == 0 {
            let what = input.kind == .standardInput ? "empty input: no document on stdin" : "no documents (the JSON Lines file is empty)"
            return .failure(InputFailure(path: input.path, reason: what))
        }
        return nil
    }
}
