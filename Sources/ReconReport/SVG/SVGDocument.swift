/// A complete, self-contained SVG drawing: one `<svg>` element with an accessible title and
/// description, ready to be inlined in HTML or saved as an `.svg` file.
///
/// The output has no scripts, no style sheets and no external references:
///
///     let document = SVGDocument(width: 200, height: 100, title: "Empty")
///     document.markup
///     // <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100" width="200" …>
///     // <title>Empty</title>
///     // </svg>
public struct SVGDocument: Sendable, Hashable {
    /// The width of the drawing in user units (pixels at 100% zoom).
    public var width: Double
    /// The height of the drawing in user units.
    public var height: Double
    /// The accessible name, written as the first child `<title>`.
    public var title: String
    /// The accessible description, written as `<desc>` after the title.
    public var summary: String?
    /// A document-unique identifier for the drawing on an HTML page; when given, the title and
    /// description get ids derived from it and the root refers to them (`aria-labelledby`).
    /// Characters other than ASCII letters, digits, `-` and `_` are replaced by `-`.
    public var id: String?
    /// Extra attributes of the root element, such as `font-family`.
    public var rootAttributes: [SVGElement.Attribute]
    /// The drawing, in painting order.
    public var content: [SVGElement]

    public init(
        width: Double, height: Double, title: String, summary: String? = nil, id: String? = nil,
        rootAttributes: [SVGElement.Attribute] = [], content: [SVGElement] = []
    ) {
        self.width = width
        self.height = height
        self.title = title
        self.summary = summary
        self.id = id
        self.rootAttributes = rootAttributes
        self.content = content
    }

    /// The drawing as one `<svg>` element.
    public var markup: String {
        rootElement.markup + "\n"
    }

    /// The drawing as an element tree.
    public var rootElement: SVGElement {
        var root = SVGElement("svg")
            .attribute("xmlns", "http://www.w3.org/2000/svg")
            .attribute("viewBox", "0 0 \(SVGElement.coordinate(width)) \(SVGElement.coordinate(height))")
            .attribute("width", width)
            .attribute("height", height)
            .attribute("role", "img")
        let elementID = id.map(SVGDocument.sanitizedID)
        if let elementID {
            let labels = summary == nil ? "\(elementID)-title" : "\(elementID)-title \(elementID)-desc"
            root = root.attribute("id", elementID).attribute("aria-labelledby", labels)
        }
        root.attributes += rootAttributes
        root.children.append(titleElement(elementID: elementID))
        if let summary {
            var desc = SVGElement("desc", text: summary)
            if let elementID { desc = desc.attribute("id", "\(elementID)-desc") }
            root.children.append(desc)
        }
        root.children += content
        return root
    }

    private func titleElement(elementID: String?) -> SVGElement {
        let title = SVGElement("title", text: title)
        guard let elementID else { return title }
        return title.attribute("id", "\(elementID)-title")
    }

    /// `id` restricted to characters that are valid in an XML name and an `aria-labelledby`
    /// list, starting with a letter.
    static func sanitizedID(_ id: String) -> String {
        let allowed = id.unicodeScalars.map { scalar -> Character in
            let isAllowed = scalar.isASCII
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_")
            return isAllowed ? Character(scalar) : "-"
        }
        let text = String(allowed)
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic else {
            return "chart-" + text
        }
        return text
    }
}
