extension L10nKey {
    public static let orderStatusPendingPayment = L10nKey("order.status.pending-payment")
    public static let orderStatusPaid = L10nKey("order.status.paid")
    public static let orderStatusShipped = L10nKey("order.status.shipped")
    public static let orderStatusDelivered = L10nKey("order.status.delivered")
    public static let orderStatusCompleted = L10nKey("order.status.completed")
    public static let orderStatusCancelled = L10nKey("order.status.cancelled")
    public static let orderStatusRefunded = L10nKey("order.status.refunded")
    public static let reasonCheckout = L10nKey("order.reason.checkout")
    public static let reasonPaymentWindowClosed = L10nKey("order.reason.payment-window-closed")
    public static let reasonShipped = L10nKey("order.reason.shipped")
    public static let reasonDelivered = L10nKey("order.reason.delivered")
    public static let reasonReceived = L10nKey("order.reason.received")
    public static let reasonFullyRefunded = L10nKey("order.reason.fully-refunded")
    public static let reasonCancelledByBuyer = L10nKey("order.reason.cancelled-by-buyer")
    public static let reasonPaid = L10nKey("order.reason.paid")
    public static let reasonRefunded = L10nKey("order.reason.refunded")
    public static let ordersTitle = L10nKey("orders.title")
    public static let ordersEmpty = L10nKey("orders.empty")
    public static let orderTitle = L10nKey("order.title")
    public static let orderItems = L10nKey("order.items")
    public static let orderDelivery = L10nKey("order.delivery")
    public static let orderHistory = L10nKey("order.history")
    public static let orderRefunds = L10nKey("order.refunds")
    public static let orderPay = L10nKey("order.pay")
    public static let orderCancel = L10nKey("order.cancel")
    public static let orderConfirmReceipt = L10nKey("order.confirm-receipt")
    public static let orderAskRefund = L10nKey("order.ask-refund")
    public static let orderMarkShipped = L10nKey("order.mark-shipped")
    public static let orderMarkDelivered = L10nKey("order.mark-delivered")
    public static let orderStepNotAllowed = L10nKey("order.step-not-allowed")
    public static let orderLineCode = L10nKey("order.line-code")
    public static let orderOutsideCounty = L10nKey("order.outside-county")
    public static let orderShipTitle = L10nKey("order.ship.title")
    public static let orderShipCarrier = L10nKey("order.ship.carrier")
    public static let orderShipChoose = L10nKey("order.ship.choose")
    public static let orderShipTracking = L10nKey("order.ship.tracking")
    public static let orderShipTrackingHint = L10nKey("order.ship.tracking-hint")
    public static let orderShipConfirm = L10nKey("order.ship.confirm")
    public static let orderShipment = L10nKey("order.shipment")
    public static let orderShipCarrierError = L10nKey("order.ship.carrier-error")
    public static let orderShipTrackingError = L10nKey("order.ship.tracking-error")
    public static let orderShipTrackingNeeded = L10nKey("order.ship.tracking-needed")
    public static let orderShipTrackingTaken = L10nKey("order.ship.tracking-taken")
    public static let orderParcelLabel = L10nKey("order.parcel-label")
    public static let carrierZTO = L10nKey("carrier.zto")
    public static let carrierYTO = L10nKey("carrier.yto")
    public static let carrierSTO = L10nKey("carrier.sto")
    public static let carrierYunda = L10nKey("carrier.yunda")
    public static let carrierJT = L10nKey("carrier.jt")
    public static let carrierSF = L10nKey("carrier.sf")
    public static let carrierEMS = L10nKey("carrier.ems")
    public static let carrierJD = L10nKey("carrier.jd")
    public static let carrierShop = L10nKey("carrier.shop")
}

