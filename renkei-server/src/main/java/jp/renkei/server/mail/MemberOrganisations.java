package jp.renkei.server.mail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import jp.renkei.engine.mail.KnownOrganisations;
import jp.renkei.engine.mail.OwnNetwork;
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
 * DirectoryService#mayRead}). An organisation's other names and domains are those a platform admin
 * confirmed: the analyser trusts a member's domain in every analysis (its mail claims no other
 * member, and it is nobody's look-alike) and takes a member's name from elsewhere as a claim, so
 * what an organisation's own admin added counts only in its own people's analyses until then
 * (attack37).
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
    boolean asRead = true;
    for (DirectoryService.NamedOrganisation o : r.all()) {
      if (!directory.mayRead(actor, granting, o.organisation())) {
        asRead = false;
      } else if ((!o.pendingDomains().isEmpty() || !o.pendingAliases().isEmpty())
          && actor.organisationId() != null
          && actor.organisationId() == o.organisation().id()) {
        // the names and domains its own admins added count for its own people at once; for
        // everyone else they wait for a platform admin (a member's domain is trusted in every
        // analysis, and its names make claims in every analysis)
        List<String> aliases = new ArrayList<>(o.aliases());
        aliases.addAll(o.pendingAliases());
        List<String> domains = new ArrayList<>(o.domains());
        domains.addAll(o.pendingDomains());
        visible.add(
            new KnownOrganisations.Organisation(
                o.organisation().nameJa(), o.organisation().nameEn(), aliases, domains));
        asRead = false;
      } else {
        visible.add(known(o));
      }
    }
    return asRead ? r.known() : KnownOrganisations.of(visible);
  }

  /**
   * The own network of {@code actor}'s organisation ({@link OwnNetwork}): its directory's address
   * ranges and domains, read at each analysis (a range just entered counts at once); {@link
   * OwnNetwork#UNKNOWN} for someone of no organisation (the command line, a platform admin of none)
   * or an organisation with no ranges. These are the organisation's own values, used only in its
   * own people's analyses: the report shows none of them.
   */
  OwnNetwork ownNetwork(Actor actor) {
    if (actor.organisationId() == null) {
      return OwnNetwork.UNKNOWN;
    }
    jp.renkei.server.directory.OrganisationIdentity id = directory.identity(actor.organisationId());
    if (id.ipRanges().isEmpty()) {
      return OwnNetwork.UNKNOWN;
    }
    return OwnNetwork.of(id.ipRanges(), id.domains());
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
