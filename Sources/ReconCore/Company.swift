/// A company: its common share classes merged, ranked by its total market cap.
///
/// Rulebook: "If multiple share classes of common stock exist, they are combined to determine
/// total shares outstanding" (M7 §6.2.2); rank is on the company's total cap, priced by the
/// pricing vehicle (§6.5.2–6.5.3).
public struct Company: Sendable, Hashable {
    public var key: String
    public var name: String
    /// Indices into the universe of the company's common share classes, pricing vehicle first.
    public var classes: [Int]
    /// Total market cap of all classes (`nil` when the source gives none).
    public var totalMarketCap: Double?
    /// How ``totalMarketCap`` was formed.
    public var capMethod: CapMethod
    /// The pricing vehicle's price.
    public var price: Double?
    /// The index the company was in before the reconstitution (its best class).
    public var priorTier: IndexTier
    /// Whether the company was in the Microcap before, when known.
    public var priorMicrocap: Bool?

    /// Index into the universe of the pricing vehicle.
    public var pricingVehicle: Int { classes[0] }

    public init(key: String, name: String, classes: [Int], totalMarketCap: Double?, capMethod: CapMethod,
                price: Double?, priorTier: IndexTier, priorMicrocap: Bool?) {
        self.key = key
        self.name = name
        self.classes = classes
        self.totalMarketCap = totalMarketCap
        self.capMethod = capMethod
        self.price = price
        self.priorTier = priorTier
        self.priorMicrocap = priorMicrocap
    }

    /// Whether the company was a Russell 3000 member before (banding applies only to them; M7 §6.10.2).
    public var wasInRussell3000: Bool { priorTier.isInRussell3000 }
}

/// How a company's total cap was formed from its classes' reported caps.
public enum CapMethod: String, Sendable, Hashable {
    /// One class only: its cap.
    case singleClass = "single_class"
    /// Classes' caps summed (each covered its own shares).
    case summedClasses = "summed_classes"
    /// The pricing vehicle's cap, which already covered every class's shares.
    case pricingVehicle = "pricing_vehicle"
    /// No class had a cap.
    case missing = "missing"
}
