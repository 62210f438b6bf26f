package dev.oomspec.reports;

/** The report's whole stylesheet. Holds no {@code <} or {@code &}, so it is safe inside {@code <style>} in XML too. */
final class HtmlStyle {
  private HtmlStyle() {}

  static final String CSS =
      """

      body { font-family: system-ui, sans-serif; margin: 1.5rem auto; max-width: 70rem; padding: 0 1rem; color: #222; }
      h1 { margin-bottom: 0.2rem; }
      .generated, .omitted, .empty, .none { color: #6b6b6b; }
      table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
      th, td { border: 1px solid #ccc; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }
      th { background: #f3f3f3; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; }
      td.src, .src { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
      tr.total td { font-weight: bold; }
      .verdict { display: inline-block; padding: 0 0.4rem; border-radius: 3px; color: #fff; font-size: 0.9em; }
      .verdict.v-agree { background: #2e7d32; }
      .verdict.v-disagree { background: #c62828; }
      .verdict.v-undecidable { background: #b26a00; }
      .tag { display: inline-block; padding: 0 0.35rem; margin-right: 0.25rem; border-radius: 3px; color: #fff; font-size: 0.85em; }
      .tag.kernel { background: #3b3b3b; }
      .tag.model { background: #1565c0; }
      tr.ineligible td { color: #6b6b6b; }
      section.event { border-top: 1px solid #ddd; padding-top: 0.5rem; margin-top: 1.5rem; }
      dl.facts { display: grid; grid-template-columns: max-content auto; gap: 0.1rem 1rem; }
      dl.facts dt { font-weight: bold; }
      dl.facts dd { margin: 0; }
      figure { margin: 0.5rem 0; }
      svg { max-width: 100%; height: auto; }
      table.events td { overflow-wrap: anywhere; }
      table.events td:nth-child(4) { max-width: 18rem; }
      .sub { color: #6b6b6b; font-size: 0.85em; }
      dl.facts dd { overflow-wrap: anywhere; }
      .pverdict { display: inline-block; padding: 0 0.4rem; border-radius: 3px; color: #fff; font-size: 0.9em; background: #6b6b6b; }
      .pverdict.p-same { background: #2e7d32; }
      .pverdict.p-different { background: #1565c0; }
      .pverdict.p-refused, .pverdict.p-not-loaded, .pverdict.p-error { background: #c62828; }
      .pverdict.p-undecidable { background: #b26a00; }
      table.policies td { max-width: 22rem; overflow-wrap: anywhere; }
      ol.calls { margin: 0.2rem 0; padding-left: 1.4rem; font-size: 0.85em; }
      .sidebyside { display: grid; grid-template-columns: repeat(auto-fit, minmax(32rem, 1fr)); gap: 0.5rem 1rem; }
      pre { background: #f7f7f7; padding: 0.5rem; overflow-x: auto; font-size: 0.85em; }
      """;
}
