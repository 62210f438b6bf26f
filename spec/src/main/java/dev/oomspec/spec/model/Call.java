package dev.oomspec.spec.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** The operation a clause performs, selected by {@code op}. Unknown ops are a load error. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "op")
@JsonSubTypes({
  @JsonSubTypes.Type(value = KfuncCall.class, name = "kfunc"),
  @JsonSubTypes.Type(value = FilterCall.class, name = "filter"),
  @JsonSubTypes.Type(value = AttachCall.class, name = "attach"),
  @JsonSubTypes.Type(value = DispatchCall.class, name = "dispatch"),
  @JsonSubTypes.Type(value = ReportCall.class, name = "report"),
  @JsonSubTypes.Type(value = NoneCall.class, name = "none")
})
public sealed interface Call
    permits KfuncCall, FilterCall, AttachCall, DispatchCall, ReportCall, NoneCall {

  /** The {@code op} spelling. */
  String op();
}
