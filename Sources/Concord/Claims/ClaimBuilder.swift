import Foundation

/// Builds claims from the mentions of each sentence with the claim patterns in
/// `Rules/claims/<predicate>/<lang>.yaml`.
///
/// A pattern is matched only on sentences that hold what every match of it holds (marks,
/// words, in their order: ``ClaimSentenceFilter``), its rule's trigger word, and the marks
/// its claims need (a sum, a percent, people, an object: ``ClaimRule/patternNeeds``); only
/// those sentences are masked (see ``MaskedSentence``). Each claim takes the money, percents, dates and people inside its own
/// captured groups only, so a valuation's sum never joins an investment. Then, per
/// document: a claim without a subject takes the one the document states for the same
/// predicate and object; anaphors that would make a party its own counterpart are
/// resolved to the next organisation the document is about; symmetric predicates order
/// their parties; `founded-by` claims about one company become one claim.
public struct ClaimBuilder: Sendable {
    /// Per language, its rules and what is read from them once (one look-up a document).
    let languages: GrammarsByLanguage<ClaimLanguage>
    let rounds: RoundNames
    /// News media of the gazetteer: never what a pronoun or anaphor stands for.
    let media: Set<String>
    /// News media and regulators (``Gazetteer/nonReferents``): never what a pronoun stands for
    /// but after their own verb of saying.
    let nonReferents: Set<String>

    public init(rules: RuleSet, compilation: GrammarCompilation = .eager) throws {
        let gazetteer = try Gazetteer(file: rules.file("entities/gazetteer.yaml"))
        media = gazetteer.media
        nonReferents = gazetteer.nonReferents
        let rounds = try RoundNames(file: rules.file("claims/rounds.yaml"))
        let entityFiles = rules.filesByLanguage(in: "entities")
        let claimFiles = try Dictionary(grouping: rules.files(in: "claims").filter { $0.root["predicate"] != nil }) { try $0.root.string("language") }
        languages = try GrammarsByLanguage(languages: claimFiles.keys, compilation: compilation) { language in
            try ClaimLanguage(files: claimFiles[language]!, entities: entityFiles[language], rounds: rounds)
        }
        self.rounds = rounds
    }

    /// The pattern of ``speakers``: an organisation's mark, one of `verbs`, then up to three
    /// lower-case words (an elided one too: "qu'") or marks of dates and places ("said on
    /// Tuesday that", "a annoncé mardi qu'"), up to the end of the text searched. A mark
    /// joined to the one before it by a short lower-case word is the tail of a longer name
    /// ("⟨Dynamics Corp⟩ of ⟨America⟩ said"), never the speaker.
    static func speakerSource(_ verbs: [String]) -> String {
        let open = MaskedSentence.open, close = MaskedSentence.close
        let verb = verbs.map { $0.split(separator: " ").map { PatternText.escape(String($0)) }.joined(separator: "\\h+") }.joined(separator: "|")
        return "(?<!\(close)\\h\\p{Ll}{2}\\h)(?<!\(close)\\h\\p{Ll}{3}\\h)\(open)O[0-9]+\(close)\\h+(?:\(verb))(?:[\\h,]+(?:\(open)[DL][0-9]+\(close)|\\p{Ll}+'?)){0,3}?[\\h,]*$"
    }

