import Synchronization

/// The first characters (up to ``WordStartFilter/length``) that every match of a pattern
/// begins with, read from the pattern's text: what a ``WordStartFilter`` needs to skip the
/// words where a pattern built from word lists (dates: "in March", "since 2019", month and
/// weekday names, digits) cannot start. A space in a prefix stands for `\h`, a space or a run of them;
/// `0` for any ASCII digit, as the filter reads text: a class of digits (`[0-3]`, `\d`) is one
/// character, and a repeat of at most ``length`` ("[0-9]{2}", "{1,3}") reads as its copies, so
/// the prefixes go on past a number ("00 jan", "0000-0") instead of stopping at its first digit.
///
/// It reads literals and escaped literals, groups with alternatives, classes, escapes and
/// quantifiers, and passes over zero-width items (lookarounds, `\K`, `\b`, `^`, `$`). A match
/// that may begin with anything but a known literal (`\p{L}`, `.`, a class of letters) or be
/// empty, and syntax it does not read (option settings, conditions, `\Q`), give nil: the
/// pattern must then be tried everywhere.
enum PatternPrefixes {
    /// The prefixes every match begins with (literals lower-cased when `caseless`), or nil.
    static func of(_ source: String, caseless: Bool) -> [String]? {
        var parser = Parser(characters: Array(source), caseless: caseless)
        guard let outcomes = parser.alternatives(), parser.index == parser.characters.count,
              !outcomes.contains(where: { $0.text.isEmpty }) else { return nil }
        return Set(outcomes.map(\.text)).sorted()
    }

    /// How a match of a part of the pattern can begin: its first characters, and whether
    /// what follows the part may add to them (`open`: the part was read to its end).
    struct Outcome: Hashable {
        var text: String
        var open: Bool

        static let empty = Outcome(text: "", open: true)
        /// Anything may come first.
        static let unknown = Outcome(text: "", open: false)
    }

    static let length = WordStartFilter.length

    private struct Parser {
        let characters: [Character]
        let caseless: Bool
        var index = 0

        init(characters: [Character], caseless: Bool) {
            self.characters = characters
            self.caseless = caseless
        }

        var atEnd: Bool { index >= characters.count }

        /// `a|b|...` up to a closing parenthesis or the end.
        mutating func alternatives() -> Set<Outcome>? {
            var result: Set<Outcome> = []
            while true {
                guard let branch = sequence() else { return nil }
                result.formUnion(branch)
                guard !atEnd, characters[index] == "|" else { return result }
                index += 1
            }
        }

        /// Items in a row, up to `|`, `)` or the end.
        mutating func sequence() -> Set<Outcome>? {
            var result: Set<Outcome> = [.empty]
            while !atEnd, characters[index] != "|", characters[index] != ")" {
                guard var outcomes = item(), let quantifier = quantifier() else { return nil }
                if let quantifier, let maximum = quantifier.maximum, maximum <= PatternPrefixes.length {
                    // A bounded repeat: its copies in a row, from the fewest to the most allowed.
                    var copies: Set<Outcome> = [.empty], repeated: Set<Outcome> = quantifier.minimum == 0 ? [.empty] : []
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
                        outcomes = Set(outcomes.map { $0.text.isEmpty ? $0 : Outcome(text: $0.text, open: false) })
                    }
                    if quantifier.minimum == 0 { outcomes.insert(.empty) }
                }
                result = Self.concatenate(result, outcomes)
                if result.count > 50_000 { return nil }
            }
            return result
        }

        static func concatenate(_ first: Set<Outcome>, _ second: Set<Outcome>) -> Set<Outcome> {
            var result: Set<Outcome> = []
            for head in first {
                guard head.open, head.text.count < PatternPrefixes.length else { result.insert(head); continue }
                for tail in second {
                    // Runs of spaces read as one, as the filter reads the text.
                    let joined = head.text.hasSuffix(" ") && tail.text.hasPrefix(" ") ? head.text + tail.text.dropFirst() : head.text + tail.text
                    let text = String(joined.prefix(PatternPrefixes.length))
                    result.insert(Outcome(text: text, open: tail.open && text.count < PatternPrefixes.length))
                }
            }
            return result
        }

        /// One item, without its quantifier.
        mutating func item() -> Set<Outcome>? {
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

        func literal(_ character: Character) -> Outcome {
            if character == " " || character == "\t" { return Self.space }
            if character.isASCII, character.isNumber { return Self.digit }
            return Outcome(text: caseless ? character.lowercased() : String(character), open: true)
        }

        /// After `\`.
        mutating func escape() -> Set<Outcome>? {
            guard !atEnd else { return nil }
            let escaped = characters[index]
            index += 1
            switch escaped {
            case "K", "b", "B", "A", "z", "Z", "G":
                return [.empty]
            case "d":
                return [Self.digit]
            case "h":
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
        mutating func group() -> Set<Outcome>? {
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

        /// After `[`: digits for a class of digits only ("[0-9]", "[1-4]"), else unknown.
        mutating func characterClass() -> Set<Outcome>? {
            var members: Set<Character> = []
            var onlyDigits = true
            var first = true
            while !atEnd, characters[index] != "]" || first {
                let character = characters[index]
                first = false
                if character == "\\" {
                    // An escape; the braces of a property or code point are skipped.
                    onlyDigits = false
                    guard index + 1 < characters.count else { return nil }
                    let escaped = characters[index + 1]
                    index += 2
                    if "pPx".contains(escaped), !atEnd, characters[index] == "{" {
                        guard let close = characters[index...].firstIndex(of: "}") else { return nil }
                        index = close + 1
                    }
                } else if character == "[" {
                    // A POSIX class ("[:alpha:]").
                    onlyDigits = false
                    guard let close = characters[index...].firstIndex(of: "]") else { return nil }
                    index = close + 1
                } else if character.isASCII, character.isNumber, index + 2 < characters.count, characters[index + 1] == "-", characters[index + 2] != "]" {
                    let last = characters[index + 2]
                    if let low = character.asciiValue, let high = last.asciiValue, last.isNumber, low <= high {
                        for value in low...high { members.insert(Character(Unicode.Scalar(value))) }
                    } else {
                        onlyDigits = false
                    }
                    index += 3
                } else {
                    if character.isASCII, character.isNumber { members.insert(character) } else { onlyDigits = false }
                    index += 1
                }
            }
            guard !atEnd else { return nil }
            index += 1
            guard onlyDigits, !members.isEmpty else { return [.unknown] }
            return [Self.digit]
        }

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

        /// Any ASCII digit, as ``WordStartFilter`` reads it.
        static let digit = Outcome(text: "0", open: true)
        static let space = Outcome(text: " ", open: true)
    }
}

/// The ``WordStartFilter`` of a pattern whose matches start words, built from its text
/// (``PatternPrefixes``) on first use: the patterns of languages a run never meets cost
/// nothing at startup. nil when the text does not say where matches start.
public final class PatternStartFilter: Sendable {
    private let source: String
    private let caseless: Bool
    private let built = Mutex<WordStartFilter??>(nil)

    public init(source: String, caseless: Bool) {
        self.source = source
        self.caseless = caseless
    }

    public var filter: WordStartFilter? {
        built.withLock { built in
            if let filter = built { return filter }
            let filter = PatternPrefixes.of(source, caseless: caseless).map { WordStartFilter(capitals: false, prefixes: $0, caseless: caseless) }
            built = .some(filter)
            return filter
        }
    }
}
