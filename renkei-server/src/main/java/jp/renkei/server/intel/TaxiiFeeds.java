package jp.renkei.server.intel;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.audit.AuditLog.Detail;
import jp.renkei.server.crypto.CredentialVault;
import jp.renkei.server.directory.Role;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.failure.NotFound;
import jp.renkei.server.outbound.OutboundHttp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The TAXII 2.1 client: subscriptions to remote collections, polled with an {@code added_after}
 * cursor and {@code next} paging into a local collection. The cursor is stored after every page, so
 * a restart resumes where it stopped; it is kept one microsecond before the last page's {@code
 * X-TAXII-Date-Added-Last}, so objects sharing that timestamp on a remote that reuses timestamps
 * are fetched again rather than skipped (storing is idempotent). Errors back off exponentially from
 * the poll interval up to six hours.
 */
@Service
public class TaxiiFeeds {

  private static final Logger log = LoggerFactory.getLogger(TaxiiFeeds.class);
  static final Duration MAX_BACKOFF = Duration.ofHours(6);
  static final Duration CLAIM = Duration.ofMinutes(10);

  /**
   * Pages one poll reads at most (of 1,000 objects each); the rest waits for the feed's next poll,
   * from the cursor stored after each page. A remote that answers {@code "more": true} forever
   * (attack30: a hostile or broken peer) held the poll, and with it every scheduled task of the
   * instance — advisory delivery among them — for as long as it liked.
   */
  static final int MAX_PAGES = 200;

  /**
   * How long one poll may take as a whole ({@code renkei.feeds.poll-deadline}, default 5 min, less
   * than the claim so that no other instance polls the feed meanwhile): a page still being read
   * then is cut off (the poll fails and backs off); no page is begun after it. A peer that trickles
   * its answer a byte at a time, just inside the read timeout, held the poll as long as it liked
   * (feedpoll30).
   */
  private final Duration pollDeadline;

  /**
   * Bytes one poll reads before it begins no further page ({@code renkei.feeds.poll-max-bytes},
   * default 256 MiB; a page itself is at most {@link TaxiiClient#MAX_PAGE_BYTES}); the rest at the
   * next poll, from the stored cursor.
   */
  private final long pollMaxBytes;

  /** A subscription, as shown to admins (never with its secret). */
  public record Feed(
      long id,
      String name,
      String apiRoot,
      String remoteCollection,
      String authKind,
      String username,
      UUID localCollection,
      long originatorOrg,
      Tlp defaultTlp,
      Tlp widestTlp,
      int pollIntervalSeconds,
      boolean enabled,
      String addedAfter,
      Instant nextPollAt,
      Instant lastPollAt,
      Instant lastSuccessAt,
      String lastError,
      String lastErrorCode,
      List<String> lastErrorArgs,
      Instant lastErrorAt,
      int failures,
      long objectsReceived,
      long objectsRefused) {

    /** ok, failing (errors since the last success), or new (never polled). */
    public String health() {
      return failures > 0 ? "failing" : lastSuccessAt == null ? "new" : "ok";
    }
  }

  /** What an admin gives to subscribe. */
  public record NewFeed(
      String name,
      String apiRoot,
      String remoteCollection,
      String authKind,
      String username,
      String secret,
      String localCollection,
      String originatorOrg,
      String defaultTlp,
      String widestTlp,
      Integer pollIntervalSeconds) {

    /**
     * One rule for the create and the edit form alike: a user name is stripped and a blank one is
     * none; a blank secret is none (on an edit: keep the stored one). A secret is otherwise kept as
     * typed.
     */
    public NewFeed {
      username = blankIsNone(username);
      secret = secret == null || secret.isBlank() ? null : secret;
    }

    /** The same, without the secret (a form shown again never carries it). */
    public NewFeed withoutSecret() {
      return new NewFeed(
          name,
          apiRoot,
          remoteCollection,
          authKind,
          username,
          null,
          localCollection,
          originatorOrg,
          defaultTlp,
          widestTlp,
          pollIntervalSeconds);
    }
  }