    public func claims(in document: TokenizedDocument, mentions: DocumentMentions) throws -> [Claim] {
        guard let language = try languages.grammar(for: document.language.language) else { return [] }
        let ruleList = language.rules, filter = language.filter
        let buffer = document.buffer
        let (mayHold, mayFakeMarks) = Self.markKinds(in: document, mentions: mentions)
        var triggered = [Bool](repeating: false, count: ruleList.count), wanted = triggered
        var spans: MentionSpans?
        // Made at the first match: most triggered sentences give none (measured on Reuters:
        // 646 contexts a thousand stories, 18.5 M instructions, for 43 matches).
        var context: ClaimContext?
        var claims: [ReadClaim] = []
        try buffer.withBytes { base in
            // Per sentence, the patterns that may match it (``ClaimSentenceFilter``), in the
            // order claims are read: only a sentence with one is searched for its triggers, and
            // only one that triggers such a pattern's rule is masked and matched.
            var scratch = filter.scratch(base, count: buffer.byteCount, isASCII: buffer.isASCII)
            var cursor = TriggerCursor()
            for (sentenceIndex, sentence) in document.sentences.enumerated() {
                guard filter.mayMatch(base, sentence.range, kinds: mayHold[sentenceIndex], &scratch) else { continue }
                // The rules whose trigger the sentence holds (at the start of a word), looked for
                // until every rule of a pattern that may match is found.
                var missing = 0
                for index in triggered.indices {
                    triggered[index] = false
                    wanted[index] = false
                }
                filter.forEachSlot(scratch) { slot in
                    if !wanted[slot.rule] {
                        wanted[slot.rule] = true
                        missing += 1
                    }
                }
                try cursor.forEachMatch(of: language.trigger, startingAt: language.triggerStarts.filter, in: buffer, bytes: base,
                                        from: sentence.range.lowerBound, before: sentence.range.upperBound) { match in
                    for (index, group) in language.triggerGroups.enumerated() where !triggered[index] && group.flatMap({ match[$0] }) != nil {
                        triggered[index] = true
                        if wanted[index] { missing -= 1 }
                    }
                    return missing > 0
                }
                guard filter.keepSlots(&scratch, where: { triggered[$1.rule] }) else { continue }
                let mentionSpans = spans ?? MentionSpans(mentions)
                spans = mentionSpans
                let marked = mentionSpans.marked(in: sentence.range)
                // Patterns whose claims need marks the sentence lacks are not run (see
                // ``ClaimRule/patternNeeds``), and a sentence no pattern runs on is not masked.
                // Where the marks stand is known unless the text may fake some.
                filter.narrow(&scratch, kinds: mayFakeMarks ? MarkKinds(rawValue: .max) : marked.reduce(into: MarkKinds()) { $0.formUnion($1.kinds) })
                guard mayFakeMarks || filter.inOrder(base, sentence.range, marks: marked, &scratch) else { continue }
                var masked: MaskedSentence?
                try filter.forEachSlot(scratch) { slot in
                    let rule = ruleList[slot.rule]
                    let pattern = slot.completes ? rule.completions[slot.pattern] : rule.patterns[slot.pattern]
                    let sentenceMask = masked ?? MaskedSentence(sentence: sentence.range, in: document, marked: marked)
                    masked = sentenceMask
                    // The matches are read after the scan: a closure reading them in it would
                    // capture (copy) the document and the builder at every scan.
                    for match in try pattern.matches(in: sentenceMask.buffer) {
                        let resolver = context ?? ClaimContext(document: document, mentions: mentions, anaphor: language.anaphor, speaker: language.speaker, media: media, nonReferents: nonReferents)
                        context = resolver
                        if let claim = resolver.claim(from: match, masked: sentenceMask, rule: rule, sentence: sentenceIndex, rounds: rounds, completes: slot.completes) {
                            claims.append(claim)
                        }
                    }
                }
            }
        }
        // Without a match there is nothing to settle.
        return context?.settle(claims, rules: ruleList, unnamedRound: rounds.unnamed) ?? []
    }

