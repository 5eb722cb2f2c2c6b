import Community
import FluentKit
import Foundation
import JishiKit
import Persistence
import SQLKit

/// A checkout with its orders, lines, events and expiry job, and its stock taken, all or
/// nothing in one statement: the variants are locked in id order first (so concurrent carts
/// never deadlock; `FOR NO KEY UPDATE`, as an `UPDATE` of them would, so foreign-key checks
/// against them do not wait), and only when every one has its quantity is stock taken and are the rows
/// inserted (from arrays). Answers the variants that were short, none when it placed.
enum PlaceStatement: PreparedStatement {
    static let sql = """
        WITH "wanted" AS (SELECT * FROM unnest($38::uuid[], $39::bigint[]) AS w("id", "quantity")), \
        "locked" AS MATERIALIZED (SELECT "id", "stock" FROM "variants" WHERE "id" = ANY($38::uuid[]) \
        ORDER BY "id" FOR NO KEY UPDATE), \
        "enough" AS MATERIALIZED (SELECT COUNT(*) = cardinality($38::uuid[]) AS "ok" FROM "locked" l \
        JOIN "wanted" w ON w."id" = l."id" WHERE l."stock" >= w."quantity"), \
        "taken" AS (UPDATE "variants" v SET "stock" = v."stock" - w."quantity" FROM "wanted" w, "enough" e \
        WHERE e."ok" AND v."id" = w."id" AND v."stock" >= w."quantity"), \
        "checkout" AS (INSERT INTO "checkouts" ("id", "buyer_id", "idempotency_key", "request_digest", \
        "total_minor", "payment_method", "created_at", "expires_at") SELECT $1::uuid, $2::uuid, $3::text, \
        $4::text, $5::bigint, $6::text, $7::timestamptz, $8::timestamptz FROM "enough" WHERE "ok"), \
        "placed" AS (INSERT INTO "orders" ("id", "checkout_id", "shop_id", "buyer_id", "status", "total_minor", \
        "refund_reserved_minor", "delivery_name", "delivery_phone", "delivery_village_id", "delivery_address", \
        "created_at", "updated_at") SELECT o."id", $1::uuid, o."shop_id", $2::uuid, $12::text, o."total", 0, \
        $13::text, $14::text, $15::uuid, $16::text, $7::timestamptz, $7::timestamptz \
        FROM unnest($9::uuid[], $10::uuid[], $11::bigint[]) AS o("id", "shop_id", "total"), "enough" \
        WHERE "ok"), \
        "lines" AS (INSERT INTO "order_lines" ("id", "order_id", "variant_id", "title", "sku", \
        "unit_price_minor", "quantity", "commission_bps", "variant_name", "order_created_at") SELECT l."id", \
        l."order_id", l."variant_id", l."title", l."sku", l."price", l."quantity", l."bps", l."variant_name", \
        $7::timestamptz \
        FROM unnest($17::uuid[], $18::uuid[], $19::uuid[], $20::text[], $21::text[], $22::bigint[], $23::bigint[], \
        $24::bigint[], $40::text[]) \
        AS l("id", "order_id", "variant_id", "title", "sku", "price", "quantity", "bps", "variant_name"), "enough" \
        WHERE "ok"), \
        "events" AS (INSERT INTO "order_events" ("id", "order_id", "from_status", "to_status", "actor_id", \
        "reason", "at") SELECT e."id", e."order_id", $27::text, $28::text, $29::uuid, $30::text, $7::timestamptz \
        FROM unnest($25::uuid[], $26::uuid[]) AS e("id", "order_id"), "enough" WHERE "ok"), \
        "job" AS (INSERT INTO "jobs" ("id", "kind", "payload", "status", "run_at", "attempts", "max_attempts", \
        "created_at") SELECT $31::uuid, $32::text, $33::text, $34::text, $35::timestamptz, 0, $36::bigint, \
        $37::timestamptz FROM "enough" WHERE "ok") \
        SELECT w."id" FROM "wanted" w LEFT JOIN "locked" l ON l."id" = w."id" \
        WHERE l."id" IS NULL OR l."stock" < w."quantity"
        """
}
