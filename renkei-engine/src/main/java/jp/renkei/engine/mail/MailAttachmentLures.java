package jp.renkei.engine.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The mail worm's letter (recall42, {@link RedFlag#ATTACHMENT_LURE}): the text says the reader's
 * mail account was used to send spam, was suspended or is about to be terminated, and sends the
 * reader to an attached file for what to do. Mytob, Sober and their successors of 2005 wrote it as
 * the reader's own provider ("Dear user of domain.com … To safeguard your email account from
 * possible termination, please follow the instructions in the attached file"); the attachment is
 * the worm. Read without the attachment: a worm's zip is read when it is there (EXECUTABLE_
 * ATTACHMENT), but a gateway that removed it, a password on it, or a damaged archive leaves the
 * letter alone, which no provider writes: a provider's notice of an abused account says what it did
 * and links its own help pages, it never asks to open a file to keep the account.
 *
 * <p>Both halves are needed, in the same message: a threat to the reader's account ({@link
 * #ACCOUNT_THREAT}) and the attached file as where the instructions are ({@link
 * #ATTACHED_INSTRUCTIONS}). Cheap first: nothing is matched unless the text holds "attach". Not
 * judged: list mail (members discuss the worm and quote it), bounces (they attach the message they
 * return) and an advisory that warns of the letter.
 */
final class MailAttachmentLures {

  private MailAttachmentLures() {}

  /** The reader's account abused, suspended or about to be terminated. */
  static final Pattern ACCOUNT_THREAT =
      Pattern.compile(
          "your (?:e-?mail |mail )?account (?:has been |had been |was |is being |is |will be )"
              + "(?:used (?:to send|for sending)|(?:temporarily )?(?:suspended|terminated|closed"
              + "|deactivated|disabled))|safeguard your (?:e-?mail |mail )?account"
              + "|from possible (?:termination|suspension|deactivation|closure)"
              + "|suspended (?:some of )?your (?:e-?mail |mail )?(?:account|services)"
              + "|your computer (?:may have been|has been|had been|was|is) (?:infected|compromised)");

  /** The attached file as where the reader is to read what to do. */
  static final Pattern ATTACHED_INSTRUCTIONS =
      Pattern.compile(
          "(?:instructions?|details|information) (?:in|from|of) the attach(?:ed|ment)"
              + "|(?:read|see|open|follow|check|view) the attach(?:ed (?:file|document|text|zip"
              + "|archive)|ment)");

  static void judge(MailState st) {
    MailPhrases.Hits hits = st.phrases();
    String text = hits.text();
    if (text.indexOf("attach") < 0 || st.listMail || st.bounce || MailSenders.advisory(st)) {
      return;
    }
    List<String> threat = MailSigns.found(ACCOUNT_THREAT, hits);
    if (threat.isEmpty()) {
      return;
    }
    List<String> attached = MailSigns.found(ATTACHED_INSTRUCTIONS, hits);
    if (attached.isEmpty()) {
      return;
    }
    List<String> both = new ArrayList<>(threat.subList(0, 1));
    both.add(attached.get(0));
    st.flag(RedFlag.ATTACHMENT_LURE, st.quote(both));
  }
}
