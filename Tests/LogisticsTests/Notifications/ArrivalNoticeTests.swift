import Community
import DomainTesting
import FluentKit
import Foundation
import JishiKit
import Logistics
import Persistence
import Testing

/// An inbound parcel reaching its station or pickup point: its recipient is told once, by text
/// message (the outbox) and in the app, however often the job runs; a failed send is retried.
@Suite("Logistics: telling a parcel's recipient it has arrived")
struct ArrivalNoticeTests {
    static let manifest = """
        carrier,tracking_number,direction,village_code,weight_grams,due_date,recipient_name,recipient_phone,cod_minor
        zto,ZT7300000001,inbound,371799101201,1200,2026-12-03,王秀英,138 0000 1234,
        yto,YT8800000002,inbound,371799101204,300,2026-12-03,刘大姐,,4500
        ems,1100000000003,outbound,371799200201,5000,2026-12-03,桃园农家,139 0000 5678,
        """

    /// A sender that fails its first `failures` sends, then writes to the outbox.
    actor FlakySender: MessageSender {
        var failures: Int
        let outbox: OutboxSender

        init(failures: Int, dependencies: Dependencies) {
            self.failures = failures
            self.outbox = OutboxSender(dependencies: dependencies)
        }

        func send(_ message: OutgoingMessage, on database: any Database) async throws {
            if failures > 0 {
                failures -= 1
                throw JobError(message: "the gateway is down")
            }
            try await outbox.send(message, on: database)
        }
    }

