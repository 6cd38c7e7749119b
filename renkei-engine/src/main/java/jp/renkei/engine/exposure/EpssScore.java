package jp.renkei.engine.exposure;

/**
 * FIRST EPSS for one CVE: the probability of exploitation activity in the next 30 days and its
 * percentile among all scored CVEs.
 */
public record EpssScore(String cveId, double epss, double percentile) {}
