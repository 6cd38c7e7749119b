package jp.renkei.server.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.renkei.server.RenkeiApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the Spring application for a command: with the web server for {@code serve}, without it
 * for the rest. Command-line options are passed as Spring command-line arguments, so they win over
 * environment variables and config files.
 *
 * <p>A command other than {@code serve} makes only the beans it asks for, and what they need (lazy
 * initialisation), and none of the metrics, health and actuator configuration that only the
 * server's endpoints read: of the hub's ~450 beans an {@code admin} command needs a few dozen. What
 * the database needs is unchanged: the first bean that reads it waits for Flyway, so a command on
 * an older database still migrates it, or refuses with one line, as before. The start-up listeners
 * (the misnamed-identity warning, sealing stored feed credentials) still run, each making its own
 * beans (docs/benchmarks.md, ci34).
 */
final class Contexts {

  /**
   * Auto-configurations for the server's {@code /actuator} endpoints and metrics: no command reads
   * them, and Boot would evaluate and make them at every start.
   */
  static final List<String> SERVER_ONLY =
      List.of(
          "org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration",
          "org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration",
          "org.springframework.boot.actuate.autoconfigure.info.InfoContributorAutoConfiguration",
          "org.springframework.boot.actuate.autoconfigure.info.InfoEndpointAutoConfiguration",
          "org.springframework.boot.actuate.autoconfigure.web.server.ManagementContextAutoConfiguration",
          "org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration",
          "org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration",
          "org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration",
          "org.springframework.boot.health.autoconfigure.application.DiskSpaceHealthContributorAutoConfiguration",
          "org.springframework.boot.health.autoconfigure.application.SslHealthContributorAutoConfiguration",
          "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration",
          "org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration",
          "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
          "org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration",
          "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
          "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
          "org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration",
          "org.springframework.boot.micrometer.metrics.autoconfigure.jvm.JvmMetricsAutoConfiguration",
          "org.springframework.boot.micrometer.metrics.autoconfigure.logging.logback.LogbackMetricsAutoConfiguration",
          "org.springframework.boot.micrometer.metrics.autoconfigure.ssl.SslMetricsAutoConfiguration",
          "org.springframework.boot.micrometer.metrics.autoconfigure.startup.StartupTimeMetricsListenerAutoConfiguration",
          "org.springframework.boot.micrometer.metrics.autoconfigure.system.SystemMetricsAutoConfiguration",
          "org.springframework.boot.micrometer.metrics.autoconfigure.task.TaskExecutorMetricsAutoConfiguration",
          "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
          "org.springframework.boot.micrometer.observation.autoconfigure.ScheduledTasksObservationAutoConfiguration");

  private Contexts() {}

  static ConfigurableApplicationContext withoutWeb(DatabaseOptions db) {
    Map<String, Object> p = new HashMap<>(db.properties());
    p.put("logging.config", "classpath:logback-cli.xml");
    p.put("spring.main.log-startup-info", "false");
    p.put("logging.level.root", "WARN");
    p.put("logging.level.org.springframework", "ERROR");
    p.put("logging.level.io.zonky", "ERROR");
    p.put("spring.main.lazy-initialization", "true");
    p.put("spring.autoconfigure.exclude", String.join(",", SERVER_ONLY));
    return new SpringApplicationBuilder(RenkeiApplication.class)
        .web(WebApplicationType.NONE)
        .run(args(p));
  }

  static ConfigurableApplicationContext withWeb(Map<String, Object> properties) {
    return new SpringApplicationBuilder(RenkeiApplication.class)
        .web(WebApplicationType.SERVLET)
        .run(args(properties));
  }

  /** Spring's arguments; from here on Spring configures logging (so Main hands it over). */
  private static String[] args(Map<String, Object> properties) {
    Main.handOverLogging();
    return properties.entrySet().stream()
        .map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
  }
}
