/// Tells the claim patterns of one language that cannot match a sentence, from their needs
/// (``ClaimPatternNeed``: a mark of some kinds, or one of some words, in the order the pattern
/// meets them) and the sentence's plain text, before the sentence is masked or its triggers
/// looked for: only the patterns whose needs the sentence meets go to PCRE2.
///
/// Why: on Reuters most sentences that hold a trigger word and the marks a rule needs hold
/// none of the words of its patterns, or not in their order. Each scan of a claim pattern cost
/// PCRE2 some 15,000 instructions a sentence, and its JIT compilation at its first scan about
/// 1.4 million. On 1,000 Reuters stories the patterns were scanned 4,538 times (45 of them);
/// with this filter 401 times (37), and every scan that finds a match is among them.
///
/// Two tests. ``mayMatch(_:_:kinds:_:)``, for every sentence: the kinds of mark the sentence
/// may hold allow the pattern (a table of every set of kinds, ``byMarks``) and it holds one word
/// of each need (one pass of ``WordAutomaton``), as bit sets over the patterns and completions of
/// all rules numbered in the order claims are read (``slots``). ``inOrder(_:_:marks:_:)``, for
/// the few that also trigger a rule: the needs are met one after the other, each by a mark or
/// word that starts after the one meeting the need before.
///
/// Words are compared with ASCII letters case-folded, as the caseless patterns compare them; a
/// text that holds a character folding to an ASCII letter (`ſ`, `K`) is not filtered by words.
final class ClaimSentenceFilter: Sendable {
    /// A pattern of a rule, or a completion (``ClaimRule/completions``).
    struct Slot: Sendable {
        let rule: Int
        let completes: Bool
        let pattern: Int
    }

    /// Every pattern of every rule, then its completions, rule by rule.
    let slots: [Slot]
    /// The number of 64-bit words in a set of slots.
    let slotWords: Int
    /// The number of 64-bit words in a set of needs.
    private let needWords: Int
    /// For each set of kinds of mark (its raw value), the slots its marks allow: the rule may
    /// claim with such marks (``ClaimRule/mayClaim(present:completing:)``) and every need of
    /// marks alone is met. `slotWords` words each.
    private let byMarks: [UInt64]
    /// For each set of kinds of mark, whether a slot it allows needs a word.
    private let byMarksNeedsWords: [Bool]
    /// For each set of kinds of mark, the needs its marks meet: `needWords` words each.
    private let needsMetByMarks: [UInt64]
    /// Per word (of ``automaton``), the needs it meets: `needWords` words each.
    private let needsMetByWord: [UInt64]
    /// Per slot, its needs as a set: `needWords` words each.
    private let needsOfSlot: [UInt64]
    /// Per slot, its needs in the order its matches meet them, as a range of ``needOrder``.
    private let orderOfSlot: [Range<Int>]
    private let needOrder: [Int]
    /// Per need, the kinds of mark that meet it.
    private let needKinds: [MarkKinds]
    /// Every word of a need, found in a text in one pass.
    private let automaton: WordAutomaton

