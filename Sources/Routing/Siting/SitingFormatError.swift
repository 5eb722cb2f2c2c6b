/// A siting input file that cannot be read: the same error as every other instance reader's,
/// naming the file, the 1-based line and the field.
public typealias SitingFormatError = RoutingParseError
