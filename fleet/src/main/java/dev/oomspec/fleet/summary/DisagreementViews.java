package dev.oomspec.fleet.summary;

import dev.oomspec.reports.CandidateView;
import dev.oomspec.reports.Eligibility;
import dev.oomspec.reports.EventView;
import dev.oomspec.reports.TaskRef;
import dev.oomspec.reports.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;

/** Event rows (FleetSchema.EVENT) back into the replay page's view, for {@code disagreements.html}. */
public final class DisagreementViews {
  private DisagreementViews() {}

  public static EventView view(Row r) {
    List<CandidateView> candidates = new ArrayList<>();
    for (Row c : r.<Row>getList(r.fieldIndex("candidates"))) {
      candidates.add(new CandidateView(c.getInt(0), c.getString(1), c.getLong(2), c.getInt(3),
          c.getBoolean(4) ? Eligibility.ELIGIBLE : Eligibility.ineligible("not eligible"), c.getBoolean(5),
          c.getBoolean(6)));
    }
    String host = r.getString(r.fieldIndex("host"));
    int tp = r.fieldIndex("totalpages");
    return new EventView(
        r.getString(r.fieldIndex("source")),
        r.getLong(r.fieldIndex("firstLine")),
        r.getLong(r.fieldIndex("lastLine")),
        task(r.getStruct(r.fieldIndex("kernelVictim"))),
        task(r.getStruct(r.fieldIndex("modelVictim"))),
        Verdict.valueOf(r.getString(r.fieldIndex("verdict")).toUpperCase(Locale.ROOT)),
        r.getString(r.fieldIndex("reason")) + (host == null ? "" : " [host " + host + "]"),
        r.getString(r.fieldIndex("profile")),
        r.isNullAt(tp) ? null : r.getLong(tp),
        candidates,
        List.of());
  }

  private static TaskRef task(Row t) {
    return t == null ? null : new TaskRef(t.getInt(0), t.getString(1));
  }
}
