/// How a report names the folder it was made from: its last component only, so the same files
/// give the same report wherever the folder is and however the path was typed.
enum ReportFolderName {
    static func display(_ folder: String) -> String {
        let trimmed = folder.reversed().drop { $0 == "/" }.reversed()
        let name = trimmed.split(separator: "/").last.map(String.init) ?? String(trimmed)
        return name.isEmpty ? folder : name
    }
}
