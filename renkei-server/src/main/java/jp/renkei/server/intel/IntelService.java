package jp.renkei.server.intel;

import java.io.InputStream;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntConsumer;
import jp.renkei.engine.observable.Observable;
import jp.renkei.engine.policy.Audience;
import jp.renkei.engine.policy.Marking;
import jp.renkei.engine.policy.Relay;
import jp.renkei.engine.policy.Tlp;
import jp.renkei.engine.policy.Viewer;
import jp.renkei.engine.stix.GranularMarkings;
import jp.renkei.engine.stix.StixBundleReader;
import jp.renkei.engine.stix.StixMeta;
import jp.renkei.engine.stix.StixObservables;
import jp.renkei.engine.stix.StixTime;
import jp.renkei.engine.stix.StixValidator;
import jp.renkei.engine.stix.TlpMarkings;
import jp.renkei.engine.text.Names;
import jp.renkei.engine.text.UnitNames;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.audit.AuditLog;
import jp.renkei.server.audit.AuditLog.Detail;
import jp.renkei.server.directory.OrganisationNames;
import jp.renkei.server.directory.Role;
import jp.renkei.server.sharing.SharingGate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The STIX store: validates and stores incoming objects into collections, and answers reads with
 * only the objects the caller may see. Every read goes through {@link SharingGate}; the SQL filter
 * in front of it is an exact pre-selection of the same rule, and the policy re-checks every row.
 */
@Service
public class IntelService {

  /** Objects stored per transaction while ingesting. */
  static final int BATCH = 500;

  /** The index kind that links a sighting to what it sighted. */
  static final String SIGHTING_OF = "sighting_of";

  /** Ingests storing at least this many new objects refresh the planner's statistics. */
  static final int ANALYZE_AFTER = 10_000;

  /** A page holds at most this many objects, whatever the client asks. */
  public static final int MAX_PAGE = 1000;

  private final CollectionRepository collections;
  private final StixRepository objects;
  private final WithheldIdentities withheld;
  private final Correlator correlator;
  private final jp.renkei.server.advisory.AdvisoryService advisories;
  private final SharingGate gate;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final OrganisationNames names;
  private final StixValidator validator = new StixValidator();
  private final JsonMapper json = JsonMapper.builder().build();

  /** Rows a page has read from the store and handed to the policy since the hub started. */
  private final java.util.concurrent.atomic.LongAdder judged =
      new java.util.concurrent.atomic.LongAdder();

  IntelService(
      CollectionRepository collections,
      StixRepository objects,
      Correlator correlator,
      jp.renkei.server.advisory.AdvisoryService advisories,
      SharingGate gate,
      AuditLog audit,
      TransactionTemplate tx,
      OrganisationNames names,
      WithheldIdentities withheld) {
    this.collections = collections;
    this.objects = objects;
    this.correlator = correlator;
    this.advisories = advisories;
    this.gate = gate;
    this.audit = audit;
    this.tx = tx;
    this.names = names;
    this.withheld = withheld;
  }

  // ---- collections -------------------------------------------------------------------------

  /** The collections the actor may read or write, in a stable order. */
  public List<StixCollection> collections(Actor actor) {
    Viewer v = gate.viewer(actor);
    return collections.all().stream().filter(c -> canRead(v, c) || canWrite(actor, v, c)).toList();
  }

  /** A collection the actor may read or write; empty (as if absent) otherwise. */
  public Optional<StixCollection> collection(Actor actor, UUID id) {
    Viewer v = gate.viewer(actor);
    return collections.byId(id).filter(c -> canRead(v, c) || canWrite(actor, v, c));
  }

  /** Any collection by id, for the shell (the CLI acts as platform operator). */
  public Optional<StixCollection> collection(UUID id) {
    return collections.byId(id);
  }

  public Optional<StixCollection> collectionOfOrganisation(long organisationId) {
    return collections.ofOrganisation(organisationId);
  }

  public List<StixCollection> allCollections() {
    return collections.all();
  }

  /**
   * Creates a configured collection shared by the named organisations (platform admins): its
   * members read it, their analysts write it, and AMBER there reaches the members.
   */
  public StixCollection createCollection(
      Actor actor, String titleJa, String titleEn, Tlp defaultTlp, Set<Long> members) {
    if (!actor.is(Role.PLATFORM_ADMIN)) {
      throw new jp.renkei.server.failure.Forbidden("error.collection.forbidden");
    }
    if (titleJa == null || titleJa.isBlank() || titleJa.length() > 200) {
      throw new jp.renkei.server.failure.InvalidInput("titleJa", "error.collection.title");
    }
    if (members == null || members.isEmpty()) {
      throw new jp.renkei.server.failure.InvalidInput("members", "error.collection.members");
    }
    StixCollection c =
        collections.createCustom(
            titleJa.strip(),
            titleEn == null || titleEn.isBlank() ? titleJa.strip() : titleEn.strip(),
            defaultTlp == null ? Tlp.AMBER : defaultTlp,
            members);
    audit.recordAlone(
        actor,
        AuditLog.Event.success(
            "collection.create",
            "stix_collection",
            c.id(),
            Detail.of("collection.create", c.titleEn())));
    return c;
  }

  public boolean canRead(Actor actor, StixCollection c) {
    return canRead(gate.viewer(actor), c);
  }

  public boolean canWrite(Actor actor, StixCollection c) {
    return canWrite(actor, gate.viewer(actor), c);
  }

  /** Community collections are read by every member organisation; a private one by its own. */
  private static boolean canRead(Viewer v, StixCollection c) {
    if (v.isPublic()) {
      return false;
    }
    return switch (c.kind()) {
      case ORGANISATION -> c.organisationId().equals(v.organisationId());
      case CUSTOM -> c.members().contains(v.organisationId());
      default -> true;
    };
  }

  /**
   * Analysts and above write: the hub collection from any organisation, a sector's from its own
   * organisations and the national coordinator, a private one from its organisation only.
   */
  private static boolean canWrite(Actor actor, Viewer v, StixCollection c) {
    return !v.isPublic() && actor.is(Role.ANALYST) && writable(v, c);
  }

  /**
   * Whether objects may be stored in {@code c} for {@code organisationId} by something acting for
   * that organisation rather than one of its people (a TAXII feed, {@code renkei stix import
   * --as}): exactly where its analysts may write, and only while it is active. Whoever reads the
   * collection reads what is stored, and no organisation may share beyond the collections it writes
   * itself (attack30: a feed of one organisation filled another's private collection, whose owner
   * then read what the feed brought).
   */
  public boolean mayStoreFor(long organisationId, StixCollection c) {
    return gate.activeOrganisation(organisationId).map(v -> writable(v, c)).orElse(false);
  }