    init(rules: [ClaimRule]) {
        var slots: [Slot] = []
        var needsBySlot: [[ClaimPatternNeed]] = []
        for (index, rule) in rules.enumerated() {
            for completes in [false, true] {
                for (number, needs) in rule.needs(completing: completes).enumerated() {
                    slots.append(Slot(rule: index, completes: completes, pattern: number))
                    needsBySlot.append(needs)
                }
            }
        }
        var needs: [ClaimPatternNeed] = [], needNumbers: [ClaimPatternNeed: Int] = [:]
        var words: [[UInt8]] = [], wordNumbers: [[UInt8]: Int] = [:]
        var orderOfSlot: [Range<Int>] = [], needOrder: [Int] = []
        for list in needsBySlot {
            let start = needOrder.count
            for need in list {
                if let known = needNumbers[need] {
                    needOrder.append(known)
                    continue
                }
                needNumbers[need] = needs.count
                needOrder.append(needs.count)
                needs.append(need)
                for word in need.words where wordNumbers[word] == nil {
                    wordNumbers[word] = words.count
                    words.append(word)
                }
            }
            orderOfSlot.append(start..<needOrder.count)
        }
        let slotWords = (slots.count + 63) / 64, needWords = max(1, (needs.count + 63) / 64)
        func insert(_ need: Int, into set: inout [UInt64], at base: Int) { set[base + need / 64] |= 1 << UInt64(need % 64) }
        var needsOfSlot = [UInt64](repeating: 0, count: slots.count * needWords)
        for (slot, range) in orderOfSlot.enumerated() {
            for need in needOrder[range] { insert(need, into: &needsOfSlot, at: slot * needWords) }
        }
        var needsMetByWord = [UInt64](repeating: 0, count: words.count * needWords)
        for (number, need) in needs.enumerated() {
            for word in need.words { insert(number, into: &needsMetByWord, at: wordNumbers[word]! * needWords) }
        }
        var byMarks = [UInt64](repeating: 0, count: 256 * slotWords)
        var byMarksNeedsWords = [Bool](repeating: false, count: 256)
        var needsMetByMarks = [UInt64](repeating: 0, count: 256 * needWords)
        for raw in 0..<256 {
            let kinds = MarkKinds(rawValue: UInt8(raw))
            for (number, need) in needs.enumerated() where !need.kinds.isDisjoint(with: kinds) {
                insert(number, into: &needsMetByMarks, at: raw * needWords)
            }
            for (number, slot) in slots.enumerated() where rules[slot.rule].mayClaim(present: kinds, completing: slot.completes)
                && needsBySlot[number].allSatisfy({ !$0.words.isEmpty || !$0.kinds.isDisjoint(with: kinds) }) {
                byMarks[raw * slotWords + number / 64] |= 1 << UInt64(number % 64)
                if needsBySlot[number].contains(where: { !$0.words.isEmpty }) { byMarksNeedsWords[raw] = true }
            }
        }
        self.slots = slots
        self.slotWords = slotWords
        self.needWords = needWords
        self.byMarks = byMarks
        self.byMarksNeedsWords = byMarksNeedsWords
        self.needsMetByMarks = needsMetByMarks
        self.needsMetByWord = needsMetByWord
        self.needsOfSlot = needsOfSlot
        self.orderOfSlot = orderOfSlot
        self.needOrder = needOrder
        self.needKinds = needs.map(\.kinds)
        automaton = WordAutomaton(words: words)
    }

    /// What one document's sentences are read with, made once per document.
    struct Scratch {
        /// The slots that may match the sentence (`slotWords` words), then the needs it meets
        /// (`needWords` words): one buffer, so that both are written at once.
        fileprivate var bits: [UInt64]
        /// The words the sentence holds, where they start (for ``inOrder(_:_:marks:_:)``).
        fileprivate var found: [(start: Int, word: Int)] = []
        /// Whether words are looked for: not in a text holding a character folding to an ASCII letter.
        fileprivate let byWords: Bool
    }

    /// The scratch for the document whose bytes are `bytes` (`count` of them, `isASCII` if all are).
    func scratch(_ bytes: UnsafePointer<UInt8>, count: Int, isASCII: Bool) -> Scratch {
        Scratch(bits: Array(repeating: 0, count: slotWords + needWords), byWords: isASCII || BoilerplateLineFilter.filters(bytes, count: count))
    }

    /// Calls `body` with each slot of `scratch`, in order.
    func forEachSlot(_ scratch: Scratch, _ body: (Slot) throws -> Void) rethrows {
        for index in 0..<slotWords {
            var rest = scratch.bits[index]
            while rest != 0 {
                try body(slots[index * 64 + rest.trailingZeroBitCount])
                rest &= rest &- 1
            }
        }
    }

    /// Keeps the slots of `scratch` that `keep` keeps (given a slot's number and the slot);
    /// whether one is left.
    func keepSlots(_ scratch: inout Scratch, where keep: (Int, Slot) -> Bool) -> Bool {
        var any = false
        for index in 0..<slotWords {
            var rest = scratch.bits[index]
            while rest != 0 {
                let slot = index * 64 + rest.trailingZeroBitCount
                rest &= rest &- 1
                if !keep(slot, slots[slot]) { scratch.bits[index] &= ~(1 << UInt64(slot % 64)) }
            }
            any = any || scratch.bits[index] != 0
        }
        return any
    }

