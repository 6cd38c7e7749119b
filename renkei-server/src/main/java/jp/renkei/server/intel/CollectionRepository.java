package jp.renkei.server.intel;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import jp.renkei.engine.policy.Tlp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CollectionRepository {

  // the community's organisations come with the collection: every TAXII request reads both
  private static final String COLLECTION =
      "select id, kind, sector_code, organisation_id, title_ja, title_en, default_tlp,"
          + " member_orgs, case kind"
          + " when 'sector' then array(select o.id from organisation o where o.type_code ="
          + " 'ceptoar' and o.sector_code = c.sector_code and o.active)"
          + " when 'hub' then array(select o.id from organisation o where o.type_code = 'nisc'"
          + " and o.active)"
          + " when 'organisation' then array[organisation_id]"
          + " when 'custom' then member_orgs"
          + " else '{}'::bigint[] end as recipients"
          + " from stix_collection c";

  private final JdbcClient jdbc;

  CollectionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<StixCollection> all() {
    return jdbc.sql(COLLECTION + " order by kind, sector_code nulls first, title_en")
        .query(CollectionRepository::collection)
        .list();
  }

  /** The collections of {@code ids} that exist, in one statement whatever their number. */
  List<StixCollection> byIds(java.util.Collection<UUID> ids) {
    return jdbc.sql(COLLECTION + " where id = any(?)")
        .param(ids.toArray(UUID[]::new))
        .query(CollectionRepository::collection)
        .list();
  }

  Optional<StixCollection> byId(UUID id) {
    return jdbc.sql(COLLECTION + " where id = ?")
        .param(id)
        .query(CollectionRepository::collection)
        .optional();
  }

  Optional<StixCollection> ofOrganisation(long organisationId) {
    return jdbc.sql(COLLECTION + " where kind = 'organisation' and organisation_id = ?")
        .param(organisationId)
        .query(CollectionRepository::collection)
        .optional();
  }

  StixCollection createCustom(String titleJa, String titleEn, Tlp defaultTlp, Set<Long> members) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into stix_collection (id, kind, title_ja, title_en, default_tlp, member_orgs)"
                + " values (?, 'custom', ?, ?, ?, ?)")
        .params(id, titleJa, titleEn, defaultTlp.name(), members.toArray(Long[]::new))
        .update();
    return byId(id).orElseThrow();
  }

  /** The active CEPTOAR secretariats of a sector: AMBER in its collection reaches them. */
  private static StixCollection collection(java.sql.ResultSet rs, int row)
      throws java.sql.SQLException {
    return new StixCollection(
        rs.getObject("id", UUID.class),
        StixCollection.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
        rs.getString("sector_code"),
        rs.getObject("organisation_id", Long.class),
        rs.getString("title_ja"),
        rs.getString("title_en"),
        Tlp.valueOf(rs.getString("default_tlp")),
        java.util.Set.of((Long[]) rs.getArray("member_orgs").getArray()),
        java.util.Set.of((Long[]) rs.getArray("recipients").getArray()));
  }
}
