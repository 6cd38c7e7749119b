package jp.renkei.server.intel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.renkei.server.directory.OrganisationNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The identities stored before ingest refused names of other organisations (attack27b: the whole
 * name; attack28: a unit of it, "Bank A SOC"): they are still served as they were, and nothing
 * looked at them again. At start-up the hub judges every stored identity as ingest judges a new
 * one, against its storing organisation's names, and logs a warning naming the ids and the storing
 * organisations' ids — never a name or any content, since the log is read by operators who may not
 * see the objects. A platform admin lists them ({@link MisnamedIdentities}: the admin page and
 * {@code renkei stix misnamed}) and asks the storing organisation to correct or revoke them (it
 * versions its own objects); the hub changes nothing itself.
 */
@Component
class StoredIdentityNames {

  private static final Logger log = LoggerFactory.getLogger(StoredIdentityNames.class);

  /** A stored identity whose name is another organisation's, or a unit of it. */
  record Misnamed(String stixId, long organisation, String why) {}

  /** How many ids one warning names at most (the count says how many there are). */
  static final int MAX_LOGGED = 200;

  private final JdbcClient jdbc;
  private final OrganisationNames names;
  private final JsonMapper json = JsonMapper.builder().build();

  StoredIdentityNames(JdbcClient jdbc, OrganisationNames names) {
    this.jdbc = jdbc;
    this.names = names;
  }

  /** A flagged identity with the name that flagged it (for platform admins' list only). */
  record Named(Misnamed misnamed, String name) {}

  /** Every stored identity (any version, not revoked) ingest would refuse today, by id. */
  List<Misnamed> misnamed() {
    return named().stream().map(Named::misnamed).toList();
  }

  /** {@link #misnamed} with each one's name (the first flagged version's). */
  List<Named> named() {
    Map<Long, OrganisationNames.Looks> looks = new HashMap<>();
    Map<String, Named> out = new LinkedHashMap<>();
    jdbc.sql(
            "select stix_id, originator_org, body from stix_object where type = 'identity' and"
                + " not revoked order by stix_id, originator_org")
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> {
                  String id = rs.getString(1);
                  long org = rs.getLong(2);
                  if (out.containsKey(id + "|" + org)) {
                    return;
                  }
                  JsonNode o = parse(rs.getString(3));
                  String why = o == null ? null : why(o, looks.computeIfAbsent(org, names::looks));
                  if (why != null) {
                    out.put(
                        id + "|" + org,
                        new Named(new Misnamed(id, org, why), o.path("name").asString()));
                  }
                });
    return new ArrayList<>(out.values());
  }

  private JsonNode parse(String body) {
    try {
      return json.readTree(body);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Which of ingest's two name rules the identity breaks, or null. */
  private static String why(JsonNode o, OrganisationNames.Looks looks) {
    if (!o.path("name").isString()) {
      return null;
    }
    String why =
        IntelService.nameRefusal(
            o.path("name").asString(), o.path("identity_class").asString(""), looks);
    return why == null ? null : why.equals(IntelService.OTHERS_UNIT) ? "unit" : "name";
  }

  /** The start-up warning: the ids and storing organisations, nothing of the content. */
  @EventListener(ApplicationReadyEvent.class)
  void warn() {
    List<Misnamed> found = misnamed();
    if (found.isEmpty()) {
      return;
    }
    StringBuilder ids = new StringBuilder();
    for (Misnamed m : found.subList(0, Math.min(found.size(), MAX_LOGGED))) {
      ids.append(ids.isEmpty() ? "" : ", ")
          .append(m.stixId())
          .append(" (stored by organisation ")
          .append(m.organisation())
          .append(m.why().equals("unit") ? ", a unit of another's name)" : ", another's name)");
    }
    if (found.size() > MAX_LOGGED) {
      ids.append(" and ").append(found.size() - MAX_LOGGED).append(" more");
    }
    log.warn(
        "{} stored identities carry another organisation's name, as ingest now refuses"
            + " (attack27b, attack28); they are still served. A platform admin lists them all, with"
            + " their storing organisations and references, at /admin/misnamed-identities or with"
            + " `renkei stix misnamed`, and asks the storing organisations to correct or revoke"
            + " them: {}",
        found.size(),
        ids);
  }
}
