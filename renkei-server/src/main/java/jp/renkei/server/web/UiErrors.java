package jp.renkei.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import jp.renkei.server.failure.Busy;
import jp.renkei.server.failure.Forbidden;
import jp.renkei.server.failure.NotFound;
import jp.renkei.server.failure.RenkeiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * HTML rendering of errors that escape a page controller: the themed error page with the status and
 * a localised message. Form controllers handle {@code InvalidInput} themselves, so the person sees
 * the message beside the field with their input kept.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
@ControllerAdvice(annotations = Controller.class)
class UiErrors {

  private static final Logger log = LoggerFactory.getLogger(UiErrors.class);

  private final CurrentUserAdvice pageAttributes;

  UiErrors(CurrentUserAdvice pageAttributes) {
    this.pageAttributes = pageAttributes;
  }

  private ModelAndView themed(ModelAndView mv, HttpServletRequest request) {
    pageAttributes.addTo(mv, request);
    return mv;
  }

  @ExceptionHandler(RenkeiException.class)
  ModelAndView renkei(RenkeiException e, HttpServletRequest request, HttpServletResponse response) {
    int status = e instanceof NotFound ? 404 : e instanceof Forbidden ? 403 : 400;
    Object[] args = e.args();
    if (e instanceof NotFound nf) {
      // the kind of object in words (報告, exercise run), not the table name (report, exercise_run);
      // an unnamed kind keeps its code
      args =
          new Object[] {
            new org.springframework.context.support.DefaultMessageSourceResolvable(
                new String[] {"error.object." + nf.objectType()}, nf.objectType()),
            nf.objectId()
          };
    }
    return themed(page(response, status, e.messageKey(), args), request);
  }

  @ExceptionHandler(Busy.class)
  ModelAndView busy(Busy e, HttpServletRequest request, HttpServletResponse response) {
    response.setHeader("Retry-After", ApiErrors.retryAfter(e));
    // a page says what to do, not the hub's setting the API's problem names (ux37)
    String key =
        "error.uploadsAtOnce".equals(e.messageKey()) ? "error.page.uploadsAtOnce" : e.messageKey();
    return themed(page(response, e.status(), key, e.args()), request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ModelAndView badParameter(
      MethodArgumentTypeMismatchException e,
      HttpServletRequest request,
      HttpServletResponse response) {
    return themed(
        page(
            response,
            400,
            "error.badParameter",
            new Object[] {e.getName(), String.valueOf(e.getValue())}),
        request);
  }

  @ExceptionHandler(Exception.class)
  ModelAndView unexpected(Exception e, HttpServletRequest request, HttpServletResponse response)
      throws Exception {
    if (e instanceof org.springframework.web.servlet.resource.NoResourceFoundException
        || e instanceof org.springframework.web.ErrorResponse) {
      throw e; // framework errors with their own status go to the error page controller
    }
    if (NulText.in(e)) {
      log.info(
          "{} {}: a text with NUL refused by the database",
          request.getMethod(),
          request.getRequestURI());
      return themed(page(response, 400, "error.nulText", new Object[0]), request);
    }
    String incident = UUID.randomUUID().toString();
    log.error(
        "Unhandled error on {} {} (incident {})",
        request.getMethod(),
        request.getRequestURI(),
        incident,
        e);
    return themed(page(response, 500, "error.internal", new Object[] {incident}), request);
  }

  /**
   * The mail analysis page again, its form under the refusal, when an upload to it was refused for
   * its size before the page's controller ran (the container or the multipart reader): the analyst
   * is told the mail limit in words and can choose another file, instead of a generic error page
   * naming the hub's settings.
   */
  static ModelAndView mailUploadTooLarge(HttpServletResponse response) {
    response.setStatus(413);
    ModelAndView mv = new ModelAndView("mail/analyze");
    mv.addObject("error", "mail.error.tooLarge");
    mv.setStatus(org.springframework.http.HttpStatus.CONTENT_TOO_LARGE);
    return mv;
  }

  /**
   * The mail analysis page again, its form under the refusal, when an upload to it was refused
   * before the page's controller ran for another reason than its size (the person's uploads at
   * once): the refusal in words, the form to try again.
   */
  static ModelAndView mailUploadRefused(
      HttpServletResponse response, int status, String key, Object[] args) {
    response.setStatus(status);
    ModelAndView mv = new ModelAndView("mail/analyze");
    mv.addObject("error", key);
    mv.addObject("errorArgs", args);
    mv.setStatus(org.springframework.http.HttpStatusCode.valueOf(status));
    return mv;
  }

  /** Whether a refused request was the mail page's upload ({@code POST /mail}). */
  static boolean isMailUpload(String path) {
    return "/mail".equals(path) || "/mail/".equals(path);
  }

  static ModelAndView page(HttpServletResponse response, int status, String key, Object[] args) {
    response.setStatus(status);
    ModelAndView mv = new ModelAndView("error");
    mv.addObject("status", status);
    mv.addObject("messageKey", key);
    mv.addObject("messageArgs", args);
    mv.setStatus(org.springframework.http.HttpStatusCode.valueOf(status));
    return mv;
  }
}
