package dev.oomspec.fleet.replay;

import dev.oomspec.fleet.input.InputFile;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.TaskCompletionListener;

/**
 * The replay task: a partition holds bin numbers (one per partition, see {@code FleetJob}); the task replays the
 * files of its bins and emits {@link FleetSchema#RECORD} rows ({@link FleetSchema#RECORD_WITH_POLICIES} with
 * {@code --policy}), streamed by {@link ReplayStream}.
 */
public final class BinReplay implements MapPartitionsFunction<Long, Row> {
  private static final long serialVersionUID = 1L;

  private final Broadcast<List<List<InputFile>>> bins;
  private final HadoopConf conf;
  private final ReplaySettings settings;

  /**
   * @param bins     the files of each bin, shipped once per executor
   * @param conf     the driver's Hadoop configuration
   * @param settings hosts, {@code --kernel}, candidates per event, {@code --policy}
   */
  public BinReplay(Broadcast<List<List<InputFile>>> bins, Configuration conf, ReplaySettings settings) {
    this.bins = bins;
    this.conf = new HadoopConf(conf);
    this.settings = settings;
  }

  @Override
  public Iterator<Row> call(Iterator<Long> binIds) {
    List<InputFile> files = new ArrayList<>();
    while (binIds.hasNext()) {
      files.addAll(bins.value().get(Math.toIntExact(binIds.next())));
    }
    ReplayStream stream = new ReplayStream(files, conf.get(), settings);
    TaskContext task = TaskContext.get();
    if (task != null) {
      task.addTaskCompletionListener((TaskCompletionListener) ctx -> stream.close());
    }
    return stream;
  }
}