    /// The kinds of mark each sentence of `document` may hold: those of the mentions that
    /// start in it (its masked text holds some of them, ``MentionSpans/marked(in:)`` dropping
    /// overlaps); and whether the text may fake marks: a text holding the opening byte of a mark
    /// itself could read as marks that no mention made (and a party may be found for one), and
    /// then every sentence may hold every kind.
    static func markKinds(in document: TokenizedDocument, mentions: DocumentMentions) -> (kinds: [MarkKinds], mayFakeMarks: Bool) {
        let buffer = document.buffer
        if buffer.withBytes({ memchr($0, Int32(MaskedSentence.openByte), buffer.byteCount) != nil }) {
            return (Array(repeating: MarkKinds(rawValue: .max), count: document.sentences.count), true)
        }
        var kinds = [MarkKinds](repeating: [], count: document.sentences.count)
        func add(_ start: Int, _ kind: MarkKinds) {
            if let sentence = document.sentenceIndex(containing: start) { kinds[sentence].formUnion(kind) }
        }
        for index in mentions.money.indices { add(mentions.money[index].bytes.lowerBound, .money) }
        for index in mentions.percents.indices { add(mentions.percents[index].bytes.lowerBound, .percent) }
        for index in mentions.dates.indices { add(mentions.dates[index].bytes.lowerBound, .date) }
        for index in mentions.entities.indices { add(mentions.entities[index].bytes.lowerBound, .entity(mentions.entities[index].type)) }
        return (kinds, false)
    }
}

/// One language's claim rules, and what is read from them once for all its documents.
final class ClaimLanguage: Sendable {
    /// The rules, in the order their claims are read.
    let rules: [ClaimRule]
    /// Every rule's trigger in one pattern: one scan finds the sentences worth matching and
    /// which rules each one triggers. The pattern matches (empty) at a word start where some
    /// trigger matches; a lookahead per rule (group `r<index>`) then records every rule whose
    /// trigger matches there, so a word that triggers two rules ("stake": investment and
    /// stake) triggers both.
    let trigger: Pattern
    /// The number of each rule's group `r<index>` in ``trigger``.
    let triggerGroups: [Int?]
    /// The word starts where some trigger may match, read from the triggers' text on first
    /// use (12 M instructions at startup for the five languages, callgrind; no filter when it
    /// cannot be read): the trigger scan tries only those.
    let triggerStarts: PatternStartFilter
    /// What each pattern's matches hold: a sentence that lacks it is not searched for the
    /// pattern's trigger, nor masked and matched.
    let filter: ClaimSentenceFilter
    /// The anaphors of the language's entity rules ("the company"), as one pattern.
    let anaphor: Pattern?
    /// An organisation's mark, a verb of saying and the few words up to the end of the text
    /// (`speech_verbs` of the entity rules): "⟨O2⟩ said on ⟨D3⟩ that" before a pronoun names
    /// whom the pronoun stands for (``ClaimBuilder/speakerSource(_:)``).
    let speaker: Pattern?

    /// The rules of `files` (`claims/<predicate>/<lang>.yaml`, path order), with the words and
    /// patterns they take from the language's entity rules (`entities`: pronouns, anaphors,
    /// verbs of saying, ...) and the round names of `rounds`.
    init(files: [RuleFile], entities: RuleFile?, rounds: RoundNames) throws {
        let words = { (key: String) in try entities?.root.strings(key) ?? [] }
        let expander = ClaimPlaceholders(pronouns: try words("pronouns"), conjunctions: try words("conjunctions"),
                                         descriptionNouns: try words("person_description_nouns"),
                                         descriptorHeads: try words("descriptor_heads") + words("nationality_nouns"),
                                         articles: try words("apposition_articles"),
                                         adjectivesAfterNoun: entities?.root["adjectives_after_noun"]?.scalar == "true",
                                         rounds: rounds.alternation).expander()
        let roundNeeds = ClaimPatternReader.needs(of: rounds.alternation, placeholders: [:])
        let rules = try files.map { file in
            let rule = try ClaimRule(file: file, placeholders: expander, roundNeeds: roundNeeds)
            if rule.objectGroup == "round", let fallback = rule.objectDefault, !rounds.names.contains(where: { $0.name == fallback }) {
                throw RuleError(origin: file.root["object_default"]?.origin ?? file.root.origin, message: "object_default '\(fallback)' is no round name of claims/rounds.yaml")
            }
            return rule
        }
        self.rules = rules
        anaphor = try entities.flatMap { file in
            let anaphors = try file.root.list("anaphors").map { try $0.string() }
            return anaphors.isEmpty ? nil : try Pattern(anaphors.map { "(?:\($0))" }.joined(separator: "|"), caseless: true, origin: RuleOrigin(file: file.path, line: 1))
        }
        speaker = try entities.flatMap { file in
            let verbs = try file.root.strings("speech_verbs")
            return verbs.isEmpty ? nil : try Pattern(ClaimBuilder.speakerSource(verbs), origin: file.root["speech_verbs"]?.origin ?? file.root.origin)
        }
        // Triggers start words; one lookbehind outside the alternation scans far faster
        // than a \\b before each word.
        let any = rules.map { "(?:\($0.triggerSource))" }.joined(separator: "|")
        let each = rules.indices.map { "(?:(?=(?<r\($0)>\(rules[$0].triggerSource)))|)" }.joined()
        let trigger = try Pattern("(?<![\\p{L}\\p{N}])(?=\(any))\(each)", caseless: true, origin: rules[0].triggerOrigin)
        self.trigger = trigger
        triggerGroups = rules.indices.map { trigger.groupNumber("r\($0)") }
        triggerStarts = PatternStartFilter(source: any, caseless: true)
        filter = ClaimSentenceFilter(rules: rules)
    }
}