  private static final String FEED =
      "select id, name, api_root, remote_collection, auth_kind, username, local_collection,"
          + " originator_org, default_tlp, widest_tlp, poll_interval_s, enabled, added_after,"
          + " next_poll_at, last_poll_at, last_success_at, last_error, last_error_code, last_error_args, last_error_at, failures,"
          + " objects_received, objects_refused from taxii_feed";

  private final JdbcClient jdbc;
  private final IntelService intel;
  private final AuditLog audit;
  private final jp.renkei.server.directory.DirectoryService directory;
  private final CredentialVault vault;
  private final OutboundHttp http;

  TaxiiFeeds(
      JdbcClient jdbc,
      IntelService intel,
      AuditLog audit,
      jp.renkei.server.directory.DirectoryService directory,
      CredentialVault vault,
      OutboundHttp http,
      @org.springframework.beans.factory.annotation.Value("${renkei.feeds.poll-deadline:5m}")
          Duration pollDeadline,
      @org.springframework.beans.factory.annotation.Value("${renkei.feeds.poll-max-bytes:256MB}")
          org.springframework.util.unit.DataSize pollMaxBytes) {
    if (pollDeadline.isNegative() || pollDeadline.isZero() || pollDeadline.compareTo(CLAIM) >= 0) {
      throw new IllegalArgumentException(
          "renkei.feeds.poll-deadline: must be positive and less than "
              + CLAIM.toMinutes()
              + " min (a feed's claim), was "
              + pollDeadline);
    }
    if (pollMaxBytes.toBytes() <= 0) {
      throw new IllegalArgumentException(
          "renkei.feeds.poll-max-bytes: must be positive, was " + pollMaxBytes);
    }
    this.pollDeadline = pollDeadline;
    this.pollMaxBytes = pollMaxBytes.toBytes();
    this.jdbc = jdbc;
    this.intel = intel;
    this.audit = audit;
    this.directory = directory;
    this.vault = vault;
    this.http = http;
  }

  /** Where a feed's credential is sealed for: it opens for that feed only. */
  private static String place(long feedId) {
    return "taxii_feed.secret:" + feedId;
  }

  /**
   * Seals the credentials stored before they were sealed (at start-up, so that none stays in the
   * clear whether its feed is polled or not).
   */
  @EventListener(ApplicationReadyEvent.class)
  public void sealStoredCredentials() {
    record Clear(long id, String secret) {}
    List<Clear> clear =
        jdbc.sql("select id, secret from taxii_feed where secret not like ?")
            .param(CredentialVault.PREFIX + "%")
            .query((rs, n) -> new Clear(rs.getLong(1), rs.getString(2)))
            .list();
    for (Clear c : clear) {
      // only if nobody replaced it meanwhile (another instance starting, an admin)
      jdbc.sql("update taxii_feed set secret = ? where id = ? and secret = ?")
          .params(vault.seal(c.secret(), place(c.id())), c.id(), c.secret())
          .update();
    }
    if (!clear.isEmpty()) {
      log.info("Sealed {} stored feed credentials with {}", clear.size(), vault.keyFile());
    }
  }

  public List<Feed> list(Actor actor) {
    requireAdmin(actor);
    return jdbc.sql(FEED + " order by name").query(TaxiiFeeds::feed).list();
  }

  /** How long one poll may take at most ({@code renkei.feeds.poll-deadline}). */
  Duration pollDeadline() {
    return pollDeadline;
  }

  public Feed get(Actor actor, long id) {
    requireAdmin(actor);
    return byId(id).orElseThrow(() -> new NotFound("taxii_feed", id));
  }

  private Optional<Feed> byId(long id) {
    return jdbc.sql(FEED + " where id = ?").param(id).query(TaxiiFeeds::feed).optional();
  }

