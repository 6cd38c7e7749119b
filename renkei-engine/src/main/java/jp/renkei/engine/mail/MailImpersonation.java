package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailAlignment.fromAligned;
import static jp.renkei.engine.mail.MailHosts.FREEMAIL;
import static jp.renkei.engine.mail.MailLinks.host;
import static jp.renkei.engine.mail.MailLinks.registrable;
import static jp.renkei.engine.mail.MailLinks.shown;
import static jp.renkei.engine.mail.MailSenders.bad;
import static jp.renkei.engine.mail.MailSenders.namesItself;
import static jp.renkei.engine.mail.MailSenders.providersDaemon;
import static jp.renkei.engine.mail.MailSenders.punctuatedLocal;
import static jp.renkei.engine.mail.MailSenders.results;
import static jp.renkei.engine.mail.MailSenders.spfFailed;
import static jp.renkei.engine.mail.MailSenders.spoofed;
import static jp.renkei.engine.mail.MailText.NOT_LETTER_OR_DIGIT;
import static jp.renkei.engine.mail.MailText.REPLY_SUBJECT;
import static jp.renkei.engine.mail.MailText.words;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The impersonation room: a sender naming a brand, a public body or one of the hub's member
 * organisations that it does not mail from (display name, subject tag, signature, mailbox), and the
 * campaigns' naming tricks (the recipient's name as sender, raw ISO-2022-JP names).
 */
final class MailImpersonation {

  private final KnownOrganisations known;

  MailImpersonation(KnownOrganisations known) {
    this.known = known;
  }

  /** The Unicode scripts of a word's letters, e.g. "LATIN + CYRILLIC". */
  /** Scripts a mixed word is made of, by their Japanese names (the others by their own). */
  static final Map<Character.UnicodeScript, String> SCRIPTS_JA =
      Map.ofEntries(
          Map.entry(Character.UnicodeScript.LATIN, "ラテン文字"),
          Map.entry(Character.UnicodeScript.CYRILLIC, "キリル文字"),
          Map.entry(Character.UnicodeScript.GREEK, "ギリシャ文字"),
          Map.entry(Character.UnicodeScript.ARMENIAN, "アルメニア文字"),
          Map.entry(Character.UnicodeScript.SYRIAC, "シリア文字"),
          Map.entry(Character.UnicodeScript.CHEROKEE, "チェロキー文字"),
          Map.entry(Character.UnicodeScript.COPTIC, "コプト文字"),
          Map.entry(Character.UnicodeScript.GEORGIAN, "ジョージア文字"),
          Map.entry(Character.UnicodeScript.ARABIC, "アラビア文字"),
          Map.entry(Character.UnicodeScript.HEBREW, "ヘブライ文字"),
          Map.entry(Character.UnicodeScript.THAI, "タイ文字"),
          Map.entry(Character.UnicodeScript.HAN, "漢字"),
          Map.entry(Character.UnicodeScript.HIRAGANA, "ひらがな"),
          Map.entry(Character.UnicodeScript.KATAKANA, "カタカナ"),
          Map.entry(Character.UnicodeScript.HANGUL, "ハングル"));

  /** "Latin + Cyrillic", or in Japanese 「ラテン文字 + キリル文字」. */
  static String scripts(String word, boolean japanese) {
    Set<Character.UnicodeScript> names = new LinkedHashSet<>();
    word.codePoints()
        .filter(
            c ->
                Character.isLetter(c)
                    || (Character.getType(c) == Character.NON_SPACING_MARK
                        && Character.UnicodeScript.of(c) != Character.UnicodeScript.INHERITED))
        .forEach(c -> names.add(Character.UnicodeScript.of(c)));
    return String.join(
        " + ",
        names.stream()
            .map(
                s ->
                    japanese && SCRIPTS_JA.containsKey(s)
                        ? SCRIPTS_JA.get(s)
                        : s.name().charAt(0)
                            + s.name().substring(1).toLowerCase(Locale.ROOT).replace('_', ' '))
            .toList());
  }

