// Module Routing: vehicle routing and station siting solvers (pure Swift).
//
// Vehicle routing: `ProblemData` (immutable, validated) describes a CVRP, a VRP with
// simultaneous pickup and delivery, a VRPTW or a mix with a heterogeneous fleet;
// `Solver` runs an iterated local search over it (see `Solver.swift`) and returns a
// `Solution`; `FeasibilityChecker` recomputes any solution's cost and feasibility from
// scratch. Readers for CVRPLIB/TSPLIB, Solomon and LKH-3 VRPSPD files live in `IO/`.
//
// Station siting: `SitingProblem` and `MaximalCoveringProblem` in `Siting/`, solved by
// `PMedianSolver` and `MaximalCoveringSolver`.
//
// Shared by both, in `Common/`: `StoppingCriterion` (when a search stops), `SolverProgress`
// (what a progress callback is told) and `Xoshiro256` (the one seeded generator).
