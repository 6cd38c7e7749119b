package jp.renkei.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jp.renkei.engine.policy.Audience;
import jp.renkei.engine.policy.Marking;
import jp.renkei.engine.policy.SharingPolicy;
import jp.renkei.engine.policy.SystemMode;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.engine.policy.Viewer;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.NewOrganisation;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.OrganisationIdentity;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.reference.ReferenceData;
import jp.renkei.server.sharing.ModeService;
import jp.renkei.server.sharing.SharingGate;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile organisations against the report and advisory read paths over generated scenarios:
 * operators of two sectors (CEPTOAR members and not), their CEPTOARs and ministries, NISC, the
 * police, the disaster-management office and a security agency file reports at every TLP (named
 * people, scope, hotline with the supervisory ministry excluded, anonymised), keep drafts, add 続報
 * and 最終報, forward them hop by hop (narrowing), relay anonymised versions after the preview,
 * comment, issue advisories to all, sectors, types and named organisations with source reports and
 * new versions, and switch the hub's mode. Then every person of every organisation, in both modes,
 * reads the report list, each report by id (hidden ones answer as never-existing ones do), the
 * inbox, the advisory list, inbox and threads with their sources, the statistics and the dashboard
 * CSV, the pages, and the duty e-mails: each must equal a model built from the scenario itself (who
 * filed what, which hops it reached, its TLP, scope and exclusions, who was named) judged by the
 * engine's policy. An anonymised copy never names its reporter to anyone past the CEPTOAR.
 */
class ReportSharingScenarioIT extends ServerTest {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final List<String> TLPS = List.of("red", "amber_strict", "amber", "green", "clear");
  static final List<String> ADVISORY_TLPS = List.of("amber_strict", "amber", "green", "clear");
  static final List<String> SECTORS = List.of("gas", "railway", "finance");
  static final List<String> TYPES =
      List.of(
          "operator",
          "ceptoar",
          "ministry",
          "nisc",
          "incident_response",
          "disaster_management",
          "security_agency");
  static final List<String> INCIDENTS = List.of("precursor", "malware", "unavailability", "leak");
  static final Pattern LINK = Pattern.compile("href=\"/reports/(\\d+)\"");

  @Autowired SharingGate gate;
  @Autowired ModeService modes;
  @Autowired DirectoryService directory;
  @Autowired ReferenceData reference;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  private final SharingPolicy policy = new SharingPolicy();
  private final Map<String, Integer> happened = new TreeMap<>();

  /** One person acting through the API. */
  record Person(String label, UserAccount user, String token) {}

  /** One organisation of the scenario: its analyst (who writes) and a member (who only reads). */
  record Party(String name, Organisation org, Person analyst, Person member, String dutyEmail) {
    List<Person> people() {
      return List.of(analyst, member);
    }
  }

  /** A report (or an anonymised copy) as the scenario made it. */
  static final class Rep {
    long id;
    Party reporter;
    long authorId;
    String sector;
    String incident;
    boolean anonymise;
    boolean copy;
    String tlp;
    Set<String> sectors = Set.of();
    Set<String> types = Set.of();
    Set<Long> excluded = Set.of();
    Set<Long> people = Set.of();
    boolean draft;
    boolean closed;
    List<Party> hops = new ArrayList<>();
    int reached;
    final List<String> kinds = new ArrayList<>();
    Rep relayCopy;
    Party original;
    int relayed;
    List<String> secrets = List.of();
  }

  /** An advisory as the scenario issued it. */
  static final class Adv {
    long id;
    Party issuer;
    String tlp;
    boolean all;
    Set<String> sectors = Set.of();
    Set<String> types = Set.of();
    Set<Party> named = Set.of();
    boolean withdrawn;

    /** a version was fanned out in large-scale mode: "all" then reached the gated agencies */
    boolean reachedGated;

    final List<String> titles = new ArrayList<>();
    final List<List<Long>> sources = new ArrayList<>();
  }

  final List<Rep> reps = new ArrayList<>();
  final List<Adv> advs = new ArrayList<>();
  int niscIssued;
  final Map<Long, Viewer> viewers = new HashMap<>();
  List<Party> parties;

  @AfterEach
  void normalMode() {
    if (modes.current() != SystemMode.NORMAL) {
      modes.switchTo(Actor.cli(), "normal", "test cleanup");
    }
  }

  @Test
  void everyReaderSeesExactlyWhatTheScenarioAllowsOnEveryReportAndAdvisoryPath() throws Exception {
    for (long seed : List.of(7L, 23L)) {
      reps.clear();
      advs.clear();
      scenario(new Random(seed), seed);
    }
    System.out.println("scenario actions: " + happened);
    // each kind of action happened, so a seed change cannot make the scenario trivial
    assertThat(happened.keySet())
        .containsAll(
            List.of(
                "report red",
                "report amber_strict",
                "report amber",
                "report green",
                "report clear",
                "report scoped",
                "report excluding ministry",
                "report anonymised",
                "draft",
                "submit",
                "followup",
                "final",
                "forward",
                "forward narrowing",
                "preview and relay",
                "relay of a later version",
                "forward of a copy",
                "comment",
                "hostile write",
                "advisory all",
                "advisory sectors",
                "advisory types",
                "advisory organisations",
                "advisory with sources",
                "advisory version",
                "advisory withdrawal",
                "mode switch",
                "copy hidden upstream"));
  }

  // ---- the scenario ------------------------------------------------------------------------

