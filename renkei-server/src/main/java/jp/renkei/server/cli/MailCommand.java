package jp.renkei.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import jp.renkei.engine.mail.KnownOrganisations;
import jp.renkei.engine.mail.MailAnalyzer;
import jp.renkei.engine.mail.MailReport;
import jp.renkei.engine.mail.MailStix;
import jp.renkei.engine.policy.Tlp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(
    name = "mail",
    mixinStandardHelpOptions = true,
    description = "Targeted-attack e-mail (標的型攻撃メール) analysis.",
    subcommands = {MailCommand.Analyze.class})
final class MailCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(
      name = "analyze",
      mixinStandardHelpOptions = true,
      description = {
        "Analyse saved messages (.eml, or Outlook .msg: told by content) for the signs of a",
        "targeted attack: indicators (sender,",
        "relays, links, attachments with hashes and archive members) and red flags, each explained,",
        "with a score and a verdict (clean, suspicious, malicious). Runs locally: nothing is sent.",
        "Directories are read recursively (*.eml, *.msg); '-' reads one message from standard",
        "input."
      })
  static final class Analyze implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR|-")
    List<String> inputs;

    @Option(
        names = "--format",
        defaultValue = "text",
        description = "text (a readable report) or json (one JSON object per message).")
    String format;

    @Option(
        names = "--lang",
        defaultValue = "ja",
        description = "Language of the explanations: ja or en (default: ${DEFAULT-VALUE}).")
    String lang;

    @Option(
        names = "--stix",
        paramLabel = "DIR",
        description =
            "Also write a STIX 2.1 bundle per message into DIR (recipients left out: they name the"
                + " receiving organisation).")
    Path stixDir;

    @Option(
        names = "--tlp",
        defaultValue = "amber",
        description = "TLP of the STIX bundles (default: ${DEFAULT-VALUE}).")
    String tlp;

    @Option(
        names = "--share",
        paramLabel = "HUB_URL",
        description =
            "Share each analysed message under C4TAP at this hub (e.g. https://hub.example.jp/):"
                + " the hub takes your organisation out and shows what it removed; you confirm"
                + " before anything is sent. Token from the environment variable RENKEI_TOKEN.")
    String shareHub;

    @Option(
        names = "--range",
        defaultValue = "amber",
        description =
            "C4TAP range for --share: red, amber, yellow, green, white (default: ${DEFAULT-VALUE}).")
    String range;

    @Option(
        names = "--connect-timeout",
        defaultValue = "10s",
        paramLabel = "DURATION",
        description =
            "With --share: how long to wait for the connection to the hub (default:"
                + " ${DEFAULT-VALUE}).",
        converter = ProbeCommand.DurationConverter.class)
    Duration connectTimeout;

    @Option(
        names = "--answer-timeout",
        defaultValue = "60s",
        paramLabel = "DURATION",
        description =
            "With --share: how long to wait for the hub to begin its answer to each request (it"
                + " analyses the message first; default: ${DEFAULT-VALUE}).",
        converter = ProbeCommand.DurationConverter.class)
    Duration answerTimeout;

    @Option(
        names = "--deadline",
        defaultValue = "2m",
        paramLabel = "DURATION",
        description =
            "With --share: how long each request to the hub may take as a whole, its answer read"
                + " to the end (default: ${DEFAULT-VALUE}).",
        converter = ProbeCommand.DurationConverter.class)
    Duration deadline;

    @Option(
        names = "--yes",
        description = "With --share: send without asking (no terminal needed).")
    boolean yes;

    @Option(
        names = "--member-domains",
        paramLabel = "FILE",
        description = "Domains of the community's organisations, one per line (look-alike check).")
    Path memberDomains;

    @Option(
        names = "--members",
        paramLabel = "FILE",
        description = {
          "The community's organisations, one per line: Japanese name TAB English name TAB",
          "domains (comma-separated) [TAB aliases separated by |]. A display name, subject tag or",
          "signature claiming one of them from another domain is member impersonation; a domain",
          "imitating theirs a look-alike. At most 10,000 organisations."
        })
    Path members;

    @Option(
        names = "--allow",
        paramLabel = "FILE",
        description =
            "Allow-list, one per line: domains, addresses or SHA-256 hashes whose flags are known"
                + " false positives.")
    Path allowList;

    @Option(
        names = "--model",
        paramLabel = "FILE",
        description =
            "A statistical model of phishing wording, written by the mail benchmark"
                + " (docs/benchmarks.md, issue 19); without it the rules alone judge.")
    Path model;

    @Override
    public Integer call() throws IOException {
      if (!List.of("text", "json").contains(format) || !List.of("ja", "en").contains(lang)) {
        throw new IllegalArgumentException("--format is text or json, --lang ja or en");
      }
      Tlp marking;
      try {
        marking = Tlp.valueOf(tlp.toUpperCase(java.util.Locale.ROOT).replace('+', '_'));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--tlp: clear, green, amber, amber+strict or red");
      }
      MailAnalyzer analyzer =
          new MailAnalyzer(
              MailAnalyzer.Limits.DEFAULT,
              lines(memberDomains),
              members(members),
              lines(allowList),
              jp.renkei.server.mail.MailModels.load(model));
      if (stixDir != null) {
        Files.createDirectories(stixDir);
      }
      JsonMapper json = JsonMapper.builder().build();
      PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
      Map<MailReport.Verdict, Integer> verdicts = new EnumMap<>(MailReport.Verdict.class);
      int n = 0;
      for (String input : inputs) {
        for (Path f : expand(input)) {
          MailReport r;
          try (InputStream in = f == null ? System.in : Files.newInputStream(f)) {
            r = analyzer.analyze(in);
          }
          String name = f == null ? "-" : f.toString();
          verdicts.merge(r.verdict(), 1, Integer::sum);
          n++;
          if (format.equals("json")) {
            // JSON escapes C0 only: a lure's C1 (U+009B, a CSI to some terminals) and format
            // characters are written by their codes too, still the same JSON
            out.println(Terminal.printable(json(json, name, r)));
          } else {
            text(out, name, r);
          }
          if (shareHub != null) {
            share(out, name, f);
          }
          if (stixDir != null) {
            String base =
                f == null
                    ? "stdin"
                    : f.getFileName().toString().replaceAll("(?i)\\.(eml|msg)$", "");
            Files.writeString(
                stixDir.resolve(base + ".stix.json"),
                MailStix.bundle(r, marking, Instant.now(), false).toString());
          }
        }
      }
      System.err.printf(
          "%d message(s): %d malicious, %d suspicious, %d clean%n",
          n,
          verdicts.getOrDefault(MailReport.Verdict.MALICIOUS, 0),
          verdicts.getOrDefault(MailReport.Verdict.SUSPICIOUS, 0),
          verdicts.getOrDefault(MailReport.Verdict.CLEAN, 0));
      return 0;
    }

    /** Drafts a C4TAP share at the hub, shows its redaction, and sends it when confirmed. */
    private void share(PrintStream out, String name, Path f) throws IOException {
      if (f == null) {
        throw new IllegalArgumentException("--share needs files, not standard input");
      }
      String token = System.getenv("RENKEI_TOKEN");
      if (token == null) {
        throw new IllegalArgumentException("--share: set RENKEI_TOKEN to an API token of yours");
      }
      String hub = shareHub.endsWith("/") ? shareHub : shareHub + "/";
      HubRequests calls = new HubRequests("--share", connectTimeout, answerTimeout, deadline);
      tools.jackson.databind.JsonNode draft =
          hubAnswer(
              post(calls, hub + "api/v1/c4tap?range=" + range, token, Files.readAllBytes(f), 201));
      long id = draft.path("id").asLong();
      out.printf(
          "   C4TAP draft %d (%s): taken out before sharing:%n",
          id, Terminal.printable(draft.path("range").asString()));
      for (var x : draft.path("removed")) {
        out.printf("     - %s%n", Terminal.printable(x.asString()));
      }
      boolean send = yes;
      if (!send && System.console() != null) {
        String answer = System.console().readLine("   Send %s to C4TAP? [y/N] ", name);
        send = answer != null && answer.strip().equalsIgnoreCase("y");
      }
      if (!send) {
        out.printf("   not sent (the draft stays yours; send it at %sc4tap or with --yes)%n", hub);
        return;
      }
      post(calls, hub + "api/v1/c4tap/" + id + "/send", token, new byte[0], 200);
      out.printf("   shared under C4TAP %s%n", Terminal.printable(draft.path("range").asString()));
    }

    private static final JsonMapper STRICT =
        JsonMapper.builder()
            .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /**
     * The hub's answer to a draft, refused when it is not JSON or gives a key twice in one object
     * (JSON readers differ in which value they take: a second "id" would have the draft of another
     * id sent), saying where; nothing is sent then.
     */
    static tools.jackson.databind.JsonNode hubAnswer(String body) {
      try {
        return STRICT.readTree(body);
      } catch (tools.jackson.core.JacksonException e) {
        String twice = jp.renkei.server.failure.DuplicateKeys.key(e);
        var at = e.getLocation();
        String where =
            "line "
                + (at == null ? 0 : at.getLineNr())
                + ", column "
                + (at == null ? 0 : at.getColumnNr());
        if (twice != null) {
          throw new IllegalArgumentException(
              "--share: the hub's answer gives the key \""
                  + Terminal.printable(twice)
                  + "\" twice ("
                  + where
                  + "); nothing was sent");
        }
        throw new IllegalArgumentException(
            "--share: the hub's answer is not JSON (" + where + "); nothing was sent");
      }
    }

    /** A POST of {@code body} to the hub, refused unless it answers {@code expected}. */
    static String post(HubRequests hub, String url, String token, byte[] body, int expected)
        throws IOException {
      java.net.http.HttpResponse<String> r =
          hub.send(
              java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "message/rfc822")
                  .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)));
      if (r.statusCode() != expected) {
        throw new IllegalArgumentException(
            "--share: the hub answered HTTP " + r.statusCode() + ": " + r.body());
      }
      return r.body();
    }

    private String json(JsonMapper json, String name, MailReport r) {
      ObjectNode o = json.valueToTree(r);
      o.put("file", name);
      ArrayNode findings = o.putArray("findings");
      for (MailReport.Finding f : r.findings()) {
        findings
            .addObject()
            .put("flag", f.flag().name())
            .put("weight", f.flag().weight())
            .put("explanation", lang.equals("ja") ? f.flag().ja() : f.flag().en())
            .put("evidence", f.evidence());
      }
      ArrayNode problems = o.putArray("problems");
      for (MailReport.Problem p : r.problems()) {
        problems.addObject().put("kind", p.kind()).put("text", p.text(!lang.equals("ja")));
      }
      return o.toString();
    }

    private void text(PrintStream out, String name, MailReport r) {
      String verdict =
          switch (r.verdict()) {
            case MALICIOUS -> lang.equals("ja") ? "危険 (MALICIOUS)" : "MALICIOUS";
            case SUSPICIOUS -> lang.equals("ja") ? "要注意 (SUSPICIOUS)" : "SUSPICIOUS";
            case CLEAN -> lang.equals("ja") ? "問題なし (CLEAN)" : "CLEAN";
          };
      // everything below but the verdict, the sign's words and the counts is the message's own,
      // written by its sender: a control character in it would drive the analyst's terminal
      // (erase the signs, write another verdict, set the title or the clipboard), so each is
      // written by its code (attack31b)
      out.printf("== %s: %s, score %d%n", Terminal.printable(name), verdict, r.score());
      out.printf(
          "   Subject: %s%n   From: %s <%s>%n",
          Terminal.printable(r.subject()),
          Terminal.printable(r.fromName()),
          Terminal.printable(r.from()));
      if (!r.replyTo().isEmpty()) {
        out.printf("   Reply-To: %s%n", Terminal.printable(String.join(", ", r.replyTo())));
      }
      for (MailReport.Hop h : r.received()) {
        out.printf(
            "   Received: from %s by %s %s%n",
            Terminal.printable(h.from()),
            Terminal.printable(h.by()),
            Terminal.printable(h.ips().toString()));
      }
      for (MailReport.Finding f : r.findings()) {
        out.printf(
            "   ! %s: %s%n       %s%n",
            f.flag().name(),
            lang.equals("ja") ? f.flag().ja() : f.flag().en(),
            Terminal.printable(f.evidence(!lang.equals("ja"))));
      }
      for (MailReport.Link l : r.links()) {
        out.printf(
            "   link: %s%s%n",
            Terminal.printable(l.url()),
            l.text() == null ? "" : "  (shown: " + Terminal.printable(l.text()) + ")");
      }
      for (MailReport.Attachment a : r.attachments()) {
        attachment(out, a, "   ");
      }
      for (MailReport.Problem p : r.problems()) {
        out.printf("   ? %s%n", Terminal.printable(p.text(!lang.equals("ja"))));
      }
    }

    private static void attachment(PrintStream out, MailReport.Attachment a, String indent) {
      out.printf(
          "%sattachment: %s (%s, %d bytes%s) sha256 %s%n",
          indent,
          Terminal.printable(a.name()),
          Terminal.printable(a.detectedType()),
          a.size(),
          a.encrypted() ? ", encrypted" : "",
          a.sha256());
      for (MailReport.Attachment m : a.members()) {
        attachment(out, m, indent + "  ");
      }
    }

    static KnownOrganisations members(Path f) throws IOException {
      if (f == null) {
        return KnownOrganisations.NONE;
      }
      return KnownOrganisations.read(
          Files.readAllLines(f, StandardCharsets.UTF_8), "--members " + f);
    }

    private static List<String> lines(Path f) throws IOException {
      if (f == null) {
        return List.of();
      }
      return Files.readAllLines(f, StandardCharsets.UTF_8).stream()
          .map(String::strip)
          .filter(s -> !s.isEmpty() && !s.startsWith("#"))
          .toList();
    }

    private static List<Path> expand(String input) throws IOException {
      List<Path> out = new ArrayList<>();
      if (input.equals("-")) {
        out.add(null);
        return out;
      }
      Path p = Path.of(input);
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(
                  x ->
                      Files.isRegularFile(x)
                          && (x.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".eml")
                              || x.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".msg")))
              .sorted()
              .forEach(out::add);
        }
      } else if (Files.isRegularFile(p)) {
        out.add(p);
      } else {
        throw new IllegalArgumentException(input + ": no such file or directory");
      }
      return out;
    }
  }
}