  /** The collections that may be filled for {@code organisationId} ({@link #mayStoreFor}). */
  public List<StixCollection> storableFor(long organisationId) {
    return gate.activeOrganisation(organisationId)
        .map(v -> collections.all().stream().filter(c -> writable(v, c)).toList())
        .orElse(List.of());
  }

  private static boolean writable(Viewer v, StixCollection c) {
    if (v.isPublic()) {
      return false;
    }
    return switch (c.kind()) {
      case HUB -> true;
      case SECTOR -> c.sectorCode().equals(v.sector()) || "nisc".equals(v.organisationType());
      case ORGANISATION -> c.organisationId().equals(v.organisationId());
      case ADVISORIES -> false; // published by the hub when an advisory is issued
      case CUSTOM -> c.members().contains(v.organisationId());
    };
  }

  /** Whom a collection's objects are addressed to, besides their TLP: see docs/taxii.md. */
  private record Community(Set<Long> recipients, Set<String> sectors) {}

  private Community community(StixCollection c) {
    return switch (c.kind()) {
      case SECTOR -> new Community(c.recipients(), Set.of(c.sectorCode()));
      case HUB, ORGANISATION, CUSTOM -> new Community(c.recipients(), Set.of());
      case ADVISORIES -> new Community(Set.of(), Set.of()); // each object: its advisory's audience
    };
  }

  private static Audience audience(Community k, Tlp tlp, long originator, Long person) {
    return Audience.of(Marking.tlp(tlp), originator, person)
        .withRecipientOrganisations(k.recipients())
        .withScope(k.sectors(), Set.of());
  }

  // ---- ingest ------------------------------------------------------------------------------

  /** What happened to one object of an envelope or file. */
  public record Outcome(
      int index, long line, String id, String version, String message, boolean alreadyStored) {
    public boolean ok() {
      return message == null;
    }
  }

  /** The result of one ingest: every object's outcome, and why reading stopped early if it did. */
  public record Ingest(
      List<Outcome> outcomes, String broken, int successes, int failures, int alreadyStored) {}

  /**
   * Validates and stores the objects of a bundle, envelope or array, streaming, in batches.
   *
   * @param originatorOrg the organisation the objects come from (always sees them)
   * @param defaultTlp the TLP of objects without a TLP marking; null = the collection's default
   * @param progress told the number of objects read so far after each batch
   */
  public Ingest ingest(
      Actor actor,
      StixCollection c,
      long originatorOrg,
      Tlp defaultTlp,
      InputStream in,
      IntConsumer progress) {
    return ingest(actor, c, originatorOrg, Marks.of(defaultTlp), null, null, in, progress);
  }

  /**
   * As {@link #ingest(Actor, StixCollection, long, Tlp, InputStream, IntConsumer)}, sharing nothing
   * more widely than {@code widest} (a feed's marking map: a remote's GREEN may be AMBER here), for
   * objects relayed from another hub or feed: an AMBER+STRICT one, or one under a marking this hub
   * cannot read, stays with {@code originatorOrg}, and a RED one is refused ({@link Relay}).
   */
  public Ingest ingest(
      Actor actor,
      StixCollection c,
      long originatorOrg,
      Tlp defaultTlp,
      Tlp widest,
      InputStream in,
      IntConsumer progress) {
    if (!mayStoreFor(originatorOrg, c)) {
      // TaxiiFeeds refuses such a feed when it is saved and before each poll; this is the last door
      throw new IllegalArgumentException(
          "organisation " + originatorOrg + " may not relay into collection " + c.id());
    }
    return ingest(
        actor, c, originatorOrg, new Marks(defaultTlp, widest, true), null, null, in, progress);
  }

  /**
   * How ingest marks what it stores: the TLP of an unmarked object (null: the collection's
   * default), the widest kept, and whether the objects are relayed from another hub or feed, whose
   * markings {@link Relay} maps.
   */
  private record Marks(Tlp unmarked, Tlp widest, boolean relay) {
    static Marks of(Tlp unmarked) {
      return new Marks(unmarked, Tlp.CLEAR, false);
    }
  }

  /**
   * As {@link #ingest(Actor, StixCollection, long, Tlp, InputStream, IntConsumer)}, taking only
   * objects of the types in {@code onlyTypes} (null: every type); any other object is refused in
   * its place with {@code why}, and nothing of it is stored. A TAXII client whose token may only
   * report sightings (scope {@code match}) posts through this.
   */
  public Ingest ingest(
      Actor actor,
      StixCollection c,
      long originatorOrg,
      Set<String> onlyTypes,
      String why,
      InputStream in) {
    return ingest(
        actor,
        c,
        originatorOrg,
        Marks.of(null),
        null,
        onlyTypes == null ? null : new OnlyTypes(onlyTypes, why),
        in,
        n -> {});
  }

  /** The object types a writer may post, and what it is told of any other. */
  private record OnlyTypes(Set<String> types, String why) {}

