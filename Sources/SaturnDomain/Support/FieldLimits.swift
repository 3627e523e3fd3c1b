/// The longest text the mock stores in each kind of field (README "Limits"), so that no request can store without
/// bound; a longer value is a 422 naming its path.
public enum FieldLimits {
    /// Recipe and version names.
    public static let name = 128
    /// An image version's `image_uri`. The registry grammar allows about 400 characters (a 255-character name, a
    /// 128-character tag and a digest); past this bound a reference is refused outright, below it a reference that
    /// breaks the grammar is warned about.
    public static let imageURI = 1_024
    /// A value of an image version's `build_data` (pip requirements, a post-build script).
    public static let buildDataValue = 65_536
    /// A git remote URL (`/api/external_repos`).
    public static let remoteURL = 1_024
    /// A secret's value: a key, a password, a small file.
    public static let secretValue = 65_536
    /// Every other text field: descriptions, `supports` entries, set names.
    public static let text = 4_096
    /// Names of orgs, users, tenants and snapshots (`OwnerName`).
    public static let ownerName = 39
    /// The tokens a tenant's control plane may mint (`POST /_mock/tokens`); a refresh replaces, never adds up.
    public static let mintedTokens = 1_000
}
