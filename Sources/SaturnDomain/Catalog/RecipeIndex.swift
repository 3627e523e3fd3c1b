/// Recipes found by one of their fields: an open-addressing table of boxes with linear probing, at most half full.
/// Several recipes may share the field's value (a name); their keys tell them apart, and a recipe's key is in the
/// table once.
///
/// Not a `Dictionary`: a dictionary's bucket holds the whole key beside the value, and a quarter to two thirds of the
/// buckets are empty. With 100,000 recipes, three dictionaries of keys took about 45 MB more than these, 2 MB each.
/// A value like the dictionaries were: the slots are an array, copied on write.
struct RecipeIndex<Field: RecipeField>: Sendable {
    private var slots: [RecipeBox?] = []
    private(set) var count = 0

    /// An empty index.
    init() {}

    /// An empty index with room for `capacity` recipes; none is allocated for none (a new tenant's).
    init(capacity: Int) {
        if capacity > 0 { slots = Array(repeating: nil, count: Self.slotCount(for: capacity)) }
    }

    /// An index of recipes whose keys are all different, built without comparing them.
    init(distinct boxes: [RecipeBox]) {
        self.init(capacity: boxes.count)
        for box in boxes { place(box) }
        count = boxes.count
    }

    private static func slotCount(for capacity: Int) -> Int {
        var slotCount = 8
        while slotCount < capacity * 2 { slotCount *= 2 }
        return slotCount
    }

    private var mask: Int { slots.count - 1 }

    private func home(of value: Field.Value) -> Int { value.hashValue & mask }

    private func home(of recipe: Recipe) -> Int { Field.hash(of: recipe) & mask }

    /// The first recipe whose field has this value.
    subscript(value: Field.Value) -> Recipe? {
        guard !slots.isEmpty else { return nil }
        var slot = home(of: value)
        while let box = slots[slot] {
            if Field.recipe(box.recipe, has: value) { return box.recipe }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Every recipe whose field has this value, in no particular order.
    func all(_ value: Field.Value) -> [Recipe] {
        guard !slots.isEmpty else { return [] }
        var found: [Recipe] = []
        var slot = home(of: value)
        while let box = slots[slot] {
            if Field.recipe(box.recipe, has: value) { found.append(box.recipe) }
            slot = (slot + 1) & mask
        }
        return found
    }

    /// Every recipe, in no particular order.
    var values: some Sequence<Recipe> { slots.lazy.compactMap { $0?.recipe } }

    /// Adds a recipe's box, or replaces the box of the same key; returns the recipe it replaced. The replaced
    /// recipe must have had the same field value; `remove` it first otherwise.
    @discardableResult
    mutating func put(_ box: RecipeBox) -> Recipe? {
        if (count + 1) * 2 > slots.count { grow() }
        let key = box.recipe.key
        var slot = home(of: box.recipe)
        while let present = slots[slot] {
            if present.recipe.has(key) {
                slots[slot] = box
                return present.recipe
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = box
        count += 1
        return nil
    }

    /// Removes the recipe with this recipe's key (found by this recipe's field value); returns it.
    @discardableResult
    mutating func remove(_ recipe: Recipe) -> Recipe? {
        guard !slots.isEmpty else { return nil }
        let key = recipe.key
        var slot = home(of: recipe)
        while let present = slots[slot] {
            if present.recipe.has(key) {
                slots[slot] = nil
                count -= 1
                closeGap(at: slot)
                return present.recipe
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Moves the boxes after a freed slot back into it where their home allows, so that a look-up can still stop at
    /// the first empty slot (deletion without tombstones).
    private mutating func closeGap(at freed: Int) {
        var gap = freed
        var slot = (gap + 1) & mask
        while let box = slots[slot] {
            let home = home(of: box.recipe)
            // The box may fill the gap when the gap lies on its probe path: between its home and its slot.
            if (slot - home) & mask >= (slot - gap) & mask {
                slots[gap] = box
                slots[slot] = nil
                gap = slot
            }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: nil, count: Swift.max(8, old.count * 2))
        for box in old.lazy.compactMap({ $0 }) { place(box) }
    }

    /// Puts a box in the first free slot from its home: for a box whose key is not in the index.
    private mutating func place(_ box: RecipeBox) {
        var slot = home(of: box.recipe)
        while slots[slot] != nil { slot = (slot + 1) & mask }
        slots[slot] = box
    }
}
