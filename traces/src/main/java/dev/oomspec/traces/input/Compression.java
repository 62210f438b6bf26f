package dev.oomspec.traces.input;

import io.airlift.compress.zstd.ZstdInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The compressions a log may come in, recognised by their magic bytes (never by the file name): what logrotate,
 * journald exports and log shippers write. Concatenated members/streams (a {@code cat a.gz b.gz}, or logrotate's
 * {@code delaycompress} chains) are read as one.
 */
public enum Compression {
  /** Plain bytes. */
  NONE("none", new byte[0]),
  /** RFC 1952 gzip: {@code 1f 8b}, deflate ({@code 08}). The JDK's reader. */
  GZIP("gzip", new byte[] {0x1f, (byte) 0x8b, 0x08}),
  /** xz: {@code fd 37 7a 58 5a 00}. Commons Compress over the tukaani codec. */
  XZ("xz", new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0}),
  /** Zstandard frame: {@code 28 b5 2f fd}. aircompressor (already used for trace.dat v7). */
  ZSTD("zstd", new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd}),
  /** bzip2: {@code "BZh"} and a block size digit. Commons Compress. */
  BZIP2("bzip2", new byte[] {'B', 'Z', 'h'});

  /** The most bytes any magic needs. */
  static final int MAGIC_BYTES = 6;

  private final String label;
  private final byte[] magic;

  Compression(String label, byte[] magic) {
    this.label = label;
    this.magic = magic;
  }

  /** {@code gzip}, {@code xz}, {@code zstd}, {@code bzip2} or {@code none}. */
  public String label() {
    return label;
  }

  /** The compression whose magic starts {@code head}, or {@link #NONE}. */
  static Compression of(byte[] head, int length) {
    for (Compression c : values()) {
      if (c == NONE || length < c.magic.length) {
        continue;
      }
      boolean match = true;
      for (int i = 0; i < c.magic.length && match; i++) {
        match = head[i] == c.magic[i];
      }
      if (match && (c != BZIP2 || head[3] >= '1' && head[3] <= '9')) {
        return c;
      }
    }
    return NONE;
  }

  /** The decompressing stream over {@code in} (which starts with this compression's magic). */
  InputStream wrap(InputStream in) throws IOException {
    return switch (this) {
      case NONE -> in;
      case GZIP -> new GZIPInputStream(in, 64 * 1024); // reads concatenated members
      case XZ -> new XZCompressorInputStream(in, true);
      case ZSTD -> new ZstdInputStream(in);
      case BZIP2 -> new BZip2CompressorInputStream(in, true);
    };
  }
}
