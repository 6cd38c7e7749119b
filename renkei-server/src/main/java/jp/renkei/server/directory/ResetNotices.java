package jp.renkei.server.directory;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import jp.renkei.server.audit.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells a person by e-mail that an administrator reset their password or second factor: who, when,
 * what it ended, and whom to call if they did not ask for it. Queued in the outbox in the reset's
 * own transaction (a reset that rolls back mails nothing); a person without an address is not
 * mailed (the audit log has the reset either way). Nor is a person read as disabled (their own flag
 * off, or their organisation inactive): they cannot sign in, so the notice protects nothing of
 * theirs, and an organisation is made inactive when it leaves or is compromised, when its mailboxes
 * may no longer be its people's — the mail would tell whoever reads them that the hub's
 * administrators are working on the account. The outbox judges it again before sending ({@code
 * SendTimeCheck}). The new password is never in the mail: it is handed over by the administrator.
 */
@Component
class ResetNotices {

  /** What was reset. */
  enum Kind {
    PASSWORD("password_reset", "パスワード", "password"),
    SECOND_FACTOR("second_factor_reset", "二要素認証", "second factor (authenticator app)");

    final String code;
    final String ja;
    final String en;

    Kind(String code, String ja, String en) {
      this.code = code;
      this.ja = ja;
      this.en = en;
    }
  }

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'JST'").withZone(ZoneId.of("Asia/Tokyo"));

  private final JdbcClient jdbc;

  ResetNotices(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether a reset notice reaches the person, and if not, why. */
  enum Reach {
    MAILED,
    NO_ADDRESS,
    DISABLED
  }

  /** Whether a notice to {@code person} would be mailed now. */
  Reach reach(UserAccount person) {
    boolean active =
        person.enabled()
            && jdbc.sql("select active from organisation where id = ?")
                .param(person.organisationId())
                .query(Boolean.class)
                .optional()
                .orElse(false);
    if (!active) {
      return Reach.DISABLED;
    }
    return person.email() == null || person.email().isBlank() ? Reach.NO_ADDRESS : Reach.MAILED;
  }

  /** Queues the notice to {@code person}'s address, if it has one and is not disabled. */
  void queue(Actor actor, UserAccount person, Kind kind, Instant at) {
    if (reach(person) != Reach.MAILED) {
      return;
    }
    long mail =
        jdbc.sql(
                "insert into account_mail (user_id, kind, subject, body) values (?, ?, ?, ?)"
                    + " returning id")
            .params(person.id(), kind.code, subject(kind), body(actor, person, kind, at))
            .query(Long.class)
            .single();
    jdbc.sql(
            "insert into outbox (account_mail_id, version_no, organisation_id, channel, target,"
                + " purpose) values (?, 0, ?, 'email', ?, 'delivery') on conflict do nothing")
        .params(mail, person.organisationId(), person.email())
        .update();
  }

  static String subject(Kind kind) {
    return "[Renkei] " + kind.ja + "が管理者により再設定されました / Your " + kind.en + " was reset";
  }

  static String body(Actor actor, UserAccount person, Kind kind, Instant at) {
    String who =
        actor.userId() == null ? "ハブの運用者 (コマンドライン, " + actor.login() + ")" : "管理者 " + actor.login();
    String whoEn =
        actor.userId() == null
            ? "the hub's operator (command line, " + actor.login() + ")"
            : "administrator " + actor.login();
    String ended =
        kind == Kind.PASSWORD
            ? "サインイン中のセッションは終了し、API トークンはすべて失効しました。" + "新しいパスワードは管理者から直接受け取ってください (このメールには記載しません)。"
            : "サインイン中のセッションは終了しました。次のサインインで二要素認証を登録し直してください。";
    String endedEn =
        kind == Kind.PASSWORD
            ? "Your sessions were ended and all your API tokens revoked. Get the new password from"
                + " the administrator directly (it is never sent by e-mail)."
            : "Your sessions were ended. Enrol a second factor again at your next sign-in.";
    String when = WHEN.format(at);
    return person.displayName()
        + " 様 (ログイン名 "
        + person.login()
        + ")\n\n"
        + when
        + " に、"
        + who
        + " があなたの"
        + kind.ja
        + "を再設定しました。"
        + ended
        + "\n心当たりがない場合は、所属組織の管理者またはハブの運用者に直ちに連絡してください。\n\n"
        + "-- \n\nOn "
        + when
        + ", "
        + whoEn
        + " reset the "
        + kind.en
        + " of your account "
        + person.login()
        + ". "
        + endedEn
        + "\nIf you did not expect this, contact your organisation's administrator or the hub's"
        + " operators at once.\n";
  }
}