  public Feed create(Actor actor, NewFeed f) {
    requireAdmin(actor);
    long org = originator(f);
    Validated v = validate(f, false, actor, org);
    String apiRoot = v.apiRoot();
    String auth = v.auth();
    Optional<StixCollection> local = Optional.of(v.local());
    int interval = v.interval();
    Tlp def = v.defaultTlp();
    Tlp widest = v.widestTlp();
    // the row first, then its credential sealed for it (the seal names the row)
    long id =
        jdbc.sql(
                "insert into taxii_feed (name, api_root, remote_collection, auth_kind, username,"
                    + " secret, local_collection, originator_org, default_tlp, widest_tlp,"
                    + " poll_interval_s) values (?, ?, ?, ?, ?, null, ?, ?, ?, ?, ?) returning id")
            .params(
                f.name().strip(),
                apiRoot,
                f.remoteCollection().strip(),
                auth,
                f.username(),
                local.orElseThrow().id(),
                org,
                def.name(),
                widest.name(),
                interval)
            .query(Long.class)
            .single();
    jdbc.sql("update taxii_feed set secret = ? where id = ?")
        .params(vault.seal(f.secret(), place(id)), id)
        .update();
    audit.recordAlone(
        actor,
        AuditLog.Event.success(
            "feed.create", "taxii_feed", id, Detail.of("feed.endpoint", f.name(), apiRoot)));
    return byId(id).orElseThrow();
  }

  /**
   * Changes a feed as an admin edits it: name, API root, remote collection, authentication, marking
   * defaults and interval (its local collection and originator stay). A blank secret keeps the
   * stored one, which is never shown back; authentication {@code none} drops user name and secret.
   * A new API root or remote collection starts reading that collection from its beginning (the
   * cursor belonged to the old one). The feed is due at once. Audited.
   */
  public Feed update(Actor actor, long id, NewFeed f) {
    Feed old = get(actor, id);
    Validated v = checkUpdate(old, f, actor);
    boolean keepSecret = f.secret() == null;
    boolean none = "none".equals(v.auth());
    boolean elsewhere =
        !old.apiRoot().equals(v.apiRoot())
            || !old.remoteCollection().equals(f.remoteCollection().strip());
    jdbc.sql(
            "update taxii_feed set name = ?, api_root = ?, remote_collection = ?, auth_kind = ?,"
                + " username = ?, secret = case when ? then null when ? then secret else ? end,"
                + " default_tlp = ?, widest_tlp = ?, poll_interval_s = ?, next_poll_at = now(),"
                + " added_after = case when ? then null else added_after end where id = ?")
        .params(
            f.name().strip(),
            v.apiRoot(),
            f.remoteCollection().strip(),
            v.auth(),
            none ? null : f.username(),
            none,
            keepSecret,
            keepSecret ? null : vault.seal(f.secret(), place(id)),
            v.defaultTlp().name(),
            v.widestTlp().name(),
            v.interval(),
            elsewhere,
            id)
        .update();
    audit.recordAlone(
        actor,
        AuditLog.Event.success(
            "feed.update",
            "taxii_feed",
            id,
            Detail.of("feed.endpoint", f.name().strip(), v.apiRoot())));
    return byId(id).orElseThrow();
  }

  /** Checks an edit as {@link #update} does, writing nothing (every error at once). */
  public void checkUpdate(Actor actor, long id, NewFeed f) {
    checkUpdate(get(actor, id), f, null);
  }

  private Validated checkUpdate(Feed old, NewFeed f, Actor refusalsBy) {
    NewFeed edited =
        new NewFeed(
            f.name(),
            f.apiRoot(),
            f.remoteCollection(),
            f.authKind(),
            f.username(),
            f.secret(),
            old.localCollection().toString(),
            null,
            f.defaultTlp(),
            f.widestTlp(),
            f.pollIntervalSeconds());
    jp.renkei.server.failure.FieldErrors errors = new jp.renkei.server.failure.FieldErrors();
    Validated[] v = new Validated[1];
    boolean stored =
        jdbc.sql("select secret is not null from taxii_feed where id = ?")
            .param(old.id())
            .query(Boolean.class)
            .single();
    // the feed's collection and organisation stay, and are checked again: a feed saved before
    // a target had to be one its organisation writes is not edited into looking valid
    errors.check(() -> v[0] = validate(edited, stored, refusalsBy, old.originatorOrg()));
    errors.throwIfAny();
    return v[0];
  }

