/// A table of a report: columns with an alignment, rows of already formatted cells.
///
///     var table = ReportTable(caption: "Members", columns: [.text("Index"), .number("Companies")])
///     table.append(["Russell 2000", ReportNumber.count(1_987)])
public struct ReportTable: Sendable, Hashable {
    /// A column heading and how its cells line up.
    public struct Column: Sendable, Hashable {
        public enum Alignment: Sendable, Hashable {
            case left
            case right
        }

        public var title: String
        public var alignment: Alignment

        public init(title: String, alignment: Alignment) {
            self.title = title
            self.alignment = alignment
        }

        /// A left-aligned column of text.
        public static func text(_ title: String) -> Column { Column(title: title, alignment: .left) }
        /// A right-aligned column of numbers.
        public static func number(_ title: String) -> Column { Column(title: title, alignment: .right) }
    }

    /// A title shown above the table; `nil` for none.
    public var caption: String?
    public var columns: [Column]
    /// Rows of cells, one per column; short rows are padded with empty cells when rendered.
    public var rows: [[String]]
    /// A line under the table (units, sources); `nil` for none.
    public var note: String?

    public init(caption: String? = nil, columns: [Column], rows: [[String]] = [], note: String? = nil) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.note = note
    }

    /// Adds a row.
    public mutating func append(_ row: [String]) {
        rows.append(row)
    }

    /// The cells of `row` padded or cut to the number of columns.
    func cells(of row: [String]) -> [String] {
        Array((row + Array(repeating: "", count: max(0, columns.count - row.count))).prefix(columns.count))
    }
}
