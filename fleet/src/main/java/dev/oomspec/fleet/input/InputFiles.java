package dev.oomspec.fleet.input;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Expands the job's input arguments into host log files through the Hadoop {@link FileSystem} API, so {@code file:},
 * {@code hdfs:} and {@code s3a:} paths (whatever the Hadoop client on the class path provides) work alike. An argument
 * is a file, a directory (every file below it, recursively) or a glob ({@code logs/*}{@code /kern.log*}). Nothing is
 * filtered out: a file that is not a log is replayed too and its lines are accounted as unrelated.
 */
public final class InputFiles {
  private InputFiles() {}

  /**
   * The files named by {@code args}, each once, sorted by path.
   *
   * @throws UnusableInput when an argument matches nothing or its file system cannot be reached
   */
  public static List<InputFile> expand(List<String> args, Configuration conf) throws UnusableInput {
    Map<String, InputFile> files = new LinkedHashMap<>();
    for (String arg : args) {
      try {
        Path p = new Path(arg);
        FileSystem fs = p.getFileSystem(conf);
        FileStatus[] matched = fs.globStatus(p);
        if (matched == null || matched.length == 0) {
          throw new UnusableInput(arg + ": no such file");
        }
        for (FileStatus st : matched) {
          if (st.isDirectory()) {
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(st.getPath(), true);
            while (it.hasNext()) {
              add(files, it.next());
            }
          } else {
            add(files, st);
          }
        }
      } catch (FileNotFoundException e) {
        throw new UnusableInput(arg + ": no such file");
      } catch (IOException | IllegalArgumentException e) {
        throw new UnusableInput(arg + ": " + e.getMessage());
      }
    }
    List<InputFile> sorted = new ArrayList<>(files.values());
    sorted.sort(Comparator.comparing(InputFile::path));
    return sorted;
  }

  private static void add(Map<String, InputFile> files, FileStatus st) {
    if (st.isFile()) {
      String path = st.getPath().toString();
      files.putIfAbsent(path, new InputFile(path, st.getLen()));
    }
  }
}
