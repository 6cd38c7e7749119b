package jp.renkei.server.intel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.audit.AuditLog.Detail;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform admins' list of stored identities named as another organisation or a unit of it (the
 * ones {@link StoredIdentityNames} warns about at start-up): each one's STIX id, its name, its
 * storing organisation, the rule it breaks and how many stored objects refer to it. Only platform
 * admins (and the hub engineer at the command line) read it: it shows organisations' names, which a
 * platform admin sees anyway, and of the identity only its name — never another object's content;
 * the referring objects are counted, not shown.
 */
@Service
public class MisnamedIdentities {

  /**
   * One flagged identity.
   *
   * @param rule {@code name} (another organisation's whole name) or {@code unit} (a unit of it)
   * @param createdBy unrevoked objects whose {@code created_by_ref} is this identity
   * @param whereSighted unrevoked sightings whose {@code where_sighted_refs} name it
   * @param otherRefs unrevoked objects naming it in any other top-level {@code _ref} or {@code
   *     _refs} property
   */
  public record Flagged(
      String stixId,
      String name,
      long organisationId,
      String organisationCode,
      String organisationNameJa,
      String organisationNameEn,
      String rule,
      long createdBy,
      long whereSighted,
      long otherRefs) {}

  private final StoredIdentityNames stored;
  private final DirectoryService directory;
  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final WithheldIdentities withheld;

  MisnamedIdentities(
      StoredIdentityNames stored,
      DirectoryService directory,
      JdbcClient jdbc,
      AuditLog audit,
      WithheldIdentities withheld) {
    this.stored = stored;
    this.directory = directory;
    this.jdbc = jdbc;
    this.audit = audit;
    this.withheld = withheld;
  }

  /**
   * One withheld identity (V398).
   *
   * @param stillFlagged whether the name rule still flags it (false once its storer corrected it:
   *     then it is the platform admin's to release)
   */
  public record Withheld(
      String stixId, long organisationId, String organisationCode, boolean stillFlagged) {}

  /** The identities withheld now, in STIX id order; platform admins only. */
  public List<Withheld> withheld(Actor actor) {
    requireAdmin(actor);
    Map<String, Long> now = withheld.current();
    if (now.isEmpty()) {
      return List.of();
    }
    java.util.Set<String> flagged =
        stored.named().stream()
            .map(n -> n.misnamed().stixId())
            .collect(java.util.stream.Collectors.toSet());
    return now.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(
            e ->
                new Withheld(
                    e.getKey(),
                    e.getValue(),
                    directory.organisation(e.getValue()).code(),
                    flagged.contains(e.getKey())))
        .toList();
  }

  /**
   * Withholds a flagged identity (docs/organisations.md, "Withholding"): from now on only the
   * organisation that stored it reads it, and every other reader is served the objects naming it
   * without that reference, marked {@code x_renkei_attribution_withheld}. Only an identity the name
   * rule flags now may be withheld; audited as {@code intel.misnamed.withheld}. The storing
   * organisation's admins are told by e-mail, in Japanese and English, through the outbox (what is
   * withheld, what others are served, what to do). Returns false when it already was withheld
   * (nothing is written or mailed then).
   */
  @Transactional
  public boolean withhold(Actor actor, String stixId) {
    requireAdmin(actor);
    StoredIdentityNames.Named flagged =
        stored.named().stream()
            .filter(x -> x.misnamed().stixId().equals(stixId))
            .findFirst()
            .orElseThrow(() -> new InvalidInput("identity", "error.misnamed.notFlagged", stixId));
    StoredIdentityNames.Misnamed m = flagged.misnamed();
    Organisation o = directory.organisation(m.organisation());
    if (!withheld.withhold(stixId, o.id())) {
      return false;
    }
    int mailed =
        mailAdmins(
            o,
            MisnamedMail.withheldSubject(),
            MisnamedMail.withheldBody(o, stixId, flagged.name(), m.why()));
    audit.record(
        actor,
        AuditLog.Event.success(
            "intel.misnamed.withheld",
            "stix_object",
            stixId,
            Detail.of("intel.misnamed.withheld", o.code(), m.why(), mailed)));
    return true;
  }

  /**
   * Releases a withheld identity: everyone who read it before reads it again, and the objects
   * naming it are served as stored. Audited as {@code intel.misnamed.released}; the storing
   * organisation's admins are told by e-mail as on withholding. Returns false when it was not
   * withheld.
   */
  @Transactional
  public boolean release(Actor actor, String stixId) {
    requireAdmin(actor);
    Long org = withheld.current().get(stixId);
    if (org == null || !withheld.release(stixId)) {
      return false;
    }
    Organisation o = directory.organisation(org);
    int mailed =
        mailAdmins(
            o,
            MisnamedMail.releasedSubject(),
            MisnamedMail.releasedBody(o, stixId, storedName(stixId, o.id())));
    audit.record(
        actor,
        AuditLog.Event.success(
            "intel.misnamed.released",
            "stix_object",
            stixId,
            Detail.of("intel.misnamed.released", o.code(), mailed)));
    return true;
  }

  /** The flagged identities, in STIX id order; platform admins only. */
  public List<Flagged> list(Actor actor) {
    requireAdmin(actor);
    List<StoredIdentityNames.Named> found = stored.named();
    if (found.isEmpty()) {
      return List.of();
    }
    Map<String, long[]> counts = references(found);
    Map<Long, Organisation> orgs = new HashMap<>();
    return found.stream()
        .map(
            n -> {
              StoredIdentityNames.Misnamed m = n.misnamed();
              Organisation o = orgs.computeIfAbsent(m.organisation(), directory::organisation);
              long[] c = counts.getOrDefault(m.stixId(), new long[3]);
              return new Flagged(
                  m.stixId(),
                  n.name(),
                  o.id(),
                  o.code(),
                  o.nameJa(),
                  o.nameEn(),
                  m.why(),
                  c[0],
                  c[1],
                  c[2]);
            })
        .toList();
  }