  void scenario(Random random, long seed) throws Exception {
    parties =
        List.of(
            operator("gas member 1", "gas", List.of("c-gas")),
            operator("gas member 2", "gas", List.of("c-gas")),
            operator("gas outsider", "gas", List.of()),
            operator("railway member", "railway", List.of("c-railway")),
            operator("railway outsider", "railway", List.of()),
            shared("gas CEPTOAR", "c-gas"),
            shared("railway CEPTOAR", "c-railway"),
            shared("METI", "meti"),
            shared("MLIT", "mlit"),
            shared("NISC", "nisc"),
            shared("police", "npa"),
            shared("disaster management", "cao-bousai"),
            shared("JPCERT", "jpcert"));
    Map<String, Map<String, String>> baseline = new HashMap<>();
    for (SystemMode mode : SystemMode.values()) {
      switchTo(mode);
      for (Party p : parties) {
        for (Person x : p.people()) {
          baseline.put(mode + x.label(), statistics(x));
        }
        baseline.put(mode + p.name() + " csv", csv(p));
      }
    }
    switchTo(SystemMode.NORMAL);
    for (int step = 0; step < 60; step++) {
      String marker = "s" + seed + "-" + step;
      // an action the scenario cannot take yet (nothing to relay, no draft) gives way to another
      int before = happened.values().stream().mapToInt(Integer::intValue).sum();
      for (int attempt = 0;
          attempt < 5 && before == happened.values().stream().mapToInt(Integer::intValue).sum();
          attempt++) {
        act(random, random.nextInt(19), marker);
      }
    }
    for (SystemMode mode : SystemMode.values()) {
      switchTo(mode);
      for (Party p : parties) {
        readBack(p, baseline, "seed " + seed + ", " + mode + ", ");
      }
    }
    duties("seed " + seed);
  }

  void act(Random random, int kind, String marker) {
    if (kind < 4) {
      file(random, marker);
    } else if (kind < 5) {
      submitDraft(random);
    } else if (kind < 6) {
      addVersion(random, marker);
    } else if (kind < 9) {
      forward(random);
    } else if (kind < 12) {
      relay(random);
    } else if (kind < 13) {
      comment(random, marker);
    } else if (kind < 14) {
      hostileWrite(random);
    } else if (kind < 17) {
      issue(random, marker);
    } else if (kind < 18) {
      versionAdvisory(random, marker);
    } else {
      switchTo(modes.current() == SystemMode.NORMAL ? SystemMode.LARGE_SCALE : SystemMode.NORMAL);
      happened.merge("mode switch", 1, Integer::sum);
    }
  }

  Party operator(String name, String sector, List<String> ceptoars) {
    String code = Fixtures.unique("sc");
    String domain = code + ".example.jp";
    String duty = "duty@" + domain;
    Organisation o =
        directory.create(
            Actor.cli(),
            new NewOrganisation(
                code,
                "シナリオ事業者" + code.replace("-", ""),
                "Scenario Operator " + code,
                "operator",
                sector,
                null,
                duty,
                ceptoars));
    directory.setIdentity(
        Actor.cli(), o.id(), new OrganisationIdentity(List.of(), List.of(domain), List.of()));
    return party(name, o, duty);
  }

  Party shared(String name, String code) {
    return party(name, directory.organisation(code), null);
  }

  Party party(String name, Organisation org, String duty) {
    UserAccount a = fixtures.user(org, Role.ANALYST);
    UserAccount m = fixtures.user(org, Role.MEMBER);
    return new Party(
        name,
        org,
        new Person(name + " analyst", a, fixtures.token(a)),
        new Person(name + " member", m, fixtures.token(m)),
        duty);
  }

  void switchTo(SystemMode mode) {
    if (modes.current() != mode) {
      modes.switchTo(Actor.cli(), mode == SystemMode.NORMAL ? "normal" : "large_scale", "scenario");
    }
  }

  List<Party> operators() {
    return parties.stream().filter(p -> p.org().typeCode().equals("operator")).toList();
  }

  Party byCode(String code) {
    return parties.stream().filter(p -> p.org().code().equals(code)).findFirst().orElseThrow();
  }

  Party ministryOf(String sector) {
    return byCode(sector.equals("gas") ? "meti" : "mlit");
  }

  Party ceptoarOf(String sector) {
    return byCode(sector.equals("gas") ? "c-gas" : "c-railway");
  }

  boolean member(Party p) {
    return p.name().contains("member");
  }

