import CPCRE2
import Foundation

/// A compiled PCRE2 regular expression: the one place in Concord that calls PCRE2.
///
/// A pattern is compiled once, with `UTF` and `UCP`, and JIT-compiled where the platform
/// allows; the compiled code is immutable and shared between threads. Match data, the
/// match context (which carries the match and depth limits) and the JIT stack belong to one
/// thread at a time: they are pooled per pattern and taken for a whole scan, never
/// allocated per match. Offsets are UTF-8 byte offsets into a ``TextBuffer``, which converts
/// them to scalar offsets once per document.
public final class Pattern: @unchecked Sendable {
    /// The pattern text as written in the rule file.
    public let source: String
    /// Where the pattern came from, for error messages.
    public let origin: RuleOrigin
    /// The limits every match runs under.
    public let limits: MatchLimits

    private let code: OpaquePointer
    private let groupNumbers: [String: Int]
    private let pool = ScratchPool()

    /// Compiles `source`. Throws ``PatternError/compile`` with PCRE2's message and the
    /// offset of the error inside the pattern.
    public init(_ source: String, caseless: Bool = false, origin: RuleOrigin = .inline, limits: MatchLimits = .default) throws {
        self.source = source
        self.origin = origin
        self.limits = limits
        var options = UInt32(PCRE2_UTF | PCRE2_UCP)
        if caseless { options |= UInt32(PCRE2_CASELESS) }
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let compiled: OpaquePointer? = source.withCString { pointer in
            pointer.withMemoryRebound(to: UInt8.self, capacity: source.utf8.count) { bytes in
                pcre2_compile_8(bytes, source.utf8.count, options, &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled else {
            throw PatternError.compile(origin: origin, message: Pattern.message(for: errorCode), patternOffset: errorOffset)
        }
        code = compiled
        // JIT is an optimisation: a platform without it still matches through the interpreter.
        _ = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE))
        groupNumbers = Pattern.readGroupNames(compiled)
    }

    deinit {
        pool.drain()
        pcre2_code_free_8(code)
    }

    /// The number of the named capture group `name`, if the pattern has one.
    public func groupNumber(_ name: String) -> Int? { groupNumbers[name] }

    /// The names of the pattern's named groups.
    public var groupNames: [String] { groupNumbers.keys.sorted() }

    /// Every non-overlapping match in `buffer`, left to right, starting at byte `from`.
    /// Throws ``PatternError/limitExceeded`` when a match runs past the limits.
    public func matches(in buffer: TextBuffer, from: Int = 0, to end: Int? = nil) throws -> [PatternMatch] {
        var found: [PatternMatch] = []
        try forEachMatch(in: buffer, from: from, to: end) { found.append($0); return true }
        return found
    }

    /// The first match at or after byte `from`, or nil.
    public func firstMatch(in buffer: TextBuffer, from: Int = 0, to end: Int? = nil) throws -> PatternMatch? {
        var first: PatternMatch?
        try forEachMatch(in: buffer, from: from, to: end) { first = $0; return false }
        return first
    }

    /// Whether the pattern matches anywhere in `text` (a convenience for rule examples and
    /// small strings; scans of documents should reuse their ``TextBuffer``).
    public func matches(_ text: String) throws -> Bool {
        try firstMatch(in: TextBuffer(text)) != nil
    }

    /// Whether the match must start exactly at byte `at` (an anchored match), and where it ends.
    public func anchoredMatch(in buffer: TextBuffer, at start: Int, to end: Int? = nil) throws -> PatternMatch? {
        try scan(buffer, from: start, to: end, anchored: true) { _ in false }
    }

    /// Calls `body` for each match, left to right, until it returns false.
    public func forEachMatch(in buffer: TextBuffer, from: Int = 0, to end: Int? = nil, _ body: (PatternMatch) -> Bool) throws {
        _ = try scan(buffer, from: from, to: end, anchored: false, body)
    }

    @discardableResult
    private func scan(_ buffer: TextBuffer, from: Int, to end: Int?, anchored: Bool, _ body: (PatternMatch) -> Bool) throws -> PatternMatch? {
        let scratch = pool.take(code: code, limits: limits)
        defer { pool.give(back: scratch) }
        let subjectLength = min(end ?? buffer.byteCount, buffer.byteCount)
        var position = from
        var last: PatternMatch?
        // A TextBuffer holds a Swift string, always valid UTF-8: without NO_UTF_CHECK PCRE2
        // would validate the whole subject again on every call, once per match.
        let options: UInt32 = (anchored ? UInt32(PCRE2_ANCHORED) : 0) | UInt32(PCRE2_NO_UTF_CHECK)
        try buffer.withBytes { base in
            while position <= subjectLength {
                // PCRE2 rejects a null subject even when it is empty.
                let rc = pcre2_match_8(code, base, subjectLength, position, options, scratch.matchData, scratch.context)
                if rc == PCRE2_ERROR_NOMATCH { return }
                if rc < 0 {
                    if rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT || rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT {
                        throw PatternError.limitExceeded(origin: origin, message: Pattern.message(for: rc))
                    }
                    throw PatternError.match(origin: origin, message: Pattern.message(for: rc))
                }
                let pairCount = Int(pcre2_get_ovector_count_8(scratch.matchData))
                let ovector = pcre2_get_ovector_pointer_8(scratch.matchData)!
                var groups = [Range<Int>?](repeating: nil, count: pairCount)
                for index in 0..<pairCount {
                    let lower = ovector[2 * index], upper = ovector[2 * index + 1]
                    if lower != PCRE2_UNSET_VALUE && upper >= lower { groups[index] = Int(lower)..<Int(upper) }
                }
                let match = PatternMatch(groups: groups, pattern: self)
                last = match
                if anchored || !body(match) { return }
                let matchEnd = match.range.upperBound
                // After an empty match, step one whole code point so no scalar is split.
                position = matchEnd > match.range.lowerBound ? matchEnd : buffer.nextScalarBoundary(after: matchEnd)
            }
        }
        return last
    }

    private static func readGroupNames(_ code: OpaquePointer) -> [String: Int] {
        var count: UInt32 = 0, entrySize: UInt32 = 0
        var table: UnsafeMutablePointer<UInt8>?
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMECOUNT), &count)
        guard count > 0 else { return [:] }
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMEENTRYSIZE), &entrySize)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMETABLE), &table)
        guard let table else { return [:] }
        var names: [String: Int] = [:]
        for entry in 0..<Int(count) {
            let row = table + entry * Int(entrySize)
            let number = Int(row[0]) << 8 | Int(row[1])
            let name = String(cString: row + 2)
            names[name] = names[name] ?? number
        }
        return names
    }

    static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = pcre2_get_error_message_8(code, &buffer, buffer.count)
        return length > 0 ? String(decoding: buffer[0..<Int(length)], as: UTF8.self) : "PCRE2 error \(code)"
    }
}

