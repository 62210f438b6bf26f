package dev.oomspec.reference.bpf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code struct btf_kfunc_id_set}: a set of kfuncs (BTF_KFUNCS_START … BTF_ID_FLAGS … BTF_KFUNCS_END) with its flags
 * per kfunc, and an optional filter ({@code .filter}).
 */
public record KfuncSet(String name, Map<String, Integer> ids, Filter filter) {

    /** {@code btf_kfunc_filter_t}: 0 = allowed, non-zero (-EACCES) = rejected. */
    @FunctionalInterface
    public interface Filter {
        int filter(BpfProg prog, String kfuncId);
    }

    public KfuncSet {
        ids = Collections.unmodifiableMap(new LinkedHashMap<>(ids));
    }

    /** btf_id_set8_contains(set, id). */
    public boolean contains(String kfunc) { return ids.containsKey(kfunc); }

    /** BTF_KFUNCS_START(name) … BTF_KFUNCS_END(name). */
    public static Builder start(String name) { return new Builder(name); }

    public static final class Builder {
        private final String name;
        private final Map<String, Integer> ids = new LinkedHashMap<>();

        private Builder(String name) { this.name = name; }

        /** BTF_ID_FLAGS(func, kfunc, flags). */
        public Builder idFlags(String kfunc, int flags) { ids.put(kfunc, flags); return this; }

        /** BTF_KFUNCS_END with {@code .filter}. */
        public KfuncSet end(Filter filter) { return new KfuncSet(name, ids, filter); }

        /** BTF_KFUNCS_END without a filter. */
        public KfuncSet end() { return end(null); }
    }
}