  /**
   * The subject or the greeting names the recipient by address: "taro.yamada@example.jp, your
   * reward", "Dear taro.yamada". A bare first name ("Hi john") is how people write and no sign: the
   * part before @ counts only when it holds a dot, underscore, hyphen or digit, as a name taken
   * from an address list does.
   */
  static void recipientAsName(MailState st) {
    String subject = st.subject == null ? "" : st.subject.toLowerCase(Locale.ROOT);
    String head = st.text.length() > 600 ? st.text.substring(0, 600) : st.text.toString();
    // the first ten recipients: a message to hundreds names nobody in its greeting
    for (String r : st.recipients.subList(0, Math.min(10, st.recipients.size()))) {
      String address = r.toLowerCase(Locale.ROOT);
      int at = address.indexOf('@');
      if (at <= 0) {
        continue;
      }
      String local = address.substring(0, at);
      if (subject.contains(address)) {
        st.flag(RedFlag.RECIPIENT_AS_NAME, "Subject: " + st.subject);
        return;
      }
      boolean punctuated = local.length() >= 5 && punctuatedLocal(local);
      // both names the greeting may be followed by hold the local part, taken literally: a head
      // without it cannot match, and the pattern need not be compiled
      if (head.contains(local) && MailGreetingPrecheck.mayFollowGreeting(head, local)) {
        String name =
            punctuated
                ? "(?:" + Pattern.quote(address) + "|" + Pattern.quote(local) + ")"
                : Pattern.quote(address);
        Matcher g = Pattern.compile(GREETING + name + "(?![\\w.@-])").matcher(head);
        if (g.find()) {
          st.flag(RedFlag.RECIPIENT_AS_NAME, g.group().strip());
          return;
        }
      }
      if (punctuated
          && subject.contains(local)
          && subject.matches(
              "^(?:(?:re|fwd?|aw)\\s*:\\s*)?" + Pattern.quote(local) + "\\s*[,:!].*")) {
        st.flag(RedFlag.RECIPIENT_AS_NAME, "Subject: " + st.subject);
        return;
      }
    }
  }

  static final String GREETING =
      "(?:^|\\n|\\s)(?:dear|hello|hi|hey|greetings|attention|attn|olá|ola|oi|prezad[oa]|car[oa]|hola"
          + "|sr\\.?\\(a\\)|sra?\\.|senhor\\(a\\)|señor\\(a\\)|mrs?\\.|ms\\."
          + "|estimad[oa]|hallo|liebe[r]?|sehr geehrte[r]?|bonjour|cher|chère|beste|geachte|beste klant)[ ,:]+";

