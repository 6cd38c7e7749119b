package jp.renkei.server.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.buf.ByteChunk;
import org.apache.tomcat.util.net.ApplicationBufferHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A minimum data rate for the small request bodies the hub reads (attack42): a body shorter than
 * {@code renkei.web.upload-size} with an announced length must arrive whole within {@code
 * renkei.web.body-wait} of its request's head, each further {@code renkei.web.body-min-rate} bytes
 * that arrive giving it one more second; else it is answered 408 with the connection closed, before
 * anything of the hub runs.
 *
 * <p>Tomcat waits for each next piece of a body up to its connection timeout (60 s) and has no
 * minimum data rate, and the CSRF check reads every form post for its token before anyone is known,
 * the sign-in form's too: a client trickling a byte now and then held a request thread for as long
 * as it liked, and a couple of hundred such connections, without an account, held all of them. This
 * valve reads such a body itself, never in a blocking read (it polls what the socket holds), and
 * hands it to Tomcat to be read again as the request's body (Tomcat's own replay, which its form
 * sign-in uses for a saved request), so the form parser and the handlers read it as before.
 *
 * <p>Bodies of at least {@code upload-size} or of unannounced length (chunked) are not read here:
 * holding them in memory before anyone is known would trade threads for heap. They are bounded by
 * count instead — multipart and other uploads per person ({@link UploadGate}; a multipart body of
 * nobody signed in is never read), large forms per instance ({@link LargeFormLimit}) — and a
 * legitimate large upload over a slow link keeps Tomcat's own per-read wait.
 *
 * <p>A thread sleeping for a body that has not come holds one of the {@link AwaitedBodies} places
 * (attack43): without them a client announcing small bodies and withholding them, each connection
 * re-opened as soon as it was answered 408, kept as many threads as it had connections. A body that
 * finds no place is given {@link #UNPLACED_WAIT_MS} to arrive, then answered at once, 429 when its
 * client's address holds all of its places and 503 when the instance's are held, both with {@code
 * Retry-After} and the connection closed.
 */
final class SlowBodyDeadline extends ValveBase {

  private static final Logger log = LoggerFactory.getLogger(SlowBodyDeadline.class);

  /** The longest pause between two looks at the socket while a body is slow to come. */
  private static final long MAX_POLL_MS = 20;

  /**
   * How long a body that finds no place may still take to arrive: what a body a moment behind its
   * head (the next TCP segment) needs, short enough that a client refused so holds a thread for
   * hardly longer than its request takes to parse.
   */
  static final long UNPLACED_WAIT_MS = 50;

  private final long smallBody;
  private final long waitNanos;
  private final long minRate;
  private final AwaitedBodies places;

  /**
   * @param smallBody bodies shorter than this (bytes) are read here
   * @param waitMs the time a body has from its request's head
   * @param minRate bytes that give the body one more second
   */
  SlowBodyDeadline(long smallBody, long waitMs, long minRate) {
    this(smallBody, waitMs, minRate, new AwaitedBodies(Integer.MAX_VALUE, Integer.MAX_VALUE));
  }

  /**
   * @param smallBody bodies shorter than this (bytes) are read here
   * @param waitMs the time a body has from its request's head
   * @param minRate bytes that give the body one more second
   * @param places the threads that may sleep for a body at once, in all and per client address
   */
  SlowBodyDeadline(long smallBody, long waitMs, long minRate, AwaitedBodies places) {
    super(true);
    if (waitMs < 1 || minRate < 1) {
      throw new IllegalArgumentException("body wait and minimum rate must be positive");
    }
    this.smallBody = smallBody;
    this.waitNanos = waitMs * 1_000_000L;
    this.minRate = minRate;
    this.places = places;
  }

  @Override
  public void invoke(Request request, Response response) throws IOException, ServletException {
    org.apache.coyote.Request coyote = request.getCoyoteRequest();
    long length = coyote.getContentLengthLong();
    if (length <= 0
        || length >= smallBody
        || !coyote.protocol().toString().startsWith("HTTP/1")
        || coyote.isFinished()
        || alreadyArrived(coyote, length)) {
      // nothing to wait for: whoever reads the body reads it from what Tomcat already holds
      getNext().invoke(request, response);
      return;
    }
    Into into = read(coyote, (int) length, request.getRemoteAddr());
    if (into.count == length) {
      ByteChunk body = new ByteChunk();
      body.setBytes(into.bytes, 0, into.count);
      // read again by whoever asks: the form parser, the CSRF check, a handler's stream
      coyote.action(ActionCode.REQ_SET_BODY_REPLAY, body);
      if (into.beyond) {
        // the last piece carried the start of a pipelined request, which the replay cannot give
        // back to Tomcat: the connection ends after this answer and the client sends it again
        response.setHeader("Connection", "close");
      }
      getNext().invoke(request, response);
      return;
    }
    if (into.gone) {
      // nothing can reach a client that closed its connection; no fault of the hub's, said in the
      // one line ClientInputErrors gives a client that goes away while a handler reads its body
      log.info(
          "{} {}: the client went away before its request was read ({} of {} bytes arrived)",
          request.getMethod(),
          request.getRequestURI(),
          into.count,
          length);
      coyote.action(ActionCode.DISABLE_SWALLOW_INPUT, null);
      return;
    }
    if (into.refusal != null) {
      busy(coyote, response, into.refusal);
      return;
    }
    refuse(coyote, response, into, length);
  }

  /** The whole body is already in Tomcat's buffer (the usual case: it came with the head). */
  private static boolean alreadyArrived(org.apache.coyote.Request coyote, long length) {
    try {
      coyote.action(ActionCode.AVAILABLE, Boolean.TRUE);
    } catch (RuntimeException e) {
      return false;
    }
    return coyote.getAvailable() >= length;
  }

  /**
   * Reads the body as it arrives — only what the socket already holds, never waiting in a read —
   * until it is whole, its deadline passes or its client goes away.
   */
  private Into read(org.apache.coyote.Request coyote, int length, String address) {
    Into into = new Into(length);
    into.start = System.nanoTime();
    long pause = 1;
    boolean placed = false;
    long unplacedSince = 0;
    try {
      while (into.count < length) {
        coyote.action(ActionCode.AVAILABLE, Boolean.TRUE);
        if (coyote.getAvailable() > 0) {
          int n = coyote.doRead(into);
          if (n < 0) {
            into.gone = true;
            break;
          }
          into.take(n);
          pause = 1;
          continue;
        }
        long now = System.nanoTime();
        // each minRate bytes that arrived give one more second
        long deadline = into.start + waitNanos + into.count * 1_000_000_000L / minRate;
        if (now - deadline >= 0) {
          break;
        }
        if (!placed) {
          // a thread sleeps for a body only in one of the places (attack43)
          AwaitedBodies.Refusal refusal = places.take(address);
          if (refusal == null) {
            placed = true;
          } else if (unplacedSince == 0) {
            unplacedSince = now | 1;
          } else if (now - unplacedSince >= UNPLACED_WAIT_MS * 1_000_000L) {
            into.refusal = refusal;
            break;
          }
        }
        Thread.sleep(Math.min(pause, Math.max(1, (deadline - now) / 1_000_000L)));
        pause = Math.min(MAX_POLL_MS, pause * 2);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      // the client went away: what arrived is all there is
      into.gone = true;
    } finally {
      if (placed) {
        places.giveBack(address);
      }
    }
    into.elapsedNanos = System.nanoTime() - into.start;
    return into;
  }

  /**
   * 408 with the connection closed, and Tomcat told not to read the rest: the client is not sending
   * it. Plain text in both languages, naming the settings: no part of the hub has run yet.
   */
  private void refuse(
      org.apache.coyote.Request coyote, Response response, Into arrived, long length) {
    long seconds = Math.max(1, waitNanos / 1_000_000_000L);
    String text =
        "リクエストの本文が時間内に届きませんでした。"
            + "本文は見出しから "
            + seconds
            + " 秒以内に届き、その後は毎秒 "
            + minRate
            + " バイト以上で届く必要があります。\n"
            + "The request body did not arrive in time: "
            + arrived.count
            + " of "
            + length
            + " bytes in "
            + arrived.elapsedNanos / 1_000_000L
            + " ms. A body shorter than renkei.web.upload-size must arrive within "
            + seconds
            + " s of the request's head (renkei.web.body-wait), each "
            + minRate
            + " bytes that arrive giving it one more second (renkei.web.body-min-rate).\n";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    try {
      response.setStatus(408);
      response.setContentType("text/plain;charset=UTF-8");
      response.setContentLength(bytes.length);
      response.setHeader("Connection", "close");
      // answered before Spring Security's header writer runs: the same headers, written here
      jp.renkei.server.security.SecurityHeaders.writeTo(response);
      response.getOutputStream().write(bytes);
      response.flushBuffer();
    } catch (IOException | RuntimeException e) {
      // the client went away: nothing to send it
    }
    coyote.action(ActionCode.DISABLE_SWALLOW_INPUT, null);
  }

  /**
   * 429 (this client's address holds its places) or 503 (the instance's are held), with {@code
   * Retry-After} and the connection closed, Tomcat told not to read the rest: the places are full,
   * so no thread waits for this body. Plain text in both languages, naming the settings.
   */
  private void busy(
      org.apache.coyote.Request coyote, Response response, AwaitedBodies.Refusal refusal) {
    long seconds = Math.max(1, waitNanos / 1_000_000_000L);
    boolean mine = refusal == AwaitedBodies.Refusal.ADDRESS;
    String text =
        (mine
                ? "この接続元からの本文を待つリクエストが多すぎます（同時に " + places.perAddress() + " 件まで）。"
                : "本文を待つリクエストが多すぎます（このサーバーで同時に " + places.atOnce() + " 件まで）。")
            + "本文を見出しと一緒に送るか、"
            + seconds
            + " 秒後にもう一度送ってください。\n"
            + (mine
                ? "Too many requests from this client address are waiting for their bodies (at most "
                    + places.perAddress()
                    + " at once, renkei.web.bodies-awaited-per-address)."
                : "Too many requests are waiting for their bodies (at most "
                    + places.atOnce()
                    + " at once on this server, renkei.web.bodies-awaited-at-once).")
            + " Send the body with the request's head, or again in "
            + seconds
            + " s.\n";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    try {
      response.setStatus(mine ? 429 : 503);
      response.setContentType("text/plain;charset=UTF-8");
      response.setContentLength(bytes.length);
      response.setHeader("Retry-After", Long.toString(seconds));
      response.setHeader("Connection", "close");
      // answered before Spring Security's header writer runs: the same headers, written here
      jp.renkei.server.security.SecurityHeaders.writeTo(response);
      response.getOutputStream().write(bytes);
      response.flushBuffer();
    } catch (IOException | RuntimeException e) {
      // the client went away: nothing to send it
    }
    coyote.action(ActionCode.DISABLE_SWALLOW_INPUT, null);
  }

  /** Where Tomcat puts what it read; copied into an array that grows with what arrived. */
  private static final class Into implements ApplicationBufferHandler {
    private ByteBuffer buffer = ApplicationBufferHandler.EMPTY_BUFFER;
    private final int length;
    private byte[] bytes;
    private int count;
    private int offered;
    long start;
    long elapsedNanos;

    /** The client closed its connection (or it failed) before the body was whole. */
    boolean gone;

    /** No place to wait for the body was free: why. */
    AwaitedBodies.Refusal refusal;

    /** Tomcat handed over bytes past the body (a pipelined request) that it will not get back. */
    boolean beyond;

    Into(int length) {
      this.length = length;
      this.bytes = new byte[Math.min(length, 8192)];
    }

    @Override
    public void setByteBuffer(ByteBuffer buffer) {
      this.buffer = buffer;
      this.offered = buffer.remaining();
    }

    /** Keeps the {@code n} bytes of the body Tomcat's last read gave. */
    void take(int n) {
      int keep = Math.min(n, length - count);
      if (keep > 0) {
        if (count + keep > bytes.length) {
          bytes =
              Arrays.copyOf(
                  bytes, (int) Math.min(length, Math.max(count + keep, 2L * bytes.length)));
        }
        buffer.get(bytes, count, keep);
        count += keep;
      }
      if (offered > n) {
        beyond = true;
      }
    }

    @Override
    public ByteBuffer getByteBuffer() {
      return buffer;
    }

    @Override
    public void expand(int size) {}
  }
}
