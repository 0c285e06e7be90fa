/// A list that keeps its first `limit` elements and its latest `limit`, counting them all, so that
/// memory stays bounded whatever the input size.
public struct FirstAndLatest<Element: Sendable>: Sendable {
    public let limit: Int
    public private(set) var first: [Element] = []
    /// The latest elements after the first `limit`, oldest first once read through `latest`.
    private var ring: [Element] = []
    private var ringStart = 0
    /// Every element ever appended.
    public private(set) var count = 0

    public init(limit: Int) {
        self.limit = max(1, limit)
    }

    public mutating func append(_ element: Element) {
        count += 1
        if first.count < limit { first.append(element); return }
        if ring.count < limit { ring.append(element); return }
        ring[ringStart] = element
        ringStart = (ringStart + 1) % limit
    }

    /// The elements after the first `limit` that are still kept, oldest first.
    public var latest: [Element] { Array(ring[ringStart...] + ring[..<ringStart]) }

    /// Every kept element in order; `count − kept.count` were dropped between the two parts.
    public var kept: [Element] { first + latest }

    /// The last element appended.
    public var last: Element? { ring.isEmpty ? first.last : ring[(ringStart + ring.count - 1) % ring.count] }
}