/// Finds the matches of a language's trigger pattern (``ClaimLanguage/trigger``) in sentences
/// taken in text order, as a scan of the whole text finds them: at each offset its start
/// filter allows (at each match, without one), the pattern tried on the whole text. The
/// filter's next allowed offset is kept, so a stretch of text without one is read once
/// however many sentences ask about it.
struct TriggerCursor {
    /// Where the last look-up began, and the first allowed offset (the first match, without a
    /// filter) it found at or after it; nil: none up to the end.
    private var from = Int.max
    private var found: Int?
    private var match: PatternMatch?

    /// Calls `body` with each match of `trigger` starting in `start..<end`, until it returns
    /// false; `bytes` are `buffer`'s.
    mutating func forEachMatch(of trigger: Pattern, startingAt starts: WordStartFilter?, in buffer: TextBuffer, bytes: UnsafePointer<UInt8>,
                               from start: Int, before end: Int, _ body: (PatternMatch) -> Bool) throws {
        var position = start
        while position < end {
            if from > position || found.map({ $0 < position }) == true {
                from = position
                if let starts {
                    found = starts.nextStart(bytes, count: buffer.byteCount, from: position)
                } else {
                    match = try trigger.firstMatch(in: buffer, from: position)
                    found = match?.range.lowerBound
                }
            }
            guard let candidate = found, candidate < end else { return }
            if starts != nil {
                if let hit = try trigger.anchoredMatch(in: buffer, at: candidate), !body(hit) { return }
                position = candidate + 1
            } else if let match {
                if !body(match) { return }
                position = match.range.upperBound > candidate ? match.range.upperBound : buffer.nextScalarBoundary(after: candidate)
            }
        }
    }
}

/// Everything one document's claims are resolved against. A class: each pattern's scan of
/// a sentence captures it, and a struct would be copied there field by field (retaining the
/// whole document and its mentions; measured at about 0.6% of `extract` time).
final class ClaimContext {
    let document: TokenizedDocument
    let mentions: DocumentMentions
    /// Organisations by how much the document is about them (anaphors, news media and
    /// regulators left out).
    let salience: [String]
    /// The entity mentions that are anaphors ("the startup"), by index.
    let anaphoric: Set<Int>
    /// News media of the gazetteer: the sources of a story, never what a pronoun stands for.
    let media: Set<String>
    /// News media and regulators: never what a pronoun stands for but after their own verb of saying.
    let nonReferents: Set<String>
    /// The language's ``ClaimBuilder/speakers`` pattern, if it has one.
    let speaker: Pattern?

