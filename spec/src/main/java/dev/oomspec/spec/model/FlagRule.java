package dev.oomspec.spec.model;

import java.util.List;

/**
 * Compact rule expanded into one clause per flag pattern: no bits, each bit alone, each bit together
 * with the wait bit. Which patterns are valid comes from {@code validMask} (data from the series), never
 * from model code.
 *
 * @param id rule id; expanded ids are {@code FLAG-<rev>-none}, {@code FLAG-<rev>-bitNN-alone},
 *     {@code FLAG-<rev>-bitNN-with-bit0}
 * @param kfunc the kfunc whose {@code flags} are checked
 * @param width number of bits of the parameter (64 for u64)
 * @param validMask accepted bits (hex)
 * @param waitMask the bit that selects the blocking mode (hex)
 * @param inferredFromBit bits at or above this are marked inferred (C int → u64 sign extension)
 * @param variants call arguments per revision group (flags is filled in)
 * @param invalid outcome for a pattern with a bit outside {@code validMask}
 * @param validNoWait outcome for an accepted pattern without the wait bit
 * @param validWait outcome for an accepted pattern with the wait bit
 */
public record FlagRule(
    String id,
    Kfunc kfunc,
    int width,
    String validMask,
    String waitMask,
    int inferredFromBit,
    List<ArgsVariant> variants,
    List<Citation> citations,
    List<String> covers,
    Outcome invalid,
    Outcome validNoWait,
    Outcome validWait) {}
