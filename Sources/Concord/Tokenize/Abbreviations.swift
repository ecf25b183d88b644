/// The abbreviations of `Rules/tokenize/`: words whose full stop does not end a sentence
/// ("Feb.", "Inc.", "z.B.", "p. ex."), per language, plus the language-neutral ones of
/// `common.yaml`; and the nouns that tell a single letter or a number with a full stop
/// from an initial or a sentence's end.
struct Abbreviations: Sendable {
    /// One language's list: single words (with their final stop) and phrases with a space.
    struct List: Sendable {
        /// Words of up to eight UTF-8 bytes, packed into an integer: looked up at every full
        /// stop, so without building a string.
        private var shortWords: Set<UInt64> = []
        private var longWords: Set<String> = []
        private(set) var phrases: [[UInt8]] = []
        /// Nouns, lower-cased, that a single capital letter follows as a name of its own
        /// ("une série A. La levée"): that letter is no initial (`letter_nouns`).
        var letterNouns: Set<String> = []
        /// Words, lower-cased, before which a number with a full stop is an ordinal
        /// ("Berlin, 4. März 2025"): that stop ends no sentence (`ordinal_nouns`).
        var ordinalNouns: Set<String> = []

        mutating func add(_ entry: String) {
            if entry.contains(" ") {
                phrases.append(Array(entry.utf8))
                return
            }
            for variant in Abbreviations.variants(of: entry) {
                let bytes = Array(variant.utf8)
                if let key = Self.key(bytes[...]) { shortWords.insert(key) } else { longWords.insert(variant) }
            }
        }

        mutating func merge(_ other: List) {
            shortWords.formUnion(other.shortWords)
            longWords.formUnion(other.longWords)
            phrases.append(contentsOf: other.phrases)
            letterNouns.formUnion(other.letterNouns)
            ordinalNouns.formUnion(other.ordinalNouns)
        }

        /// Whether the word `bytes` (with its final stop) is on the list.
        func contains<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
            if let key = Self.key(bytes) { return shortWords.contains(key) }
            return longWords.contains(String(decoding: bytes, as: UTF8.self))
        }

        private static func key<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt64? {
            guard bytes.count <= 8 else { return nil }
            return bytes.reduce(0) { $0 << 8 | UInt64($1) }
        }
    }

    private var byLanguage: [String: List] = [:]
    /// Every language's entries together, for documents whose language is not known.
    private var union = List()

    init(files: [RuleFile]) throws {
        var common = List()
        var perLanguage: [String: List] = [:]
        for file in files {
            var list = List()
            for entry in try file.root.strings("abbreviations") {
                guard entry.hasSuffix(".") else {
                    throw RuleError(origin: file.root["abbreviations"]?.origin ?? file.root.origin,
                                    message: "abbreviation '\(entry)' must end with a full stop")
                }
                list.add(entry)
            }
            list.letterNouns = Set(try file.root.strings("letter_nouns").map { $0.lowercased() })
            list.ordinalNouns = Set(try file.root.strings("ordinal_nouns").map { $0.lowercased() })
            if let language = file.root["language"]?.scalar {
                perLanguage[language.lowercased(), default: List()].merge(list)
            } else {
                common.merge(list)
            }
        }
        union = common
        for (language, list) in perLanguage {
            var merged = common
            merged.merge(list)
            byLanguage[language] = merged
            union.merge(list)
        }
    }

    /// The list for `language` (its own entries and the common ones), or every entry.
    func list(for language: LanguageTag?) -> List {
        language.flatMap { byLanguage[$0.language] } ?? union
    }

    /// The spellings an entry matches: as written, in capitals, and with a capital first letter.
    static func variants(of entry: String) -> [String] {
        [entry, entry.uppercased(), entry.prefix(1).uppercased() + entry.dropFirst()]
    }
}
