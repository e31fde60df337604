/// The reconstitution drag: frozen against reconstituted Russell 2000, its decomposition and,
/// in a replay, its windows.
enum RunDragSection {
    static func section(_ drag: RunReportDrag?) -> ReportSection {
        let title = "Reconstitution drag"
        guard let drag else {
            return ReportSection(id: "drag", title: title, blocks: [.notice(.missing(
                "drag.json", consequence: "The drag is measured when the run has later prices: recon reconstitute --forward FILE, "
                    + "or a replay with returns."))])
        }
        var blocks: [ReportBlock] = [.paragraph(window(drag)), .table(measurements(drag))]
        let components = components(drag)
        if !components.rows.isEmpty { blocks.append(.table(components)) }
        if !drag.windows.isEmpty { blocks.append(.table(windows(drag.windows))) }
        if let leftOut = leftOutNotice(drag) { blocks.append(.notice(leftOut)) }
        return ReportSection(id: "drag", title: title, blocks: blocks)
    }

    private static func window(_ drag: RunReportDrag) -> String {
        var text = "The frozen portfolio is the prior Russell 2000 held as it was; the reconstituted one is the new Russell 2000. "
        text += "Both are held from the effective date"
        if let from = drag.from, let to = drag.to { text += ", from \(from) to \(to)" }
        if let months = drag.months { text += " (\(months) months)" }
        if let source = drag.source { text += ", with returns from the \(source)" }
        return text + ". Gap = frozen − reconstituted return: positive when the reconstitution cost return."
    }

    private static func measurements(_ drag: RunReportDrag) -> ReportTable {
        var table = ReportTable(
            caption: "Frozen against reconstituted",
            columns: [.text("Weighting"), .number("Frozen return"), .number("Reconstituted return"), .number("Gap"),
                      .number("Frozen holdings"), .number("Reconstituted holdings")])
        for (name, measurement) in [("Cap-weighted", drag.cap), ("Equal-weighted", drag.equal)] {
            guard let measurement else { continue }
            table.append([
                name, ReportNumber.signedPercent(measurement.frozenReturn), ReportNumber.signedPercent(measurement.reconstitutedReturn),
                ReportNumber.signedPercent(measurement.gap), ReportNumber.count(measurement.frozenCount),
                ReportNumber.count(measurement.reconstitutedCount),
            ])
        }
        return table
    }

    private static func components(_ drag: RunReportDrag) -> ReportTable {
        var table = ReportTable(
            caption: "The gap, term by term",
            columns: [.text("Component"), .number("Cap-weighted"), .number("Equal-weighted")],
            note: "The terms add up to the gap. deletions_upward is the upward-migration drag.")
        let names = (drag.cap?.components ?? []).map(\.name) + (drag.equal?.components ?? []).map(\.name)
        let known = RunReportDrag.componentOrder.filter(names.contains)
        let others = Set(names).subtracting(known).sorted()
        for name in known + others {
            table.append([name, ReportNumber.signedPercent(drag.cap?.component(name)),
                          ReportNumber.signedPercent(drag.equal?.component(name))])
        }
        if !table.rows.isEmpty {
            table.append(["gap", ReportNumber.signedPercent(drag.cap?.gap), ReportNumber.signedPercent(drag.equal?.gap)])
        }
        return table
    }

    private static func windows(_ windows: [RunReportDrag.Window]) -> ReportTable {
        var table = ReportTable(
            caption: "Gap by holding window",
            columns: [.text("Window"), .number("Frozen (cap)"), .number("Reconstituted (cap)"), .number("Gap (cap)"),
                      .number("Gap (equal)")])
        for window in windows {
            table.append([
                window.name, ReportNumber.signedPercent(window.cap?.frozenReturn),
                ReportNumber.signedPercent(window.cap?.reconstitutedReturn), ReportNumber.signedPercent(window.cap?.gap),
                ReportNumber.signedPercent(window.equal?.gap),
            ])
        }
        return table
    }

    private static func leftOutNotice(_ drag: RunReportDrag) -> ReportNotice? {
        guard let cap = drag.cap, let leftOut = cap.leftOut, leftOut > 0 else { return nil }
        return ReportNotice(
            kind: .note, title: "Left out.",
            text: "\(ReportNumber.count(leftOut)) holdings had no return over the window and were left out (with a "
                + "later snapshot: no later price, or a split its price relative would not show; the run's warnings say which): "
                + "\(ReportNumber.percent(cap.leftOutFrozenWeight, decimals: 2)) of the frozen portfolio's weight and "
                + "\(ReportNumber.percent(cap.leftOutReconstitutedWeight, decimals: 2)) of the reconstituted one's (cap-weighted).")
    }
}
