package jp.renkei.engine.match;

import java.util.List;

/** What one pass over a log did: lines read, hits, and the bad lines (first ones with numbers). */
public record MatchStats(
    long lines, long hits, long badLines, List<Long> firstBadLines, long bytes) {}
