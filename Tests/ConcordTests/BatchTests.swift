import Foundation
import Testing
@testable import Concord

/// Walking inputs, and running many of them in parallel with ordered, identical output.
@Suite struct BatchTests {
    static let extraction: Extraction = {
        do { return try Extraction(rules: Fixtures.rules) } catch { fatalError("rules do not compile: \(error)") }
    }()

    func names(_ results: [Result<Input, InputFailure>], under folder: TemporaryFolder) -> [String] {
        results.map { result in
            switch result {
            case let .success(input): return input.id
            case let .failure(failure): return "! " + failure.path.replacingOccurrences(of: folder.url.path + "/", with: "") + ": " + failure.reason
            }
        }
    }

    @Test func directoriesAreWalkedInPathOrderWithoutHiddenEntries() throws {
        let folder = try TemporaryFolder()
        for name in ["b.txt", "a/z.txt", "a/b/c.html", "a-c.txt", ".hidden.txt", ".git/x.txt", "a/.skip/y.txt", "A.txt"] {
            try folder.write("root/" + name, "text")
        }
        let inputs = InputWalker().inputs(for: [folder.path("root") + "/", folder.path("root/b.txt")])
        #expect(names(inputs, under: folder) == ["A", "a/b/c", "a/z", "a-c", "b", "b"])
        let first = try #require(try? inputs[0].get())
        #expect(first.path == folder.path("root") + "/A.txt" && !first.isExplicit && first.size == 4)
        #expect((try? inputs[5].get())?.isExplicit == true)
    }

    @Test func unusableEntriesAreNamedInPlace() throws {
        let folder = try TemporaryFolder()
        try folder.write("root/a.txt", "text")
        try folder.write("root/c.txt", "text")
        #expect(symlink(folder.path("root"), folder.path("root/loop")) == 0)
        #expect(symlink(folder.path("root/nowhere"), folder.path("root/broken.txt")) == 0)
        #expect(mkfifo(folder.path("root/fifo"), 0o644) == 0)
        let inputs = InputWalker().inputs(for: [folder.path("root"), folder.path("missing.txt"), "-"])
        #expect(names(inputs, under: folder) == [
            "a", "! root/broken.txt: broken symbolic link", "c", "! root/fifo: not a regular file (a FIFO); skipped",
            "! root/loop: symlink loop (leads back to a directory above it); skipped",
            "! missing.txt: no such file or directory", "stdin",
        ])
    }

    /// Many documents, among them failures, give the same output in the same order whatever `jobs` is.
    @Test func outputIsIdenticalAndOrderedForAnyNumberOfJobs() throws {
        let folder = try TemporaryFolder()
        var expectedOrder: [String] = []
        for index in 0..<60 {
            let name = String(format: "doc%03d", index)
            if index % 17 == 5 {
                try folder.write("corpus/\(name).txt", bytes: [0x41, 0, 0x42])
                expectedOrder.append("! \(name)")
            } else {
                try folder.write("corpus/\(name).txt", "Headline number \(index) is here\n\nMicrosoft paid €\(index) million on Feb. 3. More text follows.")
                expectedOrder.append(name)
            }
        }
        try folder.write("corpus/feed.jsonl", "{\"id\": \"j1\", \"text\": \"one\"}\n{\"text\": \"two\"}\nbroken\n")
        expectedOrder += ["j1", "feed#2", "! feed"]
        // 56 text files (4 of them binary) and 3 JSON lines (1 broken): 58 documents, 5 failures.
        let inputs = InputWalker().inputs(for: [folder.path("corpus")])
        var outputs: [[String]] = []
        for jobs in [1, 2, 3, 8] {
            let batch = Batch(extraction: Self.extraction, reader: DocumentReader(), jobs: jobs)
            var lines: [String] = []
            let summary = batch.run(
                inputs, transform: { try! RecordCoding.line(for: $0) }, emit: { lines.append($0) },
                fail: { lines.append("! " + (($0.path as NSString).lastPathComponent as NSString).deletingPathExtension) })
            #expect(summary == { var s = Batch.Summary(); s.documents = 58; s.failed = 5; return s }())
            outputs.append(lines)
        }
        #expect(outputs.allSatisfy { $0 == outputs[0] })
        let order = outputs[0].map { line -> String in
            line.hasPrefix("! ") ? String(line.prefix { $0 != ":" }) : (try! RecordCoding.record(from: line)).id
        }
        #expect(order == expectedOrder)
    }

    @Test func progressCountsEveryInput() throws {
        let folder = try TemporaryFolder()
        for index in 0..<5 { try folder.write("c/\(index).txt", "Text \(index).") }
        var seen: [Int] = []
        var last: Batch.Progress?
        _ = Batch(extraction: Self.extraction, jobs: 2).run(
            InputWalker().inputs(for: [folder.path("c")]), transform: { $0.id }, emit: { _ in }, fail: { _ in },
            progress: { seen.append($0.done); last = $0 })
        #expect(seen == [1, 2, 3, 4, 5])
        #expect(last?.total == 5 && last?.bytes == 35 && last?.totalBytes == 35)
    }
}
