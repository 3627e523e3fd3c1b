/// The version of the state document `GET /_mock/state` writes and `PUT /_mock/state` reads.
public enum TenantStateDocument {
    public static let version = 1
}
