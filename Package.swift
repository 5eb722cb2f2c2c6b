// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Jishi",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "jishi", targets: ["jishi"]),
        .library(name: "Routing", targets: ["Routing"]),
        .library(name: "Simulation", targets: ["Simulation"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor", from: "4.122.0"),
        .package(url: "https://github.com/vapor/fluent", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit", from: "1.57.0"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver", from: "2.14.0"),
        .package(url: "https://github.com/apple/swift-openapi-generator", from: "1.14.0"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/vapor/swift-openapi-vapor", from: "1.2.0"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // Shared primitives: money, ids, geography maths, problems, localisation.
        .target(name: "JishiKit", dependencies: [.product(name: "CSV", package: "CSV.swift")]),
        // How the domain keeps its data: transactions, prepared statements, guarded transitions,
        // the job queue. Every domain module stands on it.
        .target(
            name: "Persistence",
            dependencies: [
                "JishiKit",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ]
        ),
        // County → town → village → household, accounts, roles and scopes.
        .target(
            name: "Community",
            dependencies: [
                "JishiKit", "Persistence",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Shops, catalog and stock, checkout, orders and payments; a catalogue import's photos
        // come in a ZIP.
        .target(
            name: "Marketplace",
            dependencies: [
                "Community", "JishiKit", "Persistence",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Pure solvers: vehicle routing and station siting. Standard library and Foundation only.
        .target(name: "Routing"),
        // AliResearch's Taobao village, town and cluster decisions: standard library only, so
        // Insights (recorded figures) and Simulation (modelled ones) judge by one rule.
        .target(name: "TaobaoRules"),
        // The growth model of villages for policy scenarios: households as agents, ensembles of
        // seeded runs, calibration. Pure and deterministic: no I/O, standard library only.
        .target(name: "Simulation", dependencies: ["TaobaoRules"], exclude: ["MODEL.md"]),
        // The simulation's calibration search and sensitivity analysis (bench/simulation/calibrate).
        .executableTarget(name: "SimulationLab", dependencies: ["Simulation"], path: "bench/simulation/Lab"),
        // The system's libjpeg-turbo (its TurboJPEG API) and libpng (its simplified API): both
        // report errors by return value, so Swift calls them directly. `scripts/test` installs
        // the Debian packages when they are missing.
        .systemLibrary(
            name: "CImageCodecs", pkgConfig: "libturbojpeg",
            providers: [.apt(["libturbojpeg0-dev", "libpng-dev"])]),
        // Photos decoded to pixels and their perceptual hashes, for the design registry's copy
        // detection.
        .target(name: "Imaging", dependencies: ["CImageCodecs"]),
        // The county's shared two-way parcel network: carriers, nodes, parcels and their
        // custody, the day's dispatch on the routing engine.
        .target(
            name: "Logistics",
            dependencies: [
                "Community", "Marketplace", "Routing", "JishiKit", "Persistence",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Village service stations: agents, villagers without accounts, assisted buying, the
        // cash drawer's ledger and its daily close.
        .target(
            name: "Stations",
            dependencies: [
                "Community", "Marketplace", "Logistics", "JishiKit", "Persistence",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // What the town and county governments see: the registries of shops on every platform,
        // Taobao-village recognition by AliResearch's rules, growth figures and station siting.
        .target(
            name: "Insights",
            dependencies: [
                "Community", "Marketplace", "Logistics", "Routing", "Imaging", "TaobaoRules", "JishiKit",
                "Persistence",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
            ]
        ),
        // The OpenAPI contract and the code generated from it.
        .target(
            name: "JishiAPI",
            dependencies: [.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")],
            resources: [.copy("openapi.yaml")],
            // The generated code has `public import`s that Swift 6.3 reports as unused; the
            // generator silences them only from Swift 6.4. Our own file here is tiny.
            swiftSettings: [.unsafeFlags(["-suppress-warnings"])],
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        // Composition root: configuration, HTTP API handlers, web pages, demo seed.
        .target(
            name: "JishiServer",
            dependencies: [
                "JishiKit", "Persistence", "Community", "Marketplace", "Logistics", "Stations", "Insights",
                "Simulation", "JishiAPI",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIVapor", package: "swift-openapi-vapor"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "jishi",
            dependencies: [
                "JishiServer", "JishiKit", "Community", "Marketplace", "Logistics", "Insights", "Routing", "Simulation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "JishiKitTests", dependencies: ["JishiKit"]),
        .testTarget(name: "PersistenceTests", dependencies: ["Persistence", "DomainTesting"]),
        .testTarget(name: "CommunityTests", dependencies: ["Community", "Persistence", "DomainTesting"]),
        .testTarget(
            name: "MarketplaceTests",
            dependencies: [
                "Marketplace", "Community", "Persistence", "DomainTesting",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .testTarget(
            name: "LogisticsTests",
            dependencies: ["Logistics", "Marketplace", "Community", "Persistence", "DomainTesting"]),
        .testTarget(
            name: "InsightsTests",
            dependencies: [
                "Insights", "Imaging", "Marketplace", "Logistics", "Community", "Persistence", "DomainTesting",
                "Simulation",
            ]),
        .testTarget(name: "ImagingTests", dependencies: ["Imaging"]),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation", "TaobaoRules"]),
        .testTarget(name: "RoutingTests", dependencies: ["Routing"], resources: [.copy("Fixtures")]),
        .testTarget(name: "JishiAPITests", dependencies: ["JishiAPI"]),
        .testTarget(
            name: "JishiServerTests",
            dependencies: [
                "JishiServerTesting", "DomainTesting", "Community", "Marketplace", "Logistics", "Stations",
                "Insights", "Persistence", "Simulation", "JishiAPI",
                // The authorisation matrix reads the contract.
                .product(name: "Yams", package: "Yams"),
                // The catalogue import page's ZIP of photos.
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .testTarget(
            name: "jishiTests",
            dependencies: [
                "jishi", "Community", "Marketplace", "Logistics", "Insights", "Simulation", "JishiServerTesting",
                "DomainTesting", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        // What a domain test needs and no more: a fresh migrated database without an app, a
        // clock moved by hand, a cheap password hasher.
        .target(
            name: "DomainTesting",
            dependencies: [
                "Persistence", "Community",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Tests/DomainTesting"
        ),
        // The one helper that owns an app's lifecycle in tests: fresh migrated database per test.
        .target(
            name: "JishiServerTesting",
            dependencies: [
                "JishiServer", "Community", "DomainTesting",
                .product(name: "VaporTesting", package: "vapor"),
            ],
            path: "Tests/JishiServerTesting"
        ),
    ]
)
