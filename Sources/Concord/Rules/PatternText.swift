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
    /// "rolled"]) starts with theirs; one that opens with an optional group ("(?:has\\h+)?received",
    /// "(?:pre-)*seed") with the group's and with those of what follows it ("has", "received").
    /// One that starts with no literal (a class, an escape, nothing after an optional group)
    /// gives "", which such a filter must read as "anything".
    static func literalStarts(_ fragment: String) -> [String] {
        topLevelAlternatives(fragment).flatMap { alternative -> [String] in
            if alternative.hasPrefix("(?:"), let close = closingParenthesis(in: alternative) {
                let group = literalStarts(String(alternative[alternative.index(alternative.startIndex, offsetBy: 3)..<close]))
                let rest = alternative[alternative.index(after: close)...]
                guard let optionalEnd = endOfOptionalQuantifier(rest) else { return group }
                return group + literalStarts(String(rest[optionalEnd...]))
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

    /// Where the quantifier that opens `text` ends when it lets the group before it match
    /// no time (`?`, `*`, `{0,n}`, each perhaps lazy or possessive); nil for none or for one
    /// that needs a match (`+`, `{2}`).
    private static func endOfOptionalQuantifier(_ text: Substring) -> Substring.Index? {
        var end: Substring.Index
        switch text.first {
        case "?", "*": end = text.index(after: text.startIndex)
        case "{":
            guard text.dropFirst().hasPrefix("0"), let close = text.firstIndex(of: "}") else { return nil }
            end = text.index(after: close)
        default: return nil
        }
        if end < text.endIndex, text[end] == "?" || text[end] == "+" { end = text.index(after: end) }
        return end
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
        case _ where scalar.isASCII && !metacharacters[Int(scalar.value)]: return String(Character(scalar))
        default: return escape(String(scalar))
        }
    }

    /// An alternation of words, as a trie ("dollar|dollars|dlrs" → "d(?:ollar(?:s|)|lrs)"),
    /// so that matching costs a step per character rather than a try per word; longer
    /// words are tried before their prefixes ("US dollars" before "US"). Patterns that use
    /// it are compiled caseless: words are folded to lower case.
    /// `bounded: false` leaves out the check that no letter follows (for parts of compounds).
    /// `foldCase: false` keeps the words' case, for use inside `(?-i:...)`.
    static func alternation(_ words: [String], bounded: Bool = true, foldCase: Bool = true) -> String {
        guard !words.isEmpty else { return "(?!)" }
        var trie = WordTrie()
        for word in words {
            let (atoms, ending) = self.atoms(word, bounded: bounded, foldCase: foldCase)
            trie.insert(atoms, ending: ending)
        }
        var text = "(?:"
        trie.render(into: &text)
        return text + ")"
    }
}

/// The word trie that ``PatternText/alternation(_:bounded:foldCase:)`` renders, keyed by
/// scalar and turned into pattern text only once. Its nodes live in flat arrays, with a
/// short list of children each: rules put some 16,000 words into tries at startup, and a
/// class instance with a dictionary per node cost about 40,000 instructions a word to
/// build, render and free (measured with callgrind).
private struct WordTrie {
    /// The children of each node, by the scalar that leads to them, in insertion order.
    private var children: [[(atom: Unicode.Scalar, node: Int)]] = [[]]
    /// Endings of words that stop at each node ("" or a lookahead or `\w*`), without repeats.
    private var endings: [[String]] = [[]]

    mutating func insert(_ atoms: [Unicode.Scalar], ending: String) {
        var node = 0
        for atom in atoms {
            if let next = children[node].first(where: { $0.atom == atom })?.node {
                node = next
                continue
            }
            children.append([])
            endings.append([])
            children[node].append((atom, children.count - 1))
            node = children.count - 1
        }
        if !endings[node].contains(ending) { endings[node].append(ending) }
    }

    /// Continuations first, in the order of their pattern text (longest match wins), then
    /// the endings of words that stop here, the empty one last; a group only where there
    /// is a choice.
    func render(_ node: Int = 0, into text: inout String) {
        // Most nodes lead on to one child and end no word: their atoms are written in a row,
        // with no arrays to map and sort (WordTrie.render 111 M -> 45 M instructions at
        // startup, callgrind, one story).
        var node = node
        while children[node].count == 1 && endings[node].isEmpty {
            text += PatternText.atom(children[node][0].atom)
            node = children[node][0].node
        }
        let mapped = children[node].map { (atom: PatternText.atom($0.atom), node: $0.node) }
        let branches = mapped.count < 2 ? mapped : mapped.sorted { $0.atom < $1.atom }
        let stops = endings[node].count < 2 ? endings[node] : endings[node].sorted { $0.count > $1.count }
        let grouped = branches.count + stops.count > 1
        if grouped { text += "(?:" }
        for (index, branch) in branches.enumerated() {
            if index > 0 { text += "|" }
            text += branch.atom
            render(branch.node, into: &text)
        }
        for (index, stop) in stops.enumerated() {
            if index > 0 || !branches.isEmpty { text += "|" }
            text += stop
        }
        if grouped { text += ")" }
    }
}
