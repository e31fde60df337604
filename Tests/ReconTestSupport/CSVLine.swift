/// The fields of one CSV line, split by the tests without recon's reader: a comma inside quotes
/// does not split, and quoted fields keep their quotes (so that a line can be written again).
public enum CSVLine {
    public static func fields(_ line: Substring) -> [Substring] {
        var out: [Substring] = [], start = line.startIndex, index = line.startIndex, quoted = false
        while index < line.endIndex {
            let character = line[index]
            if character == "\"" { quoted.toggle() }
            if character == ",", !quoted {
                out.append(line[start ..< index])
                start = line.index(after: index)
            }
            index = line.index(after: index)
        }
        out.append(line[start...])
        return out
    }

    public static func fields(_ line: String) -> [String] { fields(line[...]).map(String.init) }
}
