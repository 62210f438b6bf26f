package dev.oomspec.fleet.summary;

import dev.oomspec.reports.Table;

/**
 * One fleet summary: written as {@code summary/NAME.csv} and shown on the summary page.
 *
 * @param name  file name without {@code .csv}
 * @param title heading on the page
 */
public record Summary(String name, String title, Table table) {}
