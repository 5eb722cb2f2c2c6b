import Foundation

/// The OpenAPI document this module is generated from, as served at `/openapi.yaml`.
public enum Contract {
    /// The document's text, read once from the module's bundled resource.
    public static let yaml: String = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { fatalError("openapi.yaml is missing from the JishiAPI bundle") }
        return text
    }()
}
