package dev.oomspec.traces.tracedat;

import io.airlift.compress.MalformedInputException;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The v7 compression algorithm named in the initial header ({@code "zstd\0" "1.5.4\0"}). trace-cmd 3.x knows
 * {@code zstd} and {@code zlib}; {@code none} (and every v6 file) means uncompressed.
 */
sealed interface Codec {

  /** Blocks larger than this are treated as corrupt rather than allocated (trace-cmd chunks are ~10 pages). */
  int MAX_BLOCK = 256 << 20;

  String name();

  /** Decompresses one block whose uncompressed size the file states; throws with a plain message. */
  byte[] decompress(byte[] in, int uncompressedSize) throws BadBlock;

  static Codec forName(String name) {
    return switch (name) {
      case "none", "" -> new None();
      case "zstd" -> new Zstd();
      case "zlib" -> new Zlib();
      default -> new Unsupported(name);
    };
  }

  /**
   * The stated size is allocated before decompressing: it must be one the compressed bytes can produce, so a
   * corrupt size field cannot make a small block allocate up to {@link #MAX_BLOCK}.
   */
  private static void checkExpansion(byte[] in, int uncompressedSize, int maxExpansion, String what)
      throws BadBlock {
    if (uncompressedSize > (long) in.length * maxExpansion) {
      throw new BadBlock(what + " block of " + in.length + " bytes cannot hold the " + uncompressedSize
          + " bytes its header states (at most " + maxExpansion + " times as many)", null);
    }
  }

  /** A block that does not decompress to its stated size. */
  final class BadBlock extends Exception {
    private static final long serialVersionUID = 1L;

    BadBlock(String message, Throwable cause) {
      super(message, cause);
    }
  }

  record None() implements Codec {
    public String name() {
      return "none";
    }

    public byte[] decompress(byte[] in, int uncompressedSize) throws BadBlock {
      throw new BadBlock("block marked compressed in a file without compression", null);
    }
  }

  /** zstd through io.airlift:aircompressor's pure-Java decoder (no native code). */
  record Zstd() implements Codec {
    public String name() {
      return "zstd";
    }

    /** A zstd block regenerates at most 128 KiB and takes at least 4 bytes (3-byte header, 1 RLE byte). */
    static final int MAX_EXPANSION = 32 * 1024;

    public byte[] decompress(byte[] in, int uncompressedSize) throws BadBlock {
      checkExpansion(in, uncompressedSize, MAX_EXPANSION, "zstd");
      byte[] out = new byte[uncompressedSize];
      int n;
      try {
        n = new ZstdDecompressor().decompress(in, 0, in.length, out, 0, out.length);
      } catch (MalformedInputException | IllegalArgumentException | IndexOutOfBoundsException e) {
        throw new BadBlock("corrupt zstd block: " + e.getMessage(), e);
      }
      if (n != uncompressedSize) {
        throw new BadBlock("zstd block gave " + n + " bytes, header says " + uncompressedSize, null);
      }
      return out;
    }
  }

  /** zlib (RFC 1950) through java.util.zip. */
  record Zlib() implements Codec {
    public String name() {
      return "zlib";
    }

    /** Deflate's limit as zlib documents it: 1032:1 (a 258-byte match in about 2 bits). */
    static final int MAX_EXPANSION = 1032;

    public byte[] decompress(byte[] in, int uncompressedSize) throws BadBlock {
      checkExpansion(in, uncompressedSize, MAX_EXPANSION, "zlib");
      Inflater inf = new Inflater();
      try {
        inf.setInput(in);
        byte[] out = new byte[uncompressedSize];
        int n = 0;
        while (n < out.length && !inf.finished()) {
          int k = inf.inflate(out, n, out.length - n);
          if (k == 0 && (inf.needsInput() || inf.needsDictionary())) {
            break;
          }
          n += k;
        }
        if (n != uncompressedSize) {
          throw new BadBlock("zlib block gave " + n + " bytes, header says " + uncompressedSize, null);
        }
        return out;
      } catch (DataFormatException e) {
        throw new BadBlock("corrupt zlib block: " + e.getMessage(), e);
      } finally {
        inf.end();
      }
    }
  }

  record Unsupported(String name) implements Codec {
    public byte[] decompress(byte[] in, int uncompressedSize) throws BadBlock {
      throw new BadBlock("unsupported compression algorithm '" + name + "'", null);
    }
  }
}
