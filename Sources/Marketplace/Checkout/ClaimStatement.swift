import Community
import FluentKit
import Foundation
import JishiKit
import Persistence
import SQLKit

/// Claims checkout `$2` for payment `$1` if it is buyer `$3`'s, paid by method `$4`, open at
/// `$5` and claimed by no other payment, and records the payment; counts the checkout's
/// orders and those in status `$6`.
enum ClaimStatement: PreparedStatement {
    static let paymentColumns = """
        "id", "checkout_id", "idempotency_key", "provider", "amount_minor", "status", "provider_reference", \
        "created_at"
        """
    static let sql = """
        WITH "claim" AS (UPDATE "checkouts" SET "paid_by_payment_id" = $1::uuid WHERE "id" = $2::uuid \
        AND "buyer_id" = $3::uuid AND "payment_method" = $4::text AND "expires_at" > $5::timestamptz \
        AND "paid_by_payment_id" IS NULL RETURNING "total_minor", \
        (SELECT COUNT(*) FROM "orders" WHERE "orders"."checkout_id" = "checkouts"."id") AS "orders", \
        (SELECT COUNT(*) FROM "orders" WHERE "orders"."checkout_id" = "checkouts"."id" \
        AND "orders"."status" = $6::text) AS "awaiting"), \
        "payment" AS (INSERT INTO "payments" (\(paymentColumns)) SELECT $1::uuid, $2::uuid, $7::text, $8::text, \
        "total_minor", $9::text, NULL, $5::timestamptz FROM "claim") \
        SELECT "total_minor", "orders", "awaiting" FROM "claim"
        """
}
