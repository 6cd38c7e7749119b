package jp.renkei.server.exercise;

import jp.renkei.engine.exercise.Inject;
import jp.renkei.server.outbound.TextMail;
import jp.renkei.server.sharing.ExerciseScope;
import org.springframework.stereotype.Component;

/**
 * E-mail injects, only for runs that allow e-mail, always marked 【訓練】 in the subject and body, sent
 * after the delivery commits. A failed send is logged and not retried (the inject is in the
 * player's exercise inbox in any case).
 */
@Component
class ExerciseMail {

  private final TextMail mail;

  ExerciseMail(TextMail mail) {
    this.mail = mail;
  }

  void sendAfterCommit(String to, String runTitle, Inject inject) {
    mail.sendAfterCommit(
        to,
        ExerciseScope.MARK + runTitle + ": " + inject.title(),
        ExerciseScope.MARK
            + " これは演習（訓練）の状況付与です。実際の事案ではありません。\n\n"
            + "発信元: "
            + inject.sender()
            + "\n件名: "
            + inject.title()
            + "\n\n"
            + inject.content()
            + "\n",
        "Exercise e-mail");
  }
}
