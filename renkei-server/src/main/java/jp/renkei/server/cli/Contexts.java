package jp.renkei.server.cli;

import java.util.HashMap;
import java.util.Map;
import jp.renkei.server.RenkeiApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the Spring application for a command: with the web server for {@code serve}, without it
 * for the rest. Command-line options are passed as Spring command-line arguments, so they win over
 * environment variables and config files.
 */
final class Contexts {

  private Contexts() {}

  static ConfigurableApplicationContext withoutWeb(DatabaseOptions db) {
    Map<String, Object> p = new HashMap<>(db.properties());
    p.put("logging.config", "classpath:logback-cli.xml");
    p.put("spring.main.log-startup-info", "false");
    p.put("logging.level.root", "WARN");
    p.put("logging.level.org.springframework", "ERROR");
    p.put("logging.level.io.zonky", "ERROR");
    return new SpringApplicationBuilder(RenkeiApplication.class)
        .web(WebApplicationType.NONE)
        .run(args(p));
  }

  static ConfigurableApplicationContext withWeb(Map<String, Object> properties) {
    return new SpringApplicationBuilder(RenkeiApplication.class)
        .web(WebApplicationType.SERVLET)
        .run(args(properties));
  }

  private static String[] args(Map<String, Object> properties) {
    return properties.entrySet().stream()
        .map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
  }
}