    /// Sets the slots of `scratch` to those that may match the sentence at `range` of
    /// `bytes`, whose marks are among `kinds`: their marks allow them, and each of their needs
    /// is met by a mark of `kinds` or a word the sentence holds. Whether there is one.
    func mayMatch(_ bytes: UnsafePointer<UInt8>, _ range: Range<Int>, kinds: MarkKinds, _ scratch: inout Scratch) -> Bool {
        let raw = Int(kinds.rawValue), slotWords = slotWords, needWords = needWords
        let byWords = scratch.byWords
        return scratch.bits.withUnsafeMutableBufferPointer { bits in
            var any = false
            for index in 0..<slotWords {
                bits[index] = byMarks[raw * slotWords + index]
                any = any || bits[index] != 0
            }
            guard any, byMarksNeedsWords[raw], byWords else { return any }
            let met = UnsafeMutableBufferPointer(rebasing: bits[slotWords...])
            for index in 0..<needWords { met[index] = needsMetByMarks[raw * needWords + index] }
            needsMetByWord.withUnsafeBufferPointer { metByWord in
                automaton.forEachWord(in: bytes, range) { word, _ in
                    for index in 0..<needWords { met[index] |= metByWord[word * needWords + index] }
                }
            }
            any = false
            needsOfSlot.withUnsafeBufferPointer { needsOfSlot in
                for index in 0..<slotWords {
                    var rest = bits[index]
                    while rest != 0 {
                        let slot = index * 64 + rest.trailingZeroBitCount
                        rest &= rest &- 1
                        for word in 0..<needWords where needsOfSlot[slot * needWords + word] & ~met[word] != 0 {
                            bits[index] &= ~(1 << UInt64(slot % 64))
                            break
                        }
                    }
                    any = any || bits[index] != 0
                }
            }
            return any
        }
    }

    /// Keeps the slots of `scratch` that marks of `kinds` allow.
    func narrow(_ scratch: inout Scratch, kinds: MarkKinds) {
        let base = Int(kinds.rawValue) * slotWords
        for index in 0..<slotWords { scratch.bits[index] &= byMarks[base + index] }
    }

    /// Keeps the slots of `scratch` whose needs the sentence at `range` of `bytes` meets in
    /// order, its marks standing at the starts of `marks` (in order); whether one is left.
    func inOrder(_ bytes: UnsafePointer<UInt8>, _ range: Range<Int>, marks: [MentionSpans.Span], _ scratch: inout Scratch) -> Bool {
        guard scratch.byWords else { return scratch.bits[0..<slotWords].contains { $0 != 0 } }
        scratch.found.removeAll(keepingCapacity: true)
        automaton.forEachWord(in: bytes, range) { word, start in scratch.found.append((start, word)) }
        let found = scratch.found
        return keepSlots(&scratch) { number, _ in
            // Each need met by the first mark or word after the one before: if any choice
            // meets them all, this one does.
            var after = Int.min
            for need in needOrder[orderOfSlot[number]] {
                let kinds = needKinds[need]
                var first = marks.first { $0.bytes.lowerBound > after && !$0.kinds.isDisjoint(with: kinds) }?.bytes.lowerBound ?? Int.max
                for word in found where word.start > after && word.start < first && meets(need, word.word) { first = word.start }
                guard first < Int.max else { return false }
                after = first
            }
            return true
        }
    }

    /// Whether `word` meets need `need`.
    @inline(__always) private func meets(_ need: Int, _ word: Int) -> Bool {
        needsMetByWord[word * needWords + need / 64] & 1 << UInt64(need % 64) != 0
    }
}

/// Finds every occurrence of a list of words (ASCII, lower case) in a text, ASCII letters
/// case-folded, in one pass over its bytes: an Aho-Corasick automaton whose alphabet is the
/// bytes the words hold (any other byte is one symbol), each step one table read.
struct WordAutomaton: Sendable {
    /// The symbol of each byte.
    private let symbols: [UInt8]
    private let symbolCount: Int
    /// For each state times `symbolCount` plus a symbol, the next state times `symbolCount`.
    /// The states where words end are numbered last, from ``firstEnding``.
    private let steps: [UInt32]
    /// The first state where words end, times `symbolCount`.
    private let firstEnding: Int
    /// Per state, the word it spells, if that is one (else -1).
    private let word: [Int32]
    /// Per state, the next state down its chain of fallbacks (its longest proper suffixes that
    /// are states) that spells a word, else -1: the other words that end where it is reached.
    private let shorter: [Int32]
    /// The length of each word.
    private let lengths: [Int]

