package jp.renkei.server.notice;

/**
 * The wording of the reminder e-mail to a holder's duty address (sent through the outbox): how many
 * of its notifications wait for an outcome, and where to record it — no address, no evidence (those
 * stay on the hub, behind sign-in).
 */
public final class NoticeReminderText {

  private NoticeReminderText() {}

  public static String subject(int open) {
    return "[Renkei] NOTICE 通知の対応結果が未登録です ("
        + open
        + " 件) / NOTICE notifications awaiting an outcome";
  }

  public static String body(int open, String link) {
    return "注意喚起の結果が登録されていない NOTICE 通知が "
        + open
        + " 件あります。Renkei の「NOTICE 通知」("
        + link
        + ") で対応結果を登録してください。\n\n"
        + open
        + " NOTICE notification(s) have no recorded outcome yet. Please record the outcome"
        + " of your 注意喚起 (subscriber warning) on Renkei's NOTICE page ("
        + link
        + ").\n";
  }
}
