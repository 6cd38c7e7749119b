package jp.renkei.engine.exposure;

import java.util.List;

/**
 * One fact behind a finding, as a code and its arguments ({@code exposure.why.<code>} in the UI, in
 * Japanese and English): {@code cpe-match}, {@code purl-match}, {@code name-match}, {@code
 * in-range}, {@code exact}, {@code default-status}, {@code kev}, {@code no-ranges}, or the reason a
 * version comparison was undecidable.
 */
public record Evidence(String code, List<String> args) {

  public Evidence {
    args = List.copyOf(args);
  }

  public static Evidence of(String code, String... args) {
    return new Evidence(code, List.of(args));
  }
}
