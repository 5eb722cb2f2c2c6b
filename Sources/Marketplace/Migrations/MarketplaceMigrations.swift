import FluentKit

/// This module's migrations, in order. Never edit a shipped one; add a new one.
public enum MarketplaceMigrations {
    public static let all: [any Migration] = [
        CreateShops(),
        CreateCatalog(),
        CreateOrders(),
        CreateSearchTerms(),
        CreateCartItems(),
        CreateShopEventsAndProductMedia(),
        CreateWebhookEvents(),
        CreateReviews(),
        CreateChat(),
        AddOrderIndexes(),
        CreateSourcing(),
        CreateReviewPhotos(),
        AddLineVariantNames(),
        AddOrderShipments(),
        CreateSearchDemand(),
        AddProductHolds(),
        MoveSearchToFullText(),
        AddProductShopIndex(),
        AddOrderMonthColumns(),
        CreateCatalogImports(),
        AddSearchRank(),
        AddSearchRankIndexRUM(),
        AddSearchInStock(),
        AddSearchFacetCounts(),
        AddSearchFacetSample(),
        AddSearchSales(),
        MoveSearchRankIndexToTitles(),
    ]
}
