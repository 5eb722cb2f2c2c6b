import Vapor

extension WebRoutes {
    /// The officials' policy scenarios.
    static func simulation(_ routes: PageRoutes) {
        routes.get(.simulation, SimulationPage.show)
        routes.post(.simulation, SimulationPage.run)
        routes.get(.simulationRun, SimulationRunPage.show)
        routes.get(.simulationRunCSV, SimulationRunPage.csv)
        routes.get(.simulationCompare, SimulationComparePage.show)
    }
}
