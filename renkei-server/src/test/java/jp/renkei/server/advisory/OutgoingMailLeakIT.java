package jp.renkei.server.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.DirectoryService;
import jp.renkei.server.directory.Organisation;
import jp.renkei.server.directory.Role;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The advisory e-mails the hub really sends, read as a receiver reads them (GreenMail): an
 * organisation's mail carries its own advisories only — never the title, body, observables or
 * recipients of an advisory to another organisation issued beside it, never another recipient's
 * address in To, Cc or Bcc, no List-* header — and duty addresses of odd forms (a quoted local
 * part, an internationalised address, a host of 300 labels) end their delivery (sent or refused
 * with an error) without holding up the others.
 */
class OutgoingMailLeakIT extends ServerTest {

  @Autowired DirectoryService directory;
  @Autowired JdbcClient jdbc;

  private String unique(String prefix) {
    return Fixtures.unique(prefix).toLowerCase(Locale.ROOT);
  }

  private String issue(String title, String body, String observable, Organisation... to) {
    var nisc = http().bearer(fixtures.token(fixtures.user("nisc", Role.ANALYST)));
    StringBuilder codes = new StringBuilder();
    for (Organisation o : to) {
      codes.append(codes.isEmpty() ? "" : ",").append('"').append(o.code()).append('"');
    }
    String json =
        "{\"title\":\""
            + title
            + "\",\"body\":\""
            + body
            + "\",\"observables\":[\""
            + observable
            + "\"],\"tlp\":\"amber\",\"organisations\":["
            + codes
            + "]}";
    var r = nisc.postJson("/api/v1/advisories", json);
    assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
    return title;
  }

  /**
   * Every delivery of the advisory titled {@code title} is over: sent, or refused with an error.
   */
  private void awaitDelivered(String title) {
    await()
        .atMost(Duration.ofSeconds(90))
        .until(
            () ->
                jdbc.sql(
                            "select count(*) from outbox o join advisory_version v"
                                + " on v.advisory_id = o.advisory_id and v.version_no = o.version_no"
                                + " where v.title = ? and o.status = 'pending'"
                                + " and o.last_error is null")
                        .param(title)
                        .query(Integer.class)
                        .single()
                    == 0);
  }

  /** Every message received with {@code address} among its recipients. */
  private static List<MimeMessage> receivedBy(String address) throws Exception {
    List<MimeMessage> out = new ArrayList<>();
    for (MimeMessage m : MAIL.getReceivedMessages()) {
      if (recipients(m).contains(address.toLowerCase(Locale.ROOT))) {
        out.add(m);
      }
    }
    return out;
  }

  /** What a receiver can read of a message: every header, the raw and the decoded body. */
  private static String readable(MimeMessage m) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (Header h : Collections.list(m.getAllHeaders())) {
      sb.append(h.getName()).append(": ").append(h.getValue()).append('\n');
    }
    sb.append(m.getSubject()).append('\n');
    Object content = m.getContent();
    sb.append(content instanceof String s ? s : String.valueOf(content)).append('\n');
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    m.writeTo(raw);
    sb.append(raw.toString(StandardCharsets.UTF_8));
    return sb.toString();
  }

  private static List<String> recipients(MimeMessage m) throws Exception {
    List<String> out = new ArrayList<>();
    for (Message.RecipientType t :
        List.of(Message.RecipientType.TO, Message.RecipientType.CC, Message.RecipientType.BCC)) {
      Address[] as = m.getRecipients(t);
      if (as != null) {
        for (Address a : as) {
          out.add(a.toString().toLowerCase(Locale.ROOT));
        }
      }
    }
    return out;
  }

  @Test
  void eachOrganisationsMailCarriesItsOwnAdvisoriesAndAddressOnly() throws Exception {
    Organisation bank = fixtures.operator("finance");
    Organisation other = fixtures.operator("finance");
    String bankDuty = unique("duty") + "@bank-leak.example";
    String otherDuty = unique("soc") + "@other-leak.example";
    directory.setDelivery(Actor.cli(), bank.id(), bankDuty, null);
    directory.setDelivery(Actor.cli(), other.id(), otherDuty, null);

    String hiddenTitle =
        issue(unique("他組織宛の題名"), "HIDDENBODY" + unique("b"), "hidden-obs.example", other);
    String seenTitle = issue(unique("自組織宛の題名"), "SEENBODY", "seen-obs.example", bank);
    String bothTitle = issue(unique("両組織宛の題名"), "BOTHBODY", "both-obs.example", bank, other);
    awaitDelivered(hiddenTitle);
    awaitDelivered(seenTitle);
    awaitDelivered(bothTitle);

    List<MimeMessage> bankMail = receivedBy(bankDuty);
    assertThat(bankMail).as("the bank's two advisories").hasSize(2);
    for (MimeMessage m : bankMail) {
      String text = readable(m);
      assertThat(recipients(m)).containsExactly(bankDuty);
      assertThat(text)
          .doesNotContain(hiddenTitle, "HIDDENBODY", "hidden-obs", otherDuty, other.code())
          .doesNotContainIgnoringCase("\nList-");
    }
    for (MimeMessage m : receivedBy(otherDuty)) {
      String text = readable(m);
      assertThat(recipients(m)).containsExactly(otherDuty);
      assertThat(text).doesNotContain(seenTitle, "SEENBODY", "seen-obs", bankDuty, bank.code());
    }
  }

  @Test
  void oddDutyAddressesEndTheirDeliveryWithoutHoldingUpTheOthers() throws Exception {
    StringBuilder longHost = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      longHost.append("l").append(i).append('.');
    }
    List<String> odd =
        List.of(
            "\"duty officer\"@" + unique("q") + ".example",
            "担当者@" + unique("idn") + ".例え.jp",
            "duty@" + longHost + "example",
            "x".repeat(300) + "@" + unique("long") + ".example");
    List<Organisation> orgs = new ArrayList<>();
    for (String address : odd) {
      Organisation o = fixtures.operator("water");
      // stored as an older hub or the CLI may have stored it; the form refuses some of them
      jdbc.sql("update organisation set duty_email = ? where id = ?")
          .params(address, o.id())
          .update();
      orgs.add(o);
    }
    Organisation plain = fixtures.operator("water");
    String plainDuty = unique("plain") + "@water-leak.example";
    directory.setDelivery(Actor.cli(), plain.id(), plainDuty, null);
    List<Organisation> all = new ArrayList<>(orgs);
    all.add(plain);
    String title =
        issue(unique("宛先の形"), "ODDBODY", "odd-obs.example", all.toArray(Organisation[]::new));
    awaitDelivered(title);
    assertThat(receivedBy(plainDuty)).as("the plain address still got its mail").hasSize(1);
    for (int i = 0; i < odd.size(); i++) {
      String error =
          jdbc.sql(
                  "select coalesce(last_error, '') from outbox o join advisory_version v"
                      + " on v.advisory_id = o.advisory_id and v.version_no = o.version_no"
                      + " where v.title = ? and o.organisation_id = ? and o.channel = 'email'")
              .params(title, orgs.get(i).id())
              .query(String.class)
              .single();
      assertThat(error).as(odd.get(i)).doesNotContain("duty officer", "担当者", "l299", "xxxxxxxx");
    }
  }
}
