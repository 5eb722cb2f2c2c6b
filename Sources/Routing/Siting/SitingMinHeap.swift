/// A binary min-heap of (key, value) pairs for Dijkstra: push and pop in O(log n).
struct SitingMinHeap {
    private var items: [(key: Int, value: Int)] = []

    var isEmpty: Bool { items.isEmpty }

    mutating func push(key: Int, value: Int) {
        items.append((key, value))
        var child = items.count - 1
        let item = items[child]
        while child > 0 {
            let parent = (child - 1) / 2
            guard item.key < items[parent].key else { break }
            items[child] = items[parent]
            child = parent
        }
        items[child] = item
    }

    mutating func pop() -> (key: Int, value: Int)? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        guard !items.isEmpty else { return top }
        var parent = 0
        let count = items.count
        while true {
            let left = 2 * parent + 1
            guard left < count else { break }
            var smallest = left
            if left + 1 < count, items[left + 1].key < items[left].key { smallest = left + 1 }
            guard items[smallest].key < last.key else { break }
            items[parent] = items[smallest]
            parent = smallest
        }
        items[parent] = last
        return top
    }
}
