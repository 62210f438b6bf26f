package dev.oomspec.fleet.summary;

import dev.oomspec.reports.CandidateView;
import dev.oomspec.reports.Eligibility;
import dev.oomspec.reports.EventView;
import dev.oomspec.reports.PolicyView;
import dev.oomspec.reports.TaskRef;
import dev.oomspec.reports.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;

/**
 * Event rows (FleetSchema.EVENT, or EVENT_WITH_POLICIES: then with the policies' parts) back into the replay page's
 * view, for {@code disagreements.html}.
 */
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
    EventView v = new EventView(
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
    return hasField(r, "policies") ? v.withPolicies(policies(r.getList(r.fieldIndex("policies")))) : v;
  }

  private static boolean hasField(Row r, String name) {
    return r.schema() != null && java.util.Arrays.asList(r.schema().fieldNames()).contains(name);
  }

  /** The {@code policies} column (FleetSchema.POLICY) back into the views the replay page shows. */
  static List<PolicyView> policies(List<Row> rows) {
    List<PolicyView> out = new ArrayList<>(rows.size());
    for (Row p : rows) {
      List<PolicyView.Call> calls = new ArrayList<>();
      for (Row c : p.<Row>getList(p.fieldIndex("calls"))) {
        calls.add(new PolicyView.Call(c.getString(3), c.getString(0), c.getString(1), c.getString(2)));
      }
      out.add(new PolicyView(p.getString(p.fieldIndex("name")), p.getString(p.fieldIndex("program")),
          p.getString(p.fieldIndex("revision")), p.getString(p.fieldIndex("verdict")),
          p.getString(p.fieldIndex("reason")), victims(p.getList(p.fieldIndex("victims"))),
          p.getBoolean(p.fieldIndex("kernelKillerRan")), victims(p.getList(p.fieldIndex("kernelKilled"))),
          nullableLong(p, "freedKb"), nullableLong(p, "kernelFreedKb"), calls));
    }
    return out;
  }

  private static List<PolicyView.Victim> victims(List<Row> rows) {
    List<PolicyView.Victim> out = new ArrayList<>(rows.size());
    for (Row v : rows) {
      out.add(new PolicyView.Victim(v.getInt(0), v.getString(1), v.getLong(2)));
    }
    return out;
  }

  private static Long nullableLong(Row r, String name) {
    int i = r.fieldIndex(name);
    return r.isNullAt(i) ? null : r.getLong(i);
  }

  private static TaskRef task(Row t) {
    return t == null ? null : new TaskRef(t.getInt(0), t.getString(1));
  }
}
