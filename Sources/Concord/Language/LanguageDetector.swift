/// Detects a document's language from its text with a small stop-word model
/// (`Rules/language/<lang>.yaml`): over the first 4 KB, count the words of each
/// language's list; the language with most hits wins if it has enough and beats the
/// runner-up. A short text needs fewer: one hit for every six words, at least two, up to
/// the language's `minimum_hits` (a single sentence, "Das Unternehmen sammelte 25 Mio.
/// Euro ein.", is read in its language, not as English). Cheap (one pass over a bounded
/// prefix of bytes, no patterns, no string or array built per word) and deterministic.
/// Words are lower-cased in ASCII only; stop words are written lower case.
public struct LanguageDetector: Sendable {
    private struct Model: Sendable {
        let language: String
        let minimumHits: Int
    }

    /// How much of a document is read, in bytes: a few hundred words settle a language.
    static let sampleBytes = 4 * 1024

    private let models: [Model]
    /// Each stop word → the set of languages (bits, by index into `models`) that list it.
    private let owners: StopWordTable

    public init(rules: RuleSet) throws {
        var models: [Model] = []
        var owners = StopWordTable()
        for file in rules.files(in: "language") {
            let root = file.root
            let minimum = try root["minimum_hits"].map { node -> Int in
                guard let value = Int(try node.string()), value > 0 else { throw RuleError(origin: node.origin, message: "'minimum_hits' must be a positive whole number") }
                return value
            } ?? 3
            let index = models.count
            guard index < StopWordTable.maximumLanguages else {
                throw RuleError(origin: root.origin, message: "at most \(StopWordTable.maximumLanguages) languages can be detected")
            }
            models.append(Model(language: try root.string("language"), minimumHits: minimum))
            for word in try root.strings("stopwords") {
                owners.add(StopWordTable.Key(NumberRules.folded(word).utf8), language: index)
            }
        }
        self.models = models
        self.owners = owners
    }

    /// The languages the model knows.
    public var languages: [String] { models.map(\.language) }

    /// Each byte as it goes into a word (ASCII letters lower-cased; apostrophes and the
    /// bytes of non-ASCII letters as they are), or 0 for a byte that ends a word.
    private static let wordBytes: [UInt8] = (0...255).map { (value: Int) -> UInt8 in
        let byte = UInt8(value)
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byte | 0x20
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "'"), 0x80...: return byte
        default: return 0
        }
    }

    /// The language of `text`, or nil when no language has enough evidence.
    public func detect(_ text: String) -> LanguageTag? {
        var hits = [Int](repeating: 0, count: models.count)
        var words = 0
        var text = text
        Self.wordBytes.withUnsafeBufferPointer { wordBytes in
            text.withUTF8 { bytes in
                var word = StopWordTable.Key()
                for byte in bytes.prefix(Self.sampleBytes) {
                    let folded = wordBytes[Int(byte)]
                    if folded != 0 {
                        word.append(folded)
                    } else {
                        if word.length > 0 { words += 1 }
                        owners.count(word, into: &hits)
                        word = StopWordTable.Key()
                    }
                }
                if word.length > 0 { words += 1 }
                owners.count(word, into: &hits)
            }
        }
        guard let best = hits.indices.max(by: { hits[$0] < hits[$1] || (hits[$0] == hits[$1] && $0 > $1) }),
              hits[best] >= min(models[best].minimumHits, max(2, words / 6)),
              hits.enumerated().allSatisfy({ $0.offset == best || $0.element < hits[best] }) else { return nil }
        return LanguageTag(language: models[best].language)
    }
}

/// The stop words of every language, keyed by their bytes packed into three integers:
/// an open-addressing hash table probed with a multiplicative hash, so looking a word up
/// builds no string and hashes no bytes one at a time. Words longer than
/// ``Key/maximumLength`` bytes are never looked up (no stop word is that long).
struct StopWordTable: Sendable {
    /// Languages are bits of a 64-bit set.
    static let maximumLanguages = 64

    /// A word's bytes packed little-endian into three integers, and its length; the bytes
    /// past the 24th are not kept (such a word is never looked up). Word bytes are never 0,
    /// so the packing is unambiguous.
    struct Key: Equatable, Sendable {
        static let maximumLength = 24
        var low: UInt64 = 0, middle: UInt64 = 0, high: UInt64 = 0
        var length = 0

        init() {}

        init(_ bytes: some Sequence<UInt8>) {
            for byte in bytes { append(byte) }
        }

        mutating func append(_ byte: UInt8) {
            let shift = UInt64(length & 7) << 3
            switch length >> 3 {
            case 0: low |= UInt64(byte) << shift
            case 1: middle |= UInt64(byte) << shift
            case 2: high |= UInt64(byte) << shift
            default: break
            }
            length += 1
        }

        var isLookedUp: Bool { length > 0 && length <= Self.maximumLength }

        var hash: UInt64 {
            (low &* 0x9E37_79B9_7F4A_7C15) ^ (middle &* 0xC2B2_AE3D_27D4_EB4F) ^ (high &* 0x1656_67B1_9E37_79F9)
        }
    }

    private var keys: [Key] = []
    private var languageSets: [UInt64] = []
    /// How many words the table holds.
    private var stored = 0
    /// log2 of the table's size.
    private var bits = 0

    init() {
        resize(bits: 6)
    }

    /// Adds `language` (an index below ``maximumLanguages``) to the owners of `key`.
    mutating func add(_ key: Key, language: Int) {
        guard key.isLookedUp else { return }
        if (stored + 1) * 2 > keys.count { resize(bits: bits + 1) }
        let slot = self.slot(of: key)
        if keys[slot].length == 0 {
            keys[slot] = key
            stored += 1
        }
        languageSets[slot] |= 1 << UInt64(language)
    }

    /// The languages that list `key`, as a bit set (0 for none).
    @inline(__always)
    func languages(of key: Key) -> UInt64 {
        key.isLookedUp ? languageSets[slot(of: key)] : 0
    }

    /// Adds one to `hits[language]` for each language that lists `key`.
    @inline(__always)
    func count(_ key: Key, into hits: inout [Int]) {
        var languages = languages(of: key)
        while languages != 0 {
            hits[languages.trailingZeroBitCount] += 1
            languages &= languages - 1
        }
    }

    /// The slot holding `key`, or the empty slot where it would go.
    @inline(__always)
    private func slot(of key: Key) -> Int {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: key.hash >> UInt64(64 - bits))
        while keys[slot].length != 0 && keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    private mutating func resize(bits newBits: Int) {
        let old = zip(keys, languageSets).filter { $0.0.length != 0 }
        bits = newBits
        keys = Array(repeating: Key(), count: 1 << newBits)
        languageSets = Array(repeating: 0, count: 1 << newBits)
        for (key, languages) in old {
            let slot = slot(of: key)
            keys[slot] = key
            languageSets[slot] = languages
        }
    }
}
