package jp.renkei.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.renkei.server.support.RenkeiProcess;
import jp.renkei.server.support.TestFiles;
import org.junit.jupiter.api.Test;

/** The runnable jar as an operator uses it: separate processes, one data directory. */
class CliIT {

  static final String JAR = System.getProperty("renkei.jar", "target/renkei.jar");
  static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  record Run(int exit, String out, String err) {}

  private static Path hub;

  /**
   * One data directory for the tests whose commands start their own PostgreSQL on it and need
   * nothing of a fresh hub: each creates organisations and people of its own codes and logins, and
   * reads only those (and no test here stores a STIX identity, so the misnamed list stays empty). A
   * new data directory costs its first command the PostgreSQL binaries' extraction, {@code initdb}
   * and every migration; one for four tests saves three of them (docs/benchmarks.md, ci41). The
   * test beside a running server keeps a directory of its own.
   */
  static synchronized Path hubData() {
    if (hub == null) {
      hub = TestFiles.directory("renkei-cli-hub-");
    }
    return hub;
  }

  static Run run(String... args) throws Exception {
    return runWithEnv(java.util.Map.of(), args);
  }

  /**
   * A command that starts Spring, as an operator on the hub host runs it: through the launcher, the
   * extracted jar with the class-data archive the build trained on such a command (about half the
   * CPU of {@code java -jar} for each of the twenty-odd commands here; docs/benchmarks.md, ci34).
   * The runnable jar itself starts Spring for a command in {@link
   * #adminWorksBesideARunningServerAndTheTokenItPrintsIsAccepted} (beside a server) and {@link
   * #unreachableExternalDatabaseFailsWithOneLineNamingIt}.
   */
  static Run cli(String... args) throws Exception {
    return runCommand(RenkeiProcess.launcher(args), RenkeiProcess.launcherEnvironment());
  }

  @Test
  void helpAnswersWithoutStartingSpring() throws Exception {
    Run r = run("--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("serve", "admin", "organisations", "audit");
    assertThat(r.out() + r.err()).doesNotContain("Spring", "INFO");
    Run sub = run("admin", "token", "create", "--help");
    assertThat(sub.out()).contains("--user", "prints only the token");
  }

  @Test
  void adminWorksBesideARunningServerAndTheTokenItPrintsIsAccepted() throws Exception {
    Path data = TestFiles.directory("renkei-cli-");
    Process server =
        new ProcessBuilder(RenkeiProcess.jar("serve", "--port", "0", "--data-dir", data.toString()))
            .redirectErrorStream(true)
            .start();
    try {
      int port = awaitPort(server);
      Run token = run("admin", "token", "create", "--user", "admin", "--data-dir", data.toString());
      assertThat(token.exit()).as(token.err()).isZero();
      assertThat(token.out().strip()).matches("rk_[A-Za-z0-9_-]{43}");
      assertThat(token.out().lines().count()).isEqualTo(1);

      HttpResponse<String> me =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/me"))
                      .header("Authorization", "Bearer " + token.out().strip())
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(me.statusCode()).isEqualTo(200);
      assertThat(me.body()).contains("\"login\":\"admin\"", "platform_admin");

      Run bad =
          cli(
              "admin",
              "user",
              "create",
              "--login",
              "x1",
              "--name",
              "x",
              "--org",
              "no-such-org",
              "--role",
              "member",
              "--data-dir",
              data.toString());
      assertThat(bad.exit()).isEqualTo(1);
      assertThat(bad.err().strip())
          .isEqualTo("renkei: organisationCode: No organisation with code: no-such-org");

      stixImportAndExportBesideTheServer(data, port, token.out().strip());

      Run verify = cli("audit", "verify", "--data-dir", data.toString());
      assertThat(verify.exit()).isZero();
      assertThat(verify.out()).startsWith("intact: ");
    } finally {
      server.destroy();
      assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }
    // The server stopped its PostgreSQL; a command now starts its own on the same data.
    Run list = cli("admin", "org", "list", "--type", "ceptoar", "--data-dir", data.toString());
    assertThat(list.exit()).as(list.err()).isZero();
    assertThat(list.out().lines().count()).isEqualTo(20);
  }

  /**
   * The hub engineer deactivates an organisation by name and makes it active again by id (deact28);
   * an unknown name is refused in one line naming what was given. (An ambiguous one, a digit code
   * that is another organisation's id, needs ids of two digits, more organisations than a fresh hub
   * has: DeactivationAroundIT refuses it through the same service, and the command prints every
   * refusal the same way.)
   */
  @Test
  void organisationsDeactivateAndReactivateByIdCodeOrNameAndRefuseAnUnknownOne() throws Exception {
    String data = hubData().toString();
    Run created =
        cli(
            "admin",
            "org",
            "create",
            "--code",
            "cli-leaving",
            "--name-ja",
            "離脱試験事業者",
            "--name-en",
            "CLI Leaving Operator",
            "--type",
            "operator",
            "--sector",
            "finance",
            "--data-dir",
            data);
    assertThat(created.exit()).as(created.err()).isZero();
    String id = created.out().strip();

    Run off = cli("organisations", "deactivate", "cli leaving operator", "--data-dir", data);
    assertThat(off.exit()).as(off.err()).isZero();
    assertThat(off.out().strip()).startsWith(id + "\tcli-leaving\tinactive\t");

    Run on = cli("organisations", "reactivate", id, "--data-dir", data);
    assertThat(on.exit()).as(on.err()).isZero();
    assertThat(on.out().strip()).startsWith(id + "\tcli-leaving\tactive\t");

    Run unknown = cli("organisations", "deactivate", "no-such-org", "--data-dir", data);
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.err().strip())
        .isEqualTo("renkei: organisation: No organisation has this id, code or name: no-such-org");

    Run verify = cli("audit", "verify", "--data-dir", data);
    assertThat(verify.exit()).as(verify.err()).isZero();
  }