extension Localization {
    /// Orders.
    static let orders = Area(
        en: [
            .orderStatusPendingPayment: "Awaiting payment",
            .orderStatusPaid: "Paid",
            .orderStatusShipped: "Shipped",
            .orderStatusDelivered: "Delivered",
            .orderStatusCompleted: "Completed",
            .orderStatusCancelled: "Cancelled",
            .orderStatusRefunded: "Refunded",
            .reasonCheckout: "Order placed",
            .reasonPaymentWindowClosed: "Not paid in time",
            .reasonShipped: "Sent by the shop",
            .reasonDelivered: "Handed over",
            .reasonReceived: "Receipt confirmed by the buyer",
            .reasonFullyRefunded: "All the money went back",
            .reasonCancelledByBuyer: "Cancelled by the buyer",
            .reasonPaid: "Paid",
            .reasonRefunded: "Refunded {0}",
            .ordersTitle: "My orders",
            .ordersEmpty: "You have no orders yet.",
            .orderTitle: "Order",
            .orderItems: "Items",
            .orderDelivery: "Delivery",
            .orderHistory: "History",
            .orderRefunds: "Refunds",
            .orderPay: "Pay now",
            .orderCancel: "Cancel the order",
            .orderConfirmReceipt: "I received it",
            .orderAskRefund: "Ask for a refund",
            .orderMarkShipped: "Mark as shipped",
            .orderMarkDelivered: "Mark as delivered",
            .orderStepNotAllowed: "The order has moved on meanwhile; that step is no longer possible.",
            .orderLineCode: "Stock code {0}",
            .orderOutsideCounty: "Outside the county",
            .orderShipTitle: "Send this order",
            .orderShipCarrier: "Carrier",
            .orderShipChoose: "Choose…",
            .orderShipTracking: "Tracking number",
            .orderShipTrackingHint:
                "The number on the parcel's label. Leave it empty when your village station sends it: Jishi gives the number and the label. None if you deliver it yourself.",
            .orderShipConfirm: "Confirm it is sent",
            .orderShipment: "Sent by",
            .orderShipCarrierError: "Choose how the parcel travels.",
            .orderShipTrackingError:
                "Type the tracking number: 4 to 40 letters or digits (none for your own delivery).",
            .orderShipTrackingNeeded:
                "Your village has no station of the county network yet: type the carrier's tracking number.",
            .orderShipTrackingTaken: "Another parcel of this carrier has that number already.",
            .orderParcelLabel: "Print the parcel's label",
            .carrierZTO: "ZTO Express",
            .carrierYTO: "YTO Express",
            .carrierSTO: "STO Express",
            .carrierYunda: "Yunda Express",
            .carrierJT: "J&T Express",
            .carrierSF: "SF Express",
            .carrierEMS: "China Post EMS",
            .carrierJD: "JD Logistics",
            .carrierShop: "Delivered by the shop",
        ],
        zhHans: [
            .orderStatusPendingPayment: "待付款",
            .orderStatusPaid: "已付款",
            .orderStatusShipped: "已发货",
            .orderStatusDelivered: "已送达",
            .orderStatusCompleted: "已完成",
            .orderStatusCancelled: "已取消",
            .orderStatusRefunded: "已退款",
            .reasonCheckout: "下单",
            .reasonPaymentWindowClosed: "超时未付款",
            .reasonShipped: "商家已发货",
            .reasonDelivered: "已送达",
            .reasonReceived: "买家确认收货",
            .reasonFullyRefunded: "全额退款",
            .reasonCancelledByBuyer: "买家取消",
            .reasonPaid: "已付款",
            .reasonRefunded: "退款 {0}",
            .ordersTitle: "我的订单",
            .ordersEmpty: "还没有订单。",
            .orderTitle: "订单详情",
            .orderItems: "商品",
            .orderDelivery: "收货信息",
            .orderHistory: "订单记录",
            .orderRefunds: "退款",
            .orderPay: "去付款",
            .orderCancel: "取消订单",
            .orderConfirmReceipt: "确认收货",
            .orderAskRefund: "申请退款",
            .orderMarkShipped: "标记发货",
            .orderMarkDelivered: "标记送达",
            .orderStepNotAllowed: "订单状态已经变了，不能再这样操作。",
            .orderLineCode: "货号 {0}",
            .orderOutsideCounty: "县外",
            .orderShipTitle: "发货",
            .orderShipCarrier: "快递公司",
            .orderShipChoose: "请选择…",
            .orderShipTracking: "快递单号",
            .orderShipTrackingHint: "快递面单上的单号。由村服务站发货可以不填：集市给单号和面单。自己送货不用填。",
            .orderShipConfirm: "确认已发货",
            .orderShipment: "快递",
            .orderShipCarrierError: "请选择快递公司。",
            .orderShipTrackingError: "请填快递单号：4 到 40 位字母或数字（自己送货不用填）。",
            .orderShipTrackingNeeded: "你的村还没有县物流网的服务站：请填快递公司的单号。",
            .orderShipTrackingTaken: "这家快递已有别的包裹用了这个单号。",
            .orderParcelLabel: "打印包裹面单",
            .carrierZTO: "中通快递",
            .carrierYTO: "圆通速递",
            .carrierSTO: "申通快递",
            .carrierYunda: "韵达快递",
            .carrierJT: "极兔速递",
            .carrierSF: "顺丰速运",
            .carrierEMS: "邮政 EMS",
            .carrierJD: "京东物流",
            .carrierShop: "店家自己送",
        ])
}
