package dev.oomspec.traces.event;

/**
 * One kill-path line.
 *
 * @param line    input line number
 * @param kind    {@code killed} ({@code Killed process}), {@code kill-score} ({@code Kill process … score N or
 *                sacrifice child}), {@code already-exiting}, {@code mm-pinned}
 * @param message the prefix before {@code : Killed process} ({@code Out of memory}, {@code Memory cgroup out of
 *                memory}, a BPF handler's message), "" when none was printed
 * @param pid     the pid printed
 * @param comm    the name printed
 * @param score   the score of a {@code kill-score} line, else null
 * @param sizes   the sizes of a {@code killed} line, else null
 */
public record KillLine(
    long line, String kind, String message, int pid, String comm, Long score, Victim sizes) {}