  /** A new feed's fields, checked and normalised. */
  private record Validated(
      String apiRoot,
      String auth,
      StixCollection local,
      Tlp defaultTlp,
      Tlp widestTlp,
      int interval) {}

  /** Checks a new feed as {@link #create} does, writing nothing (every error at once). */
  public void check(Actor actor, NewFeed f) {
    requireAdmin(actor);
    validate(f, false, null, originator(f));
  }

  /**
   * The collections a feed of the national coordinator may fill: the page's feeds are its (the page
   * names no other organisation).
   */
  public List<StixCollection> pageTargets(Actor actor) {
    requireAdmin(actor);
    return intel.storableFor(directory.nationalCoordinator().orElseThrow().id());
  }

  /**
   * The organisation a new feed's objects are attributed to: given, or the national coordinator.
   */
  private long originator(NewFeed f) {
    return f.originatorOrg() == null
        ? directory.nationalCoordinator().orElseThrow().id()
        : directory.organisation(f.originatorOrg()).id();
  }

  /**
   * Checks a feed's fields, every error at once. One rule for the create and the edit form: a feed
   * that authenticates (basic or bearer) needs a secret, typed now or, on an edit, already stored
   * (a blank one keeps it); a secret is at most 4,096 characters. The local collection must be one
   * the feed's organisation writes ({@link IntelService#mayStoreFor}): whoever reads that
   * collection reads what the feed brings.
   */
  private Validated validate(NewFeed f, boolean secretStored, Actor refusalsBy, long originator) {
    // every field is checked, and every error reported at once
    jp.renkei.server.failure.FieldErrors errors = new jp.renkei.server.failure.FieldErrors();
    if (f.name() == null || f.name().isBlank() || f.name().length() > 100) {
      errors.add(new InvalidInput("name", "error.feed.name"));
    }
    String apiRoot = null;
    try {
      apiRoot = apiRoot(f.apiRoot(), refusalsBy);
    } catch (InvalidInput e) {
      errors.add(e);
    }
    if (f.remoteCollection() == null || f.remoteCollection().isBlank()) {
      errors.add(new InvalidInput("remoteCollection", "error.feed.remoteCollection"));
    }
    String auth = f.authKind() == null ? "none" : f.authKind();
    if (!List.of("none", "basic", "bearer").contains(auth)) {
      errors.add(new InvalidInput("authKind", "error.feed.authKind", auth));
    } else if (!"none".equals(auth) && f.secret() == null && !secretStored) {
      errors.add(new InvalidInput("secret", "error.feed.secretNeeded"));
    }
    if (f.secret() != null && f.secret().length() > 4096) {
      errors.add(new InvalidInput("secret", "error.feed.secret"));
    }
    Optional<StixCollection> local = parseUuid(f.localCollection()).flatMap(intel::collection);
    if (f.localCollection() == null || f.localCollection().isBlank()) {
      // no default: the collection decides who reads what the feed brings
      errors.add(new InvalidInput("localCollection", "error.feed.localCollection.required"));
    } else if (local.isEmpty()) {
      errors.add(
          new InvalidInput("localCollection", "error.feed.localCollection", f.localCollection()));
    } else if (!intel.mayStoreFor(originator, local.get())) {
      errors.add(
          new InvalidInput(
              "localCollection",
              "error.feed.localCollection.notWritable",
              local.get().titleJa(),
              local.get().titleEn(),
              organisationCode(originator)));
    }
    Tlp[] tlps = new Tlp[2];
    errors.check(() -> tlps[0] = tlp("defaultTlp", f.defaultTlp(), Tlp.AMBER));
    errors.check(() -> tlps[1] = tlp("widestTlp", f.widestTlp(), Tlp.GREEN));
    int interval = f.pollIntervalSeconds() == null ? 300 : f.pollIntervalSeconds();
    if (interval < 10 || interval > 86400) {
      errors.add(new InvalidInput("pollIntervalSeconds", "error.feed.interval", interval));
    }
    errors.throwIfAny();
    return new Validated(apiRoot, auth, local.orElseThrow(), tlps[0], tlps[1], interval);
  }

