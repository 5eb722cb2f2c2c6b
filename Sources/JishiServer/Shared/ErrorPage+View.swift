import JishiKit
import Plot

extension ErrorPage {
    struct View {
        var model: Model
        var context: PageContext

        var html: HTML {
            Layout.page(
                title: context.text(.errorTitle), context: context,
                main: [
                    .h1(.safeText(context.text(.errorTitle))),
                    .p(.class("lead"), .id("problem"), .safeText(context.text(model.title))),
                    .p(.class("status"), .safeText(context.text(.errorStatus, String(model.status)))),
                    .p(.a(.class("button"), .href(SitePath.home.path), .safeText(context.text(.errorBackHome)))),
                ])
        }
    }
}
