package dev.oomspec.fleet.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * Writes the java argument files the {@code oomspec} launcher starts {@code oomspec fleet} with (run by the build,
 * {@code package} phase): {@code fleet-jvm.args}, the JVM options Spark's own launcher adds on Java 17+
 * ({@link JavaModuleOptions}, so they follow the Spark version), and {@code fleet-classpath.args}, {@code -cp} with
 * the module's jar and its compile-time class path (Spark included).
 *
 * <pre>java @fleet/target/fleet-jvm.args @fleet/target/fleet-classpath.args dev.oomspec.fleet.FleetMain …</pre>
 */
public final class LaunchArgs {
  private LaunchArgs() {}

  /** {@code args}: the classpath file (dependency:build-classpath), the module's jar, the output directory. */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: LaunchArgs CLASSPATH_FILE MODULE_JAR OUT_DIR");
    }
    String classpath = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8).strip();
    Path dir = Path.of(args[2]);
    Files.createDirectories(dir);
    List<String> jvm = new ArrayList<>();
    for (String o : jvmOptions()) {
      jvm.add(quote(o));
    }
    Files.write(dir.resolve("fleet-jvm.args"), jvm, StandardCharsets.UTF_8);
    String cp = Path.of(args[1]).toAbsolutePath() + (classpath.isEmpty() ? "" : java.io.File.pathSeparator + classpath);
    Files.write(dir.resolve("fleet-classpath.args"), List.of("-cp", quote(cp)), StandardCharsets.UTF_8);
  }

  /**
   * Spark's options less {@code --add-modules=jdk.incubator.vector}: on Java 17 that module only speeds up MLlib's
   * vector code, which the job does not use, and the JVM announces it on stderr at every start.
   */
  static List<String> jvmOptions() {
    List<String> out = new ArrayList<>();
    for (String o : JavaModuleOptions.defaultModuleOptionArray()) {
      if (!o.equals("--add-modules=jdk.incubator.vector")) {
        out.add(o);
      }
    }
    return out;
  }

  /** One argument in java's @-file syntax: double-quoted, backslashes and quotes escaped. */
  static String quote(String arg) {
    return "\"" + arg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
