package jp.renkei.engine.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name a message's greeting gives its reader ("田中様", "佐藤 花子さん", "Dear Hanako Sato,"): read only
 * for a shared copy, which takes it out as a recipient's name (share35). A lure sent to one victim
 * known only by address (Bcc, Delivered-To: {@code h.sato@}) greets the victim by a name the
 * address does not spell (佐藤様). Only the first lines count, and only names: "お客様", "会員様", "Dear
 * Customer" name no one.
 */
final class MailGreetings {

  private MailGreetings() {}

  /** Characters of the body's start read for a greeting. */
  static final int HEAD = 400;

  /** Lines read for a greeting (not blank): the subject's, then the body's first three. */
  private static final int LINES = 4;

  private static final String JA_NAME = "[\\p{IsHan}\\p{IsKatakana}ー・]{1,12}";

  /**
   * A Japanese greeting line: a name (two words at most, the organisation's name before it allowed)
   * and 様, さま, さん or 殿, then no more of a word (様々, 様子 are no greeting).
   */
  static final Pattern JAPANESE =
      Pattern.compile(
          "^(?:\\S{1,30}[ 　]+)??("
              + JA_NAME
              + "(?:[ 　]"
              + JA_NAME
              + ")?)[ 　]*(?:様|さま|さん|殿)(?![\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}])");

  /** A greeting in Latin letters and a name of one to three capitalised words or in Japanese. */
  static final Pattern LATIN =
      Pattern.compile(
          "^(?i:dear|hello|hi|hey|good (?:morning|afternoon|evening))[ \\t]+(?:(?i:mr|mrs|ms|dr)\\.?[ \\t]+)?"
              + "([A-Z][A-Za-z'-]+(?:[ \\t]+[A-Z][A-Za-z'-]+){0,2}|"
              + JA_NAME
              + ")[ \\t]*(?:[,:!]|$)");

  /** The end of a word before 様 that makes it a kind of reader, not a name (利用者, 会員, 客, 株主). */
  private static final Pattern JA_NO_NAME = Pattern.compile(".*(?:[者員客位主先方]|名義人|受取人|代理人)$");

  /** Readers lures and mail address without a name. */
  private static final Set<String> NO_NAME =
      Set.of(
          "皆",
          "各位",
          "得意",
          "ユーザー",
          "ユーザ",
          "メンバー",
          "カスタマー",
          "オーナー",
          "ゲスト",
          "customer",
          "customers",
          "user",
          "users",
          "client",
          "member",
          "members",
          "sir",
          "madam",
          "valued",
          "friend",
          "friends",
          "colleague",
          "colleagues",
          "team",
          "all",
          "account",
          "holder",
          "beneficiary",
          "recipient",
          "subscriber",
          "partner",
          "applicant",
          "winner",
          "shareholder",
          "employee",
          "staff",
          "student",
          "owner",
          "admin",
          "administrator",
          "webmaster",
          "there",
          "everyone",
          "everybody",
          "world",
          "folks",
          "guys",
          "guest",
          "guests",
          "community",
          "enthusiast",
          "enthusiasts",
          "investor",
          "investors",
          "trader",
          "traders",
          "holders",
          "supporter",
          "supporters",
          "fan",
          "fans",
          "family",
          "citizen",
          "patron",
          "payer",
          "taxpayer",
          "esteemed",
          "respected",
          "officer",
          "manager",
          "director",
          "candidate",
          "participant",
          "buyer",
          "seller",
          "shopper",
          "traveler",
          "traveller",
          "reader",
          "readers",
          "player",
          "developer",
          "developers",
          "list");

  private static final Pattern LINE_BREAK = Pattern.compile("\\r?\\n");

  private static final List<Pattern> GREETINGS = List.of(JAPANESE, LATIN);

  /** The names the first lines of {@code text} greet their reader by; empty when none. */
  static List<String> names(CharSequence text) {
    String head = text.length() > HEAD ? text.subSequence(0, HEAD).toString() : text.toString();
    List<String> out = new ArrayList<>();
    int lines = 0;
    for (String line : LINE_BREAK.split(head)) {
      String l = line.strip();
      if (l.isEmpty()) {
        continue;
      }
      if (++lines > LINES) {
        break;
      }
      for (Pattern p : GREETINGS) {
        // both start with ^ (no MULTILINE): a match starts at the line's start or nowhere
        Matcher m = p.matcher(l);
        if (m.lookingAt() && aName(m.group(1)) && !out.contains(m.group(1))) {
          out.add(m.group(1));
        }
      }
    }
    return out;
  }

  static boolean aName(String name) {
    for (String w : name.split("[ 　\\t]+")) {
      String lower = w.toLowerCase(Locale.ROOT);
      if (NO_NAME.contains(lower) || JA_NO_NAME.matcher(w).matches()) {
        return false;
      }
    }
    return true;
  }
}
