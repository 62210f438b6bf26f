package dev.oomspec.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.traces.event.OomEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Wrappings and line forms with no whole real log in logs/ yet, checked on the real published lines quoted
 * of published OOM reports (mailing lists, bug trackers, forums; each line is copied from a published log, not
 * invented) in the wrappings docs/events-format.md lists.
 */
class PublishedLineFormsTest {

  private static List<OomEvent> events(String text, String expectedReader) {
    ReadResult r = Logs.readText("published", text, ReadOptions.defaults());
    assertTrue(r.accounting().holds());
    if (expectedReader != null) {
      assertEquals(expectedReader, r.accounting().reader());
    }
    return r.events();
  }

  @Test
  void syslogWithKernelTimestampAndNamesWithSpaces() {
    List<OomEvent> ev = events(String.join("\n",
        "Dec  8 01:56:31 scottubuntu kernel: [106464.880260] mono invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0",
        "Dec  8 01:56:31 scottubuntu kernel: [106464.880472] [  18249]  1000 18249   711450    24287  1544192     4777             0 Web Content",
        ""), "syslog");
    OomEvent e = ev.get(0);
    assertEquals("mono", e.trigger().comm());
    assertEquals("scottubuntu", e.stream());
    assertEquals("Web Content", e.tasks().get(0).name());
    assertTrue(e.lacks("task table header"), "columns inferred from a 7-number row");
  }

  @Test
  void oldSyslogWithoutKernelTimestampAndVendorSummary() {
    List<OomEvent> ev = events(String.join("\n",
        "Jun 17 03:18:17 host-xx kernel: runc:[2:INIT] invoked oom-killer: gfp_mask=0xd0, order=0, oom_score_adj=997",
        "Jun 17 03:18:17 host-xx kernel: oom-kill:,cpuset=bbd5e4b5,mems_allowed=0-1,oom_memcg=/kubepods/burstable/pod6c43,task_memcg=/kubepods/burstable/pod6c43",
        ""), "syslog");
    OomEvent e = ev.get(0);
    assertEquals("runc:[2:INIT]", e.trigger().comm());
    assertEquals("0xd0", e.gfpMask());
    assertEquals("hex", e.hints().headerVariant());
    assertNull(e.constraint());
    assertEquals("0-1", e.memsAllowed());
    assertEquals("/kubepods/burstable/pod6c43", e.oomMemcg());
  }

  @Test
  void journalTextWithBannerAndMaskedHost() {
    List<OomEvent> ev = events(String.join("\n",
        "-- Logs begin at Sun 2021-02-21 16:44:39 UTC, end at Mon 2021-02-22 22:04:12 UTC. --",
        "Feb 03 19:57:08 ** kernel: virt-launcher invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=986",
        ""), "journal");
    assertEquals("virt-launcher", ev.get(0).trigger().comm());
    assertEquals(986, ev.get(0).trigger().oomScoreAdj());
  }

  @Test
  void dmesgTInEnglishJapaneseAndChineseWithLostBracket() {
    assertEquals("CPU 11/KVM", events(
        "[Thu May  9 14:52:38 2024] CPU 11/KVM invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=830\n",
        "dmesg-T").get(0).trigger().comm());
    assertEquals("systemd", events(
        "[月  1月 26 01:49:41 2026] systemd invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=0\n",
        "dmesg-T").get(0).trigger().comm());
    OomEvent zh = events(
        " 四 4月 17 22:43:41 2025] prometheus invoked oom-killer: gfp_mask=0x6000c0(GFP_KERNEL), nodemask=(null), order=0, oom_score_adj=961\n",
        "dmesg-T").get(0);
    assertEquals("prometheus", zh.trigger().comm());
    assertEquals("nodemask", zh.hints().headerVariant());
  }

  @Test
  void callerIdKmsgAndSysrq() {
    OomEvent c = events(
        "[   37.052923][ T9185] a.out invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0\n",
        "dmesg").get(0);
    assertEquals("a.out", c.trigger().comm());
    OomEvent sysrq = events(
        "> Jan 17 13:30:31 LolbraaNAS kernel: kworker/2:2 invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=-1, oom_score_adj=0\n",
        "syslog").get(0);
    assertTrue(sysrq.hints().sysrq());
    OomEvent k = events("6,30574068,3816544225428,-;memory: usage 20480kB, limit 20480kB, failcnt 136\n"
        + "6,30574069,3816544225429,-;Memory cgroup out of memory: Kill process 8102 (apache2) score 1000 or sacrifice child\n",
        "kmsg").get(0);
    assertEquals(20480L, k.memcg().limitKb());
    assertEquals("kill-score", k.kills().get(0).kind());
    assertEquals(1000L, k.kills().get(0).score());
    assertTrue(k.lacks("header"));
  }

  @Test
  void reaperOnlyAndTheBccOomkillLine() {
    OomEvent r = events(
        "Apr 14 05:21:34 node kernel: oom_reaper: reaped process 585588 (java), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB\n",
        "syslog").get(0);
    assertEquals(585588, r.victim().pid());
    assertEquals("reaper", r.victim().from());
    OomEvent t = events(
        "21:03:39 Triggered by PID 3297 (\"ntpd\"), OOM kill of PID 22516 (\"perl\"), 3850642 pages, loadavg: 0.99 0.39 0.30 3/282 22724\n",
        "oomkill").get(0);
    assertEquals(3297, t.trigger().pid());
    assertEquals(22516, t.victim().pid());
    assertEquals(3850642L, t.globalMemory().get("totalpages"));
  }

  @Test
  void bpfPolicySecondHeaderLineInDmesg() {
    // the header lines quoted in the commit message of v2 14/23,
    // <20251027232206.473085-4-roman.gushchin@linux.dev>
    OomEvent e = events(String.join("\n",
        "[  315.224875] kworker/u17:0 invoked oom-killer: gfp_mask=0x0(), order=0, oom_score_adj=0",
        "               oom_policy=default", ""), "dmesg").get(0);
    assertEquals("default", e.bpfHandler().name());
    assertEquals("0x0()", e.gfpMask());
  }
}
