package jp.renkei.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import jp.renkei.engine.policy.Audience;
import jp.renkei.engine.policy.C4tapStanding;
import jp.renkei.engine.policy.Marking;
import jp.renkei.engine.policy.SharingPolicy;
import jp.renkei.engine.policy.SystemMode;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.engine.policy.Viewer;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.OrganisationDetail;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.failure.NotFound;
import jp.renkei.server.reference.ReferenceData;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sharing invariant on the report read paths: for random reports (marking, route, hops
 * delivered so far, scope, exclusions, named people, draft or not) and viewers of every kind of
 * organisation, the list, the object page and the inbox show exactly what the engine policy allows
 * for the audience the test itself generated — over 100,000 (viewer, report) decisions.
 */
class ReportReadPathsIT extends ServerTest {

  static final long SEED = Long.getLong("renkei.readpaths.seed", 20261122L);
  static final int REPORTS = 1_000;
  static final int VIEWERS_PER_ORG = 5;
  static final List<String> ORGS =
      List.of(
          "op-sakura-bank",
          "op-midori-shinkin",
          "op-sakura-pay",
          "op-inazuma-power",
          "op-izumi-water",
          "op-minato-port",
          "op-kaze-rail",
          "c-bank",
          "c-power",
          "c-credit",
          "c-water",
          "fsa",
          "meti",
          "mlit",
          "nisc",
          "npa",
          "cao-bousai",
          "jpcert",
          "biz-sample-isp",
          "op-hikari-rail");
  static final List<String> TLPS = List.of("red", "amber_strict", "amber", "green", "clear");

  @Autowired ReportRepository repository;
  @Autowired ReportService service;
  @Autowired DirectoryService directory;
  @Autowired ReferenceData reference;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  /** What the test generated for one report: the spec's inputs, not the service's. */
  record Generated(
      long id,
      long originatorOrg,
      long originatorUser,
      boolean draft,
      boolean anonymise,
      String tlp,
      Set<Long> delivered,
      Set<Long> people,
      Set<String> sectors,
      Set<String> types,
      Set<Long> excluded) {

    /**
     * The spec: an anonymised original is for its CEPTOAR only, and at RED only for the people it
     * names (TLP:RED is the named people's alone, DESIGN.md §2).
     */
    Audience audience() {
      if (anonymise) {
        boolean red = "red".equals(tlp);
        return new Audience(
            Marking.tlp(red ? Tlp.RED : Tlp.AMBER_STRICT),
            originatorOrg,
            originatorUser,
            delivered,
            red ? people : Set.of(),
            Set.of(),
            Set.of(),
            excluded);
      }
      return new Audience(
          Marking.tlp(ReportService.tlp(tlp)),
          originatorOrg,
          originatorUser,
          delivered,
          people,
          sectors,
          types,
          excluded);
    }
  }

