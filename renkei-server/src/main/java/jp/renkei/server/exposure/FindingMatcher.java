package jp.renkei.server.exposure;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.renkei.engine.exposure.Finding;
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
    LocalDate today = LocalDate.now(JST);
    List<ExposureRepository.NewFinding> out = new ArrayList<>();
    for (ExposureRepository.AssetRow a : repository.services(org)) {
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
      for (Finding f : k.knowledge().match(s)) {
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
    Set<String> added = repository.replaceFindings(org, out);
    Set<String> kevAdded = new HashSet<>();
    for (ExposureRepository.NewFinding f : out) {
      if (f.inKev() && added.contains(f.cveId())) {
        kevAdded.add(f.cveId());
      }
    }
    return kevAdded;
  }
}
