import Metrics
import Prometheus

/// The app's metrics registry, exported in Prometheus text format at `/metrics`.
///
/// Each app owns its registry (tests run many apps in one process), fed through swift-metrics
/// with an explicit factory. The global MetricsSystem is left alone on purpose: Vapor would
/// then report the same metric names with other labels into it.
public struct AppMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    public let factory: PrometheusMetricsFactory

    public init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
            .milliseconds(2500), .seconds(5),
        ]
        self.factory = factory
    }

    func recordRequest(method: String, route: String, status: UInt, nanoseconds: Int64) {
        let dimensions = [("method", method), ("route", route), ("status", String(status))]
        Counter(label: "http_requests_total", dimensions: dimensions, factory: factory).increment()
        Timer(
            label: "http_request_duration_seconds", dimensions: [("method", method), ("route", route)], factory: factory
        )
        .recordNanoseconds(nanoseconds)
    }

    public func text() -> String { registry.emitToString() }
}
