package jp.renkei.engine.stix;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.renkei.engine.observable.ObservableType;
import jp.renkei.engine.policy.Tlp;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publishes what the sharing system holds — advisories (情報提供) and incident reports (情報連絡) — as STIX
 * 2.1 bundles that validate against the official schemas: a {@code report} around an {@code
 * incident} with {@code observed-data} and its SCOs, or around {@code indicator}s, {@code note}s
 * for comments and recommended actions, an {@code identity} for the organisation — for an
 * anonymised report only a sector identity ("an operator in sector X"), never the organisation. Ids
 * are name-based (UUIDv5 in the hub's namespace), so publishing again yields the same ids with a
 * newer {@code modified}: new versions of the same objects, not new objects. SCO ids follow the
 * spec's deterministic form, so other tools derive the same ids for the same values.
 */
public final class StixPublisher {

  /** The STIX 2.1 namespace for deterministic SCO ids (spec §2.9). */
  public static final UUID SCO_NAMESPACE = UUID.fromString("00abedb4-aa42-466c-9c01-fed23315a9b7");

  /** Who published: an organisation, or for an anonymised report only its sector. */
  public record Party(String key, String name, String sectorCode, boolean anonymised) {}

  /** An observable value as the sharing system stores it (type code and normal value). */
  public record Observed(String type, String value) {}

  /** A comment on a report. */
  public record Comment(String author, String body, Instant at) {}

  private static final Map<String, String> INDUSTRY =
      Map.ofEntries(
          Map.entry("ict", "telecommunications"),
          Map.entry("finance", "financial-services"),
          Map.entry("aviation", "aerospace"),
          Map.entry("airport", "transportation"),
          Map.entry("railway", "transportation"),
          Map.entry("electricity", "utilities"),
          Map.entry("gas", "utilities"),
          Map.entry("government", "government-public-services"),
          Map.entry("medical", "healthcare"),
          Map.entry("water", "utilities"),
          Map.entry("logistics", "transportation"),
          Map.entry("chemical", "manufacturing"),
          Map.entry("credit", "financial-services"),
          Map.entry("petroleum", "energy"),
          Map.entry("port", "transportation"));

  private final UUID namespace;
  private final JsonMapper json = JsonMapper.builder().build();

  /**
   * @param namespace the hub's own namespace: two hubs never mint the same id
   */
  public StixPublisher(UUID namespace) {
    this.namespace = namespace;
  }

  /** An advisory: report + indicators + a note with the recommended actions. */
  public ObjectNode advisory(
      long id,
      Party issuer,
      Tlp tlp,
      String title,
      String body,
      String actions,
      List<Observed> observables,
      Instant first,
      Instant latest) {
    return advisory(id, issuer, tlp, title, body, actions, observables, first, latest, false);
  }

  /**
   * As above; a withdrawn advisory's report, indicators and note are {@code revoked}, so consumers
   * (and {@code renkei match}) stop using them.
   */
  public ObjectNode advisory(
      long id,
      Party issuer,
      Tlp tlp,
      String title,
      String body,
      String actions,
      List<Observed> observables,
      Instant first,
      Instant latest,
      boolean withdrawn) {
    return advisory(
        id,
        issuer,
        tlp,
        title,
        body,
        actions,
        observables,
        List.of(),
        null,
        first,
        latest,
        withdrawn);
  }

  /**
   * As above, for an advisory whose earlier versions named observables the current one no longer
   * does ({@code retired}): their indicators are published once more, {@code revoked} and outside
   * the report, so a consumer holding the earlier version stops using them. An observable both
   * current and retired is current. Likewise {@code retiredActions}, the recommended actions of an
   * earlier version when the current one has none: their note is published once more, revoked.
   */
  public ObjectNode advisory(
      long id,
      Party issuer,
      Tlp tlp,
      String title,
      String body,
      String actions,
      List<Observed> observables,
      List<Observed> retired,
      String retiredActions,
      Instant first,
      Instant latest,
      boolean withdrawn) {
    Bundle b = new Bundle(tlp);
    b.revoked = withdrawn;
    String identity = b.identity(issuer, first, latest);
    String reportId = "report--" + uuid5(namespace, "advisory:" + id);
    List<String> refs = new ArrayList<>();
    for (Observed o : observables) {
      ObjectNode ind = indicator(b, id, o, identity, first, latest);
      if (ind != null) {
        refs.add(ind.path("id").asString());
      }
    }
    java.util.Set<String> current = new java.util.HashSet<>();
    observables.forEach(o -> current.add(o.type() + ":" + o.value()));
    for (Observed o : retired) {
      if (current.add(o.type() + ":" + o.value())) {
        ObjectNode ind = indicator(b, id, o, identity, first, latest);
        if (ind != null) {
          ind.put("revoked", true);
        }
      }
    }
    boolean hasActions = actions != null && !actions.isBlank();
    String noted = hasActions ? actions : retiredActions;
    if (noted != null && !noted.isBlank()) {
      ObjectNode note =
          b.sdo("note", uuid5(namespace, "advisory:" + id + ":actions"), identity, first, latest);
      note.put("abstract", "推奨される対策 / Recommended actions");
      note.put("content", noted);
      note.putArray("object_refs").add(reportId);
      if (!hasActions) {
        note.put("revoked", true);
      }
    }
    if (refs.isEmpty()) {
      refs.add(identity);
    }
    ObjectNode report =
        b.sdo("report", UUID.fromString(reportId.substring(8)), identity, first, latest);
    report.put("name", title);
    report.put("description", body);
    report.putArray("report_types").add("threat-report");
    report.put("published", StixTime.format(first));
    ArrayNode r = report.putArray("object_refs");
    refs.forEach(r::add);
    return b.bundle();
  }

  /** An advisory's indicator of one observable (its id fixed by advisory and value), or null. */
  private ObjectNode indicator(
      Bundle b, long id, Observed o, String identity, Instant first, Instant latest) {
    String pattern = pattern(o);
    if (pattern == null) {
      return null;
    }
    ObjectNode ind =
        b.sdo(
            "indicator",
            uuid5(namespace, "advisory:" + id + ":" + o.type() + ":" + o.value()),
            identity,
            first,
            latest);
    ind.put("name", o.value());
    ind.putArray("indicator_types").add("malicious-activity");
    ind.put("pattern_type", "stix");
    ind.put("pattern", pattern);
    ind.put("valid_from", StixTime.format(first));
    return ind;
  }

  /** An incident report: report + incident + observed-data with SCOs + notes for comments. */
  public ObjectNode incident(
      long id,
      Party originator,
      Tlp tlp,
      String title,
      String summary,
      String incidentType,
      String severity,
      Instant occurred,
      Instant detected,
      List<Observed> observables,
      List<Comment> comments,
      Instant submitted,
      Instant latest) {
    Bundle b = new Bundle(tlp);
    String identity = b.identity(originator, submitted, latest);
    List<String> refs = new ArrayList<>();
    ObjectNode incident =
        b.sdo(
            "incident",
            uuid5(namespace, "report:" + id + ":incident"),
            identity,
            submitted,
            latest);
    incident.put("name", title);
    if (summary != null && !summary.isBlank()) {
      incident.put("description", summary);
    }
    ArrayNode labels = incident.putArray("labels");
    if (incidentType != null) {
      labels.add("incident-type:" + incidentType);
    }
    if (severity != null) {
      labels.add("severity:" + severity);
    }
    if (labels.isEmpty()) {
      incident.remove("labels");
    }
    refs.add(incident.path("id").asString());
    List<String> scos = new ArrayList<>();
    for (Observed o : observables) {
      ObjectNode sco = b.sco(o);
      if (sco != null) {
        scos.add(sco.path("id").asString());
      }
    }
    if (!scos.isEmpty()) {
      Instant from =
          occurred != null && (detected == null || !occurred.isAfter(detected))
              ? occurred
              : detected;
      Instant to = detected != null ? detected : from;
      ObjectNode od =
          b.sdo(
              "observed-data",
              uuid5(namespace, "report:" + id + ":observed"),
              identity,
              submitted,
              latest);
      od.put("first_observed", StixTime.format(from != null ? from : submitted));
      od.put("last_observed", StixTime.format(to != null ? to : submitted));
      od.put("number_observed", 1);
      ArrayNode or = od.putArray("object_refs");
      scos.forEach(or::add);
      refs.add(od.path("id").asString());
      refs.addAll(scos);
    }
    int n = 0;
    for (Comment c : comments) {
      ObjectNode note =
          b.sdo(
              "note",
              uuid5(namespace, "report:" + id + ":comment:" + n++),
              identity,
              c.at(),
              c.at());
      note.put("content", c.body());
      note.putArray("authors").add(c.author());
      note.putArray("object_refs").add(incident.path("id").asString());
      refs.add(note.path("id").asString());
    }
    ObjectNode report =
        b.sdo("report", uuid5(namespace, "report:" + id), identity, submitted, latest);
    report.put("name", title);
    report.putArray("report_types").add("incident");
    report.put("published", StixTime.format(submitted));
    ArrayNode r = report.putArray("object_refs");
    refs.forEach(r::add);
    return b.bundle();
  }

  /** The STIX pattern of an observable, or null for a type STIX patterns cannot name. */
  static String pattern(Observed o) {
    ObservableType type = ObservableType.fromCode(o.type()).orElse(null);
    String value = stixValue(type, o.value());
    if (value == null) {
      return null;
    }
    String v = value.replace("\\", "\\\\").replace("'", "\\'");
    return switch (type) {
      case IPV4 -> "[ipv4-addr:value = '" + v + "']";
      case IPV6 -> "[ipv6-addr:value = '" + v + "']";
      case CIDR ->
          (v.contains(":") ? "[ipv6-addr:value ISSUBSET '" : "[ipv4-addr:value ISSUBSET '")
              + v
              + "']";
      case DOMAIN -> "[domain-name:value = '" + v + "']";
      case URL -> "[url:value = '" + v + "']";
      case EMAIL -> "[email-addr:value = '" + v + "']";
      case MD5 -> "[file:hashes.MD5 = '" + v + "']";
      case SHA1 -> "[file:hashes.'SHA-1' = '" + v + "']";
      case SHA256 -> "[file:hashes.'SHA-256' = '" + v + "']";
      case SHA512 -> "[file:hashes.'SHA-512' = '" + v + "']";
    };
  }

  /**
   * An observable's value as a STIX value: a link as its RFC 3986 URI ({@link StixValues#uri}),
   * null when it cannot be one or the type is unknown; the other types as stored (they are checked
   * as they are typed in).
   */
  private static String stixValue(ObservableType type, String value) {
    if (type == null) {
      return null;
    }
    return type == ObservableType.URL ? StixValues.uri(value) : value;
  }

  /** Objects of one bundle, all under the same TLP marking. */
  private final class Bundle {
    final String marking;
    final ArrayNode objects = json.createArrayNode();
    boolean revoked;

    Bundle(Tlp tlp) {
      this.marking = TlpMarkings.idOf(tlp);
    }

    ObjectNode sdo(String type, UUID id, String createdBy, Instant created, Instant modified) {
      ObjectNode o = objects.addObject();
      o.put("type", type);
      o.put("spec_version", "2.1");
      o.put("id", type + "--" + id);
      if (createdBy != null) {
        o.put("created_by_ref", createdBy);
      }
      o.put("created", StixTime.format(created));
      o.put("modified", StixTime.format(modified.isBefore(created) ? created : modified));
      o.putArray("object_marking_refs").add(marking);
      if (revoked && !type.equals("identity")) {
        o.put("revoked", true);
      }
      return o;
    }

    String identity(Party p, Instant created, Instant modified) {
      String key = p.anonymised() ? "sector:" + p.sectorCode() : "organisation:" + p.key();
      ObjectNode id = sdo("identity", uuid5(namespace, key), null, created, modified);
      id.put("name", p.name());
      id.put("identity_class", p.anonymised() ? "class" : "organization");
      String industry = p.sectorCode() == null ? null : INDUSTRY.get(p.sectorCode());
      if (industry != null) {
        id.putArray("sectors").add(industry);
      }
      return id.path("id").asString();
    }

    ObjectNode sco(Observed o) {
      ObservableType t = ObservableType.fromCode(o.type()).orElse(null);
      if (t == null) {
        return null;
      }
      String type;
      ObjectNode body = json.createObjectNode();
      switch (t) {
        case IPV4, IPV6, CIDR -> {
          type = o.value().contains(":") ? "ipv6-addr" : "ipv4-addr";
          body.put("value", o.value());
        }
        case DOMAIN -> {
          type = "domain-name";
          body.put("value", o.value());
        }
        case URL -> {
          type = "url";
          String uri = stixValue(t, o.value());
          if (uri == null) {
            return null;
          }
          body.put("value", uri);
        }
        case EMAIL -> {
          type = "email-addr";
          body.put("value", o.value());
        }
        case MD5, SHA1, SHA256, SHA512 -> {
          type = "file";
          String algo =
              switch (t) {
                case MD5 -> "MD5";
                case SHA1 -> "SHA-1";
                case SHA256 -> "SHA-256";
                default -> "SHA-512";
              };
          body.putObject("hashes").put(algo, o.value());
        }
        default -> {
          return null;
        }
      }
      ObjectNode s = objects.addObject();
      s.put("type", type);
      s.put("spec_version", "2.1");
      // deterministic id: UUIDv5 over the id-contributing properties, as the spec derives it
      s.put("id", type + "--" + uuid5(SCO_NAMESPACE, body.toString()));
      s.setAll(body);
      s.putArray("object_marking_refs").add(marking);
      return s;
    }

    ObjectNode bundle() {
      ObjectNode b = json.createObjectNode();
      b.put("type", "bundle");
      b.put("id", "bundle--" + UUID.randomUUID());
      b.set("objects", objects);
      return b;
    }
  }

  /** RFC 4122 version 5 (SHA-1, name-based) UUID. */
  public static UUID uuid5(UUID namespace, String name) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(
          ByteBuffer.allocate(16)
              .putLong(namespace.getMostSignificantBits())
              .putLong(namespace.getLeastSignificantBits())
              .array());
      byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
      h[6] = (byte) ((h[6] & 0x0f) | 0x50);
      h[8] = (byte) ((h[8] & 0x3f) | 0x80);
      ByteBuffer bb = ByteBuffer.wrap(h, 0, 16);
      return new UUID(bb.getLong(), bb.getLong());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every JDK", e);
    }
  }
}
