import JishiKit
import Marketplace
import Vapor

/// `POST /api/v1/webhooks/sandbox`: the sandbox payment provider's signed callbacks.
///
/// Outside the generated API because the signature covers the raw body bytes, which the
/// generated handlers never see. The body is `{"id": "evt_…", "type": "payment.captured" |
/// "payment.failed", "paymentReference": "sbx_…"}`, signed as ``WebhookSignature`` says
/// with the configured sandbox secret. An event is applied once; a replay answers `200`
/// with `"outcome": "duplicate"` and changes nothing.
enum SandboxWebhook {
    static let path: [PathComponent] = ["api", "v1", "webhooks", "sandbox"]

    struct Event: Decodable {
        var id: String
        var type: String
        var paymentReference: String
    }

    struct Answer: Content {
        var outcome: String
    }

    static func register(on app: Application) {
        app.on(.POST, path, body: .collect(maxSize: "64kb")) { request async throws -> Answer in
            let config = request.jishi.config.payments
            let body = request.body.data.map { Data(buffer: $0) } ?? Data()
            do {
                try WebhookSignature.verify(
                    request.headers.first(name: WebhookSignature.header), body: body,
                    secret: config.sandboxWebhookSecret, now: request.jishi.dependencies.now(),
                    tolerance: config.webhookTolerance)
            } catch {
                request.logger.warning("Refused a sandbox webhook: signature \(error)")
                throw Problem(
                    type: .unauthenticated,
                    detail: "The \(WebhookSignature.header) header is missing, malformed, too old or wrong.")
            }
            let event: Event
            do {
                event = try JSONDecoder().decode(Event.self, from: body)
            } catch {
                throw Problem(type: .invalidJSON, detail: "Send {\"id\", \"type\", \"paymentReference\"}.")
            }
            guard (1...100).contains(event.id.count), TextRule.forbiddenScalar(in: event.id) == nil else {
                throw Problem.validation("id", "An event id of 1 to 100 characters.")
            }
            guard let kind = PaymentService.WebhookKind(rawValue: event.type) else {
                throw Problem.validation(
                    "type", "Use \(PaymentService.WebhookKind.allCases.map(\.rawValue).joined(separator: " or ")).")
            }
            let outcome = try await request.jishi.payments.receiveWebhook(
                provider: "sandbox", eventID: event.id, kind: kind, paymentReference: event.paymentReference,
                on: request.db)
            return Answer(outcome: outcome.rawValue)
        }
    }
}
