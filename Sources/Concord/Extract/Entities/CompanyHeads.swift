/// The words before a company's trade, which name the company alone later in the document:
/// "Nordwind" of "Nordwind Robotics GmbH" ("investors value Nordwind at €1 billion"). Only
/// trades (`company_words`: "Robotics", "Airlines") shorten a name, never institutions ("Bank
/// of England", "Deutsche Bank", "Ministry of Finance"); a head that is initials, a given name
/// ("Stuart Pharmaceuticals"), an adjective ("American Airlines"), a word that is no name or one
/// the gazetteer knows ("Siemens Energy", "Berlin Robotics") shortens nothing.
struct CompanyHeads {
    /// Each head and the company it names; a head two companies share names neither.
    private var companies: [String: Candidate] = [:]
    /// The word after the head in the company's name ("Robotics"), by head.
    private var continuations: [String: String] = [:]
    private var shared = Set<String>()

    /// Reads the head of `fullName`, the name of `company` without its legal suffix.
    mutating func add(_ company: Candidate, fullName: String, grammar: EntityGrammar, gazetteer: Gazetteer) {
        // Most names end in no trade word: told by the last word alone, read by bytes, before
        // any split (over the first 1,000 Reuters stories, callgrind: 3.8 M instructions; 4.9 M
        // splitting every name; 8.1 M finding the last space by Characters).
        guard let space = fullName.utf8.lastIndex(of: UInt8(ascii: " ")),
              grammar.companyWords.contains(String(fullName[fullName.utf8.index(after: space)...])) else { return }
        let words = fullName.splitting(at: " ")
        var count = words.count
        while count > 1, grammar.companyWords.contains(String(words[count - 1])) { count -= 1 }
        guard let first = words.first.map(String.init), first.count >= 3,
              first.contains(where: \.isLowercase), first.first?.isUppercase == true,
              !gazetteer.givenNames.contains(first), !grammar.partialNameWords.contains(first),
              !grammar.nonNames.contains(first), !grammar.articles.contains(first),
              !grammar.roleWords.contains(first.lowercased()) else { return }
        let head = words[..<count].joined(separator: " ")
        guard gazetteer.entries[head] == nil, !shared.contains(head) else { return }
        if let known = companies[head], known.name != company.name {
            companies[head] = nil
            shared.insert(head)
            return
        }
        companies[head] = company
        continuations[head] = String(words[count])
    }

    /// The heads that name their company: those the document never writes before another
    /// capitalised word than the next of the company's name ("United" of "United Airlines"
    /// where "United States" stands too; "Nordwind" beside "Nordwind Bank"), nor after a
    /// capitalised word that may be a name ("Aerojet General" beside "General Partners").
    func unambiguous(in buffer: TextBuffer, grammar: EntityGrammar) -> [(head: String, company: Candidate)] {
        companies.sorted { $0.key < $1.key }.compactMap { head, company in
            let continuation = continuations[head] ?? ""
            for start in EntityExtractor.occurrences(of: head, in: buffer) {
                let before = EntityExtractor.word(before: start, in: buffer)
                if before.first?.isUppercase == true && !grammar.articles.contains(before) && !grammar.nonNames.contains(before) { return nil }
                var next = start + head.utf8.count
                while next < buffer.byteCount, Bytes.isSpace(buffer[byte: next]) { next += 1 }
                guard next > start + head.utf8.count, next < buffer.byteCount else { continue }
                var end = next
                while end < buffer.byteCount, end - next < 40, EntityExtractor.isWordByte(buffer[byte: end]) { end += 1 }
                let word = buffer.string(next..<end)
                if word.first?.isUppercase == true && word != continuation { return nil }
            }
            return (head, company)
        }
    }
}
