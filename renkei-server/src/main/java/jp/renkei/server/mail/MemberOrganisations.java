package jp.renkei.server.mail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jp.renkei.engine.mail.KnownOrganisations;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.TokenScope;
import org.springframework.stereotype.Component;

/**
 * The hub's member organisations as the mail analyser knows them ({@link KnownOrganisations}):
 * their Japanese and English names, the other names and the domains their identity holds. Read from
 * the directory at most once a minute ({@link #FRESH}; organisations change rarely, and every
 * server of a cluster reads the same rows, so a change reaches every one within that time); each
 * analysis is given only the organisations its person may read, by the directory's one rule ({@link
 * DirectoryService#mayRead}).
 */
@Component
class MemberOrganisations {

  /** How long a reading of the directory is used. */
  static final Duration FRESH = Duration.ofMinutes(1);

  private record Reading(
      long at, List<DirectoryService.NamedOrganisation> all, KnownOrganisations known) {}

  private final DirectoryService directory;
  private volatile Reading reading;

  MemberOrganisations(DirectoryService directory) {
    this.directory = directory;
  }

  /**
   * The organisations {@code actor} may read when calling with {@code granting} (a token that may
   * only submit reads none), with their names and domains.
   */
  KnownOrganisations visibleTo(Actor actor, TokenScope.Granting granting) {
    Reading r = current();
    List<KnownOrganisations.Organisation> visible = new ArrayList<>();
    for (DirectoryService.NamedOrganisation o : r.all()) {
      if (directory.mayRead(actor, granting, o.organisation())) {
        visible.add(known(o));
      }
    }
    return visible.size() == r.all().size() ? r.known() : KnownOrganisations.of(visible);
  }

  /** Forgets the reading (after a change the caller knows of, and for tests). */
  void forget() {
    reading = null;
  }

  private Reading current() {
    Reading r = reading;
    long now = System.nanoTime();
    if (r == null || now - r.at() > FRESH.toNanos()) {
      List<DirectoryService.NamedOrganisation> all = directory.namedOrganisations();
      r =
          new Reading(
              now,
              all,
              KnownOrganisations.of(all.stream().map(MemberOrganisations::known).toList()));
      reading = r;
    }
    return r;
  }

  private static KnownOrganisations.Organisation known(DirectoryService.NamedOrganisation o) {
    return new KnownOrganisations.Organisation(
        o.organisation().nameJa(), o.organisation().nameEn(), o.aliases(), o.domains());
  }
}
