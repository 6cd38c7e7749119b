package jp.renkei.engine.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The side-job recruitment lure in Japanese (副業・在宅アルバイトの勧誘, ja36): work from home or in spare time,
 * pay far beyond any real part-time job (毎日八万円から十万円, 日給5万円), and the application by LINE instead of
 * a company's form or address. The National Police Agency and the consumer centres warn of it: the
 * "job" is a fraud that takes a fee, or the recruitment of runners for crimes (闇バイト). A real
 * employer names itself, its address and its wage in a job posting; none asks to be added on LINE
 * by an ID.
 */
final class MailJobLures {

  private MailJobLures() {}

  /** Work at home, in spare time or on the side. */
  private static final Pattern WORK =
      Pattern.compile("在宅(?:ワーク|勤務|で|の)|副業|(?:アルバイト|バイト|お仕事)|スキマ時間|空いた時間|好きな時間");

  /**
   * Pay written as ten thousands of yen a day or for a task (日給3万円, 毎日八万円, 報酬：1日5万円), in digits,
   * full-width digits or kanji numerals.
   */
  private static final Pattern HIGH_PAY =
      Pattern.compile(
          "(?:日給|日収|毎日|1日|一日|１日|報酬|月収|時給|1時間|１時間|一時間)[^。\\n]{0,12}?[0-9０-９一二三四五六七八九十百]+\\s*万円");

  /**
   * An application by LINE (an ID or an add-friend link), or with no CV and no interview (履歴書不要):
   * no employer that pays so much hires so.
   */
  private static final Pattern BY_LINE =
      Pattern.compile(
          "(?i)line\\s*[(（]?\\s*id|line\\s*[:：]\\s*@?[a-z0-9_.-]{3,}|line.me/|ライン\\s*id|履歴書不要");

  /**
   * The lure's words as found ("在宅… 毎日八万円 … LINE（ID）"), or null: all three of work at home or on
   * the side, high pay and an application by LINE or without a CV, in the text.
   */
  static String find(String text) {
    if (text == null || text.indexOf('万') < 0) {
      return null;
    }
    Matcher pay = HIGH_PAY.matcher(text);
    if (!pay.find()) {
      return null;
    }
    Matcher work = WORK.matcher(text);
    Matcher line = BY_LINE.matcher(text);
    if (!work.find() || !line.find()) {
      return null;
    }
    return work.group() + " / " + pay.group().strip() + " / " + line.group().strip();
  }
}
