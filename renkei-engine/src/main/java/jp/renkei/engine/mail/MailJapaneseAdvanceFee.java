package jp.renkei.engine.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The advance-fee letter in Japanese (ja40): the widow's, the dying heir's or the banker's millions
 * in dollars, machine-translated into Japanese ("亡くなった夫は銀行に総額950万ドルを預金しました", "総資金の 20％をあなたに"). What
 * makes it one is not its wording, which each translation changes, but three things together: a
 * large sum in a foreign currency, the story of why the money is loose (a death, an illness, a
 * beneficiary, a bank deposit, a charity), and the reader's part in it (a share of the sum, the
 * reader's bank account, the money handed to the reader). A news item about a company raising
 * millions of dollars has the sum, not the reader's share; a bank's own notice has the account, not
 * a stranger's millions; a warning of the fraud (詐欺, ご注意) quotes it and is not read. Read by {@link
 * MailWording} through lists too, as {@link MailJobLures} is: FRAUD_OFFER.
 */
final class MailJapaneseAdvanceFee {

  private MailJapaneseAdvanceFee() {}

  /** Millions in a foreign currency: "880万米ドル", "800万5000ドル", "1,500,000ユーロ". */
  static final Pattern SUM =
      Pattern.compile(
          "[0-9０-９][0-9０-９,，.]*[ 　]?(?:万|億)[0-9０-９,，]*[ 　]?(?:米|US|ＵＳ)?(?:ドル|ユーロ|ポンド)"
              + "|[0-9０-９]{1,3}(?:[,，][0-9０-９]{3}){2,}[ 　]?(?:米|US|ＵＳ)?(?:ドル|ユーロ|ポンド)");

  /** Why the money is loose: a death, an illness, an estate, a beneficiary, a deposit abroad. */
  static final Pattern STORY =
      Pattern.compile(
          "亡くな(?:った|りました|る前)|亡き(?:夫|妻|父|母)|故人|未亡人|(?:彼|夫|父)の死|死後|遺産|相続|遺言|受益者|受取人"
              + "|余命|(?:癌|がん)(?:の|と|で|を)|病院|孤児|慈善|恵まれない|最後の願い"
              + "|銀行(?:に|で|の口座|口座)|預金|預け(?:た|まし)|基金|休眠口座|権限書|委任状");

  /**
   * The reader's part: a share of the sum, the reader's account, the money handed to the reader.
   */
  static final Pattern READER_PART =
      Pattern.compile(
          "[0-9０-９]{1,3}[ 　]?(?:[%％]|パーセント)(?:を|は)?[^。\\n]{0,20}(?:あなた|個人|本人|手数料|報酬|提供)"
              + "|あなた(?:に|の)[^。\\n]{0,15}(?:渡|譲|託|送金|振り込|振込|口座|受け取)"
              + "|手数料として|(?:受取人|受益者)として(?:あなた|貴方)");

  /**
   * The advance-fee letter's sum and its story's first words in {@code text}, or none: the sum, one
   * part of the reader's and two of the story's words must all be there.
   */
  static List<String> found(String text) {
    if (!(text.contains("ドル") || text.contains("ユーロ") || text.contains("ポンド"))
        || MailJapaneseInvestmentLures.WARNING.matcher(text).find()) {
      return List.of();
    }
    Matcher sum = SUM.matcher(text);
    if (!sum.find() || !READER_PART.matcher(text).find()) {
      return List.of();
    }
    List<String> story = new ArrayList<>();
    Matcher s = STORY.matcher(text);
    while (s.find() && story.size() < 2) {
      if (!story.contains(s.group())) {
        story.add(s.group());
      }
    }
    if (story.size() < 2) {
      return List.of();
    }
    List<String> found = new ArrayList<>();
    found.add(sum.group());
    found.addAll(story);
    return found;
  }
}