  @Test
  void listObjectAndInboxPathsAgreeWithThePolicy() {
    Random r = new Random(SEED);
    Map<Long, OrganisationDetail> orgs = new HashMap<>();
    List<UserAccount> viewers = new ArrayList<>();
    for (String code : ORGS) {
      OrganisationDetail d = directory.detail(directory.organisation(code).id());
      orgs.put(d.organisation().id(), d);
      for (int i = 0; i < VIEWERS_PER_ORG; i++) {
        viewers.add(fixtures.user(code, Role.ANALYST));
      }
    }
    List<Organisation> reporters =
        orgs.values().stream()
            .map(OrganisationDetail::organisation)
            .filter(o -> o.typeCode().equals("operator"))
            .toList();
    long nisc = directory.nationalCoordinator().orElseThrow().id();
    List<String> sectorCodes = reference.sectors().stream().map(s -> s.code()).toList();
    List<String> typeCodes = reference.organisationTypes().stream().map(t -> t.code()).toList();

    List<Generated> generated = new ArrayList<>();
    for (int n = 0; n < REPORTS; n++) {
      Organisation o = reporters.get(r.nextInt(reporters.size()));
      UserAccount author =
          viewers.stream().filter(v -> v.organisationId() == o.id()).findFirst().orElseThrow();
      List<Organisation> ceptoars = orgs.get(o.id()).ceptoars();
      boolean viaCeptoar = !ceptoars.isEmpty() && r.nextBoolean();
      String tlp = TLPS.get(r.nextInt(TLPS.size()));
      Set<String> sectors = r.nextInt(3) == 0 ? randomSubset(r, sectorCodes) : Set.of();
      Set<String> types = r.nextInt(3) == 0 ? randomSubset(r, typeCodes) : Set.of();
      Set<Long> people = new HashSet<>();
      for (int k = r.nextInt(3); k > 0; k--) {
        people.add(viewers.get(r.nextInt(viewers.size())).id());
      }
      Set<Long> excluded = new HashSet<>();
      if (r.nextInt(5) == 0) {
        excluded.add(new ArrayList<>(orgs.keySet()).get(r.nextInt(orgs.size())));
        excluded.remove(o.id());
      }
      boolean anonymise = viaCeptoar && r.nextInt(5) == 0;
      long ceptoarId = viaCeptoar ? ceptoars.get(r.nextInt(ceptoars.size())).id() : 0;
      long id =
          repository.insert(
              o.id(),
              author.id(),
              o.sectorCode(),
              viaCeptoar ? "ceptoar" : "hotline",
              viaCeptoar ? ceptoarId : null,
              anonymise,
              tlp,
              List.copyOf(sectors),
              List.copyOf(types),
              List.copyOf(excluded),
              List.copyOf(people));
      repository.insertVersion(
          id,
          1,
          "first",
          Fixtures.reportContent("生成報告 " + n),
          author.id(),
          java.time.Instant.now());
      boolean draft = r.nextInt(10) == 0;
      Set<Long> delivered = new HashSet<>();
      if (!draft) {
        List<Long> route = new ArrayList<>();
        if (viaCeptoar) {
          route.add(ceptoarId);
        }
        if (viaCeptoar && !anonymise) {
          route.add(
              directory
                  .ministryOrganisation(
                      reference.sector(o.sectorCode()).orElseThrow().ministryCode())
                  .orElseThrow()
                  .id());
        }
        route.add(nisc);
        for (int h = 0; h < route.size(); h++) {
          repository.insertHop(
              id,
              h + 1,
              h == route.size() - 1 ? "nisc" : h == 0 ? "ceptoar" : "ministry",
              route.get(h));
        }
        repository.submit(id, Instant.now());
        int reached = r.nextInt(route.size() + 1);
        List<ReportRecords.Hop> hops = repository.hops(id);
        for (int h = 0; h < reached; h++) {
          repository.deliver(hops.get(h).id(), Instant.now());
          delivered.add(route.get(h));
        }
      }
      generated.add(
          new Generated(
              id,
              o.id(),
              author.id(),
              draft,
              anonymise,
              tlp,
              delivered,
              people,
              sectors,
              types,
              excluded));
    }

    SharingPolicy policy = new SharingPolicy();
    Set<Long> ours = generated.stream().map(Generated::id).collect(Collectors.toSet());
    int decisions = 0;
    int allowed = 0;
    for (UserAccount v : viewers) {
      OrganisationDetail d = orgs.get(v.organisationId());
      Viewer viewer =
          new Viewer(
              v.id(),
              v.organisationId(),
              d.organisation().typeCode(),
              d.organisation().sectorCode(),
              d.ceptoars().stream().map(Organisation::id).collect(Collectors.toSet()),
              C4tapStanding.NONE);
      Set<Long> expected = new HashSet<>();
      for (Generated g : generated) {
        boolean sees =
            g.draft()
                ? g.originatorOrg() == v.organisationId()
                : policy.canView(viewer, g.audience(), SystemMode.NORMAL);
        if (sees) {
          expected.add(g.id());
        }
        decisions++;
      }
      allowed += expected.size();
      Actor actor = fixtures.actor(v);
      Set<Long> listed =
          service.list(actor, 100_000).stream()
              .map(ReportService.Summary::id)
              .filter(ours::contains)
              .collect(Collectors.toSet());
      assertThat(listed)
          .as("list path for " + v.login() + " of " + v.organisationCode())
          .isEqualTo(expected);

      // counts: the statistics cover exactly the submitted reports the list shows (a CEPTOAR's own
      // anonymised copies are counted once, as their originals)
      List<ReportService.Summary> all = service.list(actor, 100_000);
      Set<Long> ownCopies =
          new HashSet<>(
              jdbc.sql("select id from report where route = 'relay' and originator_org_id = ?")
                  .param(v.organisationId())
                  .query(Long.class)
                  .list());
      long countable =
          all.stream()
              .filter(s -> !"draft".equals(s.status()) && !ownCopies.contains(s.id()))
              .count();
      assertThat(service.statistics(actor).total())
          .as("statistics for " + v.login())
          .isEqualTo(countable);

      Set<Long> inbox =
          service.inbox(actor, 10_000).stream()
              .map(ReportService.InboxItem::reportId)
              .filter(ours::contains)
              .collect(Collectors.toSet());
      assertThat(expected).as("inbox path for " + v.login()).containsAll(inbox);

      for (int k = 0; k < 25; k++) {
        Generated g = generated.get(r.nextInt(generated.size()));
        boolean opened;
        try {
          service.view(actor, g.id());
          opened = true;
        } catch (NotFound e) {
          opened = false;
        }
        assertThat(opened)
            .as("object path: " + v.login() + " on report " + g.id())
            .isEqualTo(expected.contains(g.id()));
      }
    }
    assertThat(decisions).isGreaterThanOrEqualTo(100_000);
    // not vacuous: a real share of the decisions are grants, and a real share are denials
    assertThat(allowed).isBetween(decisions / 10, decisions * 9 / 10);
  }

  static <T> Set<T> randomSubset(Random r, List<T> all) {
    Set<T> s = new HashSet<>();
    for (T t : all) {
      if (r.nextInt(3) == 0) {
        s.add(t);
      }
    }
    return s;
  }
}