  static <T> T pick(Random random, List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  static <T> Set<T> subset(Random random, List<T> from) {
    Set<T> s = new LinkedHashSet<>();
    for (T t : from) {
      if (random.nextInt(3) == 0) {
        s.add(t);
      }
    }
    if (s.isEmpty()) {
      s.add(pick(random, from));
    }
    return s;
  }

  void file(Random random, String marker) {
    Party p = pick(random, operators());
    boolean viaCeptoar = member(p) && random.nextBoolean();
    Rep r = new Rep();
    r.reporter = p;
    r.authorId = p.analyst().user().id();
    r.sector = p.org().sectorCode();
    r.incident = pick(random, INCIDENTS);
    r.anonymise = viaCeptoar && random.nextBoolean();
    r.tlp = pick(random, TLPS);
    if (random.nextInt(3) == 0) {
      r.sectors = subset(random, SECTORS);
      happened.merge("report scoped", 1, Integer::sum);
    }
    if (random.nextInt(4) == 0) {
      r.types = subset(random, TYPES);
      happened.merge("report scoped", 1, Integer::sum);
    }
    boolean exclude = !viaCeptoar && random.nextInt(3) == 0;
    if (exclude) {
      r.excluded = Set.of(ministryOf(r.sector).org().id());
    }
    if (viaCeptoar) {
      r.hops.add(ceptoarOf(r.sector));
      if (!r.anonymise) {
        r.hops.add(ministryOf(r.sector));
      }
    }
    if (!r.anonymise) {
      r.hops.add(byCode("nisc"));
    }
    List<Person> reachable = new ArrayList<>(p.people());
    r.hops.forEach(h -> reachable.addAll(h.people()));
    List<String> logins = new ArrayList<>();
    if (r.tlp.equals("red") || random.nextInt(4) == 0) {
      Set<Person> named = new LinkedHashSet<>();
      for (int k = 1 + random.nextInt(2); k > 0; k--) {
        named.add(pick(random, reachable));
      }
      named.forEach(x -> logins.add(x.user().login()));
      r.people = named.stream().map(x -> x.user().id()).collect(Collectors.toSet());
    }
    r.draft = random.nextInt(5) == 0;
    r.secrets = secrets(p, marker);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("content", content(r, marker, "first"));
    body.put("route", viaCeptoar ? "ceptoar" : "hotline");
    if (viaCeptoar) {
      body.put("ceptoarCode", ceptoarOf(r.sector).org().code());
    }
    body.put("anonymise", r.anonymise);
    body.put("tlp", r.tlp);
    body.put("scopeSectors", r.sectors);
    body.put("scopeTypes", r.types);
    body.put("excludeSupervisoryMinistry", exclude);
    body.put("recipientLogins", logins);
    HttpResponse<String> res =
        api(p.analyst()).postJson("/api/v1/reports?submit=" + !r.draft, json(body));
    assertThat(res.statusCode()).as(marker + ": " + res.body()).isEqualTo(201);
    r.id = read(res).path("id").asLong();
    r.kinds.add("first");
    r.reached = r.draft ? 0 : 1;
    reps.add(r);
    happened.merge("report " + r.tlp, 1, Integer::sum);
    happened.merge(r.draft ? "draft" : "submitted", 1, Integer::sum);
    if (exclude) {
      happened.merge("report excluding ministry", 1, Integer::sum);
    }
    if (r.anonymise) {
      happened.merge("report anonymised", 1, Integer::sum);
    }
  }

  /** What identifies the reporter: its names, code, domain, duty address and contact. */
  static List<String> secrets(Party p, String marker) {
    String domain = p.dutyEmail().substring(p.dutyEmail().indexOf('@') + 1);
    return List.of(
        p.org().nameJa(),
        p.org().nameEn(),
        p.org().code(),
        domain,
        p.dutyEmail(),
        "soc@" + domain,
        "連絡担当" + marker.replace("-", ""),
        "03-5555-" + (1000 + Math.abs(marker.hashCode() % 9000)));
  }

  Map<String, Object> content(Rep r, String marker, String kind) {
    List<String> s = r.secrets;
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("title", "R " + marker + " " + kind);
    c.put(
        "summary",
        "事象 "
            + marker
            + " 。 報告者 "
            + s.get(0)
            + " ( "
            + s.get(1)
            + " , "
            + s.get(2)
            + " ) の https://portal."
            + s.get(3)
            + "/login で検知 。 連絡 "
            + s.get(5)
            + " 。");
    c.put("detectedAt", "2026-05-01T00:00:00Z");
    c.put("occurredAt", "2026-04-30T00:00:00Z");
    c.put("incidentType", r.incident);
    c.put("causes", List.of("suspicious_mail"));
    c.put("serviceOutage", "no");
    c.put("severity", "level2");
    c.put("cascadePossibility", "unknown");
    c.put("reportingCase", "case3");
    c.put("contactUnit", "情報システム部");
    c.put("contactPerson", s.get(6));
    c.put("contactPhone", s.get(7));
    c.put("contactEmail", s.get(5));
    return c;
  }

  void submitDraft(Random random) {
    List<Rep> drafts = reps.stream().filter(r -> r.draft).toList();
    if (drafts.isEmpty()) {
      return;
    }
    Rep r = pick(random, drafts);
    HttpResponse<String> res =
        api(r.reporter.analyst()).postJson("/api/v1/reports/" + r.id + "/submit", "{}");
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    r.draft = false;
    r.reached = 1;
    happened.merge("submit", 1, Integer::sum);
  }

  void addVersion(Random random, String marker) {
    List<Rep> open = reps.stream().filter(r -> !r.copy && !r.draft && !r.closed).toList();
    if (open.isEmpty()) {
      return;
    }
    // relayed reports get later versions more often, so a later version gets relayed too
    List<Rep> relayed = open.stream().filter(r -> r.relayCopy != null).toList();
    if (!relayed.isEmpty() && random.nextBoolean()) {
      open = relayed;
    }
    Rep r = pick(random, open);
    String kind = random.nextInt(3) == 0 ? "final" : "followup";
    HttpResponse<String> res =
        api(r.reporter.analyst())
            .postJson(
                "/api/v1/reports/" + r.id + "/versions",
                json(Map.of("kind", kind, "content", content(r, marker, kind))));
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    r.kinds.add(kind);
    r.closed = kind.equals("final");
    happened.merge(kind, 1, Integer::sum);
  }

  void forward(Random random) {
    List<Rep> pending =
        reps.stream()
            .filter(r -> !r.draft && !r.anonymise && r.reached < r.hops.size())
            .filter(r -> sees(r.hops.get(r.reached - 1).analyst(), r))
            .toList();
    if (pending.isEmpty()) {
      return;
    }
    Rep r = pick(random, pending);
    Party hop = r.hops.get(r.reached - 1);
    String narrower = null;
    if (random.nextBoolean() && !r.tlp.equals("red")) {
      String to = TLPS.get(random.nextInt(TLPS.indexOf(r.tlp)));
      if (!to.equals("red") || !r.people.isEmpty()) {
        narrower = to;
      }
    }
    HttpResponse<String> res =
        api(hop.analyst())
            .postJson(
                "/api/v1/reports/" + r.id + "/forward",
                narrower == null ? "{}" : json(Map.of("tlp", narrower)));
    String before = describe(r);
    r.reached++;
    if (narrower != null) {
      r.tlp = narrower;
      happened.merge("forward narrowing", 1, Integer::sum);
    }
    // the answer is the report as the forwarder now sees it: narrowed to RED without naming the
    // forwarder, it is gone from its view (the forward itself is done)
    assertThat(res.statusCode())
        .as(hop.name() + " forwarding " + before + ": " + res.body())
        .isEqualTo(sees(hop.analyst(), r) ? 200 : 404);
    happened.merge(r.copy ? "forward of a copy" : "forward", 1, Integer::sum);
  }

  void relay(Random random) {
    List<Rep> waiting =
        reps.stream()
            .filter(r -> r.anonymise && !r.draft && r.relayed < r.kinds.size())
            .filter(r -> sees(r.hops.get(0).analyst(), r))
            .toList();
    if (waiting.isEmpty()) {
      return;
    }
    Rep r = pick(random, waiting);
    Party ceptoar = r.hops.get(0);
    Http api = api(ceptoar.analyst());
    HttpResponse<String> preview = api.get("/api/v1/reports/" + r.id + "/anonymisation");
    assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
    int version = read(preview).path("versionNumber").asInt();
    assertThat(version).isEqualTo(r.relayed + 1);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", version);
    String tlp = r.tlp;
    if (r.relayCopy == null && random.nextInt(3) == 0) {
      String to = TLPS.get(random.nextInt(TLPS.indexOf(r.tlp) + 1));
      if (!to.equals("red") || !r.people.isEmpty()) {
        tlp = to;
        body.put("tlp", to);
      }
    }
    HttpResponse<String> res = api.postJson("/api/v1/reports/" + r.id + "/relay", json(body));
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    long copyId = read(res).path("relayedAs").asLong();
    if (r.relayCopy == null) {
      Rep c = new Rep();
      c.id = copyId;
      c.copy = true;
      c.reporter = ceptoar;
      c.authorId = ceptoar.analyst().user().id();
      c.sector = r.sector;
      c.incident = r.incident;
      c.tlp = tlp;
      c.sectors = r.sectors;
      c.types = r.types;
      c.people = r.people;
      c.hops.add(ministryOf(r.sector));
      c.hops.add(byCode("nisc"));
      c.reached = 1;
      c.secrets = r.secrets;
      c.original = r.reporter;
      r.relayCopy = c;
      reps.add(c);
      happened.merge("preview and relay", 1, Integer::sum);
    } else {
      assertThat(copyId).isEqualTo(r.relayCopy.id);
      happened.merge("relay of a later version", 1, Integer::sum);
    }
    String kind = r.kinds.get(r.relayed);
    r.relayCopy.kinds.add(kind);
    r.relayCopy.closed = kind.equals("final");
    r.relayed++;
  }

  void comment(Random random, String marker) {
    List<Object[]> options = new ArrayList<>();
    for (Rep r : reps) {
      if (r.draft) {
        continue;
      }
      for (Party p : parties) {
        boolean onRoute = p == r.reporter || r.hops.subList(0, r.reached).contains(p);
        if (onRoute && sees(p.analyst(), r)) {
          options.add(new Object[] {r, p});
        }
      }
    }
    if (options.isEmpty()) {
      return;
    }
    Object[] o = pick(random, options);
    Rep r = (Rep) o[0];
    Party p = (Party) o[1];
    HttpResponse<String> res =
        api(p.analyst())
            .postJson("/api/v1/reports/" + r.id + "/comments", json(Map.of("body", "C " + marker)));
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    happened.merge("comment", 1, Integer::sum);
  }

  /** Someone writes to a report it may not see: told exactly what a never-existing id tells. */
  void hostileWrite(Random random) {
    List<Object[]> options = new ArrayList<>();
    for (Rep r : reps) {
      for (Party p : parties) {
        if (!sees(p.analyst(), r)) {
          options.add(new Object[] {r, p});
        }
      }
    }
    if (options.isEmpty()) {
      return;
    }
    Object[] o = pick(random, options);
    Rep r = (Rep) o[0];
    Party p = (Party) o[1];
    Http api = api(p.analyst());
    long never = neverExisting();
    for (String[] w :
        new String[][] {
          {"comments", "{\"body\":\"probe\"}"},
          {"forward", "{}"},
          {"read", "{}"},
          {"relay", "{}"},
          {"versions", "{\"kind\":\"followup\",\"content\":{}}"},
          {"submit", "{}"}
        }) {
      HttpResponse<String> hidden = api.postJson("/api/v1/reports/" + r.id + "/" + w[0], w[1]);
      HttpResponse<String> none = api.postJson("/api/v1/reports/" + never + "/" + w[0], w[1]);
      assertThat(hidden.statusCode())
          .as(p.name() + " " + w[0] + " " + hidden.body())
          .isEqualTo(404);
      assertThat(shape(hidden.body(), r.id)).isEqualTo(shape(none.body(), never));
    }
    HttpResponse<String> hidden = api.get("/api/v1/reports/" + r.id + "/anonymisation");
    assertThat(hidden.statusCode()).isEqualTo(404);
    happened.merge("hostile write", 1, Integer::sum);
  }

  void issue(Random random, String marker) {
    Party issuer =
        pick(
            random,
            List.of(
                byCode("nisc"),
                byCode("meti"),
                byCode("mlit"),
                byCode("c-gas"),
                byCode("c-railway")));
    Adv a = new Adv();
    a.issuer = issuer;
    a.tlp = pick(random, ADVISORY_TLPS);
    String own =
        switch (issuer.org().code()) {
          case "meti", "c-gas" -> "gas";
          case "mlit", "c-railway" -> "railway";
          default -> null;
        };
    int how = own == null ? niscIssued++ % 4 : random.nextInt(2);
    String audience;
    if (own != null && how == 0) {
      a.sectors = Set.of(own);
      audience = "sectors";
    } else if (own != null) {
      a.named =
          new LinkedHashSet<>(
              subset(
                  random,
                  operators().stream().filter(p -> p.org().sectorCode().equals(own)).toList()));
      audience = "organisations";
    } else if (how == 0) {
      a.all = true;
      audience = "all";
    } else if (how == 1) {
      a.sectors = subset(random, SECTORS);
      audience = "sectors";
    } else if (how == 2) {
      a.types = subset(random, TYPES);
      audience = "types";
    } else {
      a.named = new LinkedHashSet<>(subset(random, parties));
      a.named.remove(issuer);
      if (a.named.isEmpty()) {
        return;
      }
      audience = "organisations";
    }
    List<Long> sources = sourcesFor(random, issuer);
    String title = "A " + marker + " v1";
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", title);
    body.put("body", "注意喚起 " + marker);
    body.put("observables", List.of("domain-name bad-" + marker + ".example"));
    body.put("sourceReportIds", sources);
    body.put("tlp", a.tlp);
    body.put("all", a.all);
    body.put("sectors", a.sectors);
    body.put("types", a.types);
    body.put("organisations", a.named.stream().map(p -> p.org().code()).toList());
    HttpResponse<String> res = api(issuer.analyst()).postJson("/api/v1/advisories", json(body));
    assertThat(res.statusCode()).as(marker + " " + res.body()).isEqualTo(201);
    a.id = read(res).path("id").asLong();
    a.reachedGated = modes.current() == SystemMode.LARGE_SCALE;
    a.titles.add(title);
    a.sources.add(sources);
    advs.add(a);
    happened.merge("advisory " + audience, 1, Integer::sum);
    if (!sources.isEmpty()) {
      happened.merge("advisory with sources", 1, Integer::sum);
    }
  }

  List<Long> sourcesFor(Random random, Party issuer) {
    List<Long> visible =
        reps.stream().filter(r -> sees(issuer.analyst(), r)).map(r -> r.id).toList();
    List<Long> out = new ArrayList<>();
    for (int k = random.nextInt(3); k > 0 && !visible.isEmpty(); k--) {
      Long id = pick(random, visible);
      if (!out.contains(id)) {
        out.add(id);
      }
    }
    return out;
  }

  void versionAdvisory(Random random, String marker) {
    List<Adv> active = advs.stream().filter(a -> !a.withdrawn).toList();
    if (active.isEmpty()) {
      return;
    }
    Adv a = pick(random, active);
    String kind = pick(random, List.of("update", "correction", "update", "withdrawal"));
    String title = "A " + marker + " v" + (a.titles.size() + 1);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", kind);
    body.put("title", title);
    body.put("body", "更新 " + marker);
    List<Long> current = a.sources.get(a.sources.size() - 1);
    List<Long> sources = current;
    if (random.nextBoolean()) {
      List<Long> given = sourcesFor(random, a.issuer);
      body.put("sourceReportIds", given);
      sources = new ArrayList<>(given);
      for (Long kept : current) {
        if (!sources.contains(kept) && !sees(a.issuer.analyst(), rep(kept))) {
          sources.add(kept);
        }
      }
    }
    HttpResponse<String> res =
        api(a.issuer.analyst()).postJson("/api/v1/advisories/" + a.id + "/versions", json(body));
    assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
    a.reachedGated |= modes.current() == SystemMode.LARGE_SCALE;
    a.titles.add(title);
    a.sources.add(sources);
    a.withdrawn = kind.equals("withdrawal");
    happened.merge(a.withdrawn ? "advisory withdrawal" : "advisory version", 1, Integer::sum);
  }

  String describe(Rep r) {
    return "report %d by %s%s tlp %s people %s scope %s %s excluded %s hops %s reached %d, %s; audience %s"
        .formatted(
            r.id,
            r.reporter.name(),
            r.copy ? " (copy)" : r.anonymise ? " (anonymised)" : "",
            r.tlp,
            r.people,
            r.sectors,
            r.types,
            r.excluded,
            r.hops.stream().map(Party::name).toList(),
            r.reached,
            modes.current(),
            audience(r));
  }

  Rep rep(long id) {
    return reps.stream().filter(r -> r.id == id).findFirst().orElseThrow();
  }

  // ---- the model ---------------------------------------------------------------------------

  Viewer viewer(Person p) {
    return viewers.computeIfAbsent(p.user().id(), k -> gate.viewer(fixtures.actor(p.user())));
  }

  static Marking tlp(String code) {
    return Marking.tlp(Tlp.valueOf(code.toUpperCase(java.util.Locale.ROOT)));
  }

  /** Who may read a report, from what the scenario did with it. */
  Audience audience(Rep r) {
    long org = r.reporter.org().id();
    if (r.draft) {
      return Audience.of(Marking.tlp(Tlp.RED), org, r.authorId);
    }
    Set<Long> reached =
        r.hops.subList(0, r.reached).stream().map(h -> h.org().id()).collect(Collectors.toSet());
    if (r.anonymise) {
      // the original stops at its CEPTOAR: nobody past it learns of it, and at RED only the
      // people it names see it there
      boolean red = "red".equals(r.tlp);
      return Audience.of(Marking.tlp(red ? Tlp.RED : Tlp.AMBER_STRICT), org, r.authorId)
          .withRecipientOrganisations(reached)
          .withRecipientPeople(red ? r.people : Set.of())
          .withExcluded(r.excluded);
    }
    return Audience.of(tlp(r.tlp), org, r.authorId)
        .withRecipientOrganisations(reached)
        .withRecipientPeople(r.people)
        .withScope(r.sectors, r.types)
        .withExcluded(r.excluded);
  }

  boolean sees(Person p, Rep r) {
    return policy.canView(viewer(p), audience(r), modes.current());
  }

  /** An advisory's recipients among the parties, from how the scenario addressed it. */
  boolean recipient(Party p, Adv a) {
    if (p == a.issuer) {
      return false;
    }
    Organisation o = p.org();
    boolean supervises =
        o.typeCode().equals("ministry")
            && a.sectors.stream()
                .anyMatch(
                    s -> reference.sector(s).orElseThrow().ministryCode().equals(o.ministryCode()));
    boolean gated = SharingPolicy.DEFAULT_MODE_GATED_TYPES.contains(o.typeCode());
    return (a.all && (!gated || a.reachedGated))
        || (o.sectorCode() != null && a.sectors.contains(o.sectorCode()))
        || a.types.contains(o.typeCode())
        || a.named.contains(p)
        || supervises;
  }

  Audience audience(Adv a) {
    Set<Long> recipients =
        parties.stream()
            .filter(p -> recipient(p, a))
            .map(p -> p.org().id())
            .collect(Collectors.toSet());
    return Audience.of(tlp(a.tlp), a.issuer.org().id(), a.issuer.analyst().user().id())
        .withRecipientOrganisations(recipients)
        .withScope(a.all ? Set.of() : a.sectors, a.all ? Set.of() : a.types);
  }

  boolean sees(Person p, Adv a) {
    return policy.canView(viewer(p), audience(a), modes.current());
  }

  /** The reports a person sees that the statistics count: submitted, own relayed copies aside. */
  List<Rep> counted(Party p, Person x) {
    return reps.stream()
        .filter(r -> !r.draft && sees(x, r))
        .filter(r -> !(r.copy && r.reporter == p))
        .toList();
  }

  // ---- reading back ------------------------------------------------------------------------

  void readBack(Party p, Map<String, Map<String, String>> baseline, String where) {
    SystemMode mode = modes.current();
    Set<Long> ours = reps.stream().map(r -> r.id).collect(Collectors.toSet());
    Set<Long> advIds = advs.stream().map(a -> a.id).collect(Collectors.toSet());
    long never = neverExisting();
    for (Person x : p.people()) {
      String as = where + x.label();
      Http api = api(x);
      Set<Long> expected =
          reps.stream().filter(r -> sees(x, r)).map(r -> r.id).collect(Collectors.toSet());
      assertThat(ids(api.get("/api/v1/reports?limit=200"), "id", ours))
          .as(as + ": report list")
          .isEqualTo(expected);
      String notFound = shape(api.get("/api/v1/reports/" + never).body(), never);
      for (Rep r : reps) {
        HttpResponse<String> res = api.get("/api/v1/reports/" + r.id);
        if (expected.contains(r.id)) {
          assertThat(res.statusCode())
              .as(as + ": report " + r.id + " " + res.body())
              .isEqualTo(200);
          JsonNode v = read(res);
          assertThat(v.path("versions").size())
              .as(as + ": versions of " + r.id)
              .isEqualTo(r.kinds.size());
          assertThat(v.path("tlp").asString()).isEqualTo(r.tlp);
          if (r.copy && upstream(p, r)) {
            assertNoSecrets(res.body(), r, as + ": copy " + r.id);
            happened.merge("copy hidden upstream", 1, Integer::sum);
          }
        } else {
          assertThat(res.statusCode())
              .as(as + ": report " + r.id + " " + res.body())
              .isEqualTo(404);
          assertThat(shape(res.body(), r.id)).as(as + ": 404 of " + r.id).isEqualTo(notFound);
        }
      }
      HttpResponse<String> inbox = api.get("/api/v1/inbox?limit=200");
      Set<Long> expectedInbox =
          reps.stream()
              .filter(r -> r.hops.subList(0, r.reached).contains(p) && sees(x, r))
              .map(r -> r.id)
              .collect(Collectors.toSet());
      assertThat(ids(inbox, "reportId", ours)).as(as + ": inbox").isEqualTo(expectedInbox);
      HttpResponse<String> list = api.get("/api/v1/reports?limit=200");
      for (JsonNode item : read(list)) {
        Rep r = ours.contains(item.path("id").asLong()) ? rep(item.path("id").asLong()) : null;
        if (r != null && r.copy && upstream(p, r)) {
          assertNoSecrets(item.toString(), r, as + ": list line of copy " + r.id);
        }
      }
      for (JsonNode item : read(inbox)) {
        Rep r =
            ours.contains(item.path("reportId").asLong())
                ? rep(item.path("reportId").asLong())
                : null;
        if (r != null && r.copy && upstream(p, r)) {
          assertNoSecrets(item.toString(), r, as + ": inbox line of copy " + r.id);
        }
      }

      Set<Long> expectedAdv =
          advs.stream().filter(a -> sees(x, a)).map(a -> a.id).collect(Collectors.toSet());
      assertThat(ids(api.get("/api/v1/advisories?limit=200"), "id", advIds))
          .as(as + ": advisory list")
          .isEqualTo(expectedAdv);
      assertThat(ids(api.get("/api/v1/advisories/inbox?limit=200"), "id", advIds))
          .as(as + ": advisory inbox")
          .isEqualTo(
              advs.stream()
                  .filter(a -> recipient(p, a))
                  .map(a -> a.id)
                  .collect(Collectors.toSet()));
      String advNotFound = shape(api.get("/api/v1/advisories/" + never).body(), never);
      for (Adv a : advs) {
        HttpResponse<String> res = api.get("/api/v1/advisories/" + a.id);
        if (!expectedAdv.contains(a.id)) {
          assertThat(res.statusCode()).as(as + ": advisory " + a.id).isEqualTo(404);
          assertThat(shape(res.body(), a.id)).isEqualTo(advNotFound);
          continue;
        }
        assertThat(res.statusCode())
            .as(as + ": advisory " + a.id + " " + res.body())
            .isEqualTo(200);
        JsonNode versions = read(res).path("versions");
        assertThat(versions.size()).isEqualTo(a.titles.size());
        for (int k = 0; k < a.titles.size(); k++) {
          List<Long> shown = new ArrayList<>();
          versions.get(k).path("sourceReportIds").forEach(n -> shown.add(n.asLong()));
          assertThat(shown)
              .as(as + ": sources of advisory " + a.id + " v" + (k + 1))
              .isEqualTo(a.sources.get(k).stream().filter(s -> sees(x, rep(s))).toList());
        }
      }

      Map<String, String> stats = statistics(x);
      Map<String, String> before = baseline.get(mode + x.label());
      Map<String, Long> model = new TreeMap<>();
      for (Rep r : counted(p, x)) {
        model.merge("sector " + r.sector, 1L, Long::sum);
        model.merge("incident " + r.incident, 1L, Long::sum);
        model.merge("total", 1L, Long::sum);
      }
      assertThat(delta(stats, before)).as(as + ": statistics").isEqualTo(model);
      if (x == p.analyst()) {
        assertThat(delta(csv(p), baseline.get(mode + p.name() + " csv")))
            .as(as + ": dashboard CSV")
            .isEqualTo(
                model.entrySet().stream()
                    .filter(e -> !e.getKey().equals("total"))
                    .collect(
                        Collectors.toMap(
                            Map.Entry::getKey, Map.Entry::getValue, (s, t) -> s, TreeMap::new)));
        pages(p, expected, expectedAdv, as);
      }
    }
  }

  /** Past the CEPTOAR: anyone but the reporter and the CEPTOAR that relayed the copy. */
  boolean upstream(Party p, Rep copy) {
    return p != copy.reporter && p != copy.original;
  }

  static void assertNoSecrets(String body, Rep copy, String where) {
    for (String s : copy.secrets) {
      assertThat(body).as(where + " names its reporter").doesNotContain(s);
    }
  }

  void pages(Party p, Set<Long> expected, Set<Long> expectedAdv, String as) {
    Http browser = http();
    assertThat(browser.signIn(p.analyst().user().login(), Fixtures.PASSWORD).statusCode())
        .isEqualTo(302);
    Set<Long> ours = reps.stream().map(r -> r.id).collect(Collectors.toSet());
    Set<Long> linked = new TreeSet<>();
    Matcher m = LINK.matcher(browser.get("/reports?size=100").body());
    while (m.find()) {
      long id = Long.parseLong(m.group(1));
      if (ours.contains(id)) {
        linked.add(id);
      }
    }
    assertThat(linked).as(as + ": /reports page").isEqualTo(new TreeSet<>(expected));
    for (int k = 0; k < reps.size(); k += 3) {
      Rep r = reps.get(k);
      HttpResponse<String> page = browser.get("/reports/" + r.id);
      assertThat(page.statusCode())
          .as(as + ": page of report " + r.id)
          .isEqualTo(expected.contains(r.id) ? 200 : 404);
      if (r.copy && expected.contains(r.id) && upstream(p, r)) {
        assertNoSecrets(page.body(), r, as + ": page of copy " + r.id);
      }
    }
    for (int k = 0; k < advs.size(); k += 2) {
      Adv a = advs.get(k);
      HttpResponse<String> page = browser.get("/advisories/" + a.id);
      assertThat(page.statusCode())
          .as(as + ": page of advisory " + a.id)
          .isEqualTo(expectedAdv.contains(a.id) ? 200 : 404);
    }
  }

  /**
   * Each operator's duty address got exactly one e-mail per version of what was addressed to it —
   * except of a withdrawn advisory: a version that had not gone to the address when the advisory
   * was withdrawn is not sent there (which versions had gone depends on the sender's timing), and
   * the withdrawal goes to the address exactly when an earlier version did.
   */
  void duties(String where) throws Exception {
    Map<String, List<String>> expected = new HashMap<>();
    Map<String, List<String>> got = new HashMap<>();
    List<Long> withdrawn = advs.stream().filter(a -> a.withdrawn).map(a -> a.id).toList();
    long until = System.currentTimeMillis() + 30_000;
    do {
      // a withdrawn advisory's deliveries all ended first: the model reads which of them went
      boolean settled =
          withdrawn.isEmpty()
              || jdbc.sql(
                          "select count(*) from outbox where status = 'pending' and channel ="
                              + " 'email' and advisory_id = any(?)")
                      .param(withdrawn.toArray(Long[]::new))
                      .query(Long.class)
                      .single()
                  == 0;
      got.clear();
      for (Party p : operators()) {
        got.put(p.dutyEmail(), new ArrayList<>());
      }
      for (MimeMessage m : MAIL.getReceivedMessages()) {
        String to = m.getAllRecipients()[0].toString();
        if (got.containsKey(to)) {
          String subject = m.getSubject();
          got.get(to).add(subject.substring(subject.indexOf("A s")));
        }
      }
      got.values().forEach(l -> l.sort(null));
      expected.clear();
      for (Party p : operators()) {
        List<String> titles = new ArrayList<>();
        for (Adv a : advs) {
          if (recipient(p, a)) {
            titles.addAll(a.withdrawn ? wentBeforeWithdrawal(a, got.get(p.dutyEmail())) : a.titles);
          }
        }
        expected.put(p.dutyEmail(), titles.stream().sorted().toList());
      }
      if (settled && got.equals(expected)) {
        break;
      }
      Thread.sleep(200);
    } while (System.currentTimeMillis() < until);
    assertThat(got).as(where + ": duty e-mails").isEqualTo(expected);
  }

  /**
   * What an address should have of withdrawn advisory {@code a}: the versions before the withdrawal
   * it received, and the withdrawal exactly when it received one of them.
   */
  static List<String> wentBeforeWithdrawal(Adv a, List<String> received) {
    List<String> earlier = a.titles.subList(0, a.titles.size() - 1);
    List<String> out = new ArrayList<>(earlier.stream().filter(received::contains).toList());
    if (!out.isEmpty()) {
      out.add(a.titles.get(a.titles.size() - 1));
    }
    return out;
  }

  // ---- HTTP --------------------------------------------------------------------------------

  Http api(Person p) {
    return http().bearer(p.token());
  }

  static String json(Object o) {
    return JSON.writeValueAsString(o);
  }

  static JsonNode read(HttpResponse<String> r) {
    return JSON.readTree(r.body());
  }

  static Set<Long> ids(HttpResponse<String> r, String field, Set<Long> ours) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Set<Long> out = new HashSet<>();
    read(r).forEach(n -> out.add(n.path(field).asLong()));
    out.retainAll(ours);
    return out;
  }

