import Dispatch
import SaturnDomain
import SaturnJSON
import Synchronization

/// The whole state as one readable JSON document, and the first journal generation to replay after it:
///
///     {"format": 3, "next_journal": 4,
///      "tenants": [{"name": "t1", "create": {"tokens": [...]}, "minted": [...], "entities": [...]}, ...],
///      "recipes": [
///     {"tenant": "t1", "type": "image", ...},      one recipe per line; no "tenant" for the default tenant's
///     ]}
///
/// Formats 1 (`"images"`) and 2 (`"recipes"`), of the default tenant only, are read too.
struct SnapshotFile {
    static let formatVersion = 3
    static let readableFormats = 1...3

    let nextJournal: Int
    let state: LoadedState

    /// Reads and checks a snapshot; nil when there is none.
    static func read(_ path: String) throws(StoreError) -> SnapshotFile? {
        guard let bytes = try DurableFile.read(path) else { return nil }
        var parser = JSONParser(bytes: bytes)
        var format: Int?
        var nextJournal: Int?
        var recipes: [String: LoadedRecipes] = [:]
        var tenants: [StoredTenant] = []
        do throws(JSONSyntaxError) {
            try parser.readObject { parser, key throws(JSONSyntaxError) in
                switch key {
                case "format":
                    format = try parser.readInteger()
                    // Another version's recipes may not read as this one's: stop here, the catch says why.
                    if let format, !readableFormats.contains(format) { throw parser.failure("unknown format version") }
                case "next_journal": nextJournal = try parser.readInteger()
                case "recipes", "images":
                    recipes = try readRecipes(bytes, at: parser.arrayElementOffsets())
                case "tenants":
                    try parser.readArray { parser throws(JSONSyntaxError) in tenants.append(try readTenant(&parser)) }
                default: try parser.skipValue()
                }
            }
            try parser.finish()
        } catch {
            if let format, !readableFormats.contains(format) {
                throw .unreadable(file: path, reason: "unknown format version \(format) (this build reads \(readableFormats.lowerBound) to \(readableFormats.upperBound))")
            }
            throw .unreadable(file: path, reason: format == nil ? "it is not a saturn-mock snapshot (\(error.reason))" : "it is damaged: \(error.reason)")
        }
        guard format != nil else { throw .unreadable(file: path, reason: "it is not a saturn-mock snapshot (no format version)") }
        guard let nextJournal, nextJournal >= 1 else { throw .unreadable(file: path, reason: "it is damaged: next_journal is missing") }
        var state = LoadedState()
        for tenant in tenants {
            var loaded = LoadedTenant(record: tenant.record)
            loaded.minted = tenant.minted
            loaded.entities = EntityStore(tenant.entities)
            state.load(loaded, named: tenant.name)
        }
        for (name, tenantRecipes) in recipes {
            guard var loaded = state.tenants[name] else {
                throw .unreadable(file: path, reason: "it is damaged: recipes name the tenant '\(name)', which it does not list")
            }
            loaded.recipes = tenantRecipes
            state.load(loaded, named: name)
        }
        return SnapshotFile(nextJournal: nextJournal, state: state)
    }

    /// A tenant's part of the snapshot beside its recipes.
    private struct StoredTenant {
        let name: String
        let record: TenantRecord?
        let minted: [MintedToken]
        let entities: [Entity]
    }

    private static func readTenant(_ parser: inout JSONParser) throws(JSONSyntaxError) -> StoredTenant {
        var name: String?
        var record: TenantRecord?
        var minted: [MintedToken] = []
        var entities: [Entity] = []
        try parser.readObject { parser, key throws(JSONSyntaxError) in
            switch key {
            case "name": name = try parser.readString()
            case "create": record = try TenantRecord.readStored(named: "", from: &parser)
            case "minted":
                try parser.readArray { parser throws(JSONSyntaxError) in minted.append(try MintedToken.readStored(from: &parser)) }
            case "entities":
                try parser.readArray { parser throws(JSONSyntaxError) in entities.append(try Entity.readStored(from: &parser)) }
            default: try parser.skipValue()
            }
        }
        guard let name else { throw parser.failure("a tenant has no name") }
        return StoredTenant(name: name, record: record.map { TenantRecord(name: name, tokens: $0.tokens) }, minted: minted, entities: entities)
    }

    /// Reads the recipes that start at `offsets`, by tenant (the default tenant's name none), in halves on two
    /// threads: at start with a large store, reading the snapshot is most of the wait.
    private static func readRecipes(_ bytes: [UInt8], at offsets: [Int]) throws(JSONSyntaxError) -> [String: LoadedRecipes] {
        let parts = offsets.count < 1_000 ? 1 : 2
        let size = (offsets.count + parts - 1) / max(parts, 1)
        let results = Mutex<[Int: Result<[String: LoadedRecipes], JSONSyntaxError>]>([:])
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let range = (part * size)..<min(offsets.count, (part + 1) * size)
            // Most stores hold the default tenant only: room for all of the part's recipes there.
            var recipes = [TenantRegistry.defaultTenant: LoadedRecipes(capacity: range.count)]
            let outcome: Result<[String: LoadedRecipes], JSONSyntaxError>
            do throws(JSONSyntaxError) {
                for index in range {
                    var parser = JSONParser(bytes: bytes, offset: offsets[index])
                    let (tenant, recipe) = try Recipe.readStored(from: &parser)
                    recipes[tenant ?? TenantRegistry.defaultTenant, default: LoadedRecipes()].upsert(recipe)
                }
                outcome = .success(recipes.filter { !$0.value.isEmpty })
            } catch {
                outcome = .failure(error)
            }
            results.withLock { $0[part] = outcome }
        }
        var recipes: [String: LoadedRecipes] = [:]
        for part in 0..<parts {
            guard let outcome = results.withLock({ $0[part] }) else { continue }
            for (tenant, loaded) in try outcome.get() { recipes[tenant, default: LoadedRecipes()].append(loaded) }
        }
        return recipes
    }

    /// Writes the snapshot durably, replacing any previous one. Tenants and recipes go in name and key order, so
    /// the same state is always the same text.
    func write(to path: String) throws(StoreError) {
        let names = state.tenants.keys.sorted()
        var head = JSONOutput()
        head.array(names.compactMap { name in state.tenants[name].map { (name, $0) } }) { json, entry in
            json.object { json in
                json.key("name")
                json.string(entry.0)
                if let record = entry.1.record {
                    json.key("create")
                    record.writeStored(to: &json)
                }
                json.key("minted")
                json.array(entry.1.minted) { json, token in token.writeStored(to: &json) }
                if entry.1.entities.count > 0 {
                    json.key("entities")
                    json.array(entry.1.entities.sorted) { json, entity in entity.writeStored(to: &json) }
                }
            }
        }
        var bytes = Array("{\"format\": \(Self.formatVersion), \"next_journal\": \(nextJournal), \"tenants\": ".utf8)
        bytes += head.bytes
        bytes += Array(", \"recipes\": [\n".utf8)
        var first = true
        for name in names {
            let tenant = name == TenantRegistry.defaultTenant ? nil : name
            for recipe in state.tenants[name]?.recipes.sorted ?? [] {
                if !first { bytes += Array(",\n".utf8) }
                first = false
                var output = JSONOutput()
                recipe.writeStored(to: &output, tenant: tenant)
                bytes += output.bytes
            }
        }
        bytes += Array((first ? "" : "\n").utf8) + Array("]}\n".utf8)
        try DurableFile.replace(path, with: bytes)
    }
}
