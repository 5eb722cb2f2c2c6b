/// Why a job failed, as its handler says it.
public struct JobError: Error, CustomStringConvertible {
    public var message: String

    public init(message: String) { self.message = message }

    public var description: String { message }
}