  long neverExisting() {
    return 9_000_000_000L + reps.size();
  }

  /** A 404 body with its id taken out, to compare with a never-existing id's. */
  static String shape(String body, long id) {
    return body.replaceAll("(?<=[/ ])" + id + "(?![0-9])", "ID");
  }

  /** The statistics' counts per sector and incident type, and the total. */
  Map<String, String> statistics(Person x) {
    HttpResponse<String> r = api(x).get("/api/v1/reports/statistics");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode s = read(r);
    Map<String, String> out = new TreeMap<>();
    s.path("bySector")
        .path("rows")
        .forEach(
            n ->
                out.put(
                    "sector " + n.path("code").asString(),
                    String.valueOf(n.path("total").asLong())));
    s.path("byIncidentType")
        .path("rows")
        .forEach(
            n ->
                out.put(
                    "incident " + n.path("code").asString(),
                    String.valueOf(n.path("total").asLong())));
    out.put("total", String.valueOf(s.path("total").asLong()));
    return out;
  }

  /**
   * The dashboard CSVs' totals per sector and incident type, as the analyst's browser gets them.
   */
  Map<String, String> csv(Party p) {
    Http browser = http();
    browser.signIn(p.analyst().user().login(), Fixtures.PASSWORD);
    Map<String, String> out = new TreeMap<>();
    for (String[] t : new String[][] {{"sector", "sector"}, {"incident-type", "incident"}}) {
      HttpResponse<String> r = browser.get("/dashboard/" + t[0] + ".csv");
      assertThat(r.statusCode()).isEqualTo(200);
      String[] lines = r.body().replace("\uFEFF", "").split("\r\n");
      for (int k = 1; k < lines.length; k++) {
        String[] cells = lines[k].split(",");
        out.put(t[1] + " " + cells[0].replace("\"", ""), cells[cells.length - 1]);
      }
    }
    return out;
  }

  static Map<String, Long> delta(Map<String, String> after, Map<String, String> before) {
    Map<String, Long> out = new TreeMap<>();
    for (Map.Entry<String, String> e : after.entrySet()) {
      long d = Long.parseLong(e.getValue()) - Long.parseLong(before.getOrDefault(e.getKey(), "0"));
      if (d != 0) {
        out.put(e.getKey(), d);
      }
    }
    return out;
  }
}
