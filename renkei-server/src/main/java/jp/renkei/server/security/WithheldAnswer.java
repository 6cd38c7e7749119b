package jp.renkei.server.security;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.PrintWriter;
import java.io.Writer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The response of a write made with a token that may not read (scope {@code write} without {@code
 * read}): a successful answer's body is dropped, whatever route wrote it, so the token reads
 * nothing through its writes that a GET would refuse it (attack28; attack27 withheld it route by
 * route). {@code 200} becomes {@code 204}; another success keeps its status and headers ({@code
 * 201} its {@code Location}, the id of what the caller made). An error (status 300 and above) is
 * written as it is: it names what was wrong with the request. A handler marked {@link
 * AnswersWithoutRead} answers as it wrote.
 *
 * <p>The choice is made when the body is first written, when the status is known: Spring sets the
 * status and headers of an answer before it opens the body.
 */
final class WithheldAnswer extends HttpServletResponseWrapper {

  private final HttpServletRequest request;
  private Boolean withheld;

  WithheldAnswer(HttpServletRequest request, HttpServletResponse response) {
    super(response);
    this.request = request;
  }

  /** Whether a token with {@code scopes} is told nothing by this request's successful answer. */
  static boolean applies(TokenScopeRules.Rule rule, java.util.Set<?> scopes) {
    return rule.isPlainWrite() && !scopes.contains(jp.renkei.server.directory.TokenScope.READ);
  }

  /** Whether the answer as it stands now would be withheld. */
  private boolean wouldWithhold() {
    if (withheld != null) {
      return withheld;
    }
    int status = getStatus();
    if (status < 200 || status >= 300) {
      return false;
    }
    Object handler = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
    return !(handler instanceof HandlerMethod m && m.hasMethodAnnotation(AnswersWithoutRead.class));
  }

  /** Decides at the first write of the body; from then on the choice holds. */
  private boolean decide() {
    if (withheld == null) {
      withheld = wouldWithhold();
      if (withheld && !isCommitted()) {
        if (getStatus() == 200) {
          super.setStatus(204);
        }
        super.setContentType(null);
        super.setContentLengthLong(-1);
      }
    }
    return withheld;
  }

  @Override
  public ServletOutputStream getOutputStream() throws java.io.IOException {
    return decide() ? new Discarding() : super.getOutputStream();
  }

  @Override
  public PrintWriter getWriter() throws java.io.IOException {
    return decide() ? new PrintWriter(Writer.nullWriter()) : super.getWriter();
  }

  @Override
  public void setContentLength(int len) {
    if (!wouldWithhold()) {
      super.setContentLength(len);
    }
  }

  @Override
  public void setContentLengthLong(long len) {
    if (!wouldWithhold()) {
      super.setContentLengthLong(len);
    }
  }

  @Override
  public void setHeader(String name, String value) {
    if (!(isBodyHeader(name) && wouldWithhold())) {
      super.setHeader(name, value);
    }
  }

  @Override
  public void addHeader(String name, String value) {
    if (!(isBodyHeader(name) && wouldWithhold())) {
      super.addHeader(name, value);
    }
  }

  @Override
  public void setContentType(String type) {
    if (!wouldWithhold()) {
      super.setContentType(type);
    }
  }

  private static boolean isBodyHeader(String name) {
    return "Content-Length".equalsIgnoreCase(name)
        || "Content-Type".equalsIgnoreCase(name)
        || "Content-Disposition".equalsIgnoreCase(name);
  }

  /** The body of a withheld answer: written, and never sent. */
  private static final class Discarding extends ServletOutputStream {
    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      try {
        listener.onWritePossible();
      } catch (java.io.IOException e) {
        listener.onError(e);
      }
    }
  }
}
