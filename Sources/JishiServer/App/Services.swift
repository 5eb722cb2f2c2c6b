import Community
import FluentKit
import Insights
import JishiKit
import Logistics
import Marketplace
import Persistence
import Stations
import Vapor

/// The domain services one running app uses, built once from its configuration.
public struct JishiServices: Sendable {
    public var config: JishiConfig
    public var dependencies: Dependencies
    public var accounts: AccountService
    public var tokens: TokenService
    public var geography: GeographyService
    public var loginThrottle: LoginThrottle
    /// Sign-in codes for mobile numbers, sent through `messages`.
    public var phoneSignIn: PhoneSignIn
    /// Where messages to people's phones go: the outbox.
    public var messages: any MessageSender
    public var metrics: AppMetrics
    public var marketplace: MarketplaceContext
    public var stationsContext: StationsContext
    /// The job queue with every module's handlers.
    public var jobs: JobQueue
    /// Where product photos are kept.
    public var photos: PhotoStore
    /// This process's live chat clients.
    let chatHub = ChatHub()
    /// The day plans this process is computing, for the dispatch page.
    let planning = PlanningBoard()
    /// The requests this process is answering, which stopping waits for.
    public let requestsInFlight = RequestsInFlight()
    /// What the large request bodies arriving at once may hold in memory.
    let bodyMemory: BodyMemory

    public init(config: JishiConfig, dependencies: Dependencies) {
        self.config = config
        self.dependencies = dependencies
        self.bodyMemory = BodyMemory(capacity: config.http.uploadMemoryBytes)
        self.accounts = AccountService(hasher: BcryptHasher(cost: config.auth.bcryptCost), dependencies: dependencies)
        self.accounts.stations = StationDirectory()
        let prepared: (any PreparedStatementRunner)? =
            config.store.kind == "postgres" && config.preparedStatements ? PostgresPreparedStatements() : nil
        self.tokens = TokenService(
            lifetime: config.auth.tokenLifetime, dependencies: dependencies, prepared: prepared)
        self.geography = GeographyService()
        self.metrics = AppMetrics()
        let queue = JobQueue(
            dependencies: dependencies, workerID: "\(ProcessInfo.processInfo.hostName):\(getpid()):\(UUID())")
        var marketplace = MarketplaceContext(
            dependencies: dependencies, transactions: TransactionRunner(serialized: config.store.kind == "sqlite"),
            jobs: queue)
        marketplace.chatMessagesPerMinute = config.chat.messagesPerMinute
        marketplace.prepared = prepared
        marketplace.network = OrderParcels(dependencies: dependencies)
        marketplace.cashDesk = StationCashDesk(dependencies: dependencies)
        marketplace.saleObserver = ConsignmentSales(dependencies: dependencies)
        marketplace.listingObserver = DesignWatch(queue: queue)
        self.marketplace = marketplace
        self.stationsContext = StationsContext(dependencies: dependencies, transactions: marketplace.transactions)
        self.loginThrottle = config.auth.loginThrottle
        self.loginThrottle.transactions = marketplace.transactions
        let messages = OutboxSender(dependencies: dependencies)
        self.jobs = ParcelNotifier(sender: messages, dependencies: dependencies, transactions: marketplace.transactions)
            .register(on: MarketplaceJobs.register(on: queue, context: marketplace))
        let photos = PhotoStore(
            directory: URL(fileURLWithPath: config.media.photoDirectory, isDirectory: true),
            maximumBytes: config.media.maxPhotoBytes)
        self.photos = photos
        let insights = InsightsContext(dependencies: dependencies, transactions: marketplace.transactions)
        self.jobs = SimulationJobs.register(
            on: InsightsJobs.register(
                on: CatalogImportQueue.register(on: jobs, context: marketplace, store: photos), context: insights,
                photos: photos),
            context: insights)
        self.messages = messages
        var codes = PhoneCodes(sender: messages, dependencies: dependencies)
        codes.transactions = marketplace.transactions
        self.phoneSignIn = PhoneSignIn(accounts: accounts, codes: codes)
    }
}

