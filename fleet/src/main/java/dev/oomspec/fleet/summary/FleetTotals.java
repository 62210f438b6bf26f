package dev.oomspec.fleet.summary;

/**
 * The fleet in numbers.
 *
 * @param files       input files
 * @param bytes       their stored size
 * @param unreadable  files that could not be opened or read to their end
 * @param hosts       distinct hosts among the files
 * @param lines       input lines (records for trace.dat) of the files read to their end
 * @param malformed   of those, malformed
 */
public record FleetTotals(
    long files, long bytes, long unreadable, long hosts, long lines, long malformed,
    long events, long agree, long disagree, long undecidable) {}
