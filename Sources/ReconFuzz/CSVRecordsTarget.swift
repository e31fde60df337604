import ReconIO
import ReconFormats

/// The `csv` target: ``CSVReader`` must read the same records from memory and from a file read in
/// 64-byte chunks (the streaming path a 2 GB file takes), every number ``NumberParsing`` accepts
/// must be the number the standard library reads from the same text, and format detection must
/// either name a format or throw an ``InputError``.
enum CSVRecordsTarget {
    /// The smallest chunk ``CSVReader`` uses, so records straddle many chunk boundaries.
    static let chunkSize = 64

    /// One record as read: its line, and per field the raw bytes and the text (nil when not UTF-8).
    struct Record: Equatable {
        var line: Int
        var fields: [[UInt8]]
        var texts: [String?]
    }

    /// Everything a reader produced: records, whether a byte-order mark was seen, and the error
    /// that stopped it, if any.
    struct Trace: Equatable {
        var records: [Record] = []
        var hadByteOrderMark = false
        var error: InputError?
    }

    static func run(_ bytes: [UInt8]) {
        let path = ScratchFolder.shared.write(bytes, named: "records.csv")
        let inMemory = trace(CSVReader(bytes: bytes, name: path))
        let streamed: Trace
        do {
            streamed = trace(try CSVReader(path: path, chunkSize: chunkSize))
        } catch {
            fatalError("cannot open \(path) again: \(error)")
        }
        FuzzCheck.require(inMemory == streamed, "records read from memory and in \(chunkSize)-byte chunks differ:\n\(inMemory)\n\(streamed)")
        for record in inMemory.records {
            for field in record.fields { checkNumber(field) }
        }
        detect(bytes)
    }

    /// Reads every record of `reader`, stopping at the first error.
    static func trace(_ reader: CSVReader) -> Trace {
        var trace = Trace()
        do {
            while try reader.next() {
                var record = Record(line: reader.lineNumber, fields: [], texts: [])
                for index in 0..<reader.fieldCount {
                    record.fields.append(reader.withBytes(index) { Array($0) })
                    record.texts.append(try? reader.string(index))
                }
                trace.records.append(record)
            }
        } catch let error as InputError {
            trace.error = error
        } catch {
            FuzzCheck.expectedError(error, target: .csv)
        }
        trace.hadByteOrderMark = reader.hadByteOrderMark
        return trace
    }

    /// A number ``NumberParsing`` reads must equal the standard library's reading of the same
    /// text without `$` and thousands separators, and separators must group digits by three.
    static func checkNumber(_ field: [UInt8]) {
        for separators in [true, false] {
            let outcome = field.withUnsafeBufferPointer { NumberParsing.parse($0, allowThousandsSeparators: separators) }
            guard case .number(let value) = outcome else { continue }
            let text = String(decoding: field, as: UTF8.self)
            FuzzCheck.require(value.isFinite, "NumberParsing read '\(text)' as \(value)")
            let cleaned = String(text.filter { $0 != "$" && $0 != "," && $0 != " " && $0 != "\t" })
            if let reference = Double(cleaned) {
                FuzzCheck.require(reference == value, "NumberParsing read '\(text)' as \(value), the standard library as \(reference)")
            }
            if text.contains(",") { checkGrouping(text) }
        }
    }

    /// Thousands separators must split the integer part into groups of three after the first.
    static func checkGrouping(_ text: String) {
        let integer = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0]
            .split(whereSeparator: { $0 == "e" || $0 == "E" }).first ?? ""
        let groups = integer.split(separator: ",", omittingEmptySubsequences: false)
        let digits = groups.map { $0.filter(\.isNumber).count }
        FuzzCheck.require(digits.dropFirst().allSatisfy { $0 == 3 } && (1...3).contains(digits.first ?? 0),
                          "NumberParsing accepted '\(text)', whose thousands separators do not group digits by three")
    }

    /// Detection names a format or throws an ``InputError``.
    static func detect(_ bytes: [UInt8]) {
        do {
            _ = try FormatDetector.detect(bytes: bytes, name: "detect.csv")
        } catch is InputError {
        } catch {
            FuzzCheck.expectedError(error, target: .csv)
        }
    }
}
