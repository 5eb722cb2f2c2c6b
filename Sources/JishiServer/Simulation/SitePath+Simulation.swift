import Foundation

extension SitePath {
    /// Policy scenarios for officials: the form (a village or town of their scope, the levers,
    /// the horizon, the runs and the seed), the saved runs and the comparison form; POST runs one.
    static let simulation = SitePath("/insights/simulation", page: true)
    /// A saved run: its curves against the baseline, the levers' effect and the Taobao villages;
    /// its progress while it waits for the worker (`?village=` picks a village of a town's run).
    static let simulationRun = SitePath("/insights/simulation/runs/:run", page: true)
    /// A saved run's scenario, baseline and difference as one CSV file.
    static let simulationRunCSV = SitePath("/insights/simulation/runs/:run/csv", page: false)
    /// Two saved runs side by side (`?a=&b=`).
    static let simulationCompare = SitePath("/insights/simulation/compare", page: true)

    /// This feature's paths, for `SitePath.allCases`.
    static let simulationPaths: [SitePath] = [.simulation, .simulationRun, .simulationRunCSV, .simulationCompare]
}
