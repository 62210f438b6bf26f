package dev.oomspec.reference.bpf;

/** KF_* kfunc flags (include/linux/btf.h); only KF_SLEEPABLE changes a verdict in this model. */
public final class Kf {
    private Kf() {}

    public static final int KF_ACQUIRE = 1 << 0, KF_RELEASE = 1 << 1, KF_RET_NULL = 1 << 2, KF_TRUSTED_ARGS = 1 << 4,
            KF_SLEEPABLE = 1 << 5, KF_DESTRUCTIVE = 1 << 6, KF_RCU = 1 << 7;
}
