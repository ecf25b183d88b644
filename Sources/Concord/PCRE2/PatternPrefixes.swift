import Synchronization

/// The first characters (up to ``WordStartFilter/length``) that every match of a pattern
/// begins with, read from the pattern's text: what a ``WordStartFilter`` needs to skip the
/// words where a pattern built from word lists (dates: "in March", "since 2019", month and
/// weekday names, digits) cannot start. A space in a prefix stands for `\h`, a space or a run of them
/// (or `\R`, a line end: the filter reads runs of spaces, tabs and line ends as one space);
/// `0` for any ASCII digit, as the filter reads text: a class of digits (`[0-3]`, `\d`) is one
/// character, and a repeat of at most ``length`` ("[0-9]{2}", "{1,3}") reads as its copies, so
/// the prefixes go on past a number ("00 jan", "0000-0") instead of stopping at its first digit.
/// A prefix ends at a character that is not ASCII ("0–"), where the filter stops reading.
///
/// It reads literals and escaped literals, groups with alternatives, classes of a few members
/// ("[-–]", "[\h-]"), escapes and
/// quantifiers, and passes over zero-width items (lookarounds, `\K`, `\b`, `^`, `$`). A match
/// that may begin with anything but a known literal (`\p{L}`, `.`, a class of letters) or be
/// empty, and syntax it does not read (option settings, conditions, `\Q`), give nil: the
/// pattern must then be tried everywhere.
enum PatternPrefixes {
    /// The prefixes every match begins with (literals lower-cased when `caseless`), or nil.
    static func of(_ source: String, caseless: Bool) -> [String]? {
        var parser = Parser(characters: Array(source), caseless: caseless)
        guard let outcomes = parser.alternatives(), parser.index == parser.characters.count,
              !outcomes.contains(where: { $0.count == 0 }) else { return nil }
        return Set(outcomes.map { parser.text(of: $0) }).sorted()
    }

    /// How a match of a part of the pattern can begin: its first characters, and whether
    /// what follows the part may add to them (`open`: the part was read to its end).
    ///
    /// The characters are packed, 16 bits each, first character lowest: an ASCII character
    /// (lower-cased when caseless) is its own code, any other one the number the parser gave
    /// it (``Parser/unit(_:)``). Joining and hashing two words of bits instead of strings (with
    /// ``OutcomeSet``, and the outcomes that no item can extend set aside) took the English date
    /// pattern's prefixes from 85 M instructions to 35 M (callgrind, one story).
    struct Outcome: Equatable {
        var units: UInt128
        var count: Int
        var open: Bool

        static let empty = Outcome(units: 0, count: 0, open: true)
        /// Anything may come first.
        static let unknown = Outcome(units: 0, count: 0, open: false)

        /// The first character (0 for none).
        var first: UInt16 { UInt16(truncatingIfNeeded: units) }
        /// The last character (0 for none).
        var last: UInt16 { count == 0 ? 0 : UInt16(truncatingIfNeeded: units >> (16 * (count - 1))) }

        /// A hash for ``OutcomeSet``: the count is implied by the units (no character is 0).
        var hash: UInt64 {
            let high = UInt64(truncatingIfNeeded: units >> 64)
            return (UInt64(truncatingIfNeeded: units) ^ (high &* 0x9E37_79B9_7F4A_7C15) ^ (open ? 1 << 63 : 0)) &* 0xBF58_476D_1CE4_E5B9
        }
    }

    static let length = WordStartFilter.length

    /// Outcomes without repeats, in the order first inserted: a hash table of indices into an
    /// array, with a multiplicative hash. The parser makes a set per item of the pattern and
    /// joins thousands of outcomes for a pattern of word lists; Swift's `Set`, which hashes
    /// each element with SipHash through `Hasher`, made up most of its cost.
    struct OutcomeSet: Sequence, Equatable, ExpressibleByArrayLiteral {
        private(set) var elements: [Outcome] = []
        /// Index + 1 of the element in each slot, 0 for none; empty while the set is small
        /// enough to search.
        private var slots: [Int32] = []
        private static let searchedUpTo = 8

        init() {}

        init(arrayLiteral elements: Outcome...) {
            self.init(elements)
        }

        init(_ outcomes: some Sequence<Outcome>) {
            for outcome in outcomes { insert(outcome) }
        }

        var count: Int { elements.count }
        var isEmpty: Bool { elements.isEmpty }

        func makeIterator() -> IndexingIterator<[Outcome]> { elements.makeIterator() }

