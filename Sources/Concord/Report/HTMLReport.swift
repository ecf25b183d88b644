/// The HTML report: one self-contained page.
struct HTMLReport {
    let report: ConflictReport

    var text: String {
        "<!DOCTYPE html>\n<html lang=\"en\"><meta charset=\"utf-8\"><title>Concord conflict report</title><pre>"
            + MarkdownReport(report: report).text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            + "</pre></html>\n"
    }
}
