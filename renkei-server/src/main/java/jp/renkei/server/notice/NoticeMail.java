package jp.renkei.server.notice;

import jp.renkei.server.outbound.TextMail;
import org.springframework.stereotype.Component;

/**
 * The reminder e-mail to a holder's duty address: how many of its notifications wait for an
 * outcome, and where to record it — no address, no evidence (those stay on the hub, behind
 * sign-in).
 */
@Component
class NoticeMail {

  private final TextMail mail;

  NoticeMail(TextMail mail) {
    this.mail = mail;
  }

  void reminderAfterCommit(String to, int open) {
    mail.sendAfterCommit(
        to,
        "[Renkei] NOTICE 通知の対応結果が未登録です (" + open + " 件) / NOTICE notifications awaiting an outcome",
        "注意喚起の結果が登録されていない NOTICE 通知が "
            + open
            + " 件あります。Renkei の「NOTICE 通知」(/notice) で対応結果を登録してください。\n\n"
            + open
            + " NOTICE notification(s) have no recorded outcome yet. Please record the outcome"
            + " of your 注意喚起 (subscriber warning) on Renkei's NOTICE page (/notice).\n",
        "NOTICE reminder");
  }
}
