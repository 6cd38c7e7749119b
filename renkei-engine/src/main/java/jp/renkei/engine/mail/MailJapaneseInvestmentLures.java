package jp.renkei.engine.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The investment lure in Japanese (SNS型投資詐欺, ja40): crypto, FX or shares with a promise no licensed
 * firm may make — the principal guaranteed, a profit sure, a monthly yield, money multiplied — and
 * the talk moved to LINE, Telegram or a group to join. The Financial Instruments and Exchange Act
 * forbids a firm to promise a profit (断定的判断の提供) and makes its adverts say that the principal is not
 * guaranteed ("元本保証はありません"); the police count this fraud among the largest in Japan since 2023. A
 * firm's advert says the opposite of the promise; a bank's or the police's warning quotes the
 * promise beside the word fraud (詐欺) or a warning (ご注意), and is not read.
 */
final class MailJapaneseInvestmentLures {

  private MailJapaneseInvestmentLures() {}

  /** What the money goes into. */
  private static final Pattern INVESTMENT =
      Pattern.compile("投資|仮想通貨|暗号資産|ビットコイン|(?i:\\bfx\\b)|株式|バイナリー?オプション|自動売買|資産運用");

  /** A promise of profit no licensed firm may make. */
  private static final Pattern PROMISE =
      Pattern.compile(
          "元本保証(?!(?:は|では|が|の)?(?:あり|され|な|無|ござ|いた|対象外))|元本(?:を|は)?保証(?:します|いたします|付き)"
              + "|(?:必ず|確実に|絶対に?)(?:儲か|稼げ|稼ぐ|利益|増え|勝て)|損(?:を)?(?:しない|させない|はさせ)"
              + "|(?:月利|日利|週利)[ 　]?[0-9０-９]|(?:利回り|配当)[^。\\n]{0,8}[0-9０-９]{2,}[ 　]?[%％]"
              + "|[0-9０-９]{1,3}[ 　]?倍(?:に|の)(?:なる|増え|資産|利益)|誰でも(?:簡単に)?(?:儲か|稼げ)"
              + "|[0-9０-９一二三四五六七八九十百千]+[ 　]?万円(?:を|の)?(?:稼|利益|が手に入|を手に)");

  /** The talk moved to a chat app or a group of "investors". */
  private static final Pattern CHANNEL =
      Pattern.compile(
          "(?i)line[ 　]*[(（]?[ 　]*id|line[ 　]*[:：][ 　]*@?[a-z0-9_.-]{3,}|line\\.me/|lin\\.ee/|友だち追加|友達追加"
              + "|(?:line|ライン)(?:で|に|の)?(?:登録|追加|グループ|オープンチャット)|グループ(?:に|へ)(?:参加|招待)"
              + "|オープンチャット|telegram|テレグラム|whatsapp|t\\.me/|wa\\.me/");

  /** A warning about the lure, which quotes it. */
  static final Pattern WARNING = Pattern.compile("詐欺|ご注意|注意喚起|ご用心|警戒");

  /**
   * The lure's words as found ("仮想通貨 / 必ず儲か / LINE ID"), or null: an investment, a promise of
   * profit and a chat app or group, in a text that warns of no fraud.
   */
  static String find(String text) {
    // every promise is written in Japanese: a text without kana or kanji holds none, and the
    // promise's digit classes, tried at every position, cost a tenth of an English newsletter's
    // analysis (lead40's profile); the cheap literal patterns go first
    if (text == null || !MailText.japanese(text)) {
      return null;
    }
    Matcher investment = INVESTMENT.matcher(text);
    if (!investment.find()) {
      return null;
    }
    Matcher channel = CHANNEL.matcher(text);
    if (!channel.find()) {
      return null;
    }
    Matcher promise = PROMISE.matcher(text);
    if (!promise.find() || WARNING.matcher(text).find()) {
      return null;
    }
    return investment.group() + " / " + promise.group().strip() + " / " + channel.group().strip();
  }
}
