package jp.renkei.server.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a remote TAXII server's answer can put into a feed's failure (stored on the feed, shown on
 * its page, logged): where the envelope broke, never the remote's own words, and nothing that could
 * forge a log line or drive a terminal.
 */
class TaxiiClientRemoteTextTest {

  HttpServer remote;
  volatile String contentType;
  volatile byte[] body;

  @BeforeEach
  void start() throws Exception {
    remote = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    remote.createContext(
        "/",
        ex -> {
          ex.getResponseHeaders().add("Content-Type", contentType);
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    remote.start();
  }

  @AfterEach
  void stop() {
    remote.stop(0);
  }

  private TaxiiClient.Failure poll() {
    TaxiiClient client =
        TaxiiClient.forCommandLine(
            "http://127.0.0.1:" + remote.getAddress().getPort() + "/taxii2/api/", "c", null);
    return catchThrowableOfType(TaxiiClient.Failure.class, () -> client.objects(null, null));
  }

  @Test
  void anEnvelopeThatIsNotJsonIsToldByWhereItBrokeNotByTheRemotesText() {
    contentType = TaxiiClient.TAXII;
    // an unquoted token: the JSON parser's message would quote up to 256 of its characters
    body =
        "{\"more\":false,\"objects\":[{\"type\":\"indicator\",\n\"name\":東京の被害組織名_RED_only\u001b[31m}]}"
            .getBytes(StandardCharsets.UTF_8);
    TaxiiClient.Failure f = poll();
    assertThat(f.code()).isEqualTo("notJson");
    // the parser counts the column in bytes, up to the token's first character (東, 3 bytes)
    assertThat(f.args()).containsExactly("2", "10");
    assertThat(f.getMessage())
        .isEqualTo("the remote's envelope is not JSON (line 2, column 10)")
        .doesNotContain("被害組織名");
  }

  @Test
  void aBodyThatIsNotJsonAtAllSaysLineAndColumnOnly() {
    contentType = TaxiiClient.TAXII;
    body = "SessionExpired token=abcdef0123456789".getBytes(StandardCharsets.UTF_8);
    TaxiiClient.Failure f = poll();
    assertThat(f.code()).isEqualTo("notJson");
    assertThat(f.getMessage()).doesNotContain("SessionExpired", "abcdef");
  }

  @Test
  void aForeignContentTypeIsQuotedShortAndEscaped() {
    // 0x9b is the 8-bit CSI of a terminal; the header travels as ISO-8859-1
    contentType = "text/html; x=" + "\u009b".repeat(3) + "y".repeat(500);
    body = "<html>".getBytes(StandardCharsets.UTF_8);
    TaxiiClient.Failure f = poll();
    assertThat(f.code()).isEqualTo("contentType");
    assertThat(f.args().get(0)).hasSizeLessThanOrEqualTo(100).doesNotContain("\u009b");
    assertThat(f.args().get(0)).startsWith("text/html; x=\\u009b\\u009b\\u009b").endsWith("...");
    assertThat(f.getMessage()).doesNotContain("\u009b").hasSizeLessThan(200);
  }

  @Test
  void anEnvelopeGivingMoreTwiceIsRefusedWithWhereNotReadAsItsLastValue() {
    contentType = TaxiiClient.TAXII;
    // read as its last value, "more" would be false and the pull would stop with pages left
    body =
        "{\"more\":true,\"next\":\"p2\",\"objects\":[],\n  \"more\":false}"
            .getBytes(StandardCharsets.UTF_8);
    TaxiiClient.Failure f = poll();
    assertThat(f).as("refused").isNotNull();
    assertThat(f.code()).isEqualTo("duplicateKey");
    assertThat(f.args()).containsExactly("more", "2", "3");
    assertThat(f.getMessage())
        .isEqualTo("the remote's envelope gives the key \"more\" twice (line 2, column 3)");
  }

  @Test
  void aKeyOfItsOwnGivenTwiceIsRefusedWithoutQuotingIt() {
    contentType = TaxiiClient.TAXII;
    body = "{\"x_東京の被害組織名\":1,\"objects\":[],\"x_東京の被害組織名\":2}".getBytes(StandardCharsets.UTF_8);
    TaxiiClient.Failure f = poll();
    assertThat(f.code()).isEqualTo("duplicateKey");
    assertThat(f.args().get(0)).isEqualTo("?");
    assertThat(f.getMessage()).doesNotContain("被害組織名");
  }

  @Test
  void keysGivenTwiceInsideAnObjectAreLeftToTheBundleReader() {
    contentType = TaxiiClient.TAXII;
    // the reader refuses that object alone and keeps the others (StixBundleReader)
    body =
        "{\"more\":false,\"objects\":[{\"type\":\"indicator\",\"type\":\"malware\"}]}"
            .getBytes(StandardCharsets.UTF_8);
    TaxiiClient client =
        TaxiiClient.forCommandLine(
            "http://127.0.0.1:" + remote.getAddress().getPort() + "/taxii2/api/", "c", null);
    assertThat(client.objects(null, null).more()).isFalse();
  }

  @Test
  void aFailuresTextIsOneLineWithUnsafeCharactersEscaped() {
    assertThat(TaxiiClient.clip("a\r\nb\u001b[31mc\u0085d\u2028e\u202ef\u0000g"))
        .isEqualTo("a b\\u001b[31mc\\u0085d\\u2028e\\u202ef\\u0000g");
    assertThat(TaxiiClient.clip("x".repeat(300))).isEqualTo("x".repeat(300));
    assertThat(TaxiiClient.clip("x".repeat(301))).isEqualTo("x".repeat(297) + "...");
    // an escape is never cut in half, nor a character outside the BMP
    String cut = TaxiiClient.clip("x".repeat(295) + "\u0000" + "y".repeat(10));
    assertThat(cut).isEqualTo("x".repeat(295) + "...");
    String emoji = TaxiiClient.clip("x".repeat(296) + "😀" + "y".repeat(10));
    assertThat(emoji).isEqualTo("x".repeat(296) + "...");
    assertThat(TaxiiClient.clip("\ud800 lone")).isEqualTo("\\ud800 lone");
  }
}
