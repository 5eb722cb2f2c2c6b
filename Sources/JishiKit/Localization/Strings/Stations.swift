extension L10nKey {
    public static let stationsTitle = L10nKey("stations.title")
    public static let stationsIntro = L10nKey("stations.intro")
    public static let stationsNone = L10nKey("stations.none")
    public static let stationsDrawerShort = L10nKey("stations.drawer-short")
    public static let stationsLastClose = L10nKey("stations.last-close")
    public static let stationsNoClose = L10nKey("stations.no-close")
    public static let stationHours = L10nKey("station.hours")
    public static let stationDrawer = L10nKey("station.drawer")
    public static let stationBalance = L10nKey("station.balance")
    public static let stationDeposit = L10nKey("station.deposit")
    public static let stationEntries = L10nKey("station.entries")
    public static let stationNoEntries = L10nKey("station.no-entries")
    public static let stationVillagers = L10nKey("station.villagers")
    public static let stationNoVillagers = L10nKey("station.no-villagers")
    public static let stationMasked = L10nKey("station.masked")
    public static let stationRegister = L10nKey("station.register")
    public static let stationVillagerName = L10nKey("station.villager-name")
    public static let stationVillagerPhone = L10nKey("station.villager-phone")
    public static let stationVillagerPhoneHint = L10nKey("station.villager-phone-hint")
    public static let stationVillagerID = L10nKey("station.villager-id")
    public static let stationVillagerIDHint = L10nKey("station.villager-id-hint")
    public static let stationConsent = L10nKey("station.consent")
    public static let stationRegistered = L10nKey("station.registered")
    public static let stationClose = L10nKey("station.close")
    public static let stationCloseHint = L10nKey("station.close-hint")
    public static let stationCounted = L10nKey("station.counted")
    public static let stationKept = L10nKey("station.kept")
    public static let stationKeptHint = L10nKey("station.kept-hint")
    public static let stationExplanation = L10nKey("station.explanation")
    public static let stationExplanationHint = L10nKey("station.explanation-hint")
    public static let stationCloseSubmit = L10nKey("station.close-submit")
    public static let stationClosed = L10nKey("station.closed")
    public static let stationCloses = L10nKey("station.closes")
    public static let stationNoCloses = L10nKey("station.no-closes")
    public static let stationCloseLine = L10nKey("station.close-line")
    public static let stationDifference = L10nKey("station.difference")
    public static let stationConfirmed = L10nKey("station.confirmed")
    public static let stationUnconfirmed = L10nKey("station.unconfirmed")
    public static let stationConfirm = L10nKey("station.confirm")
    public static let stationConfirmedNotice = L10nKey("station.confirmed-notice")
    public static let stationKindOrderCash = L10nKey("station.kind.order-cash")
    public static let stationKindCashRefund = L10nKey("station.kind.cash-refund")
    public static let stationKindCOD = L10nKey("station.kind.cod")
    public static let stationKindPayout = L10nKey("station.kind.payout")
    public static let stationKindServiceFee = L10nKey("station.kind.service-fee")
    public static let stationKindDeposit = L10nKey("station.kind.deposit")
    public static let stationKindRemittance = L10nKey("station.kind.remittance")
    public static let stationKindDifference = L10nKey("station.kind.difference")
    public static let stationKindReversal = L10nKey("station.kind.reversal")
    public static let stationParcels = L10nKey("station.parcels")
    public static let stationNoParcels = L10nKey("station.no-parcels")
    public static let stationOutbound = L10nKey("station.outbound")
    public static let stationProof = L10nKey("station.proof")
    public static let stationProofPhone = L10nKey("station.proof-phone")
    public static let stationProofID = L10nKey("station.proof-id")
    public static let stationDigits = L10nKey("station.digits")
    public static let stationSignature = L10nKey("station.signature")
    public static let stationSignatureHint = L10nKey("station.signature-hint")
    public static let stationCODTaken = L10nKey("station.cod-taken")
    public static let stationHandOut = L10nKey("station.hand-out")
    public static let stationHandedOut = L10nKey("station.handed-out")
    public static let navStation = L10nKey("layout.nav.station")
    public static let stationServices = L10nKey("station.services")
    public static let stationServiceSaved = L10nKey("station.service-saved")
    public static let stationServiceNew = L10nKey("station.service-new")
    public static let stationServiceKind = L10nKey("station.service-kind")
    public static let stationServiceUtilityBill = L10nKey("station.service.utility-bill")
    public static let stationServicePhoneTopUp = L10nKey("station.service.phone-top-up")
    public static let stationServiceTrainTicket = L10nKey("station.service.train-ticket")
    public static let stationServiceRegistration = L10nKey("station.service.registration")
    public static let stationServiceRemittance = L10nKey("station.service.remittance")
    public static let stationServiceVillager = L10nKey("station.service-villager")
    public static let stationServiceNobody = L10nKey("station.service-nobody")
    public static let stationServiceDetails = L10nKey("station.service-details")
    public static let stationServiceDetailsHint = L10nKey("station.service-details-hint")
    public static let stationServiceFee = L10nKey("station.service-fee")
    public static let stationServiceFeeHint = L10nKey("station.service-fee-hint")
    public static let stationServiceSubmit = L10nKey("station.service-submit")
    public static let stationServiceReceipt = L10nKey("station.service-receipt")
    public static let stationServiceDone = L10nKey("station.service-done")
    public static let stationServiceReason = L10nKey("station.service-reason")
    public static let stationServiceFail = L10nKey("station.service-fail")
    public static let stationNoServices = L10nKey("station.no-services")
    public static let stationServiceOpen = L10nKey("station.service-open")
    public static let stationServiceDoneTag = L10nKey("station.service-done-tag")
    public static let stationServiceFailedTag = L10nKey("station.service-failed-tag")
    public static let stationServiceLine = L10nKey("station.service-line")
    public static let stationTraining = L10nKey("station.training")
    public static let stationTrainingSaved = L10nKey("station.training-saved")
    public static let stationNoTraining = L10nKey("station.no-training")
    public static let stationTrainingLine = L10nKey("station.training-line")
    public static let stationTrainingAttended = L10nKey("station.training-attended")
    public static let stationTrainingCertificate = L10nKey("station.training-certificate")
    public static let stationTrainingAttendee = L10nKey("station.training-attendee")
    public static let stationTrainingAttend = L10nKey("station.training-attend")
    public static let stationTrainingNew = L10nKey("station.training-new")
    public static let stationTrainingCourse = L10nKey("station.training-course")
    public static let stationTrainingDay = L10nKey("station.training-day")
    public static let stationTrainingPlace = L10nKey("station.training-place")
    public static let stationTrainingTrainer = L10nKey("station.training-trainer")
    public static let stationTrainingSubmit = L10nKey("station.training-submit")
    public static let stationsTrainingTotals = L10nKey("stations.training-totals")
    public static let certificatesTitle = L10nKey("certificates.title")
    public static let certificatesIntro = L10nKey("certificates.intro")
    public static let certificatesCode = L10nKey("certificates.code")
    public static let certificatesCheck = L10nKey("certificates.check")
    public static let certificatesValid = L10nKey("certificates.valid")
    public static let certificatesDetail = L10nKey("certificates.detail")
    public static let certificatesNotFound = L10nKey("certificates.not-found")
    public static let stationShelf = L10nKey("station.shelf")
    public static let stationShelfTag = L10nKey("station.shelf-tag")
    public static let stationArrivalUnconfirmed = L10nKey("station.unconfirmed-arrival")
    public static let stationOverdue = L10nKey("station.overdue")
    public static let stationConfirmArrival = L10nKey("station.confirm-arrival")
    public static let stationMoveShelf = L10nKey("station.move-shelf")
    public static let stationArrived = L10nKey("station.arrived")
    public static let stationSendBack = L10nKey("station.send-back")
    public static let stationSentBack = L10nKey("station.sent-back")
    public static let assistedTitle = L10nKey("assisted.title")
    public static let assistedIntro = L10nKey("assisted.intro")
    public static let assistedVillager = L10nKey("assisted.villager")
    public static let assistedChooseVillager = L10nKey("assisted.choose-villager")
    public static let assistedSearch = L10nKey("assisted.search")
    public static let assistedFind = L10nKey("assisted.find")
    public static let assistedNothing = L10nKey("assisted.nothing")
    public static let assistedQuantity = L10nKey("assisted.quantity")
    public static let assistedBuy = L10nKey("assisted.buy")
    public static let assistedRecent = L10nKey("assisted.recent")
    public static let assistedNone = L10nKey("assisted.none")
    public static let assistedTakeCash = L10nKey("assisted.take-cash")
    public static let assistedPlaced = L10nKey("assisted.placed")
    public static let assistedPaid = L10nKey("assisted.paid")
    public static let stationAssistedLink = L10nKey("station.assisted-link")
    public static let stationsTerms = L10nKey("stations.terms")
    public static let stationsTermsRate = L10nKey("stations.terms-rate")
    public static let stationsTermsHint = L10nKey("stations.terms-hint")
    public static let stationsTermsSave = L10nKey("stations.terms-save")
    public static let stationsTermsSaved = L10nKey("stations.terms-saved")
    public static let stationOfflineQueued = L10nKey("station.offline-queued")
    public static let assistedTakeBack = L10nKey("assisted.take-back")
    public static let assistedReturnReason = L10nKey("assisted.return-reason")
    public static let assistedReturns = L10nKey("assisted.returns")
    public static let assistedReturnLine = L10nKey("assisted.return-line")
    public static let assistedReturnCash = L10nKey("assisted.return-cash")
    public static let assistedTakenBack = L10nKey("assisted.taken-back")
    public static let demandTitle = L10nKey("demand.title")
    public static let demandIntro = L10nKey("demand.intro")
    public static let demandUnmet = L10nKey("demand.unmet")
    public static let demandSearched = L10nKey("demand.searched")
    public static let demandTimes = L10nKey("demand.times")
    public static let demandNoSearches = L10nKey("demand.no-searches")
    public static let demandCategories = L10nKey("demand.categories")
    public static let demandCategoryLine = L10nKey("demand.category-line")
    public static let demandNoSales = L10nKey("demand.no-sales")
    public static let stationsCommissionShort = L10nKey("stations.commission-short")
    public static let stationCommission = L10nKey("station.commission")
    public static let stationCommissionTotal = L10nKey("station.commission-total")
    public static let stationCommissionRate = L10nKey("station.commission-rate")
    public static let stationNoCommission = L10nKey("station.no-commission")
    public static let stationCommissionEarned = L10nKey("station.commission-earned")
    public static let stationCommissionBack = L10nKey("station.commission-back")
    public static let stationCommissionConsigned = L10nKey("station.commission-consigned")
    public static let stationConsignLink = L10nKey("station.consign-link")
    public static let consignTitle = L10nKey("consign.title")
    public static let consignIntro = L10nKey("consign.intro")
    public static let consignAsk = L10nKey("consign.ask")
    public static let consignShow = L10nKey("consign.show")
    public static let consignOwed = L10nKey("consign.owed")
    public static let consignLineSale = L10nKey("consign.line-sale")
    public static let consignLineRefund = L10nKey("consign.line-refund")
    public static let consignLinePayout = L10nKey("consign.line-payout")
    public static let consignNoLines = L10nKey("consign.no-lines")
    public static let consignPayAmount = L10nKey("consign.pay-amount")
    public static let consignPay = L10nKey("consign.pay")
    public static let consignPaid = L10nKey("consign.paid")
    public static let consignNew = L10nKey("consign.new")
    public static let consignTitleField = L10nKey("consign.title-field")
    public static let consignDescription = L10nKey("consign.description")
    public static let consignCategory = L10nKey("consign.category")
    public static let consignPrice = L10nKey("consign.price")
    public static let consignStock = L10nKey("consign.stock")
    public static let consignShare = L10nKey("consign.share")
    public static let consignWitness = L10nKey("consign.witness")
    public static let consignAgreed = L10nKey("consign.agreed")
    public static let consignList = L10nKey("consign.list")
    public static let consignListed = L10nKey("consign.listed")
    public static let consignListings = L10nKey("consign.listings")
    public static let consignNone = L10nKey("consign.none")
    public static let consignListingLine = L10nKey("consign.listing-line")
}