    init(document: TokenizedDocument, mentions: DocumentMentions, anaphor: Pattern?, speaker: Pattern?, media: Set<String>, nonReferents: Set<String>) {
        self.document = document
        self.speaker = speaker
        self.mentions = mentions
        // Mentions repeat ("Microsoft" twenty times): each distinct text is tested once.
        var tested: [String: Bool] = [:]
        var anaphoric = Set<Int>()
        for (index, entity) in mentions.entities.enumerated() where entity.type == .organization {
            let isAnaphor = tested[entity.text] ?? Self.isAnaphor(entity.text, anaphor)
            tested[entity.text] = isAnaphor
            if isAnaphor { anaphoric.insert(index) }
        }
        self.anaphoric = anaphoric
        self.media = media
        self.nonReferents = nonReferents
        salience = EntitySalience.ranking(mentions.entities.indices.filter { mentions.entities[$0].type == .organization && !anaphoric.contains($0) }.map { mentions.entities[$0].name }.filter { !nonReferents.contains($0) })
    }

    /// Whether an entity mention is an anaphor ("the startup") rather than a name.
    static func isAnaphor(_ text: String, _ anaphor: Pattern?) -> Bool {
        guard let anaphor, let match = try? anaphor.anchoredMatch(in: TextBuffer(text), at: 0) else { return false }
        return match.range.upperBound == text.utf8.count
    }

    /// The claim one pattern match states, or nil when a required part is missing (for a
    /// completion, which only adds to another claim: when it lists nobody).
    func claim(from match: PatternMatch, masked: MaskedSentence, rule: ClaimRule, sentence: Int, rounds: RoundNames, completes: Bool) -> ReadClaim? {
        let subjectParty = party(match["subject"], masked: masked, sentence: sentence)
        let objectParty = party(match["object"], masked: masked, sentence: sentence)
        var subject = subjectParty?.name ?? ""
        var object = objectParty?.name ?? ""
        // An anaphor or pronoun never names the other party of its own claim. Where both
        // parties are references, the subject's holds: a pronoun that opens a sentence goes
        // on about the subject before it ("Il prendra une participation dans le fabricant").
        if subject == object, !subject.isEmpty {
            if subjectParty?.isReference == true && objectParty?.isReference != true { subject = salience.first { $0 != object } ?? "" }
            else if objectParty?.isReference == true { object = salience.first { $0 != subject } ?? "" }
        }
        var details: [String: String] = [:]
        if let round = match["round"] { details["round"] = rounds.canonical(masked.string(round)) }
        if let what = match["what"] { details["what"] = masked.string(what) }
        if match["partial"] != nil { details["list"] = "partial" }
        if let group = rule.objectGroup {
            if details[group] == nil, let fallback = rule.objectDefault { details[group] = fallback }
            object = details[group] ?? ""
        }
        // A party named on both sides is no claim between two: "the Foundation, set up by Conrad
        // Hilton, holds 27 pct of the Hilton Corp, according to Hilton attorneys".
        if subject == object, !subject.isEmpty { return nil }
        if rule.symmetric && object < subject { swap(&subject, &object) }
        var money: [Int] = []
        for mark in masked.marks(in: match["money"]) + masked.marks(in: match["equivalent"]) where mark.kind == .money {
            money.append(mark.index)
            if let equivalent = mentions.money[mark.index].equivalent { money.append(equivalent) }
        }
        for (index, other) in mentions.money.enumerated() where other.equivalent.map(money.contains) == true { money.append(index) }
        money = Array(Set(money)).sorted()
        let percents = masked.marks(in: match["percent"]).filter { $0.kind == .percent }.map(\.index)
        // Founders are people; lead investors may be firms.
        // An anaphor in a list ("led by Sequoia, the company said") is no member of it.
        var people: [String] = []
        let listed = masked.marks(in: match["people"]).filter { $0.kind == .entity && mentions.entities[$0.index].type == .person }
            + masked.marks(in: match["lead"]).filter { $0.kind == .entity }
        for mark in listed where !anaphoric.contains(mark.index) && !people.contains(mentions.entities[mark.index].name) {
            people.append(mentions.entities[mark.index].name)
        }
        var dates = masked.marks(in: match["date"]).filter { $0.kind == .date }.map(\.index)
        if dates.isEmpty {
            switch rule.dating {
            case .captured: break
            case .day:
                // A dateline in the sentence dates the document, not the event.
                dates = self.dates(in: document.sentences[sentence].range).filter { $0 != mentions.documentDate && mentions.dates[$0].value?.count == "YYYY-MM-DD".count }
            case .sentence: dates = self.dates(in: document.sentences[sentence].range)
            case .event:
                let (found, dated) = eventDates(sentence: sentence)
                dates = found
                if let dated { details["dated"] = dated }
            }
        }
        let filled: [String: Bool] = ["money": !money.isEmpty, "people": !people.isEmpty, "percent": !percents.isEmpty, "object": !object.isEmpty, "subject": !subject.isEmpty]
        guard completes ? !people.isEmpty : rule.requires.allSatisfy({ filled[$0] ?? true }) else { return nil }
        let range = document.sentences[sentence].range
        let span = document.span(ofBytes: range)
        let claim = Claim(subject: subject, predicate: rule.predicate, object: object, money: money, dates: dates, percents: percents,
                          people: people, details: details, line: span.line, sentence: span.text, start: span.start, end: span.end)
        return ReadClaim(claim: claim, subjectIsReference: subjectParty?.isReference == true, sentence: sentence, completes: completes)
    }

