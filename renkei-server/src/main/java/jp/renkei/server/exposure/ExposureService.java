package jp.renkei.server.exposure;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Role;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes to inventories: an organisation imports its own inventory (CSV or nmap XML, all or
 * nothing) and chooses whether to share its details with its coordinators; after the hub's
 * knowledge changes, every inventory is matched again.
 */
@Service
public class ExposureService {

  /** The outcome of an inventory import: what was imported, or every problem (nothing imported). */
  public record ImportResult(
      int assets, int skipped, int findings, List<InventoryFile.Problem> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private final ExposureRepository repository;
  private final FindingMatcher matcher;
  private final TransactionTemplate tx;

  ExposureService(ExposureRepository repository, FindingMatcher matcher, TransactionTemplate tx) {
    this.repository = repository;
    this.matcher = matcher;
    this.tx = tx;
  }

  private static long ownOrganisation(Actor actor) {
    if (actor.organisationId() == null || !actor.is(Role.ANALYST)) {
      throw new Forbidden("error.forbidden");
    }
    return actor.organisationId();
  }

  /** Imports the actor's own organisation's inventory, replacing the assets of that format. */
  public ImportResult importInventory(Actor actor, String format, String fileName, InputStream in) {
    long org = ownOrganisation(actor);
    InventoryFile.Result r =
        switch (format) {
          case "csv" -> InventoryFile.csv(in);
          case "nmap" -> InventoryFile.nmap(in);
          default -> throw new InvalidInput("format", "exposure.error.format", format);
        };
    if (!r.problems().isEmpty()) {
      return new ImportResult(0, 0, 0, r.problems());
    }
    String name = fileName == null ? null : InventoryFile.clip(fileName);
    Integer findings =
        tx.execute(
            s -> {
              Map<String, LocalDate> seen = repository.firstSeen(org);
              repository.replaceInventory(org, format, name, actor.userId(), r.assets());
              matcher.rematch(org, seen);
              return repository.findings(org, Integer.MAX_VALUE).size();
            });
    return new ImportResult(r.assets().size(), r.skipped(), findings, List.of());
  }

  /** Shares (or stops sharing) the actor's organisation's details with its coordinators. */
  public void shareDetails(Actor actor, boolean share) {
    long org = ownOrganisation(actor);
    repository.setSharesDetails(org, share);
  }

  public boolean sharesDetails(long org) {
    return repository.sharesDetails(org);
  }

  /**
   * Matches every inventory again (after an import of knowledge).
   *
   * @return per organisation, the KEV CVEs it is newly exposed to
   */
  public Map<Long, Set<String>> rematchAll() {
    Map<Long, Set<String>> out = new LinkedHashMap<>();
    for (long org : repository.organisationsWithServices()) {
      Set<String> added = tx.execute(s -> matcher.rematch(org, repository.firstSeen(org)));
      if (added != null && !added.isEmpty()) {
        out.put(org, added);
      }
    }
    return out;
  }
}
