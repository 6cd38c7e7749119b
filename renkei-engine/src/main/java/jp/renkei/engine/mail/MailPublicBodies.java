package jp.renkei.engine.mail;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Public bodies (issue 19): the names and mailboxes of Japan's ministries, agencies and local
 * governments that lures sign with, and the government domains they really send from.
 */
final class MailPublicBodies {

  private MailPublicBodies() {}

  /**
   * A mailbox name (before @) that speaks for a court, the police, a tax office or a traffic
   * department as a word of its own ("court_notice", "adm.detran.x32", "policia-federal",
   * "receita971049"): the word, or null. Such a body writes from its government's domain; a given
   * name (Justice), a recipe site (receitas) or a customs broker are not read as one.
   */
  static String publicBodyMailbox(String localPart) {
    if (localPart == null) {
      return null;
    }
    Matcher m = PUBLIC_BODY_MAILBOX.matcher(localPart.toLowerCase(Locale.ROOT));
    return m.find() ? m.group(1) : null;
  }

  private static final Pattern PUBLIC_BODY_MAILBOX =
      Pattern.compile(
          "(?:^|[._+\\-]|\\d)(court|courts|tribunal|judiciary|police|policia|polizei|politie"
              + "|gendarmerie|detran|dnit|cartorio|receita|receitafederal|irs|hmrc|taxoffice|finanzamt"
              + "|prefeitura|ministerio|ministry|interpol|europol|fbi)(?=$|[._+\\-]|\\d)");

  /**
   * A sender's display name that speaks for a public body (a tax office, a court, the police, a
   * ministry, a city office, social security; in Japanese, English, Portuguese, Spanish, French and
   * German), or that writes a government's domain ("IRS.GOV"): the words, or null. A word is one
   * when no letter touches it ("SSA_Social Security" counts); a name that only resembles one (省エネ,
   * "Governor", "Court Street Deli") is not read as one.
   */
  static String publicBodyName(String displayName) {
    if (displayName == null || displayName.isBlank()) {
      return null;
    }
    // a character class, not a repeated group, for the written domain: a name of 250,000
    // "a." exhausted the stack; and no name is read past its first PUBLIC_BODY_NAME_READ
    // characters
    Matcher m =
        PUBLIC_BODY_NAME_READER.matcher(
            displayName.length() > PUBLIC_BODY_NAME_READ
                ? displayName.substring(0, PUBLIC_BODY_NAME_READ)
                : displayName);
    return m.find() ? m.group().strip() : null;
  }

  /** Characters of a display name read for a public body's words. */
  static final int PUBLIC_BODY_NAME_READ = 512;

  static final Pattern PUBLIC_BODY_NAME =
      Pattern.compile(
          "(?:国税庁|税務署|(?:地方|家庭|簡易|高等|最高)?裁判所|警察庁|警察署|警視庁|(?:県|府|道)警察?"
              + "|(?:総務|法務|外務|財務|文部科学|厚生労働|農林水産|経済産業|国土交通|環境|防衛)省"
              + "|内閣府|内閣官房|(?:金融|消費者|デジタル|特許|こども家庭|出入国在留管理)庁"
              + "|日本年金機構|年金事務所|市役所|区役所|町役場|村役場|(?:都|道|府|県)庁|法務局|労働基準監督署"
              + "|(?<!\\p{L})(?:social security|internal revenue|IRS|HMRC|USCIS|medicare|medicaid|DMV|FBI"
              + "|interpol|europol|detran|prefeitura|receita federal|finanzamt|tribunal|polic[eií]a?"
              + "|polizei|politie|gendarmerie|sheriff'?s? (?:office|department)"
              + "|(?:federal|district|supreme|county|circuit|magistrates'?|high) court|court system"
              + "|clerk of (?:the )?court|tax (?:office|authority|agency|administration|department)"
              + "|revenue (?:service|agency)|ministry of|minist[eéè]rio|minist[eèé]re|ministerio"
              + "|department of (?:the )?(?:justice|treasury|revenue|labou?r|homeland security"
              + "|motor vehicles|health|state|transportation|education)"
              + "|customs and border|government of|governo (?:do|federal)"
              // the tax, traffic and police bodies the lures of Spain, Mexico, France, Italy, the
              // Netherlands and Germany sign with (lang40): SAT is written out, "SAT" alone is an
              // exam and a weekday
              + "|agencia tributaria|administraci[oó]n tributaria|direcci[oó]n general de tr[aá]fico|dgt"
              + "|guardia civil|agenzia delle entrate|guardia di finanza"
              + "|belastingdienst|cjib|imp[oô]ts|dgfip|finances publiques|antai"
              + "|bundeszentralamt f[uü]r steuern|bundespolizei|bundeskriminalamt)(?!\\p{L})"
              // Chinese and Korean tax offices
              + "|税务局|国家税务总局|국세청"
              + "|(?<![\\p{L}\\p{N}.-])[a-z0-9][a-z0-9.-]*\\.(?:gov|go\\.jp|lg\\.jp|gov\\.[a-z]{2}"
              + "|gob\\.[a-z]{2}|gouv\\.fr)(?![\\p{L}\\p{N}-]))",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** {@link #PUBLIC_BODY_NAME} as a name of ASCII characters only is searched. */
  static final MailAsciiAlternatives PUBLIC_BODY_NAME_READER =
      new MailAsciiAlternatives(PUBLIC_BODY_NAME);

  /**
   * A domain a government writes from: .gov and .mil, gov./go./gob./gouv./govt./gv./gub. under a
   * country, Japan's lg.jp, Brazil's jus.br and mp.br, the EU's europa.eu, universities (a campus
   * police); or a domain that is itself named after the body (polizei.nrw.de), left to the
   * look-alike signs.
   */
  static boolean governmentDomain(String domain, String word) {
    if (domain == null) {
      return false;
    }
    String d = domain.toLowerCase(Locale.ROOT);
    return GOVERNMENT_DOMAIN.matcher(d).find() || (word != null && d.contains(word));
  }

  private static final Pattern GOVERNMENT_DOMAIN =
      Pattern.compile(
          "(?:^|\\.)(?:gov|mil|edu|europa\\.eu|int|police\\.uk|(?:ac|edu)\\.[a-z]{2}|(?:gov|go|gob|gouv|govt|gv|gub|gc|lg|jus|mp|mil|nic)\\.[a-z]{2})$");
}
