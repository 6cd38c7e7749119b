package jp.renkei.server.notice;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Reminds holders of unanswered notifications (hourly by default). */
@Component
class NoticeScheduler {

  private static final Logger log = LoggerFactory.getLogger(NoticeScheduler.class);

  private final NoticeService notices;

  NoticeScheduler(NoticeService notices) {
    this.notices = notices;
  }

  @Scheduled(initialDelayString = "10m", fixedDelayString = "${renkei.notice.reminder-check:1h}")
  void remind() {
    try {
      int n = notices.remind(Instant.now());
      if (n > 0) {
        log.info("NOTICE reminders sent to {} holders", n);
      }
    } catch (RuntimeException e) {
      log.warn("NOTICE reminder run failed: {}", e.toString());
    }
  }
}
