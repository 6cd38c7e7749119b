package jp.renkei.engine.mail;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The author of a message whose From a mailing list rewrote to its own address (Mailman's DMARC
 * mitigation: "イオンカード via V9fs-developer &lt;v9fs-developer@lists.sourceforge.net&gt;"), ja36. Such
 * a list keeps the author's display name before " via " and moves the author's own address to
 * Reply-To. A lure posted to an open list thus arrives with the list's From, the list's envelope
 * and the list's authentication, and only the name and the Reply-To are still the sender's: the
 * brand that name claims is checked against the Reply-To's domain as it would be against a From the
 * list had left alone.
 */
final class MailListAuthors {

  private MailListAuthors() {}

  /** The author a list hid: the display name without " via List", and the Reply-To's domain. */
  record Author(String name, String address, String domain) {}

  /** " via List" at the end of a display name that a list rewrote (Mailman 2.1.18 and later). */
  private static final Pattern VIA_LIST = Pattern.compile("(?i)^(.*\\S)\\s+via\\s+\\S.{0,80}$");

  /**
   * The author behind a From the list rewrote, or null: the name before " via " and the first
   * Reply-To address that is not the list's own (on none of {@code listDomains}). A rewritten From
   * without such a Reply-To hides its author, and then nothing is said.
   */
  static Author rewritten(
      String fromName, Collection<String> replyTo, Collection<String> listDomains) {
    if (fromName == null || replyTo == null) {
      return null;
    }
    Matcher m = VIA_LIST.matcher(fromName.strip());
    if (!m.matches()) {
      return null;
    }
    String name = m.group(1).strip();
    // the list quotes a name it had to write as "Name via List"; strip the quotes it leaves
    if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
      name = name.substring(1, name.length() - 1).strip();
    }
    for (String r : replyTo) {
      String d = MailLinks.domain(r);
      if (d == null) {
        continue;
      }
      String reg = MailLinks.registrable(d);
      if (reg == null || listDomains.contains(reg)) {
        continue;
      }
      return new Author(name, r.toLowerCase(Locale.ROOT), d);
    }
    return null;
  }

  /**
   * Words that make a Japanese display name a body's or a company's beyond those MailAnalyzer's own
   * list has (a legal form, a bank, a desk): an association or agency (日本放送協会), a utility or
   * carrier by its trade (東京電力, 東京ガス, ヤマト運輸, 佐川急便, 日本郵便), a broadcaster, a group, a credit union
   * (労働金庫) or a members' club (ANAマイレージクラブ). A person's name holds none of them.
   */
  private static final Pattern ORGANISATION_WORD =
      Pattern.compile("協会|機構|電力|ガス|運輸|急便|郵便|放送|グループ|金庫|マイレージ|クラブ|ネットバンク|ペイ");

  /** Whether a Japanese display name holds one of {@link #ORGANISATION_WORD}. */
  static boolean organisationWord(String name) {
    return name != null && ORGANISATION_WORD.matcher(name).find();
  }

  /** The list's tags in square brackets at the start of a subject ("[V9fs-developer] [SPAM] "). */
  private static final Pattern LIST_TAGS = Pattern.compile("^\\s*(?:\\[[^\\]]{1,60}\\]\\s*)*");

  /** Kana: the subject is written in Japanese. */
  private static final Pattern KANA = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}]");

  /**
   * The words of an account, order or payment notice in a Japanese subject: what a company's own
   * notice to a customer is about, not what a member of a list writes about a company.
   */
  private static final Pattern NOTICE =
      Pattern.compile(
          "ご?注文|確認|アカウント|お?支払|請求|停止|制限|重要|お知らせ|更新|ご利用|ログイン|本人|未納|未払"
              + "|退会|当選|ポイント|マイル|緊急|認証|セキュリティ|ロック");

  /** A reply or forward ("Re:", "Fwd:", "転送:", "返信："). */
  private static final Pattern REPLY = Pattern.compile("(?i)^(?:re|fwd?|aw|転送|返信)\\s*[:：]");

  /**
   * A Japanese subject, without the list's tags, that reads as a company's notice to its customer
   * ("Amazon.co.jpでのご注文の確認"), or null: kana and a notice word, and no reply. Through a list a brand
   * that such a subject names is claimed by whoever posted it (MailAnalyzer checks it against the
   * poster's domain, ja36); a member asking the list about a company writes no notice in Japanese
   * to its readers.
   */
  static String japaneseNotice(String subject) {
    if (subject == null) {
      return null;
    }
    String s = LIST_TAGS.matcher(subject).replaceFirst("");
    if (REPLY.matcher(s).find() || !KANA.matcher(s).find() || !NOTICE.matcher(s).find()) {
      return null;
    }
    return s;
  }
}
