import JishiKit
import Marketplace
import Plot

extension StatementPage {
    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.statementTitle), context: context,
                main: [
                    Widgets.back(SitePath.shop.path(model.shopID), model.shopName),
                    .h1(.safeText(context.text(.statementTitle))),
                    .form(
                        .class("card"), .id("statement-form"), .method(.get),
                        .action(SitePath.statement.path(model.shopID)), .novalidate(),
                        .if(!model.errors.isEmpty, Widgets.alert(context.text(.formErrorSummary))),
                        .div(
                            .class("pair dates"),
                            .div(
                                FormField(
                                    name: "from", label: .fieldFromDay, kind: .date, value: model.from,
                                    error: model.errors[.from]
                                ).node(context)),
                            .div(
                                FormField(
                                    name: "to", label: .fieldToDay, kind: .date, value: model.to,
                                    error: model.errors[.to]
                                ).node(context))
                        ),
                        .button(.type(.submit), .class("button"), .safeText(context.text(.statementShow)))
                    ),
                    .unwrap(model.statement) { statement in
                        .section(
                            .class("box"), .id("statement"),
                            .h2(.safeText(context.text(.statementPeriod, model.from, model.to))),
                            Widgets.facts(
                                [
                                    (context.text(.statementPaidOrders), context.number(statement.paidOrders)),
                                    (context.text(.statementSales), context.money(statement.salesMinor)),
                                    (
                                        context.text(.statementRefunds, context.number(statement.refunds)),
                                        context.money(-statement.refundsMinor)
                                    ),
                                    (context.text(.statementCommission), context.money(-statement.commissionMinor)),
                                    (
                                        context.text(.statementCommissionReturned),
                                        context.money(statement.commissionReturnedMinor)
                                    ),
                                    (
                                        context.text(.statementWholesaleSales),
                                        context.money(statement.wholesaleSalesMinor)
                                    ),
                                    (
                                        context.text(.statementWholesaleCredits),
                                        context.money(-statement.wholesaleCreditsMinor)
                                    ),
                                    (context.text(.statementSupplyCost), context.money(-statement.supplyCostMinor)),
                                    (
                                        context.text(.statementSupplyCredits),
                                        context.money(statement.supplyCreditsMinor)
                                    ),
                                    (context.text(.statementNet), context.money(statement.netPayableMinor)),
                                ], amounts: true),
                            .p(.class("hint"), .safeText(context.text(.statementExplained)))
                        )
                    },
                ])
        }
    }
}
