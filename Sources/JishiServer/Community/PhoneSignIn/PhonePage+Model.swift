import Community
import JishiKit

/// Signing up and in with a mobile number: first the number, then the code sent to it (with a
/// name and a role when the number is new).
enum PhonePage {
    enum Field: String, CaseIterable, Sendable {
        case phone, code, displayName, role
    }

    enum Step: Sendable, Equatable {
        /// Type the number.
        case number
        /// Type the code sent to `phone`; `isNew` when the number has no account yet.
        case code(phone: PhoneNumber, isNew: Bool)
    }

    struct Model: Equatable, Sendable {
        var step: Step = .number
        /// The number as typed, shown again when the form comes back.
        var phoneText = ""
        var displayName = ""
        var role: Role = .buyer
        /// The page that asked for a log-in, to return to afterwards.
        var next: String?
        /// That a code was just sent.
        var sent = false
        /// What went wrong with the whole attempt (too many codes, an expired code).
        var failure: FormMessage?
        var errors: [Field: FormMessage] = [:]
    }
}

extension PhonePage.Model {
    /// The message for a refusal of the code service, on the field it concerns or on the form.
    mutating func refuse(_ refusal: PhoneCodes.Refusal) {
        switch refusal {
        case .tooSoon(let seconds): failure = FormMessage(.phoneErrorTooSoon, String(seconds))
        case .numberLimit(let seconds), .addressLimit(let seconds):
            failure = FormMessage(.phoneErrorTooMany, String((seconds + 59) / 60))
        case .noCode, .used: failure = FormMessage(.phoneErrorNoCode)
        case .expired: failure = FormMessage(.phoneErrorExpired)
        case .wrong(let remaining): errors[.code] = FormMessage(.phoneErrorWrongCode, String(remaining))
        case .tooManyFailures: failure = FormMessage(.phoneErrorTooManyFailures)
        }
    }

    /// The profile a new number's form gives, with a message on each field it gets wrong (the
    /// rules are the account service's, which checks again).
    mutating func profile(from form: PhoneCodeForm, language: Language) -> PhoneSignIn.Profile? {
        displayName = form.displayName ?? ""
        let roleValue = form.role ?? ""
        role = Role(rawValue: roleValue).flatMap { Role.selfService.contains($0) ? $0 : nil } ?? .buyer
        let name = displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        let length = AccountService.displayNameLength
        if name.isEmpty {
            errors[.displayName] = FormMessage(.errorRequired)
        } else if !length.contains(name.count) || TextRule.forbiddenScalar(in: name) != nil {
            errors[.displayName] = FormMessage(
                .errorDisplayNameLength, String(length.lowerBound), String(length.upperBound))
        }
        if Role(rawValue: roleValue).map({ !Role.selfService.contains($0) }) ?? true {
            errors[.role] = FormMessage(.errorRoleInvalid)
        }
        guard errors[.displayName] == nil, errors[.role] == nil else { return nil }
        return PhoneSignIn.Profile(displayName: name, role: role, language: language)
    }
}
