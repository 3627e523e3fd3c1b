import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import MicroHTTP
import Testing

@Suite("saturn-mock serve, as a process", .timeLimit(.minutes(2)))
struct ServeCommandTests {
    @Test("prints where it listens and the export lines, writes the port file, exits 0 on SIGTERM and removes the port file")
    func lifecycle() throws {
        let portFile = temporaryPath("port")
        let serve = try ServeProcess(["serve", "--port", "0", "--port-file", portFile, "--in-memory"])
        let port = try serve.waitForPort(file: portFile)
        #expect(try httpRequest(port: port, path: "/api/status").status == 200)
        #expect(serve.stop() == 0)
        let banner = serve.readOutput()
        #expect(banner.contains("listening on http://127.0.0.1:\(port)"))
        #expect(banner.contains("open http://127.0.0.1:\(port)/ in a browser"))
        #expect(banner.contains("export SATURN_BASE_URL=http://127.0.0.1:\(port)\n"))
        #expect(banner.contains("export SATURN_TOKEN=alice-admin-token\n"))
        #expect(!FileManager.default.fileExists(atPath: portFile))
        let log = serve.readErrors()
        let line = log.split(separator: "\n").first { $0.contains("GET /api/status 200") }
        #expect(line?.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z info GET \/api\/status 200 \d+\.\d{2}ms/) != nil,
                "an access line is `<UTC time> info <method> <path> <status> <duration>`: \(line ?? "none")")
        #expect(!log.contains("alice-admin-token"), "tokens are never logged")
    }

    @Test("the access log is written while it serves, not only when it stops")
    func accessLogWhileServing() throws {
        let portFile = temporaryPath("port")
        let serve = try ServeProcess(["serve", "--port", "0", "--port-file", portFile, "--in-memory"])
        let port = try serve.waitForPort(file: portFile)
        #expect(try httpRequest(port: port, path: "/api/orgs").status == 401)
        // Lines are written in batches at most 20 ms apart; a second is plenty.
        #expect(serve.readErrors(until: "GET /api/orgs 401", seconds: 1).contains("GET /api/orgs 401"))
        #expect(serve.stop() == 0)
    }

    @Test("SIGINT stops it with exit 0 too")
    func sigint() throws {
        let portFile = temporaryPath("port")
        let serve = try ServeProcess(["serve", "--port", "0", "--port-file", portFile, "--in-memory"])
        _ = try serve.waitForPort(file: portFile)
        #expect(serve.stop(signal: SIGINT) == 0)
    }

    @Test("a SIGTERM that comes the moment the port file appears still stops it with exit 0", arguments: 1...5)
    func earlySignal(round: Int) throws {
        let portFile = temporaryPath("port-\(round)")
        let serve = try ServeProcess(["serve", "--port", "0", "--port-file", portFile, "--in-memory"])
        _ = try serve.waitForPort(file: portFile)
        #expect(serve.stop() == 0)
    }

    @Test("recipes survive a restart of the process on the same --data-dir")
    func restart() throws {
        let dataDir = temporaryPath("data")
        defer { try? FileManager.default.removeItem(atPath: dataDir) }
        let portFile = temporaryPath("port")
        let first = try ServeProcess(["serve", "--port", "0", "--port-file", portFile, "--data-dir", dataDir])
        let port = try first.waitForPort(file: portFile)
        let body = try Data(contentsOf: URL(fileURLWithPath: ServeProcess.repositoryRoot + "/data/examples/import-existing-docker-images.json"))
        #expect(try httpRequest("POST", port: port, path: "/api/recipes/apply", token: "alice-admin-token", body: body).status == 201)
        #expect(first.stop() == 0)

        let second = try ServeProcess(["serve", "--port", "0", "--port-file", portFile, "--data-dir", dataDir])
        let secondPort = try second.waitForPort(file: portFile)
        let listed = try httpRequest(port: secondPort, path: "/api/recipes", token: "alice-admin-token")
        #expect(listed.body.contains(#""name":"saturn-r""#))
        #expect(second.stop() == 0)
        #expect(second.readOutput().contains("2 recipes"))
    }

    @Test("SATURN_MOCK_* variables stand for the flags")
    func environment() throws {
        let portFile = temporaryPath("port")
        let serve = try ServeProcess(["serve"], environment: [
            "SATURN_MOCK_PORT": "0", "SATURN_MOCK_PORT_FILE": portFile, "SATURN_MOCK_IN_MEMORY": "true",
        ])
        let port = try serve.waitForPort(file: portFile)
        #expect(port > 0)
        #expect(serve.stop() == 0)
        #expect(serve.readOutput().contains("store: memory"))
    }

    @Test("start-up errors say what is wrong and exit non-zero", arguments: [
        (["serve", "--seed", "/nonexistent/seed.json", "--in-memory"], "seed file /nonexistent/seed.json: (file): cannot be read; does it exist?"),
        (["serve", "--data-dir", "/tmp/x", "--in-memory"], "give --data-dir or --in-memory, not both"),
        (["serve", "--port", "70000"], "--port must be from 0 to 65535"),
        (["serve", "--log-level", "loud"], "--log-level must be one of"),
        (["serve", "--host", "no-such-host.invalid", "--control-token", "secret", "--in-memory"], "cannot resolve host 'no-such-host.invalid'"),
        (["serve", "--host", "0.0.0.0", "--in-memory"],
         "--host 0.0.0.0 resolves to an address other machines can reach, and the control plane (/_mock/) can reset or delete everything: give --control-token (or SATURN_MOCK_CONTROL_TOKEN) too"),
        (["serve", "--clock", "noon", "--in-memory"], "--clock must be an ISO 8601 time from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z, such as 2026-01-01T00:00:00Z, not 'noon'"),
        (["serve", "--max-tenants", "0", "--in-memory"], "--max-tenants must be at least 1 (the default tenant)"),
        (["serve", "--journal-size", "0", "--in-memory"], "--journal-size must be positive"),
        (["serve", "--max-connections", "0", "--in-memory"], "--max-connections must be at least 1"),
        (["serve", "--max-connections", "100000000", "--in-memory"],
         "--max-connections 100000000 is over the \(HTTPServerConfiguration.connectionCapacity) that this process's file limit (ulimit -n) leaves room for: raise the limit or lower the count"),
        (["serve", "--control-token", "", "--in-memory"], "--control-token must be a non-empty token without spaces"),
        (["serve", "--start-delay=-1", "--in-memory"], "--start-delay must be a number of seconds from 0 to a year, not -1.0"),
        (["serve", "--job-run-time", "99999999999", "--in-memory"], "--job-run-time must be a number of seconds from 0 to a year, not 99999999999.0"),
        (["serve", "--stop-delay", "soon", "--in-memory"], "The value 'soon' is invalid for '--stop-delay <seconds>'"),
        (["serve", "--host", "0", "--in-memory"],
         "--host 0 resolves to an address other machines can reach, and the control plane (/_mock/) can reset or delete everything: give --control-token (or SATURN_MOCK_CONTROL_TOKEN) too"),
        (["serve", "--drain-timeout=-1", "--in-memory"], "--drain-timeout must be a number of seconds from 0 to 3600"),
        (["serve", "--max-state-bytes", "0", "--in-memory"], "--max-state-bytes must be positive"),
        (["serve", "--max-object-bytes=-1", "--in-memory"], "--max-object-bytes must be 0 or more"),
    ])
    func startupErrors(arguments: [String], message: String) throws {
        let result = try ServeProcess.run(arguments)
        #expect(result.status != 0)
        #expect(result.errors.contains(message), "\(result.errors)")
    }

    @Test("the options a container sets through its environment read their SATURN_MOCK_* variable too", arguments: [
        ("SATURN_MOCK_START_DELAY", "--start-delay must be a number of seconds from 0 to a year, not -1.0"),
        ("SATURN_MOCK_STOP_DELAY", "--stop-delay must be a number of seconds from 0 to a year, not -1.0"),
        ("SATURN_MOCK_JOB_RUN_TIME", "--job-run-time must be a number of seconds from 0 to a year, not -1.0"),
        ("SATURN_MOCK_DRAIN_TIMEOUT", "--drain-timeout must be a number of seconds from 0 to 3600"),
        ("SATURN_MOCK_MAX_STATE_BYTES", "--max-state-bytes must be positive"),
    ])
    func environmentValues(variable: String, message: String) throws {
        let result = try ServeProcess.run(["serve", "--in-memory"], environment: [variable: "-1"])
        #expect(result.status != 0)
        #expect(result.errors.contains(message), "\(result.errors)")
    }

    @Test("--version prints the one version the wheel and the image take from it")
    func version() throws {
        let result = try ServeProcess.run(["--version"])
        #expect(result.status == 0)
        #expect(result.output.wholeMatch(of: /\d+\.\d+\.\d+\n/) != nil, "\(result.output)")
    }

    @Test("a bad environment flag value is refused")
    func badEnvironmentFlag() throws {
        let result = try ServeProcess.run(["serve"], environment: ["SATURN_MOCK_STRICT": "maybe"])
        #expect(result.status != 0)
        #expect(result.errors.contains("SATURN_MOCK_STRICT='maybe' must be 1/true/yes/on or 0/false/no/off"))
    }

    @Test("--help lists every option and the environment variables")
    func help() throws {
        let result = try ServeProcess.run(["serve", "--help"])
        #expect(result.status == 0)
        for option in ["--host", "--port", "--seed", "--data-dir", "--in-memory", "--strict", "--port-file", "--log-level", "--max-body-bytes",
                       "--max-state-bytes", "--max-object-bytes", "--drain-timeout", "--connection-timeout", "--control-token", "--max-tenants", "--max-connections", "--journal-size", "--clock", "--deterministic-ids", "--start-delay", "--stop-delay", "--job-run-time",
                       "/_mock/", "SATURN_MOCK_"] {
            #expect(result.output.contains(option), "\(option)")
        }
    }

    @Test("SIGTERM while a request waits on a delayed fault answers it 503 and exits 0, whether or not its client stayed",
          arguments: [true, false])
    func stopWithDelayedRequest(clientStays: Bool) throws {
        let portFile = temporaryPath("port")
        let serve = try ServeProcess(["serve", "--port", "0", "--port-file", portFile, "--in-memory", "--drain-timeout", "0.5"])
        let port = try serve.waitForPort(file: portFile)
        let rule = try httpRequest("POST", port: port, path: "/_mock/faults", body: Data(#"{"path": "/api/user", "delay_ms": 60000}"#.utf8))
        #expect(rule.status == 201)
        var request = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(port)/api/user")))
        request.setValue("Bearer alice-admin-token", forHTTPHeaderField: "Authorization")
        let answered = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var answer: (status: Int, body: String) = (0, "")
        let task = URLSession.shared.dataTask(with: request) { data, response, _ in
            answer = ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data ?? Data(), as: UTF8.self))
            answered.signal()
        }
        task.resume()
        // The request is journaled once answered; until then the fault holds it. Give it time to arrive.
        Thread.sleep(forTimeInterval: 0.3)
        if !clientStays { task.cancel() }
        let started = Date()
        #expect(serve.stop() == 0, "\(serve.readErrors())")
        #expect(Date().timeIntervalSince(started) < 10)
        answered.wait()
        if clientStays {
            #expect(answer.status == 503)
            #expect(answer.body.contains("server_stopping"))
        }
    }

    @Test("--host is judged by the address it resolves to: a loopback name that resolves to 0.0.0.0 needs --control-token",
          .enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare"), "needs root and unshare(1) to give the server its own /etc/hosts"))
    func loopbackByAddress() throws {
        let hosts = temporaryPath("hosts")
        try "0.0.0.0 localhost\n".write(toFile: hosts, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: hosts) }
        // A mount namespace of its own, where /etc/hosts says localhost is every address of the machine.
        let script = "mount --bind \(hosts) /etc/hosts && exec \(ServeProcess.binary) serve --host localhost --port 0 --in-memory"
        let result = try ServeProcess.run(program: "/usr/bin/unshare", ["--mount", "sh", "-c", script])
        #expect(result.status != 0)
        #expect(result.errors.contains("--host localhost resolves to an address other machines can reach"), "\(result.errors)")
    }
}
