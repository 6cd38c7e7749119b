package jp.renkei.server.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.renkei.engine.audit.ChainVerifier;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.OrganisationQuery;
import jp.renkei.server.directory.Role;
import jp.renkei.server.listing.ListPage;
import jp.renkei.server.listing.ListQuery;
import jp.renkei.server.listing.ListSpec;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Browse and filter the audit log (days are entered and times shown in Japan time). The list is
 * built from {@link AuditLog#search} alone, so its rows, total and pages hold only the entries the
 * viewer may browse. Entries are shown without sequence numbers or hashes, and the chain check says
 * only whether it holds (see {@link AuditEntryRepresentation}).
 */
@Controller
class AuditPages {

  static final ZoneId JST = ZoneId.of("Asia/Tokyo");

  static final ListSpec SPEC =
      ListSpec.builder()
          .text()
          .field("action", "audit.filter.action")
          .field("actor", "audit.filter.actor")
          .field("org", "lists.audit.organisation")
          .messages(
              "outcome",
              "audit.filter.outcome",
              "audit.outcome.",
              List.of("success", "failure", "denied"))
          .period()
          .sort("time", "audit.col.time")
          .sort("action", "audit.col.action")
          .sort("actor", "audit.col.actor")
          .sort("outcome", "audit.col.outcome")
          .build();

  private final AuditLog audit;
  private final AuditCursors cursors;
  private final DirectoryService directory;
  private final MessageSource messages;
  private final ActorNames actorNames;

  AuditPages(
      AuditLog audit,
      AuditCursors cursors,
      DirectoryService directory,
      MessageSource messages,
      ActorNames actorNames) {
    this.audit = audit;
    this.cursors = cursors;
    this.directory = directory;
    this.messages = messages;
    this.actorNames = actorNames;
  }

  @GetMapping("/admin/audit")
  String list(
      Actor actor,
      @RequestParam Map<String, String> params,
      @RequestParam(defaultValue = "false") boolean verify,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    ListQuery query = SPEC.parse(params, response);
    // a bad query still asks: who may not browse the audit is told so before anything else
    List<AuditEntry> visible =
        audit.search(
            actor,
            new AuditFilter(
                blank(query.field("action")),
                blank(query.field("actor")),
                query.chosen("outcome").orElse(null),
                query.fromInstant(),
                query.toExclusive(),
                null,
                query.valid() ? AuditFilter.LIST_LIMIT : 1,
                organisations(directory, query.field("org"))));
    ListPage<AuditEntry> page =
        ListPage.of(
            query,
            visible,
            // the words the list shows for the action and the target are searched too
            e ->
                query.textMatches(
                    e.detail(),
                    said(e, messages, locale).text(),
                    e.targetType(),
                    e.targetId(),
                    e.action(),
                    word("audit.action.", e.action(), locale),
                    word("audit.target.", e.targetType(), locale)),
            Map.of(
                "time", ListPage.by(AuditEntry::occurredAt),
                "action", ListPage.by(AuditEntry::action),
                "actor", ListPage.by(AuditEntry::actor),
                "outcome", ListPage.by(AuditEntry::outcome)),
            AuditEntry::seq);
    model.addAttribute("page", page);
    model.addAttribute(
        "entries", page.rows().stream().map(e -> AuditEntryRepresentation.of(e, cursors)).toList());
    // who did it in words, the same as every page that quotes the audit log (ActorNames)
    model.addAttribute(
        "who",
        page.rows().stream()
            .map(e -> actorNames.name(actor, e.actor(), e.actorOrgId(), locale))
            .toList());
    // the detail in the reader's language where the entry has a code, else as recorded (English)
    model.addAttribute("said", page.rows().stream().map(e -> said(e, messages, locale)).toList());
    Map<String, String> titles = audit.targetTitles(actor, page.rows());
    model.addAttribute(
        "targets", page.rows().stream().map(e -> target(actor, e, titles, locale)).toList());
    model.addAttribute("zone", JST);
    if (verify && actor.is(Role.PLATFORM_ADMIN)) {
      ChainVerifier.Result chain = audit.verify();
      model.addAttribute("chainIntact", chain.intact());
      model.addAttribute(
          "chainProblem", chain.firstBreak().map(b -> b.problem().name()).orElse(null));
    }
    return "audit/list";
  }

  /**
   * The organisations whose name (Japanese or English) or code holds {@code text}, or null (any)
   * when it is empty: the directory the admin may read anyway. The audit log then keeps the entries
   * of their people among those the viewer may browse.
   */
  static Set<Long> organisations(DirectoryService directory, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return directory.find(new OrganisationQuery(null, null, text)).stream()
        .map(Organisation::id)
        .collect(Collectors.toSet());
  }

  /**
   * An entry's detail as the list shows it: {@code recorded} when it is the stored English text.
   */
  record Said(String text, boolean recorded) {}

  static Said said(AuditEntry e, MessageSource messages, Locale locale) {
    if (e.detailCode() != null) {
      String words =
          messages.getMessage(
              AuditLog.KEY_PREFIX + e.detailCode(), e.detailArgs().toArray(), null, locale);
      if (words != null) {
        return new Said(words, false);
      }
    }
    return new Said(e.detail() == null ? "" : e.detail(), e.detail() != null);
  }

  /**
   * An entry's target as the list shows it: its kind in words once, then its name where the reader
   * may see the object (a person they may know, an organisation of the directory, a shared object's
   * title the policy lets them read), else its id. {@code ref} is the recorded {@code type:id}.
   */
  record Target(String kind, String name, String id, String ref) {}

  private Target target(Actor viewer, AuditEntry e, Map<String, String> titles, Locale locale) {
    if (e.targetType() == null) {
      return null;
    }
    String kind = word("audit.target.", e.targetType(), locale);
    String ref = e.targetType() + ":" + (e.targetId() == null ? "-" : e.targetId());
    String name =
        switch (e.targetType()) {
          case "user" -> actorNames.targetPerson(viewer, e.targetId()).orElse(null);
          case "organisation" -> organisationName(e.targetId(), locale);
          default -> titles.get(ref);
        };
    return new Target(kind == null ? e.targetType() : kind, name, e.targetId(), ref);
  }

  /** The directory, which every member may read, names an organisation. */
  private String organisationName(String id, Locale locale) {
    if (id == null || !id.matches("\\d{1,18}")) {
      return null;
    }
    try {
      return directory.organisation(Long.parseLong(id)).name(locale);
    } catch (jp.renkei.server.failure.NotFound gone) {
      return null;
    }
  }

  private String word(String prefix, String code, Locale locale) {
    return code == null ? null : messages.getMessage(prefix + code, null, null, locale);
  }

  private static String blank(String s) {
    return s.isEmpty() ? null : s;
  }
}
