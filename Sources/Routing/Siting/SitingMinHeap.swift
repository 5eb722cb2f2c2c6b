/// A binary min-heap of (key, value) pairs for Dijkstra: push and pop in O(log n).
struct SitingMinHeap {
    private var keys: [Int] = []
    private var values: [Int] = []

    var isEmpty: Bool { keys.isEmpty }

    mutating func push(key: Int, value: Int) {
        keys.append(key)
        values.append(value)
        var child = keys.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard keys[child] < keys[parent] else { break }
            keys.swapAt(child, parent)
            values.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> (key: Int, value: Int)? {
        guard let top = keys.first else { return nil }
        let topValue = values[0]
        let lastKey = keys.removeLast()
        let lastValue = values.removeLast()
        if !keys.isEmpty {
            keys[0] = lastKey
            values[0] = lastValue
            var parent = 0
            while true {
                let left = 2 * parent + 1
                guard left < keys.count else { break }
                var smallest = left
                if left + 1 < keys.count, keys[left + 1] < keys[left] { smallest = left + 1 }
                guard keys[smallest] < keys[parent] else { break }
                keys.swapAt(smallest, parent)
                values.swapAt(smallest, parent)
                parent = smallest
            }
        }
        return (top, topValue)
    }
}
