/// Tells the lines of a text that no boilerplate rule can match, from what the rules' own text
/// says every match holds (``PatternFacts``): the bytes a rule's line can start with after
/// the indentation and bullet, the literals it starts with ("share", "like"... for a row of
/// share buttons) and sets of literals of which it contains one each ("/" or "getty
/// images" for a photo credit; "(" or "[", and ")" or "]" for a caption with its credit).
/// Only the other lines go to PCRE2 (1 in 20 of Reuters' lines).
///
/// Why: ``Boilerplate`` runs every rule of every language at every line start, about 5,400
/// instructions a line and 104 M per 1,000 Reuters stories (callgrind), where nearly every
/// line is body text.
///
/// The test never drops a line the rules would take: a rule whose text it cannot read
/// counts as matching any line; bytes are compared with ASCII letters case-folded; and a
/// text that holds a character folding to an ASCII letter (`ſ`, `K`) is not filtered at all
/// (``filters(_:)``). A line of ``Boilerplate/wrappedLineLength`` scalars or more ending in
/// an ASCII letter, digit, comma or semicolon is tried against the `any_length` rules only,
/// as the combined pattern's lookahead does; any other line against all of them.
struct BoilerplateLineFilter: Sendable {
    /// A literal a line must hold, and its byte pairs as features (``pairFeatures``): a line
    /// without all of them cannot hold the literal, and is not searched for it.
    private struct Literal: Sendable {
        var bytes: [UInt8]
        var mask: Features
    }

    /// A set of features, 256 bits (numbered as bytes, so a ``ByteSet``): few enough byte
    /// pairs of a line share a bit that a literal's bits rule out most lines (with 64 bits,
    /// most bits were set in every long line and most literals were searched for).
    private typealias Features = ByteSet

    /// What one rule needs of a line whose content starts with a given byte.
    private struct Need: Sendable {
        /// Literals one of which the line's content (after the lead) starts with, or nil
        /// where the rule's start is not known.
        var prefixes: [[UInt8]]?
        /// Sets of literals: the line holds one of each.
        var required: [[Literal]]
    }

    /// What the rules that can start with one byte need of a line, for one kind of line.
    private struct Bucket: Sendable {
        /// Whether a rule needs nothing known: every such line goes to PCRE2.
        var isOpen = false
        /// The needs of the rules whose start is not known.
        var unprefixed: [Need] = []
        /// The needs of the rules with known starts, by the content's second byte (0 when it
        /// has one byte), each with the prefixes that start with the bucket's byte and that
        /// second byte, so a line is compared with the few that start with its two bytes;
        /// empty when the bucket has none.
        var bySecondByte: [[Need]] = []
    }

    /// Buckets for lines that run on (`any_length` rules only), by first byte after the lead.
    private let wrapped: [Bucket]
    /// Buckets for other lines (every rule), by first byte after the lead.
    private let other: [Bucket]
    /// Whether a line that is only indentation and bullets may match (a rule that can match
    /// the empty string), for wrapped and other lines.
    private let emptyContent: (wrapped: Bool, other: Bool)
    /// For each pair of bytes (the previous byte times 256 plus the byte), the feature a
    /// line holding them gets (0: none): one per byte pair of a literal, numbered from 1 and
    /// folded into 255. Both cases of ASCII letters are filled in, so a line is read as it is.
    private let pairFeatures: [UInt8]
    /// For each byte, the feature of the one-byte literal it is (0: none).
    private let byteFeatures: [UInt8]
    /// The bullets the lead of a rule line may hold, as UTF-8.
    private let bullets: [[UInt8]]
    /// The first bytes of the bullets: a line that starts otherwise is not compared with them.
    private let bulletStarts: ByteSet

