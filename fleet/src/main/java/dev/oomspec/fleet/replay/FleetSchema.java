package dev.oomspec.fleet.replay;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The fleet job's row types (docs/fleet.md, "Schema").
 *
 * <p>{@link #EVENT}: the columns of docs/replay-format.md in its order and with its types, then the fleet's own
 * columns. {@link #FILE}: one row per input file — its line accounting, or why it could not be read.
 * {@link #RECORD}: what a replay task emits, one of the two ({@code kind} says which), so that every file is read
 * once for both.
 *
 * <p>With {@code --policy}, {@link #EVENT_WITH_POLICIES} appends one column, {@code policies}: one {@link #POLICY}
 * per policy, with the field names, order and meaning of replay-format.md's JSON {@code policies} array.
 */
public final class FleetSchema {
  private FleetSchema() {}

  public static final String KIND_EVENT = "event";
  public static final String KIND_FILE = "file";

  /** {@code {pid, comm}}, as {@code kernelVictim} / {@code modelVictim} in replay-format.md. */
  public static final StructType TASK = new StructType(new StructField[] {
      field("pid", IntegerType, false),
      field("comm", StringType, false)});

  /** One element of {@code candidates}, as in replay-format.md. */
  public static final StructType CANDIDATE = new StructType(new StructField[] {
      field("pid", IntegerType, false),
      field("comm", StringType, false),
      field("points", LongType, false),
      field("oomScoreAdj", IntegerType, false),
      field("eligible", BooleanType, false),
      field("kernelVictim", BooleanType, false),
      field("modelVictim", BooleanType, false)});

  /** The number of leading {@link #EVENT} columns that are replay-format.md's, in its order. */
  public static final int REPLAY_COLUMNS = 10;

  public static final StructType EVENT = new StructType(new StructField[] {
      // docs/replay-format.md, same names, order and types
      field("source", StringType, false),
      field("firstLine", LongType, false),
      field("lastLine", LongType, false),
      field("kernelVictim", TASK, false),
      field("modelVictim", TASK, true),
      field("verdict", StringType, false),
      field("reason", StringType, false),
      field("profile", StringType, false),
      field("totalpages", LongType, true),
      field("candidates", new ArrayType(CANDIDATE, false), false),
      // the fleet's own
      field("host", StringType, true),
      field("kernelRelease", StringType, true),
      field("kernelVersion", StringType, true),
      field("scope", StringType, false),
      field("oomKind", StringType, false),
      field("constraint", StringType, true)});

  /** A process a policy run killed, as replay-format.md's {@code victims} / {@code kernelKilled} elements. */
  public static final StructType POLICY_VICTIM = new StructType(new StructField[] {
      field("pid", IntegerType, false),
      field("comm", StringType, false),
      field("memoryKb", LongType, false)});

  /** One kfunc call of a policy run, as replay-format.md's {@code calls} elements (same field order). */
  public static final StructType POLICY_CALL = new StructType(new StructField[] {
      field("kfunc", StringType, false),
      field("args", StringType, false),
      field("ret", StringType, false),
      field("attachedAt", StringType, false)});

  /** One element of {@code policies}: replay-format.md's "Policies" fields, same names, order and types. */
  public static final StructType POLICY = new StructType(new StructField[] {
      field("name", StringType, false),
      field("program", StringType, true),
      field("revision", StringType, false),
      field("verdict", StringType, false),
      field("reason", StringType, false),
      field("victims", new ArrayType(POLICY_VICTIM, false), false),
      field("kernelKillerRan", BooleanType, false),
      field("kernelKilled", new ArrayType(POLICY_VICTIM, false), false),
      field("freedKb", LongType, true),
      field("kernelFreedKb", LongType, true),
      field("calls", new ArrayType(POLICY_CALL, false), false)});

  /** {@link #EVENT} and the {@code policies} column ({@code --policy}). */
  public static final StructType EVENT_WITH_POLICIES = EVENT.add(field("policies", new ArrayType(POLICY, false), false));

  /** One malformed line of a file (the first {@code LineAccounting.MAX_LISTED} are kept). */
  public static final StructType MALFORMED = new StructType(new StructField[] {
      field("line", LongType, false),
      field("why", StringType, false)});

  public static final StructType FILE = new StructType(new StructField[] {
      field("source", StringType, false),
      field("host", StringType, true),
      field("bytes", LongType, false),
      field("reader", StringType, true),
      field("unit", StringType, true),
      field("total", LongType, true),
      field("event", LongType, true),
      field("unrelated", LongType, true),
      field("malformed", LongType, true),
      field("malformedLines", new ArrayType(MALFORMED, false), false),
      field("events", LongType, false),
      field("skipped", LongType, false),
      field("error", StringType, true),
      field("content", StringType, true)});

  public static final StructType RECORD = record(EVENT);

  /** The task's record type with {@link #EVENT_WITH_POLICIES} events. */
  public static final StructType RECORD_WITH_POLICIES = record(EVENT_WITH_POLICIES);

  private static StructType record(StructType event) {
    return new StructType(new StructField[] {
        field("kind", StringType, false),
        field("event", event, true),
        field("file", FILE, true)});
  }

  /** An array column's value as the row encoder takes it (a Scala sequence). */
  static scala.collection.immutable.Seq<Object> seq(java.util.List<?> values) {
    return scala.jdk.javaapi.CollectionConverters.asScala(new java.util.ArrayList<Object>(values)).toSeq();
  }

  private static StructField field(String name, org.apache.spark.sql.types.DataType type, boolean nullable) {
    return DataTypes.createStructField(name, type, nullable);
  }
}
