package dev.oomspec.fleet.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

class HostRuleTest {

  @Test
  void theParentDirectoryNamesTheHost() {
    HostRule r = HostRule.parentDirectory();
    assertEquals("web-17", r.hostOf("file:/var/fleet/web-17/kern.log"));
    assertEquals("db-3", r.hostOf("s3a://bucket/logs/2026-12/db-3/kern.log.2.gz"));
    assertEquals("nn", r.hostOf("hdfs://namenode:8020/nn/kern.log"));
    assertNull(r.hostOf("file:/kern.log"), "a file at the root has no host directory");
    assertNull(r.hostOf("hdfs://namenode:8020/kern.log"));
  }

  @Test
  void aPatternsFirstGroupNamesTheHost() {
    HostRule r = HostRule.pattern("/logs/([^/.]+)\\.kern\\.log");
    assertEquals("web-17", r.hostOf("s3a://bucket/logs/web-17.kern.log"));
    assertNull(r.hostOf("s3a://bucket/other/web-17.kern.log"), "no match: no host");
    assertEquals("web-1", HostRule.pattern("web-\\d+").hostOf("file:/x/web-1/kern.log"), "no group: the match");
    assertThrows(IllegalArgumentException.class, () -> HostRule.pattern("(unclosed"));
  }

  @Test
  void aRuleTravelsToTheTasks() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(HostRule.pattern("h-(\\d+)"));
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals("42", ((HostRule) in.readObject()).hostOf("file:/a/h-42/kern.log"));
    }
  }
}