    /// A filter for the `guarded` rules (not on running lines) and the `anyLength` ones, each
    /// a pattern's text as written in the rule file; `bullets` are the lead's bullet marks.
    init(guarded: [String], anyLength: [String], bullets: [Unicode.Scalar]) {
        self.bullets = bullets.map { Array(String($0).utf8) }
        bulletStarts = ByteSet(self.bullets.map { $0[0] })
        var pairFeatures = [UInt8](repeating: 0, count: 0x1_0000)
        var byteFeatures = [UInt8](repeating: 0, count: 256)
        // Each byte pair of a literal (a one-byte literal: its byte) is a feature, numbered
        // in order of appearance.
        var numbers: [Int: UInt8] = [:]
        func feature(_ previous: UInt8?, _ byte: UInt8) -> UInt8 {
            let key = previous.map { Int($0) << 8 | Int(byte) } ?? 0x1_0000 | Int(byte)
            if let number = numbers[key] { return number }
            let number = UInt8(1 + numbers.count % 255)
            numbers[key] = number
            for second in Self.cases(of: byte) {
                if let previous {
                    for first in Self.cases(of: previous) { pairFeatures[Int(first) << 8 | Int(second)] = number }
                } else {
                    byteFeatures[Int(second)] = number
                }
            }
            return number
        }
        func literal(_ bytes: [UInt8]) -> Literal {
            var mask = Features()
            if bytes.count == 1 { mask.insert(feature(nil, bytes[0])) }
            for index in bytes.indices.dropFirst() { mask.insert(feature(bytes[index - 1], bytes[index])) }
            return Literal(bytes: bytes, mask: mask)
        }
        // Per rule: the bytes it may start with, and what the bucket of such a byte gets.
        func rule(_ source: String) -> (first: ByteSet, matchesEmpty: Bool, add: (inout Bucket, UInt8) -> Void) {
            guard let facts = PatternFacts(caselessPattern: source) else { return (.all, true, { bucket, _ in bucket.isOpen = true }) }
            let first = facts.canBeEmpty ? ByteSet.all : facts.first
            let prefixes = (facts.canBeEmpty ? nil : facts.prefixes)?.sorted { $0.lexicographicallyPrecedes($1) }
            // The smaller sets first: a line is compared with every literal of a set it lacks,
            // and a need fails at its first such set, so a small one spares it the large ones
            // (callgrind, 1,000 Reuters stories: `mayMatch` 42.2 M → 41.2 M).
            let required = facts.required.enumerated()
                .sorted { ($0.element.count, $0.offset) < ($1.element.count, $1.offset) }
                .map { $0.element.sorted { $0.lexicographicallyPrecedes($1) }.map(literal) }
            guard prefixes != nil || !required.isEmpty else { return (first, facts.canBeEmpty, { bucket, _ in bucket.isOpen = true }) }
            return (first, facts.canBeEmpty, { bucket, byte in
                guard let prefixes = prefixes?.filter({ Self.folded($0[0]) == Self.folded(byte) }) else {
                    bucket.unprefixed.append(Need(prefixes: nil, required: required))
                    return
                }
                if bucket.bySecondByte.isEmpty { bucket.bySecondByte = Array(repeating: [], count: 256) }
                // Each second byte's need keeps only the prefixes that can start with it: the
                // others were compared with every line that starts with the first byte
                // (callgrind, 1,000 Reuters stories: `mayMatch` 41.4 M → 40.6 M).
                for second in 0..<256 {
                    let startingAlike = prefixes.filter { $0.count == 1 || $0[1] == Self.folded(UInt8(second)) }
                    if !startingAlike.isEmpty { bucket.bySecondByte[second].append(Need(prefixes: startingAlike, required: required)) }
                }
            })
        }
        func buckets(_ rules: [(first: ByteSet, matchesEmpty: Bool, add: (inout Bucket, UInt8) -> Void)]) -> [Bucket] {
            (0...255).map { value in
                var bucket = Bucket()
                for rule in rules where rule.first.contains(UInt8(value)) { rule.add(&bucket, UInt8(value)) }
                return bucket
            }
        }
        let anyLengthRules = anyLength.map(rule)
        let allRules = guarded.map(rule) + anyLengthRules
        wrapped = buckets(anyLengthRules)
        other = buckets(allRules)
        emptyContent = (anyLengthRules.contains(where: \.matchesEmpty), allRules.contains(where: \.matchesEmpty))
        self.pairFeatures = pairFeatures
        self.byteFeatures = byteFeatures
    }

    /// A byte as it may be written: an ASCII letter in both cases.
    private static func cases(of byte: UInt8) -> [UInt8] {
        Bytes.isASCIILetter(byte) ? [byte | 0x20, byte & ~0x20] : [byte]
    }

    /// A byte with an ASCII letter in lower case, as literals are written.
    @inline(__always) private static func folded(_ byte: UInt8) -> UInt8 {
        Bytes.isASCIILetter(byte) ? byte | 0x20 : byte
    }

    /// Whether the lines of `bytes` (`count` of them) may be filtered: not when the text holds
    /// a character that matches an ASCII letter caselessly, which the byte comparisons here
    /// do not see.
    static func filters(_ bytes: UnsafePointer<UInt8>, count: Int) -> Bool {
        let text = UnsafeBufferPointer(start: bytes, count: count)
        var index = 0
        while true {
            // The lead bytes of U+017F (C5 BF) and U+212A (E2 84 AA).
            index = Bytes.firstIndex(in: text, from: index, to: count) { Bytes.bytes(of: $0, equalTo: 0xC5) | Bytes.bytes(of: $0, equalTo: 0xE2) }
            guard index < count else { return true }
            let rest = text[index...]
            if PatternFacts.foldsToASCII.contains(where: { rest.starts(with: $0) }) { return false }
            index += 1
        }
    }

