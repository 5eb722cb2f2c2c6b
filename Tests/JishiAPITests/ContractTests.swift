import JishiAPI
import Testing

@Suite("OpenAPI contract")
struct ContractTests {
    @Test func isOpenAPI31WithEveryFoundationPath() {
        let yaml = Contract.yaml
        #expect(yaml.hasPrefix(#"openapi: "3.1.0""#))
        for path in [
            "/healthz", "/api/v1/accounts", "/api/v1/accounts/me", "/api/v1/sessions", "/api/v1/sessions/current",
            "/api/v1/towns", "/api/v1/villages", "/api/v1/villages/{id}",
        ] {
            #expect(yaml.contains("  \(path):"), "missing \(path)")
        }
    }

    @Test func errorsAreProblemDetails() {
        #expect(Contract.yaml.contains("application/problem+json"))
        // Every operation declares an operationId, so generated names never drift.
        let lines = Contract.yaml.components(separatedBy: "\n")
        let operations = lines.filter { line in
            ["get:", "post:", "put:", "patch:", "delete:"].contains { line == "    " + $0 }
        }
        let ids = lines.filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("operationId:") }
        #expect(operations.count >= 16)
        #expect(ids.count == operations.count)
    }
}