  /** A brand or public body claimed by the display name or subject, from none of its domains. */
  void impersonation(MailState st, String fromDomain) {
    if (fromDomain == null) {
      return;
    }
    String own = MailDomains.label(fromDomain);
    // a post a list only relayed: its author's name claims a brand when it is the brand and service
    // words (a member's given name may be a bank's); its subject and signature as if it came direct
    List<MailBrands.Brand> claims =
        new ArrayList<>(
            MailRelayedPosts.readDirect(st)
                ? MailRelayedPosts.nameClaims(st.fromName)
                : MailSigns.claimed(st.fromName));
    if (!FREEMAIL.contains(fromDomain)) {
      // a display name that is a company's name and nothing else (on free mail it may be a
      // person's)
      MailBrands.named(st.fromName).stream().filter(b -> !claims.contains(b)).forEach(claims::add);
    }
    // "Katie from Ledger": a person speaking for the brand (free mail included: no employee
    // writes for a company from a private mailbox)
    MailBrands.namedAfterPerson(st.fromName).stream()
        .filter(b -> !claims.contains(b))
        .forEach(claims::add);
    if (!claims.isEmpty()
        && FREEMAIL.contains(fromDomain)
        && !st.listVouchesForAuthor()
        && !providersDaemon(st)) {
      // a brand's name on a free-mail address: no company sends from one
      st.flag(RedFlag.FREEMAIL_CLAIMS_ORGANISATION, st.fromName + " <" + st.from + ">");
    }
    boolean reply = st.subject != null && REPLY_SUBJECT.matcher(st.subject).matches();
    if (!st.listVouchesForAuthor()
        && !(st.ownBulk() && !st.asksCredentials)
        && !reply
        && st.subject != null
        && !namesItself(st, fromDomain)
        // a public body or security organisation, authenticated, writes about vendors' products
        // (「Microsoft 製品の脆弱性対策」): its subject names them, it does not speak for them
        && !(fromAligned(st) && MailHosts.hostIn(fromDomain, MailHosts.PUBLIC_SOURCES))
        && ACCOUNT_SUBJECT.matcher(st.subject).find()) {
      MailSigns.claimed(st.subject).stream().filter(b -> !claims.contains(b)).forEach(claims::add);
    }
    if (!reply) {
      // the text speaking as the brand: "dear paypal member", "the ebay security team", its ©
      MailSigns.signedAs(st.phrases()).stream()
          .filter(b -> !claims.contains(b))
          .forEach(claims::add);
    }
    MailReport.Authentication auth = st.auth;
    boolean failed = spfFailed(st) || bad(auth.dkim()) || bad(auth.dmarc()) || st.compositeFailed;
    // a real bounce from the provider's own MAILER-DEMON or postmaster, not authenticated (the
    // null reverse-path leaves SPF nothing to check) but not failing either, is the provider's
    if (!st.listVouched()
        && spoofed(st)
        && !(providersDaemon(st) && !failed)
        && !customerNameAtPlatform(st, fromDomain)) {
      // a brand's or public body's own domain that the receiver could not authenticate (DMARC
      // failing, or neither SPF nor DKIM) is someone else writing in its name: the lure that
      // forges info@vpass.ne.jp itself, not a look-alike
      for (MailBrands.Brand b : MailBrands.BRANDS) {
        if (b.labels().contains(own)) {
          st.flag(
              RedFlag.BRAND_IMPERSONATION,
              b.name()
                  + " = "
                  + shown(fromDomain)
                  + ", "
                  + results(st.auth.spf(), st.auth.dkim(), st.auth.dmarc(), null));
          break;
        }
      }
    }
    for (MailBrands.Brand b : claims) {
      // a newsletter named after what it writes about (Lockergnome Apple Core) speaks for itself
      if (!MailBrands.ownedBy(b, fromDomain)
          && !st.listVouchesForAuthor()
          && !(st.ownBulk() && !st.asksCredentials)) {
        st.flag(RedFlag.BRAND_IMPERSONATION, b.name() + " ≠ " + shown(fromDomain));
      }
    }
  }

