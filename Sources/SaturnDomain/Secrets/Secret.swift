import FoundationEssentials

/// A secret (`/api/secrets`): a value an owner keeps for the resources that name it in `spec.secrets`. The value is
/// stored, and never answered, journaled or logged; a secret's answers show what it is called and who sees it.
public struct Secret: Shareable, Equatable {
    public let id: String
    public var name: String
    public let owner: OwnerPath
    public let createdAt: Date
    public var access: AccessLevel
    /// What the secret holds.
    public var value: String

    /// The naming rule, in words.
    public static let nameRule = "letters, digits, '-', '_' and '.', at most \(FieldLimits.name) characters"

    /// Creates a secret.
    public init(id: String, name: String, owner: OwnerPath, createdAt: Date, access: AccessLevel, value: String) {
        self.id = id
        self.name = name
        self.owner = owner
        self.createdAt = createdAt
        self.access = access
        self.value = value
    }

    public static let family = EntityFamily.secret

    public static func held(in entity: Entity) -> Secret? {
        if case let .secret(secret) = entity { return secret }
        return nil
    }

    public var entity: Entity { .secret(self) }

    /// Whether a name follows the rule: environment-variable-like names (`snowflake_key`) as well as owner names.
    public static func isValidName(_ name: String) -> Bool {
        (1...FieldLimits.name).contains(name.utf8.count) && name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                return true
            default:
                return false
            }
        }
    }
}