  /**
   * attack29: {@code stix export --user} promises what that person's TAXII requests would get, but
   * wrote the bundle for a person who was disabled, or whose organisation had been deactivated (it
   * left, or was compromised) — whose every token the hub answers 401. A script exporting nightly
   * for a partner's account kept delivering after the account was closed.
   */
  @Test
  void anExportAsADisabledPersonOrOneOfAnInactiveOrganisationIsRefused() throws Exception {
    Path data = hubData();
    String dir = data.toString();
    Run org =
        cli(
            "admin",
            "org",
            "create",
            "--code",
            "cli-export-gas",
            "--name-ja",
            "輸出試験ガス",
            "--name-en",
            "CLI Export Gas",
            "--type",
            "operator",
            "--sector",
            "gas",
            "--data-dir",
            dir);
    assertThat(org.exit()).as(org.err()).isZero();
    Run user =
        cli(
            "admin",
            "user",
            "create",
            "--login",
            "cli-exporter",
            "--name",
            "Exporter",
            "--org",
            "cli-export-gas",
            "--role",
            "analyst",
            "--data-dir",
            dir);
    assertThat(user.exit()).as(user.err()).isZero();
    String indicator = "indicator--" + java.util.UUID.randomUUID();
    Path bundle = TestFiles.file("export-bundle-", ".json");
    Files.writeString(
        bundle,
        """
        [{"type":"indicator","spec_version":"2.1","id":"%s","created":"2026-03-01T00:00:00.000Z",
          "modified":"2026-03-01T00:00:00.000Z","pattern_type":"stix",
          "valid_from":"2026-03-01T00:00:00Z","pattern":"[domain-name:value = 'c2.example.org']"}]
        """
            .formatted(indicator));
    Run source =
        cli(
            "admin",
            "org",
            "create",
            "--code",
            "cli-export-src",
            "--name-ja",
            "共有元ガス",
            "--name-en",
            "CLI Export Source",
            "--type",
            "operator",
            "--sector",
            "gas",
            "--data-dir",
            dir);
    assertThat(source.exit()).as(source.err()).isZero();
    Run imported =
        cli(
            "stix",
            "import",
            "--collection",
            "sector:gas",
            "--as",
            "cli-export-src",
            "--default-tlp",
            "GREEN",
            "--data-dir",
            dir,
            bundle.toString());
    assertThat(imported.exit()).as(imported.err()).isZero();
    // attack30: not into another organisation's private collection (its people would read it)
    Run elsewhere =
        cli(
            "stix",
            "import",
            "--collection",
            "org:cli-export-gas",
            "--as",
            "cli-export-src",
            "--data-dir",
            dir,
            bundle.toString());
    assertThat(elsewhere.exit()).isEqualTo(1);
    assertThat(elsewhere.err())
        .startsWith("renkei: --as cli-export-src does not write --collection org:cli-export-gas");

    Path out = data.resolve("export.json");
    Run allowed = export(dir, out);
    assertThat(allowed.exit()).as(allowed.err()).isZero();
    assertThat(Files.readString(out)).contains(indicator);
    Files.delete(out);

    assertThat(
            cli(
                    "admin",
                    "user",
                    "enable",
                    "--login",
                    "cli-exporter",
                    "--disable",
                    "--data-dir",
                    dir)
                .exit())
        .isZero();
    Run disabled = export(dir, out);
    assertThat(disabled.exit()).isEqualTo(1);
    assertThat(disabled.err().strip())
        .isEqualTo(
            "renkei: cli-exporter is disabled (or their organisation is inactive): the hub refuses"
                + " their TAXII requests, and so this export");
    assertThat(out).doesNotExist();

    assertThat(cli("admin", "user", "enable", "--login", "cli-exporter", "--data-dir", dir).exit())
        .isZero();
    assertThat(cli("organisations", "deactivate", "cli-export-gas", "--data-dir", dir).exit())
        .isZero();
    Run inactive = export(dir, out);
    assertThat(inactive.exit()).isEqualTo(1);
    assertThat(inactive.err())
        .contains("cli-exporter is disabled (or their organisation is inactive)");
    assertThat(out).doesNotExist();

    // attack31: an import as an inactive organisation is refused as such, as notice
    // import-observations refuses one (it was refused since attack30, but said the organisation
    // "does not write" a collection it writes once reactivated)
    assertThat(cli("organisations", "deactivate", "cli-export-src", "--data-dir", dir).exit())
        .isZero();
    Run asInactive =
        cli(
            "stix",
            "import",
            "--collection",
            "sector:gas",
            "--as",
            "cli-export-src",
            "--data-dir",
            dir,
            bundle.toString());
    assertThat(asInactive.exit()).isEqualTo(1);
    assertThat(asInactive.err().strip())
        .isEqualTo(
            "renkei: --as cli-export-src: no active organisation cli-export-src (it was"
                + " deactivated); nothing imported");
  }

