import Testing
@testable import SaturnDomain

@Suite("Git remote URLs: what git clone takes, and the folder it clones into")
struct GitRemoteTests {
    @Test("a remote's name is the last part of its path without .git", arguments: [
        ("git@github.com:saturncloud/examples.git", "examples"),
        ("https://github.com/saturncloud/examples", "examples"),
        ("https://github.com/saturncloud/examples.git/", "examples"),
        ("ssh://git@gitlab.example:2222/team/sub/tool.git", "tool"),
        ("git@bitbucket.org:solo.git", "solo"),
        ("git://example.test/a/b.c.git", "b.c"),
    ])
    func name(url: String, name: String) {
        #expect(GitRemote.problem(in: url) == nil)
        #expect(GitRemote.cloneName(of: url) == name)
    }

    @Test("anything else is refused, saying what a remote is", arguments: [
        ("", "must not be empty"),
        ("git@github.com:org/my repo.git", "holds a space"),
        ("https://github.com/ünï.git", "beyond ASCII"),
        ("ftp://example.test/a.git", "has the scheme 'ftp'"),
        ("https://github.com", "names no host and repository path"),
        ("https://github.com/", "names no host and repository path"),
        ("https:///repo.git", "names no host and repository path"),
        ("git@github.com:", "is not scheme://host/path"),
        ("just-a-name", "is not scheme://host/path"),
        ("/srv/git/repo.git", "is not scheme://host/path"),
    ])
    func refused(url: String, words: String) throws {
        let problem = try #require(GitRemote.problem(in: url))
        #expect(problem.contains(words), "\(problem)")
    }
}
