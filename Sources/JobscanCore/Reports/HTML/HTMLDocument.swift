/// The HTML page around the report's data, style and script, and its Content-Security-Policy:
/// nothing may load from anywhere, and the only script that runs is the one whose hash is named.
enum HTMLDocument {
    static func page(data: String) -> String {
        let script = HTMLScript.source
        let policy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-\(SHA256.base64Digest(script))'; "
            + "img-src 'none'; base-uri 'none'; form-action 'none'"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(policy)">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>jobscan report</title>
            <style>\(HTMLStyle.css)</style>
            </head>
            <body>
            <noscript><p>This report draws its timeline and tables with JavaScript. The data is in the element with id jobscan-data.</p></noscript>
            <svg id="svg-namespace" hidden aria-hidden="true"></svg>
            <main id="app"></main>
            <script type="application/json" id="jobscan-data">\(scriptSafe(data))</script>
            <script>\(script)</script>
            </body>
            </html>

            """
    }

    /// JSON that cannot end the script element around it: `<` only ever occurs inside JSON string
    /// literals (JSONWriter already writes it as \u003c), so an escape is always valid there.
    static func scriptSafe(_ json: String) -> String {
        guard json.utf8.contains(UInt8(ascii: "<")) else { return json }
        return json.split(separator: "<", omittingEmptySubsequences: false).joined(separator: "\\u003c")
    }
}