  private static Run export(String dir, Path out) throws Exception {
    return cli(
        "stix",
        "export",
        "--collection",
        "sector:gas",
        "--user",
        "cli-exporter",
        "-o",
        out.toString(),
        "--data-dir",
        dir);
  }

  /**
   * {@code renkei stix misnamed} on a hub with no misnamed identity: the CSV header alone, an empty
   * JSON array, and {@code --ask} mails nobody; an unknown format is refused in one line (the list
   * with its rows: MisnamedIdentitiesIT, MisnamedListingTest).
   */
  @Test
  void stixMisnamedListsInEachFormatAndRefusesAnUnknownOne() throws Exception {
    String data = hubData().toString();
    Run csv = cli("stix", "misnamed", "--format", "csv", "--data-dir", data);
    assertThat(csv.exit()).as(csv.err()).isZero();
    assertThat(csv.out())
        .isEqualTo(
            "stix_id,name,rule,organisation_id,organisation_code,organisation_name_ja,"
                + "organisation_name_en,created_by_ref,where_sighted_refs,other_refs\r\n");
    Run json = cli("stix", "misnamed", "--format", "json", "--data-dir", data);
    assertThat(json.exit()).as(json.err()).isZero();
    assertThat(json.out().strip()).isEqualTo("[ ]");
    Run created =
        cli(
            "admin",
            "org",
            "create",
            "--code",
            "cli-misnamed",
            "--name-ja",
            "名前確認試験事業者",
            "--name-en",
            "CLI Misnamed Operator",
            "--type",
            "operator",
            "--sector",
            "gas",
            "--data-dir",
            data);
    assertThat(created.exit()).as(created.err()).isZero();
    Run ask = cli("stix", "misnamed", "--ask", "CLI Misnamed Operator", "--data-dir", data);
    assertThat(ask.exit()).as(ask.err()).isZero();
    assertThat(ask.out().strip()).isEqualTo("cli-misnamed\t0 mailed");
    String unflagged = "identity--" + java.util.UUID.randomUUID();
    Run withhold = cli("stix", "misnamed", "--withhold", unflagged, "--data-dir", data);
    assertThat(withhold.exit()).isNotZero();
    assertThat(withhold.err()).contains("identity", unflagged);
    Run release = cli("stix", "misnamed", "--release", unflagged, "--data-dir", data);
    assertThat(release.exit()).as(release.err()).isZero();
    assertThat(release.out().strip()).isEqualTo("not withheld\t" + unflagged);
    Run bad = cli("stix", "misnamed", "--format", "xml", "--data-dir", data);
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("--format", "xml", "text, csv, json");
  }

