package dev.oomspec.traces.policy;

/** What a policy would have done with one recorded OOM, against what the kernel did. */
public enum PolicyVerdict {
    /** the policy killed exactly what the kernel killed */
    SAME("same"),
    /** the policy killed, and not exactly what the kernel killed */
    DIFFERENT("different"),
    /** every kill the policy asked for was refused (the errno is in the calls); the kernel's killer ran */
    REFUSED("refused"),
    /** the policy killed nothing and asked for nothing (returned 0, or 1 without freeing); the kernel's killer ran */
    DECLINED("declined"),
    /** the verifier would refuse the program: it never loads, the kernel's killer decides */
    NOT_LOADED("not-loaded"),
    /** the Java policy threw or ran past its budget: counted as returning 0 there, the kernel's killer ran */
    ERROR("error"),
    /** the event does not carry what the policy needed, or what the kernel killed (reason given) */
    UNDECIDABLE("undecidable");

    private final String id;

    PolicyVerdict(String id) { this.id = id; }

    /** The word in JSON, CSV and HTML. */
    public String id() { return id; }
}
