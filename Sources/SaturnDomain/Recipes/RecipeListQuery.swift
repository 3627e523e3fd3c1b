/// What `GET /api/recipes` asks for, after the query string was read.
public struct RecipeListQuery: Equatable, Sendable {
    /// Only recipes of this type.
    public var type: RecipeType?
    /// Only recipes whose name starts with this.
    public var namePrefix: String?
    /// Only recipes whose name holds this (`GET /api/images?name=`).
    public var nameContains: String?
    /// Only recipes with this access.
    public var access: RecipeAccess?
    /// Only images that support this feature.
    public var supports: String?
    /// Only images of this hardware.
    public var hardwareType: HardwareType?
    /// Only recipes of this owner (or of this org); also picks the org in scope.
    public var owner: OwnerReference?
    /// Items per page, 1 to 1000.
    public var pageSize: Int = 100
    /// Continue after this key (`next_key`).
    public var after: RecipeKey?
    /// Continue before this key (`prev_key`).
    public var before: RecipeKey?
    /// Reverse the (type, owner, name) order.
    public var descending = false

    /// Creates a query of the first page of everything.
    public init() {}
}
