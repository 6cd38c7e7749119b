package jp.renkei.server.exposure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jp.renkei.server.advisory.AdvisoryDrafts;
import jp.renkei.server.advisory.AdvisoryForm;
import jp.renkei.server.advisory.AdvisoryService;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.database.Rows;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.NotFound;
import jp.renkei.server.reference.ReferenceData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * An advisory (情報提供) drafted from the sector figures of one KEV CVE: the CVE and its KEV facts, the
 * sectors whose figure the issuer may see, and as recipients those sectors' ministries and CEPTOARs
 * — every CEPTOAR of a sector shown, never chosen by which operators are exposed, so the recipient
 * list says no more than the figures do. Withheld sectors (fewer than k either way) are neither
 * named nor addressed. The draft goes through the advisory form and service as any other.
 */
@Service
public class ExposureAdvisory {

  record Kev(
      String cveId,
      String vendorProject,
      String product,
      String name,
      LocalDate dateAdded,
      LocalDate dueDate,
      String shortDescription,
      String requiredAction) {}

  private final ExposureAccess access;
  private final AdvisoryService advisories;
  private final AdvisoryDrafts drafts;
  private final ReferenceData reference;
  private final JdbcClient jdbc;

  ExposureAdvisory(
      ExposureAccess access,
      AdvisoryService advisories,
      AdvisoryDrafts drafts,
      ReferenceData reference,
      JdbcClient jdbc) {
    this.access = access;
    this.advisories = advisories;
    this.drafts = drafts;
    this.reference = reference;
    this.jdbc = jdbc;
  }

  /** Drafts the advisory for the actor's organisation; returns the draft's id. */
  public long draft(Actor actor, String cveId) {
    if (!advisories.mayIssue(actor)) {
      throw new Forbidden("error.advisory.mayNotIssue");
    }
    String cve = cveId == null ? "" : cveId.strip();
    Kev kev = kev(cve).orElseThrow(() -> new NotFound("KEV entry", cve.length() > 30 ? "-" : cve));
    List<ExposureAccess.SectorFigure> shown =
        access.sectorFigures(actor, cve).stream()
            .filter(f -> !f.withheld() && f.exposed() != null && f.exposed() > 0)
            .toList();
    if (shown.isEmpty()) {
      throw new InvalidInput("cve", "exposure.advisory.noFigure", cve);
    }
    Map<String, String> names = new HashMap<>();
    reference.sectors().forEach(s -> names.put(s.code(), s.label(Locale.JAPANESE)));
    List<String> sectorCodes = shown.stream().map(ExposureAccess.SectorFigure::sector).toList();
    List<String> recipients =
        jdbc.sql(
                "select o.code from organisation o where o.active and o.id <> ? and ("
                    + " (o.type_code = 'ceptoar' and o.sector_code = any(?))"
                    + " or (o.type_code = 'ministry' and o.ministry_code in"
                    + "   (select s.ministry_code from sector s where s.code = any(?))))"
                    + " order by o.code")
            .params(
                actor.organisationId(),
                sectorCodes.toArray(String[]::new),
                sectorCodes.toArray(String[]::new))
            .query(String.class)
            .list();
    StringBuilder body = new StringBuilder();
    body.append("CISA の既知の悪用された脆弱性 (KEV) カタログに掲載された ")
        .append(kev.cveId())
        .append(" に該当する資産を持つ重要インフラ事業者が、以下の分野で確認されています。\n\n");
    body.append("CVE: ").append(kev.cveId()).append('\n');
    append(body, "脆弱性", kev.name());
    append(body, "製品", kev.vendorProject() + " " + kev.product());
    append(body, "KEV 追加日", kev.dateAdded());
    append(body, "KEV 対応期限", kev.dueDate());
    append(body, "概要", kev.shortDescription());
    body.append("\n分野別の該当事業者数 (").append(LocalDate.now()).append(" 時点):\n");
    for (ExposureAccess.SectorFigure f : shown) {
      body.append("  ")
          .append(names.getOrDefault(f.sector(), f.sector()))
          .append(": ")
          .append(f.operators())
          .append(" 事業者中 ")
          .append(f.exposed())
          .append('\n');
    }
    AdvisoryForm form = new AdvisoryForm();
    form.setTitle(
        "【KEV】" + kev.cveId() + (kev.name() == null ? "" : " " + kev.name()) + " への対応について");
    form.setBody(body.toString());
    form.setActions(
        kev.requiredAction() == null ? "所管の事業者への周知と、該当資産の確認・対策をお願いします。" : kev.requiredAction());
    form.setTlp("amber");
    form.setUrgency("urgent");
    form.setOrganisations(new ArrayList<>(recipients));
    return drafts.save(actor, form);
  }

  private static void append(StringBuilder sb, String label, Object value) {
    if (value != null) {
      sb.append(label).append(": ").append(value).append('\n');
    }
  }

  private Optional<Kev> kev(String cve) {
    if (!cve.matches("CVE-[0-9]{4}-[0-9]{4,9}")) {
      return Optional.empty();
    }
    return jdbc.sql(
            "select cve_id, vendor_project, product, name, date_added, due_date,"
                + " short_description, required_action from vuln_kev where cve_id = ?")
        .param(cve)
        .query(Rows.of(Kev.class))
        .optional();
  }
}
