/// What `POST /api/limits` and `PATCH /api/limits/{id}` give: a name, whether it is the org's default, and the caps,
/// each replacing the stored one when the request names it (a null clears it).
public struct UsageLimitDraft: Sendable {
    public var name: String?
    public var isDefault: Bool?
    public var instanceSizes: [String]??
    public var resourceTypes: [String]??
    /// The whole-number caps the request names, by wire name; a nil value clears one.
    public var amounts: [String: Int?] = [:]

    /// No change.
    public init() {}
}
