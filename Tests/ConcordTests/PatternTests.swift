import Testing
@testable import Concord

@Suite struct PatternTests {
    @Test func offsetsAreScalarsInMultiByteText() throws {
        let buffer = TextBuffer("Le prix: €15 million, pas 15 €.")
        let pattern = try Pattern(#"€\d+|\d+ €"#)
        let found = try pattern.matches(in: buffer).map { buffer.scalarRange(ofBytes: $0.range) }
        #expect(found == [9..<12, 26..<30])
        #expect(try pattern.matches(in: buffer).map { buffer.string($0.range) } == ["€15", "15 €"])
    }

    @Test func namedGroups() throws {
        let pattern = try Pattern(#"(?<amount>\d+)\s*(?<unit>million)?"#)
        let buffer = TextBuffer("über 15 million")
        let match = try #require(try pattern.firstMatch(in: buffer))
        #expect(buffer.string(match["amount"]!) == "15")
        #expect(buffer.string(match["unit"]!) == "million")
        #expect(match["nonexistent"] == nil)
    }

    @Test func emptyMatchesAdvanceByWholeScalars() throws {
        let buffer = TextBuffer("é€x")
        let matches = try Pattern("(?=x)|").matches(in: buffer)
        // An empty match at each scalar boundary, none inside a multi-byte scalar.
        #expect(matches.map { buffer.scalarOffset(ofByte: $0.range.lowerBound) } == [0, 1, 2, 3])
    }

    @Test func emptySubject() throws {
        #expect(try Pattern("a*").matches(in: TextBuffer("")).count == 1)
        #expect(try Pattern("a").matches(in: TextBuffer("")).isEmpty)
    }

    @Test func compileErrorNamesOriginAndMessage() {
        let origin = RuleOrigin(file: "money/en.yaml", line: 12)
        #expect {
            _ = try Pattern("(unclosed", origin: origin)
        } throws: { error in
            guard case let .compile(errorOrigin, message, _) = error as? PatternError else { return false }
            return errorOrigin == origin && message.contains("missing closing parenthesis")
        }
    }

    @Test func catastrophicPatternStopsAtItsLimit() throws {
        let pattern = try Pattern("(a+)+$", limits: MatchLimits(matchLimit: 10_000, depthLimit: 1_000, jitStackMax: 1 << 16))
        let subject = TextBuffer(String(repeating: "a", count: 40) + "b")
        #expect(throws: PatternError.self) { try pattern.matches(in: subject) }
    }

    @Test func sharedBetweenThreads() async throws {
        let pattern = try Pattern(#"\d+"#)
        let counts = await withTaskGroup(of: Int.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    let text = String(repeating: "x \(worker) ", count: 500)
                    return (try? pattern.matches(in: TextBuffer(text)).count) ?? -1
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(counts == Array(repeating: 500, count: 8))
    }

    @Test func scalarAndByteOffsetsRoundTrip() {
        let buffer = TextBuffer("a€b😀c")
        #expect(buffer.scalarCount == 5)
        #expect((0...5).map { buffer.scalarOffset(ofByte: buffer.byteOffset(ofScalar: $0)) } == Array(0...5))
        #expect(buffer.byteOffset(ofScalar: 3) == 5)
    }

    @Test func anchoredMatchStartsExactlyThere() throws {
        let pattern = try Pattern("b+")
        let buffer = TextBuffer("aabb ab")
        #expect(try pattern.anchoredMatch(in: buffer, at: 0) == nil)
        #expect(try pattern.anchoredMatch(in: buffer, at: 2)?.range == 2..<4)
        #expect(try pattern.anchoredMatch(in: buffer, at: 3)?.range == 3..<4)
        #expect(try pattern.anchoredMatch(in: buffer, at: 2, to: 3)?.range == 2..<3)
    }

    @Test func scanInsideAnotherScansCallbackKeepsBothResults() throws {
        // The inner pattern has more groups than the outer: the thread's match data grows
        // while the outer scan is under way.
        let outer = try Pattern(#"\d+"#)
        let inner = try Pattern(#"(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)(l)(m)(n)(o)(p)(q)(r)(s)"#)
        let buffer = TextBuffer("1 abcdefghijklmnopqrs 22 333")
        var found: [String] = []
        try outer.forEachMatch(in: buffer) { match in
            found.append(buffer.string(match.range))
            let letters = try? inner.firstMatch(in: buffer)
            found.append(letters.flatMap { $0[19] }.map(buffer.string) ?? "-")
            return true
        }
        #expect(found == ["1", "s", "22", "s", "333", "s"])
    }

    @Test func wordStartFilterFindsWhatAFullScanFinds() throws {
        // Matches start a word, with a capital or with "chief" or "dr." in any case.
        let pattern = try Pattern(#"(?<![\p{L}\p{N}])(?:\p{Lu}\p{Ll}+|(?i:chief|dr\.)\h+\p{Lu}\p{Ll}+)"#)
        let starts = WordStartFilter(capitals: true, words: ["chief", "Dr."])
        let buffer = TextBuffer("the chief Ada met dr. Bob, CHIEF Carl, mischief Dan and Éric in 2024Zed x-Fay.")
        var filtered: [String] = []
        try pattern.forEachMatch(in: buffer, startingAt: starts) { filtered.append(buffer.string($0.range)); return true }
        #expect(filtered == ["chief Ada", "dr. Bob", "CHIEF Carl", "Dan", "Éric", "Fay"])
        #expect(filtered == (try pattern.matches(in: buffer)).map { buffer.string($0.range) })
    }

    @Test func wordStartFilterSkipsOnlyWhereNoMatchCanStart() {
        let starts = WordStartFilter(capitals: false, words: ["chief", "dr", "élan"])
        let text = Array("mischief chief Chief drum xdr été 9dr".utf8)
        let allowed = text.withUnsafeBufferPointer { bytes in
            (0..<bytes.count).filter { starts.mayStart(bytes.baseAddress!, count: bytes.count, at: $0) }
        }
        // "chief", "Chief", "drum" (begins like "dr"), "été" (not ASCII) and its "t" (after a
        // non-ASCII scalar, which the filter does not classify); never after an ASCII letter
        // or digit, nor at a capital that no word begins with.
        #expect(allowed == [9, 15, 21, 30, 32])
    }

    @Test func literalStartsOfAFragmentCoverEveryAlternative() throws {
        #expect(PatternText.literalStarts(#"buy(?:s|ing)?|bought"#) == ["buy", "bought"])
        #expect(PatternText.literalStarts(#"took\h+over|takes?\h+over"#) == ["took", "take"])
        #expect(PatternText.literalStarts(#"led\h+by|(?:co-)?led\h+by|[Bb]acked"#) == ["led", "", ""])
        // A filter built from them lets a cue pattern match wherever a full scan does.
        let fragment = #"buy(?:s|ing)?|bought|took\h+over|(?:co-)?led\h+by"#
        let pattern = try Pattern("(?<![\\p{L}\\p{N}])(?i:\(fragment))\\h+\\p{Lu}\\p{Ll}+")
        let buffer = TextBuffer("It bought Acme, took over Brill and was co-led by Cora; Vex buys Dune.")
        let starts = WordStartFilter(capitals: false, words: PatternText.literalStarts(fragment))
        var filtered: [String] = []
        try pattern.forEachMatch(in: buffer, startingAt: starts) { filtered.append(buffer.string($0.range)); return true }
        #expect(filtered == ["bought Acme", "took over Brill", "co-led by Cora", "buys Dune"])
    }
}
