package jp.renkei.server.directory;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import jp.renkei.engine.text.Names;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.audit.AuditLog.Detail;
import jp.renkei.server.failure.Conflict;
import jp.renkei.server.failure.FieldErrors;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.NotFound;
import jp.renkei.server.outbound.OutboundHttp;
import jp.renkei.server.reference.ReferenceData;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation directory. Every signed-in person may read it (it is how partners find each
 * other); only platform admins change it.
 */
@Service
public class DirectoryService {

  static final Pattern CODE = Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}$");
  static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
  static final int MAX_NAME = 200;

  private final OrganisationRepository organisations;
  private final ReferenceData reference;
  private final AuditLog audit;

  private final OutboundHttp outbound;

  DirectoryService(
      OrganisationRepository organisations,
      ReferenceData reference,
      AuditLog audit,
      OutboundHttp outbound) {
    this.organisations = organisations;
    this.reference = reference;
    this.audit = audit;
    this.outbound = outbound;
  }

  public List<Organisation> find(OrganisationQuery query) {
    return organisations.find(query);
  }

  public Organisation organisation(long id) {
    return organisations.byId(id).orElseThrow(() -> new NotFound("organisation", id));
  }

  public Organisation organisation(String code) {
    return organisations.byCode(code).orElseThrow(() -> new NotFound("organisation", code));
  }

  public OrganisationDetail detail(long id) {
    Organisation o = organisation(id);
    return new OrganisationDetail(
        o,
        organisations.ceptoarsOf(id),
        "ceptoar".equals(o.typeCode()) ? organisations.membersOf(id) : List.of(),
        "ministry".equals(o.typeCode())
            ? reference.sectors().stream()
                .filter(s -> s.ministryCode().equals(o.ministryCode()))
                .toList()
            : List.of());
  }

  @Transactional
  public Organisation create(Actor actor, NewOrganisation o) {
    if (!actor.is(Role.PLATFORM_ADMIN)) {
      throw new Forbidden("error.directory.forbidden");
    }
    requireVisible("nameJa", o.nameJa());
    requireVisible("nameEn", o.nameEn());
    o =
        new NewOrganisation(
            o.code(),
            Names.normalise(o.nameJa()),
            Names.normalise(o.nameEn()),
            o.typeCode(),
            o.sectorCode(),
            o.ministryCode(),
            o.dutyEmail(),
            o.ceptoarCodes());
    validate(o);
    long id = organisations.insert(o);
    for (String ceptoar : o.ceptoarCodes()) {
      organisations.addMembership(organisations.byCode(ceptoar).orElseThrow().id(), id);
    }
    audit.record(
        actor,
        AuditLog.Event.success(
            "directory.organisation.create",
            "organisation",
            id,
            o.sectorCode() == null
                ? Detail.of("directory.organisation.create", o.code(), o.typeCode())
                : Detail.of(
                    "directory.organisation.create.sector",
                    o.code(),
                    o.typeCode(),
                    o.sectorCode())));
    return organisation(id);
  }

  /**
   * Marks an organisation active, or inactive (it left the partnership): platform admins only, and
   * never their own organisation (its people, the admin included, would be locked out). While an
   * organisation is inactive its people read as disabled — signed out at their next request,
   * refused at sign-in, their tokens 401 — and the outbox sends it nothing; made active again, they
   * are as they were, except that the failure counts and locks of their logins end (the tries made
   * while it was inactive held them for up to the lockout after it; identity30).
   */
  @Transactional
  public Organisation setActive(Actor actor, long id, Boolean active) {
    if (!actor.is(Role.PLATFORM_ADMIN)) {
      throw new Forbidden("error.directory.forbidden");
    }
    Organisation o = organisation(id);
    if (active == null) {
      throw new InvalidInput("active", "validation.required");
    }
    if (!active && actor.organisationId() != null && actor.organisationId() == id) {
      throw new InvalidInput("active", "validation.organisation.deactivateOwn", o.code());
    }
    if (o.active() != active) {
      organisations.setActive(id, active);
      if (active) {
        // its people's tries while it was inactive were refused and counted as a disabled
        // account's are: made active again, they start unlocked, as a person enabled again does
        organisations.unlockPeople(id);
      }
      audit.record(
          actor,
          AuditLog.Event.success(
              active ? "directory.organisation.activate" : "directory.organisation.deactivate",
              "organisation",
              id,
              Detail.of("organisation.code", o.code())));
    }
    return organisation(id);
  }

  /**
   * The last time the organisation was deactivated or made active again, and by whom (from the
   * audit log); empty when that never happened (it has been active since it was created).
   */
  public java.util.Optional<ActiveChange> lastActiveChange(long id) {
    return organisations.lastActiveChange(id);
  }

  /**
   * One deactivation or reactivation as the audit log has it.
   *
   * @param active what it made the organisation
   * @param at when
   * @param by the actor as the audit log names it (e.g. {@code web:admin}, {@code cli:root}); a
   *     page shows it through {@link jp.renkei.server.audit.ActorNames}
   * @param byOrganisationId the organisation the entry was recorded for, or null (the shell)
   */
  public record ActiveChange(
      boolean active, java.time.Instant at, String by, Long byOrganisationId) {}

  /**
   * The organisation an operator at the shell names by its numeric id, its code, or its Japanese or
   * English name, current or former (exactly, ignoring case: {@link Names#matchKey}, one rule for
   * both). Refused with what was given when nothing matches, and when more than one organisation
   * does (a code made of digits that is another's id; a former name of one that another
   * organisation has since taken or also had), listing their codes.
   */
  public Organisation resolve(String idCodeOrName) {
    String given = idCodeOrName == null ? "" : idCodeOrName.strip();
    if (given.isEmpty()) {
      throw new InvalidInput("organisation", "validation.required");
    }
    Map<Long, Organisation> found = new java.util.LinkedHashMap<>();
    if (given.length() < 19 && given.chars().allMatch(c -> c >= '0' && c <= '9')) {
      organisations.byId(Long.parseLong(given)).ifPresent(o -> found.put(o.id(), o));
    }
    organisations.byCode(given).ifPresent(o -> found.put(o.id(), o));
    // current and former names matched by one rule (accounts29), in Java
    String name = Names.matchKey(given);
    Map<Long, Organisation> all = new java.util.HashMap<>();
    for (Organisation o : organisations.find(OrganisationQuery.ALL)) {
      all.put(o.id(), o);
      if (name.equals(Names.matchKey(o.nameJa())) || name.equals(Names.matchKey(o.nameEn()))) {
        found.put(o.id(), o);
      }
    }
    // an engineer may know an organisation only by the name it had (attack28c)
    for (OrganisationRepository.Former f : organisations.formerNames()) {
      if ((name.equals(Names.matchKey(f.nameJa())) || name.equals(Names.matchKey(f.nameEn())))
          && all.containsKey(f.organisationId())) {
        found.put(f.organisationId(), all.get(f.organisationId()));
      }
    }
    if (found.isEmpty()) {
      throw new InvalidInput("organisation", "validation.organisation.notFound", given);
    }
    if (found.size() > 1) {
      throw new InvalidInput(
          "organisation",
          "validation.organisation.ambiguous",
          given,
          String.join(", ", found.values().stream().map(Organisation::code).sorted().toList()));
    }
    return found.values().iterator().next();
  }

  /** Adds {@code memberCode} to the CEPTOAR {@code ceptoarCode}. */
  @Transactional
  public void addMembership(Actor actor, String ceptoarCode, String memberCode) {
    if (!actor.is(Role.PLATFORM_ADMIN)) {
      throw new Forbidden("error.directory.forbidden");
    }
    Organisation ceptoar = requireCeptoar("ceptoarCode", ceptoarCode);
    Organisation member =
        organisations
            .byCode(memberCode)
            .orElseThrow(
                () ->
                    new InvalidInput("memberCode", "validation.organisation.unknown", memberCode));
    if (ceptoar.id() == member.id()) {
      throw new InvalidInput("memberCode", "validation.organisation.ownMember", memberCode);
    }
    organisations.addMembership(ceptoar.id(), member.id());
    audit.record(
        actor,
        AuditLog.Event.success(
            "directory.membership.add",
            "organisation",
            member.id(),
            Detail.of("directory.membership.add", ceptoarCode)));
  }

  /** Which delivery channels an organisation has, as the audit entry says it. */
  private static Detail deliveryDetail(boolean email, boolean webhook, boolean newSecret) {
    if (!webhook) {
      return email
          ? Detail.of("directory.delivery.emailOnly")
          : Detail.of("directory.delivery.none");
    }
    if (newSecret) {
      return email
          ? Detail.of("directory.delivery.emailWebhookNewSecret")
          : Detail.of("directory.delivery.webhookNewSecret");
    }
    return email
        ? Detail.of("directory.delivery.emailWebhook")
        : Detail.of("directory.delivery.webhookOnly");
  }

  /** The organisation that is the given ministry (e.g. {@code fsa}), if it is in the directory. */
  public java.util.Optional<Organisation> ministryOrganisation(String ministryCode) {
    return organisations.find(new OrganisationQuery("ministry", null, null)).stream()
        .filter(o -> ministryCode.equals(o.ministryCode()))
        .findFirst();
  }

  /** The national coordinator's organisation, if it is in the directory. */
  public java.util.Optional<Organisation> nationalCoordinator() {
    return organisations.find(new OrganisationQuery("nisc", null, null)).stream().findFirst();
  }

  static final int MAX_IDENTITY_VALUES = 50;

  /**
   * Whether {@code actor}, calling with {@code granting}, may read {@code organisation} in the
   * directory: a signed-in person (or that person's token of scope {@code read}; the directory's
   * API answers no other) reads every organisation, since the directory is how partners find each
   * other; someone not signed in reads none. The one rule for what the directory reveals: a feature
   * that names organisations to a person (the mail analysis naming the member a lure claims) asks
   * it first. An organisation's identity (its other names, domains, ranges) is read only by its own
   * admins and platform admins ({@link #identity} through the API and admin pages), so such a
   * feature names the organisation, never those values.
   */
  public boolean mayRead(Actor actor, TokenScope.Granting granting, Organisation organisation) {
    return granting != null && granting.reads() && mayRead(actor, organisation);
  }

  /**
   * As {@link #mayRead(Actor, TokenScope.Granting, Organisation)} for a caller that may read (a
   * session, the CLI).
   */
  public boolean mayRead(Actor actor, Organisation organisation) {
    return actor != null
        && organisation != null
        && (actor.userId() != null && actor.organisationId() != null
            || "cli".equals(actor.channel()));
  }

  /**
   * Every active organisation with the names and domains it is known by (its identity's aliases and
   * domains), for the server's own checks such as member impersonation in mail; not for showing. A
   * deactivated organisation is no member: its domains vouch for nobody (a departed member's domain
   * may lapse or its mail server outlive it) and its names are any company's (attack38).
   */
  public List<NamedOrganisation> namedOrganisations() {
    Map<Long, List<String[]>> identity = organisations.identities();
    List<NamedOrganisation> out = new java.util.ArrayList<>();
    for (Organisation o : organisations.find(new OrganisationQuery(null, null, null))) {
      if (!o.active()) {
        continue;
      }
      List<String> aliases = new java.util.ArrayList<>();
      List<String> domains = new java.util.ArrayList<>();
      List<String> pendingAliases = new java.util.ArrayList<>();
      List<String> pendingDomains = new java.util.ArrayList<>();
      for (String[] v : identity.getOrDefault(o.id(), List.of())) {
        switch (v[0]) {
          case "alias" -> aliases.add(v[1]);
          case "domain" -> domains.add(v[1]);
          case "pending-alias" -> pendingAliases.add(v[1]);
          default -> pendingDomains.add(v[1]);
        }
      }
      out.add(
          new NamedOrganisation(
              o,
              List.copyOf(aliases),
              List.copyOf(domains),
              List.copyOf(pendingAliases),
              List.copyOf(pendingDomains)));
    }
    return out;
  }

  /**
   * An organisation with its identity's other names and domains: those a platform admin confirmed
   * (or wrote), and those its own admins added since, which count for its own people only.
   */
  public record NamedOrganisation(
      Organisation organisation,
      List<String> aliases,
      List<String> domains,
      List<String> pendingAliases,
      List<String> pendingDomains) {}

  /**
   * The organisation's other names and domains that wait for a platform admin (see {@link
   * #setIdentity}): names first.
   */
  public List<String> pendingIdentity(long organisationId) {
    return organisations.pendingIdentity(organisationId);
  }

  /**
   * The organisation's values of one kind ({@code alias} or {@code domain}) that wait for a
   * platform admin, in order.
   */
  public List<String> pendingIdentity(long organisationId, String kind) {
    return organisations.pendingIdentity(organisationId, kind);
  }

  /**
   * The organisations whose admins added other names or domains that wait for a platform admin
   * (platform admins only), by name.
   */
  public List<Organisation> withPendingIdentity(Actor actor) {
    if (!actor.is(Role.PLATFORM_ADMIN)) {
      throw new Forbidden("error.directory.forbidden");
    }
    java.util.Set<Long> ids = new java.util.HashSet<>(organisations.withPendingIdentity());
    return organisations.find(new OrganisationQuery(null, null, null)).stream()
        .filter(o -> ids.contains(o.id()))
        .toList();
  }

  public OrganisationIdentity identity(long organisationId) {
    return new OrganisationIdentity(
        organisations.identity(organisationId, "alias"),
        organisations.identity(organisationId, "domain"),
        organisations.identity(organisationId, "ip_range"));
  }

  /**
   * Sets what identifies the organisation (platform admins, or the organisation's own admins).
   * Domains and ranges (IPv4 and IPv6, a single address as its one-address range) are validated.
   * Every name and domain a platform admin saves is confirmed; one an organisation's admin adds is
   * not until a platform admin saves the identity (see {@link #pendingIdentity}), and serves
   * meanwhile its own organisation only (its anonymisation uses every value at once).
   */
  @Transactional
  public OrganisationIdentity setIdentity(
      Actor actor, long organisationId, OrganisationIdentity id) {
    Organisation o = organisation(organisationId);
    boolean own = actor.organisationId() != null && actor.organisationId() == o.id();
    if (!actor.is(Role.PLATFORM_ADMIN) && !(own && actor.is(Role.ORG_ADMIN))) {
      throw new Forbidden("error.directory.forbidden");
    }
    if (id.aliases().size() + id.domains().size() + id.ipRanges().size() > MAX_IDENTITY_VALUES) {
      throw new InvalidInput("aliases", "validation.identity.tooMany", MAX_IDENTITY_VALUES);
    }
    // every bad line is reported at once
    FieldErrors errors = new FieldErrors();
    java.util.List<String> domains = new java.util.ArrayList<>();
    for (String d : id.domains()) {
      try {
        String domain =
            jp.renkei.engine.observable.Observables.parse(
                    jp.renkei.engine.observable.ObservableType.DOMAIN, d)
                .value();
        // every host under a member's domain is the member's in mail analysis: a public suffix
        // (jp, co.jp) would make every sender under it a member (attack38)
        if (jp.renkei.engine.correlate.Domains.isPublicSuffix(domain)) {
          errors.add(new InvalidInput("domains", "validation.identity.publicSuffix", d));
        } else {
          domains.add(domain);
        }
      } catch (jp.renkei.engine.observable.InvalidObservable e) {
        // said as the form asks for it, not as an observable's parser words it (ux42)
        errors.add(new InvalidInput("domains", "validation.identity.domain", d));
      }
    }
    java.util.List<String> ranges = new java.util.ArrayList<>();
    for (String r : id.ipRanges()) {
      try {
        // a single server's address alone is its one-address range, as the form says (ux42)
        String cidr =
            jp.renkei.engine.observable.Observables.parse(
                    jp.renkei.engine.observable.ObservableType.CIDR,
                    r.contains("/") ? r : r + (r.contains(":") ? "/128" : "/32"))
                .value();
        ranges.add(cidr);
      } catch (jp.renkei.engine.observable.InvalidObservable e) {
        errors.add(new InvalidInput("ipRanges", "validation.identity.range", r));
      }
    }
    Map<String, String> othersNames = id.aliases().isEmpty() ? Map.of() : othersNames(o.id());
    for (String a : id.aliases()) {
      // counted in code points as the database's check counts them (length(value) >= 2): one
      // character outside the BMP (an emoji, 𠮷) is two UTF-16 units and passed here, then broke
      // the check, a 500 whose logged exception carried the row (attack39)
      if (a.codePointCount(0, a.length()) < 2 || a.length() > MAX_NAME) {
        errors.add(new InvalidInput("aliases", "validation.identity.alias", a));
      } else if (jp.renkei.engine.text.Names.forbiddenCharacter(a).isPresent()) {
        // an alias is a name (it counts as the member's in mail analysis and is listed for a
        // platform admin to confirm): no invisible or reordering characters, as for names
        errors.add(
            new InvalidInput(
                "aliases",
                "validation.name.invisible",
                String.format(
                    "%04X", jp.renkei.engine.text.Names.forbiddenCharacter(a).getAsInt())));
      } else if (othersNames.containsKey(Names.skeleton(a))) {
        // an alias makes claims in every member's mail analysis once confirmed: another
        // organisation's name, in any form (half-width kana, a Cyrillic letter), is refused as the
        // directory refuses it for a new or renamed organisation, not left for a platform admin
        // to tell apart from the list of waiting values (attack41)
        errors.add(
            new InvalidInput(
                "aliases",
                "validation.identity.aliasOfAnother",
                a,
                othersNames.get(Names.skeleton(a))));
      }
    }
    errors.throwIfAny();
    // names and domains count in every member's mail analysis (mail from a member's domain is no
    // claim of another member, no member's domain is a look-alike, a member's name from elsewhere
    // is a claim): what an organisation's admin adds waits for a platform admin before it counts
    // for anyone but its own organisation (attack37)
    boolean confirm = actor.is(Role.PLATFORM_ADMIN);
    organisations.replaceIdentity(o.id(), "alias", id.aliases(), confirm);
    organisations.replaceIdentity(o.id(), "domain", domains, confirm);
    organisations.replaceIdentity(o.id(), "ip_range", ranges, true);
    audit.record(
        actor,
        AuditLog.Event.success(
            "directory.identity.set",
            "organisation",
            o.id(),
            Detail.of(
                "directory.identity.set", id.aliases().size(), domains.size(), ranges.size())));
    return identity(o.id());
  }

  /**
   * Everything that identifies the organisation, for the redactor: its names and code, aliases,
   * domains, duty and people's e-mail addresses, people's names, and IPv4 ranges.
   */
  public jp.renkei.engine.redact.Identity redactionIdentity(long organisationId) {
    Organisation o = organisation(organisationId);
    OrganisationIdentity id = identity(organisationId);
    java.util.List<String> names =
        new java.util.ArrayList<>(java.util.List.of(o.nameJa(), o.nameEn(), o.code()));
    names.addAll(id.aliases());
    java.util.List<String> emails = new java.util.ArrayList<>();
    java.util.List<String> people = new java.util.ArrayList<>();
    if (o.dutyEmail() != null) {
      emails.add(o.dutyEmail());
    }
    for (String[] p : organisations.people(organisationId)) {
      people.add(p[0]);
      if (!p[1].isEmpty()) {
        emails.add(p[1]);
      }
    }
    return new jp.renkei.engine.redact.Identity(names, id.domains(), emails, people, id.ipRanges());
  }

  /** Where an organisation receives advisories. */
  public record Delivery(String dutyEmail, String webhookUrl, String newWebhookSecret) {}

  /**
   * Sets the duty e-mail address and webhook of an organisation (platform admins, or its own
   * admins). A new webhook URL gets a new signing secret, returned here once. Webhooks must use
   * https (http only with renkei.outbound.allow-http) and must not point at a loopback, private,
   * link-local or other internal address unless renkei.outbound.allow-ranges allows it; the same
   * check is made again on every delivery, where it is the real guard. For an organisation's admin
   * a host name is not looked up here ({@link OutboundHttp#checkGiven}).
   */
  @Transactional
  public Delivery setDelivery(
      Actor actor, long organisationId, String dutyEmail, String webhookUrl) {
    Organisation o = organisation(organisationId);
    boolean own = actor.organisationId() != null && actor.organisationId() == o.id();
    if (!actor.is(Role.PLATFORM_ADMIN) && !(own && actor.is(Role.ORG_ADMIN))) {
      throw new Forbidden("error.directory.forbidden");
    }
    String email = dutyEmail == null || dutyEmail.isBlank() ? null : dutyEmail.strip();
    FieldErrors errors = new FieldErrors();
    if (email != null && !EMAIL.matcher(email).matches()) {
      errors.add(new InvalidInput("dutyEmail", "validation.email", email));
    }
    String url = webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl.strip();
    if (url != null) {
      if (url.length() > 2000) {
        errors.add(
            new InvalidInput("webhookUrl", "validation.webhook", url.substring(0, 100) + "…"));
      } else {
        try {
          // an organisation's admin is not told how the hub's resolver places a name, nor which
          // addresses are the hub's own: only the URL's form and an address written as such are
          // checked (attack38); the delivery is checked in full
          if (actor.is(Role.PLATFORM_ADMIN)) {
            outbound.check(url);
          } else {
            outbound.checkGiven(url);
          }
        } catch (OutboundHttp.Refused e) {
          audit.refusedOutbound(actor, "webhook", url, e.getMessage());
          // the platform admin runs the hub and may change its settings; an org admin is told
          // what to give instead (ux37)
          errors.add(
              new InvalidInput(
                  "webhookUrl",
                  "error.outbound.refused",
                  url,
                  actor.is(Role.PLATFORM_ADMIN) ? e.reason() : e.reasonForOrgAdmin()));
        }
      }
    }
    errors.throwIfAny();
    String previous = organisations.webhookUrl(o.id()).orElse(null);
    String secret = null;
    if (url != null && !url.equals(previous)) {
      secret = jp.renkei.engine.token.ApiTokens.generate().substring(3);
    }
    String stored = url == null ? null : secret != null ? secret : jdbcSecret(o.id());
    organisations.updateDelivery(o.id(), email, url, stored);
    audit.record(
        actor,
        AuditLog.Event.success(
            "directory.delivery.set",
            "organisation",
            o.id(),
            deliveryDetail(email != null, url != null, secret != null)));
    return new Delivery(email, url, secret);
  }

  private String jdbcSecret(long organisationId) {
    return organisations.webhookSecret(organisationId).orElse(null);
  }

  public int count() {
    return organisations.count();
  }

  private void validate(NewOrganisation o) {
    // every field is checked and every error reported at once; conflicts with existing
    // organisations are looked for only in a form that is otherwise right
    FieldErrors errors = new FieldErrors();
    if (o.code() == null || !CODE.matcher(o.code()).matches()) {
      errors.add(
          new InvalidInput("code", "validation.organisation.code", String.valueOf(o.code())));
    }
    if (o.nameJa() == null || o.nameJa().isBlank() || o.nameJa().length() > MAX_NAME) {
      errors.add(new InvalidInput("nameJa", "validation.required.max", MAX_NAME));
    }
    if (o.nameEn() == null || o.nameEn().isBlank() || o.nameEn().length() > MAX_NAME) {
      errors.add(new InvalidInput("nameEn", "validation.required.max", MAX_NAME));
    }
    boolean knownType =
        o.typeCode() != null
            && reference.organisationTypes().stream().anyMatch(t -> t.code().equals(o.typeCode()));
    if (!knownType) {
      errors.add(
          new InvalidInput(
              "typeCode", "validation.organisation.type", String.valueOf(o.typeCode())));
    } else {
      boolean needsSector = reference.typeHasSector(o.typeCode());
      if (needsSector && o.sectorCode() == null) {
        errors.add(new InvalidInput("sectorCode", "validation.organisation.sectorRequired"));
      }
      if (!needsSector && o.sectorCode() != null) {
        errors.add(new InvalidInput("sectorCode", "validation.organisation.sectorNotAllowed"));
      }
    }
    if (o.sectorCode() != null && reference.sector(o.sectorCode()).isEmpty()) {
      errors.add(new InvalidInput("sectorCode", "validation.organisation.sector", o.sectorCode()));
    }
    if (o.ministryCode() != null) {
      if (!"ministry".equals(o.typeCode())) {
        errors.add(
            new InvalidInput("ministryCode", "validation.organisation.ministryOnlyForMinistry"));
      } else if (reference.ministries().stream()
          .noneMatch(m -> m.code().equals(o.ministryCode()))) {
        errors.add(
            new InvalidInput("ministryCode", "validation.organisation.ministry", o.ministryCode()));
      }
    }
    if (o.dutyEmail() != null && !EMAIL.matcher(o.dutyEmail()).matches()) {
      errors.add(new InvalidInput("dutyEmail", "validation.email", o.dutyEmail()));
    }
    for (String ceptoar : o.ceptoarCodes()) {
      errors.check(() -> requireCeptoar("ceptoarCodes", ceptoar));
    }
    errors.throwIfAny();
    if (organisations.codeExists(o.code())) {
      throw new Conflict("code", "validation.organisation.codeTaken", o.code());
    }
    // logins ending in an organisation's code are its own (UserService.requireLoginOf): a new
    // organisation's admin must not meet others' there
    if (organisations.loginsEndIn(o.code())) {
      throw new Conflict("code", "validation.organisation.codeInLogins", o.code());
    }
    if (organisations.nameExists(o.nameJa())) {
      throw new Conflict("nameJa", "validation.organisation.nameTaken", o.nameJa());
    }
    requireDistinct(o);
  }

  /**
   * Refuses a name with characters a reader cannot see or that reorder what they see (a second
   * 'さくら銀行' with a zero-width space in it, or a right-to-left override).
   */
  static void requireVisible(String field, String name) {
    java.util.OptionalInt bad = Names.forbiddenCharacter(name);
    if (bad.isPresent()) {
      throw new InvalidInput(
          field, "validation.name.invisible", String.format("%04X", bad.getAsInt()));
    }
  }

  /**
   * How every other organisation's names look ({@link Names#skeleton}) and one of them as written:
   * current and former, Japanese and English, of every organisation but {@code own}, less those
   * that look like one of {@code own}'s. Only what the directory shows every member.
   */
  private Map<String, String> othersNames(long own) {
    Map<String, String> others = new java.util.HashMap<>();
    java.util.Set<String> mine = new java.util.HashSet<>();
    for (Organisation existing : organisations.find(new OrganisationQuery(null, null, null))) {
      for (String name : List.of(existing.nameJa(), existing.nameEn())) {
        if (existing.id() == own) {
          mine.add(Names.skeleton(name));
        } else {
          others.putIfAbsent(Names.skeleton(name), name);
        }
      }
    }
    for (OrganisationRepository.Former f : organisations.formerNames()) {
      for (String name : List.of(f.nameJa(), f.nameEn())) {
        if (f.organisationId() == own) {
          mine.add(Names.skeleton(name));
        } else {
          others.putIfAbsent(Names.skeleton(name), name);
        }
      }
    }
    others.keySet().removeAll(mine);
    others.remove("");
    return others;
  }

  /** Refuses names that look like an existing organisation's (either language, either field). */
  private void requireDistinct(NewOrganisation o) {
    requireDistinct(null, o.nameJa(), o.nameEn());
  }

  /**
   * Refuses names that look like another organisation's current name (either language, either
   * field); {@code self}, an organisation being renamed, may keep looking like itself. A rename is
   * judged as a creation is (attack29b: before, only an exact Japanese name was refused, so another
   * organisation's English name, or a look-alike of either, passed, and the directory showed two
   * that read alike).
   */
  void requireDistinct(Long self, String nameJa, String nameEn) {
    String ja = Names.skeleton(nameJa);
    String en = Names.skeleton(nameEn);
    for (Organisation existing : organisations.find(new OrganisationQuery(null, null, null))) {
      if (self != null && existing.id() == self) {
        continue;
      }
      for (String name : List.of(existing.nameJa(), existing.nameEn())) {
        String skeleton = Names.skeleton(name);
        if (skeleton.equals(ja)) {
          throw new Conflict("nameJa", "validation.name.confusable", name);
        }
        if (skeleton.equals(en)) {
          throw new Conflict("nameEn", "validation.name.confusable", name);
        }
      }
    }
  }

  private Organisation requireCeptoar(String field, String code) {
    return organisations
        .byCode(code)
        .filter(c -> "ceptoar".equals(c.typeCode()))
        .orElseThrow(() -> new InvalidInput(field, "validation.organisation.notCeptoar", code));
  }
}
