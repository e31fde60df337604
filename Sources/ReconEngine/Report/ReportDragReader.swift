import ReconReport

/// Reads a run's `drag.json` (docs/outputs.md) into a ``RunReportDrag``.
enum ReportDragReader {
    static func read(path: String) throws -> RunReportDrag {
        let json = try ReportJSONObject.read(path: path)
        let window = try json.object("window")
        var windows: [RunReportDrag.Window] = []
        if let all = try json.object("windows") {
            for name in all.keys {
                guard let window = try all.object(name) else { continue }
                windows.append(RunReportDrag.Window(
                    name: name, cap: try measurement(window.object("cap")), equal: try measurement(window.object("equal"))))
            }
        }
        return RunReportDrag(
            source: try window?.string("source"), from: try window?.string("from"), to: try window?.string("to"),
            months: try window?.int("months"), cap: try measurement(json.object("cap")),
            equal: try measurement(json.object("equal")), windows: windows)
    }

    private static func measurement(_ json: ReportJSONObject?) throws -> RunReportDrag.Measurement? {
        guard let json else { return nil }
        var components: [RunReportDrag.Component] = []
        if let all = try json.object("components") {
            for name in all.keys {
                if let value = try all.double(name) { components.append(RunReportDrag.Component(name: name, value: value)) }
            }
        }
        return RunReportDrag.Measurement(
            frozenReturn: try json.double("frozen_return"), reconstitutedReturn: try json.double("reconstituted_return"),
            gap: try json.double("gap"), components: components, frozenCount: try json.int("frozen_count"),
            reconstitutedCount: try json.int("reconstituted_count"), leftOut: try json.int("left_out"),
            leftOutFrozenWeight: try json.double("left_out_frozen_weight"),
            leftOutReconstitutedWeight: try json.double("left_out_reconstituted_weight"))
    }
}