  /**
   * A sender's display name that speaks as a company (BRAND_IMPERSONATION) in mail a discussion
   * list relayed ({@link MailState#listVouched}), from none of the company's domains (recall29).
   * The list vouches that it sent the message, not for who wrote it: lures posted to a list arrive
   * with the list's headers and authentication, and {@link #impersonation} leaves brands alone
   * there, since members discuss companies in subjects and quote their signatures. A member's
   * display name is a person's, though: a name that is the company's and nothing else ("Nintendo"),
   * or a Japanese name that claims one as an organisation or its desk ("楽天証券からのお知らせ", "〇〇カード株式会社"),
   * from another domain is the lure's and not a member's. Not read: free mail (a person's mailbox
   * may carry any name), the list's own address or domain (a From the list rewrote), replies, and a
   * Latin name with other words around the brand ("Jane Doe (Google)": a member giving her
   * employer).
   */
  static void listRelayedBrandName(MailState st, String fromDomain) {
    String name = st.fromName;
    String via = "";
    if (st.fromRewrittenByList(st.from)) {
      // the list rewrote From: the author's name and Reply-To stand for it (MailListAuthors, ja36)
      MailListAuthors.Author a = MailListAuthors.rewritten(name, st.replyTo, st.listDomains);
      name = a == null ? null : a.name();
      fromDomain = a == null ? null : a.domain();
      via = ", Reply-To";
    }
    if (fromDomain == null
        || name == null
        || !st.listVouched()
        || FREEMAIL.contains(fromDomain)
        || st.listOwn.contains(fromDomain)
        || st.listDomains.contains(fromDomain)
        || (st.subject != null && REPLY_SUBJECT.matcher(st.subject).matches())) {
      return;
    }
    List<MailBrands.Brand> claims = new ArrayList<>(MailBrands.named(name));
    if (JAPANESE_NAME.matcher(name).find()
        && (JAPANESE_ORGANISATION_NAME.matcher(name).find()
            || MailListAuthors.organisationWord(name))) {
      MailSigns.claimed(name).stream().filter(b -> !claims.contains(b)).forEach(claims::add);
    }
    for (MailBrands.Brand b : claims) {
      if (!MailBrands.ownedBy(b, fromDomain)) {
        st.flag(
            RedFlag.BRAND_IMPERSONATION,
            b.name() + " ≠ " + shown(fromDomain) + " (through a mailing list" + via + ")",
            b.name() + " ≠ " + shown(fromDomain) + " (メーリングリスト経由" + via + ")");
        return;
      }
    }
    // the subject's Japanese sender tag after the list's own tags ("[f2fs-dev] 【三井住友 カード】 お支払…"):
    // how a Japanese company names itself in a subject, which no member of a list tags a post with
    // (recall31)
    if (st.subject != null) {
      Matcher tag = LIST_THEN_SENDER_TAG.matcher(st.subject);
      if (tag.lookingAt()) {
        for (MailBrands.Brand b : MailSigns.claimed(tag.group(1))) {
          if (!MailBrands.ownedBy(b, fromDomain)) {
            st.flag(
                RedFlag.BRAND_IMPERSONATION,
                b.name()
                    + " ≠ "
                    + shown(fromDomain)
                    + " (subject 【"
                    + tag.group(1).strip()
                    + "】, through a mailing list"
                    + via
                    + ")",
                b.name()
                    + " ≠ "
                    + shown(fromDomain)
                    + " (件名の【"
                    + tag.group(1).strip()
                    + "】, メーリングリスト経由"
                    + via
                    + ")");
            return;
          }
        }
      }
    }
    // a Japanese subject that reads as the brand's notice to its customer (MailListAuthors, ja36)
    String notice = MailListAuthors.japaneseNotice(st.subject);
    for (MailBrands.Brand b :
        notice == null ? List.<MailBrands.Brand>of() : MailSigns.claimed(notice)) {
      if (!MailBrands.ownedBy(b, fromDomain)) {
        st.flag(
            RedFlag.BRAND_IMPERSONATION,
            b.name() + " ≠ " + shown(fromDomain) + " (subject, through a mailing list" + via + ")",
            b.name() + " ≠ " + shown(fromDomain) + " (件名, メーリングリスト経由" + via + ")");
        return;
      }
    }
  }

  /** A subject's list tags in square brackets, if any, then a sender tag in 【】 (recall31). */
  static final Pattern LIST_THEN_SENDER_TAG =
      Pattern.compile("\\s*(?:\\[[^\\]]{1,60}\\]\\s*){0,3}【([^】]{2,60})】");

  /**
   * A From display name written in raw ISO-2022-JP, its escape sequences in the header itself (ESC
   * $ B … ESC ( B) instead of an encoded word (=?ISO-2022-JP?B?…?=): MALFORMED_SENDER (recall29).
   * Headers carry 7-bit words only, and every mail program since RFC 2047 (1996) encodes a Japanese
   * name; a bulk tool that pastes JIS bytes into the header is what writes it so. The reader's
   * program shows it as "$B%f!<%7!<…(B", which hides the name a lure claims from the name checks.
   */
  static void rawJisName(MailState st) {
    if (st.fromNameRawJis && !st.bounce) {
      st.flag(
          RedFlag.MALFORMED_SENDER,
          "From name in raw ISO-2022-JP (no encoded word)",
          "差出人名が生の ISO-2022-JP (エンコードされていません)");
    }
  }

  /** Kana or kanji in a display name. */
  static final Pattern JAPANESE_NAME =
      Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");

