package jp.renkei.server.monitor;

/**
 * A site to register: where, what answer counts as up, how often, and how widely its state and its
 * details are shared.
 */
public record NewSite(
    String name,
    String url,
    int expectedStatus,
    String expectedText,
    int intervalSeconds,
    String stateTlp,
    String detailTlp,
    boolean detailToCoordinators,
    boolean enabled) {}
