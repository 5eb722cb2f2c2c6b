import FluentKit
import Foundation
import JishiKit

/// Tracking numbers Jishi gives the parcels it registers itself (a shipped order, a booked
/// collection): `JS`, the day (YYMMDD) and eight random digits, unique for their carrier.
/// Random rather than counted so that knowing one number does not lead to the next (public
/// tracking also asks for the phone's last digits).
public enum TrackingNumbers {
    /// `count` fresh numbers for `carrierID`, none of them already used by that carrier.
    public static func issue(
        _ count: Int, carrierID: UUID, dependencies: Dependencies, on database: any Database
    ) async throws -> [String] {
        let day = PageDate.string(dependencies.now()).replacingOccurrences(of: "-", with: "").dropFirst(2)
        var issued: [String] = []
        var taken = Set<String>()
        while issued.count < count {
            var batch: [String] = []
            while batch.count < count - issued.count {
                let bytes = dependencies.randomBytes(8)
                let digits = bytes.map { String($0 % 10) }.joined()
                let number = "JS" + day + digits
                if !taken.contains(number) {
                    taken.insert(number)
                    batch.append(number)
                }
            }
            let used = Set(
                try await Parcel.query(on: database).filter(\.$carrier.$id == carrierID)
                    .filter(\.$trackingNumber ~~ batch).all().map(\.trackingNumber))
            issued += batch.filter { !used.contains($0) }
        }
        return issued
    }
}
