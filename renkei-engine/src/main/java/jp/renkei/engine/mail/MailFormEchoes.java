package jp.renkei.engine.mail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Japanese web forms repeat what was typed into them, beyond "お名前：値" (ja39, phish-ja3's tuning
 * half): a field's label alone on its line with the value on the next ("【お名前】", "※お名前", "■お名前",
 * "お名前"), the name typed into the form written as the addressee of the reply ("〇〇様、") above the
 * fields, a single field when the form's own footer says what the mail is ("このメールは … のお問い合わせ
 * フォームから送信されました"), and the dating and get-rich lines spammers type into such forms. Read by {@link
 * MailWording#formEchoLure}, which keeps its conditions: the mail says it is a form's reply, and
 * the repeated fields hold a link to a site that is not the sender's beside such words.
 */
final class MailFormEchoes {

  private MailFormEchoes() {}

  /**
   * A field's label alone on its line (Contact Form 7, mailform CGI templates): the value follows
   * on the next line. The same labels as {@link MailWording#FORM_FIELD}, and the address and e-mail
   * labels Japanese forms use.
   */
  static final Pattern HEADING_FIELD =
      Pattern.compile(
          "(?im)^[ \\t　]*[※【\\[■●・]?[ 　]?((?:ご担当者)?お名前(?:[ 　]?(?:カナ|フリガナ|（ふりがな）))?|ご?氏名"
              + "|(?:貴社|会社|法人|御社)名|メールアドレス|電子メール|mail addr?ess|お?電話番号|ご?住所"
              + "|件名|題名|お問い?合わ?せ(?:内容|種別)|メッセージ本文|ご用件)"
              + "[】\\]]?[ \\t　]*$");

  /**
   * The form's own footer: WordPress's Contact Form 7 and similar plug-ins end the mail so ("このメールは
   * 〇〇 (https://…) のお問い合わせフォームから送信されました").
   */
  static final Pattern FOOTER = Pattern.compile("このメールは.{0,80}フォームから送信");

  /** The name typed into the form as the reply's addressee, on a line of its own: "〇〇様、". */
  static final Pattern ADDRESSEE = Pattern.compile("(?m)^[^\\n]{1,200}(?:様|さま)[、,]?[ \\t　]*$");

  /**
   * Where the repeated fields start in a form's reply, or -1 when the text does not repeat a form:
   * {@code first} and {@code fields} are what {@link MailWording#FORM_FIELD} found ("label：value",
   * -1 and 0 when nothing). Labels alone on their line count as fields too; two fields are needed,
   * or one when the form's footer says it is a form's mail. When the reply greets the name typed
   * into the form above the fields, the echo starts at that greeting.
   */
  static int echoStart(String text, int first, int fields) {
    Matcher h = HEADING_FIELD.matcher(text);
    Set<String> seen = new HashSet<>();
    int start = first;
    int count = fields;
    while (h.find() && count < 2) {
      if (seen.add(h.group(1).toLowerCase(Locale.ROOT))) {
        count++;
        start = start < 0 ? h.start() : Math.min(start, h.start());
      }
    }
    if (count < 2 && !(count == 1 && FOOTER.matcher(text).find())) {
      return -1;
    }
    Matcher a = ADDRESSEE.matcher(text);
    if (a.find() && a.start() < start) {
      start = a.start();
    }
    return start;
  }

  /**
   * The lines spammers type into Japanese sites' forms (lower-cased text): dating bait in the
   * campaign's other wordings ("Diana just viewed your profile!", "Crystal want to play with you!",
   * "Alice sent you a hot video!") and get-rich crypto adverts ("Cryptocurrency will make you a
   * millionaire", "automatic earnings of cryptocurrencies", "passives Einkommen").
   */
  static final Pattern BAIT =
      Pattern.compile(
          "viewed your profile|wants? to play with you|sent you (?:a )?(?:hot )?(?:video|photo)"
              + "|(?:make|makes|making) (?:you|people) (?:a |the next )?(?:very )?(?:rich|millionaires?|billionaires?)"
              + "|become (?:a |the next )?(?:millionaire|billionaire)|earnings? of cryptocurrenc"
              + "|passive(?:s)? (?:income|einkommen)|n[äa]chste(?:r)? million[äa]r");

  /** The bait lines found in {@code lower} (lower-cased), at most {@code room}. */
  static List<String> bait(String lower, int room) {
    List<String> found = new ArrayList<>();
    Matcher m = BAIT.matcher(lower);
    while (m.find() && found.size() < room) {
      if (!found.contains(m.group())) {
        found.add(m.group());
      }
    }
    return found;
  }
}
