package dev.oomspec.fleet.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's @-files as java itself reads them: the class path comes back whole, the JVM accepts the options. */
class LaunchArgsTest {

  @Test
  void javaReadsBackTheClassPathAndTheOptions(@TempDir Path dir) throws Exception {
    String cp = String.join(File.pathSeparator, dir.resolve("a b/x.jar").toString(),
        dir.resolve("quote\"d\\back").toString(), dir.resolve("plain.jar").toString());
    Path cpFile = Files.writeString(dir.resolve("cp.txt"), cp + "\n", StandardCharsets.UTF_8);
    LaunchArgs.main(new String[] {cpFile.toString(), dir.resolve("fleet.jar").toString(), dir.toString()});
    List<String> options = Files.readAllLines(dir.resolve("fleet-jvm.args"));
    assertEquals(JavaModuleOptions.defaultModuleOptionArray().length - 1, options.size(),
        "Spark's options less the vector module");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "@" + dir.resolve("fleet-jvm.args"), "@" + dir.resolve("fleet-classpath.args"),
        "-XshowSettings:properties", "-version").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    String expected = dir.resolve("fleet.jar") + File.pathSeparator + cp;
    String shown = out.lines().filter(l -> l.strip().startsWith("java.class.path = ")).findFirst().orElseThrow()
        .strip().substring("java.class.path = ".length());
    // -XshowSettings prints the class path one entry per line after the first
    List<String> rest = out.lines().dropWhile(l -> !l.strip().startsWith("java.class.path = ")).skip(1)
        .takeWhile(l -> l.startsWith("        ")).map(String::strip).toList();
    assertEquals(expected, String.join(File.pathSeparator, java.util.stream.Stream.concat(
        java.util.stream.Stream.of(shown), rest.stream()).toList()));
  }
}
