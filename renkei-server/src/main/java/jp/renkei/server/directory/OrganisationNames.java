package jp.renkei.server.directory;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.renkei.engine.text.Names;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.audit.AuditLog.Detail;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisation names over time. The directory holds the current name; a rename keeps the old one as
 * a former name with the moment it stopped ({@code organisation_former_name}), so a report or
 * advisory keeps showing the name its sender had when it was sent — for example reports sent to
 * 内閣サイバーセキュリティセンター (NISC) before 1 July 2025 keep that name, later ones show 国家サイバー統括室. Chosen over
 * a copy of the name on every report: one table, and every existing report is right at once. Former
 * names are few; they are read once and kept in memory until the next rename.
 */
@Service
public class OrganisationNames {

  /** A name an organisation used until {@code validUntil} (exclusive). */
  public record FormerName(String nameJa, String nameEn, Instant validUntil, String note) {
    public String name(Locale locale) {
      return "en".equals(locale.getLanguage()) ? nameEn : nameJa;
    }
  }

  private final JdbcClient jdbc;
  private final DirectoryService directory;
  private final AuditLog audit;
  private volatile Map<Long, List<FormerName>> former;

  OrganisationNames(JdbcClient jdbc, DirectoryService directory, AuditLog audit) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.audit = audit;
  }

  /** The Japanese name the organisation had at {@code at} (the current name when at is null). */
  public String nameJaAt(long organisationId, Instant at) {
    return nameAt(organisationId, at, Locale.JAPANESE);
  }

  /**
   * As {@link #nameJaAt(long, Instant)}, asking {@code current} for the current name (a caller's
   * cache) when the organisation had no other name then: a list costs no query per row.
   */
  public String nameJaAt(
      long organisationId, Instant at, java.util.function.LongFunction<String> current) {
    if (at != null) {
      for (FormerName f : formerNames(organisationId)) {
        if (f.validUntil().isAfter(at)) {
          return f.nameJa();
        }
      }
    }
    return current.apply(organisationId);
  }

  /**
   * As {@link #nameAt(long, Instant, Locale)}, asking {@code current} for the organisation when it
   * had no other name then (a caller's cache: a list costs no query per row).
   */
  public String nameAt(
      long organisationId,
      Instant at,
      Locale locale,
      java.util.function.LongFunction<Organisation> current) {
    if (at != null) {
      for (FormerName f : formerNames(organisationId)) {
        if (f.validUntil().isAfter(at)) {
          return f.name(locale);
        }
      }
    }
    return current.apply(organisationId).name(locale);
  }

  /** The name, in the reader's language, the organisation had at {@code at}. */
  public String nameAt(long organisationId, Instant at, Locale locale) {
    if (at != null) {
      for (FormerName f : formerNames(organisationId)) {
        if (f.validUntil().isAfter(at)) {
          return f.name(locale);
        }
      }
    }
    return directory.organisation(organisationId).name(locale);
  }

  /**
   * How every name of the directory's other organisations looks ({@link
   * jp.renkei.engine.text.Names#skeleton}): current and former, Japanese and English, of every
   * organisation but {@code own}, less how {@code own}'s names look. Only what the directory shows
   * every member (its list and detail pages), so a refusal that relies on it tells a writer nothing
   * new.
   */
  public Set<String> othersLooks(long own) {
    return looks(own).others();
  }

  /**
   * How the names of {@code own} and of every other organisation look (see {@link #othersLooks}).
   */
  public record Looks(Set<String> own, Set<String> others) {}

  /** {@link #othersLooks} with the names of {@code own} beside them. */
  public Looks looks(long own) {
    Set<String> others = new HashSet<>();
    Set<String> mine = new HashSet<>();
    for (Organisation o : directory.find(new OrganisationQuery(null, null, null))) {
      Set<String> into = o.id() == own ? mine : others;
      into.add(Names.skeleton(o.nameJa()));
      into.add(Names.skeleton(o.nameEn()));
      for (FormerName f : formerNames(o.id())) {
        into.add(Names.skeleton(f.nameJa()));
        into.add(Names.skeleton(f.nameEn()));
      }
    }
    others.removeAll(mine);
    others.remove("");
    mine.remove("");
    return new Looks(mine, others);
  }

  /** The organisation's former names, oldest first. */
  public List<FormerName> formerNames(long organisationId) {
    return all().getOrDefault(organisationId, List.of());
  }

  /**
   * Renames the organisation from {@code effective} on (platform admins only): the current name
   * becomes a former name valid until then. Audited.
   */
  @Transactional
  public void rename(
      Actor actor,
      long organisationId,
      String nameJa,
      String nameEn,
      Instant effective,
      String note) {
    if (!actor.is(Role.PLATFORM_ADMIN)) {
      throw new Forbidden("error.directory.forbidden");
    }
    Organisation o = directory.organisation(organisationId);
    String ja = Names.normalise(nameJa);
    String en = Names.normalise(nameEn);
    requireWellFormed(ja, en);
    directory.requireDistinct(o.id(), ja, en);
    Instant when = effective == null ? Instant.now() : effective;
    Instant last =
        formerNames(organisationId).stream()
            .map(FormerName::validUntil)
            .max(Comparator.naturalOrder())
            .orElse(Instant.MIN);
    if (!when.isAfter(last)) {
      throw new InvalidInput("effective", "pages.error.rename.order", last.toString());
    }
    jdbc.sql(
            "insert into organisation_former_name (organisation_id, name_ja, name_en, valid_until,"
                + " note) values (?, ?, ?, ?, ?)")
        .params(
            o.id(),
            o.nameJa(),
            o.nameEn(),
            java.sql.Timestamp.from(when),
            note == null || note.isBlank() ? null : note.strip())
        .update();
    try {
      jdbc.sql("update organisation set name_ja = ?, name_en = ? where id = ?")
          .params(ja, en, o.id())
          .update();
    } catch (org.springframework.dao.DuplicateKeyException e) {
      throw new jp.renkei.server.failure.Conflict("nameJa", "validation.name.confusable", ja);
    }
    former = null;
    audit.record(
        actor,
        AuditLog.Event.success(
            "directory.organisation.rename",
            "organisation",
            o.id(),
            Detail.of("directory.organisation.rename", o.nameJa(), ja, when)));
  }

  /**
   * The rules every name of an organisation keeps, current or former (normalised first): present,
   * at most {@link DirectoryService#MAX_NAME} characters, and no invisible or direction-changing
   * character ({@code Names.forbiddenCharacter}).
   */
  private static void requireWellFormed(String ja, String en) {
    jp.renkei.server.failure.FieldErrors errors = new jp.renkei.server.failure.FieldErrors();
    if (ja == null || ja.isEmpty() || ja.length() > DirectoryService.MAX_NAME) {
      errors.add(new InvalidInput("nameJa", "validation.required.max", DirectoryService.MAX_NAME));
    }
    if (en == null || en.isEmpty() || en.length() > DirectoryService.MAX_NAME) {
      errors.add(new InvalidInput("nameEn", "validation.required.max", DirectoryService.MAX_NAME));
    }
    errors.throwIfAny();
    java.util.OptionalInt bad = jp.renkei.engine.text.Names.forbiddenCharacter(ja + en);
    if (bad.isPresent()) {
      throw new InvalidInput(
          "nameJa", "validation.name.invisible", String.format("%04X", bad.getAsInt()));
    }
  }

  /**
   * Records a name the organisation used before the directory knew it (loading a directory whose
   * current names are already the new ones); nothing if that moment is already recorded. The name
   * keeps the rules of a current name ({@link #requireWellFormed}): a former name is matched as a
   * current one is, when resolving an organisation and judging stored identities.
   */
  @Transactional
  public void recordFormer(Actor actor, long organisationId, FormerName name) {
    if (!actor.is(Role.PLATFORM_ADMIN)) {
      throw new Forbidden("error.directory.forbidden");
    }
    requireWellFormed(Names.normalise(name.nameJa()), Names.normalise(name.nameEn()));
    int added =
        jdbc.sql(
                "insert into organisation_former_name (organisation_id, name_ja, name_en,"
                    + " valid_until, note) values (?, ?, ?, ?, ?) on conflict do nothing")
            .params(
                organisationId,
                Names.normalise(name.nameJa()),
                Names.normalise(name.nameEn()),
                java.sql.Timestamp.from(name.validUntil()),
                name.note())
            .update();
    former = null;
    if (added > 0) {
      audit.record(
          actor,
          AuditLog.Event.success(
              "directory.organisation.formerName",
              "organisation",
              organisationId,
              Detail.of(
                  "directory.organisation.formerName",
                  Names.normalise(name.nameJa()),
                  name.validUntil())));
    }
  }

  private Map<Long, List<FormerName>> all() {
    Map<Long, List<FormerName>> f = former;
    if (f == null) {
      f =
          jdbc
              .sql(
                  "select organisation_id, name_ja, name_en, valid_until, note"
                      + " from organisation_former_name order by organisation_id, valid_until")
              .query(
                  (rs, n) ->
                      Map.entry(
                          rs.getLong("organisation_id"),
                          new FormerName(
                              rs.getString("name_ja"),
                              rs.getString("name_en"),
                              rs.getTimestamp("valid_until").toInstant(),
                              rs.getString("note"))))
              .list()
              .stream()
              .collect(
                  Collectors.groupingBy(
                      Map.Entry::getKey,
                      Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
      former = f;
    }
    return f;
  }
}