  /**
   * The words that make a Japanese display name an organisation's or its desk's, not a person's
   * (みずほ is a given name as well as a bank): a legal form, a line of business, a notice or a desk.
   */
  static final Pattern JAPANESE_ORGANISATION_NAME =
      Pattern.compile("株式会社|㈱|\\(株\\)|（株）|銀行|証券|カード|お知らせ|からの|事務局|サポート|センター|窓口|公式|運営" + "|カスタマー|会員");

  /**
   * A display name, a subject's sender tag (【さくら架空銀行】) or a signature line that claims one of the
   * hub's member organisations ({@link KnownOrganisations}) from a domain that is none of its own
   * (MEMBER_IMPERSONATION). A member writing from its own domain, any member's domain (a CEPTOAR
   * relaying a member's notice), a mailing list that vouches for itself and a text that only
   * mentions the organisation (news, a circular naming members, "さくら架空銀行 御中") are not claims.
   * Replies and forwards are not read for the subject or signature: they quote the other side.
   */
  void memberImpersonation(MailState st, String fromDomain) {
    if (known.isEmpty()
        || fromDomain == null
        || st.listVouchesForAuthor()
        || known.anyOwns(fromDomain)) {
      return;
    }
    KnownOrganisations.Organisation o = known.named(st.fromName);
    String whereEn = "display name";
    String whereJa = "差出人名";
    boolean reply = st.subject != null && REPLY_SUBJECT.matcher(st.subject).matches();
    if (o == null && !reply && st.subject != null) {
      java.util.regex.Matcher tag =
          SENDER_TAG.matcher(jp.renkei.engine.text.Names.normalise(st.subject));
      if (tag.lookingAt()) {
        o = known.named(tag.group(1));
        whereEn = "subject";
        whereJa = "件名";
      }
    }
    if (o == null && !reply) {
      o = signedAsMember(st.text);
      whereEn = "signature";
      whereJa = "署名";
    }
    if (o != null) {
      st.flag(
          RedFlag.MEMBER_IMPERSONATION,
          "claims member organisation " + o.nameEn() + " (" + whereEn + ") ≠ " + shown(fromDomain),
          "会員組織「" + o.nameJa() + "」を名乗る (" + whereJa + ") ≠ " + shown(fromDomain));
    }
  }

  /** A subject's leading tag in brackets, how Japanese senders name themselves (【〇〇銀行】). */
  static final Pattern SENDER_TAG =
      Pattern.compile("\\s*[【\\[〔<＜《〈]([^】\\]〕>＞》〉]{2,60})[】\\]〕>＞》〉]");

