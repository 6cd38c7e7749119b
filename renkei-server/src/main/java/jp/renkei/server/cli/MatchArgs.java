package jp.renkei.server.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code renkei match} started without picocli when its arguments are plain: known options with
 * their values, then or among them the logs. Building the command from its annotations costs
 * picocli about a quarter of a second per run (176 classes that the class-data archive cannot hold,
 * issue 18), as much as matching a few hundred thousand lines. Anything this reader is not sure to
 * read exactly as picocli does (help, version, an unknown or repeated option, a missing or dash-led
 * value, an option glued to its value, {@code --}, {@code @file}, a number picocli might read
 * otherwise, no log) gives {@code null}, and the caller hands the arguments to picocli, whose help
 * and error messages are therefore the only ones. {@code MatchArgsTest} holds it to picocli's
 * reading of every option and to the defaults in {@link MatchCommand}'s annotations.
 */
final class MatchArgs {

  /** The options that take one value each, every name they answer to. */
  private static final Set<String> VALUED =
      Set.of(
          "-i",
          "--indicators",
          "--taxii",
          "--collection",
          "--taxii-user",
          "--taxii-cache",
          "--report-sightings",
          "--sighting-identity",
          "--sighting-tlp",
          "--format",
          "--log-format",
          "--fields",
          "--taxii-refresh",
          "--index-snapshot",
          "--threads");

  private MatchArgs() {}

  /**
   * The command for {@code args} (whose first is {@code match}) as picocli would set it up, or null
   * when picocli must read them.
   */
  static MatchCommand read(String[] args) {
    if (args.length < 2 || !args[0].equals("match")) {
      return null;
    }
    MatchCommand m = new MatchCommand();
    m.sightingTlp = "amber+strict";
    m.format = "jsonl";
    m.logFormat = "auto";
    m.indexSnapshot = "auto";
    List<Path> indicators = new ArrayList<>();
    List<String> logs = new ArrayList<>();
    Set<String> given = new HashSet<>();
    for (int k = 1; k < args.length; k++) {
      String a = args[k];
      if (a.isEmpty() || a.charAt(0) == '@') {
        return null; // picocli reads @file as a file of arguments
      }
      if (a.equals("-") || a.charAt(0) != '-') {
        logs.add(a);
        continue;
      }
      String name = a;
      String value = null;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 2) {
        name = a.substring(0, eq);
        value = a.substring(eq + 1);
      }
      if (name.equals("--follow") && value == null) {
        if (m.follow) {
          return null; // picocli refuses a repeated option
        }
        m.follow = true;
        continue;
      }
      if (!VALUED.contains(name)) {
        return null;
      }
      if (value == null) {
        if (++k == args.length) {
          return null;
        }
        value = args[k];
      }
      if (value.isEmpty() || value.charAt(0) == '-' || value.charAt(0) == '@') {
        return null;
      }
      String option = canonical(name);
      if (!option.equals("-i") && !given.add(option)) {
        return null;
      }
      if (!set(m, option, value, indicators)) {
        return null;
      }
    }
    if (logs.isEmpty()) {
      return null;
    }
    m.indicatorFiles = indicators.isEmpty() ? null : indicators;
    m.logs = logs;
    return m;
  }

  private static String canonical(String name) {
    return name.equals("--indicators") ? "-i" : name;
  }

  private static boolean set(MatchCommand m, String option, String value, List<Path> indicators) {
    switch (option) {
      case "-i" -> {
        try {
          indicators.add(Path.of(value));
        } catch (InvalidPathException e) {
          return false;
        }
      }
      case "--taxii" -> m.taxiiRoot = value;
      case "--collection" -> m.taxiiCollection = value;
      case "--taxii-user" -> m.taxiiUser = value;
      case "--taxii-cache" -> {
        try {
          m.taxiiCache = Path.of(value);
        } catch (InvalidPathException e) {
          return false;
        }
      }
      case "--report-sightings" -> m.sightingsCollection = value;
      case "--sighting-identity" -> m.sightingIdentity = value;
      case "--sighting-tlp" -> m.sightingTlp = value;
      case "--format" -> m.format = value;
      case "--log-format" -> m.logFormat = value;
      case "--fields" -> m.fields = value;
      case "--index-snapshot" -> m.indexSnapshot = value;
      case "--taxii-refresh", "--threads" -> {
        // plain decimal only: picocli's reading of signs, leading zeros or overflow is its own
        if (!value.matches("0|[1-9][0-9]{0,8}")) {
          return false;
        }
        int n = Integer.parseInt(value);
        if (option.equals("--threads")) {
          m.threads = n;
        } else {
          m.taxiiRefresh = n;
        }
      }
      default -> {
        return false;
      }
    }
    return true;
  }
}
