/// Helpers that turn rule words into PCRE2 pattern text.
enum PatternText {
    /// `text` with every PCRE2 metacharacter escaped, and spaces too (so the text stays
    /// literal in extended mode as well).
    static func escape(_ text: String) -> String {
        // Byte by byte: every metacharacter is ASCII, and UTF-8 never uses an ASCII byte
        // inside a multi-byte scalar (rules compile millions of words at startup).
        var escaped: [UInt8] = []
        escaped.reserveCapacity(text.utf8.count + 4)
        for byte in text.utf8 {
            if byte < 0x80 && metacharacters[Int(byte)] { escaped.append(UInt8(ascii: "\\")) }
            escaped.append(byte)
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    /// The ASCII bytes ``escape(_:)`` escapes.
    private static let metacharacters: [Bool] = (0..<128).map { "\\^$.|?*+()[]{}-/# ".utf8.contains(UInt8($0)) }

    /// The literal text each top-level alternative of a pattern fragment starts with
    /// ("buy(?:s|ing)?|bought" → ["buy", "bought"]; "takes?\\h+over" → ["take"]), for a
    /// filter of where the fragment can match. An alternative that opens with a group of
    /// alternatives that must match ("(?:announced|rolled\\h+out)\\h+the" → ["announced",
    /// "rolled"]) starts with theirs; one that starts with no literal (an optional group, a
    /// class, an escape) gives "", which such a filter must read as "anything".
    static func literalStarts(_ fragment: String) -> [String] {
        topLevelAlternatives(fragment).flatMap { alternative -> [String] in
            if alternative.hasPrefix("(?:"), let close = closingParenthesis(in: alternative) {
                let after = alternative[alternative.index(after: close)...].first
                if after.map({ !"?*{".contains($0) }) ?? true {
                    return literalStarts(String(alternative[alternative.index(alternative.startIndex, offsetBy: 3)..<close]))
                }
            }
            var current = ""
            for character in alternative {
                if "?*+{".contains(character) {
                    // The character before a quantifier may be absent.
                    if !current.isEmpty { current.removeLast() }
                    break
                }
                if "\\([.^$".contains(character) { break }
                current.append(character)
            }
            return [current]
        }
    }

    /// The alternatives of `fragment` at its top level (not inside a group or a class).
    private static func topLevelAlternatives(_ fragment: String) -> [Substring] {
        var alternatives: [Substring] = []
        var depth = 0, escaped = false, inClass = false
        var start = fragment.startIndex
        for index in fragment.indices {
            let character = fragment[index]
            if escaped { escaped = false; continue }
            switch character {
            case "\\": escaped = true
            case "[" where !inClass: inClass = true
            case "]" where inClass: inClass = false
            case "(" where !inClass: depth += 1
            case ")" where !inClass: depth -= 1
            case "|" where depth == 0 && !inClass:
                alternatives.append(fragment[start..<index])
                start = fragment.index(after: index)
            default: break
            }
        }
        alternatives.append(fragment[start...])
        return alternatives
    }

    /// The index of the parenthesis that closes the one `text` opens with, if any.
    private static func closingParenthesis(in text: Substring) -> String.Index? {
        var depth = 0, escaped = false, inClass = false
        for index in text.indices {
            let character = text[index]
            if escaped { escaped = false; continue }
            switch character {
            case "\\": escaped = true
            case "[" where !inClass: inClass = true
            case "]" where inClass: inClass = false
            case "(" where !inClass: depth += 1
            case ")" where !inClass:
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
        }
        return nil
    }

    /// One rule word as the scalars of its pattern, one atom each (``atom(_:)``: a space
    /// matches spaces or a line break, apostrophes either form), and its ending: a trailing
    /// `*` allows any word ending; a word that ends in a letter must not be followed by
    /// another letter (unless `bounded` is false, for the parts of compounds).
    static func atoms(_ word: String, bounded: Bool, foldCase: Bool = true) -> (atoms: [Unicode.Scalar], ending: String) {
        var text = word
        let open = text.hasSuffix("*")
        if open { text.removeLast() }
        // Both apostrophes are one atom, so they share a branch of the trie.
        let atoms = (foldCase ? text.lowercased() : text).unicodeScalars.map { $0 == "’" ? "'" : $0 }
        if open { return (atoms, "\\w*") }
        if bounded, let last = text.last, last.isLetter { return (atoms, "(?!\\p{L})") }
        return (atoms, "")
    }

    /// The pattern text of one scalar of a rule word.
    fileprivate static func atom(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case " ": return "[ \\n]+"
        case "'": return "['’]"
        default: return escape(String(scalar))
        }
    }

    /// An alternation of words, as a trie ("dollar|dollars|dlrs" → "d(?:ollar(?:s|)|lrs)"),
    /// so that matching costs a step per character rather than a try per word; longer
    /// words are tried before their prefixes ("US dollars" before "US"). Patterns that use
    /// it are compiled caseless: words are folded to lower case.
    /// `bounded: false` leaves out the check that no letter follows (for parts of compounds).
    /// `foldCase: false` keeps the words' case, for use inside `(?-i:...)`.
    /// The trie is keyed by scalar and turned into pattern text only once, when rendered:
    /// rules compile hundreds of thousands of words at startup (measured).
    static func alternation(_ words: [String], bounded: Bool = true, foldCase: Bool = true) -> String {
        guard !words.isEmpty else { return "(?!)" }
        let root = TrieNode()
        for word in words {
            let (atoms, ending) = self.atoms(word, bounded: bounded, foldCase: foldCase)
            root.insert(atoms[...], ending: ending)
        }
        var text = "(?:"
        root.render(into: &text)
        text += ")"
        return text
    }
}

/// A node of the word trie that ``PatternText/alternation(_:bounded:foldCase:)`` renders.
private final class TrieNode {
    /// The continuations by scalar, searched in turn: most nodes have one or a few, and a
    /// dictionary hashed the scalar at each step of each word inserted: 57 M instructions
    /// more at startup (1,413 M, callgrind, one Reuters story).
    /// Their order changes nothing: ``render(into:)`` sorts them.
    var children: [(scalar: Unicode.Scalar, node: TrieNode)] = []
    /// Endings of words that stop here ("" or a lookahead or `\w*`), each once, in an array:
    /// a set for each node where a word stops, most with one ending, took 7 M instructions
    /// more at startup (1,357 M, callgrind, one Reuters story). The endings (the three of
    /// ``PatternText/atoms(_:bounded:foldCase:)``) differ in length, so ``render(into:)``
    /// sorts them into one order whatever order they came in.
    var endings: [String] = []

    func insert(_ atoms: ArraySlice<Unicode.Scalar>, ending: String) {
        guard let first = atoms.first else {
            if !endings.contains(ending) { endings.append(ending) }
            return
        }
        let child: TrieNode
        if let index = children.firstIndex(where: { $0.scalar == first }) {
            child = children[index].node
        } else {
            child = TrieNode()
            children.append((first, child))
        }
        child.insert(atoms.dropFirst(), ending: ending)
    }

    /// Continuations first (longest match wins), then the endings of words that stop here;
    /// a group around them when there is not exactly one. Appended to `text`: with each node
    /// returning its text, copied again into each node above, startup took 44 M instructions
    /// more (1,457 M, callgrind, one Reuters story).
    func render(into text: inout String) {
        let continuations = children.map { (PatternText.atom($0.scalar), $0.node) }.sorted { $0.0 < $1.0 }
        // Endings are tried after every continuation, the empty one last.
        let stops = endings.sorted { $0.count > $1.count }
        let grouped = continuations.count + stops.count != 1
        if grouped { text += "(?:" }
        var first = true
        for (atom, child) in continuations {
            if !first { text += "|" }
            first = false
            text += atom
            child.render(into: &text)
        }
        for stop in stops {
            if !first { text += "|" }
            first = false
            text += stop
        }
        if grouped { text += ")" }
    }
}
