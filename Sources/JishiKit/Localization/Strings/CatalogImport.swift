extension L10nKey {
    public static let catalogImportTitle = L10nKey("catalog-import.title")
    public static let catalogImportIntro = L10nKey("catalog-import.intro")
    public static let catalogImportColumns = L10nKey("catalog-import.columns")
    public static let catalogImportFile = L10nKey("catalog-import.file")
    public static let catalogImportPhotos = L10nKey("catalog-import.photos")
    public static let catalogImportSend = L10nKey("catalog-import.send")
    public static let catalogImportNoFile = L10nKey("catalog-import.no-file")
    public static let catalogImportBadZip = L10nKey("catalog-import.bad-zip")
    public static let catalogImportRefused = L10nKey("catalog-import.refused")
    public static let catalogImportMoreErrors = L10nKey("catalog-import.more-errors")
    public static let catalogImportLine = L10nKey("catalog-import.line")
    public static let catalogImportLineColumn = L10nKey("catalog-import.line-column")
    public static let catalogImportDone = L10nKey("catalog-import.done")
    public static let catalogImportExport = L10nKey("catalog-import.export")
    public static let catalogImportExportHint = L10nKey("catalog-import.export-hint")
    public static let catalogImportExportPhotos = L10nKey("catalog-import.export-photos")
    public static let catalogImportRunTitle = L10nKey("catalog-import.run-title")
    public static let catalogImportQueued = L10nKey("catalog-import.queued")
    public static let catalogImportChecking = L10nKey("catalog-import.checking")
    public static let catalogImportWriting = L10nKey("catalog-import.writing")
    public static let catalogImportIndexing = L10nKey("catalog-import.indexing")
    public static let catalogImportFailed = L10nKey("catalog-import.failed")
    public static let catalogImportFollows = L10nKey("catalog-import.follows")
    public static let catalogImportRecent = L10nKey("catalog-import.recent")
    public static let catalogImportRecentItem = L10nKey("catalog-import.recent-item")
    public static let catalogImportBack = L10nKey("catalog-import.back")
    public static let catalogImportStatusQueued = L10nKey("catalog-import.status.queued")
    public static let catalogImportStatusChecking = L10nKey("catalog-import.status.checking")
    public static let catalogImportStatusWriting = L10nKey("catalog-import.status.writing")
    public static let catalogImportStatusIndexing = L10nKey("catalog-import.status.indexing")
    public static let catalogImportStatusDone = L10nKey("catalog-import.status.done")
    public static let catalogImportStatusRefused = L10nKey("catalog-import.status.refused")
    public static let catalogImportStatusFailed = L10nKey("catalog-import.status.failed")
}

