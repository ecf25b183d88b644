/// The HTML report: one self-contained page (inline CSS and a few lines of inline script,
/// nothing fetched, works offline). A summary at the top, filters by status and finding
/// kind (also set from the address: `report.html#status=conflict&kind=rounding`), then a section per fact, conflicts first and colour-coded; each value quotes its
/// sentence with the figure highlighted, with its source path and line. Readable on a
/// phone (tables fold into cards) and in print (filters hidden, every fact shown).
struct HTMLReport {
    let report: ConflictReport

    var text: String {
        let conflicts = report.facts.filter { $0.status == .conflict }.count
        var kinds: [Finding.Kind] = []
        for fact in report.facts { for finding in fact.findings where !kinds.contains(finding.kind) { kinds.append(finding.kind) } }
        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Concord conflict report</title>
        <style>\(Self.style)</style>
        </head>
        <body>
        <header>
        <h1>Concord conflict report</h1>
        <table class="summary" id="summary">
        <thead><tr><th scope="col">Facts</th><th scope="col">Conflicts</th><th scope="col">Documents</th></tr></thead>
        <tbody><tr><td data-count="facts">\(report.facts.count)</td><td data-count="conflicts">\(conflicts)</td><td data-count="documents">\(report.documents)</td></tr></tbody>
        </table>
        <form class="filters" id="filters" aria-label="Filters">
        <label>Status <select id="filter-status"><option value="">all</option><option value="conflict">conflict</option><option value="consistent">consistent</option></select></label>
        <label>Finding <select id="filter-kind"><option value="">any kind</option>
        """
        for kind in kinds { html += "<option value=\"\(kind.rawValue)\">\(Self.escape(ReportWording.label(of: kind)))</option>" }
        html += "</select></label>\n<output id=\"filter-count\"></output>\n</form>\n</header>\n<main>\n"
        if report.facts.isEmpty {
            html += "<p class=\"empty\">No claims to compare: the documents state no facts Concord recognizes.</p>\n"
        }
        for (number, fact) in report.facts.enumerated() { html += section(for: fact, number: number + 1) }
        html += "</main>\n<script>\(Self.script)</script>\n</body>\n</html>\n"
        return html
    }

    private func section(for fact: Fact, number: Int) -> String {
        let kinds = fact.findings.map(\.kind.rawValue)
        var html = """
        <section class="fact \(fact.status.rawValue)" id="fact-\(number)" data-status="\(fact.status.rawValue)" data-kinds="\(kinds.joined(separator: " "))">
        <h2><span class="status">\(fact.status.rawValue)</span> \(Self.escape(ReportWording.title(of: fact)))</h2>
        <div class="scroll"><table class="values">
        <thead><tr><th scope="col">#</th><th scope="col">Source</th><th scope="col">Quote</th><th scope="col">Value</th><th scope="col">USD</th></tr></thead>
        <tbody>

        """
        for (index, value) in fact.values.enumerated() {
            html += "<tr id=\"fact-\(number)-value-\(index)\"><td data-label=\"#\">\(index)</td>"
            html += "<td data-label=\"Source\" class=\"source\">\(Self.escape(value.source)):\(value.line)</td>"
            html += "<td data-label=\"Quote\" class=\"quote\">\(Self.quote(value))</td>"
            html += "<td data-label=\"Value\">\(Self.escape(ReportWording.normalized(value)))</td>"
            html += "<td data-label=\"USD\">\(Self.escape(ReportWording.dollars(value)))</td></tr>\n"
        }
        html += "</tbody></table></div>\n"
        if fact.findings.isEmpty {
            html += "<p class=\"none\">\(Self.escape(ReportWording.nothingToCompare(fact)))</p>\n"
        } else {
            html += "<ul class=\"findings\">\n"
            for finding in fact.findings {
                let references = finding.values.map { "<a href=\"#fact-\(number)-value-\($0)\">\($0)</a>" }.joined(separator: ", ")
                html += "<li class=\"finding \(finding.kind.rawValue)\" data-kind=\"\(finding.kind.rawValue)\"><span class=\"kind\">\(Self.escape(ReportWording.label(of: finding.kind)))</span> \(Self.escape(finding.explanation)) <span class=\"refs\">(values \(references))</span></li>\n"
            }
            html += "</ul>\n"
        }
        return html + "</section>\n"
    }

    /// The value's sentence with the figure (or, for a list, each name) marked; the figure
    /// alone where the sentence does not contain it.
    static func quote(_ value: FactValue) -> String {
        let sentence = value.sentence ?? value.text
        let marked = value.names ?? [value.text]
        var html = "", rest = Substring(sentence), found = false
        while let next = marked.compactMap({ rest.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) {
            html += escape(String(rest[..<next.lowerBound])) + "<mark>\(escape(String(rest[next])))</mark>"
            rest = rest[next.upperBound...]
            found = true
        }
        guard found else { return "“<mark>\(escape(value.text))</mark>”" }
        return "“" + html + escape(String(rest)) + "”"
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    private static let style = """
    :root{--ink:#1d2330;--muted:#5b6475;--line:#d9dde5;--bg:#fff;--conflict:#b42318;--conflict-bg:#fef3f2;--ok:#067647;--ok-bg:#ecfdf3;--warn:#b54708;--warn-bg:#fffaeb;--info:#175cd3;--info-bg:#eff8ff;--mark:#fde68a}
    *{box-sizing:border-box}
    body{margin:0 auto;max-width:70rem;padding:1rem;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
    h1{font-size:1.6rem;margin:.5rem 0}
    h2{font-size:1.15rem;margin:0 0 .75rem}
    table{border-collapse:collapse;width:100%}
    th,td{text-align:left;vertical-align:top;padding:.4rem .5rem;border-bottom:1px solid var(--line)}
    th{font-size:.85rem;color:var(--muted);font-weight:600}
    .summary{width:auto;margin:.5rem 0 1rem}
    .summary td{font-size:1.5rem;font-weight:700;padding-right:2rem}
    .summary td[data-count=conflicts]{color:var(--conflict)}
    .filters{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;margin-bottom:1rem}
    .filters select{font:inherit;padding:.2rem}
    .fact{border:1px solid var(--line);border-left:6px solid var(--ok);border-radius:6px;padding:1rem;margin:0 0 1.25rem;break-inside:avoid}
    .fact.conflict{border-left-color:var(--conflict)}
    .status{display:inline-block;font-size:.75rem;text-transform:uppercase;letter-spacing:.04em;padding:.1rem .5rem;border-radius:999px;background:var(--ok-bg);color:var(--ok);vertical-align:middle}
    .conflict .status{background:var(--conflict-bg);color:var(--conflict)}
    .scroll{overflow-x:auto}
    .source{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem;overflow-wrap:anywhere;min-width:11rem}
    mark{background:var(--mark);padding:0 .15em;border-radius:2px;font-weight:600}
    .findings{list-style:none;padding:0;margin:.75rem 0 0}
    .finding{padding:.5rem .75rem;margin:.4rem 0;border-radius:4px;background:var(--info-bg)}
    .finding .kind{font-weight:700;margin-right:.35rem}
    .finding.discrepancy,.finding.date-discrepancy,.finding.list-mismatch{background:var(--conflict-bg)}
    .finding.discrepancy .kind,.finding.date-discrepancy .kind,.finding.list-mismatch .kind{color:var(--conflict)}
    .finding.rounding{background:var(--warn-bg)}.finding.rounding .kind{color:var(--warn)}
    .finding.consistent,.finding.consistent-after-conversion{background:var(--ok-bg)}
    .finding.consistent .kind,.finding.consistent-after-conversion .kind{color:var(--ok)}
    .refs{color:var(--muted);font-size:.85rem}
    .none,.empty{color:var(--muted)}
    [hidden]{display:none!important}
    @media (max-width:40rem){
    body{padding:.5rem;font-size:15px}
    .values thead{display:none}
    .values tr{display:block;border-bottom:1px solid var(--line);padding:.4rem 0}
    .values td{display:block;border:0;padding:.1rem 0}
    .values td::before{content:attr(data-label) ": ";color:var(--muted);font-size:.8rem}
    }
    @media print{
    .filters{display:none}
    [hidden]{display:block!important}
    body{max-width:none;font-size:11pt}
    .fact{border-left-width:4pt}
    a{color:inherit;text-decoration:none}
    }
    """

    private static let script = """
    (function(){
    var status=document.getElementById('filter-status'),kind=document.getElementById('filter-kind'),count=document.getElementById('filter-count');
    var given=new URLSearchParams(location.hash.slice(1));
    if(given.has('status'))status.value=given.get('status');if(given.has('kind'))kind.value=given.get('kind');
    function apply(){var shown=0,facts=document.querySelectorAll('section.fact');
    facts.forEach(function(f){var ok=(!status.value||f.dataset.status===status.value)&&(!kind.value||f.dataset.kinds.split(' ').indexOf(kind.value)>=0);f.hidden=!ok;if(ok)shown++;});
    count.textContent=shown+' of '+facts.length+' facts shown';}
    function change(){var p=new URLSearchParams();if(status.value)p.set('status',status.value);if(kind.value)p.set('kind',kind.value);history.replaceState(null,'','#'+p.toString());apply();}
    status.addEventListener('change',change);kind.addEventListener('change',change);apply();
    })();
    """
}
