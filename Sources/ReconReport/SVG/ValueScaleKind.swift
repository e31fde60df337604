/// Whether a value axis is proportional or logarithmic.
public enum ValueScaleKind: Sendable, Hashable {
    /// Equal differences take equal room. The axis is widened to round numbers.
    case linear
    /// Equal ratios take equal room (base 10). Zero, negative and non-finite values are not
    /// drawn. The axis is widened to powers of ten.
    case logarithmic
}