    /// The entity a subject or object group names, and whether it is a reference
    /// (anaphor or pronoun) rather than a name.
    private func party(_ range: Range<Int>?, masked: MaskedSentence, sentence: Int) -> (name: String, isReference: Bool)? {
        guard let range else { return nil }
        if let mark = masked.marks(in: range).first(where: { $0.kind == .entity }) {
            // A news medium is the story's source, never a party ("AMSTERDAM (Reuters) - ...").
            let name = mentions.entities[mark.index].name
            return media.contains(name) ? nil : (name, anaphoric.contains(mark.index))
        }
        // A pronoun after a verb of saying: the organisation that says it ("Shares of Quorra
        // jumped after Volvex said it would acquire Brightline").
        if let speaker, let said = try? speaker.firstMatch(in: masked.buffer, to: range.lowerBound), !Self.continuesAName(at: said.range.lowerBound, in: masked.buffer),
           let mark = masked.marks(in: said.range).first, mark.kind == .entity, isNamedOrganisation(mark.index) {
            return (mentions.entities[mark.index].name, true)
        }
        // Else the organisation named first before it in the sentence ("Brightline said
        // it had agreed to buy ...", "Microsoft, which backs OpenAI, said it ..."), news media
        // left out ("LONDON (Reuters) - Paylane said it had raised ..."); else the one named
        // first in the sentence before, in the same paragraph, which a pronoun opening the
        // next sentence goes on about ("Volkswagen will invest in Rivian. It will take a 5%
        // stake"); else the one the document is about.
        let before = masked.marks(in: 0..<range.lowerBound).first { mark in
            mark.kind == .entity && mayBeReferent(mark.index)
        }
        if let before { return (mentions.entities[before.index].name, true) }
        if sentence > 0 && inOneParagraph(sentence - 1, sentence) {
            let previous = document.sentences[sentence - 1].range
            let first = mentions.entities.indices.filter { previous.contains(mentions.entities[$0].bytes.lowerBound) && mayBeReferent($0) }
                .min { mentions.entities[$0].bytes.lowerBound < mentions.entities[$1].bytes.lowerBound }
            if let first { return (mentions.entities[first].name, true) }
        }
        return salience.first.map { ($0, true) }
    }

    /// Whether the mark at byte `start` of a masked sentence is the tail of a longer name the
    /// entities split: a capitalised word or another mark stands right before it ("Continental
    /// Health ⟨Affiliates Inc⟩ said").
    static func continuesAName(at start: Int, in buffer: TextBuffer) -> Bool {
        guard start > 0, Bytes.isSpace(buffer[byte: start - 1]) else { return false }
        var wordStart = start - 1
        while wordStart > 0, !Bytes.isSpace(buffer[byte: wordStart - 1]) { wordStart -= 1 }
        let word = buffer.string(wordStart..<(start - 1))
        return word.first?.isUppercase == true || word.hasSuffix(MaskedSentence.close)
    }

