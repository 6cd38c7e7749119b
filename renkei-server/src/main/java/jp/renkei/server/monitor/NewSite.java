package jp.renkei.server.monitor;

/**
 * A site to register or its new settings: where, what answer counts as up, how often, who of the
 * organisation owns it ({@code ownerLogin}; null: the person registering it), and how widely its
 * state and its details are shared.
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
    boolean enabled,
    String ownerLogin) {}
