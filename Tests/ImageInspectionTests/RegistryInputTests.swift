import Testing
@testable import ImageInspection

/// What the registry side reads: references, challenges, host mappings, credentials, conda records.
@Suite struct RegistryInputTests {
    @Test(arguments: [
        ("ubuntu", "docker.io", "library/ubuntu", "latest"),
        ("saturncloud/saturn:2021.11.10", "docker.io", "saturncloud/saturn", "2021.11.10"),
        ("public.ecr.aws/saturncloud/saturn:2021.11.10", "public.ecr.aws", "saturncloud/saturn", "2021.11.10"),
        ("127.0.0.1:5000/x@sha256:ab", "127.0.0.1:5000", "x", "sha256:ab"),
        ("localhost/a/b", "localhost", "a/b", "latest"),
        ("index.docker.io/redis:7", "docker.io", "library/redis", "7"),
    ])
    func referencesNameTheirRegistry(text: String, host: String, repository: String, reference: String) throws {
        let name = try ImageName(text)
        #expect((name.host, name.repository, name.reference) == (host, repository, reference))
    }

    @Test func bearerChallengesAreRead() throws {
        let challenge = try #require(AuthChallenge(header: #"Bearer realm="https://auth.example/token",service="registry.example",scope="repository:a/b:pull""#))
        #expect(challenge.scheme == "bearer")
        #expect(challenge.parameters == ["realm": "https://auth.example/token", "service": "registry.example", "scope": "repository:a/b:pull"])
        #expect(AuthChallenge(header: #"Basic realm="x""#)?.scheme == "basic")
        #expect(AuthChallenge(header: "  ") == nil)
    }

    @Test func hostsMapToURLs() throws {
        var map = RegistryMap()
        try map.add("public.ecr.aws=http://127.0.0.1:5000/")
        #expect(map.baseURL(for: "public.ecr.aws") == "http://127.0.0.1:5000")
        #expect(map.baseURL(for: "docker.io") == "https://registry-1.docker.io")
        #expect(map.baseURL(for: "quay.io") == "https://quay.io")
        for bad in ["public.ecr.aws", "=http://x", "h=ftp://x", "a/b=http://x"] {
            #expect(throws: InspectionError.self) { try map.add(bad) }
        }
    }

    @Test func credentialsAreGivenAsBasic() throws {
        var credentials = RegistryCredentials()
        try credentials.add("registry.example=alice:wonder:land")
        #expect(credentials.basic(for: "registry.example") == "Basic YWxpY2U6d29uZGVyOmxhbmQ=")
        #expect(credentials.basic(for: "other.example") == nil)
        #expect(throws: InspectionError.self) { try credentials.add("registry.example=alice") }
    }

    @Test(arguments: [
        ("python-3.9.7-h12debd9_1.json", "python", "3.9.7"),
        ("python-dateutil-2.8.2-pyhd3eb1b0_0.json", "python-dateutil", "2.8.2"),
        ("ipykernel-6.4.1-py39h06a4308_1.json", "ipykernel", "6.4.1"),
    ])
    func condaRecordsNameTheirPackage(file: String, name: String, version: String) throws {
        let package = try #require(CondaPackage(file: file))
        #expect((package.name, package.version) == (name, version))
        #expect(CondaPackage(file: "history") == nil)
    }

    @Test func pythonVersionsCompareByNumber() throws {
        #expect(try #require(CondaPackage(file: "python-3.10.1-h_0.json")).isAtLeast(3, 7))
        #expect(!(try #require(CondaPackage(file: "python-3.6.15-h_0.json")).isAtLeast(3, 7)))
        #expect(!(try #require(CondaPackage(file: "python-2.7.18-h_0.json")).isAtLeast(3, 7)))
    }
}

/// Header values as libcurl hands them, line end included.
@Suite struct HeaderValueTests {
    @Test func lineEndsAreTrimmed() {
        #expect(" sha256:ab\r\n".trimmedOfSpace == "sha256:ab")
        #expect("\t\n".trimmedOfSpace == "")
    }
}
