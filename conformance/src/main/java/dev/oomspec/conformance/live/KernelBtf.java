package dev.oomspec.conformance.live;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks the running kernel's BTF ({@code /sys/kernel/btf/vmlinux}) whether a struct type exists — e.g.
 * {@code struct bpf_oom_ops}, which a kernel carrying the BPF OOM series registers (v1 01/14, Message-ID
 * 20250818170136.209169-2-roman.gushchin@linux.dev: register_bpf_struct_ops(&bpf_oom_bpf_ops, bpf_oom_ops)).
 * Format: include/uapi/linux/btf.h ({@code struct btf_header}, {@code struct btf_type} and the per-kind data that
 * follows each type).
 */
public final class KernelBtf {
  public static final Path VMLINUX = Path.of("/sys/kernel/btf/vmlinux");

  private static final int BTF_MAGIC = 0xeB9F;
  private static final int KIND_STRUCT = 4;

  private final ByteBuffer types;
  private final ByteBuffer strings;

  private KernelBtf(ByteBuffer types, ByteBuffer strings) {
    this.types = types;
    this.strings = strings;
  }

  /** Reads the running kernel's BTF, or says why it cannot. */
  public static Result<KernelBtf> load(Path file) {
    byte[] raw;
    try {
      raw = Files.readAllBytes(file);
    } catch (IOException e) {
      return Result.failure(file + ": " + e.getMessage() + " (kernel built without CONFIG_DEBUG_INFO_BTF?)");
    }
    ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
    if (raw.length < 24 || (b.getShort(0) & 0xffff) != BTF_MAGIC) {
      b.order(ByteOrder.BIG_ENDIAN);
      if (raw.length < 24 || (b.getShort(0) & 0xffff) != BTF_MAGIC) {
        return Result.failure(file + ": not BTF (magic 0xeB9F missing)");
      }
    }
    int hdrLen = b.getInt(4);
    int typeOff = b.getInt(8);
    int typeLen = b.getInt(12);
    int strOff = b.getInt(16);
    int strLen = b.getInt(20);
    if (hdrLen < 24 || hdrLen + (long) typeOff + typeLen > raw.length || hdrLen + (long) strOff + strLen > raw.length) {
      return Result.failure(file + ": BTF header sections out of bounds");
    }
    ByteBuffer t = b.duplicate().order(b.order()).position(hdrLen + typeOff).limit(hdrLen + typeOff + typeLen).slice().order(b.order());
    ByteBuffer s = b.duplicate().position(hdrLen + strOff).limit(hdrLen + strOff + strLen).slice();
    return Result.success(new KernelBtf(t, s));
  }

  /** True when a {@code struct name} is defined (not only forward-declared). */
  public boolean hasStruct(String name) {
    int nameOff = stringOffset(name);
    if (nameOff < 0) return false;
    int p = 0;
    int end = types.limit();
    while (p + 12 <= end) {
      int nameOffAt = types.getInt(p);
      int info = types.getInt(p + 4);
      int kind = (info >>> 24) & 0x1f;
      int vlen = info & 0xffff;
      if (kind == KIND_STRUCT && nameOffAt == nameOff) return true;
      p += 12 + extra(kind, vlen);
    }
    return false;
  }

  /** Size of the data after a {@code struct btf_type} of this kind (include/uapi/linux/btf.h). */
  private static int extra(int kind, int vlen) {
    return switch (kind) {
      case 1 -> 4;            // INT
      case 3 -> 12;           // ARRAY: struct btf_array
      case 4, 5 -> 12 * vlen; // STRUCT, UNION: struct btf_member
      case 6 -> 8 * vlen;     // ENUM: struct btf_enum
      case 13 -> 8 * vlen;    // FUNC_PROTO: struct btf_param
      case 14 -> 4;           // VAR: struct btf_var
      case 15 -> 12 * vlen;   // DATASEC: struct btf_var_secinfo
      case 17 -> 4;           // DECL_TAG: struct btf_decl_tag
      case 19 -> 12 * vlen;   // ENUM64: struct btf_enum64
      default -> 0;           // PTR, FWD, TYPEDEF, VOLATILE, CONST, RESTRICT, FUNC, FLOAT, TYPE_TAG
    };
  }

  private int stringOffset(String name) {
    byte[] want = name.getBytes(StandardCharsets.US_ASCII);
    int n = strings.limit();
    int start = 0;
    for (int i = 0; i < n; i++) {
      if (strings.get(i) == 0) {
        if (i - start == want.length && matches(start, want)) return start;
        start = i + 1;
      }
    }
    return -1;
  }

  private boolean matches(int at, byte[] want) {
    for (int k = 0; k < want.length; k++) if (strings.get(at + k) != want[k]) return false;
    return true;
  }

  /** A value or the reason there is none. */
  public record Result<T>(T value, String failure) {
    static <T> Result<T> success(T v) {
      return new Result<>(v, null);
    }

    static <T> Result<T> failure(String why) {
      return new Result<>(null, why);
    }

    public Optional<T> get() {
      return Optional.ofNullable(value);
    }
  }
}
