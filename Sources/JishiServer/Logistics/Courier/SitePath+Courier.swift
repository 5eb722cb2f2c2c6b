import Foundation

extension SitePath {
    /// The signed-in courier's published runs of a day (`?date=`), with every step of them.
    static let courier = SitePath("/courier", page: true)
    static let courierLoad = SitePath("/courier/runs/:run/load", page: false)
    static let courierUnload = SitePath("/courier/runs/:run/unload", page: false)
    static let courierScan = SitePath("/courier/stops/:stop/scan", page: false)
    static let courierDoor = SitePath("/courier/stops/:stop/door", page: false)
    static let courierDone = SitePath("/courier/stops/:stop/done", page: false)
    static let courierFail = SitePath("/courier/stops/:stop/fail", page: false)

    /// This feature's paths, for `SitePath.allCases`.
    static let courierPaths: [SitePath] = [
        .courier, .courierLoad, .courierUnload, .courierScan, .courierDoor, .courierDone, .courierFail,
    ]
}
