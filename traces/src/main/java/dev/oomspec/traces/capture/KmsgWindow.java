package dev.oomspec.traces.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The kernel log records written between {@link #open()} and {@link #close()}.
 *
 * <p>Java cannot {@code lseek(fd, 0, SEEK_END)} on /dev/kmsg (only SEEK_SET 0 maps), and a blocking
 * read cannot tell "at the end" from "waiting". So the window is fenced with two marker records that
 * the harness writes itself ({@code oomspec: capture start|end NONCE}): {@link #open()} reads and drops
 * every record up to and including the start marker, {@link #close()} writes the end marker and keeps
 * every record after the start marker and before the end marker. Both reads are guaranteed to
 * terminate because the marker is in the buffer before reading starts. Records lost to ring-buffer
 * overrun (read returns EPIPE) are counted in {@link #lost()}.
 */
public final class KmsgWindow implements AutoCloseable {

  private static final Path KMSG = Path.of("/dev/kmsg");
  private final FileChannel in;
  private final String nonce = UUID.randomUUID().toString().substring(0, 8);
  private final List<KmsgRecord> records = new ArrayList<>();
  private int lost;
  private boolean closed;

  private KmsgWindow(FileChannel in) {
    this.in = in;
  }

  /** Opens /dev/kmsg and positions after a fresh start marker. */
  public static KmsgWindow open() throws IOException {
    KmsgWindow w = new KmsgWindow(FileChannel.open(KMSG, StandardOpenOption.READ));
    try {
      w.mark("start");
      w.readUntil("start", null);
    } catch (IOException | RuntimeException e) {
      w.in.close();
      throw e;
    }
    return w;
  }

  /** Writes the end marker and returns the records of the window, in sequence order. */
  public List<KmsgRecord> finish() throws IOException {
    if (!closed) {
      mark("end");
      readUntil("end", records);
      closed = true;
      in.close();
    }
    return List.copyOf(records);
  }

  /** Records lost to ring-buffer overrun while reading. */
  public int lost() {
    return lost;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    in.close();
  }

  private void mark(String what) throws IOException {
    // a fresh fd per write: the kernel rate-limits writes per open file
    Files.writeString(KMSG, "<6>oomspec: capture " + what + " " + nonce + "\n", StandardOpenOption.WRITE);
  }

  private void readUntil(String what, List<KmsgRecord> keep) throws IOException {
    String marker = "oomspec: capture " + what + " " + nonce;
    ByteBuffer buf = ByteBuffer.allocate(16 * 1024);
    while (true) {
      buf.clear();
      int n;
      try {
        n = in.read(buf);
      } catch (IOException e) {
        if (String.valueOf(e.getMessage()).contains("Broken pipe")) {
          lost++; // EPIPE: records overwritten since the last read; the next read continues
          continue;
        }
        throw e;
      }
      if (n < 0) {
        throw new IOException("/dev/kmsg: end of file before marker " + marker);
      }
      KmsgRecord r = KmsgRecord.parse(new String(buf.array(), 0, n, StandardCharsets.UTF_8));
      if (r.text().equals(marker)) {
        return;
      }
      if (keep != null) {
        keep.add(r);
      }
    }
  }
}