  /** The TAXII API root as stored (ending in a slash): http(s), a host, allowed by the guard. */
  private String apiRoot(String given, Actor refusalsBy) {
    URI root;
    try {
      root = URI.create(given == null ? "" : given);
    } catch (IllegalArgumentException e) {
      throw new InvalidInput("apiRoot", "error.feed.apiRoot", given);
    }
    if (root.getScheme() == null
        || !(root.getScheme().equals("https") || root.getScheme().equals("http"))
        || root.getHost() == null) {
      throw new InvalidInput("apiRoot", "error.feed.apiRoot", given);
    }
    try {
      http.check(root.toString());
    } catch (OutboundHttp.Refused e) {
      if (refusalsBy != null) {
        audit.refusedOutbound(refusalsBy, "feed", given, e.getMessage());
      }
      throw new InvalidInput("apiRoot", "error.outbound.refused", given, e.reason());
    }
    return root.toString().endsWith("/") ? root.toString() : root + "/";
  }

  /** A feed's new credential (the remote changed it, or this hub's key was lost). */
  public record NewCredential(String username, String secret) {

    /** The user name as {@link NewFeed} reads it: stripped, and a blank one is none. */
    public NewCredential {
      username = blankIsNone(username);
    }
  }

  private static String blankIsNone(String username) {
    return username == null || username.isBlank() ? null : username.strip();
  }

  /**
   * Replaces a feed's user name and secret, sealed as on creation, keeping its cursor and counts;
   * the feed is due at once, so a feed that failed for its credential recovers without waiting out
   * its back-off.
   */
  public Feed replaceCredential(Actor actor, long id, NewCredential c) {
    requireAdmin(actor);
    if (c == null || c.secret() == null || c.secret().isBlank() || c.secret().length() > 4096) {
      throw new InvalidInput("secret", "error.feed.secret");
    }
    int n =
        jdbc.sql(
                "update taxii_feed set username = ?, secret = ?, next_poll_at = now() where id = ?")
            .params(c.username(), vault.seal(c.secret(), place(id)), id)
            .update();
    if (n == 0) {
      throw new NotFound("taxii_feed", id);
    }
    audit.recordAlone(actor, AuditLog.Event.success("feed.credential", "taxii_feed", id));
    return byId(id).orElseThrow();
  }

  /** Stops or resumes polling a feed (platform admins); a resumed feed polls at once. Audited. */
  public Feed setEnabled(Actor actor, long id, boolean enabled) {
    requireAdmin(actor);
    if (jdbc.sql(
                "update taxii_feed set enabled = ?, next_poll_at = case when ? then now() else"
                    + " next_poll_at end where id = ?")
            .params(enabled, enabled, id)
            .update()
        == 0) {
      throw new NotFound("taxii_feed", id);
    }
    audit.recordAlone(
        actor, AuditLog.Event.success(enabled ? "feed.enable" : "feed.disable", "taxii_feed", id));
    return byId(id).orElseThrow();
  }

  public void delete(Actor actor, long id) {
    requireAdmin(actor);
    if (jdbc.sql("delete from taxii_feed where id = ?").param(id).update() == 0) {
      throw new NotFound("taxii_feed", id);
    }
    audit.recordAlone(actor, AuditLog.Event.success("feed.delete", "taxii_feed", id));
  }

  /**
   * Polls one feed now, whatever its schedule (an admin's "poll now"); if another instance is
   * polling it at this moment, answers its state without polling twice.
   */
  public Feed pollNow(Actor actor, long id) {
    requireAdmin(actor);
    byId(id).orElseThrow(() -> new NotFound("taxii_feed", id));
    Optional<Long> claimed =
        jdbc.sql(
                "update taxii_feed set claimed_until = now() + cast(? as interval) where id = ?"
                    + " and (claimed_until is null or claimed_until < now()) returning id")
            .params(CLAIM.toSeconds() + " seconds", id)
            .query(Long.class)
            .optional();
    claimed.flatMap(this::byId).ifPresent(this::poll);
    return byId(id).orElseThrow();
  }