    init(words: [[UInt8]]) {
        var symbols = [UInt8](repeating: 0, count: 256)
        var symbolCount = 1
        for byte in Set(words.joined()).sorted() {
            symbols[Int(byte)] = UInt8(symbolCount)
            if Bytes.isASCIILetter(byte) { symbols[Int(byte & ~0x20)] = UInt8(symbolCount) }
            symbolCount += 1
        }
        // The trie: -1 where no word goes on.
        let capacity = words.reduce(1) { $0 + $1.count }
        var next = [Int32](repeating: -1, count: capacity * symbolCount)
        var word = [Int32](repeating: -1, count: capacity)
        var stateCount = 1
        for (index, letters) in words.enumerated() {
            var state = 0
            for byte in letters {
                let slot = state * symbolCount + Int(symbols[Int(byte)])
                if next[slot] < 0 {
                    next[slot] = Int32(stateCount)
                    stateCount += 1
                }
                state = Int(next[slot])
            }
            word[state] = Int32(index)
        }
        // Breadth first, so that each state's fallback, being shorter, is done before it: its
        // missing steps are the fallback's, and so are the shorter words ending there.
        var fallback = [Int32](repeating: 0, count: stateCount), shorter = [Int32](repeating: -1, count: stateCount)
        var queue: [Int] = []
        queue.reserveCapacity(stateCount)
        for symbol in 0..<symbolCount {
            if next[symbol] < 0 { next[symbol] = 0 } else { queue.append(Int(next[symbol])) }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            let fallen = Int(fallback[state]) * symbolCount
            for symbol in 0..<symbolCount {
                let slot = state * symbolCount + symbol
                if next[slot] < 0 {
                    next[slot] = next[fallen + symbol]
                } else {
                    let child = Int(next[slot]), suffix = next[fallen + symbol]
                    fallback[child] = suffix
                    shorter[child] = word[Int(suffix)] >= 0 ? suffix : shorter[Int(suffix)]
                    queue.append(child)
                }
            }
        }
        // Renumbered, the states where words end last, so that one comparison tells them.
        let ends = (0..<stateCount).map { word[$0] >= 0 || shorter[$0] >= 0 }
        var number = [Int](repeating: 0, count: stateCount), count = 0
        for state in 0..<stateCount where !ends[state] { number[state] = count; count += 1 }
        let firstEnding = count
        for state in 0..<stateCount where ends[state] { number[state] = count; count += 1 }
        var steps = [UInt32](repeating: 0, count: stateCount * symbolCount)
        var renumberedWord = [Int32](repeating: -1, count: stateCount), renumberedShorter = renumberedWord
        for state in 0..<stateCount {
            for symbol in 0..<symbolCount {
                steps[number[state] * symbolCount + symbol] = UInt32(number[Int(next[state * symbolCount + symbol])] * symbolCount)
            }
            renumberedWord[number[state]] = word[state]
            renumberedShorter[number[state]] = shorter[state] < 0 ? -1 : Int32(number[Int(shorter[state])])
        }
        self.symbols = symbols
        self.symbolCount = symbolCount
        self.steps = steps
        self.firstEnding = firstEnding * symbolCount
        self.word = renumberedWord
        self.shorter = renumberedShorter
        lengths = words.map(\.count)
    }

    /// Calls `body` with each word `range` of `bytes` holds and the offset where it starts, in
    /// the order the words end.
    func forEachWord(in bytes: UnsafePointer<UInt8>, _ range: Range<Int>, _ body: (_ word: Int, _ start: Int) -> Void) {
        steps.withUnsafeBufferPointer { steps in
            symbols.withUnsafeBufferPointer { symbols in
                word.withUnsafeBufferPointer { word in
                    shorter.withUnsafeBufferPointer { shorter in
                        var state = 0, index = range.lowerBound
                        while true {
                            index = Self.step(steps.baseAddress!, symbols.baseAddress!, bytes, from: index, to: range.upperBound, firstEnding: firstEnding, state: &state)
                            guard index <= range.upperBound else { return }
                            var spelled = state / symbolCount
                            if word[spelled] < 0 { spelled = Int(shorter[spelled]) }
                            while spelled >= 0 {
                                let found = Int(word[spelled])
                                body(found, index - lengths[found])
                                spelled = Int(shorter[spelled])
                            }
                        }
                    }
                }
            }
        }
    }

    /// Steps through the bytes from `index` up to `end`: the offset after the first byte at
    /// which words end, `state` then being the state there; past `end` when none.
    ///
    /// Not inlined: its loop keeps every value it needs in registers (inlined into its callers,
    /// it reloaded them from the stack at every byte).
    @inline(never)
    private static func step(_ steps: UnsafePointer<UInt32>, _ symbols: UnsafePointer<UInt8>, _ bytes: UnsafePointer<UInt8>,
                             from index: Int, to end: Int, firstEnding: Int, state: inout Int) -> Int {
        var index = index, current = state
        while index < end {
            current = Int(steps[current &+ Int(symbols[Int(bytes[index])])])
            index &+= 1
            if current >= firstEnding {
                state = current
                return index
            }
        }
        state = current
        return end &+ 1
    }
}
