package dev.oomspec.reference.policy;

import dev.oomspec.reference.series.SeriesModel;

/** The revisions a {@code struct bpf_oom_ops} policy of this API runs on. */
public enum Revision {
    /** v3 (bpf-next, Jan 2026): one link per cgroup ({@code BPF_F_CGROUP_FD}), the root's link is system-wide. */
    V3("v3"),
    /** post-v3 (the author's tree): cgroup struct_ops of the generic cgroup BPF layer, the handler gets the cgroup. */
    POST("post");

    private final String id;

    Revision(String id) { this.id = id; }

    /** "v3" or "post". */
    public String id() { return id; }

    /** The revision for {@code --revision v3|post}; null for any other text. */
    public static Revision parse(String s) {
        for (Revision r : values()) if (r.id.equalsIgnoreCase(s.strip())) return r;
        return null;
    }

    /** The revision of a booted series (the review-proposal variants count as their base); null when neither. */
    public static Revision of(SeriesModel series) {
        if (series instanceof dev.oomspec.reference.series.v3.Series) return V3;
        if (series instanceof dev.oomspec.reference.series.post.Series) return POST;
        return null;
    }

    /** The series constructor of this revision, for {@code OomModel.builder().series(...)}. */
    public java.util.function.Function<dev.oomspec.reference.series.Boot, SeriesModel> boot() {
        return this == V3 ? dev.oomspec.reference.series.v3.Series::new : dev.oomspec.reference.series.post.Series::new;
    }
}