  /** Claims and polls the feeds that are due; returns how many were polled. */
  public int pollDue() {
    int n = 0;
    while (true) {
      Optional<Long> due =
          jdbc.sql(
                  "update taxii_feed set claimed_until = now() + cast(? as interval) where id ="
                      + " (select id from taxii_feed where enabled and next_poll_at <= now() and"
                      + " (claimed_until is null or claimed_until < now()) order by next_poll_at"
                      + " limit 1 for update skip locked) returning id")
              .param(CLAIM.toSeconds() + " seconds")
              .query(Long.class)
              .optional();
      if (due.isEmpty() || n >= 20) {
        return n;
      }
      byId(due.get()).ifPresent(this::poll);
      n++;
    }
  }

  private void poll(Feed f) {
    Actor feedActor = new Actor(null, f.name(), null, Role.ANALYST, "feed", null);
    StixCollection local = intel.collection(f.localCollection()).orElseThrow();
    String cursor = f.addedAfter();
    String next = null;
    long received = 0;
    long refused = 0;
    Instant started = Instant.now();
    try {
      if (!intel.mayStoreFor(f.originatorOrg(), local)) {
        // saved before the rule, or the organisation left the collection's writers since (moved
        // sector, left a configured collection, deactivated): nothing is fetched or stored
        throw new TaxiiClient.Failure(
            "target",
            "the local collection "
                + local.id()
                + " is not one the feed's organisation "
                + organisationCode(f.originatorOrg())
                + " writes; nothing is stored there (delete the feed and subscribe again into a"
                + " collection of that organisation)",
            local.id(),
            organisationCode(f.originatorOrg()));
      }
      TaxiiClient client =
          new TaxiiClient(
              http,
              f.apiRoot(),
              f.remoteCollection(),
              new TaxiiClient.Auth(f.authKind(), f.username(), secret(f)));
      int pages = 0;
      long bytes = 0;
      Instant deadline = started.plus(pollDeadline);
      boolean more;
      do {
        TaxiiClient.Page fetched = client.objects(cursor, next, deadline);
        pages++;
        bytes += fetched.body().length;
        IntelService.Ingest page =
            intel.ingest(
                feedActor,
                local,
                f.originatorOrg(),
                f.defaultTlp(),
                f.widestTlp(),
                new ByteArrayInputStream(fetched.body()),
                x -> {});
        received += page.successes() - page.alreadyStored();
        refused += page.failures();
        cursor = fetched.resumeAfter();
        next = fetched.next();
        jdbc.sql(
                "update taxii_feed set added_after = ?, objects_received = objects_received + ?,"
                    + " objects_refused = objects_refused + ? where id = ?")
            .params(cursor, page.successes() - page.alreadyStored(), page.failures(), f.id())
            .update();
        // a remote that says more but gives no token is continued by added_after next time
        more = next != null;
      } while (more
          && pages < MAX_PAGES
          && bytes < pollMaxBytes
          && Instant.now().isBefore(deadline));
      if (more) {
        log.warn(
            "Feed {}: {} pages ({} bytes) read in {} s, the rest at its next poll (the remote"
                + " still says more; limits: {} pages, {} bytes, {} s a poll)",
            f.name(),
            pages,
            bytes,
            Duration.between(started, Instant.now()).toSeconds(),
            MAX_PAGES,
            pollMaxBytes,
            pollDeadline.toSeconds());
      }
      jdbc.sql(
              "update taxii_feed set last_poll_at = ?, last_success_at = ?, failures = 0,"
                  + " last_error = null, last_error_code = null, last_error_args = null,"
                  + " next_poll_at = now() + make_interval(secs =>"
                  + " poll_interval_s), claimed_until = null where id = ?")
          .params(Timestamp.from(started), Timestamp.from(Instant.now()), f.id())
          .update();
      log.info("Feed {}: {} new objects, {} refused", f.name(), received, refused);
    } catch (RuntimeException e) {
      String why = e instanceof TaxiiClient.Failure ? e.getMessage() : describe(e);
      // the reason as a code with its arguments, shown in the reader's language; an unexpected
      // error has none (its text, a class name and message, is shown as it is)
      String code = e instanceof TaxiiClient.Failure x ? x.code() : null;
      String[] args = e instanceof TaxiiClient.Failure x ? x.args().toArray(String[]::new) : null;
      long backoff =
          Math.min(
              MAX_BACKOFF.toSeconds(),
              (long) f.pollIntervalSeconds() << Math.min(16, f.failures() + 1));
      jdbc.sql(
              "update taxii_feed set last_poll_at = ?, last_error = ?, last_error_code = ?,"
                  + " last_error_args = ?, last_error_at = ?, failures = failures + 1,"
                  + " next_poll_at = now() + make_interval(secs => ?), claimed_until = null"
                  + " where id = ?")
          .params(
              Timestamp.from(started),
              TaxiiClient.clip(why),
              code,
              args,
              Timestamp.from(Instant.now()),
              (double) backoff,
              f.id())
          .update();
      if (e.getCause() instanceof OutboundHttp.Refused refusal) {
        // the address was allowed when the feed was saved: its name now resolves elsewhere, or
        // the remote redirects inside; an operator expects this in the audit as at creation
        audit.refusedOutbound(feedActor, "feed", f.apiRoot(), refusal.getMessage());
      }
      log.warn(
          "Feed {} failed: {} (next attempt in {} s)", f.name(), TaxiiClient.clip(why), backoff);
    }
  }

