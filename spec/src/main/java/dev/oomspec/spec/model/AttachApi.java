package dev.oomspec.spec.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a struct_ops map is registered. */
public enum AttachApi implements Vocab.Spelled {
  /** BPF_LINK_CREATE (bpf_map__attach_struct_ops[_opts]). */
  LINK("link"),
  /** Legacy registration by map update, without a link. */
  MAP_UPDATE("map-update");

  private final String spelling;

  AttachApi(String spelling) {
    this.spelling = spelling;
  }

  /** The spelling used in the data files. */
  @JsonValue
  @Override
  public String spelling() {
    return spelling;
  }

  /** Strict lookup by spelling; unknown values are an error. */
  @JsonCreator
  public static AttachApi of(String text) {
    return Vocab.parse(AttachApi.class, text);
  }

  @Override
  public String toString() {
    return spelling;
  }
}
