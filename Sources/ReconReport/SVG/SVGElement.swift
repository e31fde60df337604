/// One element of an SVG drawing: a name, attributes in the order they were set, and either
/// text or child elements.
///
/// Build elements with ``attribute(_:_:)-(String,String)`` and write them with ``markup``:
///
///     let dot = SVGElement("circle")
///         .attribute("cx", 10.5)
///         .attribute("cy", 20)
///         .attribute("r", 2)
///         .attribute("fill", "#0072B2")
///     dot.markup   // <circle cx="10.5" cy="20" r="2" fill="#0072B2"/>
///
/// Attribute values and text are escaped when written; element and attribute names are
/// written as given and must be valid XML names.
public struct SVGElement: Sendable, Hashable {
    /// A name–value pair of an element.
    public struct Attribute: Sendable, Hashable {
        /// The attribute name, such as `fill`; written as given.
        public var name: String
        /// The attribute value; escaped when written.
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The element name, such as `rect` or `text`.
    public var name: String
    /// The attributes, written in this order.
    public var attributes: [Attribute]
    /// Character data written inside the element, before any children.
    public var text: String?
    /// Child elements, written in this order.
    public var children: [SVGElement]

    /// An element with the given name, attributes, text and children.
    public init(
        _ name: String, attributes: [Attribute] = [], text: String? = nil, children: [SVGElement] = []
    ) {
        self.name = name
        self.attributes = attributes
        self.text = text
        self.children = children
    }

    /// A copy with the attribute `name` set to `value` (replacing an earlier value).
    public func attribute(_ name: String, _ value: String) -> SVGElement {
        var copy = self
        if let index = copy.attributes.firstIndex(where: { $0.name == name }) {
            copy.attributes[index].value = value
        } else {
            copy.attributes.append(Attribute(name: name, value: value))
        }
        return copy
    }

    /// A copy with the attribute `name` set to the coordinate `value`, written with at most
    /// two decimals (see ``SVGElement/coordinate(_:)``).
    public func attribute(_ name: String, _ value: Double) -> SVGElement {
        attribute(name, SVGElement.coordinate(value))
    }

    /// A copy with `child` appended to the children.
    public func appending(_ child: SVGElement) -> SVGElement {
        var copy = self
        copy.children.append(child)
        return copy
    }

    /// A copy with a `<title>` child: the tooltip and accessible name of a shape.
    public func titled(_ title: String) -> SVGElement {
        appending(SVGElement("title", text: title))
    }

    /// The element as XML text. Children go on lines of their own.
    public var markup: String {
        var output = ""
        write(to: &output)
        return output
    }

    /// Appends the element's XML text to `output`.
    public func write(to output: inout String) {
        output += "<" + name
        for attribute in attributes {
            output += " " + attribute.name + "=\"" + XMLEscaping.escaped(attribute.value) + "\""
        }
        guard text != nil || !children.isEmpty else {
            output += "/>"
            return
        }
        output += ">"
        if let text { output += XMLEscaping.escaped(text) }
        for child in children {
            if text == nil { output += "\n" }
            child.write(to: &output)
        }
        if text == nil, !children.isEmpty { output += "\n" }
        output += "</" + name + ">"
    }

    /// A coordinate or length as SVG text: at most two decimals, trailing zeros trimmed
    /// (`12.5`, `300`, `-0.33`). Non-finite values are written `0`; magnitudes are capped at
    /// one billion so that a runaway value cannot produce unreadable output.
    public static func coordinate(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let capped = min(max(value, -1e9), 1e9)
        return FixedDecimal.string(capped, maximumDecimals: 2)
    }
}
