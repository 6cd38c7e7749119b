package jp.renkei.server.exposure;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import jp.renkei.engine.exposure.Finding;
import jp.renkei.engine.exposure.Knowledge;
import jp.renkei.engine.exposure.ProductId;
import jp.renkei.engine.exposure.ServiceAsset;
import jp.renkei.engine.exposure.Ssvc;
import jp.renkei.server.config.ExposureProperties;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Matches an organisation's services against the hub's knowledge and writes its findings, each with
 * its evidence and SSVC decision (the engine's {@link Ssvc} with the hub's policy).
 */
@Service
class FindingMatcher {

  private static final ZoneId JST = ZoneId.of("Asia/Tokyo");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ExposureRepository repository;
  private final KnowledgeService knowledge;
  private final Ssvc ssvc;

  FindingMatcher(
      ExposureRepository repository, KnowledgeService knowledge, ExposureProperties props) {
    this.repository = repository;
    this.knowledge = knowledge;
    this.ssvc =
        new Ssvc(
            new Ssvc.Policy(
                props.epssPocThreshold(),
                props.urgentDays(),
                props.standardDays(),
                props.longDays()));
  }

  /**
   * Re-evaluates one organisation's findings.
   *
   * @param firstSeen first-seen dates of findings known before, by "host|port|protocol|cve"
   * @return the KEV CVEs the organisation is newly exposed to
   */
  Set<String> rematch(long org, Map<String, LocalDate> firstSeen) {
    KnowledgeService.Snapshot k = knowledge.snapshot();
    List<ExposureRepository.NewFinding> out =
        findings(k.knowledge(), k, repository.services(org), firstSeen, LocalDate.now(JST));
    Set<String> added = repository.replaceFindings(org, out);
    Set<String> kevAdded = new HashSet<>();
    for (ExposureRepository.NewFinding f : out) {
      if (f.inKev() && added.contains(f.cveId())) {
        kevAdded.add(f.cveId());
      }
    }
    return kevAdded;
  }

  /**
   * Re-evaluates, in every inventory, the findings on these CVEs alone (KEV entries an import added
   * or changed) and leaves every other finding as it is: the knowledge of these CVEs only is
   * matched against the services it can affect (selected by their stored lookup keys, V252), and
   * the findings of these CVEs are replaced in the organisations with such a service or with a
   * finding on one of them already. The same findings as {@link #rematch} of every organisation
   * would write for these CVEs (ExposureIncrementalIT compares the two). Runs in the caller's
   * transaction.
   *
   * @return per organisation, the KEV CVEs it is newly exposed to (a CVE found before and only now
   *     in KEV is one of them)
   */
  Map<Long, Set<String>> matchEntries(Set<String> cves) {
    if (cves.isEmpty()) {
      return Map.of();
    }
    KnowledgeService.Snapshot k = knowledge.snapshot();
    Knowledge only = k.about(cves);
    Map<Long, List<ExposureRepository.AssetRow>> services = new TreeMap<>();
    for (ExposureRepository.AssetRow a : repository.servicesMeeting(only.keys())) {
      services.computeIfAbsent(a.organisationId(), o -> new ArrayList<>()).add(a);
    }
    Set<Long> orgs = new TreeSet<>(repository.organisationsWithFindingsOn(cves));
    orgs.addAll(services.keySet());
    if (orgs.isEmpty()) {
      return Map.of();
    }
    Map<Long, Map<String, LocalDate>> seen = repository.firstSeen(orgs, cves);
    LocalDate today = LocalDate.now(JST);
    Map<Long, List<ExposureRepository.NewFinding>> out = new HashMap<>();
    services.forEach(
        (org, list) ->
            out.put(org, findings(only, k, list, seen.getOrDefault(org, Map.of()), today)));
    return repository.replaceFindings(orgs, cves, out);
  }

  private List<ExposureRepository.NewFinding> findings(
      Knowledge kn,
      KnowledgeService.Snapshot k,
      List<ExposureRepository.AssetRow> services,
      Map<String, LocalDate> firstSeen,
      LocalDate today) {
    List<ExposureRepository.NewFinding> out = new ArrayList<>();
    for (ExposureRepository.AssetRow a : services) {
      ServiceAsset s;
      try {
        s =
            new ServiceAsset(
                a.id(),
                ProductId.of(a.cpe(), a.purl(), a.version()),
                a.criticality(),
                a.publicFacing());
      } catch (IllegalArgumentException e) {
        continue; // checked at import; a stored value the parser now refuses matches nothing
      }
      for (Finding f : kn.match(s)) {
        String key = a.value() + "|" + a.port() + "|" + a.protocol() + "|" + f.cveId();
        LocalDate since = firstSeen.getOrDefault(key, today);
        Ssvc.Decision d =
            ssvc.decide(f, s, k.epss().get(f.cveId()), k.cvss().get(f.cveId()), since);
        out.add(
            new ExposureRepository.NewFinding(
                a.id(),
                f.cveId(),
                f.status(),
                f.kev() != null,
                d.outcome().name().toLowerCase(java.util.Locale.ROOT),
                d.outcome().ordinal(),
                d.due(),
                d.forensic(),
                JSON.writeValueAsString(f.evidence()),
                JSON.writeValueAsString(d.reasons()),
                since));
      }
    }
    return out;
  }
}
