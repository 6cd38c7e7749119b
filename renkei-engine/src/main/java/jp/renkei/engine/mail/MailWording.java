package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailAlignment.fromAligned;
import static jp.renkei.engine.mail.MailHosts.FREEMAIL;
import static jp.renkei.engine.mail.MailLinks.domain;
import static jp.renkei.engine.mail.MailLinks.host;
import static jp.renkei.engine.mail.MailLinks.registrable;
import static jp.renkei.engine.mail.MailLinks.webLink;
import static jp.renkei.engine.mail.MailSenders.advisory;
import static jp.renkei.engine.mail.MailSenders.claimsNoOtherBrand;
import static jp.renkei.engine.mail.MailSenders.internal;
import static jp.renkei.engine.mail.MailSenders.ownNotice;
import static jp.renkei.engine.mail.MailText.URL;
import static jp.renkei.engine.mail.MailText.oneSpace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wording room: judges what the text asks and how (credentials, urgency, payment and rewards,
 * extortion, call-backs, lures relayed by a list or echoed by a web form), with the fine print and
 * the sender's own notices set apart.
 */
final class MailWording {

  private MailWording() {}

  /**
   * A lure word with spaces between its letters ("v e r i f y"), read in the text
   * (MailSpacedWords).
   */
  static void spacedWords(MailState st, boolean senderAllowed) {
    String spaced = senderAllowed ? null : MailSpacedWords.find(st.text);
    if (spaced == null && !senderAllowed) {
      // a Japanese lure word spaced out inside a sentence (recall29)
      spaced = MailSpacedJapanese.find(st.text);
    }
    if (spaced != null) {
      st.flag(
          RedFlag.OBFUSCATED_TEXT,
          "letters spaced out: \"" + spaced + "\"",
          "文字の間に空白: \"" + spaced + "\"");
    }
  }

