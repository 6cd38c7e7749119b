package jp.renkei.engine.match;

/**
 * One match of an indicator in a log: where (line number), when (the log's own timestamp text),
 * which internal host, which indicator, and on which field ({@code host}, {@code peer}, {@code
 * url}).
 */
public record Hit(long line, String time, String client, int indicator, String field) {}