    /// Whether some rule may match the line at `line` (without its newline) of `bytes`.
    func mayMatch(_ bytes: UnsafePointer<UInt8>, line: Range<Int>) -> Bool {
        let end = line.upperBound
        // The lead: indentation, then bullets and the spaces after them.
        var content = line.lowerBound
        while content < end, bytes[content] == 0x20 || bytes[content] == 0x09 { content += 1 }
        let afterSpaces = content
        while let length = bulletLength(bytes, at: content, end: end) { content += length }
        if content > afterSpaces {
            while content < end, bytes[content] == 0x20 || bytes[content] == 0x09 { content += 1 }
        }
        let runsOn = Self.runsOn(bytes, line: line)
        guard content < end else { return runsOn ? emptyContent.wrapped : emptyContent.other }
        let bucket = runsOn ? wrapped[Int(bytes[content])] : other[Int(bytes[content])]
        if bucket.isOpen { return true }
        // The line's features, read when a rule first needs them.
        var features: Features?
        func meets(_ need: Need) -> Bool {
            if let prefixes = need.prefixes, !prefixes.contains(where: { Self.holds($0, bytes, at: content, end: end) }) { return false }
            if need.required.isEmpty { return true }
            let lineFeatures = features ?? self.features(bytes, line: line)
            features = lineFeatures
            return need.required.allSatisfy { literals in
                literals.contains { lineFeatures.isSuperset(of: $0.mask) && Self.contains($0.bytes, bytes, line: line) }
            }
        }
        if bucket.unprefixed.contains(where: meets) { return true }
        guard !bucket.bySecondByte.isEmpty else { return false }
        let second = content + 1 < end ? Int(bytes[content + 1]) : 0
        return bucket.bySecondByte[second].contains(where: meets)
    }

    /// The features of the bytes and byte pairs of the line. Feature 0 (none) is no part of
    /// any literal's mask and is not inserted: most bytes are no one-byte literal, and many
    /// byte pairs no pair of one (callgrind, 1,000 Reuters stories: 10.7 M → 8.7 M).
    private func features(_ bytes: UnsafePointer<UInt8>, line: Range<Int>) -> Features {
        var features = Features()
        var previous = 0
        pairFeatures.withUnsafeBufferPointer { pairFeatures in
            byteFeatures.withUnsafeBufferPointer { byteFeatures in
                for index in line {
                    let byte = Int(bytes[index])
                    let pair = pairFeatures[previous << 8 | byte], single = byteFeatures[byte]
                    if pair != 0 { features.insert(pair) }
                    if single != 0 { features.insert(single) }
                    previous = byte
                }
            }
        }
        return features
    }

    /// Whether the line holds `literal` (ASCII letters in either case). Its first byte is
    /// looked for eight bytes at a time (``Bytes`` SWAR), in both cases where it is a letter
    /// (literals are written in lower case), not byte by byte (callgrind, 1,000 Reuters
    /// stories: `mayMatch` 40.6 M → 34.5 M).
    private static func contains(_ literal: [UInt8], _ bytes: UnsafePointer<UInt8>, line: Range<Int>) -> Bool {
        let head = literal[0], last = line.upperBound - literal.count
        let otherCase = Bytes.isASCIILetter(head) ? head & ~0x20 : head
        let text = UnsafeBufferPointer(start: bytes, count: line.upperBound)
        var start = line.lowerBound
        while start <= last {
            start = Bytes.firstIndex(in: text, from: start, to: last + 1) { Bytes.bytes(of: $0, equalTo: head) | Bytes.bytes(of: $0, equalTo: otherCase) }
            if start <= last && holds(literal, bytes, at: start, end: line.upperBound) { return true }
            start += 1
        }
        return false
    }

    /// Whether `literal` is written at byte `index` (ASCII letters in either case).
    @inline(__always) private static func holds(_ literal: [UInt8], _ bytes: UnsafePointer<UInt8>, at index: Int, end: Int) -> Bool {
        guard index + literal.count <= end else { return false }
        for offset in literal.indices where folded(bytes[index + offset]) != literal[offset] { return false }
        return true
    }

    /// The length of the bullet at `index`, if one starts there.
    private func bulletLength(_ bytes: UnsafePointer<UInt8>, at index: Int, end: Int) -> Int? {
        guard index < end, bulletStarts.contains(bytes[index]) else { return nil }
        for bullet in bullets where bullet[0] == bytes[index] && index + bullet.count <= end {
            if (1..<bullet.count).allSatisfy({ bytes[index + $0] == bullet[$0] }) { return bullet.count }
        }
        return nil
    }

    /// Whether the line is taken for running text wrapped mid-sentence: at least
    /// ``Boilerplate/wrappedLineLength`` scalars, ending in an ASCII letter, digit, comma or
    /// semicolon. A line ending in a character beyond ASCII is not (all rules are tried).
    private static func runsOn(_ bytes: UnsafePointer<UInt8>, line: Range<Int>) -> Bool {
        guard line.count >= Boilerplate.wrappedLineLength else { return false }
        let last = bytes[line.upperBound - 1]
        guard Bytes.isASCIILetter(last) || Bytes.isDigit(last) || last == UInt8(ascii: ",") || last == UInt8(ascii: ";") else { return false }
        // Scalars are the bytes that do not continue one (10xxxxxx), counted 8 at a time.
        var continuations = 0
        var index = line.lowerBound
        let raw = UnsafeRawPointer(bytes)
        while index + 8 <= line.upperBound {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            continuations += (word & ~(word << 1) & Bytes.highBits).nonzeroBitCount
            index += 8
        }
        while index < line.upperBound {
            if bytes[index] & 0xC0 == 0x80 { continuations += 1 }
            index += 1
        }
        return line.count - continuations >= Boilerplate.wrappedLineLength
    }
}
