/**
 * Renderers for replay and conformance results: a self-contained HTML report with inline SVG charts, JSON lines, CSV and
 * Markdown.
 *
 * <p>This module knows no other oomspec module. It takes its own small view model ({@link dev.oomspec.reports.ReplayReport},
 * {@link dev.oomspec.reports.EventView}, {@link dev.oomspec.reports.CandidateView}, {@link dev.oomspec.reports.Table}),
 * which the replay and conformance code fill. Every renderer writes to a caller-supplied {@link java.lang.Appendable} or
 * {@link java.io.Writer}, reads no clock and no locale, and gives the same bytes for the same input.
 */
package dev.oomspec.reports;
