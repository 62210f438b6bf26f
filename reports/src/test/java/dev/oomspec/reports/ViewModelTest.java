package dev.oomspec.reports;

import static dev.oomspec.reports.Fixtures.candidate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ViewModelTest {

  @Test
  void countsComeFromTheEvents() {
    ReplayReport r = ReplayReport.of("t", "g", List.of(Fixtures.disagreeing(),
        Fixtures.agreeing("a", 1, 1), Fixtures.agreeing("b", 1, 1)));
    assertEquals(new VerdictCounts(2, 1, 0), r.counts());
    assertEquals(3, r.counts().total());
  }

  @Test
  void lineRangeMustBeOrdered() {
    assertThrows(IllegalArgumentException.class, () -> new EventView("k", 5, 4,
        new TaskRef(1, "a"), null, Verdict.AGREE, "r", "p", null, List.of(), null));
    assertThrows(IllegalArgumentException.class, () -> new EventView("k", 0, 4,
        new TaskRef(1, "a"), null, Verdict.AGREE, "r", "p", null, List.of(), null));
  }

  @Test
  void locationShowsOneLineOrARange() {
    assertEquals("kern.log.3:1200-1260", Fixtures.disagreeing().location());
    assertEquals("k:7", new EventView("k", 7, 7, new TaskRef(1, "a"), null, Verdict.AGREE, "r",
        "p", null, List.of(), null).location());
  }

  @Test
  void eligibilityCarriesTheReason() {
    CandidateView c = new CandidateView(1, "a", 0, 0, Eligibility.ineligible("exiting"), false, false);
    assertFalse(c.eligible());
    assertEquals("exiting", c.ineligibleReason());
    assertNull(candidate(2, "b", 1).ineligibleReason());
  }

  @Test
  void rankingIsStableAndKeepsLowerRankedVictims() {
    CandidateView a = candidate(1, "a", 5);
    CandidateView b = candidate(2, "b", 7);
    CandidateView c = candidate(3, "c", 5);
    CandidateView v = new CandidateView(4, "v", -1, 0, Fixtures.OK, false, true);
    assertEquals(List.of(b, a, c, v), CandidateRanking.ranked(List.of(a, b, c, v)));
    assertEquals(List.of(b, a, v), CandidateRanking.topWithVictims(List.of(a, b, c, v), 2));
  }

  @Test
  void markupEscapesAndReplacesWhatXmlCannotCarry() {
    assertEquals("&lt;a&gt; &amp; \"q\" 'q'", Markup.text("<a> & \"q\" 'q'"));
    assertEquals("&quot;&#39;&#9;&#10;&#13;", Markup.attr("\"'\t\n\r"));
    assertEquals("a\uFFFDb\uFFFD", Markup.text("a\u0001b\uD800"));
    assertEquals("\uD83D\uDE00", Markup.text("\uD83D\uDE00"));
    assertEquals("abc\u2026", Markup.shorten("abcdef", 4));
    assertEquals("abcd", Markup.shorten("abcd", 4));
    assertEquals("-0.5", Markup.num(-0.5));
    assertEquals("367.7", Markup.num(367.745));
    assertEquals("0", Markup.num(-0.01));
    assertTrue(Markup.isXmlChar('\t'));
  }
}
