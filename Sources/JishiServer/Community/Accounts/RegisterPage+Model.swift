import Community
import JishiKit

/// The registration form: buyers and sellers sign themselves up.
enum RegisterPage {
    enum Field: String, CaseIterable, Sendable {
        case username, displayName, password, role
    }

    struct Model: Equatable, Sendable {
        /// What was entered, shown again when the form comes back (never the password).
        var username = ""
        var displayName = ""
        var role: Role = .buyer
        var errors: [Field: FormMessage] = [:]
    }
}

extension RegisterPage.Model {
    /// The model for a submitted form, with its validation messages. The rules are the
    /// account service's (it checks again); here each failure gets its own localised message.
    init(form: RegisterForm) {
        username = (form.username ?? "").trimmingCharacters(in: .whitespaces)
        displayName = form.displayName ?? ""
        let roleValue = form.role ?? ""
        role = Role(rawValue: roleValue).flatMap { Role.selfService.contains($0) ? $0 : nil } ?? .buyer
        let password = form.password ?? ""

        let usernameLength = AccountService.usernameLength
        if username.isEmpty {
            errors[.username] = FormMessage(.errorRequired)
        } else if !usernameLength.contains(username.count) {
            errors[.username] = FormMessage(
                .errorUsernameLength, String(usernameLength.lowerBound), String(usernameLength.upperBound))
        } else if !username.unicodeScalars.allSatisfy(Self.isUsernameScalar) {
            errors[.username] = FormMessage(.errorUsernameCharacters)
        }
        let trimmedName = displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        let nameLength = AccountService.displayNameLength
        if trimmedName.isEmpty {
            errors[.displayName] = FormMessage(.errorRequired)
        } else if !nameLength.contains(trimmedName.count) {
            errors[.displayName] = FormMessage(
                .errorDisplayNameLength, String(nameLength.lowerBound), String(nameLength.upperBound))
        }
        let passwordLength = AccountService.passwordLength
        if password.isEmpty {
            errors[.password] = FormMessage(.errorRequired)
        } else if !passwordLength.contains(password.count) {
            errors[.password] = FormMessage(
                .errorPasswordLength, String(passwordLength.lowerBound), String(passwordLength.upperBound))
        }
        if Role(rawValue: roleValue).map({ !Role.selfService.contains($0) }) ?? true {
            errors[.role] = FormMessage(.errorRoleInvalid)
        }
    }

    private static func isUsernameScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", ".", "_", "-": true
        default: false
        }
    }
}