  /** The signs in the words: credentials, urgency, lures, IPA themes. */
  static void wording(MailState st) {
    MailPhrases.Hits phrases = withoutFinePrint(st.phrases());
    List<String> creds = st.credentials(phrases);
    boolean advisory = advisory(st);
    if (!creds.isEmpty() && advisory) {
      // an advisory names the lures it warns of ("「本人確認」を求めるメール") and asks nothing
      creds = List.of();
    } else if (!creds.isEmpty() && ownNotice(st)) {
      // a service's own security notice: what remains once its reports are taken out, and, when it
      // claims no brand but its own, once its everyday asks to its members are (log in to see the
      // statement)
      String rest = MailCredentialWords.SECURITY_NOTICES.matcher(phrases.text()).replaceAll(" ");
      if (claimsNoOtherBrand(st)) {
        rest = MailCredentialWords.OWN_ACCOUNT_ASKS.matcher(rest).replaceAll(" ");
        if (internal(st)) {
          // the reader's own organisation's IT: the mailbox almost full, a password to change
          rest = MailCredentialWords.INTERNAL_NOTICES.matcher(rest).replaceAll(" ");
        }
      }
      creds = MailSigns.found(MailCredentialWords.CREDENTIALS, rest);
    }
    if (!creds.isEmpty()) {
      st.flag(RedFlag.CREDENTIAL_REQUEST, st.quote(creds));
    }
    // before the list's vouching: a code host's notifications come with list headers
    relayedLure(st);
    formEchoLure(st);
    // a link typed where a form asks for a name, whatever words surround it (ja40)
    MailFormPayloads.nameLinkLure(st);
    // side-job recruitment by LINE at 万円 a day, read through lists too: no member recruits so
    // (MailJobLures, ja36)
    String job = MailJobLures.find(phrases.text());
    if (job != null) {
      st.flag(RedFlag.FRAUD_OFFER, st.quote(List.of(job)));
    }
    // the investment lure and the advance-fee letter in Japanese, read through lists too: no
    // member writes them, and one who warns of them says so (ja40)
    String investment = MailJapaneseInvestmentLures.find(phrases.text());
    if (investment != null) {
      st.flag(RedFlag.FRAUD_OFFER, st.quote(List.of(investment)));
    }
    List<String> advanceFee = MailJapaneseAdvanceFee.found(phrases.text());
    if (!advanceFee.isEmpty()) {
      st.flag(RedFlag.FRAUD_OFFER, st.quote(advanceFee));
    }
    if (st.listVouched()) {
      // a web address in a Japanese greeting's name or a form's name field: a business's automatic
      // reply delivered to the list's address, not a member's words (the other readings of
      // userNameLure, a greeting "Hi …," or a user-name field, stay off: members quote
      // configurations and logs)
      String named = MailNameFieldLures.japaneseNameWeb(st.phrases().text());
      if (named != null) {
        st.flag(RedFlag.USER_NAME_LURE, named);
      }
    }
    if (MailRelayedPosts.wordingRelieved(st) && (st.membersPost || !st.listUnsubscribe)) {
      // members of a list discuss money, deadlines, jobs and documents: the words alone say
      // nothing there (credential requests still count); a campaign's List-Id beside
      // List-Unsubscribe, with nothing members post through, is no such list
      return;
    }
    List<String> urgent =
        advisory
            ? List.of()
            : MailSigns.found(
                MailUrgencyWords.URGENCY,
                MailEverydayWords.without(MailEverydayWords.NOT_PRESSURE, phrases));
    if (!urgent.isEmpty() && salesDeadlineOnly(st, phrases, urgent)) {
      urgent = List.of();
    }
    if (!urgent.isEmpty()) {
      st.flag(RedFlag.URGENCY, st.quote(urgent));
    }
    MailPhrases.Hits lureText =
        MailSaleTerms.withoutTerms(
            MailEverydayWords.without(MailEverydayWords.NOT_A_PRIZE, phrases));
    // a newsletter's sums in millions are its news (MailNewsFigures)
    List<String> lures =
        new ArrayList<>(
            MailNewsFigures.withoutNewsSums(
                st, MailSigns.found(MailFraudWords.LURES, lureText), lureText.text()));
    // delivery software's own report names its failed delivery (MailBounce.softwareReport)
    MailBounce.withoutReportWords(st, lures);
    MailSigns.found(MailFraudWords.CREDITED_AMOUNTS, phrases).stream()
        .filter(x -> lures.size() < 3)
        .forEach(lures::add);
    if (!st.bulk() || MailRelayedAsks.authorsOwn(st)) {
      // coupons, gifts and congratulations are what newsletters and shops send every day
      MailSigns.found(MailFraudWords.MARKETING, phrases).stream()
          .filter(x -> !lures.contains(x) && lures.size() < 3)
          .forEach(lures::add);
    }
    if (!lures.isEmpty() && ownTransaction(st)) {
      lures.removeIf(x -> MailFraudWords.COMMERCE_WORDS.matcher(x).matches());
    }
    if (!lures.isEmpty()) {
      st.flag(RedFlag.PAYMENT_LURE, st.quote(lures));
    }
    rewardLure(st);
    List<String> fraud = new ArrayList<>(MailSigns.found(MailFraudWords.FRAUD_OFFERS, phrases));
    if (fraud.contains("welcome bonus")
        && MailFraudWords.POINTS_WELCOME_BONUS.matcher(phrases.text()).find()) {
      // the welcome bonus of a card offer, in points or miles (not a casino's deposit bonus)
      fraud.remove("welcome bonus");
    }
    if (!fraud.isEmpty() && knownBrandsOwnNotice(st)) {
      // an exchange's own notice reports the reader's transactions ("you sent 0.015 btc")
      fraud.removeIf(x -> CRYPTO_AMOUNT.matcher(x).matches());
    }
    if (!fraud.isEmpty()) {
      st.flag(RedFlag.FRAUD_OFFER, st.quote(fraud));
    }
    creditApproval(st);
    extortion(st, phrases);
    callback(st);
    String named = MailNameFieldLures.userNameLure(phrases, st.fromName);
    if (named != null) {
      st.flag(RedFlag.USER_NAME_LURE, named);
    } else {
      // the name a newsletter or shop holds for the reader, written by whoever signed the reader
      // up: the platform mails it out in To and in the greeting
      String recipient = MailNameFieldLures.recipientNameLure(st.recipientNames);
      if (recipient != null) {
        st.flag(RedFlag.USER_NAME_LURE, "To: \"" + recipient + "\"");
      }
    }
    List<String> themes =
        MailSaleTerms.withoutMarketingBonus(st, MailSigns.found(MailFraudWords.THEMES, phrases));
    if (!themes.isEmpty()) {
      st.flag(RedFlag.TARGETED_THEME, st.quote(themes));
    }
    if (st.senderDomain != null
        && FREEMAIL.contains(st.senderDomain)
        && (!creds.isEmpty() || !urgent.isEmpty() || !lures.isEmpty() || !fraud.isEmpty())) {
      st.flag(RedFlag.FREEMAIL_LURE, "From: " + st.from);
    }
  }

