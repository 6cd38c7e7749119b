package jp.renkei.server.notice;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import jp.renkei.server.audit.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hub's own checks feed NOTICE: an enumeration run that finds a risky service open (telnet,
 * SMB, RDP, VNC, databases… {@code renkei.notice.hub-ports}) on an address of a verified range
 * becomes a NOTICE observation with its evidence (port, time, banner or TLS facts), marked as from
 * the hub (source {@code hub}), and is routed like a partner's — to whoever holds the address. An
 * exposure already notified by the hub is not notified again until its holder records it remediated
 * (then a reappearance is a new notification).
 */
@Component
public class NoticeHubChecks {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  static final Actor HUB = new Actor(null, "discovery", null, null, "hub", null);

  private final JdbcClient jdbc;
  private final NoticeService notices;
  private final NoticeProperties props;

  NoticeHubChecks(JdbcClient jdbc, NoticeService notices, NoticeProperties props) {
    this.jdbc = jdbc;
    this.notices = notices;
    this.props = props;
  }

  /**
   * Submits the risky open services that enumeration run {@code runId} of the organisation saw
   * (last seen at or after {@code since}); returns how many became notifications.
   */
  public int fromEnumeration(long organisationId, long runId, Instant since) {
    return fromEnumeration(organisationId, runId, since, props.hubPorts());
  }

  /** As {@link #fromEnumeration(long, long, Instant)}, with the risky ports given. */
  public int fromEnumeration(long organisationId, long runId, Instant since, List<Integer> ports) {
    List<NoticeFiles.Observation> rows =
        jdbc
            .sql(
                "select value, port, facts, last_seen from discovery_asset where organisation_id = ?"
                    + " and kind = 'service' and state <> 'dismissed' and last_seen >= ?"
                    + " and port = any(?) order by value, port")
            .params(organisationId, java.sql.Timestamp.from(since), ports.toArray(Integer[]::new))
            .query(
                (rs, i) -> {
                  String value = rs.getString(1);
                  if (!com.google.common.net.InetAddresses.isInetAddress(value)) {
                    // a name: its addresses lie in verified ranges and are enumerated themselves
                    return null;
                  }
                  InetAddress a = com.google.common.net.InetAddresses.forString(value);
                  int port = rs.getInt(2);
                  return new NoticeFiles.Observation(
                      "discovery run " + runId,
                      a,
                      port,
                      "tcp",
                      rs.getTimestamp(4).toInstant(),
                      evidence(port, rs.getString(3), runId));
                })
            .list()
            .stream()
            .filter(java.util.Objects::nonNull)
            .toList();
    if (rows.isEmpty()) {
      return 0;
    }
    return notices
        .submitFromHub(HUB, organisationId, "Renkei discovery run " + runId, rows)
        .notified();
  }

  /** The evidence in words: the hub's check, the port and what it answered (bounded). */
  static String evidence(int port, String factsJson, long runId) {
    StringBuilder sb =
        new StringBuilder("Renkei のハブによる確認 (enumeration run ")
            .append(runId)
            .append("): ")
            .append(port)
            .append("/tcp が外部から接続可能");
    JsonNode facts = JSON.readTree(factsJson == null ? "{}" : factsJson);
    if (facts.hasNonNull("banner")) {
      sb.append("; banner: ").append(facts.get("banner").asString());
    }
    if (facts.hasNonNull("tlsProtocol")) {
      sb.append("; TLS ").append(facts.get("tlsProtocol").asString());
      if (facts.hasNonNull("subject")) {
        sb.append(", subject ").append(facts.get("subject").asString());
      }
    }
    String s = sb.toString().replaceAll("\\p{Cntrl}", " ");
    return s.length() > 2000 ? s.substring(0, 2000) : s;
  }
}
