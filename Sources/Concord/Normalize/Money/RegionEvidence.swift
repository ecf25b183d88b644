/// What a document's own text says about its region: a statement of the currency of its
/// figures ("All figures in Canadian dollars", which beats every other evidence), else, for
/// a document whose language tag names no region, a dateline city, else sums written
/// explicitly in one region's dollar (`Rules/money/common.yaml`, `region_evidence`, says
/// which evidence wins and why).
/// The region found settles a bare "$" or "dollars" as a tag's region would.
struct RegionEvidence: Sendable {
    /// The region whose dollar is the `dollar` family's default ("US").
    let usRegion: String
    /// Upper-cased city → region.
    private let cities: [String: String]
    /// A dateline at a line start: a listed city in capitals, then a comma, "(" or a dash.
    private let dateline: Pattern
    /// How far into the body a dateline may start, in bytes.
    private let window: Int
    /// ISO code of a region's own dollar → region ("CAD" → "CA"), the default excluded.
    private let dollarRegions: [String: String]
    /// The ISO code of the `dollar` family's default ("USD").
    let defaultDollar: String

    init(node: RuleNode, dollarTable: [String: String]) throws {
        usRegion = try node.string("us_region")
        guard let window = Int(try node.string("dateline_window")) else {
            throw RuleError(origin: node.origin, message: "'dateline_window' must be a whole number of bytes")
        }
        self.window = window
        var cities: [String: String] = [:]
        for (region, list) in try node.pairs("datelines") {
            for city in try list.list() { cities[try city.string().uppercased()] = region }
        }
        guard !cities.isEmpty else { throw RuleError(origin: node.origin, message: "'datelines' lists no city") }
        self.cities = cities
        let names = cities.keys.sorted { $0.count > $1.count }
        dateline = try Pattern("(?m)^[ \\t]*(?<city>\(PatternText.alternation(names, bounded: false, foldCase: false)))(?=[ \\t]*(?:,|\\(|-|–|—))",
                               origin: node.origin)
        defaultDollar = dollarTable["default"] ?? "USD"
        var dollarRegions: [String: String] = [:]
        for (region, code) in dollarTable where region != "default" && code != defaultDollar { dollarRegions[code] = region }
        self.dollarRegions = dollarRegions
    }

    /// The region a dateline near the top of the body names, if any.
    func datelineRegion(in document: TokenizedDocument) throws -> String? {
        let buffer = document.buffer
        var end = min(buffer.byteCount, window)
        while end < buffer.byteCount, buffer[byte: end] & 0xC0 == 0x80 { end += 1 }
        var region: String?
        try dateline.forEachMatch(in: buffer, from: 0, to: end) { match in
            guard let city = match["city"], document.isInBody(byte: city.lowerBound) else { return true }
            region = cities[buffer.string(city)]
            return false
        }
        return region
    }

    /// The region whose own dollar `code` is ("CAD" → "CA", "USD" → "US"); nil for other currencies.
    func region(ofDollar code: String) -> String? {
        code == defaultDollar ? usRegion : dollarRegions[code]
    }

    /// The region that explicit sums settle, given the ISO currencies of the sums written
    /// explicitly and the number of bare dollar sums (rule 2 of `region_evidence`).
    func explicitRegion(currencies: [String], bareDollarSums: Int) -> String? {
        guard !currencies.contains(defaultDollar) else { return nil }
        let named = currencies.compactMap { dollarRegions[$0] }
        guard let region = named.first, named.allSatisfy({ $0 == region }), named.count >= bareDollarSums else { return nil }
        return region
    }
}
