/// Normalizes a publishing date given as structured data (HTML metadata, JSON-LD, a JSON
/// Lines field) to CONTRACT.md's `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: ISO 8601 dates and
/// timestamps ("2024-02-27T10:00:00+01:00" → "2024-02-27"), and the RFC 2822 dates of RSS
/// feeds ("Tue, 27 Feb 2024 09:15:00 GMT"), whose month names belong to the format, not to
/// a language; and Unix times, as feeds and scrapers store them (seconds, or milliseconds
/// when 12 or 13 digits long; "1709028000" → "2024-02-27", in UTC). Dates written in words
/// are the date extractor's business, not this one's.
enum PublishedDate {
    static func normalize(_ text: String) -> String? {
        let bytes = Array(text.utf8.drop { Bytes.isSpace($0) })
        if let day = unixTime(bytes) { return day.iso }
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count, bytes[range].allSatisfy(Bytes.isDigit) else { return nil }
            return bytes[range].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        func endsAt(_ index: Int) -> Bool { index == bytes.count || !Bytes.isDigit(bytes[index]) && bytes[index] != UInt8(ascii: "-") }
        // Each form is the first 4, 7 or 10 bytes as written (the hyphens checked), copied
        // once rather than joined from its parts.
        func form(_ count: Int) -> String { String(decoding: bytes[0..<count], as: UTF8.self) }
        guard let year = number(0..<4), (1000...2999).contains(year) else { return rfc2822(text) }
        guard bytes.count > 4, bytes[4] == UInt8(ascii: "-"), let month = number(5..<7), (1...12).contains(month) else {
            return endsAt(4) ? form(4) : nil
        }
        guard bytes.count > 7, bytes[7] == UInt8(ascii: "-"), let day = number(8..<10), (1...31).contains(day) else {
            return endsAt(7) ? form(7) : nil
        }
        return endsAt(10) ? form(10) : nil
    }

    /// The day of a Unix time of 9 or 10 digits (seconds: 1973 to 2286) or 12 or 13
    /// (milliseconds), with an optional fraction; nil for anything else (a year, "20240227").
    private static func unixTime(_ bytes: [UInt8]) -> CalendarDay? {
        let whole = bytes.prefix { Bytes.isDigit($0) }
        let rest = bytes.dropFirst(whole.count)
        guard [9, 10, 12, 13].contains(whole.count),
              rest.isEmpty || rest.first == UInt8(ascii: ".") && rest.dropFirst().allSatisfy(Bytes.isDigit) else { return nil }
        let value = whole.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        let seconds = whole.count >= 12 ? value / 1000 : value
        return CalendarDay(dayNumber: seconds / 86_400)
    }

    /// The RFC 2822 month abbreviations, January first.
    private static let rfc2822Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// "[Tue, ]27 Feb 2024[ 09:15:00 GMT]" as `YYYY-MM-DD`.
    static func rfc2822(_ text: String) -> String? {
        var words = text.split(whereSeparator: { $0 == " " || $0 == "," })
        if let first = words.first, first.allSatisfy(\.isLetter) { words.removeFirst() }
        guard words.count >= 3, let day = Int(words[0]), let month = rfc2822Months.firstIndex(of: words[1].lowercased()),
              words[2].count == 4, let year = Int(words[2]) else { return nil }
        return CalendarDay(year: year, month: month + 1, day: day)?.iso
    }
}
