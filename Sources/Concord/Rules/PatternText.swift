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
    /// filter of where the fragment can match; "" for an alternative that starts with no
    /// literal (a group, a class, an escape), which such a filter must read as "anything".
    static func literalStarts(_ fragment: String) -> [String] {
        var starts: [String] = []
        var depth = 0, current = "", reading = true, escaped = false
        for character in fragment {
            if escaped { escaped = false; reading = false; continue }
            switch character {
            case "\\": escaped = true; reading = false
            case "(", "[": depth += 1; reading = false
            case ")", "]": depth -= 1
            case "|" where depth == 0:
                starts.append(current); current = ""; reading = true
            case "?", "*", "+", "{":
                // The character before a quantifier may be absent.
                if reading, !current.isEmpty { current.removeLast() }
                reading = false
            case ".", "^", "$": reading = false
            default: if reading && depth == 0 { current.append(character) }
            }
        }
        starts.append(current)
        return starts
    }

    /// One rule word as pattern atoms (one per character: a space matches spaces or a
    /// line break, apostrophes either form) and its ending: a trailing `*` allows any word
    /// ending; a word that ends in a letter must not be followed by another letter
    /// (unless `bounded` is false, for the parts of compounds).
    static func atoms(_ word: String, bounded: Bool, foldCase: Bool = true) -> (atoms: [String], ending: String) {
        var text = word
        let open = text.hasSuffix("*")
        if open { text.removeLast() }
        let atoms = (foldCase ? text.lowercased() : text).map { character -> String in
            switch character {
            case " ": return "[ \\n]+"
            case "'", "’": return "['’]"
            default: return escape(String(character))
            }
        }
        if open { return (atoms, "\\w*") }
        if bounded, let last = text.last, last.isLetter { return (atoms, "(?!\\p{L})") }
        return (atoms, "")
    }

    /// An alternation of words, as a trie ("dollar|dollars|dlrs" → "d(?:ollar(?:s|)|lrs)"),
    /// so that matching costs a step per character rather than a try per word; longer
    /// words are tried before their prefixes ("US dollars" before "US"). Patterns that use
    /// it are compiled caseless: words are folded to lower case.
    /// `bounded: false` leaves out the check that no letter follows (for parts of compounds).
    /// `foldCase: false` keeps the words' case, for use inside `(?-i:...)`.
    static func alternation(_ words: [String], bounded: Bool = true, foldCase: Bool = true) -> String {
        guard !words.isEmpty else { return "(?!)" }
        let root = TrieNode()
        for word in words {
            let (atoms, ending) = self.atoms(word, bounded: bounded, foldCase: foldCase)
            root.insert(atoms[...], ending: ending)
        }
        return "(?:" + root.render() + ")"
    }
}

/// A node of the word trie that ``PatternText/alternation(_:bounded:)`` renders.
private final class TrieNode {
    var children: [String: TrieNode] = [:]
    /// Endings of words that stop here ("" or a lookahead or `\w*`).
    var endings: Set<String> = []

    func insert(_ atoms: ArraySlice<String>, ending: String) {
        guard let first = atoms.first else { endings.insert(ending); return }
        let child = children[first] ?? TrieNode()
        children[first] = child
        child.insert(atoms.dropFirst(), ending: ending)
    }

    /// Continuations first (longest match wins), then the endings of words that stop here.
    func render() -> String {
        var parts = children.keys.sorted().map { $0 + children[$0]!.render() }
        // Endings are tried after every continuation, the empty one last.
        parts += endings.sorted { $0.count > $1.count }
        if parts.count == 1 { return parts[0] }
        return "(?:" + parts.joined(separator: "|") + ")"
    }
}
