import Community
import FluentKit
import Foundation
import JishiKit
import Persistence
import SQLKit

/// Settles payment `$3`, moves checkout `$6`'s orders from `$7` to `$4` with an event each
/// (ids from `$8`), and their drop-ship supply orders too (event ids from `$11`); and adds the
/// units of the orders moved to their products' sales (`SearchIndex.salesTable`), as
/// `SearchIndex.recordSales(ofOrders:on:)` does on the other stores, one round trip fewer per
/// payment.
///
/// - The orders' lines are read once (`bought`), from the orders moved by id and month, so that
///   PostgreSQL probes one partition's index per order: asked which lines' orders were among
///   those moved, it could plan a scan of every line of the month, twice.
/// - The products' search rows are locked first, in product order (`locked`), as `recordSales`
///   and the stock trigger lock them, and before their sales rows, as every writer does: the
///   update alone locked rows in whatever order its plan met them, and two payments of carts
///   sharing two products deadlocked (`40P01`, answered 500; `bench/checkout`, 3-line carts).
///   A lock writes no new version of the search row, so none of its index entries.
/// - Each order row also carries `stepped`: the products whose sales took them to another
///   popularity step, which the caller re-indexes so that their `rank_key` follows (as
///   `recordSales` does).
enum CaptureStatement: PreparedStatement {
    static let sql = """
        WITH "payment" AS (UPDATE "payments" SET "status" = $1::text, "provider_reference" = $2::text \
        WHERE "id" = $3::uuid), \
        "moved" AS (UPDATE "orders" SET "status" = $4::text, "updated_at" = $5::timestamptz \
        WHERE "checkout_id" = $6::uuid AND "status" = $7::text RETURNING \(CheckoutStore.orderColumns)), \
        "events" AS (INSERT INTO "order_events" ("id", "order_id", "from_status", "to_status", "actor_id", \
        "reason", "at") SELECT ($8::uuid[])[n."i"], n."id", $7::text, $4::text, $9::uuid, $10::text, \
        $5::timestamptz FROM (SELECT "id", CAST(row_number() OVER (ORDER BY "id") AS integer) AS "i" \
        FROM "moved") n), \
        "supplied" AS (UPDATE "supply_orders" SET "status" = $4::text, "updated_at" = $5::timestamptz \
        WHERE "retail_order_id" IN (SELECT "id" FROM "moved") AND "status" = $7::text RETURNING "id"), \
        "supply_events" AS (INSERT INTO "supply_order_events" ("id", "supply_order_id", "from_status", \
        "to_status", "actor_id", "reason", "at") SELECT ($11::uuid[])[n."i"], n."id", $7::text, $4::text, \
        $9::uuid, $12::text, $5::timestamptz FROM (SELECT "id", CAST(row_number() OVER (ORDER BY "id") \
        AS integer) AS "i" FROM "supplied") n), \
        "bought" AS MATERIALIZED (SELECT v."product_id", SUM(ol."quantity") AS "units" FROM "moved" m \
        JOIN "order_lines" ol ON ol."order_id" = m."id" AND ol."order_created_at" = m."created_at" \
        JOIN "variants" v ON v."id" = ol."variant_id" GROUP BY v."product_id"), \
        "locked" AS (SELECT "product_id" FROM "\(SearchIndex.table)" \
        WHERE "product_id" IN (SELECT "product_id" FROM "bought") ORDER BY "product_id" FOR UPDATE), \
        "sold" AS (UPDATE "\(SearchIndex.salesTable)" ss SET "sold" = ss."sold" + b."units" \
        FROM "bought" b, "\(SearchIndex.table)" d WHERE b."product_id" = ss."product_id" \
        AND d."product_id" = ss."product_id" AND ss."product_id" IN (SELECT "product_id" FROM "locked") \
        RETURNING ss."product_id", d."rank_key" / \(SearchIndex.rankStep) <> \
        \(SearchIndex.popularitySQL(sold: "ss.\"sold\"", rated: "d.\"rated\"")) AS "stepped") \
        SELECT \(CheckoutStore.orderColumns), \
        ARRAY(SELECT "product_id" FROM "sold" WHERE "stepped" ORDER BY "product_id") AS "stepped" FROM "moved"
        """
}
