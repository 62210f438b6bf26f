package dev.oomspec.traces.input;

/**
 * Tells text from binary by the first bytes: known binary magics are named; otherwise the bytes are binary
 * when more than {@link #MAX_NON_TEXT_PERCENT} % of the non-NUL ones are neither text nor valid UTF-8. NUL bytes
 * are left out of the ratio on purpose: syslog files often hold a run of them where the machine crashed before
 * the file's blocks were written, and such a file is still a log.
 */
final class ContentSniffer {

  /** Share of non-text bytes (of the non-NUL ones sampled) above which the input is binary. */
  static final int MAX_NON_TEXT_PERCENT = 20;

  private static final byte[] TRACE_DAT = {0x17, 0x08, 0x44, 't', 'r', 'a', 'c', 'i', 'n', 'g'};

  private record Magic(byte[] bytes, String what) {}

  private static final Magic[] BINARY = {
    new Magic(new byte[] {0x7f, 'E', 'L', 'F'}, "an ELF executable or library"),
    new Magic(new byte[] {'L', 'P', 'K', 'S', 'H', 'H', 'R', 'H'},
        "a binary systemd journal file (export it: journalctl --file=FILE -k -o export, or -o json)"),
    new Magic(new byte[] {'P', 'K', 3, 4}, "a zip archive (or jar)"),
    new Magic(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "a PNG image"),
    new Magic(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}, "a JPEG image"),
    new Magic(new byte[] {'%', 'P', 'D', 'F', '-'}, "a PDF document"),
    new Magic(new byte[] {'7', 'z', (byte) 0xbc, (byte) 0xaf, 0x27, 0x1c}, "a 7-zip archive"),
    new Magic(new byte[] {'S', 'Q', 'L', 'i', 't', 'e', ' ', 'f', 'o', 'r', 'm', 'a', 't', ' ', '3', 0},
        "an SQLite database"),
    new Magic(new byte[] {0x1f, (byte) 0x8b}, "gzip data inside compressed data (decompress it once more)"),
  };

  private ContentSniffer() {}

  static Content classify(byte[] b, int n) {
    if (n == 0) {
      return new Content.Empty();
    }
    if (startsWith(b, n, TRACE_DAT)) {
      return new Content.TraceDat();
    }
    for (Magic m : BINARY) {
      if (startsWith(b, n, m.bytes())) {
        return new Content.Binary(m.what());
      }
    }
    long nul = 0;
    long bad = 0;
    int i = 0;
    while (i < n) {
      int c = b[i] & 0xff;
      if (c == 0) {
        nul++;
        i++;
      } else if (c < 0x80) {
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x0b && c != 0x1b && c != 0x08
            || c == 0x7f) {
          bad++;
        }
        i++;
      } else {
        int len = utf8Length(b, i, n);
        if (len <= 0) {
          bad++;
          i++;
        } else {
          i += len;
        }
      }
    }
    long text = n - nul;
    if (text == 0) {
      return new Content.Binary("only NUL bytes (" + n + " sampled)");
    }
    if (bad * 100 > text * MAX_NON_TEXT_PERCENT) {
      return new Content.Binary("binary data: " + (bad * 100 / text) + " % of the first " + n
          + " bytes are neither text nor UTF-8");
    }
    return new Content.Text();
  }

  /** The length of a valid UTF-8 sequence at {@code i}; a sequence cut by the sample's end counts as valid. */
  private static int utf8Length(byte[] b, int i, int n) {
    int c = b[i] & 0xff;
    int len = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 && c <= 0xdf ? 2 : 0;
    if (len == 0 || c > 0xf4) {
      return 0;
    }
    for (int k = 1; k < len; k++) {
      if (i + k >= n) {
        return n - i;
      }
      if ((b[i + k] & 0xc0) != 0x80) {
        return 0;
      }
    }
    return len;
  }

  private static boolean startsWith(byte[] b, int n, byte[] magic) {
    if (n < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (b[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
