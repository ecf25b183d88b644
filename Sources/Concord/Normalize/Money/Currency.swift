/// What a currency symbol, code or name stands for: an ISO 4217 code or a generic family
/// ("dollar", "pound", "local") that the document's region settles, and the factor that
/// takes a minor unit to the major one ("cents" → 0.01).
public struct MoneyUnit: Sendable, Equatable {
    /// An ISO code (upper case) or a family name (lower case).
    public let unit: String
    /// Multiplies the number to give major units (1 for most; 0.01 for cents; 1000 for "grand").
    public let factor: ExactDecimal
    /// Whether `factor` is 1, told once: a Decimal comparison or product costs thousands of
    /// instructions, and most sums are in major units.
    let isMajor: Bool
    /// Whether this is a minor unit ("cents", "pence") that can follow a major one: `factor`
    /// below 1, told once like `isMajor`.
    let isMinor: Bool
    /// The power of ten `factor` is, if it is one (-2 for cents): the amount is then the
    /// number with its exponent moved (``ExactDecimal/timesPowerOfTen(_:)``), no product.
    let factorPower: Int?

    public init(unit: String, factor: ExactDecimal) {
        self.unit = unit
        self.factor = factor
        isMajor = factor == 1
        isMinor = factor < 1
        factorPower = (-12...12).first { factor == ExactDecimal(significand: 1, exponent: $0) }
    }

    /// A unit in major units (factor 1), told without a Decimal comparison: a unit is made
    /// for each code a sum is written with.
    public init(unit: String) {
        self.unit = unit
        factor = 1
        isMajor = true
        isMinor = false
        factorPower = 0
    }
}

/// The language-neutral currency tables of `Rules/money/common.yaml`: symbols, ISO codes
/// and the regional meaning of generic families.
public struct CurrencyTable: Sendable {
    /// Symbols as written ("US$", "€", "kr").
    let symbols: [String: MoneyUnit]
    /// Symbols that count only glued before digits and then before a scale word or in a
    /// document of their region (`glued_symbols`: "R2 billion"), by symbol key → region.
    let gluedSymbolRegions: [String: String]
    /// ISO 4217 codes matched in upper case.
    let isoCodes: [String]
    let isoAliases: [String: String]
    /// Codes that count in lower case too.
    let lowercaseCodes: [String]
    /// Scale letters glued before a code ("MUSD") with their power of ten.
    let scalePrefixes: [String: Int]
    /// The scale prefixes longest first, then in alphabetical order: one order in every run
    /// (a dictionary's keys come in an order that changes from process to process, and so
    /// did the pattern texts built from them). Sorted once: ``unit(symbolOrCode:)`` reads
    /// them for every code a sum is written with.
    private let orderedScalePrefixes: [String]
    /// family → (region or "default") → ISO code.
    let regions: [String: [String: String]]

    public init(rules: RuleSet) throws {
        let path = "money/common.yaml"
        guard let root = rules.file(path)?.root else {
            throw RuleError(origin: RuleOrigin(file: path, line: 0), message: "missing: the currency symbols and regions")
        }
        let symbolPairs = try root.pairs("symbols")
        var symbols: [String: MoneyUnit] = [:]
        for (symbol, node) in symbolPairs {
            symbols[Self.symbolKey(symbol)] = try Self.unit(node)
        }
        var gluedSymbolRegions: [String: String] = [:]
        let gluedPairs = try root.pairs("glued_symbols")
        for (symbol, node) in gluedPairs {
            symbols[Self.symbolKey(symbol)] = MoneyUnit(unit: try node.string("unit"))
            gluedSymbolRegions[Self.symbolKey(symbol)] = try node.string("region")
        }
        self.symbols = symbols
        self.gluedSymbolRegions = gluedSymbolRegions
        rawSymbols = symbolPairs.map(\.key) + gluedPairs.map(\.key)
        isoCodes = try root.strings("iso_codes")
        lowercaseCodes = try root.strings("iso_lowercase")
        scalePrefixes = Dictionary(uniqueKeysWithValues: try root.pairs("iso_scale_prefixes").map { pair in
            guard let power = Int(try pair.value.string()) else { throw RuleError(origin: pair.value.origin, message: "expected a power of ten") }
            return (pair.key, power)
        })
        orderedScalePrefixes = scalePrefixes.keys.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
        isoAliases = Dictionary(uniqueKeysWithValues: try root.pairs("iso_aliases").map { ($0.key, try $0.value.string()) })
        var regions: [String: [String: String]] = [:]
        for (family, node) in try root.pairs("regions") {
            regions[family] = Dictionary(uniqueKeysWithValues: try node.pairs().map { ($0.key, try $0.value.string()) })
            guard regions[family]?["default"] != nil else {
                throw RuleError(origin: node.origin, message: "region table '\(family)' needs a 'default'")
            }
        }
        for (family, table) in regions {
            // A member may name another family ("$" → `dollar`), one step only: no chain, no loop.
            for member in table.values where member != family {
                if let next = regions[member], next.values.contains(where: { regions[$0] != nil }) {
                    throw RuleError(origin: root.origin, message: "region table '\(family)' names '\(member)', which names a family in turn")
                }
            }
        }
        self.regions = regions
        guard let evidence = root["region_evidence"] else {
            throw RuleError(origin: root.origin, message: "missing 'region_evidence': what settles a document's region when its tag names none")
        }
        regionEvidence = try RegionEvidence(node: evidence, dollarTable: regions["dollar"] ?? [:])
    }

