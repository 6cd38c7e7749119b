package jp.renkei.engine.monitor;

/** The phases of one HTTP(S) probe, each timed on its own, and the total. */
public enum Phase {
  DNS,
  CONNECT,
  TLS,
  TTFB,
  TRANSFER,
  TOTAL
}