  /**
   * Stores an advisory's STIX bundle in the advisories collection, where each of its objects is
   * read under that advisory's own audience (see {@link #page}).
   */
  public Ingest publishAdvisory(long advisoryId, long issuerOrg, Long issuerPerson, String bundle) {
    StixCollection c =
        collections.all().stream()
            .filter(x -> x.kind() == StixCollection.Kind.ADVISORIES)
            .findFirst()
            .orElseThrow();
    Actor hub =
        new Actor(issuerPerson, "advisory-" + advisoryId, issuerOrg, Role.ANALYST, "publish", null);
    return ingest(
        hub,
        c,
        issuerOrg,
        Marks.of(null),
        advisoryId,
        null,
        new java.io.ByteArrayInputStream(bundle.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        n -> {});
  }

  private Ingest ingest(
      Actor actor,
      StixCollection c,
      long originatorOrg,
      Marks marks,
      Long sourceAdvisory,
      OnlyTypes only,
      InputStream in,
      IntConsumer progress) {
    List<Outcome> kept = new ArrayList<>();
    Ingest counted =
        ingest(actor, c, originatorOrg, marks, sourceAdvisory, only, in, progress, kept::add);
    return new Ingest(
        List.copyOf(kept),
        counted.broken(),
        counted.successes(),
        counted.failures(),
        counted.alreadyStored());
  }

  /**
   * Ingests without keeping the outcomes: each is handed to {@code each} as it is settled, so
   * memory stays flat for a bundle of any size ({@code renkei stix import}). The returned outcomes
   * list is empty; the counts are complete.
   */
  public Ingest ingest(
      Actor actor,
      StixCollection c,
      long originatorOrg,
      Tlp defaultTlp,
      InputStream in,
      IntConsumer progress,
      java.util.function.Consumer<Outcome> each) {
    return ingest(actor, c, originatorOrg, Marks.of(defaultTlp), null, null, in, progress, each);
  }

  private Ingest ingest(
      Actor actor,
      StixCollection c,
      long originatorOrg,
      Marks given,
      Long sourceAdvisory,
      OnlyTypes only,
      InputStream in,
      IntConsumer progress,
      java.util.function.Consumer<Outcome> each) {
    Marks marks =
        new Marks(
            given.unmarked() != null ? given.unmarked() : c.defaultTlp(),
            given.widest(),
            given.relay());
    Writer writer = writer(actor, originatorOrg);
    OthersNames othersNames = new OthersNames(originatorOrg);
    int[] tally = new int[3]; // ok, failed, already stored
    java.util.function.Consumer<Outcome> settle =
        o -> {
          tally[o.ok() ? 0 : 1]++;
          if (o.alreadyStored()) {
            tally[2]++;
          }
          each.accept(o);
        };
    List<Outcome> pending = new ArrayList<>(); // the current batch's objects, settled at flush
    List<StixRepository.NewObject> batch = new ArrayList<>();
    // objects as read (and parse refusals, in their place), prepared together once BATCH are here
    List<Read> reads = new ArrayList<>();
    int[] read = {0};
    Runnable store =
        () -> {
          // validation and serialisation dominate ingest and need nothing from each other: on all
          // cores, in order; what follows (duplicates in a batch, the batch itself) stays serial
          List<Prepared> prepared =
              reads.size() < PARALLEL_FROM
                  ? reads.stream().map(x -> prepare(x, marks, othersNames)).toList()
                  : reads.parallelStream().map(x -> prepare(x, marks, othersNames)).toList();
          reads.clear();
          for (Prepared p : prepared) {
            if (p.object() == null) {
              settle.accept(p.outcome());
              continue;
            }
            StixRepository.NewObject o = p.object();
            if (o.version() == null
                && batch.stream()
                    .anyMatch(b -> b.version() == null && b.stixId().equals(o.stixId()))) {
              // the same unversioned object twice in one batch: it is stored once
              Outcome x = p.outcome();
              settle.accept(new Outcome(x.index(), x.line(), x.id(), null, null, true));
              continue;
            }
            batch.add(o);
            pending.add(p.outcome());
          }
          flush(c, writer, actor.userId(), sourceAdvisory, batch, pending, settle);
          progress.accept(read[0]);
        };
    StixBundleReader.Result r =
        StixBundleReader.read(
            in,
            new StixBundleReader.Sink() {
              @Override
              public void object(int index, long line, JsonNode o) {
                read[0]++;
                if (only != null && !only.types().contains(o.path("type").asString(""))) {
                  reads.add(new Read(index, line, null, only.why(), o.path("id").asString(null)));
                } else {
                  reads.add(new Read(index, line, o, null, null));
                }
                if (reads.size() >= BATCH) {
                  store.run();
                }
              }

              @Override
              public void rejected(int index, long line, String message) {
                read[0]++;
                reads.add(new Read(index, line, null, message, null));
              }
            });
    store.run();
    audit.recordAlone(
        actor,
        AuditLog.Event.success(
            "stix.ingest",
            "stix_collection",
            c.id(),
            Detail.of("stix.ingest", tally[0], tally[1])));
    if (tally[0] - tally[2] >= ANALYZE_AFTER) {
      // a bulk load changes the tables' shape faster than autovacuum notices; without fresh
      // statistics the planner scans a whole collection for every page instead of its index
      objects.analyze();
    }
    return new Ingest(List.of(), r.broken(), tally[0], tally[1], tally[2]);
  }

  /** Below this many objects a batch is prepared on the calling thread alone. */
  static final int PARALLEL_FROM = 32;

  /** One object of the input as read, or the reader's refusal of one. */
  private record Read(int index, long line, JsonNode node, String refused, String refusedId) {}

  /** What storing one read object needs, or (object null) its outcome as a refusal. */
  private record Prepared(StixRepository.NewObject object, Outcome outcome) {}

  /**
   * Validates and prepares one object for storage; touches nothing shared but the validator and the
   * directory's names.
   */
  private Prepared prepare(Read x, Marks marks, OthersNames othersNames) {
    if (x.node() == null) {
      return new Prepared(
          null, new Outcome(x.index(), x.line(), x.refusedId(), null, x.refused(), false));
    }
    JsonNode o = x.node();
    List<StixValidator.Problem> problems = validator.validate(o);
    if (!problems.isEmpty()) {
      return refused(x, String.join("; ", problems.stream().map(Object::toString).toList()));
    }
    if (jp.renkei.engine.stix.ExerciseMarking.isExercise(o)) {
      // exercise data (【訓練】) never enters a collection of real work
      return refused(
          x,
          "exercise object (【訓練】 marking, label or x_renkei_exercise_run): exercise data"
              + " never enters a TAXII collection");
    }
    if ("identity".equals(o.path("type").asString("")) && o.path("name").isString()) {
      String why =
          nameRefusal(
              o.path("name").asString(),
              o.path("identity_class").asString(""),
              othersNames.looks());
      if (why != null) {
        return refused(x, why);
      }
    }
    String translated = translatedIdentityName(o, othersNames);
    if (translated != null) {
      return refused(x, translated);
    }
    StixMeta m = StixMeta.of(o);
    Tlp tlp;
    if (marks.relay()) {
      Optional<Tlp> kept =
          Relay.kept(m.tlp(), granularTlps(o), unreadable(m, o), marks.unmarked(), marks.widest());
      if (kept.isEmpty()) {
        return refused(
            x,
            "TLP:RED (on the object or a part of it): for the people the peer named, who are"
                + " nobody here; not kept (docs/taxii.md, Feeds)");
      }
      tlp = kept.get();
    } else {
      tlp = narrower(m.tlp().orElse(marks.unmarked()), marks.widest());
    }
    Instant version = m.version() == null ? null : m.version().truncatedTo(ChronoUnit.MICROS);
    List<String[]> values = new ArrayList<>();
    for (Observable obs : StixObservables.of(o)) {
      values.add(new String[] {obs.type().code(), obs.value()});
    }
    if ("sighting".equals(m.type()) && o.path("sighting_of_ref").isString()) {
      // indexed beside the values, so an indicator's sightings are found at once
      values.add(new String[] {SIGHTING_OF, o.path("sighting_of_ref").asString()});
    }
    return new Prepared(
        new StixRepository.NewObject(
            m.id(),
            m.type(),
            m.specVersion(),
            version,
            m.createdByRef(),
            m.markingRefs(),
            tlp,
            m.revoked(),
            json.writeValueAsString(o),
            values,
            sightedAt(m.type(), o),
            attributing(m.type(), o)),
        new Outcome(x.index(), x.line(), m.id(), version(o), null, false));
  }

  /**
   * The identities a sighting says saw it ({@code where_sighted_refs}): like its author, whom the
   * STIX says acted.
   */
  private static List<String> sightedAt(String type, JsonNode o) {
    if (!"sighting".equals(type) || !o.path("where_sighted_refs").isArray()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (JsonNode r : o.path("where_sighted_refs")) {
      if (r.isString() && r.asString().startsWith("identity--")) {
        out.add(r.asString());
      }
    }
    return out;
  }

  /**
   * The other references through which an object says whose it is, as {property, id} (attack28): a
   * sighting's {@code observed_data_refs} (the observed data it stands on: another organisation's
   * would have it read as that organisation's observation of the indicator), and every custom
   * {@code x_…_ref} or {@code x_…_refs} naming an identity ({@code x_opencti_created_by_ref},
   * {@code x_mitre_modified_by_ref}: the tools that read them take them for authorship, as {@code
   * created_by_ref}). Judged as the author is, in {@link #claimedByOthers}.
   */
  static List<String[]> attributing(String type, JsonNode o) {
    List<String[]> out = new ArrayList<>();
    if ("sighting".equals(type) && o.path("observed_data_refs").isArray()) {
      for (JsonNode r : o.path("observed_data_refs")) {
        if (r.isString()) {
          out.add(new String[] {"observed_data_refs", r.asString()});
        }
      }
    }
    for (var e : o.properties()) {
      String key = e.getKey();
      if (!key.startsWith("x_") || !(key.endsWith("_ref") || key.endsWith("_refs"))) {
        continue;
      }
      List<JsonNode> values = new ArrayList<>();
      if (e.getValue().isArray()) {
        e.getValue().forEach(values::add);
      } else {
        values.add(e.getValue());
      }
      for (JsonNode v : values) {
        if (v.isString() && v.asString().startsWith("identity--")) {
          out.add(new String[] {key, v.asString()});
        }
      }
    }
    return out;
  }

  /** The TLPs an object's granular markings give parts of it. */
  /**
   * Whether a relayed object's audience is set by a marking this hub cannot read: its own markings
   * name no TLP but something else (a C4TAP range, a peer's own definition), or a part of it is
   * marked by one.
   */
  private static boolean unreadable(StixMeta m, JsonNode o) {
    boolean own =
        m.tlp().isEmpty() && m.markingRefs().stream().anyMatch(r -> TlpMarkings.of(r).isEmpty());
    if (own) {
      return true;
    }
    for (JsonNode g : o.path("granular_markings")) {
      JsonNode ref = g.path("marking_ref");
      if (ref.isString() && TlpMarkings.of(ref.asString()).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static List<Tlp> granularTlps(JsonNode o) {
    List<Tlp> out = new ArrayList<>();
    for (JsonNode g : o.path("granular_markings")) {
      JsonNode ref = g.path("marking_ref");
      if (ref.isString()) {
        TlpMarkings.of(ref.asString()).ifPresent(out::add);
      }
    }
    return out;
  }

  /** An object read but not stored, with the reason (its id and version as given, if any). */
  private static Prepared refused(Read x, String why) {
    JsonNode o = x.node();
    String id = o.path("id").isString() ? o.path("id").asString() : null;
    return new Prepared(null, new Outcome(x.index(), x.line(), id, version(o), why, false));
  }

  private static Tlp narrower(Tlp a, Tlp b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static String version(JsonNode o) {
    JsonNode v = o.has("modified") ? o.get("modified") : o.get("created");
    return v == null ? null : v.asString(null);
  }

  /** The organisation objects are stored for, and what it may see of others' copies. */
  private record Writer(long organisation, ObjectCheck sees) {}

  /**
   * The writing organisation judged as a reader: the actor if it belongs to it, else (a feed, the
   * shell, the hub publishing an advisory) an analyst of that organisation.
   */
  private Writer writer(Actor actor, long originatorOrg) {
    Actor reader =
        Long.valueOf(originatorOrg).equals(actor.organisationId())
            ? actor
            : new Actor(null, actor.login(), originatorOrg, Role.ANALYST, actor.channel(), null);
    return new Writer(originatorOrg, objectCheck(reader));
  }

  /** Why a version of another organisation's object is refused. */
  static final String NOT_CREATOR =
      "this object was created by another organisation; only its creator may version, revoke or"
          + " republish it (STIX 2.1 section 3.6)";

  /**
   * Settles the objects of a batch that another organisation's copy, visible to the writer, already
   * claims: the same version in the same collection is already stored (the writer sees it); any
   * other version is refused. Only visible copies count, so what the writer is told never depends
   * on what it cannot see: an id it cannot see stored by someone else is simply its own copy. The
   * creator of an id (stix_creator) is never refused: copies others made under its id cannot stop
   * it versioning its own object. Objects without versions (cyber-observables, whose id is their
   * value) are each organisation's own and never refused. Returns the outcomes of the settled
   * objects by index.
   */
  private java.util.Map<Integer, Outcome> claimedByOthers(
      StixCollection c,
      Writer writer,
      List<StixRepository.NewObject> batch,
      List<Outcome> pending) {
    Set<String> versioned = new java.util.HashSet<>();
    for (StixRepository.NewObject o : batch) {
      if (o.version() != null) {
        versioned.add(o.stixId());
      }
    }
    // the creator is never held back by copies others made under its ids
    versioned.removeAll(objects.createdBy(versioned, writer.organisation()));
    java.util.Map<String, List<StixRepository.Copy>> seen = new java.util.HashMap<>();
    for (StixRepository.Copy k : objects.othersCopies(versioned, writer.organisation())) {
      if (writer
          .sees()
          .allows(
              k.collection(), k.tlp(), k.organisation(), k.person(), k.advisory(), k.stixId())) {
        seen.computeIfAbsent(k.stixId(), x -> new ArrayList<>()).add(k);
      }
    }
    java.util.Map<Integer, Outcome> settled = new java.util.HashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      StixRepository.NewObject o = batch.get(i);
      List<StixRepository.Copy> copies = seen.get(o.stixId());
      if (o.version() == null || copies == null) {
        continue;
      }
      Outcome x = pending.get(i);
      boolean same =
          copies.stream()
              .anyMatch(k -> k.collection().equals(c.id()) && k.version().equals(o.version()));
      settled.put(
          i,
          same
              ? new Outcome(x.index(), x.line(), x.id(), x.version(), null, true)
              : new Outcome(x.index(), x.line(), x.id(), x.version(), NOT_CREATOR, false));
    }
    // an author (created_by_ref) is an identity: one another organisation created, that the
    // writer sees, would have the object read as that organisation's (attack26: an operator's
    // indicator "created by" the national coordinator, as peers' tools and the STIX say it)
    Set<String> authors = new java.util.HashSet<>();
    for (StixRepository.NewObject o : batch) {
      if (o.createdByRef() != null) {
        authors.add(o.createdByRef());
      }
      // and who saw a sighting (attack27): "seen at" another organisation says it saw it
      authors.addAll(o.sightedAt());
      // and the other references that say whose it is (attack28)
      for (String[] r : o.attributing()) {
        authors.add(r[1]);
      }
    }
    authors.removeAll(objects.createdBy(authors, writer.organisation()));
    Set<String> othersAuthors = new java.util.HashSet<>();
    for (StixRepository.Copy k : objects.othersCopies(authors, writer.organisation())) {
      if (writer
          .sees()
          .allows(
              k.collection(), k.tlp(), k.organisation(), k.person(), k.advisory(), k.stixId())) {
        othersAuthors.add(k.stixId());
      }
    }
    for (int i = 0; i < batch.size(); i++) {
      StixRepository.NewObject o = batch.get(i);
      if (!settled.containsKey(i) && othersAuthors.contains(o.createdByRef())) {
        Outcome x = pending.get(i);
        settled.put(i, new Outcome(x.index(), x.line(), x.id(), x.version(), OTHERS_AUTHOR, false));
      } else if (!settled.containsKey(i)
          && o.sightedAt().stream().anyMatch(othersAuthors::contains)) {
        Outcome x = pending.get(i);
        settled.put(
            i, new Outcome(x.index(), x.line(), x.id(), x.version(), OTHERS_SIGHTER, false));
      } else if (!settled.containsKey(i)) {
        for (String[] r : o.attributing()) {
          if (othersAuthors.contains(r[1])) {
            Outcome x = pending.get(i);
            settled.put(
                i,
                new Outcome(
                    x.index(), x.line(), x.id(), x.version(), othersReference(r[0]), false));
            break;
          }
        }
      }
    }
    return settled;
  }

  /** Why an object naming another organisation's identity as its author is refused. */
  static final String OTHERS_AUTHOR =
      "created_by_ref names an identity created by another organisation; an object may name as its"
          + " author only an identity its own organisation created";

  /**
   * Why an identity carrying another organisation's name is refused (attack27b): B's identity named
   * "Bank A", or A's Japanese name, would have B's indicators created by it read as A's by peers
   * and every STIX reader, though its id is B's own.
   */
  static final String OTHERS_NAME =
      "name is that of another organisation in the directory (compared after NFKC, case, spaces,"
          + " separators and look-alike letters); an identity may carry its own organisation's"
          + " name or a name no organisation in the directory has";

  /**
   * Why an identity named as a unit of another organisation is refused (attack28): "Bank A SOC",
   * "CSIRT of Bank A", "A銀行 情報セキュリティ部" read as Bank A's to an analyst as much as "Bank A".
   */
  static final String OTHERS_UNIT =
      "name reads as a unit of another organisation in the directory (its name with only words of a"
          + " department, a team or a legal form around it, such as SOC, CSIRT, 部, 株式会社); an"
          + " identity of class organization, group, system or none may carry its own"
          + " organisation's name so, or a name of a body of its own (an ISAC, a CEPTOAR)";

  /**
   * Why a {@code language-content} object giving an identity's name in another language is refused
   * (attack31), or null: a tool showing the translation shows the identity by that name, so each
   * {@code contents.<language>.name} is judged as an identity's {@code name} is ({@link
   * #nameRefusal}, as an identity of no class: the translation does not say the class).
   */
  private static String translatedIdentityName(JsonNode o, OthersNames othersNames) {
    if (!"language-content".equals(o.path("type").asString(""))
        || !o.path("object_ref").asString("").startsWith("identity--")
        || !o.path("contents").isObject()) {
      return null;
    }
    for (var language : o.path("contents").properties()) {
      JsonNode name = language.getValue().path("name");
      if (name.isString()) {
        String why = nameRefusal(name.asString(), "", othersNames.looks());
        if (why != null) {
          return "contents." + language.getKey() + ".name: " + why;
        }
      }
    }
    return null;
  }

  /**
   * The identity classes whose names are never read as an organisation's unit: a person ("Yamada of
   * Bank A" is a person, whose employer a reader does not take as the author) and a class of
   * entities (a sector: "banks such as Bank A"). Organisations, groups, systems, unknown and no
   * class are.
   */
  static final Set<String> UNIT_FREE_CLASSES = Set.of("individual", "class");

  /**
   * Why an identity named {@code name}, of {@code identityClass}, is refused to a writer whose and
   * others' names {@code looks} so: {@link #OTHERS_NAME}, {@link #OTHERS_UNIT}, or null when it is
   * not. Ingest asks it of every identity; {@link StoredIdentityNames} of the stored ones.
   */
  static String nameRefusal(String name, String identityClass, OrganisationNames.Looks looks) {
    String n = Names.skeleton(name);
    if (looks.others().contains(n)) {
      return OTHERS_NAME;
    }
    if (!UNIT_FREE_CLASSES.contains(identityClass)
        && looks.others().stream().anyMatch(o -> UnitNames.looksAsUnitOf(n, o))
        && looks.own().stream().noneMatch(o -> UnitNames.looksAsUnitOf(n, o))) {
      return OTHERS_UNIT;
    }
    return null;
  }

  /**
   * How the names of the directory's organisations (the writer's and the others') look, read from
   * the directory once, when an ingest first meets an identity; safe from the threads preparing a
   * batch.
   */
  private final class OthersNames {
    private final long writer;
    private OrganisationNames.Looks looks;

    OthersNames(long writer) {
      this.writer = writer;
    }

    synchronized OrganisationNames.Looks looks() {
      if (looks == null) {
        looks = names.looks(writer);
      }
      return looks;
    }
  }

  /**
   * Why an object whose {@code property} names another organisation's object as whose it is, is
   * refused (attack28).
   */
  static String othersReference(String property) {
    return "observed_data_refs".equals(property)
        ? "observed_data_refs names observed data created by another organisation; a sighting may"
            + " stand only on its own organisation's observed data"
        : property
            + " names an identity created by another organisation; a custom reference to an"
            + " identity is read as authorship, and an object may name only its own"
            + " organisation's identities so";
  }

  /** Why a sighting saying another organisation's identity saw it is refused. */
  static final String OTHERS_SIGHTER =
      "where_sighted_refs names an identity created by another organisation; a sighting may say"
          + " only that its own organisation's identities saw it";

  private void flush(
      StixCollection c,
      Writer writer,
      Long person,
      Long sourceAdvisory,
      List<StixRepository.NewObject> batch,
      List<Outcome> pending,
      java.util.function.Consumer<Outcome> settle) {
    if (batch.isEmpty()) {
      return;
    }
    java.util.Map<Integer, Outcome> claimed = claimedByOthers(c, writer, batch, pending);
    if (!claimed.isEmpty()) {
      List<StixRepository.NewObject> mine = new ArrayList<>();
      List<Outcome> minePending = new ArrayList<>();
      for (int i = 0; i < batch.size(); i++) {
        Outcome settledHere = claimed.get(i);
        if (settledHere != null) {
          settle.accept(settledHere);
        } else {
          mine.add(batch.get(i));
          minePending.add(pending.get(i));
        }
      }
      batch.clear();
      pending.clear();
      batch.addAll(mine);
      pending.addAll(minePending);
      if (batch.isEmpty()) {
        return;
      }
    }
    long originatorOrg = writer.organisation();
    StixRepository.Inserted inserted =
        tx.execute(
            s -> {
              try {
                StixRepository.Inserted done =
                    objects.insert(c.id(), originatorOrg, person, sourceAdvisory, batch);
                correlator.correlate(done.values());
                return done;
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });
    for (int i = 0; i < batch.size(); i++) {
      Outcome o = pending.get(i);
      String version =
          o.version() != null
              ? o.version()
              : inserted.dateAdded()[i] != null
                  ? StixTime.formatMicros(inserted.dateAdded()[i])
                  : null;
      settle.accept(
          new Outcome(o.index(), o.line(), o.id(), version, null, inserted.dateAdded()[i] == null));
    }
    batch.clear();
    pending.clear();
  }

  // ---- reads -------------------------------------------------------------------------------

  /** One page of visible objects; {@code lastSeq} continues it ({@code more} says if needed). */
  public record Page(List<StoredObject> objects, boolean more, long lastSeq) {}

  /**
   * The objects of a collection the actor may see, after {@code afterSeq}, matching the query.
   * Granular markings the actor may not see are removed from the returned bodies.
   */
  public Page page(
      Actor actor, StixCollection c, ObjectQuery q, long afterSeq, int limit, boolean bodies) {
    return page(actor, c, q, afterSeq, limit, bodies, false);
  }

  /**
   * As {@link #page(Actor, StixCollection, ObjectQuery, long, int, boolean)}; {@code newestFirst}
   * reads the other way, the objects before {@code afterSeq} (0: from the newest), as the indicator
   * browser shows them.
   */
  public Page page(
      Actor actor,
      StixCollection c,
      ObjectQuery q,
      long afterSeq,
      int limit,
      boolean bodies,
      boolean newestFirst) {
    int want = Math.max(1, Math.min(limit, MAX_PAGE));
    SharingGate.Check check = gate.check(actor);
    Community k = community(c);
    // withheld identities (V398): read once for the page; none is the usual case and costs nothing
    java.util.Map<String, Long> withheldIds = withheld.current();
    java.util.function.Function<StoredObject, Audience> who =
        withholding(audiences(c, k), withheldIds);
    Set<String> hidden = hiddenFrom(check, withheldIds);
    StixRepository.Visibility vis =
        c.kind() == StixCollection.Kind.ADVISORIES
            ? advisoryReach(actor, check) // the policy judges each advisory's audience
            : visibility(actor, k, check);
    // the same audience object (see audiences) gets the same answer: ask the policy once each
    java.util.Map<Audience, Boolean> decided = new java.util.IdentityHashMap<>();
    java.util.function.Predicate<StoredObject> allowed =
        row -> decided.computeIfAbsent(who.apply(row), check::allows);
    // in the advisories collection the SQL cannot tell which other versions of an object a reader
    // may see, so "first" and "last" are judged here, among the versions the policy allows
    ObjectQuery.Versions ver = q.versions();
    boolean judgeVersions =
        c.kind() == StixCollection.Kind.ADVISORIES && !ver.all() && (ver.first() || ver.last());
    ObjectQuery asked =
        judgeVersions
            ? new ObjectQuery(
                q.addedAfter(),
                q.addedBefore(),
                q.ids(),
                q.types(),
                ObjectQuery.Versions.ALL,
                q.specVersions())
            : q;
    java.util.Map<String, Set<Long>> chosenVersions = new java.util.HashMap<>();
    List<StoredObject> out = new ArrayList<>();
    boolean more = false;
    long cursor = afterSeq;
    outer:
    while (true) {
      int ask = want + 1 - out.size();
      List<StoredObject> rows =
          objects.page(
              c.id(),
              vis,
              asked,
              cursor,
              ask,
              bodies,
              judgeVersions || !withheldIds.isEmpty(), // a withheld identity is known by its id
              newestFirst);
      judged.add(rows.size());
      for (StoredObject row : rows) {
        cursor = row.seq();
        if (!allowed.test(row)) {
          continue;
        }
        if (judgeVersions
            && !chosenVersions
                .computeIfAbsent(
                    row.stixId(),
                    id ->
                        matching(shown(versions(c.id(), id, vis), allowed), ver).stream()
                            .map(StoredObject::seq)
                            .collect(java.util.stream.Collectors.toSet()))
                .contains(row.seq())) {
          continue;
        }
        if (out.size() == want) {
          more = true;
          break outer;
        }
        out.add(bodies ? withheldFrom(redacted(row, k, check), hidden) : row);
      }
      if (rows.size() < ask) {
        break;
      }
    }
    long last = out.isEmpty() ? afterSeq : out.get(out.size() - 1).seq();
    return new Page(List.copyOf(out), more, last);
  }

  /** The stored versions of one object a page may judge (counted as read). */
  private List<StoredObject> versions(UUID collection, String id, StixRepository.Visibility vis) {
    List<StoredObject> all = objects.versions(collection, id, vis.reachKeys());
    judged.add(all.size());
    return all;
  }

  /** Rows pages have read from the store and handed to the policy since the hub started. */
  long rowsJudged() {
    return judged.sum();
  }

  /**
   * Writes the objects of a collection the actor may see, matching the query, as one STIX bundle
   * (read a page at a time through {@link #page}); returns how many it wrote.
   */
  public long writeBundle(Actor actor, StixCollection c, ObjectQuery q, java.io.OutputStream out)
      throws java.io.IOException {
    out.write(
        ("{\"type\":\"bundle\",\"id\":\"bundle--" + UUID.randomUUID() + "\",\"objects\":[")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    long n = 0;
    long cursor = 0;
    Page page;
    do {
      page = page(actor, c, q, cursor, MAX_PAGE, true);
      for (StoredObject o : page.objects()) {
        out.write((n++ == 0 ? "\n" : ",\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.write(o.json());
      }
      cursor = page.lastSeq();
    } while (page.more());
    out.write("\n]}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return n;
  }

  /** Whether an actor may see one stored object, given where it is and whom it came from. */
  @FunctionalInterface
  public interface ObjectCheck {
    /**
     * @param stixId the object's STIX id, for a withheld identity (V398), which only its storing
     *     organisation reads; null where the caller reads no identities (sightings, indicators)
     */
    boolean allows(
        UUID collection,
        Tlp tlp,
        long originatorOrg,
        Long originatorPerson,
        Long sourceAdvisory,
        String stixId);
  }

  /**
   * The policy for many stored objects of any collections, fixed to one actor: the collection must
   * be readable by the actor and the object's audience in that collection must include them.
   */
  public ObjectCheck objectCheck(Actor actor) {
    return objectCheck(actor, null, null);
  }

  /**
   * The same, with the collections {@code first} read at once, in one statement whatever their
   * number, even none, and the audiences of {@code firstAdvisories} (one of an id nothing has when
   * empty) (attack30b): a caller judging the copies of one object reads as much for an object with
   * hidden copies as for one that does not exist.
   */
  public ObjectCheck objectCheck(
      Actor actor, java.util.Collection<UUID> first, java.util.Collection<Long> firstAdvisories) {
    Viewer v = gate.viewer(actor);
    SharingGate.Check check = gate.check(actor);
    java.util.Map<UUID, Optional<Community>> readable = new java.util.HashMap<>();
    if (first != null) {
      java.util.Map<UUID, StixCollection> found = new java.util.HashMap<>();
      collections.byIds(Set.copyOf(first)).forEach(c -> found.put(c.id(), c));
      for (UUID id : first) {
        readable.put(
            id, Optional.ofNullable(found.get(id)).filter(c -> canRead(v, c)).map(this::community));
      }
    }
    // many objects come from one advisory: its audience read once
    java.util.Map<Long, Boolean> byAdvisory = new java.util.HashMap<>();
    if (firstAdvisories != null) {
      // each advisory's audience read now, and one of an id nothing has when there is none, so an
      // object of an advisory and one of a community collection do the same work (attack30b)
      for (long id : firstAdvisories.isEmpty() ? Set.of(-1L) : Set.copyOf(firstAdvisories)) {
        byAdvisory.put(id, advisories.audienceOf(id).map(check::allows).orElse(false));
      }
    }
    java.util.Map<String, Long> withheldIds = withheld.current();
    return (collection, tlp, org, person, advisory, stixId) -> {
      // the collection from the same read for every object, a withheld identity too (attack31: it
      // read its collection again, one statement more than for an object that does not exist)
      Optional<Community> k =
          readable.computeIfAbsent(
              collection,
              id -> collections.byId(id).filter(c -> canRead(v, c)).map(this::community));
      if (k.isEmpty()) {
        return false;
      }
      if (stixId != null && withheldIds.containsKey(stixId)) {
        // a withheld identity: its storing organisation's alone, wherever it is stored
        return check.allows(withheldAudience(org));
      }
      if (advisory != null) {
        return byAdvisory.computeIfAbsent(
            advisory, id -> advisories.audienceOf(id).map(check::allows).orElse(false));
      }
      return check.allows(audience(k.get(), tlp, org, person));
    };
  }

  /**
   * Who may read each row of a collection: the collection's community at the row's TLP, or in the
   * advisories collection the row's advisory's own audience (nobody, if the advisory is gone).
   */
  private java.util.function.Function<StoredObject, Audience> audiences(
      StixCollection c, Community k) {
    if (c.kind() != StixCollection.Kind.ADVISORIES) {
      // a page has few distinct (TLP, originator) pairs: one audience object for each
      record Key(Tlp tlp, long org, Long person) {}
      java.util.Map<Key, Audience> cache = new java.util.HashMap<>();
      return row ->
          cache.computeIfAbsent(
              new Key(row.tlp(), row.originatorOrg(), row.originatorPerson()),
              key -> audience(k, key.tlp(), key.org(), key.person()));
    }
    java.util.Map<Long, Audience> cache = new java.util.HashMap<>();
    return row ->
        cache.computeIfAbsent(
            row.sourceAdvisory() == null ? -1L : row.sourceAdvisory(),
            id ->
                advisories
                    .audienceOf(id)
                    .orElse(Audience.of(Marking.tlp(Tlp.RED), row.originatorOrg(), -1L)));
  }

  /**
   * The audience of a withheld identity's stored version (V398): the organisation that stored it,
   * nobody else (AMBER+STRICT with no recipient; the policy gives an originator its own objects).
   * It only narrows the audience a row had, so the sharing invariant holds.
   */
  private static Audience withheldAudience(long storingOrg) {
    return Audience.of(Marking.tlp(Tlp.AMBER_STRICT), storingOrg, null);
  }

  /** {@code who}, with each withheld identity's versions narrowed to their storing organisation. */
  private static java.util.function.Function<StoredObject, Audience> withholding(
      java.util.function.Function<StoredObject, Audience> who,
      java.util.Map<String, Long> withheldIds) {
    if (withheldIds.isEmpty()) {
      return who;
    }
    java.util.Map<Long, Audience> narrowed = new java.util.HashMap<>();
    return row ->
        row.stixId() != null && withheldIds.containsKey(row.stixId())
            ? narrowed.computeIfAbsent(row.originatorOrg(), IntelService::withheldAudience)
            : who.apply(row);
  }

  /**
   * The withheld identities this reader may not see (those not withheld for its own organisation):
   * the references the objects it is served must lose.
   */
  private static Set<String> hiddenFrom(
      SharingGate.Check check, java.util.Map<String, Long> withheldIds) {
    Set<String> hidden = new java.util.HashSet<>();
    withheldIds.forEach(
        (id, org) -> {
          if (!check.allows(withheldAudience(org))) {
            hidden.add(id);
          }
        });
    return hidden;
  }

  /** A served row without its references to the {@code hidden} identities, marked so. */
  private StoredObject withheldFrom(StoredObject row, Set<String> hidden) {
    if (hidden.isEmpty() || row.json() == null) {
      return row;
    }
    String body = row.body();
    if (hidden.stream().noneMatch(body::contains)) {
      return row;
    }
    JsonNode o = json.readTree(body);
    JsonNode seen = jp.renkei.engine.stix.AttributionWithheld.strip(o, hidden);
    if (seen == o) {
      return row;
    }
    return new StoredObject(
        row.seq(),
        row.stixId(),
        row.type(),
        row.specVersion(),
        row.version(),
        row.dateAdded(),
        row.tlp(),
        row.originatorOrg(),
        row.originatorPerson(),
        row.sourceAdvisory(),
        row.granular(),
        json.writeValueAsBytes(seen));
  }

  /**
   * For a search across collections: the markings at which other organisations' objects of each of
   * {@code readable} reach the actor, as keys {@code "<collection id>:<TLP>"} (the page's SQL
   * pre-selection, {@link #visibility}, asked of the policy for each collection), and every TLP of
   * the advisories collection, whose objects are judged by their advisory. The actor's own
   * organisation's and person's objects are not in it (they are the actor's whatever the marking).
   * Only narrows: {@link #objectCheck} still judges every row.
   */
  public String[] othersMarkings(Actor actor, List<StixCollection> readable) {
    SharingGate.Check check = gate.check(actor);
    List<String> keys = new java.util.ArrayList<>();
    for (StixCollection c : readable) {
      Set<Tlp> tlps =
          c.kind() == StixCollection.Kind.ADVISORIES
              ? EnumSet.allOf(Tlp.class)
              : visibility(actor, community(c), check).tlps();
      tlps.forEach(t -> keys.add(c.id() + ":" + t.name()));
    }
    return keys.toArray(String[]::new);
  }

  /**
   * The advisories collection's pre-selection: every marking (an object there is judged by its
   * advisory's audience, which the policy decides), narrowed to the objects listed under one of the
   * actor's reach keys (V353), so that objects of advisories whose audience its reach does not
   * admit are never read. Without the community's GREEN keys when the policy refuses the
   * community's GREEN to the actor now (a mode-gated organisation in normal mode).
   */
  private StixRepository.Visibility advisoryReach(Actor actor, SharingGate.Check check) {
    long other = actor.organisationId() == null || actor.organisationId() != -1L ? -1L : -2L;
    boolean community = check.allows(Audience.of(Marking.tlp(Tlp.GREEN), other, null));
    return new StixRepository.Visibility(
        actor.organisationId() == null ? -1L : actor.organisationId(),
        actor.userId() == null ? -1L : actor.userId(),
        EnumSet.allOf(Tlp.class),
        jp.renkei.server.sharing.ReachKeys.of(gate.reach(actor), community));
  }

  /** The exact SQL pre-selection of the policy for this collection: which TLPs reach the actor. */
  private static StixRepository.Visibility visibility(
      Actor actor, Community k, SharingGate.Check check) {
    Set<Tlp> tlps = EnumSet.noneOf(Tlp.class);
    for (Tlp t : Tlp.values()) {
      // an originator that is nobody: what the actor may see of others' objects
      if (check.allows(audience(k, t, -1L, null))) {
        tlps.add(t);
      }
    }
    long org = actor.organisationId() == null ? -1L : actor.organisationId();
    long person = actor.userId() == null ? -1L : actor.userId();
    return new StixRepository.Visibility(org, person, tlps);
  }

  private StoredObject redacted(StoredObject row, Community k, SharingGate.Check check) {
    if (!row.granular() || row.json() == null) {
      return row;
    }
    JsonNode o = json.readTree(row.json());
    JsonNode seen =
        GranularMarkings.redact(
            o,
            ref ->
                TlpMarkings.of(ref)
                    .map(
                        t ->
                            check.allows(
                                audience(k, t, row.originatorOrg(), row.originatorPerson())))
                    .orElse(true));
    if (seen == o) {
      return row;
    }
    return new StoredObject(
        row.seq(),
        row.stixId(),
        row.type(),
        row.specVersion(),
        row.version(),
        row.dateAdded(),
        row.tlp(),
        row.originatorOrg(),
        row.originatorPerson(),
        row.sourceAdvisory(),
        true,
        json.writeValueAsBytes(seen));
  }

  /** What a delete did. */
  public enum Deleted {
    /** Nothing the actor may see matched: answer as if the object never existed. */
    NOT_FOUND,
    /** The actor sees it but is not its originator. */
    NOT_ORIGINATOR,
    DELETED
  }

  /**
   * Deletes the actor's organisation's versions of an object that match the version filter; a
   * platform admin deletes any versions they can see. Another organisation's copy under the same id
   * (which the actor may see) is left alone: it is that organisation's own.
   */
  public Deleted delete(
      Actor actor, StixCollection c, String stixId, ObjectQuery.Versions versions) {
    ObjectQuery q =
        new ObjectQuery(
            null, null, List.of(stixId), List.of(), ObjectQuery.Versions.ALL, List.of());
    List<StoredObject> visible = new ArrayList<>();
    long after = 0;
    Page p;
    do {
      p = page(actor, c, q, after, MAX_PAGE, false);
      visible.addAll(p.objects());
      after = p.lastSeq();
    } while (p.more());
    if (visible.isEmpty()) {
      return Deleted.NOT_FOUND;
    }
    boolean admin = actor.is(Role.PLATFORM_ADMIN);
    List<StoredObject> own =
        admin
            ? visible
            : visible.stream()
                .filter(o -> Long.valueOf(o.originatorOrg()).equals(actor.organisationId()))
                .toList();
    List<StoredObject> chosen = matching(own, versions);
    if (chosen.isEmpty()) {
      return own.isEmpty() ? Deleted.NOT_ORIGINATOR : Deleted.NOT_FOUND;
    }
    List<StoredObject> doomed = chosen;
    tx.executeWithoutResult(
        s -> {
          int n = objects.delete(doomed.stream().map(StoredObject::seq).toList());
          audit.record(
              actor,
              AuditLog.Event.success(
                  "stix.delete", "stix_object", stixId, Detail.of("stix.delete", n, c.id())));
        });
    return Deleted.DELETED;
  }

  /**
   * The versions of one object a reader is shown among those stored: the ones it may see, and of
   * those only the creator's copy when it sees that (as the SQL of {@link StixRepository#page}).
   */
  private List<StoredObject> shown(
      List<StoredObject> versions, java.util.function.Predicate<StoredObject> allowed) {
    List<StoredObject> seen = versions.stream().filter(allowed).toList();
    if (seen.isEmpty()) {
      return seen;
    }
    Optional<Long> creator = objects.creatorOf(seen.get(0).stixId());
    List<StoredObject> creators =
        seen.stream()
            .filter(o -> creator.isPresent() && o.originatorOrg() == creator.get())
            .toList();
    return creators.isEmpty() ? seen : creators;
  }

  /** The versions of one object that a {@code match[version]} filter selects. */
  static List<StoredObject> matching(List<StoredObject> versions, ObjectQuery.Versions filter) {
    if (filter.all() || versions.isEmpty()) {
      return versions;
    }
    java.util.Comparator<StoredObject> byVersion =
        java.util.Comparator.comparing(StoredObject::version);
    StoredObject newest = versions.stream().max(byVersion).orElseThrow();
    StoredObject oldest = versions.stream().min(byVersion).orElseThrow();
    return versions.stream()
        .filter(
            o ->
                (filter.last() && o.version().equals(newest.version()))
                    || (filter.first() && o.version().equals(oldest.version()))
                    || filter.at().contains(o.version()))
        .toList();
  }
}
