import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The built `saturn-mock` binary, run as a user would run it.
final class ServeProcess {
    /// The binary beside the test bundle in the build folder.
    static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("saturn-mock").path
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized.path

    let process = Process()
    private let output = Pipe()
    private let errors = Pipe()

    /// Starts `saturn-mock <arguments>` (or another `program`) in the repository root (so `data/seed.json` is found).
    init(program: String = ServeProcess.binary, _ arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: Self.repositoryRoot)
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SATURN_MOCK_") }.merging(environment) { $1 }
        process.standardOutput = output
        process.standardError = errors
        try process.run()
    }

    /// Runs to the end and returns exit status, standard output and standard error.
    static func run(program: String = ServeProcess.binary, _ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String, errors: String) {
        let serve = try ServeProcess(program: program, arguments, environment: environment)
        serve.process.waitUntilExit()
        return (serve.process.terminationStatus, serve.readOutput(), serve.readErrors())
    }

    /// Waits for the port file, then returns the port it holds.
    func waitForPort(file: String, seconds: Double = 20) throws -> Int {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: file, encoding: .utf8), let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                return port
            }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw ServeFailure.noPort(errors: readErrors())
    }

    /// Sends a signal and waits for the exit status.
    func stop(signal number: Int32 = SIGTERM) -> Int32 {
        kill(process.processIdentifier, number)
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// What standard error says within `seconds`, while the process runs on: reads until `expected` appears or
    /// the time is up.
    func readErrors(until expected: String, seconds: Double) -> String {
        let descriptor = errors.fileHandleForReading.fileDescriptor
        let deadline = Date().addingTimeInterval(seconds)
        var text = ""
        while !text.contains(expected), Date() < deadline {
            var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, 50) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = read(descriptor, &chunk, chunk.count)
            guard count > 0 else { break }
            text += String(decoding: chunk[..<count], as: UTF8.self)
        }
        return text
    }

    func readOutput() -> String { String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
    func readErrors() -> String { String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }
}

enum ServeFailure: Error {
    case noPort(errors: String)
}

/// A fresh temporary folder path (not created).
func temporaryPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("saturn-mock-cli-\(UUID().uuidString)-\(name)").path
}

/// A minimal blocking request, enough to see that the server answers.
func httpRequest(_ method: String = "GET", port: Int, path: String, token: String? = nil, body: Data? = nil) throws -> (status: Int, body: String) {
    var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
    request.httpMethod = method
    request.httpBody = body
    if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var result: (Int, String) = (0, "")
    URLSession.shared.dataTask(with: request) { data, response, _ in
        result = ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data ?? Data(), as: UTF8.self))
        done.signal()
    }.resume()
    done.wait()
    return result
}