extension Localization {
    /// A service station's counter: villagers, the cash drawer and the day's close.
    static let stations = Area(
        en: [
            .stationsTitle: "Service stations",
            .stationsIntro:
                "Each station's drawer and its last close. A close that counted more or less than the ledger says is marked.",
            .stationsNone: "No station here.",
            .stationsDrawerShort: "Drawer {0}",
            .stationsLastClose: "Last close {0}: {1}",
            .stationsNoClose: "Not closed yet",
            .stationHours: "Open {0}–{1}",
            .stationDrawer: "Cash drawer",
            .stationBalance: "In the drawer: {0}",
            .stationDeposit: "Guarantee deposit paid in: {0}",
            .stationEntries: "Latest movements",
            .stationNoEntries: "No movements yet.",
            .stationVillagers: "Villagers",
            .stationNoVillagers: "No villagers registered yet.",
            .stationMasked: "Names are masked: only the station's agents see them in full.",
            .stationRegister: "Register a villager",
            .stationVillagerName: "Name",
            .stationVillagerPhone: "Mobile number (if they have one)",
            .stationVillagerPhoneHint: "11 digits, such as 139 0530 1234.",
            .stationVillagerID: "Last four characters of the ID card",
            .stationVillagerIDHint: "Only these four, to recognise them at the counter; never the whole number.",
            .stationConsent: "They agree to be registered, and I witness it",
            .stationRegistered: "Registered.",
            .stationClose: "Close the day",
            .stationCloseHint: "Count the cash in the drawer. What you do not keep for change goes to the county.",
            .stationCounted: "Cash counted (yuan)",
            .stationKept: "Kept for change (yuan)",
            .stationKeptHint: "Nothing, if you hand everything over.",
            .stationExplanation: "Why the count differs",
            .stationExplanationHint: "Needed only when the count is not what the drawer should hold.",
            .stationCloseSubmit: "Close the day",
            .stationClosed: "The day is closed.",
            .stationCloses: "Closes",
            .stationNoCloses: "No day closed yet.",
            .stationCloseLine: "{0}: expected {1}, counted {2}, handed over {3}",
            .stationDifference: "Off by {0}: {1}",
            .stationConfirmed: "The county received it",
            .stationUnconfirmed: "Waiting for the county",
            .stationConfirm: "Confirm the takings arrived",
            .stationConfirmedNotice: "Confirmed.",
            .stationKindOrderCash: "Cash for an order",
            .stationKindCashRefund: "Cash refund",
            .stationKindCOD: "Cash on delivery",
            .stationKindPayout: "Paid to a consignor",
            .stationKindServiceFee: "Service fee",
            .stationKindDeposit: "Deposit paid in",
            .stationKindRemittance: "Handed to the county",
            .stationKindDifference: "Over or short at a close",
            .stationKindReversal: "Reversal",
            .stationParcels: "Parcels at the counter",
            .stationNoParcels: "No parcels here.",
            .stationOutbound: "Waiting for the run",
            .stationProof: "How you know them",
            .stationProofPhone: "Last four digits of the parcel's phone",
            .stationProofID: "Last four of their ID card (a registered villager)",
            .stationDigits: "The four digits",
            .stationSignature: "Signature: their name",
            .stationSignatureHint: "They write their name as they sign for it.",
            .stationCODTaken: "Cash on delivery {0} taken",
            .stationHandOut: "Hand it out",
            .stationHandedOut: "Handed out.",
            .navStation: "My station",
            .stationsCommissionShort: "commission this month {0}",
            .demandTitle: "Market demand · {0}",
            .demandIntro:
                "What buyers across Jishi searched for this month, and what sold. Counted in aggregate; nobody is named.",
            .demandUnmet: "Searched for and not found",
            .demandSearched: "Searched for most",
            .demandTimes: "{0} times",
            .demandNoSearches: "None this month.",
            .demandCategories: "What sold, by category",
            .demandCategoryLine: "{0} sold · same month last year {1} · this town’s producers {2}",
            .demandNoSales: "No sales this month.",
            .assistedTitle: "Buy for a villager",
            .assistedIntro: "Choose the villager, find what they want, order it to the station and take their cash.",
            .assistedVillager: "Villager",
            .assistedChooseVillager: "Choose a villager",
            .assistedSearch: "What they want",
            .assistedFind: "Find",
            .assistedNothing: "Nothing in stock matches.",
            .assistedQuantity: "Quantity",
            .assistedBuy: "Order",
            .assistedRecent: "Recent assisted orders",
            .assistedNone: "No assisted order yet.",
            .assistedTakeCash: "Take {0} in cash",
            .assistedPlaced: "Ordered. Take the cash to pay for it.",
            .assistedPaid: "Paid in cash; the cash is in the drawer.",
            .stationsTerms: "Agents' commission in {0}",
            .stationsTermsRate: "Rate (%)",
            .stationsTermsHint: "0 to 20; sales already made keep the rate of their time.",
            .stationsTermsSave: "Save the rate",
            .stationsTermsSaved: "Saved: sales from now on earn the new rate.",
            .stationOfflineQueued: "{0} sent while offline, waiting for the network.",
            .assistedTakeBack: "Take back",
            .assistedReturnReason: "Why it comes back",
            .assistedReturns: "Goods brought back",
            .assistedReturnLine: "{0} · {1} · parcel {2}",
            .assistedReturnCash: "Refunded: hand {0} back to the villager from the drawer.",
            .assistedTakenBack:
                "Taken back: the return parcel leaves with the next run; the cash comes back once the shop has the goods.",
            .stationAssistedLink: "Buy for a villager",
            .stationShelf: "Shelf place",
            .stationShelfTag: "shelf {0}",
            .stationArrivalUnconfirmed: "arrival not confirmed",
            .stationOverdue: "waited too long",
            .stationConfirmArrival: "Confirm arrival",
            .stationMoveShelf: "Move",
            .stationArrived: "Arrival confirmed.",
            .stationSendBack: "Send back the {0} parcels not collected in time",
            .stationSentBack: "Sent back with the next run.",
            .stationTraining: "Training",
            .stationTrainingSaved: "Saved.",
            .stationNoTraining: "No session yet.",
            .stationTrainingLine: "{0} · {1} · {2} · trainer {3}",
            .stationTrainingAttended: "{0} attended",
            .stationTrainingCertificate: "certificate {0}",
            .stationTrainingAttendee: "Who attended",
            .stationTrainingAttend: "Record attendance",
            .stationTrainingNew: "Hold a session",
            .stationTrainingCourse: "Course",
            .stationTrainingDay: "Day (YYYY-MM-DD)",
            .stationTrainingPlace: "Place",
            .stationTrainingTrainer: "Trainer",
            .stationTrainingSubmit: "Save the session",
            .stationsTrainingTotals:
                "Training in {0}: {1} person-times in {2} sessions, against a target of {3} a year.",
            .certificatesTitle: "Check a training certificate",
            .certificatesIntro: "Type the code printed on the certificate.",
            .certificatesCode: "Certificate code",
            .certificatesCheck: "Check",
            .certificatesValid: "A valid certificate",
            .certificatesDetail: "{0} attended “{1}” ({2} hours) on {3} at {4}.",
            .certificatesNotFound: "No certificate has this code.",
            .stationServices: "Services",
            .stationServiceSaved: "Saved.",
            .stationServiceNew: "Take a request",
            .stationServiceKind: "Service",
            .stationServiceUtilityBill: "Utility bill",
            .stationServicePhoneTopUp: "Phone top-up",
            .stationServiceTrainTicket: "Train ticket",
            .stationServiceRegistration: "Government registration",
            .stationServiceRemittance: "Remittance",
            .stationServiceVillager: "Villager (optional)",
            .stationServiceNobody: "Not a registered villager",
            .stationServiceDetails: "What to do",
            .stationServiceDetailsHint: "An account number, a train and a date …",
            .stationServiceFee: "Fee (yuan)",
            .stationServiceFeeHint:
                "Empty for the usual fee: bills 1 yuan, tickets 5, remittances 2, top-ups and registrations free. Taken when done.",
            .stationServiceSubmit: "Take it",
            .stationServiceReceipt: "Receipt number",
            .stationServiceDone: "Done",
            .stationServiceReason: "Why it could not be done",
            .stationServiceFail: "Could not do it",
            .stationNoServices: "No requests yet.",
            .stationServiceOpen: "Open",
            .stationServiceDoneTag: "Done, receipt {0}",
            .stationServiceFailedTag: "Not done: {0}",
            .stationServiceLine: "{0} · {1} · fee {2}",
            .stationCommission: "Commission · {0}",
            .stationCommissionTotal: "Earned {0} on sales of {1}",
            .stationCommissionRate: "The county's rate now: {0}% of each assisted sale, fixed at the time of the sale.",
            .stationNoCommission: "No commission this month.",
            .stationCommissionEarned: "Assisted order {0}: +{1}",
            .stationCommissionBack: "Refund of {0}: −{1}",
            .stationCommissionConsigned: "Consignment sale {0}: +{1}",
            .stationConsignLink: "Consignment shop (sell for villagers)",
            .consignTitle: "Consignment shop",
            .consignIntro:
                "List a villager's goods with their agreement to the price and their share, in front of a witness. Each sale earns them their share; pay it out in cash once the buyer has received the goods.",
            .consignAsk: "What is a villager owed?",
            .consignShow: "Show",
            .consignOwed: "Owed {0} · may be paid now {1}",
            .consignLineSale: "Sale {0}: +{1}",
            .consignLineRefund: "Refund of {0}: −{1}",
            .consignLinePayout: "Paid in cash, receipt {0}: −{1}",
            .consignNoLines: "Nothing sold yet.",
            .consignPayAmount: "Amount to pay (yuan)",
            .consignPay: "Pay in cash",
            .consignPaid: "Paid; the villager signs the receipt.",
            .consignNew: "List a villager's goods",
            .consignTitleField: "What it is",
            .consignDescription: "Description (optional)",
            .consignCategory: "Category",
            .consignPrice: "Price agreed (yuan)",
            .consignStock: "How many",
            .consignShare: "Villager's share (%)",
            .consignWitness: "Witness",
            .consignAgreed: "The villager agreed to the price and the share",
            .consignList: "List it",
            .consignListed: "Listed in the station's consignment shop.",
            .consignListings: "On sale for villagers",
            .consignNone: "Nothing listed yet.",
            .consignListingLine: "{0} · stock {1} · {2}% to {3} · witness {4}",
        ],
        zhHans: [
            .stationsTitle: "服务站",
            .stationsIntro: "各服务站的钱箱和最近一次日结。点出的现金和账上不一致的日结会标出来。",
            .stationsNone: "这里没有服务站。",
            .stationsDrawerShort: "钱箱 {0}",
            .stationsLastClose: "最近日结 {0}：{1}",
            .stationsNoClose: "还没日结",
            .stationHours: "营业 {0}–{1}",
            .stationDrawer: "钱箱",
            .stationBalance: "钱箱里应有：{0}",
            .stationDeposit: "已交保证金：{0}",
            .stationEntries: "最近的收支",
            .stationNoEntries: "还没有收支。",
            .stationVillagers: "村民",
            .stationNoVillagers: "还没有登记村民。",
            .stationMasked: "姓名已遮挡：只有本站代办员能看到全名。",
            .stationRegister: "登记村民",
            .stationVillagerName: "姓名",
            .stationVillagerPhone: "手机号（有的话）",
            .stationVillagerPhoneHint: "11位，比如 139 0530 1234。",
            .stationVillagerID: "身份证后四位",
            .stationVillagerIDHint: "只记后四位，柜台上认人用；不要记整个号码。",
            .stationConsent: "本人同意登记，我在场见证",
            .stationRegistered: "已登记。",
            .stationClose: "日结",
            .stationCloseHint: "点一点钱箱里的现金。留作找零以外的钱交给县里。",
            .stationCounted: "点出的现金（元）",
            .stationKept: "留作找零（元）",
            .stationKeptHint: "全部上交就不填。",
            .stationExplanation: "为什么对不上",
            .stationExplanationHint: "点出的钱和账上不一样时才要写。",
            .stationCloseSubmit: "日结",
            .stationClosed: "今天已日结。",
            .stationCloses: "日结记录",
            .stationNoCloses: "还没有日结。",
            .stationCloseLine: "{0}：应有 {1}，点出 {2}，上交 {3}",
            .stationDifference: "差 {0}：{1}",
            .stationConfirmed: "县里已收到",
            .stationUnconfirmed: "等县里确认",
            .stationConfirm: "确认已收到这笔钱",
            .stationConfirmedNotice: "已确认。",
            .stationKindOrderCash: "代买收款",
            .stationKindCashRefund: "退现金",
            .stationKindCOD: "代收货款",
            .stationKindPayout: "付给寄卖村民",
            .stationKindServiceFee: "代办服务费",
            .stationKindDeposit: "交保证金",
            .stationKindRemittance: "上交县里",
            .stationKindDifference: "日结长短款",
            .stationKindReversal: "冲正",
            .stationParcels: "柜台上的包裹",
            .stationNoParcels: "没有包裹。",
            .stationOutbound: "等班车取走",
            .stationProof: "怎么确认是本人",
            .stationProofPhone: "包裹上手机号的后四位",
            .stationProofID: "身份证后四位（已登记的村民）",
            .stationDigits: "四位数字",
            .stationSignature: "签名：取件人姓名",
            .stationSignatureHint: "取件人签上自己的名字。",
            .stationCODTaken: "已收到付款 {0}",
            .stationHandOut: "交给取件人",
            .stationHandedOut: "已交付。",
            .navStation: "我的服务站",
            .stationsCommissionShort: "本月佣金 {0}",
            .demandTitle: "市场需求 · {0}",
            .demandIntro: "本月全平台买家搜了什么、买了什么。只按总数统计，不涉及任何个人。",
            .demandUnmet: "搜了没找到",
            .demandSearched: "搜得最多",
            .demandTimes: "{0} 次",
            .demandNoSearches: "本月没有。",
            .demandCategories: "各类商品销售",
            .demandCategoryLine: "卖出 {0} 件 · 去年同月 {1} · 本镇卖家 {2}",
            .demandNoSales: "本月还没有销售。",
            .assistedTitle: "代买下单",
            .assistedIntro: "选村民，找商品，下单送到服务站，收现金。",
            .assistedVillager: "村民",
            .assistedChooseVillager: "选择村民",
            .assistedSearch: "要买什么",
            .assistedFind: "查找",
            .assistedNothing: "没有找到有货的商品。",
            .assistedQuantity: "数量",
            .assistedBuy: "下单",
            .assistedRecent: "最近的代买订单",
            .assistedNone: "还没有代买订单。",
            .assistedTakeCash: "收现金 {0}",
            .assistedPlaced: "已下单，收了现金就付款。",
            .assistedPaid: "已收现金，进了钱箱。",
            .stationsTerms: "{0} 服务站代理佣金",
            .stationsTermsRate: "佣金比例（%）",
            .stationsTermsHint: "0 到 20；已成交的按当时的比例。",
            .stationsTermsSave: "保存比例",
            .stationsTermsSaved: "已保存：此后的成交按新比例计佣。",
            .stationOfflineQueued: "{0} 项在没网时提交，等联网后发送。",
            .assistedTakeBack: "退货",
            .assistedReturnReason: "退货原因",
            .assistedReturns: "村民退回的货",
            .assistedReturnLine: "{0} · {1} · 退货包裹 {2}",
            .assistedReturnCash: "已退款：从钱箱拿 {0} 还给村民。",
            .assistedTakenBack: "已收下退货：退货包裹随下一班车走；商家收到货后退款，现金从钱箱还给村民。",
            .stationAssistedLink: "代买下单",
            .stationShelf: "货架位置",
            .stationShelfTag: "货架 {0}",
            .stationArrivalUnconfirmed: "待确认到站",
            .stationOverdue: "超期未取",
            .stationConfirmArrival: "确认到站",
            .stationMoveShelf: "换位置",
            .stationArrived: "已确认到站。",
            .stationSendBack: "退回 {0} 件超期未取的包裹",
            .stationSentBack: "已退回，下一班车带走。",
            .stationTraining: "培训",
            .stationTrainingSaved: "已记下。",
            .stationNoTraining: "还没有培训。",
            .stationTrainingLine: "{0} · {1} · {2} · 讲师 {3}",
            .stationTrainingAttended: "{0} 人参加",
            .stationTrainingCertificate: "证书 {0}",
            .stationTrainingAttendee: "参加的村民",
            .stationTrainingAttend: "记下参加",
            .stationTrainingNew: "办一期培训",
            .stationTrainingCourse: "课程",
            .stationTrainingDay: "日期（年-月-日）",
            .stationTrainingPlace: "地点",
            .stationTrainingTrainer: "讲师",
            .stationTrainingSubmit: "保存",
            .stationsTrainingTotals: "{0} 年培训 {2} 期，共 {1} 人次；目标每年 {3} 人次。",
            .certificatesTitle: "查验培训证书",
            .certificatesIntro: "输入证书上印的查验码。",
            .certificatesCode: "查验码",
            .certificatesCheck: "查验",
            .certificatesValid: "证书有效",
            .certificatesDetail: "{0} 于 {3} 在{4}参加了“{1}”（{2} 学时）。",
            .certificatesNotFound: "没有这个查验码的证书。",
            .stationServices: "便民服务",
            .stationServiceSaved: "已记下。",
            .stationServiceNew: "帮村民办事",
            .stationServiceKind: "服务",
            .stationServiceUtilityBill: "交水电费",
            .stationServicePhoneTopUp: "充话费",
            .stationServiceTrainTicket: "买火车票",
            .stationServiceRegistration: "政务登记",
            .stationServiceRemittance: "汇款",
            .stationServiceVillager: "村民（可不选）",
            .stationServiceNobody: "不是登记的村民",
            .stationServiceDetails: "要办什么",
            .stationServiceDetailsHint: "户号、车次和日期等",
            .stationServiceFee: "服务费（元）",
            .stationServiceFeeHint: "不填按常规收：电费 1 元，火车票 5 元，汇款 2 元，充话费和政务登记免费。办好后收。",
            .stationServiceSubmit: "记下",
            .stationServiceReceipt: "回执号",
            .stationServiceDone: "办好了",
            .stationServiceReason: "办不成的原因",
            .stationServiceFail: "办不成",
            .stationNoServices: "还没有要办的事。",
            .stationServiceOpen: "待办",
            .stationServiceDoneTag: "已办好，回执 {0}",
            .stationServiceFailedTag: "没办成：{0}",
            .stationServiceLine: "{0} · {1} · 服务费 {2}",
            .stationCommission: "佣金 · {0}",
            .stationCommissionTotal: "销售额 {1}，佣金 {0}",
            .stationCommissionRate: "本县现行佣金比例：代买订单金额的 {0}%，按成交时的比例计。",
            .stationNoCommission: "本月还没有佣金。",
            .stationCommissionEarned: "代买订单 {0}：+{1}",
            .stationCommissionBack: "{0} 退款：−{1}",
            .stationCommissionConsigned: "代卖订单 {0}：+{1}",
            .stationConsignLink: "代卖（替村民卖货）",
            .consignTitle: "代卖店",
            .consignIntro: "村民同意价格和分成、有见证人在场，才替他上架。每卖出一件，村民得到自己那份；买家收货后，用现金结给村民。",
            .consignAsk: "村民来问：卖了多少钱？",
            .consignShow: "查看",
            .consignOwed: "应付 {0} · 现在可结 {1}",
            .consignLineSale: "卖出 {0}：+{1}",
            .consignLineRefund: "{0} 退款：−{1}",
            .consignLinePayout: "现金结清，收据 {0}：−{1}",
            .consignNoLines: "还没有卖出。",
            .consignPayAmount: "结给村民（元）",
            .consignPay: "付现金",
            .consignPaid: "已付现金，请村民在收据上签字。",
            .consignNew: "替村民上架",
            .consignTitleField: "货品名称",
            .consignDescription: "说明（可不填）",
            .consignCategory: "类目",
            .consignPrice: "商定价格（元）",
            .consignStock: "数量",
            .consignShare: "村民分成（%）",
            .consignWitness: "见证人",
            .consignAgreed: "村民同意这个价格和分成",
            .consignList: "上架",
            .consignListed: "已在服务站代卖店上架。",
            .consignListings: "代卖中的货品",
            .consignNone: "还没有代卖的货品。",
            .consignListingLine: "{0} · 库存 {1} · {3} 得 {2}% · 见证人 {4}",
        ])
}