  /**
   * Asks the admins of {@code organisation} (its enabled organisation and platform admins with an
   * e-mail address) to correct or revoke the identities it stored under another organisation's
   * name: one e-mail each, in Japanese and English, through the outbox, listing each identity's id,
   * name and rule (their own organisation's objects) and nothing of any other object; one audit row
   * per identity ({@code intel.misnamed.asked}, the STIX id as target). Returns how many people
   * were mailed; 0 when the organisation stored none, or none of its admins has an address.
   */
  @Transactional
  public int ask(Actor actor, long organisation) {
    requireAdmin(actor);
    Organisation o = directory.organisation(organisation);
    List<StoredIdentityNames.Named> mine =
        stored.named().stream().filter(n -> n.misnamed().organisation() == o.id()).toList();
    if (mine.isEmpty()) {
      return 0;
    }
    int mailed = mailAdmins(o, MisnamedMail.subject(), MisnamedMail.body(o, mine));
    for (StoredIdentityNames.Named n : mine) {
      audit.record(
          actor,
          AuditLog.Event.success(
              "intel.misnamed.asked",
              "stix_object",
              n.misnamed().stixId(),
              Detail.of("intel.misnamed.asked", o.code(), n.misnamed().why(), mailed)));
    }
    return mailed;
  }

  /**
   * Queues one e-mail through the outbox to each admin of {@code o} (its enabled organisation and
   * platform admins with an e-mail address, while it is active); the outbox judges each again when
   * it sends (a person disabled or an organisation made inactive by then gets nothing). Returns how
   * many were queued.
   */
  private int mailAdmins(Organisation o, String subject, String body) {
    List<Long> admins =
        jdbc.sql(
                "select u.id from app_user u join organisation g on g.id = u.organisation_id"
                    + " where u.organisation_id = ? and u.kind = 'person' and u.enabled and"
                    + " g.active and u.role in ('org_admin', 'platform_admin')"
                    + " and coalesce(u.email, '') <> '' order by u.id")
            .param(o.id())
            .query(Long.class)
            .list();
    for (long admin : admins) {
      long mail =
          jdbc.sql(
                  "insert into account_mail (user_id, kind, subject, body) values (?,"
                      + " 'misnamed_identity', ?, ?) returning id")
              .params(admin, subject, body)
              .query(Long.class)
              .single();
      jdbc.sql(
              "insert into outbox (account_mail_id, version_no, organisation_id, channel, target,"
                  + " purpose) select ?, 0, ?, 'email', email, 'delivery' from app_user where id"
                  + " = ? on conflict do nothing")
          .params(mail, o.id(), admin)
          .update();
    }
    return admins.size();
  }

  /** The name of the newest version of {@code stixId} that {@code organisation} stored. */
  private String storedName(String stixId, long organisation) {
    return jdbc.sql(
            "select coalesce(body::jsonb ->> 'name', '') from stix_object where stix_id = ? and"
                + " originator_org = ? and type = 'identity' order by version desc, seq desc"
                + " limit 1")
        .params(stixId, organisation)
        .query(String.class)
        .optional()
        .orElse("");
  }

  private static void requireAdmin(Actor actor) {
    if (!actor.is(Role.PLATFORM_ADMIN)) {
      throw new Forbidden("error.misnamed.forbidden");
    }
  }

  /**
   * How many unrevoked objects (by STIX id, any collection) name each flagged identity, by the
   * property: [created_by_ref, where_sighted_refs, any other top-level _ref/_refs]. One pass over
   * the objects whose body mentions an identity at all.
   */
  Map<String, long[]> references(List<StoredIdentityNames.Named> found) {
    String ids =
        String.join(",", found.stream().map(n -> n.misnamed().stixId()).distinct().toList());
    Map<String, long[]> out = new HashMap<>();
    jdbc.sql(
            """
            with flagged as (select unnest(string_to_array(?, ',')) as id),
            refs as (
              select o.stix_id, e.key, e.value #>> '{}' as ref
                from stix_object o, jsonb_each(o.body::jsonb) e
               where not o.revoked and strpos(o.body, '"identity--') > 0
                 and e.key like '%\\_ref' and jsonb_typeof(e.value) = 'string'
              union all
              select o.stix_id, e.key, a.value #>> '{}'
                from stix_object o, jsonb_each(o.body::jsonb) e,
                     jsonb_array_elements(
                       case when jsonb_typeof(e.value) = 'array' then e.value else '[]' end) a
               where not o.revoked and strpos(o.body, '"identity--') > 0
                 and e.key like '%\\_refs'
            )
            select r.ref,
                   count(distinct r.stix_id) filter (where r.key = 'created_by_ref'),
                   count(distinct r.stix_id) filter (where r.key = 'where_sighted_refs'),
                   count(distinct r.stix_id)
                     filter (where r.key not in ('created_by_ref', 'where_sighted_refs'))
              from refs r join flagged f on f.id = r.ref
             where r.stix_id <> r.ref
             group by r.ref
            """)
        .param(ids)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs ->
                    out.put(
                        rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)}));
    return out;
  }
}
