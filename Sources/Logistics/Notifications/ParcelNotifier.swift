import Community
import FluentKit
import Foundation
import JishiKit
import Persistence

/// Tells an inbound parcel's recipient that it waits at their station or pickup point: a text
/// message through `MessageSender` (the outbox) to the parcel's phone, and a notice in the app
/// for the account that signs in with that phone, if there is one.
///
/// `ParcelService.handOver` queues the job (`arrivedJob`, payload `parcel id:custody version`)
/// in the transaction of the hand-over itself, so it exists exactly when the arrival does. The
/// job tells in one transaction that also writes a `ParcelNotice` unique per parcel and custody
/// version (the idempotency key): a job run twice tells once, a send that fails rolls back and
/// the job is retried.
public struct ParcelNotifier: Sendable {
    /// The job's kind.
    public static let arrivedJob = "logistics.parcel-arrived"
    /// The text message's and notice's purpose.
    public static let purpose = "parcel-arrived"

    public let sender: any MessageSender
    public let dependencies: Dependencies
    public var transactions: TransactionRunner

    public init(
        sender: any MessageSender, dependencies: Dependencies = .live,
        transactions: TransactionRunner = TransactionRunner(serialized: false)
    ) {
        self.sender = sender
        self.dependencies = dependencies
        self.transactions = transactions
    }

    /// The job's payload for a parcel's arrival at custody version `version`.
    public static func payload(parcelID: UUID, version: Int) -> String {
        parcelID.uuidString.lowercased() + ":" + String(version)
    }

    /// `queue` with the notifier's handler added.
    public func register(on queue: JobQueue) -> JobQueue {
        queue.handling(Self.arrivedJob) { payload, database in
            try await notifyArrival(payload: payload, on: database)
        }
    }

    /// Runs one arrival job: tells the recipient once, however often it runs.
    public func notifyArrival(payload: String, on database: any Database) async throws {
        let parts = payload.split(separator: ":")
        guard parts.count == 2, let parcelID = UUID(uuidString: String(parts[0])), let version = Int(parts[1]) else {
            throw JobError(message: "Bad parcel arrival \(payload).")
        }
        let now = dependencies.now()
        let noticeID = dependencies.uuid()
        let notificationID = dependencies.uuid()
        try await transactions.transaction(on: database) { db in
            let told = try await ParcelNotice.query(on: db).filter(\.$parcel.$id == parcelID)
                .filter(\.$custodyVersion == version).count()
            guard told == 0 else { return }
            guard let parcel = try await Parcel.find(parcelID, on: db),
                let event = try await ParcelEvent.query(on: db).filter(\.$parcel.$id == parcelID)
                    .filter(\.$sequence == version).first(),
                case .node(let nodeID)? = Holder(rawValue: event.toHolder),
                let node = try await NetworkNode.find(nodeID, on: db),
                let carrier = try await Carrier.find(parcel.$carrier.id, on: db)
            else { throw JobError(message: "No arrival \(payload).") }
            let phone = parcel.contactPhone.map(PhoneNumber.init(stored:))
            let account = try await phone.asyncFlatMap { phone in
                try await Account.query(on: db).filter(\.$phone == phone.digits).first()
            }
            if let phone {
                let text = Self.text(parcel: parcel, carrier: carrier, node: node, in: account?.language ?? .zhHans)
                try await sender.send(
                    OutgoingMessage(recipient: phone, body: text, purpose: Self.purpose), on: db)
            }
            if let account, let accountID = account.id {
                try await AccountNotification(
                    id: notificationID, accountID: accountID, kind: Self.purpose,
                    body: Self.text(parcel: parcel, carrier: carrier, node: node, in: account.language),
                    link: Self.trackingLink(carrier: carrier, parcel: parcel), createdAt: now
                ).create(on: db)
            }
            try await ParcelNotice(
                id: noticeID, parcelID: parcelID, custodyVersion: version, nodeID: nodeID, smsTo: phone?.digits,
                accountID: account?.id, createdAt: now
            ).create(on: db)
        }
    }

    /// "您的包裹 ZT7300000001（中通快递）已到刘集便民超市，营业时间 08:00–20:00。" or in English.
    public static func text(parcel: Parcel, carrier: Carrier, node: NetworkNode, in language: Language) -> String {
        switch language {
        case .en:
            "Your parcel \(parcel.trackingNumber) (\(carrier.nameEn)) is at \(node.name), open \(node.hours.text)."
                + (parcel.codMinor.map { " Cash on delivery: \(Money(minorUnits: $0, currency: .cny).formatted)." }
                    ?? "")
        case .zhHans:
            "您的包裹 \(parcel.trackingNumber)（\(carrier.name)）已到\(node.name)，营业时间 \(node.hours.text)。"
                + (parcel.codMinor.map { "到付 \(Money(minorUnits: $0, currency: .cny).formatted)。" } ?? "")
        }
    }

    /// The public tracking page with the carrier and number filled in.
    public static func trackingLink(carrier: Carrier, parcel: Parcel) -> String {
        var components = URLComponents()
        components.path = "/track"
        components.queryItems = [
            URLQueryItem(name: "carrier", value: carrier.code),
            URLQueryItem(name: "number", value: parcel.trackingNumber),
        ]
        return components.string ?? "/track"
    }

    /// An account's notifications, newest first (at most `limit`).
    public static func notifications(of accountID: UUID, limit: Int = 50, on database: any Database) async throws
        -> [AccountNotification]
    {
        try await AccountNotification.query(on: database).filter(\.$account.$id == accountID)
            .sort(\.$createdAt, .descending).sort(\.$id).limit(limit).all()
    }
}

extension Optional {
    fileprivate func asyncFlatMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
