package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailLinks.domain;
import static jp.renkei.engine.mail.MailLinks.host;
import static jp.renkei.engine.mail.MailLinks.registrable;
import static jp.renkei.engine.mail.MailText.ADDRESS;
import static jp.renkei.engine.mail.MailText.URL;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A link typed where a web form asks for a name (ja40): the payload of the contact-form echo spam,
 * read by what the field is rather than by what the spammer wrote beside the link. A Japanese
 * form's automatic reply repeats the name typed into it — as a field ("お名前：…", "【お名前】" with the
 * value below, "■会社名", "名前: …") or as the reply's addressee ("… 様") — whatever the form product. A
 * person's or a company's name holds no link; the one who typed a link there wanted the business's
 * server to deliver it to the address typed beside it, which is the reader's. The dating and
 * get-rich campaigns change their wording from wave to wave (ja39's word lists held on the half
 * they were read on, not on the other); the place of their link does not change.
 *
 * <p>A link to the sender's own site, or to the site of an address typed into the form (a customer
 * who gives her company's page and her address at the company), is no payload.
 */
final class MailFormPayloads {

  private MailFormPayloads() {}

  /**
   * A name field's label at a line's start — a person's name, its reading, a nickname, the person
   * in charge, a company's or a shop's name — in the marks Japanese forms put around labels, with
   * perhaps a note in brackets ("（必須）") or a required mark; then its value on the same line after a
   * colon, or on the next line that is not empty.
   */
  static final Pattern NAME_FIELD =
      Pattern.compile(
          "(?m)^[ \\t　]*[※【\\[■●・◆◇□▼▽＊*★☆]?[ 　]?"
              + "((?:お|ご|御)?(?:名前|氏名)|(?:お|ご)?(?:フリガナ|ふりがな)|ニックネーム|ご?担当者(?:様)?(?:名|氏名)?"
              + "|(?:貴社|御社|会社|企業|法人|団体|店舗|店|学校)名(?:[・/／][^\\n:：]{0,12})?|(?i:(?:your |full )?name))"
              + "(?:[ 　]?[(（][^)）\\n]{0,12}[)）])?[ 　]?[*＊※]?[】\\]]?[ \\t　]*"
              + "(?:[:：][ \\t　]*([^\\n]{0,300})|\\r?\\n[ \\t　\\r\\n]*([^\\n]{0,300}))");

  /** The name typed into the form written as the reply's addressee, a link in it: "… 様". */
  static final Pattern ADDRESSEE =
      Pattern.compile(
          "(?m)^([^\\n]{0,200}(?:https?|hxxps?)://[^\\n]{0,200}?)[ \\t　]*(?:様|さま|殿)[、,。]?[ \\t　]*$");

  /**
   * RELAYED_LURE for a Japanese form's automatic reply that repeats a link typed as a name, when
   * {@link MailWording#formEchoLure} found no lure words beside the link (its conditions are read
   * the same way: a sender's domain, no bounce, the reply's wording in the text's first {@link
   * MailWording#FORM_ECHO_READ} characters).
   */
  static void nameLinkLure(MailState st) {
    if (st.senderDomain == null
        || st.bounce
        || st.findings.stream().anyMatch(f -> f.flag() == RedFlag.RELAYED_LURE)) {
      return;
    }
    String text =
        st.text.length() > MailWording.FORM_ECHO_READ
            ? st.text.subSequence(0, MailWording.FORM_ECHO_READ).toString()
            : st.text.toString();
    if (!text.contains("://")
        || !MailWording.mayBeFormReply(text)
        || !MailWording.FORM_REPLY.matcher(text).find()) {
      return;
    }
    String named = nameLink(text, st.senderDomain);
    if (named != null) {
      st.flag(
          RedFlag.RELAYED_LURE,
          "web form's automatic reply from "
              + st.senderDomain
              + ": a link typed as a name, "
              + named,
          "Web フォームの自動返信 (" + st.senderDomain + "): 名前欄に入力されたリンク " + named);
    }
  }

  /**
   * The first link typed as a name in {@code text} (a Japanese form's automatic reply, {@link
   * MailWording#FORM_REPLY} found in it) that leads neither to {@code senderDomain} nor to the
   * domain of an address in the text, with the field that held it: "お名前 → inx.lv". Null when none.
   */
  static String nameLink(String text, String senderDomain) {
    if (!text.contains("://")) {
      return null;
    }
    Set<String> own = new HashSet<>();
    own.add(senderDomain);
    Matcher a = ADDRESS.matcher(text);
    while (a.find() && own.size() < 16) {
      String d = domain(a.group());
      if (d != null) {
        own.add(registrable(d.toLowerCase(java.util.Locale.ROOT)));
      }
    }
    Matcher f = NAME_FIELD.matcher(text);
    while (f.find()) {
      String value = f.group(2) != null ? f.group(2) : f.group(3);
      String away = away(value, own);
      if (away != null) {
        return f.group(1) + " → " + away;
      }
    }
    Matcher n = ADDRESSEE.matcher(text);
    while (n.find()) {
      String away = away(n.group(1), own);
      if (away != null) {
        return "様 → " + away;
      }
    }
    if (botFilled(text)) {
      String away = away(text, own);
      if (away != null) {
        return "random values (" + String.join(", ", tokens(text, 2)) + ") → " + away;
      }
    }
    return null;
  }

  /**
   * A field's value that is a random string of small letters and digits alone on its line, after
   * its label or below it ("nxct8t", "18l9boi", "ut59g401"): what a spammer's program types into
   * the fields it must fill to reach the one it uses. Nobody's name, question, address or telephone
   * number is written so.
   */
  static final Pattern RANDOM_VALUE =
      Pattern.compile("(?m)^(?:([^\\n:：]{1,24})[:：][ \\t　]*)?([a-z0-9]{5,10})[ \\t　]*\\r?$");

  /**
   * Labels whose values are random by design — an ID, a password, a code, a number a service issued
   * — so that a registration's or an order's reply is not read as filled by a program.
   */
  static final Pattern ISSUED_LABEL =
      Pattern.compile("(?i)id|ｉｄ|パスワード|password|pass|コード|code|番号|キー|key|pin|会員|ログイン|login|user");

  /** Whether a program filled the form: two values at least are random strings. */
  static boolean botFilled(String text) {
    return tokens(text, 2).size() >= 2;
  }

  private static java.util.List<String> tokens(String text, int room) {
    java.util.List<String> found = new java.util.ArrayList<>();
    Matcher m = RANDOM_VALUE.matcher(text);
    while (m.find() && found.size() < room) {
      String v = m.group(2);
      if ((m.group(1) == null || !ISSUED_LABEL.matcher(m.group(1)).find())
          && v.chars().anyMatch(Character::isDigit)
          && v.chars().anyMatch(Character::isLetter)
          && !found.contains(v)) {
        found.add(v);
      }
    }
    return found;
  }

  /** The registrable domain of the first link in {@code value} that is none of {@code own}. */
  private static String away(String value, Set<String> own) {
    if (value == null || !value.contains("://")) {
      return null;
    }
    Matcher u = URL.matcher(value);
    while (u.find()) {
      String h = host(u.group());
      if (h == null || !h.contains(".")) {
        continue;
      }
      String reg = registrable(h);
      if (!own.contains(reg)) {
        return reg;
      }
    }
    return null;
  }
}
