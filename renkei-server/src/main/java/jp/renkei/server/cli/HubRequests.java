package jp.renkei.server.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A CLI command's requests to a hub, with three bounds, each named with its option in the error
 * that it stops a request with: the connection ({@code --connect-timeout}), the beginning of the
 * answer ({@code --answer-timeout}, the JDK client's request timeout, which ends when the answer's
 * headers arrive) and the whole request with its answer read to the end ({@code --deadline}): a hub
 * that trickles its answer a byte at a time is given up there (harden33). Given up, the exchange is
 * left to the JDK client (Java 17 cannot abort it); the command ends with the error. Thread-safe.
 */
final class HubRequests {

  private final String command;
  private final Duration answer;
  private final Duration whole;
  private final Duration connect;
  private final HttpClient client;

  /**
   * @param command how errors begin ({@code --share}, {@code renkei probe})
   * @throws IllegalArgumentException naming the option when a bound is not positive
   */
  HubRequests(String command, Duration connect, Duration answer, Duration whole) {
    check("--connect-timeout", connect);
    check("--answer-timeout", answer);
    check("--deadline", whole);
    this.command = command;
    this.connect = connect;
    this.answer = answer;
    this.whole = whole;
    this.client = HttpClient.newBuilder().connectTimeout(connect).build();
  }

  static void check(String option, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(
          option + " must be longer than 0, not " + (d == null ? "none" : said(d)));
    }
  }

  /** Sends the request (its timeout set here) and reads the answer whole, within the bounds. */
  HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
    HttpRequest r = request.timeout(answer).build();
    String url = r.uri().toString();
    CompletableFuture<HttpResponse<String>> call =
        client.sendAsync(r, HttpResponse.BodyHandlers.ofString());
    try {
      return call.get(whole.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      call.cancel(true);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (TimeoutException e) {
      call.cancel(true);
      throw new IllegalArgumentException(
          command
              + ": "
              + url
              + " did not finish its answer within "
              + said(whole)
              + " (--deadline)");
    } catch (ExecutionException e) {
      Throwable why = e.getCause();
      if (why instanceof HttpConnectTimeoutException) {
        throw new IllegalArgumentException(
            command
                + ": cannot connect to "
                + url
                + " within "
                + said(connect)
                + " (--connect-timeout)");
      }
      if (why instanceof HttpTimeoutException) {
        throw new IllegalArgumentException(
            command
                + ": "
                + url
                + " did not begin to answer within "
                + said(answer)
                + " (--answer-timeout)");
      }
      if (why instanceof ConnectException || why.getCause() instanceof ConnectException) {
        throw new IllegalArgumentException(command + ": cannot connect to " + url);
      }
      throw why instanceof IOException io ? io : new IOException(String.valueOf(why), why);
    }
  }

  static String said(Duration d) {
    return d.toString().substring(2).toLowerCase(Locale.ROOT);
  }
}
