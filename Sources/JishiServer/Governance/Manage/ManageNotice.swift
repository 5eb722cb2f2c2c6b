import JishiKit
import Vapor

/// What the staff pages say after one of their forms did its work (`?done=…`); their own, so
/// that the shared `Notice` list stays the buyers' and sellers'.
enum ManageNotice: String, CaseIterable, Sendable {
    case hidden, restored, suspended, reinstated, granted, revoked, rate, category

    var l10nKey: L10nKey {
        switch self {
        case .hidden: .manageDoneHidden
        case .restored: .manageDoneRestored
        case .suspended: .manageDoneSuspended
        case .reinstated: .manageDoneReinstated
        case .granted: .manageDoneGranted
        case .revoked: .manageDoneRevoked
        case .rate: .manageDoneRate
        case .category: .manageDoneCategory
        }
    }

    /// `path` with this notice in its query.
    func on(_ path: String) -> String { path + (path.contains("?") ? "&" : "?") + "done=" + rawValue }
}

extension Vapor.Request {
    /// The `?done=` a staff form left for the page it came back to.
    var manageNotice: ManageNotice? {
        (try? query.get(String.self, at: "done")).flatMap(ManageNotice.init(rawValue:))
    }
}
