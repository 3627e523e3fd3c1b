import FoundationEssentials
import Testing
@testable import SaturnDomain

@Suite("Recipe index")
struct RecipeIndexTests {
    func recipe(name: Int, owner: Int, id: Int, description: String = "") -> Recipe {
        let spec = ImageSpec(description: description, hardwareType: .cpu, supports: nil, access: .owner, versions: [])
        return Recipe(id: RecordID("id-\(id)"), owner: OwnerPath(org: "org", identity: "user\(owner)"), name: "image-\(name)",
                      spec: .image(spec), createdAt: Recipe.unrecordedCreation)
    }

    @Test("puts, replacements and removals in any order agree with a dictionary, by key, by id and by a shared name")
    func agreesWithDictionary() {
        var random = SplitMix(seed: 12)
        var byKey = RecipeIndex<KeyField>()
        var byID = RecipeIndex<IDField>()
        var byName = RecipeIndex<NameField>()
        var reference: [RecipeKey: Recipe] = [:]
        // Few names and many owners: long runs of recipes that share a name, which removals must keep findable.
        for step in 0..<20_000 {
            let candidate = recipe(name: Int(random.next() % 30), owner: Int(random.next() % 40), id: step)
            if random.next() % 3 == 0, let present = reference[candidate.key] {
                byKey.remove(present)
                byID.remove(present)
                byName.remove(present)
                reference[candidate.key] = nil
            } else {
                let box = RecipeBox(candidate)
                if let previous = byKey.put(box) { byID.remove(previous) }
                byID.put(box)
                byName.put(box)
                reference[candidate.key] = candidate
            }
        }
        #expect(byKey.count == reference.count)
        #expect(byID.count == reference.count)
        #expect(byName.count == reference.count)
        for (key, stored) in reference {
            #expect(byKey[key] == stored)
            #expect(byID[stored.id] == stored)
        }
        for name in 0..<30 {
            let expected = reference.values.filter { $0.name == "image-\(name)" }.map(\.key).sorted()
            #expect(byName.all("image-\(name)").map(\.key).sorted() == expected)
        }
        #expect(byID[RecordID("id-absent")] == nil)
        #expect(Set(byKey.values.map(\.key)) == Set(reference.keys))
    }

    @Test("a copy keeps what it held when the original changes")
    func valueSemantics() {
        var index = RecipeIndex<KeyField>(capacity: 2)
        let first = recipe(name: 1, owner: 1, id: 1)
        index.put(RecipeBox(first))
        let copy = index
        index.put(RecipeBox(recipe(name: 1, owner: 1, id: 1, description: "changed")))
        index.put(RecipeBox(recipe(name: 2, owner: 1, id: 2)))
        #expect(copy[first.key] == first)
        #expect(copy.count == 1)
        #expect(index[first.key]?.spec != first.spec)
        #expect(index.count == 2)
    }
}
