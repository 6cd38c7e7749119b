package jp.renkei.engine.match;

/** An indicator to match: its id (a STIX id, or the source's line), type code and normal value. */
public record Indicator(String id, String type, String value) {}
