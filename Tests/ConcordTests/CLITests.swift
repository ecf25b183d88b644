import Foundation
import Testing

/// Whole invocations of the built `concord` binary (`swift build --build-tests` builds it).
@Suite struct CLITests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var records: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    func concord(_ arguments: [String], stdin: Data? = nil, stdinPath: String? = nil) throws -> Run {
        try #require(FileManager.default.isExecutableFile(atPath: ConcordBinary.url.path), "build the concord binary first")
        let outcome = try ConcordBinary.run(arguments, stdin: stdin, stdinPath: stdinPath)
        return Run(status: outcome.status, stdout: outcome.stdout, stderr: outcome.stderr)
    }

    @Test func oneCharacterOnStdinIsOneRecord() throws {
        let run = try concord(["extract"], stdin: Data("x".utf8))
        #expect(run.status == 0)
        #expect(run.records.count == 1)
        #expect(run.records.first?.contains(#""id":"stdin""#) == true && run.records.first?.contains(#""source":"-""#) == true)
        #expect(run.stderr == "concord: 1 documents, 0 failed, 0 warnings\n")
    }

    @Test func emptyStdinSaysSoAndDoesNotHang() throws {
        let run = try concord(["extract"], stdinPath: "/dev/null")
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "concord: -: empty input: no document on stdin\nconcord: 0 documents, 1 failed, 0 warnings\n")
    }

    @Test func badInputsAreNamedAndGoodOnesProcessed() throws {
        let folder = try TemporaryFolder()
        try folder.write("good.txt", "Microsoft made a €15 million investment.")
        try folder.write("binary.txt", bytes: [0x7F, 0x45, 0x4C, 0x46, 0, 1, 2])
        try FileManager.default.createDirectory(atPath: folder.path("dir.jsonl"), withIntermediateDirectories: true)
        let run = try concord(["extract", folder.path("missing.txt"), folder.path("binary.txt"), folder.path("good.txt"), folder.path("dir.jsonl")])
        #expect(run.status == 1)
        #expect(run.records.count == 1 && run.records[0].contains(#""id":"good""#))
        #expect(run.stderr == """
        concord: \(folder.path("missing.txt")): no such file or directory
        concord: \(folder.path("binary.txt")): binary content (ELF executable); skipped
        concord: 1 documents, 2 failed, 0 warnings

        """)
    }

    @Test func jsonLinesOnStdinAndTheSameOutputForAnyJobs() throws {
        let lines = (1...40).map { #"{"id": "n\#($0)", "text": "Story \#($0): Acme Inc. paid 1\#($0) mln dlrs on Feb. 2."}"# }.joined(separator: "\n") + "\n{\"title\": \"no text\"}\n"
        let one = try concord(["extract", "--stdin-format", "jsonl", "--jobs", "1"], stdin: Data(lines.utf8))
        let four = try concord(["extract", "--stdin-format", "jsonl", "--jobs", "4"], stdin: Data(lines.utf8))
        #expect(one.status == 1 && four.status == 1)
        #expect(one.records.count == 40)
        #expect(one.stdout == four.stdout)
        #expect(one.stderr == "concord: -:41: no \"text\" field: a document line needs {\"text\": ...}\nconcord: 40 documents, 1 failed, 0 warnings\n")
        let corpus1 = try concord(["extract", "Corpus", "--jobs", "1"]), corpus3 = try concord(["extract", "Corpus", "--jobs", "3"])
        #expect(corpus1.status == 0 && corpus1.records.count == 3 && corpus1.stdout == corpus3.stdout)
    }

    @Test func usageErrorsAndBadRulesExitTwoWritingNothing() throws {
        let jobs = try concord(["extract", "--jobs", "0", "Corpus"])
        #expect(jobs.status == 2 && jobs.stdout.isEmpty && jobs.stderr.contains("--jobs must be at least 1"))
        let rules = try concord(["extract", "--rules", "/nonexistent", "Corpus"])
        #expect(rules.status == 2 && rules.stdout.isEmpty && rules.stderr.hasPrefix("concord: invalid rules: /nonexistent"))
        let format = try concord(["extract", "--stdin-format", "xml"], stdin: Data("x".utf8))
        #expect(format.status == 2 && format.stdout.isEmpty)
    }

    @Test func kindsLimitsWhatIsExtractedAndRejectsUnknownKinds() throws {
        func lists(_ run: Run, _ key: String) throws -> [[Any]] {
            try run.records.map { line in
                let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                return try #require(record[key] as? [Any], "\(key) is a list in every record")
            }
        }
        let all = try concord(["extract", "--jobs", "1", "Corpus"])
        #expect(all.status == 0)
        #expect(try lists(all, "entities").contains { !$0.isEmpty }, "the corpus has entities when every kind is asked for")
        let money = try concord(["extract", "--jobs", "1", "--kinds", "money", "Corpus"])
        #expect(money.status == 0 && money.records.count == 3)
        #expect(try lists(money, "money").contains { !$0.isEmpty })
        #expect(try lists(money, "money").map(\.count) == lists(all, "money").map(\.count))
        for key in ["entities", "dates", "percents", "claims"] {
            #expect(try lists(money, key).allSatisfy(\.isEmpty), "--kinds money lists no \(key)")
        }
        for command in ["extract", "conflicts"] {
            let bogus = try concord([command, "--kinds", "money,bogus", "Corpus"])
            #expect(bogus.status == 2 && bogus.stdout.isEmpty && bogus.stderr.contains("--kinds takes money, percents, dates, entities, claims, not 'bogus'"))
        }
    }

    @Test func progressOnlyWhenAsked() throws {
        let always = try concord(["extract", "Corpus", "--progress", "always"])
        #expect(always.stderr.contains("\r\u{1B}[Kconcord: 1/3 documents, "))
        #expect(always.stderr.contains(" MB/s"))
        #expect(always.stderr.hasSuffix("\r\u{1B}[Kconcord: 3 documents, 0 failed, 0 warnings\n"))
        let auto = try concord(["extract", "Corpus"])
        #expect(auto.stderr == "concord: 3 documents, 0 failed, 0 warnings\n")
    }
}
