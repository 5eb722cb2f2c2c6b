import FluentKit
import Persistence

/// This module's migrations, in the order they must run. Never edit a shipped one; add a new one.
public enum CommunityMigrations {
    public static let all: [any Migration] = [
        CreateGeography(),
        CreateAccounts(),
        CreateJobs(),
        AddLookupIndexes(),
        CreateLoginThrottle(),
        AddPhoneSignIn(),
        CreateOutbox(),
        AddPlaceCodes(),
    ]
}
