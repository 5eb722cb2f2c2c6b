import Community
import FluentKit
import Foundation
import JishiKit
import Persistence
import SQLKit

/// The variants `$1` with what a sale needs from their product, shop and category, and whether
/// the village `$2` exists.
enum OffersStatement: PreparedStatement {
    static let columns = """
        v."id", v."sku", v."name" AS "variant_name", v."price_minor", v."source_variant_id", p."title", p."shop_id", p."listed", \
        s."status" AS "shop_status", c."commission_bps"
        """
    static let tables = """
        "variants" v JOIN "products" p ON p."id" = v."product_id" JOIN "shops" s ON s."id" = p."shop_id" \
        JOIN "categories" c ON c."id" = p."category_id"
        """
    static let sql = """
        SELECT \(columns), (SELECT COUNT(*) FROM "villages" WHERE "villages"."id" = $2::uuid) AS "villages" \
        FROM \(tables) WHERE v."id" = ANY($1::uuid[])
        """
}
