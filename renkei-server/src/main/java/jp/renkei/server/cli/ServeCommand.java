package jp.renkei.server.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import jp.renkei.server.config.HubProperties;
import jp.renkei.server.demo.DemoActivity;
import jp.renkei.server.demo.DemoData;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Start the hub: web UI, REST API and jobs, on the embedded PostgreSQL unless a database URL is set.",
      "On an empty database it loads the demo data and prints the demo logins (disable with --no-demo),",
      "with a morning of demo activity: reports, relays, comments and advisories (disable with",
      "--no-demo-activity)."
    })
final class ServeCommand implements Callable<Integer> {

  @Mixin DatabaseOptions db;

  @Option(names = "--port", description = "HTTP port (default 8080, env SERVER_PORT).")
  Integer port;

  @Option(
      names = "--address",
      description = "Address to bind (default 127.0.0.1; use 0.0.0.0 behind a TLS proxy only).")
  String address;

  @Option(
      names = "--demo",
      description = "Load the demo data even if the database already has organisations.")
  boolean demo;

  @Option(names = "--no-demo", description = "Never load the demo data.")
  boolean noDemo;

  @Option(
      names = "--no-demo-activity",
      description =
          "Load the demo directory and people only, without the demo's reports and advisories.")
  boolean noDemoActivity;

  @Override
  public Integer call() throws InterruptedException {
    Map<String, Object> properties = new java.util.HashMap<>(db.properties());
    if (port != null) {
      properties.put("server.port", port);
    }
    if (address != null) {
      properties.put("server.address", address);
    }
    ConfigurableApplicationContext context = Contexts.withWeb(properties);
    CountDownLatch closed = new CountDownLatch(1);
    context.addApplicationListener(
        e -> {
          if (e instanceof ContextClosedEvent) {
            closed.countDown();
          }
        });
    DemoData demoData = context.getBean(DemoData.class);
    List<DemoData.Login> created = List.of();
    if (!noDemo && (demo || demoData.databaseIsEmpty())) {
      created = demoData.load();
      if (!noDemoActivity) {
        try {
          DemoActivity activity = context.getBean(DemoActivity.class);
          if (activity.load()) {
            activity.loadIndicators();
          }
        } catch (RuntimeException e) {
          // the hub still serves the demo directory; the activity rolled back as a whole
          System.err.println("renkei: the demo activity was not loaded: " + e.getMessage());
        }
      }
    }
    banner(System.out, context, demoData, created);
    closed.await();
    return 0;
  }

  private static void banner(
      PrintStream out,
      ConfigurableApplicationContext context,
      DemoData demo,
      List<DemoData.Login> created) {
    String port = context.getEnvironment().getProperty("local.server.port");
    String address = context.getEnvironment().getProperty("server.address", "127.0.0.1");
    HubProperties hub = context.getBean(HubProperties.class);
    out.println();
    out.println("  Renkei (連携) is running: http://" + address + ":" + port + "/");
    out.println("  Data directory: " + hub.dataDir().toAbsolutePath().normalize());
    if (!created.isEmpty()) {
      out.println("  Demo data loaded. Demo logins (passwords are shown this once):");
      for (DemoData.Login l : created) {
        out.printf(
            "    %-14s %-18s %s / %s%n", l.login(), l.password(), l.role(), l.organisation());
      }
    } else {
      List<DemoData.Login> known = demo.existingLogins();
      if (!known.isEmpty()) {
        out.println("  Demo logins (passwords were printed when the demo data was loaded;");
        out.println("  reset one with: java -jar renkei.jar admin user password --login LOGIN):");
        for (DemoData.Login l : known) {
          out.printf("    %-14s %s / %s%n", l.login(), l.role(), l.organisation());
        }
      }
    }
    out.println("  Stop with Ctrl+C.");
    out.println();
    out.flush();
  }
}
