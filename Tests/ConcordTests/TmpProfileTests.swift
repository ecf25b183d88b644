import Foundation
import Testing
@testable import Concord

@Suite struct TmpProfileTests {
    @Test func profileRules() throws {
        let data = try String(contentsOfFile: "/tmp/ing/sample.jsonl", encoding: .utf8)
        var texts: [String] = []
        for line in data.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            texts.append(object["text"] as! String)
        }
        let buffers = texts.map(TextBuffer.init)
        for file in Fixtures.rules.files(in: "boilerplate") {
            for rule in try file.root.list("lines") {
                let source = try rule["pattern"]!.string()
                let pattern = try Pattern("(?m)^[ \\t]*(?:[-*•·▪►|>]+[ \\t]*)?(?:" + source + ")[ \\t]*[.!:|»›>]*[ \\t]*$", caseless: true)
                let start = Date()
                var count = 0
                for buffer in buffers { count += try pattern.matches(in: buffer).count }
                print("RULE", String(format: "%.3f", Date().timeIntervalSince(start)), count, rule.origin, source.prefix(60))
            }
        }
        let all = try Boilerplate(rules: Fixtures.rules)
        let start = Date()
        for buffer in buffers { _ = all.lines(in: buffer) }
        print("RULE ALL", Date().timeIntervalSince(start))
    }
}
