import Foundation
import JishiKit
import Vapor

/// Every web page's path, declared once: routes are registered from it and links are made
/// from it, so a path never appears as a string anywhere else. Each feature declares its own
/// paths in `SitePath+Feature.swift` beside its pages.
///
/// A segment written `:name` is a parameter; every parameter is an id (a UUID), so a link is
/// made with `path(_:)` and a request's value is read with `Request.pageID(_:)`.
struct SitePath: Hashable, Sendable {
    /// The pattern, as in `/shops/:shop/orders`.
    let rawValue: String
    /// Whether a browser may be sent back to it after a form (never an action, never elsewhere).
    let isPage: Bool

    init(_ rawValue: String, page: Bool) {
        self.rawValue = rawValue
        self.isPage = page
    }

    static func == (lhs: SitePath, rhs: SitePath) -> Bool { lhs.rawValue == rhs.rawValue }
    func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// Every path of every feature.
    static let allCases: [SitePath] =
        homePaths + accountsPaths + searchPaths + catalogPaths + cartPaths + checkoutPaths + ordersPaths + shopsPaths
        + catalogImportPaths + statementsPaths + sourcingPaths + reviewsPaths + chatPaths + phoneSignInPaths
        + messagesPaths
        + governancePaths + trackingPaths + networkPaths + dispatchPaths + courierPaths + labelsPaths
        + notificationsPaths + bookingsPaths + figuresPaths + stationsPaths
        + insightsPaths + designPaths + simulationPaths
    /// The path as a link target (for paths without parameters).
    var path: String { rawValue }

    /// The path with its parameters filled in, in order.
    func path(_ ids: UUID...) -> String {
        var remaining = ids[...]
        let segments = rawValue.split(separator: "/").map { segment -> String in
            guard segment.hasPrefix(":") else { return String(segment) }
            precondition(!remaining.isEmpty, "\(rawValue) needs more ids")
            return remaining.removeFirst().uuidString.lowercased()
        }
        precondition(remaining.isEmpty, "\(rawValue) takes fewer ids")
        return "/" + segments.joined(separator: "/")
    }

    /// The path as Vapor route components.
    var components: [PathComponent] {
        rawValue.split(separator: "/").map { PathComponent(stringLiteral: String($0)) }
    }

    /// Whether `path` (without a query) is this pattern with ids in its parameters.
    func matches(_ path: Substring) -> Bool {
        let pattern = rawValue.split(separator: "/")
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        if pattern.isEmpty { return path == "/" }
        guard path.hasPrefix("/"), parts.count == pattern.count else { return false }
        return zip(pattern, parts).allSatisfy { expected, part in
            expected.hasPrefix(":") ? UUID(uuidString: String(part)) != nil : expected == part
        }
    }

    /// The page at `path`, when `path` is exactly one of ours and a page. Used to check a
    /// `next` field before redirecting to it, so a form can never send anyone off-site.
    static func page(at path: String?) -> SitePath? {
        guard let path else { return nil }
        return allCases.first { $0.isPage && $0.matches(Substring(path)) }
    }

    /// `path` when it is one of our pages, with a query made only of harmless characters;
    /// `nil` otherwise. What a `next` field may redirect to.
    static func pagePath(_ path: String?) -> String? {
        guard let path, path.utf8.count <= 1_000 else { return nil }
        let parts = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        guard page(at: String(parts[0])) != nil else { return nil }
        if parts.count == 2, !parts[1].unicodeScalars.allSatisfy(isQueryScalar) { return nil }
        return path
    }

    /// The log-in page, asked to come back to `next` afterwards.
    static func logIn(returningTo next: String) -> String {
        logIn.path + "?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
    }

    private static func isQueryScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", ".", "_", "~", "%", "=", "&", "+", "[", "]": true
        default: false
        }
    }
}

extension Request {
    /// The id in the path parameter `name`; a `404` when it is not one.
    func pageID(_ name: String) throws -> UUID {
        guard let value = parameters.get(name), let id = UUID(uuidString: value) else {
            throw Problem.notFound("The page")
        }
        return id
    }
}
