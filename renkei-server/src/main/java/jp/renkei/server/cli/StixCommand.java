package jp.renkei.server.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.engine.stix.StixTime;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.directory.UserService;
import jp.renkei.server.intel.IntelService;
import jp.renkei.server.intel.ObjectQuery;
import jp.renkei.server.intel.StixCollection;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "stix",
    mixinStandardHelpOptions = true,
    description =
        "Import and export STIX 2.1 objects of the hub's store; list misnamed identities.",
    subcommands = {StixCommand.Import.class, StixCommand.Export.class, StixCommand.Misnamed.class})
final class StixCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Exit status when some objects were refused (the valid rest is stored). */
  static final int PARTIAL = 4;

  static final String COLLECTION_HELP =
      "Collection: hub, sector:CODE (e.g. sector:gas), org:CODE (an organisation's private"
          + " collection) or a collection id. Default hub.";

  static StixCollection collection(IntelService intel, DirectoryService directory, String spec) {
    if (spec == null || spec.equals("hub")) {
      return intel.allCollections().stream()
          .filter(c -> c.kind() == StixCollection.Kind.HUB)
          .findFirst()
          .orElseThrow();
    }
    if (spec.startsWith("sector:")) {
      String code = spec.substring(7);
      return intel.allCollections().stream()
          .filter(c -> code.equals(c.sectorCode()))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no collection for sector " + code));
    }
    if (spec.startsWith("org:")) {
      Organisation o = directory.organisation(spec.substring(4));
      return intel.collectionOfOrganisation(o.id()).orElseThrow();
    }
    try {
      return intel
          .collection(UUID.fromString(spec))
          .orElseThrow(() -> new IllegalArgumentException("no collection " + spec));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--collection: '" + spec + "' is not hub, sector:CODE, org:CODE or a collection id");
    }
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Validate and store STIX 2.1 bundles (or TAXII envelopes, or JSON arrays of objects).",
        "Each object is checked against the official schemas and the spec's rules; refused",
        "objects are listed with file, line, id and reason, and the valid rest is stored.",
        "Storing is idempotent: an object version already present is left as it is.",
        "Exit 0 when everything was stored, 4 when some objects were refused."
      })
  static final class Import implements Callable<Integer> {

    @Parameters(
        arity = "1..*",
        paramLabel = "FILE|DIR|-",
        description = "Bundle files, directories of *.json files, or - for standard input.")
    List<String> inputs;

    @Option(names = "--collection", description = COLLECTION_HELP)
    String collection;

    @Option(
        names = "--as",
        paramLabel = "ORG_CODE",
        description =
            "The organisation the objects come from (it always sees them). Default: the national"
                + " coordinator (NISC).")
    String as;

    @Option(
        names = "--default-tlp",
        description =
            "TLP of objects without a TLP marking: ${COMPLETION-CANDIDATES}. Default: the"
                + " collection's.")
    Tlp defaultTlp;

    @Option(
        names = "--errors",
        paramLabel = "FILE",
        description = "Write every refusal to FILE (standard error shows the first 20).")
    Path errors;

    @Mixin DatabaseOptions db;

    static final int SHOWN = 20;

    @Override
    public Integer call() throws IOException {
      List<Path> files = expand(inputs);
      try (ConfigurableApplicationContext context = Contexts.withoutWeb(db);
          PrintWriter errorFile =
              errors == null
                  ? null
                  : new PrintWriter(Files.newBufferedWriter(errors, StandardCharsets.UTF_8))) {
        IntelService intel = context.getBean(IntelService.class);
        DirectoryService directory = context.getBean(DirectoryService.class);
        StixCollection c = collection(intel, directory, collection);
        Organisation from =
            as == null
                ? directory
                    .nationalCoordinator()
                    .orElseThrow(
                        () ->
                            new IllegalArgumentException(
                                "--as ORG_CODE is needed: this hub has no national coordinator"))
                : directory.organisation(as);
        if (!from.active()) {
          // as notice import-observations (attack31): said apart from "does not write"
          throw new IllegalArgumentException(
              "--as "
                  + from.code()
                  + ": no active organisation "
                  + from.code()
                  + " (it was deactivated); nothing imported");
        }
        if (!intel.mayStoreFor(from.id(), c)) {
          // whoever reads the collection reads what is imported (attack30, as for a feed)
          throw new IllegalArgumentException(
              "--as "
                  + from.code()
                  + " does not write --collection "
                  + (collection == null ? "hub" : collection)
                  + ": objects of an organisation go only where its analysts may write (its"
                  + " own collection, its sector's, the hub's, a configured one it belongs to)"
                  + " while it is active");
        }
        Progress progress = new Progress(System.err, System.console() != null);
        long stored = 0;
        long existing = 0;
        long refused = 0;
        int shown = 0;
        Instant start = Instant.now();
        int[] shownSoFar = {0};
        for (Path f : files) {
          String name = f == null ? "-" : f.toString();
          IntelService.Ingest r;
          // refusals are printed as they are found; nothing per object is kept, so a bundle of
          // any size imports in the same memory
          java.util.function.Consumer<IntelService.Outcome> refusal =
              o -> {
                if (o.ok()) {
                  return;
                }
                String line =
                    name
                        + ":"
                        + o.line()
                        + ": object #"
                        + o.index()
                        + (o.id() == null ? "" : " " + Terminal.printable(o.id()))
                        + ": "
                        + Terminal.printable(o.message());
                if (shownSoFar[0]++ < SHOWN) {
                  progress.clear();
                  System.err.println(line);
                }
                if (errorFile != null) {
                  errorFile.println(line);
                }
              };
          try (InputStream in = f == null ? System.in : Files.newInputStream(f)) {
            r =
                intel.ingest(
                    Actor.cli(),
                    c,
                    from.id(),
                    defaultTlp,
                    in,
                    n -> progress.show(name, n),
                    refusal);
          }
          stored += r.successes() - r.alreadyStored();
          existing += r.alreadyStored();
          refused += r.failures();
          progress.clear();
          if (r.broken() != null) {
            refused++;
            String line =
                name + ": " + Terminal.printable(r.broken()) + " (objects before it were stored)";
            System.err.println(line);
            if (errorFile != null) {
              errorFile.println(line);
            }
          }
        }
        shown = shownSoFar[0];
        if (shown > SHOWN) {
          System.err.println(
              "... "
                  + (shown - SHOWN)
                  + " more refusals"
                  + (errors == null ? " (use --errors FILE for all)" : " in " + errors));
        }
        Duration took = Duration.between(start, Instant.now());
        System.out.printf(
            "%d objects stored in %s (%s), %d already there, %d refused, from %d file(s) in"
                + " %.1f s%n",
            stored, c.titleEn(), c.id(), existing, refused, files.size(), took.toMillis() / 1000.0);
        return refused == 0 ? 0 : PARTIAL;
      }
    }

    private static List<Path> expand(List<String> inputs) throws IOException {
      List<Path> out = new ArrayList<>();
      for (String in : inputs) {
        if (in.equals("-")) {
          out.add(null);
          continue;
        }
        Path p = Path.of(in);
        if (Files.isDirectory(p)) {
          try (Stream<Path> s = Files.walk(p)) {
            s.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".json"))
                .sorted()
                .forEach(out::add);
          }
        } else if (Files.isRegularFile(p)) {
          out.add(p);
        } else {
          throw new IllegalArgumentException(in + ": no such file or directory");
        }
      }
      return out;
    }
  }

  /** A one-line progress display on a terminal; nothing when the output is not one. */
  static final class Progress {
    private final PrintStream out;
    private final boolean live;
    private final long start = System.nanoTime();

    Progress(PrintStream out, boolean live) {
      this.out = out;
      this.live = live;
    }

    void show(String name, int objects) {
      if (!live) {
        return;
      }
      double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
      out.printf("\r%s: %,d objects read (%,.0f/s)   ", name, objects, objects / seconds);
      out.flush();
    }

    void clear() {
      if (live) {
        out.print("\r\033[K");
        out.flush();
      }
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = {
        "Write a STIX 2.1 bundle of a collection's objects, as one person may see them:",
        "the sharing policy applies exactly as it does to that person's TAXII requests."
      })
  static final class Export implements Callable<Integer> {

    @Option(names = "--collection", description = COLLECTION_HELP)
    String collection;

    @Option(
        names = "--user",
        required = true,
        paramLabel = "LOGIN",
        description = "Export what this person may see.")
    String user;

    @Option(names = "--type", split = ",", description = "Only these object types.")
    List<String> types = List.of();

    @Option(
        names = "--added-after",
        paramLabel = "TIMESTAMP",
        description = "Only objects added after this time (e.g. 2026-04-01T00:00:00Z).")
    String addedAfter;

    @Option(names = "--added-before", paramLabel = "TIMESTAMP", description = "... and before.")
    String addedBefore;

    @Option(names = "--all-versions", description = "Every version, not only the newest.")
    boolean allVersions;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        description = "Default stdout.")
    Path output;

    @Mixin DatabaseOptions db;

    @Override
    public Integer call() throws IOException {
      Instant after = time("--added-after", addedAfter);
      Instant before = time("--added-before", addedBefore);
      try (ConfigurableApplicationContext context = Contexts.withoutWeb(db)) {
        IntelService intel = context.getBean(IntelService.class);
        DirectoryService directory = context.getBean(DirectoryService.class);
        UserAccount u = context.getBean(UserService.class).byLogin(user);
        if (!u.enabled()) {
          // as the person's tokens: a disabled person, or one of an inactive organisation, gets
          // nothing (UserAccount.enabled is false for both)
          throw new IllegalArgumentException(
              user
                  + " is disabled (or their organisation is inactive): the hub refuses their TAXII"
                  + " requests, and so this export");
        }
        Actor actor = new Actor(u.id(), u.login(), u.organisationId(), u.role(), "cli", null);
        StixCollection c = collection(intel, directory, collection);
        if (!intel.canRead(actor, c)) {
          throw new IllegalArgumentException(user + " may not read collection " + c.id());
        }
        ObjectQuery q =
            new ObjectQuery(
                after,
                before,
                List.of(),
                types,
                allVersions ? ObjectQuery.Versions.ALL : ObjectQuery.Versions.LAST,
                List.of());
        // the file is made only once the export may go ahead
        long n;
        try (OutputStream raw = output == null ? System.out : Files.newOutputStream(output);
            OutputStream out = new BufferedOutputStream(raw, 1 << 16)) {
          n = intel.writeBundle(actor, c, q, out);
          out.flush();
        }
        System.err.println(n + " objects exported from " + c.titleEn() + " as " + user);
        return 0;
      }
    }

    private static Instant time(String option, String value) {
      if (value == null) {
        return null;
      }
      return StixTime.parse(value)
          .or(() -> StixTime.parse(value.replaceFirst("Z$", ".000Z")))
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      option + ": '" + value + "' is not a timestamp like 2026-04-01T00:00:00Z"));
    }
  }

  static List<String> split(String csv) {
    return csv == null ? List.of() : Arrays.asList(csv.split(","));
  }

  @Command(
      name = "misnamed",
      mixinStandardHelpOptions = true,
      description = {
        "List the stored identities named as another organisation of the directory, or as a unit"
            + " of it (\"Bank A SOC\"), which ingest refuses today but were stored before: each"
            + " one's STIX id, name, the rule it breaks (name or unit), the organisation that"
            + " stored it (id, code, names) and how many unrevoked objects refer to it by"
            + " created_by_ref, where_sighted_refs and any other top-level _ref(s).",
        "The storing organisation corrects (a new version) or revokes each one; see"
            + " docs/organisations.md. Nothing is changed by this command."
      })
  static final class Misnamed implements Callable<Integer> {

    @Option(
        names = "--format",
        description = "text (tab-separated, no header), csv (with a header) or json. Default text.")
    MisnamedListing.Format format = MisnamedListing.Format.text;

    @Option(
        names = "--ask",
        paramLabel = "ORG",
        description =
            "Instead of listing: ask the admins of the organisation that stored them (id, code or"
                + " name) by e-mail to correct or revoke its flagged identities, as the admin page's"
                + " button does (audited as cli:<os user>). Prints how many people were mailed.")
    String ask;

    @Option(
        names = "--withhold",
        paramLabel = "STIX_ID",
        description =
            "Instead of listing: withhold this flagged identity, as the admin page's button does"
                + " (only its storing organisation reads it; others get the objects naming it"
                + " without the reference; audited as cli:<os user>). See docs/organisations.md.")
    String withhold;

    @Option(
        names = "--release",
        paramLabel = "STIX_ID",
        description = "Instead of listing: release a withheld identity (audited).")
    String release;

    @Mixin DatabaseOptions db;

    @Override
    public Integer call() {
      if (withhold != null || release != null) {
        String line =
            AdminCommand.withContext(
                db,
                c -> {
                  var m = c.getBean(jp.renkei.server.intel.MisnamedIdentities.class);
                  if (withhold != null) {
                    return (m.withhold(Actor.cli(), withhold) ? "withheld" : "already withheld")
                        + "\t"
                        + withhold;
                  }
                  return (m.release(Actor.cli(), release) ? "released" : "not withheld")
                      + "\t"
                      + release;
                });
        System.out.println(line);
        return 0;
      }
      if (ask != null) {
        String line =
            AdminCommand.withContext(
                db,
                c -> {
                  Organisation o = c.getBean(DirectoryService.class).resolve(ask);
                  int mailed =
                      c.getBean(jp.renkei.server.intel.MisnamedIdentities.class)
                          .ask(Actor.cli(), o.id());
                  return o.code() + "\t" + mailed + " mailed";
                });
        System.out.println(line);
        return 0;
      }
      java.util.List<jp.renkei.server.intel.MisnamedIdentities.Flagged> list =
          AdminCommand.withContext(
              db,
              c -> c.getBean(jp.renkei.server.intel.MisnamedIdentities.class).list(Actor.cli()));
      PrintStream out =
          new PrintStream(new BufferedOutputStream(System.out), false, StandardCharsets.UTF_8);
      MisnamedListing.print(list, format, out);
      out.flush();
      if (format == MisnamedListing.Format.text) {
        System.err.println("renkei: " + list.size() + " misnamed identities");
      }
      return 0;
    }
  }
}