  private static void stixImportAndExportBesideTheServer(Path data, int port, String token)
      throws Exception {
    String indicator = "indicator--" + java.util.UUID.randomUUID();
    Path bundle = TestFiles.file("bundle-", ".json");
    Files.writeString(
        bundle,
        """
        {"type":"bundle","id":"bundle--6f2f0a5e-9a9e-4c33-8a4f-3c1f0d0b7a11","objects":[
        {"type":"indicator","spec_version":"2.1","id":"%s","created":"2026-03-01T00:00:00.000Z",
         "modified":"2026-03-01T00:00:00.000Z","pattern_type":"stix","valid_from":"2026-03-01T00:00:00Z",
         "pattern":"[domain-name:value = 'c2.example.net']"},
        {"type":"malware","spec_version":"2.1","id":"malware--0c7b5b88-8ff7-4a4d-aa9c-feb398cd0061",
         "created":"2026-03-01T00:00:00.000Z","modified":"2026-03-01T00:00:00.000Z",
         "name":"Emdivi","is_family":true},
        {"type":"indicator","spec_version":"2.1","id":"indicator--bad"}
        ]}
        """
            .formatted(indicator));
    Run imported = importToGas(data, bundle);
    assertThat(imported.exit()).as(imported.err()).isEqualTo(4);
    assertThat(imported.out()).startsWith("2 objects stored in Gas sector");
    assertThat(imported.err()).contains(bundle + ":8: object #2 indicator--bad: /id:");

    Path out = TestFiles.file("export-", ".json");
    Run exported =
        cli(
            "stix",
            "export",
            "--collection",
            "sector:gas",
            "--user",
            "admin",
            "--type",
            "indicator",
            "-o",
            out.toString(),
            "--data-dir",
            data.toString());
    assertThat(exported.exit()).as(exported.err()).isZero();
    assertThat(Files.readString(out))
        .startsWith("{\"type\":\"bundle\"")
        .contains(indicator)
        .doesNotContain("Emdivi");

    HttpResponse<String> collections =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/taxii2/api/collections/"))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/taxii+json;version=2.1")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(collections.statusCode()).isEqualTo(200);
    assertThat(collections.body()).contains("Sector gas");

