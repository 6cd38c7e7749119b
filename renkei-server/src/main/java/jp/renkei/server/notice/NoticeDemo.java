package jp.renkei.server.notice;

import java.io.IOException;
import java.io.UncheckedIOException;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.directory.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * NOTICE in the demo hub: two telecom operators and a cable operator as ISPs (three, so that the
 * national statistics clear the small-number rule) with documentation ranges (RFC 5737, RFC 3849),
 * NICT registered as the survey operator, and one survey of October 2026 whose four observations
 * are routed to them (see it as {@code isp.analyst} and {@code nisc.analyst} at {@code /notice}).
 */
@Component
public class NoticeDemo {

  private final NoticeService notices;
  private final JdbcClient jdbc;

  NoticeDemo(NoticeService notices, JdbcClient jdbc) {
    this.notices = notices;
    this.jdbc = jdbc;
  }

  /** Loads the demo's ranges, reporter and survey once. */
  public void load(Actor loader) {
    if (jdbc.sql("select count(*) from notice_range").query(Integer.class).single() > 0) {
      return;
    }
    try (var ranges = getClass().getResourceAsStream("/demo/notice/ranges.csv");
        var survey = getClass().getResourceAsStream("/demo/notice/survey-2026-10.json")) {
      notices.importRanges(loader, ranges);
      // the demo's ISPs have taken part since the start of FY2026 (参加ISP数 counts them from then)
      jdbc.sql("update notice_participation set since = timestamptz '2026-04-01 00:00+09'")
          .update();
      notices.addReporter(loader, "nict", "survey");
      long nict =
          jdbc.sql("select id from organisation where code = 'nict'").query(Long.class).single();
      notices.submit(
          new Actor(null, loader.login(), nict, Role.ANALYST, loader.channel(), null),
          "json",
          null,
          null,
          survey);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