extension Localization {
    /// A shop's bulk catalogue import and export.
    static let catalogImport = Area(
        en: [
            .catalogImportTitle: "Import products",
            .catalogImportIntro:
                "Load many products at once from a spreadsheet saved as CSV (UTF-8), one row per variant. The whole file is checked first: if a row is wrong, nothing is written and every wrong line and column is listed. Importing the same file again changes nothing.",
            .catalogImportColumns: "Columns: {0}; optional: {1}",
            .catalogImportFile: "CSV file",
            .catalogImportPhotos: "Photos (a ZIP file, optional)",
            .catalogImportSend: "Check and import",
            .catalogImportNoFile: "Choose a CSV file.",
            .catalogImportBadZip: "The photos file is not a ZIP file. Nothing was written.",
            .catalogImportRefused: "The file was refused: {0} problems. Nothing was written.",
            .catalogImportMoreErrors: "… and {0} more.",
            .catalogImportLine: "Line {0}: {1}",
            .catalogImportLineColumn: "Line {0}, column {1}: {2}",
            .catalogImportDone:
                "Imported. Products: {0} added, {1} updated. Variants: {2} added, {3} updated, {4} unchanged. Photos: {5} added.",
            .catalogImportExport: "Download catalogue (CSV)",
            .catalogImportExportHint:
                "Your products and stock in the same format: edit it and import it again. With the photos' ZIP beside it, it loads into another shop, photos and all.",
            .catalogImportExportPhotos: "Download photos (ZIP)",
            .catalogImportRunTitle: "Import of {0}",
            .catalogImportQueued: "The file is waiting its turn to be checked and imported.",
            .catalogImportChecking: "Checking the rows: {0} of {1}.",
            .catalogImportWriting: "The file passed its checks. Writing: {0} of {1}.",
            .catalogImportIndexing:
                "Written. Search is building its ranking again for the {0} products: searches still work meanwhile.",
            .catalogImportFailed: "The import stopped: {0} Nothing was written.",
            .catalogImportFollows:
                "A large file is imported in the background: you may leave this page and come back. It reloads itself every few seconds until the import ends.",
            .catalogImportRecent: "Recent imports",
            .catalogImportRecentItem: "{0} · {1} · {2}",
            .catalogImportBack: "Import another file",
            .catalogImportStatusQueued: "waiting",
            .catalogImportStatusChecking: "checking",
            .catalogImportStatusWriting: "writing",
            .catalogImportStatusIndexing: "indexing for search",
            .catalogImportStatusDone: "imported",
            .catalogImportStatusRefused: "refused",
            .catalogImportStatusFailed: "stopped",
        ],
        zhHans: [
            .catalogImportTitle: "批量导入商品",
            .catalogImportIntro:
                "把表格另存为 CSV（UTF-8），每个规格一行，一次导入很多商品。先检查整个文件：有一行不对就什么都不写，并列出每个出错的行和列。同一个文件再导入一次不会改变任何东西。",
            .catalogImportColumns: "必填列：{0}；可选列：{1}",
            .catalogImportFile: "CSV 文件",
            .catalogImportPhotos: "照片（ZIP 压缩包，可选）",
            .catalogImportSend: "检查并导入",
            .catalogImportNoFile: "请选择一个 CSV 文件。",
            .catalogImportBadZip: "照片文件不是 ZIP 压缩包。什么都没有写入。",
            .catalogImportRefused: "文件未通过检查：共 {0} 处问题。什么都没有写入。",
            .catalogImportMoreErrors: "……还有 {0} 处。",
            .catalogImportLine: "第 {0} 行：{1}",
            .catalogImportLineColumn: "第 {0} 行，{1} 列：{2}",
            .catalogImportDone: "导入完成。商品：新增 {0}，更新 {1}。规格：新增 {2}，更新 {3}，未变 {4}。照片：新增 {5}。",
            .catalogImportExport: "下载商品目录（CSV）",
            .catalogImportExportHint: "店里的商品和库存，格式相同：改好后可以再导入。连同照片压缩包，也能导入到另一个店铺。",
            .catalogImportExportPhotos: "下载照片（ZIP）",
            .catalogImportRunTitle: "导入 {0}",
            .catalogImportQueued: "文件正在排队，等待检查和导入。",
            .catalogImportChecking: "正在检查：第 {0} 行，共 {1} 行。",
            .catalogImportWriting: "文件已通过检查，正在写入：{0} / {1}。",
            .catalogImportIndexing: "已写入。搜索正在为这 {0} 件商品重建排序索引，期间搜索照常可用。",
            .catalogImportFailed: "导入中止：{0} 什么都没有写入。",
            .catalogImportFollows: "大文件在后台导入：可以离开本页，稍后再回来看。导入结束前，本页每隔几秒自动刷新。",
            .catalogImportRecent: "最近的导入",
            .catalogImportRecentItem: "{0} · {1} · {2}",
            .catalogImportBack: "再导入一个文件",
            .catalogImportStatusQueued: "排队中",
            .catalogImportStatusChecking: "检查中",
            .catalogImportStatusWriting: "写入中",
            .catalogImportStatusIndexing: "重建搜索索引中",
            .catalogImportStatusDone: "已导入",
            .catalogImportStatusRefused: "未通过",
            .catalogImportStatusFailed: "已中止",
        ])
}