    // the pension-fund loop: match the hub's indicators against our proxy log, report sightings
    String gas = null;
    for (var c :
        tools.jackson.databind.json.JsonMapper.builder()
            .build()
            .readTree(collections.body())
            .path("collections")) {
      if (c.path("description").asString().startsWith("Sector gas")) {
        gas = c.path("id").asString();
      }
    }
    Path log = TestFiles.file("access-", ".log");
    Files.writeString(
        log,
        "1732252800.100    10 10.0.0.5 TCP_MISS/200 100 GET http://c2.example.net/beacon - HIER_DIRECT/192.0.2.1 text/html\n"
            + "1732252860.100    10 10.0.0.9 TCP_TUNNEL/200 0 CONNECT c2.example.net:443 - HIER_DIRECT/192.0.2.1 -\n");
    String root = "http://127.0.0.1:" + port + "/taxii2/api/";
    Run matched =
        runWithEnv(
            java.util.Map.of("RENKEI_TAXII_TOKEN", token),
            "match",
            "--taxii",
            root,
            "--collection",
            gas,
            "--report-sightings",
            gas,
            "--sighting-tlp",
            "green",
            "--format",
            "none",
            log.toString());
    assertThat(matched.exit()).as(matched.err()).isZero();
    assertThat(matched.err())
        .contains("indicators: TAXII collection " + gas + ": 1 pages")
        .contains("sightings: 1 reported");
    // with a cache, a second run fetches only what was added since the first
    Path cache = TestFiles.directory("taxii-cache-");
    for (String expected : new String[] {"(1 new, 0 cached)", "(0 new, 1 cached)"}) {
      Run cachedRun =
          runWithEnv(
              java.util.Map.of("RENKEI_TAXII_TOKEN", token),
              "match",
              "--taxii",
              root,
              "--collection",
              gas,
              "--taxii-cache",
              cache.toString(),
              "--format",
              "csv",
              log.toString());
      assertThat(cachedRun.exit()).as(cachedRun.err()).isZero();
      assertThat(cachedRun.err()).contains(expected);
      assertThat(cachedRun.out()).contains("c2.example.net");
    }
    // attack29: the cache holds whatever the token reads (AMBER+STRICT and RED included); a log
    // server has other accounts, so it is the running account's alone
    Path kept = cache.resolve(gas);
    assertThat(Files.getPosixFilePermissions(kept))
        .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    try (var files = Files.list(kept)) {
      List<Path> all = files.toList();
      assertThat(all).isNotEmpty();
      for (Path f : all) {
        assertThat(Files.getPosixFilePermissions(f))
            .as(f.toString())
            .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      }
    }
    followPicksUpIndicatorsPublishedMeanwhile(data, root, gas, token);
    HttpResponse<String> sightings =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:"
                                + port
                                + "/api/v1/indicators/"
                                + indicator
                                + "/sightings"))
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(sightings.body()).contains("\"sightings\":1", "\"count\":2");
    // a targeted mail, analysed locally, then shared under C4TAP after the preview
    Path eml = TestFiles.file("suspicious-", ".eml");
    Files.writeString(
        eml,
        "From: \"NISC alert@nisc.go.jp\" <nisc.alert@gmail.com>\r\nTo: a@b.example\r\nSubject: urgent\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
            + "Content-Type: text/plain\r\n\r\nsee attached\r\n--b\r\nContent-Type: application/octet-stream\r\n"
            + "Content-Disposition: attachment; filename=\"report.pdf.exe\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + "TVqQAA==\r\n--b\r\nContent-Type: application/pdf\r\n"
            + "Content-Disposition: attachment; filename=\"invoice.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + DAMAGED_PDF
            + "\r\n--b--\r\n");
    Run analysed = run("mail", "analyze", "--lang", "en", eml.toString());
    assertThat(analysed.exit()).as(analysed.err()).isZero();
    assertThat(analysed.out()).contains("MALICIOUS", "DOUBLE_EXTENSION", "report.pdf.exe");
    // the damaged PDF makes PDFBox warn: no log line on standard output, where the answer goes
    assertThat(analysed.out()).doesNotContain("WARN", "pdfbox");
    assertThat(analysed.err()).contains("1 message(s): 1 malicious");
    Run shared =
        runWithEnv(
            java.util.Map.of("RENKEI_TOKEN", token),
            "mail",
            "analyze",
            "--share",
            "http://127.0.0.1:" + port + "/",
            "--range",
            "green",
            "--yes",
            eml.toString());
    assertThat(shared.exit()).as(shared.err()).isZero();
    assertThat(shared.out())
        .contains("C4TAP draft", "recipient a@b.example", "shared under C4TAP GREEN");

    Run noHub = run("match", "--report-sightings", "x", "-i", bundle.toString(), log.toString());
    assertThat(noHub.exit()).isEqualTo(2);
    assertThat(noHub.err()).contains("--report-sightings needs --taxii");
  }

  /**
   * A PDF whose cross-reference table points object 1 at "2 0 obj": PDFBox reads it with a warning
   * ("found wrong object number").
   */
  private static final String DAMAGED_PDF =
      "JVBERi0xLjQKMiAwIG9iago8PCAvVHlwZSAvQ2F0YWxvZyAvUGFnZXMgMyAwIFIgPj4KZW5kb2JqCnhyZWYKMCAyCjAwMDAwMDAwMDAg"
          + "NjU1MzUgZiAKMDAwMDAwMDAwOSAwMDAwMCBuIAp0cmFpbGVyCjw8IC9TaXplIDIgL1Jvb3QgMSAwIFIgPj4Kc3RhcnR4cmVmCjU4"
          + "CiUlRU9GCg==";

  static Run runWithEnv(java.util.Map<String, String> env, String... args) throws Exception {
    return runCommand(RenkeiProcess.jar(args), env);
  }

  static Run runCommand(List<String> cmd, java.util.Map<String, String> env) throws Exception {
    ProcessBuilder b = new ProcessBuilder(cmd);
    b.environment().putAll(env);
    Process p = b.start();
    p.getOutputStream().close();
    var out = p.getInputStream().readAllBytes();
    var err = p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(
        p.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }

  @Test
  void matchFindsHostsAndParentsInALogWithoutAServerAndReportsBadLines() throws Exception {
    Path dir = TestFiles.directory("renkei-match-");
    Path indicators = dir.resolve("iocs.txt");
    Files.writeString(
        indicators, "# C2 destinations\nevil.example\n198.51.100.0/24\nnot an indicator\n");
    Path log = dir.resolve("access.log");
    Files.writeString(
        log,
        "1732252800.100    10 10.0.0.5 TCP_MISS/200 100 GET http://a.evil.example/x - HIER_DIRECT/192.0.2.1 text/html\n"
            + "1732252801.100    10 10.0.0.6 TCP_MISS/200 100 GET http://notevil.example/ - HIER_DIRECT/192.0.2.1 text/html\n"
            + "broken line\n"
            + "1732252802.100    10 10.0.0.7 TCP_TUNNEL/200 0 CONNECT ok.example:443 - HIER_DIRECT/198.51.100.9 -\n");
    Run r = run("match", "-i", indicators.toString(), log.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().lines().toList())
        .hasSize(2)
        .anySatisfy(
            l ->
                assertThat(l)
                    .contains(
                        "\"client\":\"10.0.0.5\"",
                        "\"value\":\"evil.example\"",
                        "\"field\":\"host\"",
                        "\"line\":1"))
        .anySatisfy(
            l ->
                assertThat(l)
                    .contains(
                        "\"client\":\"10.0.0.7\"",
                        "\"value\":\"198.51.100.0/24\"",
                        "\"field\":\"peer\""));
    assertThat(r.err())
        .contains(
            "line 4: not a recognisable indicator",
            "1 bad lines (first at lines [3])",
            "per internal host")
        .doesNotContain("Spring");
  }

  @Test
  void matchTakesIndicatorsFromAStixBundleAndSaysWhichItCannotUse() throws Exception {
    Path dir = TestFiles.directory("renkei-match-stix-");
    Path bundle = dir.resolve("feed.json");
    Files.writeString(
        bundle,
        "{\"type\":\"bundle\",\"id\":\"bundle--1\",\"objects\":["
            + "{\"type\":\"indicator\",\"id\":\"indicator--1\",\"pattern_type\":\"stix\","
            + "\"pattern\":\"[domain-name:value = 'evil.example']\"},"
            + "{\"type\":\"indicator\",\"id\":\"indicator--2\",\"pattern_type\":\"stix\","
            + "\"pattern\":\"[process:name = 'x.exe']\"}]}");
    Path log = dir.resolve("access.log");
    Files.writeString(
        log,
        "1732252800.100    10 10.0.0.5 TCP_MISS/200 100 GET http://a.evil.example/x - HIER_DIRECT/192.0.2.1 text/html\n");
    Run r = run("match", "-i", bundle.toString(), log.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"indicator\":\"indicator--1\"");
    assertThat(r.err()).contains("1 used", "indicator--2: object path process:name");
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"objects\": [ {\"type\":");
    Run bad = run("match", "-i", broken.toString(), log.toString());
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err()).contains("broken JSON at line 1");
  }

  /**
   * A follower of a live proxy log, with indicators from the hub: an indicator published after it
   * started is fetched by the next refresh, and the next line that names it is a hit.
   */
  private static void followPicksUpIndicatorsPublishedMeanwhile(
      Path data, String root, String collection, String token) throws Exception {
    Path dir = TestFiles.directory("renkei-follow-taxii-");
    Path log = dir.resolve("access.log");
    Files.writeString(log, "");
    Path err = dir.resolve("err.txt");
    ProcessBuilder b =
        new ProcessBuilder(
                RenkeiProcess.jar(
                    "match",
                    "--follow",
                    "--log-format",
                    "squid",
                    "--taxii",
                    root,
                    "--collection",
                    collection,
                    "--taxii-refresh",
                    "1",
                    log.toString()))
            .redirectError(err.toFile());
    b.environment().put("RENKEI_TAXII_TOKEN", token);
    Process p = b.start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      awaitText(err, "index: ");
      String fresh = "indicator--" + java.util.UUID.randomUUID();
      Path bundle = dir.resolve("fresh.json");
      Files.writeString(
          bundle,
          """
          {"type":"bundle","id":"bundle--%s","objects":[
          {"type":"indicator","spec_version":"2.1","id":"%s","created":"2026-03-02T00:00:00.000Z",
           "modified":"2026-03-02T00:00:00.000Z","pattern_type":"stix","valid_from":"2026-03-02T00:00:00Z",
           "pattern":"[domain-name:value = 'fresh-c2.example.org']"}]}
          """
              .formatted(java.util.UUID.randomUUID(), fresh));
      Run imported = importToGas(data, bundle);
      assertThat(imported.exit()).as(imported.err()).isZero();
      awaitText(err, "(1 new, 1 cached)");
      // the follower swaps indexes at its next block of input: give it a line, then the hit
      Files.writeString(
          log,
          "1732252900.100    10 10.0.0.20 TCP_MISS/200 100 GET http://ok.example/ - HIER_DIRECT/192.0.2.1 text/html\n",
          java.nio.file.StandardOpenOption.APPEND);
      Thread.sleep(1500);
      assertThat(
              appendAndReadHit(
                  log,
                  "1732252901.100    10 10.0.0.21 TCP_MISS/200 100 GET http://www.fresh-c2.example.org/x - HIER_DIRECT/192.0.2.1 text/html\n",
                  out))
          .contains("\"client\":\"10.0.0.21\"", fresh, "fresh-c2.example.org");
    } finally {
      p.toHandle().destroy();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  /**
   * Appends a line to a followed log and returns the follower's next output line (30 s at most).
   */
  private static String appendAndReadHit(Path log, String line, BufferedReader out)
      throws Exception {
    Files.writeString(log, line, java.nio.file.StandardOpenOption.APPEND);
    return java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                return out.readLine();
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            })
        .get(30, TimeUnit.SECONDS);
  }

  /** {@code renkei stix import} of a bundle into the gas sector's collection, unmarked GREEN. */
  private static Run importToGas(Path data, Path bundle) throws Exception {
    return cli(
        "stix",
        "import",
        "--collection",
        "sector:gas",
        "--default-tlp",
        "GREEN",
        "--data-dir",
        data.toString(),
        bundle.toString());
  }

  private static void awaitText(Path file, String text) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < end) {
      if (Files.exists(file) && Files.readString(file).contains(text)) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "no '"
            + text
            + "' in "
            + file
            + ":\n"
            + (Files.exists(file) ? Files.readString(file) : ""));
  }

  @Test
  void matchFollowsAGrowingLogAndPrintsEachHitAtOnce() throws Exception {
    Path dir = TestFiles.directory("renkei-match-follow-");
    Path indicators = dir.resolve("iocs.txt");
    Files.writeString(indicators, "evil.example\n");
    Path log = dir.resolve("access.log");
    Files.writeString(
        log,
        "1732252800.100    10 10.0.0.1 TCP_MISS/200 100 GET http://ok.example/ - HIER_DIRECT/192.0.2.1 text/html\n");
    Process p =
        new ProcessBuilder(
                RenkeiProcess.jar(
                    "match",
                    "--follow",
                    "--log-format",
                    "squid",
                    "-i",
                    indicators.toString(),
                    log.toString()))
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      Thread.sleep(1500);
      assertThat(
              appendAndReadHit(
                  log,
                  "1732252801.100    10 10.0.0.9 TCP_MISS/200 100 GET http://x.evil.example/ - HIER_DIRECT/192.0.2.1 text/html\n",
                  out))
          .contains("\"client\":\"10.0.0.9\"", "\"value\":\"evil.example\"");
    } finally {
      // SIGTERM through the handle: Process.destroy() would also close the streams we still read
      p.toHandle().destroy();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("per internal host", "10.0.0.9");
  }

  @Test
  void matchReadsJsonLogsThroughAFieldMapping() throws Exception {
    Path dir = TestFiles.directory("renkei-match-json-");
    Path indicators = dir.resolve("iocs.txt");
    Files.writeString(indicators, "evil.example\n");
    Path log = dir.resolve("events.jsonl");
    Files.writeString(
        log,
        "{\"src\":\"10.2.2.2\",\"dest_host\":\"a.evil.example\",\"@t\":\"2026-11-22T10:00:00Z\"}\n");
    Run r =
        run(
            "match",
            "--format",
            "csv",
            "--fields",
            "host=dest_host,client=src,time=@t",
            "-i",
            indicators.toString(),
            log.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("2026-11-22T10:00:00Z,10.2.2.2,dest_host");
    Run bad = run("match", "--fields", "dest=x", "-i", indicators.toString(), log.toString());
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("--fields: field mapping role 'dest'");
    // the same mapping reads a CSV export with a header line (chosen by the .csv name)
    Path csv = dir.resolve("firewall.csv");
    Files.writeString(
        csv, "@t,src,dest_host,action\n2026-11-22T10:05:00Z,10.2.2.3,\"b.evil.example\",deny\n");
    Run fromCsv =
        run(
            "match",
            "--format",
            "csv",
            "--fields",
            "host=dest_host,client=src,time=@t",
            "-i",
            indicators.toString(),
            csv.toString());
    assertThat(fromCsv.exit()).as(fromCsv.err()).isZero();
    assertThat(fromCsv.out()).contains("2026-11-22T10:05:00Z,10.2.2.3,dest_host");
  }

  @Test
  void theLauncherMatchesAsTheJarOnTwoThreadsAndIgnoresAnArchiveItCannotUse() throws Exception {
    Path bin = Path.of(JAR).toAbsolutePath().resolveSibling("bin");
    Path dir = TestFiles.directory("renkei-launcher-");
    Path indicators = dir.resolve("iocs.txt");
    Files.writeString(indicators, "evil.example\n198.51.100.0/24\nhttp://cdn.example/drop.js\n");
    Path log = dir.resolve("access.log");
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 40_000; i++) { // about 4 MB: several blocks for the second thread
      String host = i % 997 == 0 ? "x" + i + ".evil.example" : "www" + (i % 50) + ".example.jp";
      String url = i % 1499 == 0 ? "http://CDN.example/drop.js" : "http://" + host + "/p/" + i;
      lines
          .append("1732252800.")
          .append(i)
          .append("    12 10.0.0.")
          .append(i % 250)
          .append(" TCP_MISS/200 512 GET ")
          .append(url)
          .append(" - HIER_DIRECT/")
          .append(i % 1201 == 0 ? "198.51.100." + (i % 200) : "192.0.2.1")
          .append(" text/html\n");
      if (i % 5000 == 0) {
        lines.append("broken line ").append(i).append('\n');
      }
    }
    Files.writeString(log, lines);
    String[] args = {"match", "--format", "csv", "-i", indicators.toString(), log.toString()};
    Run jar = run(args[0], "--threads", "1", args[1], args[2], args[3], args[4], args[5]);
    assertThat(jar.exit()).as(jar.err()).isZero();
    assertThat(jar.out().lines().count()).isGreaterThan(60);
    assertThat(jar.err()).contains("8 bad lines");
    // the launcher as built, then beside a cut-off archive and beside a whole one it was not
    // made for (another directory): the same hits, no crash, no JVM warning in the output
    Path cut = dir.resolve("cut");
    Path moved = dir.resolve("moved");
    for (Path copy : List.of(cut, moved)) {
      Files.createDirectories(copy);
      Files.copy(bin.resolve("renkei"), copy.resolve("renkei"));
      Files.createSymbolicLink(copy.resolve("renkei.jar"), bin.resolve("renkei.jar"));
      Files.createSymbolicLink(copy.resolve("lib"), bin.resolve("lib"));
    }
    byte[] archive = Files.readAllBytes(bin.resolve("renkei.jsa"));
    Files.write(cut.resolve("renkei.jsa"), java.util.Arrays.copyOf(archive, archive.length / 3));
    Files.write(moved.resolve("renkei.jsa"), archive);
    for (Path launcher : List.of(bin, cut, moved)) {
      List<String> cmd = new ArrayList<>(List.of(launcher.resolve("renkei").toString()));
      cmd.addAll(List.of(args));
      cmd.addAll(2, List.of("--threads", "2"));
      Run r = runCommand(cmd, java.util.Map.of("JAVA_HOME", System.getProperty("java.home")));
      assertThat(r.exit()).as(launcher + ": " + r.err()).isZero();
      assertThat(r.out()).as(launcher.toString()).isEqualTo(jar.out());
      assertThat(r.err())
          .as(launcher.toString())
          .contains("8 bad lines", "on 2 thread(s)")
          .doesNotContain("warning", "fatal");
    }
    // a short run gets the first JIT tier only; the full JIT (asked for) gives the same output
    List<String> full = new ArrayList<>(List.of(bin.resolve("renkei").toString()));
    full.addAll(List.of(args));
    Run r =
        runCommand(
            full,
            java.util.Map.of(
                "JAVA_HOME",
                System.getProperty("java.home"),
                "RENKEI_JAVA_OPTS",
                "-XX:TieredStopAtLevel=4"));
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(jar.out());
  }

  @Test
  void matchDetectsDnsLogs() throws Exception {
    Path dir = TestFiles.directory("renkei-match-dns-");
    Path indicators = dir.resolve("iocs.txt");
    Files.writeString(indicators, "evil.example\n");
    Path log = dir.resolve("query.log");
    Files.writeString(
        log, "Nov 22 10:00:02 dnsmasq[123]: query[A] cdn.evil.example from 10.0.0.7\n");
    Run r = run("match", "--format", "csv", "-i", indicators.toString(), log.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("10.0.0.7,query", "domain-name,evil.example");
  }

  @Test
  void noticeRangeImportListsEveryBadLineAndStoresNothing() throws Exception {
    Path data = hubData();
    Path csv = data.resolveSibling(data.getFileName() + "-ranges.csv");
    Files.writeString(csv, "isp,cidr\nno-such-isp,192.0.2.0/24\nno-such-isp,198.51.100.1/24\n");
    Run r = cli("notice", "import-ranges", "--data-dir", data.toString(), csv.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.err())
        .contains("renkei: line 2 isp: no active organisation no-such-isp")
        .contains("renkei: line 3 cidr: host bits set")
        .doesNotContain("Exception");
    Run help = run("notice", "import-observations", "--help");
    assertThat(help.out()).contains("--as=ORG", "--surveyed", "registered reporter");
  }

  @Test
  void unwritableDataDirectoryFailsWithOneLine() throws Exception {
    Run r = run("serve", "--data-dir", "/proc/renkei-cannot-be-here", "--port", "0");
    assertThat(r.exit()).isEqualTo(70);
    assertThat(r.err().strip())
        .startsWith("renkei: data directory /proc/renkei-cannot-be-here")
        .doesNotContain("\n");
    assertThat(r.out()).doesNotContain("Exception");
  }

  @Test
  void unreachableExternalDatabaseFailsWithOneLineNamingIt() throws Exception {
    // nothing listens on port 1, so the answer is the same after 2 s as after the default 10 s
    // connect timeout (docs/configuration.md): the test waits for the message, not the timeout
    Run r =
        runWithEnv(
            java.util.Map.of("RENKEI_DATABASE_CONNECT_TIMEOUT", "2s"),
            "admin",
            "org",
            "list",
            "--database-url",
            "jdbc:postgresql://127.0.0.1:1/renkei",
            "--database-username",
            "renkei");
    assertThat(r.exit()).isEqualTo(70);
    assertThat(r.err().strip())
        .startsWith("renkei: cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/renkei")
        .doesNotContain("\n");
  }

  private static int awaitPort(Process server) throws IOException {
    return jp.renkei.server.support.RenkeiProcess.awaitPort(server);
  }
}
