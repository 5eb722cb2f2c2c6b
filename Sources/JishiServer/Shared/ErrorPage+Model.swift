import JishiKit

/// What a browser sees when a request fails: the localised title of the problem, its status,
/// and a way home. The problem's `detail` is English for API clients and is not shown.
enum ErrorPage {
    struct Model: Equatable, Sendable {
        var status: Int
        var title: L10nKey
    }
}

extension ErrorPage.Model {
    init(problem: Problem) {
        status = problem.status
        title = ProblemType(uri: problem.type)?.titleKey ?? Self.fallbackTitle(status: problem.status)
    }

    private static func fallbackTitle(status: Int) -> L10nKey {
        switch status {
        case 404: .problemNotFound
        case 401: .problemUnauthenticated
        case 403: .problemForbidden
        case 400..<500: .problemValidation
        default: .problemInternalError
        }
    }
}