    /// Registers the manifest and brings the parcel `number` to the hub and on to its
    /// destination; returns the parcel.
    static func deliverToStation(_ number: String, county: TestCounty, parcels: ParcelService) async throws
        -> Parcel
    {
        let parcel = try #require(
            try await Parcel.query(on: county.db).filter(\.$trackingNumber == number).first())
        let id = try parcel.requireID()
        try await parcels.handOver(
            id, from: .carrier, to: .node(parcel.$origin.id), by: nil, at: parcel.$origin.id, on: county.db)
        #expect(try await Job.query(on: county.db).count() == 0, "the hub is not where a recipient collects")
        try await parcels.handOver(
            id, from: .node(parcel.$origin.id), to: .node(parcel.$destination.id), by: nil,
            at: parcel.$destination.id, on: county.db)
        return parcel
    }

    @Test(arguments: TestStore.available)
    func anArrivalAtAStationIsToldOnceBySMSAndInTheApp(store: TestStore) async throws {
        let clock = TestClock()
        try await withTestNetwork(on: store, dependencies: clock.dependencies) { county in
            _ = try await ParcelImport(dependencies: county.dependencies).run(Data(Self.manifest.utf8), on: county.db)
            // The recipient signs in with the parcel's phone.
            let account = Account(
                id: UUID(), username: "wangxiuying", passwordHash: "-", displayName: "王秀英", preferredLanguage: .zhHans,
                phone: PhoneNumber(parsing: "13800001234"))
            try await account.create(on: county.db)
            let parcels = ParcelService(dependencies: county.dependencies)
            let parcel = try await Self.deliverToStation("ZT7300000001", county: county, parcels: parcels)

            let jobs = try await Job.query(on: county.db).all()
            #expect(jobs.map(\.kind) == [ParcelNotifier.arrivedJob])
            let notifier = ParcelNotifier(
                sender: OutboxSender(dependencies: county.dependencies), dependencies: county.dependencies)
            let queue = notifier.register(on: JobQueue(dependencies: county.dependencies, workerID: "test"))
            #expect(try await queue.runDue(on: county.db) == 1)
            // Run again (a retry, a worker taking over): nothing more is sent.
            try await notifier.notifyArrival(payload: jobs[0].payload, on: county.db)
            #expect(try await queue.runDue(on: county.db) == 0)

            let sent = try await OutboxMessage.query(on: county.db).all()
            #expect(sent.count == 1)
            #expect(sent.first?.recipient == "13800001234" && sent.first?.purpose == ParcelNotifier.purpose)
            #expect(sent.first?.body.hasPrefix("您的包裹 ZT7300000001（中通快递）已到") == true, "\(sent.first?.body ?? "")")
            #expect(sent.first?.body.contains("营业时间 ") == true)
            let inApp = try await ParcelNotifier.notifications(of: try account.requireID(), on: county.db)
            #expect(inApp.count == 1 && inApp.first?.body == sent.first?.body)
            #expect(inApp.first?.link == "/track?carrier=zto&number=ZT7300000001")
            #expect(try await ParcelNotice.query(on: county.db).count() == 1)

            // Handed on to the recipient and back to the station as a return: no new notice.
            try await parcels.handOver(
                parcel.requireID(), from: .node(parcel.$destination.id), to: .recipient, kind: .delivered, by: nil,
                at: parcel.$destination.id, on: county.db)
            try await parcels.handOver(
                parcel.requireID(), from: .recipient, to: .node(parcel.$destination.id), kind: .returned, by: nil,
                at: parcel.$destination.id, on: county.db)
            #expect(try await Job.query(on: county.db).count() == 1)
        }
    }

    @Test(arguments: TestStore.available)
    func aFailedSendIsRetriedAndSentOnce(store: TestStore) async throws {
        let clock = TestClock()
        try await withTestNetwork(on: store, dependencies: clock.dependencies) { county in
            _ = try await ParcelImport(dependencies: county.dependencies).run(Data(Self.manifest.utf8), on: county.db)
            _ = try await Self.deliverToStation(
                "ZT7300000001", county: county, parcels: ParcelService(dependencies: county.dependencies))
            let notifier = ParcelNotifier(
                sender: FlakySender(failures: 1, dependencies: county.dependencies), dependencies: county.dependencies)
            let queue = notifier.register(on: JobQueue(dependencies: county.dependencies, workerID: "test"))
            #expect(try await queue.runDue(on: county.db) == 1)
            let failed = try #require(try await Job.query(on: county.db).first())
            #expect(failed.status == .queued && failed.attempts == 1 && failed.lastError?.contains("gateway") == true)
            #expect(try await OutboxMessage.query(on: county.db).count() == 0)
            #expect(try await ParcelNotice.query(on: county.db).count() == 0, "the failed send wrote nothing")

            clock.advance(by: JobQueue.backoff(attempt: 1) + 1)
            #expect(try await queue.runDue(on: county.db) == 1)
            #expect(try await Job.query(on: county.db).first()?.status == .done)
            #expect(try await OutboxMessage.query(on: county.db).count() == 1)
            clock.advance(by: 3600)
            #expect(try await queue.runDue(on: county.db) == 0)
            #expect(try await OutboxMessage.query(on: county.db).count() == 1)
        }
    }

    @Test(arguments: TestStore.available)
    func noPhoneNoTextAndOutboundParcelsAreNotAnnounced(store: TestStore) async throws {
        try await withTestNetwork(on: store) { county in
            _ = try await ParcelImport().run(Data(Self.manifest.utf8), on: county.db)
            let parcels = ParcelService()
            // 刘集村's parcel has no phone: it reaches the grocery pickup point, nobody gets a text.
            let grocery = try await Self.deliverToStation("YT8800000002", county: county, parcels: parcels)
            let notifier = ParcelNotifier(sender: OutboxSender())
            let queue = notifier.register(on: JobQueue(dependencies: .live, workerID: "test"))
            #expect(try await queue.runDue(on: county.db) == 1)
            #expect(try await OutboxMessage.query(on: county.db).count() == 0)
            #expect(try await AccountNotification.query(on: county.db).count() == 0)
            let notice = try #require(try await ParcelNotice.query(on: county.db).first())
            #expect(notice.smsTo == nil && notice.accountID == nil && notice.$parcel.id == grocery.id)

            // An outbound parcel handed to the hub at its station: nobody to tell.
            let outbound = try #require(
                try await Parcel.query(on: county.db).filter(\.$trackingNumber == "1100000000003").first())
            try await parcels.handOver(
                outbound.requireID(), from: .node(outbound.$origin.id), to: .node(outbound.$destination.id), by: nil,
                at: outbound.$destination.id, on: county.db)
            #expect(try await Job.query(on: county.db).count() == 1)
        }
    }
}
