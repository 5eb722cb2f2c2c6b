import Foundation
import JishiKit

/// The figures as CSV: a header row, then one row per village per day, money in whole fen.
public enum FiguresCSV {
    public static let header =
        "date,town_code,village_code,village_name,parcels_in,parcels_out,cost_minor,cost_per_parcel_minor,"
        + "first_attempt_delivered,delivered,dwell_hours_median"

    /// The report as CSV text (UTF-8, CRLF line ends as RFC 4180 says).
    public static func csv(_ report: LogisticsFigures.Report) -> String {
        var lines = [header]
        for row in report.rows {
            lines.append(
                [
                    row.date, row.townCode, row.villageCode, field(row.villageName), String(row.parcelsIn),
                    String(row.parcelsOut), String(row.costMinor), row.costPerParcelMinor.map(String.init) ?? "",
                    String(row.firstAttemptDelivered), String(row.delivered),
                    row.dwellHoursMedian.map { String(format: "%.1f", $0) } ?? "",
                ].joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A text field, as `CSVFile.cell` writes it.
    static func field(_ text: String) -> String { CSVFile.cell(text) }
}
