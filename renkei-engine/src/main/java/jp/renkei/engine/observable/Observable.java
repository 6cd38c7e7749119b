package jp.renkei.engine.observable;

/**
 * A validated observable in its normal form (lower-case domains and hashes, compressed IPv6,
 * network address of a CIDR), with the text as given.
 */
public record Observable(ObservableType type, String value, String original) {}