        mutating func insert(_ outcome: Outcome) {
            if slots.isEmpty {
                if elements.contains(outcome) { return }
                elements.append(outcome)
                if elements.count > Self.searchedUpTo { rehash(capacity: 4 * elements.count) }
                return
            }
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: outcome.hash >> 32) & mask
            while slots[slot] != 0 {
                if elements[Int(slots[slot]) - 1] == outcome { return }
                slot = (slot + 1) & mask
            }
            elements.append(outcome)
            slots[slot] = Int32(elements.count)
            if 2 * elements.count > slots.count { rehash(capacity: 4 * elements.count) }
        }

        mutating func formUnion(_ other: OutcomeSet) {
            for outcome in other.elements { insert(outcome) }
        }

        /// Rebuilds the table with at least `capacity` slots.
        private mutating func rehash(capacity: Int) {
            var size = 16
            while size < capacity { size <<= 1 }
            slots = Array(repeating: 0, count: size)
            let mask = size - 1
            for (index, outcome) in elements.enumerated() {
                var slot = Int(truncatingIfNeeded: outcome.hash >> 32) & mask
                while slots[slot] != 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(index + 1)
            }
        }

        static func == (left: OutcomeSet, right: OutcomeSet) -> Bool {
            left.count == right.count && left.elements.allSatisfy { outcome in right.elements.contains(outcome) }
        }
    }

    private struct Parser {
        let characters: [Character]
        let caseless: Bool
        var index = 0
        /// The text of each character number from 128 on (``unit(_:)``).
        private var otherTexts: [String] = []
        private var otherUnits: [String: UInt16] = [:]

        init(characters: [Character], caseless: Bool) {
            self.characters = characters
            self.caseless = caseless
        }

        var atEnd: Bool { index >= characters.count }

        /// The number of one character of a prefix: an ASCII one's code, else a number from 128 on.
        mutating func unit(_ text: String) -> UInt16 {
            if text.utf8.count == 1, let byte = text.utf8.first, byte != 0, byte < 0x80 { return UInt16(byte) }
            if let known = otherUnits[text] { return known }
            let unit = UInt16(128 + otherTexts.count)
            otherTexts.append(text)
            otherUnits[text] = unit
            return unit
        }

        /// The prefix text of `outcome`.
        func text(of outcome: Outcome) -> String {
            var bytes: [UInt8] = []
            for position in 0..<outcome.count {
                let unit = UInt16(truncatingIfNeeded: outcome.units >> (16 * position))
                if unit < 128 {
                    bytes.append(UInt8(unit))
                } else {
                    bytes += otherTexts[Int(unit) - 128].utf8
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        /// `a|b|...` up to a closing parenthesis or the end.
        mutating func alternatives() -> OutcomeSet? {
            var result: OutcomeSet = []
            while true {
                guard let branch = sequence() else { return nil }
                result.formUnion(branch)
                guard !atEnd, characters[index] == "|" else { return result }
                index += 1
            }
        }

        /// Items in a row, up to `|`, `)` or the end.
        mutating func sequence() -> OutcomeSet? {
            // The outcomes that no later item can add to (closed, or as long as a prefix gets)
            // are set aside, so that each item joins only the ones that go on: joining every
            // outcome at each item copied the date pattern's thousands of them per character.
            var finished: OutcomeSet = [], growing: OutcomeSet = [.empty]
            while !atEnd, characters[index] != "|", characters[index] != ")" {
                guard var outcomes = item(), let quantifier = quantifier() else { return nil }
                if let quantifier, let maximum = quantifier.maximum, maximum <= PatternPrefixes.length {
                    // A bounded repeat: its copies in a row, from the fewest to the most allowed.
                    var copies: OutcomeSet = [.empty], repeated: OutcomeSet = quantifier.minimum == 0 ? [.empty] : []
                    for count in stride(from: 1, through: maximum, by: 1) {
                        copies = Self.concatenate(copies, outcomes)
                        if copies.count > 50_000 { return nil }
                        if count >= quantifier.minimum { repeated.formUnion(copies) }
                    }
                    outcomes = repeated
                } else if let quantifier {
                    // Repeated without a bound the filter reads: what comes after is unknown;
                    // but a run of spaces reads as one space.
                    if outcomes != [Self.space] {
                        outcomes = OutcomeSet(outcomes.map { $0.count == 0 ? $0 : Outcome(units: $0.units, count: $0.count, open: false) })
                    }
                    if quantifier.minimum == 0 { outcomes.insert(.empty) }
                }
                guard !growing.isEmpty else { continue }
                var next: OutcomeSet = []
                for joined in Self.concatenate(growing, outcomes) {
                    if Self.goesOn(joined) { next.insert(joined) } else { finished.insert(joined) }
                }
                growing = next
                if finished.count + growing.count > 50_000 { return nil }
            }
            finished.formUnion(growing)
            return finished
        }

        /// Whether what follows may add to `outcome`: not past a character that is not ASCII,
        /// where ``WordStartFilter`` stops reading ("0–" of "[-–]", not "0–0 mar" and the like:
        /// the English date pattern's prefixes cost twice as many instructions to read with them).
        static func goesOn(_ outcome: Outcome) -> Bool {
            outcome.open && outcome.count < PatternPrefixes.length && outcome.last < 128
        }

        static func concatenate(_ first: OutcomeSet, _ second: OutcomeSet) -> OutcomeSet {
            var result: OutcomeSet = []
            for head in first {
                guard goesOn(head) else { result.insert(head); continue }
                let headEndsInSpace = head.last == Self.spaceUnit
                for tail in second {
                    // Runs of spaces read as one, as the filter reads the text.
                    var units = tail.units, count = tail.count
                    if headEndsInSpace && tail.first == Self.spaceUnit {
                        units >>= 16
                        count -= 1
                    }
                    // Characters past the eighth are shifted out of the 128 bits.
                    let joinedCount = min(head.count + count, PatternPrefixes.length)
                    let joined = head.units | units << (16 * head.count)
                    result.insert(Outcome(units: joined, count: joinedCount, open: tail.open && joinedCount < PatternPrefixes.length))
                }
            }
            return result
        }

        /// One item, without its quantifier.
        mutating func item() -> OutcomeSet? {
            let character = characters[index]
            index += 1
            switch character {
            case "(":
                return group()
            case "[":
                return characterClass()
            case "\\":
                return escape()
            case "^", "$":
                return [.empty]
            case ".":
                return [.unknown]
            case "*", "+", "?":
                return nil
            default:
                return [literal(character)]
            }
        }

        mutating func literal(_ character: Character) -> Outcome {
            // White space as the filter reads it: a line end in a class ("[ \n]") too.
            if character == " " || character == "\t" || character == "\n" || character == "\r" { return Self.space }
            if character.isASCII, character.isNumber { return Self.digit }
            let text = caseless ? character.lowercased() : String(character)
            return Outcome(units: UInt128(unit(text)), count: 1, open: true)
        }

        /// After `\`.
        mutating func escape() -> OutcomeSet? {
            guard !atEnd else { return nil }
            let escaped = characters[index]
            index += 1
            switch escaped {
            case "K", "b", "B", "A", "z", "Z", "G":
                return [.empty]
            case "d":
                return [Self.digit]
            case "h", "R":
                // `\R`, a line end, is a space as the filter reads the text ("March 26,\n1992").
                return [Self.space]
            case "p", "P", "x", "o", "N", "g", "k":
                // An argument in braces (or a name) may follow; skip it.
                if !atEnd, characters[index] == "{" || characters[index] == "<" {
                    let closer: Character = characters[index] == "{" ? "}" : ">"
                    guard let close = characters[index...].firstIndex(of: closer) else { return nil }
                    index = close + 1
                }
                return [.unknown]
            case "Q", "E":
                return nil
            default:
                return escaped.isLetter || escaped.isNumber ? [.unknown] : [literal(escaped)]
            }
        }

        /// After `(`: the group's outcomes, zero-width for a lookaround.
        mutating func group() -> OutcomeSet? {
            var zeroWidth = false
            if !atEnd, characters[index] == "?" {
                let rest = String(characters[index..<min(characters.count, index + 3)])
                if rest.hasPrefix("?:") || rest.hasPrefix("?|") || rest.hasPrefix("?>") {
                    index += 2
                } else if rest.hasPrefix("?=") || rest.hasPrefix("?!") {
                    index += 2
                    zeroWidth = true
                } else if rest.hasPrefix("?<=") || rest.hasPrefix("?<!") {
                    index += 3
                    zeroWidth = true
                } else if rest.hasPrefix("?<") || rest.hasPrefix("?P<") {
                    guard let close = characters[index...].firstIndex(of: ">") else { return nil }
                    index = close + 1
                } else {
                    // Option settings ("(?i:"), comments, conditions, recursion: not read.
                    return nil
                }
            }
            guard let inner = alternatives(), !atEnd, characters[index] == ")" else { return nil }
            index += 1
            return zeroWidth ? [.empty] : inner
        }

        /// After `[`: one outcome per member for a class of a few members, each a literal, an
        /// escaped literal, `\h` (a space) or digits (one "0" for any of them): "[-–]" of a span
        /// of days is "-" or "–", "[\h-]" of "third-quarter" a space or "-". Anything else (a
        /// negated class, a range of letters, another escape, a POSIX class) is unknown. Read as
        /// unknown, "[-–]" ended the prefixes of a span's first day at "0": every number of a text
        /// started a try of the English date pattern (callgrind, 1,000 Reuters stories: 10,880
        /// tries, 4 matches).
        mutating func characterClass() -> OutcomeSet? {
            var members: OutcomeSet = []
            var known = !atEnd && characters[index] != "^"
            var first = true
            while !atEnd, characters[index] != "]" || first {
                let character = characters[index]
                first = false
                if character == "\\" {
                    // An escape; the braces of a property or code point are skipped.
                    guard index + 1 < characters.count else { return nil }
                    let escaped = characters[index + 1]
                    index += 2
                    if "pPx".contains(escaped), !atEnd, characters[index] == "{" {
                        guard let close = characters[index...].firstIndex(of: "}") else { return nil }
                        index = close + 1
                    }
                    if escaped == "h" {
                        members.insert(Self.space)
                    } else if escaped == "d" {
                        members.insert(Self.digit)
                    } else if escaped.isLetter || escaped.isNumber {
                        known = false
                    } else {
                        members.insert(literal(escaped))
                    }
                } else if character == "[" {
                    // A POSIX class ("[:alpha:]").
                    known = false
                    guard let close = characters[index...].firstIndex(of: "]") else { return nil }
                    index = close + 1
                } else if index + 2 < characters.count, characters[index + 1] == "-", characters[index + 2] != "]" {
                    // A range: of digits, else unknown.
                    let last = characters[index + 2]
                    if character.isASCII, character.isNumber, last.isASCII, last.isNumber, character <= last {
                        members.insert(Self.digit)
                    } else {
                        known = false
                    }
                    index += 3
                } else {
                    // One scalar: a character of several (a letter and its combining mark) is
                    // several members, which this reader does not split.
                    if character.unicodeScalars.count == 1 { members.insert(literal(character)) } else { known = false }
                    index += 1
                }
            }
            guard !atEnd else { return nil }
            index += 1
            guard known, !members.isEmpty, members.count <= Self.classMembers else { return [.unknown] }
            return members
        }

        /// The most members of a class read one by one.
        static let classMembers = 8

        /// The quantifier after an item, if any (inner nil); outer nil when it is malformed.
        /// `maximum`: how many times the item may come, nil for no bound.
        mutating func quantifier() -> (minimum: Int, maximum: Int?)?? {
            guard !atEnd else { return .some(nil) }
            let quantifier: (minimum: Int, maximum: Int?)
            switch characters[index] {
            case "?":
                quantifier = (0, 1)
                index += 1
            case "*":
                quantifier = (0, nil)
                index += 1
            case "+":
                quantifier = (1, nil)
                index += 1
            case "{":
                guard let close = characters[index...].firstIndex(of: "}") else { return nil }
                let bounds = String(characters[(index + 1)..<close]).split(separator: ",", omittingEmptySubsequences: false)
                guard let first = bounds.first, let low = Int(first), bounds.count <= 2 else { return nil }
                quantifier = (low, bounds.count == 2 ? Int(bounds[1]) : low)
                index = close + 1
            default:
                return .some(nil)
            }
            // A lazy or possessive mark.
            if !atEnd, characters[index] == "?" || characters[index] == "+" { index += 1 }
            return .some(quantifier)
        }

        static let spaceUnit = UInt16(UInt8(ascii: " "))
        /// Any ASCII digit, as ``WordStartFilter`` reads it.
        static let digit = Outcome(units: UInt128(UInt8(ascii: "0")), count: 1, open: true)
        static let space = Outcome(units: UInt128(spaceUnit), count: 1, open: true)
    }
}

/// The ``WordStartFilter`` of a pattern whose matches start words, built from its text
/// (``PatternPrefixes``) on first use: the patterns of languages a run never meets cost
/// nothing at startup. nil when the text does not say where matches start.
public final class PatternStartFilter: Sendable {
    private let source: String
    private let caseless: Bool
    /// Prefixes the filter allows besides those of the text.
    private let morePrefixes: [String]
    /// ``WordStartFilter``'s `digits`: whether a number may start a match anywhere.
    private let digits: Bool
    private let built = Mutex<WordStartFilter??>(nil)

    public init(source: String, caseless: Bool, morePrefixes: [String] = [], digits: Bool = false) {
        self.source = source
        self.caseless = caseless
        self.morePrefixes = morePrefixes
        self.digits = digits
    }

    /// The filter, built by the first caller (under a lock: the batch's threads share it).
    public var filter: WordStartFilter? {
        built.withLock { built in
            if let filter = built { return filter }
            let filter = PatternPrefixes.of(source, caseless: caseless).map {
                WordStartFilter(capitals: false, prefixes: $0 + morePrefixes, caseless: caseless, digits: digits)
            }
            built = .some(filter)
            return filter
        }
    }
}
