package dev.oomspec.spec.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Meaning of the MAX_ORDER / MAX_PAGE_ORDER macro value (include/linux/mmzone.h; tables/max-order.csv). */
public enum OrderBound implements Vocab.Spelled {
  /** 6.4+: valid orders 0..value. */
  INCLUSIVE("inclusive"),
  /** before 6.4: valid orders 0..value-1. */
  EXCLUSIVE("exclusive");

  private final String spelling;

  OrderBound(String spelling) {
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
  public static OrderBound of(String text) {
    return Vocab.parse(OrderBound.class, text);
  }

  @Override
  public String toString() {
    return spelling;
  }
}
