package dev.oomspec.spec.model;

/** {@code op: kfunc} — call one kfunc with arguments from a running, correctly typed program. */
public record KfuncCall(Kfunc kfunc, KfuncArgs args) implements Call {
  @Override
  public String op() {
    return "kfunc";
  }

  public KfuncArgs argsOrNone() {
    return args == null ? KfuncArgs.NONE : args;
  }
}
