extension StringProtocol {
    /// Without the spaces, tabs and line ends at either end.
    var trimmedOfSpace: SubSequence {
        // `\r\n` is one Character: white space, as are the others.
        let isSpace: (Character) -> Bool = \.isWhitespace
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return self[endIndex...] }
        return self[first...last]
    }
}
