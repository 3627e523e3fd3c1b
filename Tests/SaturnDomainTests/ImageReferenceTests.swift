import Testing
@testable import SaturnDomain

@Suite("Image references as a registry reads them")
struct ImageReferenceTests {
    @Test("control characters, white space and non-ASCII are named with their position", arguments: [
        ("no tag", "contains a space at character 3; an image reference has no white space"),
        ("repo:1\r\n X-Evil: 1", "contains the control character U+000D at character 7; an image reference is printable ASCII"),
        ("repo:\t1", "contains the control character U+0009 at character 6; an image reference is printable ASCII"),
        ("saturn\u{202E}:1", "contains the non-ASCII character U+202E at character 7; an image reference is printable ASCII"),
        ("sätürn:1", "contains the non-ASCII character U+00E4 at character 2; an image reference is printable ASCII"),
        ("repo\u{7F}", "contains the control character U+007F at character 5; an image reference is printable ASCII"),
    ])
    func forbidden(uri: String, problem: String) {
        #expect(ImageReference.forbiddenCharacter(in: uri) == problem)
    }

    @Test("references registries accept break no rule", arguments: [
        "public.ecr.aws/saturncloud/saturn:2021.11.10", "python", "python:3", "localhost:5000/team/app:1",
        "localhost/app", "registry.example/a__b/c-d--e/f.g_h:v1.0-rc_1", "[::1]:5000/repo:1", "Registry.Example.com/repo:Tag_1",
        "repo@sha256:" + String(repeating: "a1", count: 32), "repo:1@sha256:" + String(repeating: "F", count: 64),
        "host.example/repo@sha256+b64.x:" + String(repeating: "0", count: 32),
        "123456789012.dkr.ecr.us-west-2.amazonaws.com/saturn-tensorflow:1",
    ])
    func wellFormed(uri: String) {
        #expect(ImageReference.forbiddenCharacter(in: uri) == nil)
        #expect(ImageReference.grammarProblem(in: uri) == nil)
    }

    @Test("each part that breaks the grammar is named", arguments: [
        (":", "the tag after ':' is empty"),
        ("repo:", "the tag after ':' is empty"),
        ("@sha256:" + String(repeating: "a", count: 64), "the repository name is empty"),
        ("http://x/y:1", "'http://' is a URL scheme, which an image reference does not have; write host/repository:tag"),
        ("repo:tag:tag", "the repository path component 'repo:tag' must be lowercase letters and digits, joined by '.', '_', '__' or '-'"),
        ("UPPER/Case:1", "the repository path component 'UPPER' must be lowercase letters and digits, joined by '.', '_', '__' or '-'"),
        ("team/-app:1", "the repository path component '-app' must be lowercase letters and digits, joined by '.', '_', '__' or '-'"),
        ("team/a___b:1", "the repository path component 'a___b' must be lowercase letters and digits, joined by '.', '_', '__' or '-'"),
        ("team/app.:1", "the repository path component 'app.' must be lowercase letters and digits, joined by '.', '_', '__' or '-'"),
        ("a//b:1", "the repository path 'a//b' has an empty component (two slashes, or one at an end)"),
        ("/a:1", "the repository path '/a' has an empty component (two slashes, or one at an end)"),
        ("host:port/repo", "the registry port 'port' of 'host:port' must be a number"),
        ("exa_mple.com/repo:1", "the registry host 'exa_mple.com' must be letters, digits and inner '-', in labels joined by '.'"),
        ("-bad.example/repo:1", "the registry host '-bad.example' must be letters, digits and inner '-', in labels joined by '.'"),
        ("[zz]:5000/repo:1", "the registry host '[zz]' is not an IPv6 address"),
        ("repo:.hidden", "the tag '.hidden' must be letters, digits, '_', '.' and '-', and not start with '.' or '-'"),
        ("repo:" + String(repeating: "t", count: 129), "the tag is 129 characters long; registries allow 128 at most"),
        ("repo@sha256:abc", "the digest 'sha256:abc' must end in at least 32 hexadecimal digits"),
        ("repo@sha256", "the digest 'sha256' must be algorithm:hex, such as sha256:<64 hex digits>"),
        ("repo@2sha:" + String(repeating: "a", count: 32), "the digest algorithm '2sha' is not well formed"),
        ("repo@sha256+:" + String(repeating: "a", count: 32), "the digest algorithm 'sha256+' is not well formed"),
        (String(repeating: "a", count: 300) + ":1", "the repository name is 300 characters long; registries allow 255 at most"),
    ])
    func grammar(uri: String, problem: String) {
        #expect(ImageReference.grammarProblem(in: uri) == problem)
    }

    @Test("a reference that breaks the grammar is an objection that names it; the grammar is checked before the ECR rule")
    func objections() {
        #expect(ImageURIPolicy.objections(to: "UPPER/Case:1", puller: nil) == [
            "'UPPER/Case:1' breaks the registry reference grammar: the repository path component 'UPPER' must be lowercase letters and digits, joined by '.', '_', '__' or '-'; Saturn Cloud could not pull it",
        ])
        #expect(ImageURIPolicy.objections(to: "public.ecr.aws/saturncloud/saturn:2021.11.10", puller: nil).isEmpty)
    }
}