  /**
   * The member organisation a signature line names: one of the last eight lines of the text (not
   * quoted) that is the organisation's name, with at most a department after it ("さくら架空銀行 情報システム部",
   * "© Sakura Fictional Bank"), and no sentence.
   */
  KnownOrganisations.Organisation signedAsMember(CharSequence text) {
    int from = Math.max(0, text.length() - 2000);
    String[] lines = text.subSequence(from, text.length()).toString().split("\\R");
    int seen = 0;
    for (int i = lines.length - 1; i >= 0 && seen < 8; i--) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      seen++;
      if (line.startsWith(">") || line.startsWith("|") || line.length() > 60) {
        continue;
      }
      KnownOrganisations.Organisation o =
          known.signature(COPYRIGHT.matcher(line).replaceFirst("").strip());
      if (o != null) {
        return o;
      }
    }
    return null;
  }

  static final Pattern COPYRIGHT =
      Pattern.compile("(?i)^(?:©|\\(c\\)|copyright)\\s*(?:\\d{4}(?:\\s*-\\s*\\d{4})?)?\\s*");

  /**
   * A From host under a platform's domain that spells out, in its leading labels, another domain
   * that authenticated the message ("digital.costco.com.cname.cjm.adobe.com", DKIM passing for
   * costco.com): the name a marketing platform gives a customer's delegated subdomain. The brand
   * whose domain ends the host (Adobe) is the platform, not a brand claimed: BRAND_IMPERSONATION
   * for an unauthenticated brand domain is not raised; NOT_ALIGNED still tells the From domain from
   * the signer. The limit: a signer writing its own domain into a brand's host name is not told by
   * this sign (a receiver applying the brand's DMARC policy rejects it).
   */
  static boolean customerNameAtPlatform(MailState st, String fromDomain) {
    String host = fromDomain.toLowerCase(Locale.ROOT);
    String own = registrable(host);
    for (String d : st.passedDomains) {
      if (!d.equals(own) && (host.startsWith(d + ".") || host.contains("." + d + "."))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A sender whose mailbox name speaks for a court, the police, a tax office or a traffic
   * department ("court_notice@", "adm.detran…@") on a domain that is not a government's
   * (BRAND_IMPERSONATION): such bodies write from their own domains, a fraudster borrows only the
   * name.
   */
  static void publicBodyMailbox(MailState st, String fromDomain) {
    if (st.from == null || fromDomain == null || st.listVouchesForAuthor()) {
      return;
    }
    int at = st.from.lastIndexOf('@');
    String word = at < 0 ? null : MailPublicBodies.publicBodyMailbox(st.from.substring(0, at));
    if (word != null && !MailPublicBodies.governmentDomain(fromDomain, word)) {
      st.flag(
          RedFlag.BRAND_IMPERSONATION,
          "mailbox \"" + word + "\" ≠ " + shown(fromDomain),
          "公的機関を名乗るアドレス \"" + word + "\" ≠ " + shown(fromDomain));
    }
  }

  /**
   * A sender whose display name speaks for a public body ("U.S. Federal Court System", "Receita
   * Federal", "lRS.GOV", 国税庁) on a domain that is not a government's (PUBLIC_BODY_NAME): IPA's
   * "notice from a public body never heard from before". The mailing service a city or ministry
   * sends its bulletins through (its own domain authenticated, its links to the body's site) and
   * list mail are left alone.
   */
  static void publicBodyName(MailState st, String fromDomain) {
    if (fromDomain == null || st.listVouchesForAuthor()) {
      return;
    }
    String words = MailPublicBodies.publicBodyName(st.fromName);
    if (words == null) {
      return;
    }
    // a domain named after the body (detran.sp.gov.br, receitafederal.com) is the look-alike
    // signs' to judge, as for the mailbox; a Japanese name has no letters to look for
    String letters = NOT_LETTER_OR_DIGIT.matcher(words.toLowerCase(Locale.ROOT)).replaceAll("");
    if (MailPublicBodies.governmentDomain(fromDomain, letters.length() < 3 ? null : letters)) {
      return;
    }
    if (fromAligned(st) && linksToGovernment(st)) {
      return;
    }
    st.flag(
        RedFlag.PUBLIC_BODY_NAME,
        "\"" + words + "\" ≠ " + shown(fromDomain),
        "公的機関の名乗り \"" + words + "\" ≠ " + shown(fromDomain));
  }

  static boolean linksToGovernment(MailState st) {
    for (MailReport.Link l : st.links) {
      String h = host(l.url());
      if (h != null && MailPublicBodies.governmentDomain(h, null)) {
        return true;
      }
    }
    return false;
  }

  static final Pattern ACCOUNT_SUBJECT =
      Pattern.compile(
          "(?i)\\byour\\b|account|password|verif|confirm|suspend|locked|secur|sign-?in|log-?in|payment"
              + "|invoice|order|deliver|refund|notice|alert|update|expir|お客様|アカウント|ご利用|確認|重要"
              + "|お知らせ|停止|支払|請求|配達|お届け|緊急|不正|本人|ロック|制限|無効|未払|未納|更新|退会"
              + "|サインイン|ログイン"
              // lists41: de, es, pt, fr ("Ihr GLS-Paket", "Su cuenta Santander", "Sua conta")
              + "|\\bihre?\\b|konto|passwort|bestätig|gesperrt|sicherheit|zahlung|rechnung|paket"
              + "|sendung|\\bsu\\b|\\btu\\b|cuenta|contraseña|verific|pago|factura|envío|paquete"
              + "|\\bsua\\b|\\bseu\\b|conta\\b|senha|pagamento|fatura|encomenda|votre|compte"
              + "|mot de passe|vérif|paiement|facture|livraison|colis|bloqu");
}
