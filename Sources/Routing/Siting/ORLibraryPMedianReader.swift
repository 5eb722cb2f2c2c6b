import Foundation

/// Reads OR-Library p-median files (`pmed1.txt` … `pmed40.txt`, Beasley 1985/1990): the first
/// line is `n edges p`, then `edges` lines `i j cost` of an undirected graph on nodes 1…n.
///
/// When a pair of nodes appears more than once the **last** line counts, as in Beasley's own
/// code (with first or minimum costs the published optima are not reproduced). Every node is a
/// demand point of weight 1 and a candidate site; distances are shortest paths. Reading is
/// O(size of file) plus the shortest paths of ``SitingProblem/init(nodeCount:roads:p:weights:)``.
public struct ORLibraryPMedianReader: Sendable {
    /// The file's header and edges, before shortest paths are computed.
    public struct Graph: Sendable, Equatable {
        public var nodeCount: Int
        public var p: Int
        /// Roads with 0-based node indices, in file order.
        public var roads: [SitingProblem.Road]
    }

    /// Edge costs above this are rejected, so that weighted path lengths cannot overflow.
    public static let largestEdgeCost = 1_000_000_000_000

    public init() {}

    /// Reads and validates a file and builds the problem; `p` overrides the file's p when given.
    public func read(contentsOf url: URL, p: Int? = nil) throws -> SitingProblem {
        let name = url.lastPathComponent
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw SitingFormatError(
                file: name, line: 0, field: "file", message: "cannot be read (\(error.localizedDescription))")
        }
        return try problem(from: graph(from: String(decoding: data, as: UTF8.self), file: name), file: name, p: p)
    }

    /// Builds the problem from a parsed graph; errors of the data name the file.
    public func problem(from graph: Graph, file: String, p: Int? = nil) throws(SitingFormatError) -> SitingProblem {
        do {
            return try SitingProblem(nodeCount: graph.nodeCount, roads: graph.roads, p: p ?? graph.p)
        } catch let error {
            switch error {
            case .stationCount:
                throw SitingFormatError(file: file, line: p == nil ? 1 : 0, field: "p", message: error.description)
            case let .unreachable(from, to):
                throw SitingFormatError(
                    file: file, line: 0, field: "edges",
                    message: "graph is not connected: node \(to + 1) cannot be reached from node \(from + 1)")
            default:
                throw SitingFormatError(file: file, line: 0, field: "data", message: error.description)
            }
        }
    }

    /// Parses the text of a file: header, then exactly `edges` edge lines (blank lines ignored).
    public func graph(from text: String, file: String) throws(SitingFormatError) -> Graph {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .enumerated().lazy
            .map {
                (
                    number: $0.offset + 1,
                    fields: $0.element.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
                )
            }
            .filter { !$0.fields.isEmpty }
            .makeIterator()
        func integer(_ fields: [Substring], _ index: Int, _ field: String, line: Int) throws(SitingFormatError) -> Int {
            guard index < fields.count else {
                throw SitingFormatError(file: file, line: line, field: field, message: "missing")
            }
            guard let value = Int(fields[index]) else {
                throw SitingFormatError(
                    file: file, line: line, field: field, message: "'\(fields[index])' is not an integer")
            }
            return value
        }
        guard let header = lines.next() else {
            throw SitingFormatError(file: file, line: 1, field: "n", message: "file is empty")
        }
        let headerFields = Array(header.fields)
        let n = try integer(headerFields, 0, "n", line: header.number)
        let edgeCount = try integer(headerFields, 1, "edges", line: header.number)
        let p = try integer(headerFields, 2, "p", line: header.number)
        guard headerFields.count == 3 else {
            throw SitingFormatError(
                file: file, line: header.number, field: "header",
                message: "expected 'n edges p', found \(headerFields.count) fields")
        }
        guard n > 0 else {
            throw SitingFormatError(file: file, line: header.number, field: "n", message: "must be positive, got \(n)")
        }
        guard edgeCount >= 0 else {
            throw SitingFormatError(
                file: file, line: header.number, field: "edges", message: "must not be negative, got \(edgeCount)")
        }
        guard (1...n).contains(p) else {
            throw SitingFormatError(
                file: file, line: header.number, field: "p", message: "must be between 1 and n = \(n), got \(p)")
        }
        var roads: [SitingProblem.Road] = []
        roads.reserveCapacity(edgeCount)
        var lastLine = header.number
        for _ in 0..<edgeCount {
            guard let line = lines.next() else {
                throw SitingFormatError(
                    file: file, line: lastLine + 1, field: "edges",
                    message: "expected \(edgeCount) edges, file ends after \(roads.count)")
            }
            lastLine = line.number
            let fields = Array(line.fields)
            let i = try integer(fields, 0, "edge from", line: line.number)
            let j = try integer(fields, 1, "edge to", line: line.number)
            let cost = try integer(fields, 2, "edge cost", line: line.number)
            guard fields.count == 3 else {
                throw SitingFormatError(
                    file: file, line: line.number, field: "edge",
                    message: "expected 'i j cost', found \(fields.count) fields")
            }
            guard (1...n).contains(i) else {
                throw SitingFormatError(
                    file: file, line: line.number, field: "edge from", message: "node \(i) is not in 1…\(n)")
            }
            guard (1...n).contains(j) else {
                throw SitingFormatError(
                    file: file, line: line.number, field: "edge to", message: "node \(j) is not in 1…\(n)")
            }
            guard cost >= 0 else {
                throw SitingFormatError(
                    file: file, line: line.number, field: "edge cost", message: "must not be negative, got \(cost)")
            }
            guard cost <= Self.largestEdgeCost else {
                throw SitingFormatError(
                    file: file, line: line.number, field: "edge cost",
                    message: "\(cost) is larger than \(Self.largestEdgeCost)")
            }
            roads.append(SitingProblem.Road(from: i - 1, to: j - 1, length: cost))
        }
        if let extra = lines.next() {
            throw SitingFormatError(
                file: file, line: extra.number, field: "edges",
                message: "more lines than the \(edgeCount) edges in the header")
        }
        return Graph(nodeCount: n, p: p, roads: roads)
    }
}