private let PCRE2_UNSET_VALUE = ~Int(0)

/// The limits a pattern matches under, so that no rule can run away on hostile input.
public struct MatchLimits: Sendable, Equatable {
    /// PCRE2's match limit: calls of its internal match function per attempt.
    public var matchLimit: UInt32
    /// PCRE2's depth limit (backtracking depth; the interpreter only).
    public var depthLimit: UInt32
    /// The largest JIT stack, in bytes.
    public var jitStackMax: Int

    public static let `default` = MatchLimits(matchLimit: 1_000_000, depthLimit: 10_000, jitStackMax: 1 << 20)

    public init(matchLimit: UInt32, depthLimit: UInt32, jitStackMax: Int) {
        self.matchLimit = matchLimit
        self.depthLimit = depthLimit
        self.jitStackMax = jitStackMax
    }
}

/// One thread's working memory for one pattern: match data, match context and JIT stack.
private struct Scratch: @unchecked Sendable {
    let matchData: OpaquePointer
    let context: OpaquePointer
    let jitStack: OpaquePointer?

    init(code: OpaquePointer, limits: MatchLimits) {
        matchData = pcre2_match_data_create_from_pattern_8(code, nil)
        context = pcre2_match_context_create_8(nil)
        pcre2_set_match_limit_8(context, limits.matchLimit)
        pcre2_set_depth_limit_8(context, limits.depthLimit)
        jitStack = pcre2_jit_stack_create_8(32 * 1024, limits.jitStackMax, nil)
        if let jitStack { pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(jitStack)) }
    }

    func free() {
        pcre2_match_data_free_8(matchData)
        pcre2_match_context_free_8(context)
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
    }
}

/// A small lock-protected free list of ``Scratch`` blocks: a scan takes one and gives it
/// back, so each thread matches with its own block and nothing is allocated per match.
private final class ScratchPool: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [Scratch] = []

    func take(code: OpaquePointer, limits: MatchLimits) -> Scratch {
        lock.lock()
        let scratch = free.popLast()
        lock.unlock()
        return scratch ?? Scratch(code: code, limits: limits)
    }

    func give(back scratch: Scratch) {
        lock.lock()
        free.append(scratch)
        lock.unlock()
    }

    func drain() {
        lock.lock()
        free.forEach { $0.free() }
        free.removeAll()
        lock.unlock()
    }
}
