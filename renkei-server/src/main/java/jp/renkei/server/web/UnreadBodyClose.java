package jp.renkei.server.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.net.ApplicationBufferHandler;

/**
 * Closes the connection after an answer given without reading the whole request body, instead of
 * waiting for a body its client may never send (attack40).
 *
 * <p>When a handler answers without reading the body — a body refused by its announced length
 * ({@link RequestBodyLimit}), a request without a valid token or CSRF token, a second upload past
 * {@link UploadGate}, any route that takes no body — Tomcat reads and discards the rest before it
 * ends the answer (up to {@code server.tomcat.max-swallow-size}), each read waiting for up to the
 * connection timeout (60 s). A client that announced a body and sends nothing held a request thread
 * for that minute, and one trickling a byte now and then held it as long as it liked: a few hundred
 * such connections, without signing in, held every one of Tomcat's threads, and every other request
 * waited.
 *
 * <p>This valve, around every request, takes the rest while it keeps arriving (never in a blocking
 * read; at most {@code max-swallow-size}, 2 s in all, no gap of 200 ms; a chunked body not at all),
 * so a client that is sending its whole body keeps its connection as before; when the rest stops
 * coming it tells Tomcat not to wait for it (Tomcat's own way for a cancelled upload): the answer
 * is written whole and the connection closed. A client withholding its body now holds a thread for
 * 200 ms, one trickling it for 2 s at most.
 *
 * <p>It sleeps for more of the body only in one of the {@link AwaitedBodies} places, shared with
 * {@link SlowBodyDeadline} (attack43): when they are held, the connection is closed after the
 * answer at once, so clients trickling bodies the hub does not want hold no more threads than the
 * places, however many connections they open a second.
 */
final class UnreadBodyClose extends ValveBase {

  /** No more of the body for this long: the client is not sending it. */
  static final long IDLE_MS = 200;

  /** The longest a request thread spends on a body its handler did not read. */
  static final long TOTAL_MS = 2000;

  private static final long POLL_MS = 10;

  private final long maxSwallow;
  private final long idleNanos;
  private final long totalNanos;
  private final AwaitedBodies places;

  UnreadBodyClose(long maxSwallow) {
    this(maxSwallow, IDLE_MS, TOTAL_MS);
  }

  UnreadBodyClose(long maxSwallow, AwaitedBodies places) {
    this(maxSwallow, IDLE_MS, TOTAL_MS, places);
  }

  UnreadBodyClose(long maxSwallow, long idleMs, long totalMs) {
    this(maxSwallow, idleMs, totalMs, new AwaitedBodies(Integer.MAX_VALUE, Integer.MAX_VALUE));
  }

  UnreadBodyClose(long maxSwallow, long idleMs, long totalMs, AwaitedBodies places) {
    super(true);
    this.places = places;
    this.maxSwallow = maxSwallow;
    this.idleNanos = idleMs * 1_000_000L;
    this.totalNanos = totalMs * 1_000_000L;
  }

  @Override
  public void invoke(Request request, Response response) throws IOException, ServletException {
    try {
      getNext().invoke(request, response);
    } finally {
      if (!request.isAsync()) {
        closeIfBodyIsStillComing(request, response);
      }
    }
  }

  private void closeIfBodyIsStillComing(Request request, Response response) {
    org.apache.coyote.Request coyote = request.getCoyoteRequest();
    boolean chunked =
        coyote.getContentLengthLong() < 0 && coyote.getHeader("Transfer-Encoding") != null;
    if (!(chunked || coyote.getContentLengthLong() > 0) || coyote.isFinished()) {
      return;
    }
    // a chunked body is not taken: reading a chunk's header may wait for its next byte
    if (!chunked && takeWhatHasArrived(coyote, request.getRemoteAddr())) {
      return;
    }
    // Tomcat marks the request an error when told not to drain, and an answer not yet sent whose
    // status is under 400 becomes a 500 (the sign-in redirect of a page POST of nobody signed in,
    // MultipartAtOnceIT): the answer's head goes out first, as written, saying the connection
    // closes
    if (!response.isCommitted()) {
      response.setHeader("Connection", "close");
      try {
        response.flushBuffer();
      } catch (IOException e) {
        // the client went away: nothing to send it
      }
    }
    coyote.action(ActionCode.DISABLE_SWALLOW_INPUT, null);
  }

  /**
   * Reads and drops the rest of the body while it keeps arriving — never waiting for it in a
   * blocking read, and giving up when nothing more came for {@link #IDLE_MS} or after {@link
   * #TOTAL_MS} in all — so a client still sending a body the handler did not want (a large JSON
   * body with an expired token over a slow link) still reads its answer; true if that was all.
   */
  private boolean takeWhatHasArrived(org.apache.coyote.Request coyote, String address) {
    boolean placed = false;
    try {
      Dropped dropped = new Dropped();
      long budget = maxSwallow;
      long start = System.nanoTime();
      long lastData = start;
      while (budget > 0 && !coyote.isFinished()) {
        // what the socket holds now, read without blocking: the read below then waits for nothing
        coyote.action(ActionCode.AVAILABLE, Boolean.TRUE);
        long now = System.nanoTime();
        if (coyote.getAvailable() <= 0) {
          if (now - lastData >= idleNanos || now - start >= totalNanos) {
            return false;
          }
          if (!placed) {
            // no place to wait in (attack43): closed after the answer at once
            if (places.take(address) != null) {
              return false;
            }
            placed = true;
          }
          Thread.sleep(POLL_MS);
          continue;
        }
        int n = coyote.doRead(dropped);
        if (n <= 0) {
          break;
        }
        budget -= n;
        lastData = now;
      }
      return coyote.isFinished();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (IOException | RuntimeException e) {
      // the client went away: nothing to wait for
      return false;
    } finally {
      if (placed) {
        places.giveBack(address);
      }
    }
  }

  /** Where Tomcat puts what it read; the bytes are dropped. */
  private static final class Dropped implements ApplicationBufferHandler {
    private ByteBuffer buffer = ApplicationBufferHandler.EMPTY_BUFFER;

    @Override
    public void setByteBuffer(ByteBuffer buffer) {
      this.buffer = buffer;
    }

    @Override
    public ByteBuffer getByteBuffer() {
      return buffer;
    }

    @Override
    public void expand(int size) {}
  }
}
