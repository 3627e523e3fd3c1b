extension Array {
    /// Sorted stably, cheaply when most of the array already is: sorts only what follows the longest sorted prefix,
    /// then merges, taking the prefix's element first between equals.
    func sortedMostlySorted(by areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
        var prefixEnd = 1
        while prefixEnd < count, !areInIncreasingOrder(self[prefixEnd], self[prefixEnd - 1]) { prefixEnd += 1 }
        guard prefixEnd < count else { return self }
        let tail = self[prefixEnd...].sorted(by: areInIncreasingOrder)
        var merged: [Element] = []
        merged.reserveCapacity(count)
        var left = 0
        var right = 0
        while left < prefixEnd && right < tail.count {
            if areInIncreasingOrder(tail[right], self[left]) {
                merged.append(tail[right])
                right += 1
            } else {
                merged.append(self[left])
                left += 1
            }
        }
        merged += self[left..<prefixEnd]
        merged += tail[right...]
        return merged
    }
}
