/// One shared two-way network for every carrier's parcels: the county hub, a depot in each
/// town, stations and grocery pickup points in the villages; the carriers whose parcels it
/// carries. Parcels, custody and the day's dispatch build on these.
public enum Logistics {}
