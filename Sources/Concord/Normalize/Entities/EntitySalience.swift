/// Which entity a document is about: names ranked by how often the document mentions
/// them, ties broken by first mention. Anaphors ("the startup", "it") resolve to the
/// highest-ranked name that fits.
enum EntitySalience {
    static func ranking(_ names: [String]) -> [String] {
        var counts: [String: Int] = [:]
        var first: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            counts[name, default: 0] += 1
            if first[name] == nil { first[name] = index }
        }
        return counts.keys.sorted { counts[$0]! != counts[$1]! ? counts[$0]! > counts[$1]! : first[$0]! < first[$1]! }
    }
}
