import Foundation
import Testing
@testable import SaturnDomain

@Suite("Seed loading and authentication")
struct SeedTests {
    static let org = #"{"name": "acme", "is_primary": true}"#

    @Test("a bad seed names the file, the entry and the rule", arguments: [
        (#"{"orgs": [], "users": []}"#, "seed file s.json: orgs: must be a non-empty array of orgs"),
        (#"{"orgs": [{"name": "Acme", "is_primary": true}], "users": []}"#,
         "seed file s.json: orgs[0].name: 'Acme' breaks the owner-name rule: lowercase letters, digits and single inner hyphens, at most 39 characters"),
        (#"{"orgs": [{"name": "a"}, {"name": "b"}], "users": []}"#, #"seed file s.json: orgs: exactly one org must have "is_primary": true (found 0)"#),
        (#"{"orgs": [\#(org), {"name": "acme"}], "users": []}"#, "seed file s.json: orgs[1] (acme): duplicate org name"),
        (#"{"orgs": [\#(org)], "users": [{"username": "al", "memberships": {"glob": "admin"}}]}"#,
         "seed file s.json: users[0] (al).memberships: names unknown org 'glob'"),
        (#"{"orgs": [\#(org)], "users": [{"username": "al", "memberships": {"acme": "owner"}}]}"#,
         #"seed file s.json: users[0] (al).memberships.acme: role must be "admin" or "member""#),
        (#"{"orgs": [\#(org)], "users": [{"username": "al", "memberships": {"acme": "admin"}, "tokens": [{"token": "t"}]}, {"username": "bo", "memberships": {"acme": "admin"}, "tokens": [{"token": "t"}]}]}"#,
         "seed file s.json: users[1] (bo).tokens: duplicate token (each token and refresh token must belong to one user once)"),
        (#"{"orgs": [\#(org)], "users": [{"username": "al", "memberships": {"acme": "admin"}, "tokens": [{"token": "t"}]}, {"username": "bo", "memberships": {"acme": "admin"}, "tokens": [{"token": "u", "refresh_token": "t"}]}]}"#,
         "seed file s.json: users[1] (bo).tokens: duplicate token (each token and refresh token must belong to one user once)"),
        (#"{"orgs": [\#(org)], "users": [{"username": "al", "memberships": {"acme": "admin"}, "tokens": [{"token": "t", "refresh_token": ""}]}]}"#,
         "seed file s.json: users[0] (al).tokens[0].refresh_token: must be a non-empty string without spaces"),
        (#"{"orgs": [\#(org)], "users": [{"username": "al", "memberships": {"acme": "admin"}, "tokens": [{"token": "t", "expires_at": "soon"}]}]}"#,
         "seed file s.json: users[0] (al).tokens[0].expires_at: must be an ISO 8601 time from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z, such as 2026-01-01T00:00:00Z, not 'soon'"),
        (#"{"orgs": [\#(org)], "users": [{"username": "acme", "memberships": {"acme": "admin"}}]}"#,
         "seed file s.json: users[0] (acme): a username may not equal an org name (owner paths would be ambiguous)"),
        (#"{"orgs": [\#(org)], "users": [{"username": "al", "memberships": {"acme": "admin"}, "default_org": "other"}]}"#,
         "seed file s.json: users[0] (al).default_org: 'other' is not one of the user's memberships"),
        (#"{"orgs": [\#(org)], "users": [{"username": "al", "memberships": {"acme": "admin"}, "roles": []}]}"#,
         "seed file s.json: users[0]: unknown field 'roles' (allowed: created_at, default_org, email, full_name, memberships, tokens, username)"),
        ("{", "seed file s.json: (file): is not valid JSON: "),
    ])
    func badSeed(text: String, message: String) {
        let error = #expect(throws: SeedError.self) { try Seed.parse(Array(text.utf8), file: "s.json") }
        #expect(error?.description.hasPrefix(message) == true, "\(String(describing: error))")
    }

    @Test("the default org falls back to the primary org")
    func defaultOrg() throws {
        #expect(try Fixtures.user("bob").defaultOrg == "acme")
    }

    @Test("tokens: valid, unknown, expired")
    func tokens() throws {
        let directory = try Fixtures.directory()
        #expect(try directory.authenticate(token: "alice-token").username == "alice")
        #expect(throws: DomainError.unknownToken) { try directory.authenticate(token: "alice-toke") }
        #expect(throws: DomainError.unknownToken) { try directory.authenticate(token: "") }
        #expect(throws: DomainError.expiredToken) { try directory.authenticate(token: "alice-old") }
        #expect(try directory.authenticate(token: "alice-old", now: Date(timeIntervalSince1970: 0)).username == "alice")
    }

    @Test("ids are stable across loads and distinct")
    func stableIDs() throws {
        let first = try Fixtures.directory()
        let second = try Fixtures.directory()
        #expect(first.users.map(\.id) == second.users.map(\.id))
        #expect(Set(first.users.map(\.id) + first.orgs.map(\.id)).count == 5)
    }

    @Test("the repository's own seed loads, with an admin token for the banner")
    func shippedSeed() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../data/seed.json").path
        let directory = try Seed.load(path: path)
        #expect(directory.primaryOrg.name == "acme")
        #expect(directory.bannerToken() == "alice-admin-token")
    }
}
