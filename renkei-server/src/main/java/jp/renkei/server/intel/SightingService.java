package jp.renkei.server.intel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.engine.stix.StixTime;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.failure.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sightings of an indicator, as the hub shows them: to whoever may see the indicator, the
 * sightings they may see (counts, sectors, first and last seen); to the indicator's publisher, in
 * aggregate, every sighting of it — how many, how often, in how many sectors, when — without who or
 * which sectors, so operators can report hits without being named to the publisher.
 */
@Service
public class SightingService {

  /** What one reader learns about an indicator's sightings. */
  public record Summary(
      String indicator,
      boolean aggregateOnly,
      int sightings,
      long count,
      int sectorCount,
      List<String> sectors,
      Instant firstSeen,
      Instant lastSeen) {}

  private final JdbcClient jdbc;
  private final IntelService intel;
  private final JsonMapper json = JsonMapper.builder().build();

  SightingService(JdbcClient jdbc, IntelService intel) {
    this.jdbc = jdbc;
    this.intel = intel;
  }

  /** One of the organisation's own indicators and what is known of its sightings, in aggregate. */
  public record Sighted(String indicator, String name, Summary summary) {}

  /**
   * The organisation's own indicators that were sighted, newest sighting first (at most {@code
   * max}): the publisher's aggregate view, the same as {@link #of} gives the publisher for each.
   */
  public List<Sighted> ofPublisher(Actor actor, int max) {
    if (actor.organisationId() == null) {
      return List.of();
    }
    record Own(String id, String name) {}
    List<Own> own =
        jdbc.sql(
                "select v.value, max(v.seq) as latest, "
                    + indicatorName("v.value", ":org")
                    + " as name from stix_observable v where v.kind = :kind and "
                    + PUBLISHED_BY.formatted("v.value", ":org")
                    + " group by v.value order by latest desc limit :max")
            .param("org", actor.organisationId())
            .param("kind", IntelService.SIGHTING_OF)
            .param("max", max)
            .query((rs, n) -> new Own(rs.getString(1), rs.getString(3)))
            .list();
    List<Sighted> out = new ArrayList<>();
    for (Own o : own) {
      out.add(new Sighted(o.id(), o.name(), of(actor, o.id())));
    }
    return out;
  }

  /** New sightings of an organisation's own indicators, counted only. */
  public record Recent(int sightings, int indicators) {}

  /**
   * How many sightings of the actor's organisation's indicators arrived since {@code since}, and of
   * how many indicators: the publisher's notice, in aggregate only (who reported, and under which
   * markings, is not part of it).
   */
  public Recent recentForPublisher(Actor actor, Instant since) {
    if (actor.organisationId() == null) {
      return new Recent(0, 0);
    }
    return jdbc.sql(
            "select count(*), count(distinct v.value) from stix_observable v"
                + " join stix_object s on s.seq = v.seq where v.kind = ? and s.date_added >= ?"
                + " and "
                + PUBLISHED_BY.formatted("v.value", "?"))
        .params(IntelService.SIGHTING_OF, java.sql.Timestamp.from(since), actor.organisationId())
        .query((rs, n) -> new Recent(rs.getInt(1), rs.getInt(2)))
        .single();
  }

  /**
   * SQL: indicator {@code %1$s} was published by organisation {@code %2$s} — that organisation
   * created the id (stored it first, see stix_creator) and still holds a copy. Another
   * organisation's later object under the same id never makes it a publisher.
   */
  static final String PUBLISHED_BY =
      "exists (select 1 from stix_creator k where k.stix_id = %1$s and k.organisation_id = %2$s"
          + " and exists (select 1 from stix_object i where i.stix_id = k.stix_id"
          + " and i.originator_org = k.organisation_id))";

  /** What the policy judges of a stored object, and for sightings the sector and the body. */
  private record Row(
      UUID collection, Tlp tlp, long org, Long person, Long advisory, String sector, String body) {}

  private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Row(
        rs.getObject(1, UUID.class),
        Tlp.valueOf(rs.getString(2)),
        rs.getLong(3),
        rs.getObject(4, Long.class),
        rs.getObject(5, Long.class),
        rs.getString(6),
        rs.getString(7));
  }

  /**
   * SQL for the name (else the pattern) of the newest version of indicator {@code id} published by
   * organisation {@code org}: both are SQL expressions of the enclosing query.
   */
  static String indicatorName(String id, String org) {
    return "(select coalesce(n.body::jsonb ->> 'name', n.body::jsonb ->> 'pattern')"
        + " from stix_object n where n.stix_id = "
        + id
        + " and n.originator_org = "
        + org
        + " order by n.version desc limit 1)";
  }

  public Summary of(Actor actor, String indicatorId) {
    List<Row> indicator =
        jdbc.sql(
                "select o.collection_id, o.tlp, o.originator_org, o.originator_person,"
                    + " o.source_advisory, null, null from stix_object o where o.stix_id = ?")
            .param(indicatorId)
            .query(SightingService::row)
            .list();
    // the copies' collections in one read, even none, and their advisories' audiences (one when
    // none): a hidden indicator and a missing one do the same work (attack30b)
    IntelService.ObjectCheck check =
        intel.objectCheck(
            actor,
            indicator.stream().map(Row::collection).toList(),
            indicator.stream().map(Row::advisory).filter(java.util.Objects::nonNull).toList());
    boolean publisher =
        actor.organisationId() != null
            && jdbc.sql("select " + PUBLISHED_BY.formatted("?", "?"))
                .params(indicatorId, actor.organisationId())
                .query(Boolean.class)
                .single();
    // judged by its STIX id too (attack31): any id is asked, and a withheld identity's copies are
    // its storer's alone; judged by the collection's TLP, its summary told others it exists
    boolean sees =
        indicator.stream()
            .anyMatch(
                r ->
                    check.allows(
                        r.collection(), r.tlp(), r.org(), r.person(), r.advisory(), indicatorId));
    if (!publisher && !sees) {
      throw new NotFound("indicator", indicatorId);
    }
    List<Row> sightings =
        jdbc.sql(
                "select o.collection_id, o.tlp, o.originator_org, o.originator_person,"
                    + " o.source_advisory, g.sector_code, o.body from stix_observable v"
                    + " join stix_object o on o.seq = v.seq join organisation g on g.id ="
                    + " o.originator_org where v.kind = ? and v.value = ?")
            .params(IntelService.SIGHTING_OF, indicatorId)
            .query(SightingService::row)
            .list();
    List<Row> counted = new ArrayList<>();
    for (Row r : sightings) {
      if (publisher
          || check.allows(r.collection(), r.tlp(), r.org(), r.person(), r.advisory(), null)) {
        counted.add(r);
      }
    }
    long count = 0;
    Set<String> sectors = new TreeSet<>();
    Instant first = null;
    Instant last = null;
    for (Row r : counted) {
      JsonNode s = json.readTree(r.body());
      count += Math.max(1, s.path("count").asLong(1));
      if (r.sector() != null) {
        sectors.add(r.sector());
      }
      Instant f = StixTime.parse(s.path("first_seen").asString(null)).orElse(null);
      Instant l = StixTime.parse(s.path("last_seen").asString(null)).orElse(null);
      if (f != null && (first == null || f.isBefore(first))) {
        first = f;
      }
      if (l != null && (last == null || l.isAfter(last))) {
        last = l;
      }
    }
    return new Summary(
        indicatorId,
        publisher,
        counted.size(),
        count,
        sectors.size(),
        publisher ? List.of() : List.copyOf(sectors),
        first,
        last);
  }
}