    /// What a document's text says about its region (datelines, explicit sums).
    let regionEvidence: RegionEvidence

    /// The symbols as the rule file writes them, for building patterns.
    let rawSymbols: [String]

    /// A rule node that is either `CODE` or `{unit: CODE, factor: "0.01"}`.
    static func unit(_ node: RuleNode) throws -> MoneyUnit {
        if let scalar = node.scalar { return MoneyUnit(unit: scalar) }
        let unit = try node.string("unit")
        guard let factorText = node["factor"]?.scalar else { return MoneyUnit(unit: unit) }
        guard let factor = ExactDecimal(factorText) else {
            throw RuleError(origin: node.origin, message: "'factor' must be a plain decimal")
        }
        return MoneyUnit(unit: unit, factor: factor)
    }

    /// The key a symbol is looked up by: without spaces, lower case ("c $" and "C$" alike).
    static func symbolKey(_ text: String) -> String {
        String(text.lowercased().filter { !$0.isWhitespace })
    }

    /// The region a symbol as matched needs unless it is glued before a scale ("R" → "ZA"),
    /// nil for a symbol that counts wherever it stands.
    func regionOfGluedSymbol(_ text: String) -> String? { gluedSymbolRegions[Self.symbolKey(text)] }

    /// The unit of a symbol or ISO code as matched, if it is one; a code with a scale
    /// letter glued before it ("MUSD") carries the scale as its factor.
    func unit(symbolOrCode text: String) -> MoneyUnit? {
        if let unit = symbols[Self.symbolKey(text)] { return unit }
        let code = text.uppercased()
        if isoCodes.contains(code) { return MoneyUnit(unit: isoAliases[code] ?? code) }
        for prefix in orderedScalePrefixes where text.hasPrefix(prefix) {
            let rest = String(text.dropFirst(prefix.count))
            if isoCodes.contains(rest) { return MoneyUnit(unit: isoAliases[rest] ?? rest, factor: ExactDecimal(significand: 1, exponent: scalePrefixes[prefix]!)) }
        }
        return nil
    }

    /// ISO codes with a scale letter glued before them ("MUSD"), which may follow a
    /// written number ("twenty MUSD") where a bare code may not ("a USD 5 million loan").
    var scaledCodePattern: String {
        let prefixes = orderedScalePrefixes.joined(separator: "|")
        return "(?-i:(?:\(prefixes))\(PatternText.alternation(isoCodes, bounded: false, foldCase: false)))(?![A-Za-z])"
    }

    /// ISO codes as a pattern: upper case, a scale letter allowed before ("MUSD"), and the
    /// codes listed as safe in lower case too.
    var codePattern: String {
        let prefixes = orderedScalePrefixes.joined(separator: "|")
        return "(?<!\\p{L})(?:(?-i:(?:\(prefixes))?\(PatternText.alternation(isoCodes, bounded: false, foldCase: false)))|\(PatternText.alternation(lowercaseCodes)))(?![A-Za-z])"
    }

    /// Whether `unit` is `family` or a family that falls back to it ("dollar_sign" on "dollar").
    func isFamily(_ unit: String, within family: String) -> Bool {
        unit == family || regions[unit]?["default"] == family
    }

    /// The ISO code of `unit` for a document of `region`: a code stays; a family takes the
    /// region's member, else its default, which may itself be a family ("$" is
    /// `dollar_sign`, whose default is `dollar`).
    public func isoCode(of unit: String, region: String?) -> String {
        guard let table = regions[unit] else { return unit }
        let member = region.flatMap { table[$0] } ?? table["default"] ?? unit
        return member == unit ? member : isoCode(of: member, region: region)
    }
}
