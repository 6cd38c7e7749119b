package jp.renkei.server.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The held uploads of the mail page are shared fairly (hostile27, proved there by {@code
 * HeldMessagesTest} alone; end to end here, attack28): through the page, with the instance's limits
 * made small, one person's uploads — more than their count, more than their bytes, or filling the
 * instance — let go only of their own oldest, and a colleague's held message stays shareable. When
 * the instance is full of others' messages, a new upload is not held (the page says so) rather than
 * evicting anyone's.
 */
@TestPropertySource(
    properties = {
      "renkei.mail.held.per-person=3",
      "renkei.mail.held.person-bytes=40KB",
      "renkei.mail.held.total-bytes=60KB",
      "renkei.mail.held.largest=40KB"
    })
class HeldFairnessIT extends ServerTest {

  private static final Pattern HELD = Pattern.compile("/mail/held/([A-Za-z0-9_-]+)/share");

  @Test
  void onePersonsUploadsNeverEvictAnothers() {
    Organisation bank = fixtures.operator("finance");
    Http a = signedIn(fixtures.user(bank, Role.ANALYST));
    Http b = signedIn(fixtures.user(bank, Role.ANALYST));
    Http c = signedIn(fixtures.user(fixtures.operator("finance"), Role.ANALYST));

    // A holds one message of 25 KB
    String keptA = upload(a, "a-1", 25);
    assertThat(keptA).isNotNull();

    // B uploads five small ones (past the count of 3): B's own two oldest go, A's stays
    List<String> ofB = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ofB.add(upload(b, "b-" + i, 2));
    }
    assertThat(ofB).doesNotContainNull();
    assertThat(shares(b, ofB.get(0))).isFalse();
    assertThat(shares(b, ofB.get(1))).isFalse();
    assertThat(shares(a, keptA)).as("A's upload after B's five").isTrue();

    // B uploads past its bytes (2 x 25 KB > 40 KB): again only B's own go
    String bigB1 = upload(b, "b-big-1", 25);
    String bigB2 = upload(b, "b-big-2", 25);
    assertThat(bigB2).isNotNull();
    assertThat(shares(b, bigB1)).isFalse();

    // the instance now holds A's 25 KB and B's 25 KB (60 KB at most): C's upload is not held,
    // and nobody's is let go for it
    String page = page(c, "c-1", 15);
    assertThat(page).contains("id=\"share-not-held\"").doesNotContain("id=\"share-held\"");
    assertThat(shares(a, keptA)).as("A's upload after C's").isTrue();
    assertThat(shares(b, bigB2)).as("B's upload after C's").isTrue();
  }

  private Http signedIn(UserAccount u) {
    Http h = new Http(port);
    assertThat(h.signIn(u.login(), Fixtures.PASSWORD).statusCode()).isEqualTo(302);
    return h;
  }

  /** The page after uploading a message of about {@code kb} KB. */
  private static String page(Http who, String name, int kb) {
    StringBuilder body = new StringBuilder();
    while (body.length() < kb * 1024 - 300) {
      body.append("Quarterly figures attached for review, line ")
          .append(body.length())
          .append("\r\n");
    }
    String eml =
        "From: Sender <sender@example.jp>\r\nTo: staff@example.jp\r\nSubject: "
            + name
            + "\r\nMessage-ID: <"
            + java.util.UUID.randomUUID()
            + "@example.jp>\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
            + body;
    var r =
        who.upload(
            "/mail", "/mail", "message", name + ".eml", eml.getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  /** The held message's share action after uploading one, or null when it was not held. */
  private static String upload(Http who, String name, int kb) {
    Matcher m = HELD.matcher(page(who, name, kb));
    return m.find() ? m.group() : null;
  }

  /**
   * Whether the uploader can still prepare the share of a held message. Shares at range RED and
   * checks only the preview; the draft it makes is the uploader's own.
   */
  private static boolean shares(Http who, String action) {
    var r = who.postForm("/mail", action, Map.of("range", "RED"));
    assertThat(r.statusCode()).as(r.body()).isIn(200, 404);
    return r.statusCode() == 200;
  }
}
