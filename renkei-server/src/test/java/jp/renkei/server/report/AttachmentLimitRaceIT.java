package jp.renkei.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.config.AttachmentProperties;
import jp.renkei.server.directory.Role;
import jp.renkei.server.directory.UserAccount;
import jp.renkei.server.failure.InvalidInput;
import jp.renkei.server.support.Fixtures;
import jp.renkei.server.support.Http;
import jp.renkei.server.support.ServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A report's attachment limits hold for uploads at once (attack35): two uploads of the last file a
 * report may take, the first still uncommitted when the second checks the limit, store one file and
 * refuse the other. The first upload is held inside its transaction until the second is seen
 * waiting on a lock in PostgreSQL, or has ended: no timing.
 */
class AttachmentLimitRaceIT extends ServerTest {

  @Autowired ReportAttachments attachments;
  @Autowired AttachmentProperties limits;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;

  long report(UserAccount u) {
    Http h = http();
    h.signIn(u.login(), Fixtures.PASSWORD);
    Map<String, String> f = ReportPagesIT.form(Fixtures.unique("添付競合"), "");
    f.put("route", "hotline");
    String location =
        h.postForm("/reports/new", "/reports", f).headers().firstValue("Location").orElseThrow();
    return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
  }

  static byte[] content(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  long waitingOnALock() {
    return jdbc.sql(
            "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                + " and query like '%report%' and datname = current_database()")
        .query(Long.class)
        .single();
  }

  @Test
  void twoUploadsOfTheLastFileAtOnceStoreOneAndRefuseTheOther() throws Exception {
    // an operator of its own: a report submitted by the demo bank would sit in every finance
    // reader's list, where RelayRedactionIT asserts the bank's name never shows
    UserAccount u = fixtures.user(fixtures.operator("finance"), Role.ANALYST);
    Actor actor = fixtures.actor(u);
    long report = report(u);
    for (int i = 1; i < limits.maxFiles(); i++) {
      attachments.upload(actor, report, "f" + i + ".txt", content("file " + i));
    }
    CountDownLatch inserted = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    CompletableFuture<Object> first =
        CompletableFuture.supplyAsync(
            () ->
                tx.execute(
                    s -> {
                      Object r =
                          attempt(() -> attachments.upload(actor, report, "a.txt", content("a")));
                      inserted.countDown();
                      await(commit);
                      return r;
                    }));
    assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Object> second =
        CompletableFuture.supplyAsync(
            () -> attempt(() -> attachments.upload(actor, report, "b.txt", content("b"))));
    for (int i = 0; i < 600 && !second.isDone() && waitingOnALock() == 0; i++) {
      Thread.sleep(50);
    }
    commit.countDown();
    Object a = first.get(30, TimeUnit.SECONDS);
    Object b = second.get(30, TimeUnit.SECONDS);
    assertThat(
            jdbc.sql("select count(*) from report_attachment where report_id = ?")
                .param(report)
                .query(Long.class)
                .single())
        .as("files stored on the report (limit %d)", limits.maxFiles())
        .isEqualTo(limits.maxFiles());
    assertThat(a).isInstanceOf(Long.class);
    assertThat(b).isInstanceOf(InvalidInput.class);
  }

  /** The new attachment's id, or the refusal. */
  static Object attempt(java.util.function.LongSupplier upload) {
    try {
      return upload.getAsLong();
    } catch (InvalidInput e) {
      return e;
    }
  }

  static void await(CountDownLatch l) {
    try {
      l.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