  /** The feed's credential, opened; a failure of the poll if this hub's key cannot open it. */
  private String secret(Feed f) {
    String stored =
        jdbc.sql("select secret from taxii_feed where id = ?")
            .param(f.id())
            .query(String.class)
            .optional()
            .orElse(null);
    if (stored == null) {
      return null;
    }
    return vault
        .open(stored, place(f.id()))
        .orElseThrow(
            () ->
                new TaxiiClient.Failure(
                    "credential",
                    "the stored credential cannot be opened with this hub's credential key ("
                        + vault.keyFile()
                        + "); replace it on the feeds page or with PUT /api/v1/feeds/"
                        + f.id()
                        + "/credential",
                    vault.keyFile(),
                    f.id()));
  }

  private String organisationCode(long id) {
    return jdbc.sql("select code from organisation where id = ?")
        .param(id)
        .query(String.class)
        .optional()
        .orElse(String.valueOf(id));
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  private static Optional<UUID> parseUuid(String s) {
    try {
      return s == null ? Optional.empty() : Optional.of(UUID.fromString(s));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Tlp tlp(String field, String value, Tlp fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Tlp.valueOf(
          value.strip().toUpperCase(java.util.Locale.ROOT).replace('+', '_').replace("TLP:", ""));
    } catch (IllegalArgumentException e) {
      throw new InvalidInput(field, "error.feed.tlp", value);
    }
  }

  private static void requireAdmin(Actor actor) {
    if (!actor.is(Role.PLATFORM_ADMIN)) {
      throw new Forbidden("error.feed.forbidden");
    }
  }

  private static Feed feed(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Feed(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("api_root"),
        rs.getString("remote_collection"),
        rs.getString("auth_kind"),
        rs.getString("username"),
        rs.getObject("local_collection", UUID.class),
        rs.getLong("originator_org"),
        Tlp.valueOf(rs.getString("default_tlp")),
        Tlp.valueOf(rs.getString("widest_tlp")),
        rs.getInt("poll_interval_s"),
        rs.getBoolean("enabled"),
        rs.getString("added_after"),
        instant(rs, "next_poll_at"),
        instant(rs, "last_poll_at"),
        instant(rs, "last_success_at"),
        rs.getString("last_error"),
        rs.getString("last_error_code"),
        rs.getArray("last_error_args") == null
            ? List.of()
            : List.of((String[]) rs.getArray("last_error_args").getArray()),
        instant(rs, "last_error_at"),
        rs.getInt("failures"),
        rs.getLong("objects_received"),
        rs.getLong("objects_refused"));
  }

  private static Instant instant(java.sql.ResultSet rs, String column)
      throws java.sql.SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