    /// Whether entity mention `index` names an organisation (no anaphor, no news medium).
    private func isNamedOrganisation(_ index: Int) -> Bool {
        let entity = mentions.entities[index]
        return entity.type == .organization && !anaphoric.contains(index) && !media.contains(entity.name)
    }

    /// Whether a pronoun that no verb of saying follows may stand for entity mention `index`:
    /// a named organisation, no regulator it is told or filed with.
    private func mayBeReferent(_ index: Int) -> Bool {
        isNamedOrganisation(index) && !nonReferents.contains(mentions.entities[index].name)
    }

    /// Dates of the sentence, else of the previous sentence of the same paragraph, else the
    /// document's date; the second value says which ("paragraph", "document"). A dateline
    /// ("TORINO, 22 novembre 2025 - ...") dates the document, not the event.
    private func eventDates(sentence: Int) -> ([Int], String?) {
        // Neither the document's own date nor a year, half or month that begins after it:
        // a plan ("per automatizzare 40 magazzini entro il 2027", "will open in 2026") is
        // not when the event took place; a day named is ("signed on 3 October"). ISO
        // values compare as text: "2027" and "2025-10" begin after "2025-09-23", "2025" and
        // "2025-09" hold it.
        let published = document.document.published ?? mentions.documentDate.flatMap { mentions.dates[$0].value }
        let documentDate = mentions.documentDate, mentioned = mentions.dates
        let past = { (index: Int) in
            guard index != documentDate, let value = mentioned[index].value, let published else { return index != documentDate }
            return value.count == "YYYY-MM-DD".count || value <= published
        }
        let own = dates(in: document.sentences[sentence].range).filter(past)
        if !own.isEmpty { return (own, nil) }
        if sentence > 0 && inOneParagraph(sentence - 1, sentence) {
            let earlier = dates(in: document.sentences[sentence - 1].range).filter(past)
            if !earlier.isEmpty { return (earlier, "paragraph") }
        }
        if let index = mentions.documentDate { return ([index], "document") }
        return ([], nil)
    }

    /// Whether no blank line stands between sentences `first` and `last`.
    private func inOneParagraph(_ first: Int, _ last: Int) -> Bool {
        (first..<last).allSatisfy { index in
            let between = document.buffer.string(document.sentences[index].range.upperBound..<document.sentences[index + 1].range.lowerBound)
            return between.filter { $0 == "\n" }.count < 2
        }
    }

    private func dates(in range: Range<Int>) -> [Int] {
        mentions.dates.indices.filter { range.contains(mentions.dates[$0].bytes.lowerBound) && mentions.dates[$0].value != nil }
    }