  /**
   * The text with its fine print blanked out, for the wording signs: a sentence that holds one of
   * {@link MailFraudWords#FINE_PRINT} (a card offer's terms, "purchases do not include wire
   * transfers ... lottery tickets"; a confidentiality notice, "if you are not the intended
   * recipient, inform the sender as soon as possible"; a newsletter's footer, "to update your email
   * address ... or to stop receiving emails") states what does not apply or how to leave the list;
   * the lure words in it ask the reader to do nothing. A sentence ends at . ! ? 。 or a line break,
   * and at most {@link #FINE_PRINT_REACH} characters either side of the phrase are blanked, so that
   * a lure written without stops around a disclaimer keeps its words. The text keeps its length.
   */
  static MailPhrases.Hits withoutFinePrint(MailPhrases.Hits hits) {
    String text = hits.text();
    char[] blanked = null;
    for (String phrase : MailFraudWords.FINE_PRINT) {
      for (int i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + phrase.length())) {
        int from = i;
        int floor = Math.max(0, i - FINE_PRINT_REACH);
        while (from > floor && !sentenceStop(text.charAt(from - 1))) {
          from--;
        }
        int to = i + phrase.length();
        int ceiling = Math.min(text.length(), to + FINE_PRINT_REACH);
        while (to < ceiling && !sentenceStop(text.charAt(to))) {
          to++;
        }
        if (blanked == null) {
          blanked = text.toCharArray();
        }
        java.util.Arrays.fill(blanked, from, to, ' ');
      }
    }
    return blanked == null ? hits : MailSigns.phrases(new String(blanked));
  }

  /** How far from a fine-print phrase its sentence is blanked, at most (characters, each side). */
  static final int FINE_PRINT_REACH = 240;

  static boolean sentenceStop(char c) {
    return c == '.' || c == '!' || c == '?' || c == '\n' || c == '。';
  }

  /**
   * A lure a platform's user wrote and the platform mailed out (RELAYED_LURE): the notification
   * comes from a platform that relays its users' text (a GitHub issue, a help-desk ticket, a chat
   * transcript, a shared form), that text offers crypto-currency or money or speaks as the
   * platform's security team ({@link MailPlatforms#RELAYED_LURES}, or an offer only fraud makes),
   * and it links away from the platform. The platform is real; the writer is not its staff.
   */
  static void relayedLure(MailState st) {
    if (st.senderDomain == null || !MailPlatforms.RELAYING_PLATFORMS.contains(st.senderDomain)) {
      return;
    }
    Set<String> away = new java.util.TreeSet<>();
    for (MailReport.Link l : st.links) {
      String h = host(l.url());
      if (h == null) {
        continue;
      }
      String reg = registrable(h);
      if (!reg.equals(st.senderDomain)
          && !MailHosts.hostIn(h, MailHosts.TRACKERS)
          && !MailPlatforms.PLATFORM_ASSETS.contains(reg)) {
        away.add(reg);
      }
    }
    if (away.isEmpty()) {
      return;
    }
    List<String> lures =
        new ArrayList<>(MailSigns.found(MailPlatforms.RELAYED_LURES, st.text.toString()));
    MailSigns.found(MailFraudWords.FRAUD_OFFERS, st.text.toString()).stream()
        .filter(x -> lures.size() < 3 && !lures.contains(x))
        .forEach(lures::add);
    if (!lures.isEmpty()) {
      st.flag(
          RedFlag.RELAYED_LURE,
          st.senderDomain
              + ": "
              + quoted(lures)
              + " → "
              + String.join(", ", away.stream().limit(3).toList())
              + (away.size() > 3 ? " …" : ""));
    }
  }

  /**
   * A lure typed into a web form that the form's own server mailed back as its automatic reply
   * (RELAYED_LURE, recall31): the mail says it is a form's reply ({@link #FORM_REPLY}: お問い合わせ
   * ありがとうございました, このメールは…フォームから送信), repeats the form's fields ({@link #FORM_FIELD}, two at least),
   * and the repeated fields hold a link to a site that is not the sender's, beside words of money
   * or prizes ({@link MailFraudWords#LURES}, {@link MailPlatforms#RELAYED_LURES}, {@link
   * MailFraudWords#FRAUD_OFFERS}). The business is real and so is its server; whoever typed the
   * link gave the reader's address as theirs, so that the business would deliver the lure. A
   * customer who asks about the business's own pages links the sender's site.
   */
  static void formEchoLure(MailState st) {
    // read on discussion lists too: the lure's writer typed the list's address into the form, and
    // no member posts a business's automatic reply
    if (st.senderDomain == null || st.bounce) {
      return;
    }
    String text =
        st.text.length() > FORM_ECHO_READ
            ? st.text.subSequence(0, FORM_ECHO_READ).toString()
            : st.text.toString();
    if (!mayBeFormReply(text) || !FORM_REPLY.matcher(text).find()) {
      return;
    }
    Matcher f = FORM_FIELD.matcher(text);
    int first = -1;
    int fields = 0;
    Set<String> seen = new java.util.HashSet<>();
    while (f.find() && fields < 2) {
      if (seen.add(f.group(1).toLowerCase(Locale.ROOT))) {
        fields++;
        first = first < 0 ? f.start() : first;
      }
    }
    // labels alone on their line, the typed name greeted above them, a form's own footer (ja39)
    first = MailFormEchoes.echoStart(text, first, fields);
    if (first < 0) {
      return;
    }
    // the echo: from the first repeated field to the form's closing rule (----, ====) or the end
    Matcher rule = FORM_RULE.matcher(text);
    String echo = text.substring(first, rule.find(first) ? rule.start() : text.length());
    Set<String> away = new java.util.TreeSet<>();
    Matcher u = URL.matcher(echo);
    while (u.find() && away.size() < 4) {
      String h = host(u.group());
      if (h == null) {
        continue;
      }
      String reg = registrable(h);
      if (!reg.equals(st.senderDomain) && !MailHosts.hostIn(h, MailHosts.TRACKERS)) {
        away.add(reg);
      }
    }
    if (away.isEmpty()) {
      return;
    }
    String lower = echo.toLowerCase(Locale.ROOT);
    List<String> lures = new ArrayList<>(MailSigns.found(MailPlatforms.RELAYED_LURES, lower));
    for (Pattern p : List.of(MailFraudWords.FRAUD_OFFERS, MailFraudWords.LURES)) {
      MailSigns.found(p, lower).stream()
          .filter(x -> lures.size() < 3 && !lures.contains(x))
          .forEach(lures::add);
    }
    MailFormEchoes.bait(lower, 3).stream()
        .filter(x -> lures.size() < 3 && !lures.contains(x))
        .forEach(lures::add);
    // a shortened link typed into the form, whatever words are beside it (ja42)
    if (lures.isEmpty() && MailFormShortLinks.flag(st, echo)) {
      return;
    }
    if (!lures.isEmpty()) {
      st.flag(
          RedFlag.RELAYED_LURE,
          "web form's automatic reply from "
              + st.senderDomain
              + ": "
              + quoted(lures)
              + " → "
              + String.join(", ", away.stream().limit(3).toList()),
          "Web フォームの自動返信 ("
              + st.senderDomain
              + "): "
              + quoted(lures)
              + " → "
              + String.join(", ", away.stream().limit(3).toList()));
    }
  }

  /** How much of the text is read for a form's echo: the reply and its fields come first. */
  static final int FORM_ECHO_READ = 20_000;

  /**
   * A Japanese web form's automatic reply saying what it is. Not the English forms ("thank you for
   * contacting us", "Name:", "Subject:"): with them, one legitimate held-out message of the
   * SpamAssassin ham set was flagged, and no English form reply is in the tuning halves to build on
   * (recall31).
   */
  static final Pattern FORM_REPLY =
      Pattern.compile(
          "(?i)このメールは.{0,40}(?:フォーム|自動(?:返信|配信|送信))|お問い?合わ?せ(?:を|いただき|頂き)?"
              // "お問い合わせ頂きまして誠に有難うございます" (ja36)
              + "(?:まして)?[、,]?\\s?(?:誠に)?(?:ありがとう|有難う|受け付け|受付|承り|お受け)"
              + "|自動(?:返信|配信|送信)(?:メール|にて|で)");

  /**
   * Words one of which every alternative of {@link #FORM_REPLY} holds as written, in characters
   * that have no case (MailScanPrecheckTest checks both): a text with none of them is not searched
   * (an English lure's text would be tried at every character, speed35).
   */
  static final List<String> FORM_REPLY_NEEDS = List.of("このメールは", "お問", "自動");

  /** Whether {@link #FORM_REPLY} can find anything in {@code text}: one of its words is there. */
  static boolean mayBeFormReply(String text) {
    for (String w : FORM_REPLY_NEEDS) {
      if (text.contains(w)) {
        return true;
      }
    }
    return false;
  }

  /** A repeated form field at a line's start: its name and a colon. */
  static final Pattern FORM_FIELD =
      Pattern.compile(
          "(?im)^[ \\t　]*[【\\[■●・]?[ 　]?((?:ご担当者)?お名前(?:[ 　]?(?:カナ|フリガナ))?|ご?氏名"
              // the forms of the lures' echoes (ja36): "ご担当者お名前", "お電話番号", "Mail Adderess"
              + "|(?:貴社|会社|法人)名|メールアドレス|mail addr?ess|お?電話番号|件名|題名|お問い?合わ?せ内容"
              + "|メッセージ本文|ご用件)"
              + "[】\\]]?[ \\t　]*[:：]");

  /** The rule a form's reply draws under the fields it repeats. */
  static final Pattern FORM_RULE = Pattern.compile("(?m)^[ \\t]*(?:-{8,}|={8,}|＿{4,}|━{4,})");

  /**
   * A sale's deadline ("last chance", "final chance": MailUrgencyWords.SALES_DEADLINE) as the only
   * urgency of a shop's own bulk mail: the List-Unsubscribe header every bulk sender adds, the From
   * domain itself authenticated ({@link MailAlignment#fromAligned}, no free mail), no credentials
   * asked for and no payment, invoice or prize words ({@link MailFraudWords#LURES}). A sale that
   * ends is what shops write every week; alone it presses nobody into giving anything away. Any
   * other urgency beside it (a deadline in hours, a threat of suspension), money asked for ("last
   * chance: pay the invoice"), a password asked for, mail without the list header, a sender nobody
   * authenticated or a sending platform's own address in From (whoever's DKIM passed) keeps the
   * sign; the message's other signs are judged as ever (issue 19, hamout27).
   */
  static boolean salesDeadlineOnly(MailState st, MailPhrases.Hits phrases, List<String> urgent) {
    return st.listUnsubscribe
        && !st.asksCredentials
        && st.senderDomain != null
        && !FREEMAIL.contains(st.senderDomain)
        && fromAligned(st)
        && urgent.stream().allMatch(u -> MailUrgencyWords.SALES_DEADLINE.matcher(u).matches())
        && MailSigns.found(MailFraudWords.LURES, phrases).isEmpty();
  }

  /**
   * A shop's, biller's or carrier's own mail about the reader's order, bill or payment: a service's
   * own notice ({@link #ownNotice}: its own domain authenticated, every link on its own domains)
   * that claims no other brand, links its own site ({@link #linksOwnSite}) or, bulk, gives nothing
   * to click or call ({@link MailTransactionLinks#nothingToAct}), and carries no text a user wrote
   * ({@link #userWritten}). A hijacked mailbox of an organisation that bills for another company
   * with no link to its own site is none. The invoice, the shipment, the refund and the wallet it
   * speaks of ({@link MailFraudWords#COMMERCE_WORDS}) are the reader's own; from anyone else, or
   * with a link elsewhere, they stay a lure.
   */
  static boolean ownTransaction(MailState st) {
    return ownNotice(st, true)
        && claimsNoOtherBrand(st)
        && !userWritten(st)
        && (!st.links.isEmpty() && linksOwnSite(st)
            || MailTransactionLinks.nothingToAct(st)
            // every link through the shop's counter, an order number stated (hamout42)
            || MailCounterOrders.orderThroughCounter(st));
  }

  /**
   * A link (click trackers aside) to the sender's own registrable domain: its shop, its account.
   */
  static boolean linksOwnSite(MailState st) {
    for (MailReport.Link l : st.links) {
      String h = host(l.url());
      if (h != null && registrable(h).equals(st.senderDomain) && webLink(l.url())) {
        return true;
      }
    }
    return false;
  }

  /**
   * A known brand's own notice: a service's own notice ({@link #ownNotice}) that claims no other
   * brand, from a domain of a brand in {@link MailBrands#BRANDS} (coinbase.com), linking it. A
   * compromised mailbox elsewhere that passes DMARC ("your wallet has been funded with 51.85 BTC",
   * no link) is none.
   */
  static boolean knownBrandsOwnNotice(MailState st) {
    if (st.senderDomain == null
        || st.links.isEmpty()
        || !ownNotice(st)
        || !claimsNoOtherBrand(st)) {
      return false;
    }
    String own = MailDomains.label(st.senderDomain);
    return MailBrands.BRANDS.stream().anyMatch(b -> b.labels().contains(own));
  }

  /**
   * Credit "approved" for a reader who never applied (MailFraudWords.CREDIT_APPROVAL, FRAUD_OFFER),
   * in the subject or the text of mail that links somewhere, from a sender no SPF or DKIM vouched
   * for (a bank writing to its own customers signs its mail) and that a discussion list did not
   * carry.
   */
  static void creditApproval(MailState st) {
    if (st.links.isEmpty()
        || MailRelayedPosts.wordingRelieved(st)
        || fromAligned(st)
        || st.findings.stream().anyMatch(f -> f.flag() == RedFlag.FRAUD_OFFER)) {
      return;
    }
    String subject = st.subject == null ? "" : st.subject.toLowerCase(Locale.ROOT);
    Matcher m = MailFraudWords.CREDIT_APPROVAL.matcher(subject);
    String where = "Subject";
    if (!m.find()) {
      String text = st.text.length() > 4000 ? st.text.substring(0, 4000) : st.text.toString();
      String lower = text.toLowerCase(Locale.ROOT);
      if (!MailFraudWords.mayApproveCredit(lower)) {
        return;
      }
      m = MailFraudWords.CREDIT_APPROVAL.matcher(oneSpace(lower));
      where = "text";
      if (!m.find()) {
        return;
      }
    }
    st.flag(
        RedFlag.FRAUD_OFFER,
        where + ": \"" + m.group() + "\" (credit approved unasked)",
        (where.equals("Subject") ? "件名" : "本文") + ": \"" + m.group() + "\" (申し込んでいない与信の承認)");
  }

  /** An amount of bitcoin as {@link MailFraudWords#FRAUD_OFFERS} finds it ("0.015 btc"). */
  static final Pattern CRYPTO_AMOUNT = Pattern.compile("[\\d.,]+[ _]?btc");

  /**
   * Extortion (EXTORTION): two of its phrases ({@link MailUrgencyWords#EXTORTION}: the reader
   * filmed, the device taken over, the video sent to the contacts), or one with a bitcoin address
   * or the word bitcoin; the address is shown.
   */
  static void extortion(MailState st, MailPhrases.Hits phrases) {
    List<String> said = MailSigns.found(MailUrgencyWords.EXTORTION, phrases);
    if (said.isEmpty()) {
      return;
    }
    String text = phrases.text();
    Matcher address = MailUrgencyWords.BITCOIN_ADDRESS.matcher(text);
    String wallet = address.find() ? address.group() : null;
    if (said.size() >= 2 || wallet != null || text.contains("bitcoin") || text.contains(" btc")) {
      st.flag(RedFlag.EXTORTION, quoted(said) + (wallet == null ? "" : " → " + wallet));
    }
  }

  /**
   * A reward in the subject (REWARD_LURE) of a message that links somewhere and carries no list
   * header at all: a shop's or a list's prize draw comes with List-Unsubscribe (required of bulk
   * senders by the large mailbox providers), a lure from a throw-away domain does not. When none of
   * the links (click trackers aside) is on the sender's domain, the evidence names where they lead.
   */
  static void rewardLure(MailState st) {
    if (st.subject == null
        || (st.listMail && !MailRelayedAsks.authorsOwn(st))
        || st.links.isEmpty()) {
      return;
    }
    List<String> rewards =
        MailSigns.found(MailFraudWords.REWARDS, st.subject.toLowerCase(Locale.ROOT));
    if (rewards.isEmpty()) {
      return;
    }
    Set<String> elsewhere = new java.util.TreeSet<>();
    boolean own = false;
    for (MailReport.Link l : st.links) {
      String h = host(l.url());
      if (h == null || MailHosts.hostIn(h, MailHosts.TRACKERS)) {
        continue;
      }
      String reg = registrable(h);
      if (reg.equals(st.senderDomain)) {
        own = true;
      } else {
        elsewhere.add(reg);
      }
    }
    boolean away = !(own || elsewhere.isEmpty() || st.senderDomain == null);
    String hosts =
        String.join(", ", elsewhere.stream().limit(3).toList())
            + (elsewhere.size() > 3 ? " …" : "");
    st.flag(
        RedFlag.REWARD_LURE,
        "Subject: "
            + quoted(rewards)
            + (st.listMail
                ? "; a post a mailing list only relayed (its list's headers are not its author's)"
                : "; neither a List-Unsubscribe nor a List-Id header")
            + (away
                ? "; its links go to " + hosts + ", not to the sender's domain " + st.senderDomain
                : ""),
        "件名: "
            + quoted(rewards)
            + (st.listMail
                ? "。メーリングリストが中継しただけの投稿 (リストのヘッダーは投稿者のものではない)"
                : "。List-Unsubscribe も List-Id もヘッダーにない")
            + (away ? "。リンク先 " + hosts + " は差出人のドメイン " + st.senderDomain + " と違う" : ""));
  }

  /**
   * The callback lure (CALLBACK_LURE): a charge claimed and a number to call about it. Not raised
   * when a company whose From domain is authenticated and aligned ({@link
   * MailAlignment#fromAligned}) gives a number in its own text (a shop's order confirmation with
   * its service line); raised all the same when the number is in the subject or sender name, when
   * the sender is free mail or not authenticated, and when the text is one a user wrote and a
   * platform carried, whatever the authentication ({@link #userWritten}): an invoice, a payment
   * request or an invitation whose note says "call us to cancel" — from a hijacked mailbox too,
   * which authenticates as its own organisation.
   */
  static void callback(MailState st) {
    String shown =
        (st.subject == null ? "" : st.subject) + "\n" + (st.fromName == null ? "" : st.fromName);
    MailCallbackLures.Callback c = MailCallbackLures.callback(shown, st.phrases());
    if (c == null) {
      return;
    }
    boolean ownVoice =
        st.senderDomain != null
            && !FREEMAIL.contains(st.senderDomain)
            && fromAligned(st)
            && !userWritten(st);
    if (c.shown() || !ownVoice) {
      st.flag(RedFlag.CALLBACK_LURE, c.evidence());
    }
  }

  /**
   * Text a user typed and a platform mailed: the sender is a platform whose notifications carry
   * their users' words ({@link MailPlatforms#USER_TEXT_PLATFORMS}), the message is a calendar
   * invitation, or a platform sent it on a user's behalf (its own address in Sender, the user's in
   * From: Google Calendar's invitation from an organiser's own domain).
   */
  static boolean userWritten(MailState st) {
    if (st.invitation
        || (st.senderDomain != null
            && MailPlatforms.USER_TEXT_PLATFORMS.contains(st.senderDomain))) {
      return true;
    }
    String sender = st.senderAsWritten == null ? null : domain(st.senderAsWritten);
    return sender != null
        && MailPlatforms.USER_TEXT_PLATFORMS.contains(registrable(sender.toLowerCase(Locale.ROOT)));
  }

  static String quoted(List<String> phrases) {
    // straight quotes, not 「」: the evidence reads the same in the Japanese and the English page
    return "\"" + String.join("\", \"", phrases) + "\"";
  }
}
