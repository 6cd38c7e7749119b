package jp.renkei.server.exposure.discovery;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Role;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The scope and discovery pages, through the same services and access rules as the API: an
 * organisation declares its domains and ranges, reads the DNS TXT instructions and verifies a
 * domain; platform admins confirm declarations from a queue; an organisation starts discovery and
 * enumeration runs (in the background: an enumeration waits for a polite rate), reads their results
 * and refusals, and confirms or dismisses what was discovered.
 */
@Controller
class DiscoveryPages {

  private static final Logger log = LoggerFactory.getLogger(DiscoveryPages.class);

  private final ScopeService scopes;
  private final DiscoveryService discovery;
  private final DiscoveryViews views;

  /**
   * Runs started from the page, one after another on one daemon thread (each already waits for the
   * polite rate; several at once would only multiply the load on the organisation's hosts).
   */
  private final java.util.concurrent.ExecutorService executor =
      java.util.concurrent.Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "discovery-page-runs");
            t.setDaemon(true);
            return t;
          });

  DiscoveryPages(ScopeService scopes, DiscoveryService discovery, DiscoveryViews views) {
    this.scopes = scopes;
    this.discovery = discovery;
    this.views = views;
  }

  @GetMapping("/exposure/scope")
  String scope(Actor actor, Model model) {
    model.addAttribute(
        "scope",
        actor.organisationId() == null ? List.of() : scopes.list(actor, actor.organisationId()));
    model.addAttribute("mayDeclare", actor.organisationId() != null && actor.is(Role.ANALYST));
    model.addAttribute("pending", views.pending(actor));
    return "exposure/discovery/scope";
  }

  @PostMapping("/exposure/scope")
  String declare(
      Actor actor,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String value,
      Model model,
      HttpServletResponse response) {
    try {
      scopes.declare(actor, kind, value);
    } catch (InvalidInput e) {
      response.setStatus(400);
      model.addAttribute("formError", e);
      // what was typed stays in the form, to be corrected rather than typed again
      model.addAttribute("typedKind", kind);
      model.addAttribute("typedValue", value);
      return scope(actor, model);
    }
    return "redirect:/exposure/scope";
  }

  @PostMapping("/exposure/scope/{id}/verify")
  String verify(Actor actor, @PathVariable long id, Model model, HttpServletResponse response) {
    try {
      scopes.verifyByDns(actor, id);
    } catch (InvalidInput e) {
      response.setStatus(400);
      model.addAttribute("formError", e);
      return scope(actor, model);
    }
    return "redirect:/exposure/scope?verified";
  }

  @PostMapping("/exposure/scope/{id}/confirm")
  String confirm(Actor actor, @PathVariable long id) {
    scopes.confirm(actor, id);
    return "redirect:/exposure/scope?confirmed";
  }

  @GetMapping("/exposure/discovery")
  String runs(Actor actor, Model model) {
    model.addAttribute("runs", views.runs(actor));
    model.addAttribute(
        "found",
        actor.organisationId() == null
            ? List.of()
            : discovery.found(actor, actor.organisationId()));
    model.addAttribute("mayRun", actor.organisationId() != null && actor.is(Role.ANALYST));
    return "exposure/discovery/runs";
  }

  @PostMapping("/exposure/discovery/runs")
  String start(Actor actor, @RequestParam(required = false) String kind) {
    if (actor.organisationId() == null || !actor.is(Role.ANALYST)) {
      throw new Forbidden("error.forbidden");
    }
    String k = kind == null ? "" : kind;
    long orgId = actor.organisationId();
    long runId;
    try {
      runId = discovery.begin(actor, k);
    } catch (InvalidInput e) {
      if ("notice.discovery.error.running".equals(e.messageKey())) {
        return "redirect:/exposure/discovery?busy";
      }
      throw e;
    }
    executor.execute(
        () -> {
          try {
            discovery.execute(runId, orgId, k);
          } catch (RuntimeException e) {
            log.warn("Discovery run ({}) for organisation {} failed: {}", k, orgId, e.toString());
          }
        });
    return "redirect:/exposure/discovery?started";
  }

  @PostMapping("/exposure/discovered/{id}/confirm")
  String confirmFound(Actor actor, @PathVariable long id) {
    discovery.decide(actor, id, true);
    return "redirect:/exposure/discovery";
  }

  @PostMapping("/exposure/discovered/{id}/dismiss")
  String dismissFound(Actor actor, @PathVariable long id) {
    discovery.decide(actor, id, false);
    return "redirect:/exposure/discovery";
  }
}
