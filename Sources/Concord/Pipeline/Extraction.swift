/// The per-document stages, compiled once from the rules and shared by every worker:
/// language, tokenize, extract and normalize, claims. `concord extract` runs it on each
/// document; its output is one ``DocumentRecord``.
public struct Extraction: Sendable {
    /// The kinds of mention a run may extract (`concord extract --kinds`).
    public enum Kind: String, CaseIterable, Sendable {
        case money, percents, dates, entities, claims
    }

    /// Settings that apply to every document of a run.
    public struct Options: Sendable {
        /// Anchor for relative dates in documents that state no date of their own.
        public var referenceDate: String?
        /// Overrides language detection for every document.
        public var language: LanguageTag?
        /// The kinds to extract (default: all). Claims are built from every other kind and
        /// point into their lists, so asking for claims runs, and records, every kind.
        /// Without dates, a record's `published` is only what the document's metadata says.
        public var kinds: Set<Kind>

        public init(referenceDate: String? = nil, language: LanguageTag? = nil, kinds: Set<Kind> = Set(Kind.allCases)) {
            self.referenceDate = referenceDate
            self.language = language
            self.kinds = kinds.contains(.claims) ? Set(Kind.allCases) : kinds
        }
    }

    public let options: Options
    private let languages: LanguageDetector
    private let tokenizer: Tokenizer
    private let money: MoneyExtractor
    private let percents: PercentExtractor
    private let dates: DateExtractor
    private let entities: EntityExtractor
    private let claims: ClaimBuilder

    /// Compiles the stages' rules, each language's when `compilation` says; throws
    /// ``RuleError`` naming the file and line at fault. With `.onFirstUse`, the error of a
    /// language whose rules do not compile is thrown by ``record(for:)`` for each of its documents.
    public init(rules: RuleSet, options: Options = Options(), compilation: GrammarCompilation = .eager) throws {
        self.options = options
        languages = try LanguageDetector(rules: rules)
        tokenizer = try Tokenizer(rules: rules)
        money = try MoneyExtractor(rules: rules, compilation: compilation)
        percents = try PercentExtractor(rules: rules, compilation: compilation)
        dates = try DateExtractor(rules: rules, compilation: compilation)
        entities = try EntityExtractor(rules: rules, compilation: compilation)
        claims = try ClaimBuilder(rules: rules, compilation: compilation)
    }

    /// Runs the stages of the kinds asked for on `document`. A pattern that hits its match limit does not stop the
    /// document: what was found so far is kept and the record carries a warning. Throws the
    /// error of rules of the document's language that do not compile (compiled on first use).
    public func record(for document: Document) throws(RuleError) -> DocumentRecord {
        var document = document
        if let language = options.language { document.language = language }
        if document.language == nil { document.language = languages.detect(document.text) }
        let tokenized = tokenizer.tokenize(document)
        var warnings = document.warnings
        let kinds = options.kinds
        func run<T>(_ kind: Kind, _ body: () throws -> T, otherwise empty: T) throws(RuleError) -> T {
            guard kinds.contains(kind) else { return empty }
            do {
                return try body()
            } catch let error as RuleError {
                throw error
            } catch {
                warnings.append(DocumentWarning(code: "pattern-limit", message: "\(kind.rawValue): \(error)"))
                return empty
            }
        }
        // The document's own date (metadata, else what its text says) anchors relative dates.
        let dated = try run(.dates, { try dates.analyze(tokenized, published: document.published, reference: options.referenceDate) },
                            otherwise: DateExtractor.Analysis(mentions: [], documentDate: nil, documentDateIndex: nil))
        let found = DocumentMentions(
            money: try run(.money, { try money.mentions(in: tokenized) }, otherwise: []),
            dates: dated.mentions,
            percents: try run(.percents, { try percents.mentions(in: tokenized) }, otherwise: []),
            entities: try run(.entities, { try entities.mentions(in: tokenized) }, otherwise: []),
            documentDate: dated.documentDateIndex)
        let claimList = try run(.claims, { try claims.claims(in: tokenized, mentions: found) }, otherwise: [])
        return DocumentRecord(
            id: document.id, source: document.source, format: document.format,
            title: document.title, published: document.published ?? dated.documentDate,
            language: tokenized.language.description,
            money: found.money, dates: found.dates, percents: found.percents,
            entities: found.entities, claims: claimList, warnings: warnings)
    }
}