    /// The document-wide passes: completions, duplicates, missing subjects, one founders
    /// claim per company.
    func settle(_ all: [ReadClaim], rules: [ClaimRule], unnamedRound: String?) -> [Claim] {
        // "a recaudado 20 millones en una ronda Serie A": a round read once by its name and
        // once as an unnamed one from the same sum is the named one.
        var read = all.filter { claim in
            guard !claim.completes, let unnamed = unnamedRound, claim.claim.details["round"] == unnamed else { return !claim.completes }
            return !all.contains { other in
                !other.completes && other.claim.predicate == claim.claim.predicate && other.claim.subject == claim.claim.subject
                    && other.claim.details["round"].map { $0 != unnamed } == true && !Set(other.claim.money).isDisjoint(with: claim.claim.money)
            }
        }
        // "The round was led by Index Ventures.": its people join the nearest claim of its
        // predicate read in the same sentence or an earlier one of the paragraph, and its
        // dates date that claim when it has none ("..., a annoncé l'entreprise mardi.").
        for completion in all where completion.completes {
            guard let target = read.lastIndex(where: { $0.claim.predicate == completion.claim.predicate && $0.sentence <= completion.sentence && inOneParagraph($0.sentence, completion.sentence) }) else { continue }
            for person in completion.claim.people where !read[target].claim.people.contains(person) { read[target].claim.people.append(person) }
            if read[target].claim.dates.isEmpty { read[target].claim.dates = completion.claim.dates }
        }
        // Two patterns may read the same statement: keep the fuller reading.
        let found = read.map(\.claim)
        let kept = found.indices.filter { index in
            !found.indices.contains { other in
                other != index && found[index].isSubsumed(by: found[other]) && (!found[other].isSubsumed(by: found[index]) || other < index)
            }
        }
        var claims = kept.map { found[$0] }
        // "Investors are valuing the company at $2 billion": an anaphor or pronoun as the
        // subject is the party the rule names (`reference_is`: the investee of the document's
        // nearest investment or round), not the organisation named most.
        let referenceRoles = Dictionary(rules.map { ($0.predicate, $0.referenceIs) }, uniquingKeysWith: { first, _ in first })
        for (position, index) in kept.enumerated() where read[index].subjectIsReference {
            let roles = referenceRoles[claims[position].predicate] ?? []
            guard !roles.isEmpty else { continue }
            let parties = claims.enumerated().compactMap { other -> (offset: Int, name: String)? in
                guard let role = roles.first(where: { $0.predicate == other.element.predicate }) else { return nil }
                let name = role.isSubject ? other.element.subject : other.element.object
                return name.isEmpty ? nil : (other.element.start, name)
            }
            let start = claims[position].start
            if let nearest = parties.filter({ $0.offset <= start }).last ?? parties.first { claims[position].subject = nearest.name }
        }
        for index in claims.indices where claims[index].subject.isEmpty {
            let stated = claims.filter { $0.predicate == claims[index].predicate && $0.object == claims[index].object && !$0.subject.isEmpty }.map(\.subject)
            if let subject = EntitySalience.ranking(stated).first {
                claims[index].subject = subject
                claims[index].details["subject"] = "inferred"
            }
        }
        var merged: [Claim] = []
        for claim in claims {
            if claim.predicate == "founded-by", let earlier = merged.firstIndex(where: { $0.predicate == "founded-by" && $0.subject == claim.subject }) {
                for person in claim.people where !merged[earlier].people.contains(person) { merged[earlier].people.append(person) }
                // A whole list makes the document's whole.
                if claim.details["list"] == nil { merged[earlier].details["list"] = nil }
                continue
            }
            merged.append(claim)
        }
        return merged
    }
}

/// Everything the extractors found in one document, the input of ``ClaimBuilder``.
public struct DocumentMentions: Sendable {
    public var money: [MoneyMention]
    public var dates: [DateMention]
    public var percents: [PercentMention]
    public var entities: [EntityMention]
    /// Index into `dates` of the mention that gives the document's date, if one does.
    public var documentDate: Int?

    public init(money: [MoneyMention], dates: [DateMention], percents: [PercentMention], entities: [EntityMention], documentDate: Int? = nil) {
        self.money = money
        self.dates = dates
        self.percents = percents
        self.entities = entities
        self.documentDate = documentDate
    }
}

/// A claim as one pattern read it, before the document-wide passes.
struct ReadClaim {
    var claim: Claim
    /// Whether the subject was an anaphor or pronoun ("the company", "it").
    var subjectIsReference: Bool
    /// The sentence it was read in, by index.
    var sentence: Int
    /// Whether it only completes an earlier claim (``ClaimRule/completions``).
    var completes: Bool
}

extension Claim {
    /// Whether `other` states everything this claim states, from the same sentence.
    func isSubsumed(by other: Claim) -> Bool {
        predicate == other.predicate && start == other.start && line == other.line && object == other.object
            && (subject.isEmpty || subject == other.subject)
            && Set(money).isSubset(of: other.money) && Set(people).isSubset(of: other.people)
            && Set(percents).isSubset(of: other.percents) && Set(dates).isSubset(of: other.dates)
    }
}

