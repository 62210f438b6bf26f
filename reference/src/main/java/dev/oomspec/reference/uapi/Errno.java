package dev.oomspec.reference.uapi;

/** Kernel errno values (include/uapi/asm-generic/errno-base.h, errno.h). Kfuncs return {@code -errno}. */
public enum Errno {
    EPERM(1), ENOENT(2), EINTR(4), EBADF(9), EAGAIN(11), ENOMEM(12), EACCES(13), EBUSY(16),
    EEXIST(17), EINVAL(22), EOPNOTSUPP(95), ECANCELED(125);

    private final int value;

    Errno(int value) { this.value = value; }

    /** The positive errno number. */
    public int value() { return value; }

    /** The kernel return convention: {@code -errno}. */
    public int neg() { return -value; }

    /** Name of a negative return value, e.g. {@code -16 -> "-EBUSY"}; other values as decimal. */
    public static String describe(int ret) {
        for (Errno e : values()) if (e.neg() == ret) return "-" + e.name();
        return Integer.toString(ret);
    }
}
