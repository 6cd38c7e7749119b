package jp.renkei.engine.policy;

/** The hub-wide mode NISC switches (reference vocabulary {@code system_mode}). */
public enum SystemMode {
  /** 通常時. */
  NORMAL,
  /** 大規模重要インフラサービス障害対応時: GREEN-and-wider also reaches the mode-gated agencies. */
  LARGE_SCALE
}
