package jp.renkei.server.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The servlet container's error page (unknown paths, errors raised before a controller): the same
 * three renderings as the advices (problem+json, a TAXII error message, a themed page), chosen by
 * path, never a stack trace or a Whitelabel page.
 */
@Controller
class ErrorPages implements ErrorController {

  private static final tools.jackson.databind.json.JsonMapper TAXII_JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();

  private final MessageSource messages;
  private final org.springframework.core.env.Environment env;

  ErrorPages(MessageSource messages, org.springframework.core.env.Environment env) {
    this.messages = messages;
    this.env = env;
  }

  @RequestMapping("/error")
  Object error(HttpServletRequest request, HttpServletResponse response) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    // asked for by name (not the container's error dispatch): the page does not exist
    int status =
        request.getDispatcherType() != DispatcherType.ERROR
            ? 404
            : code instanceof Integer i ? i : 500;
    String path = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
    String key = keyFor(status);
    if (path.startsWith("/api/") || path.startsWith("/actuator/")) {
      ProblemDetail p =
          ProblemDetail.forStatusAndDetail(
              HttpStatusCode.valueOf(status),
              messages.getMessage(key, new Object[] {"-"}, key, LocaleContextHolder.getLocale()));
      p.setInstance(URI.create(path));
      return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
    if (path.startsWith("/taxii2/")) {
      // a TAXII client reads a TAXII error message (§3.6.1), in English as the others
      HttpStatus s = HttpStatus.resolve(status);
      tools.jackson.databind.node.ObjectNode e = TAXII_JSON.createObjectNode();
      e.put("title", s == null ? "Error" : s.getReasonPhrase());
      e.put(
          "description",
          messages.getMessage(key, new Object[] {"-"}, key, java.util.Locale.ENGLISH));
      e.put("http_status", String.valueOf(status));
      return ResponseEntity.status(status)
          .header("Content-Type", "application/taxii+json;version=2.1")
          .body(e.toString());
    }
    if (status == 403
        && request.getAttribute(jp.renkei.server.security.AdminPageRefusal.NEEDED)
            instanceof jp.renkei.server.directory.Role needed
        && request.getAttribute(jp.renkei.server.security.AdminPageRefusal.HELD)
            instanceof jp.renkei.server.directory.Role held) {
      // an admin page refused to a signed-in person: which role it is for, theirs, whom to ask
      String n = needed.name().toLowerCase(java.util.Locale.ROOT);
      return UiErrors.page(
          response,
          403,
          "error.page.needsRole",
          new Object[] {
            new org.springframework.context.support.DefaultMessageSourceResolvable("role." + n),
            new org.springframework.context.support.DefaultMessageSourceResolvable(
                "role." + held.name().toLowerCase(java.util.Locale.ROOT)),
            new org.springframework.context.support.DefaultMessageSourceResolvable(
                "error.page.whoCan." + n)
          });
    }
    if (status == 429
        && request.getAttribute(jp.renkei.server.security.UploadPlaces.REFUSED_AT_ONCE)
            instanceof jp.renkei.server.security.UploadPlaces.AtOnce refused) {
      // a page's upload past the person's uploads at once (MultipartGate): said in words, without
      // the hub's setting, and on the mail page with its form to try again (ux37)
      Object[] args = {refused.perPerson(), UploadGate.RETRY_AFTER.toSeconds()};
      return UiErrors.isMailUpload(refused.path())
          ? UiErrors.mailUploadRefused(response, 429, "error.page.uploadsAtOnce", args)
          : UiErrors.page(response, 429, "error.page.uploadsAtOnce", args);
    }
    if (request.getAttribute(EarlyRefusal.PAGE) instanceof EarlyRefusal.Page early) {
      // a page's body refused before it was read (RequestBodyLimit, LargeFormLimit): the themed
      // page in the person's words, not problem+json (share38)
      return UiErrors.page(response, status, early.key(), early.args());
    }
    if (status == 413 && UiErrors.isMailUpload(path)) {
      return UiErrors.mailUploadTooLarge(response);
    }
    if (status == 413) {
      // what was too big and the limit in megabytes, not the container's setting (ux36)
      Object[] said = TooLargeForm.keyAndArgs(request, env);
      return UiErrors.page(response, 413, (String) said[0], (Object[]) said[1]);
    }
    ModelAndView mv = UiErrors.page(response, status, key, new Object[] {"-"});
    return mv;
  }

  private static String keyFor(int status) {
    HttpStatus s = HttpStatus.resolve(status);
    if (s == null) {
      return "error.internal";
    }
    return switch (s) {
      case NOT_FOUND -> "error.page.notFound";
      case FORBIDDEN -> "error.forbidden";
      case UNAUTHORIZED -> "error.unauthorized";
      case METHOD_NOT_ALLOWED -> "error.methodNotAllowed";
      case BAD_REQUEST -> "error.badRequest";
      case CONTENT_TOO_LARGE -> "error.tooLarge";
      default -> s.is4xxClientError() ? "error.badRequest" : "error.internal";
    };
  }
}