extension JishiServices {
    public var shops: ShopService { ShopService(context: marketplace) }
    public var catalog: CatalogService { CatalogService(context: marketplace) }
    public var checkouts: CheckoutService { CheckoutService(context: marketplace) }
    public var orders: OrderService { OrderService(context: marketplace) }
    public var payments: PaymentService { PaymentService(context: marketplace) }
    public var cart: CartService { CartService(context: marketplace) }
    public var refunds: RefundService { RefundService(context: marketplace) }
    public var statements: StatementService { StatementService() }
    public var reviews: ReviewService { ReviewService(context: marketplace) }
    public var chat: ChatService { ChatService(context: marketplace) }
    public var sourcing: SourcingService { SourcingService(context: marketplace) }
    public var supply: SupplyService { SupplyService(context: marketplace) }
    public var network: NetworkService { NetworkService(dependencies: dependencies) }
    public var parcels: ParcelService {
        ParcelService(dependencies: dependencies, transactions: marketplace.transactions)
    }
    public var dispatch: DispatchService {
        DispatchService(dependencies: dependencies, transactions: marketplace.transactions)
    }
    public var courier: CourierService {
        CourierService(dependencies: dependencies, transactions: marketplace.transactions)
    }
    public var bookings: BookingService {
        BookingService(dependencies: dependencies, transactions: marketplace.transactions)
    }
    public var stations: StationDirectory { StationDirectory() }
    public var villagers: VillagerService { VillagerService(context: stationsContext) }
    public var cash: CashService { CashService(context: stationsContext) }
    public var counter: CounterService { CounterService(context: stationsContext) }
    public var commissions: CommissionService { CommissionService(context: stationsContext) }
    public var serviceDesk: ServiceDesk { ServiceDesk(context: stationsContext) }
    public var training: TrainingService { TrainingService(context: stationsContext) }
    public var counterReturns: CounterReturns {
        CounterReturns(context: stationsContext, marketplace: marketplace)
    }
    public var consignments: ConsignmentService {
        ConsignmentService(context: stationsContext, marketplace: marketplace)
    }
    public var insightsContext: InsightsContext {
        InsightsContext(dependencies: dependencies, transactions: marketplace.transactions)
    }
    public var recognition: RecognitionService { RecognitionService(context: insightsContext) }
    public var registry: ShopRegistry { ShopRegistry(context: insightsContext) }
    public var designs: DesignRegistry { DesignRegistry(context: insightsContext, photos: photos) }
    public var assistedOrders: AssistedOrderService {
        AssistedOrderService(context: stationsContext, marketplace: marketplace)
    }

    /// Hands a stored message to its live readers: through PostgreSQL `NOTIFY` to every
    /// process sharing the database, or straight to this process's hub on SQLite.
    func publish(_ message: ChatMessage, on database: any Database) async throws {
        if case .postgres(_, let searchPath) = config.store {
            try await PostgresChatRelay.notify(
                message, channel: PostgresChatRelay.channel(searchPath: searchPath), on: database)
        } else {
            guard let conversation = try await Conversation.find(message.$conversation.id, on: database) else { return }
            await chatHub.deliver(try ChatEvent(message), to: try await chat.recipients(of: conversation, on: database))
        }
    }
}

/// Vapor's Bcrypt behind the domain's hashing protocol, on the blocking-work thread pool so a
/// burst of logins never stalls the event loops.
struct BcryptHasher: PasswordHashing {
    let cost: Int

    func hash(_ password: String) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { [cost] in try Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, created hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { try Bcrypt.verify(password, created: hash) }
    }
}

extension Application {
    private struct ServicesKey: StorageKey { typealias Value = JishiServices }

    /// The app's services; set by `configure`.
    public var jishi: JishiServices {
        get {
            guard let services = storage[ServicesKey.self] else { fatalError("configure(app, config) has not run") }
            return services
        }
        set { storage[ServicesKey.self] = newValue }
    }
}

extension Request {
    public var jishi: JishiServices { application.jishi }
}
