package jp.renkei.server.taxii;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import jp.renkei.server.intel.IntelService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Status resources of POSTed envelopes; only the person who posted reads one. */
@Component
class TaxiiStatuses {

  private final JdbcClient jdbc;
  private final JsonMapper json = JsonMapper.builder().build();

  TaxiiStatuses(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  ObjectNode create(UUID collection, Long person, IntelService.Ingest ingest) {
    UUID id = UUID.randomUUID();
    Instant now = Instant.now();
    ArrayNode successes = json.createArrayNode();
    ArrayNode failures = json.createArrayNode();
    for (IntelService.Outcome o : ingest.outcomes()) {
      ObjectNode d = (o.ok() ? successes : failures).addObject();
      d.put("id", o.id() != null ? o.id() : "object #" + o.index());
      if (o.version() != null) {
        d.put("version", o.version());
      }
      if (o.alreadyStored()) {
        d.put("message", "this version was already stored; unchanged");
      }
      if (!o.ok()) {
        d.put("message", "object #" + o.index() + " (line " + o.line() + "): " + o.message());
      }
    }
    if (ingest.broken() != null) {
      failures.addObject().put("id", "envelope").put("message", ingest.broken());
    }
    jdbc.sql(
            "insert into taxii_status (id, collection_id, person_id, requested_at, total_count,"
                + " success_count, failure_count, successes, failures)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            collection,
            person,
            Timestamp.from(now),
            successes.size() + failures.size(),
            successes.size(),
            failures.size(),
            successes.toString(),
            failures.toString())
        .update();
    return find(id, person).orElseThrow();
  }

  Optional<ObjectNode> find(UUID id, Long person) {
    return jdbc.sql(
            "select id, requested_at, total_count, success_count, failure_count, successes,"
                + " failures from taxii_status where id = ? and person_id is not distinct from ?")
        .params(id, person)
        .query(
            (rs, n) -> {
              ObjectNode s = json.createObjectNode();
              s.put("id", rs.getString("id"));
              s.put("status", "complete");
              s.put(
                  "request_timestamp",
                  jp.renkei.engine.stix.StixTime.formatMicros(
                      rs.getTimestamp("requested_at").toInstant()));
              s.put("total_count", rs.getInt("total_count"));
              s.put("success_count", rs.getInt("success_count"));
              s.set("successes", json.readTree(rs.getString("successes")));
              s.put("failure_count", rs.getInt("failure_count"));
              s.set("failures", json.readTree(rs.getString("failures")));
              s.put("pending_count", 0);
              s.set("pendings", json.createArrayNode());
              return s;
            })
        .optional();
  }
}
