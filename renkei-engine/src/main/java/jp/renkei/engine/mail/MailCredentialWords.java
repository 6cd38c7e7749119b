package jp.renkei.engine.mail;

import static jp.renkei.engine.mail.MailSigns.found;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Credential and sign-in wording (issue 19): requests for passwords, IDs and account verification,
 * third parties' accounts, the security and internal notices that say the same honestly, and the
 * login words of a form.
 */
final class MailCredentialWords {

  private MailCredentialWords() {}

  /** Requests for passwords, IDs, account verification (seed 003: ID・パスワード等の入力要求). */
  static final Pattern CREDENTIALS =
      Pattern.compile(
          "password (?:will )?(?:expir|reset required)|password expiry|passwords? (?:has|have) expired"
              + "|(?:mailbox|storage|inbox) (?:\\w+ ){0,3}(?:quota|is full|storage limit|is"
              + " almost full)|e-?mail (?:storage|quota)|quota (?:limit|exceeded)|reached (?:the|its|your) (?:\\w+ )?(?:quota"
              + "|limit|storage)|verify your (?:account|identity|e-?mail|information|details)"
              + "|confirm your (?:account|identity|password|details|information|e-?mail)"
              + "|(?:account|wallet|subscription)s? (?:has been |have been |will be |is |are |is about to"
              + " be )?(?:temporar(?:y|ily) )?(?:suspended|locked|on hold|deactivated|disabled)"
              + "|(?:mandatory|required) (?:activation|verification) of (?:two-factor|2fa)"
              + "|(?:recovery|seed|secret) phrase"
              // pt, es, de, fr, nl, it: verify / update your account, blocked access, locked card
              + "|(?:confirme|atualize|verifique|valide|regularize) (?:seus|sua|seu|os seus) (?:dados|cadastro|conta|acesso)"
              + "|(?:conta|acesso|cart[ãa]o|cadastro) (?:foi |ser[áa] |est[áa] )?(?:bloquead[oa]|suspens[oa]|desativad[oa])"
              + "|valor bloqueado|(?:confirme|actualice|verifique) (?:sus|su) (?:datos|cuenta)"
              + "|cuenta (?:ha sido |será )?(?:bloqueada|suspendida)|konto (?:wurde |wird )?(?:gesperrt|eingeschränkt)"
              + "|(?:bestätigen|verifizieren|aktualisieren|überprüfen) sie (?:bitte )?(?:ihr|ihre)"
              + " (?:konto|daten|identität|angaben|kontodaten|zugangsdaten)"
              + "|compte (?:a été |sera )?(?:suspendu|bloqué|désactivé)|(?:vérifiez|confirmez|mettez à jour) vos"
              + " (?:informations|données|coordonnées)|(?:account|rekening) (?:is |wordt )?(?:geblokkeerd|opgeschort)"
              + "|(?:bevestig|verifieer) (?:uw|je) (?:gegevens|account|identiteit)|gegevens (?:lopen|worden) (?:\\w+ )?(?:risico|verwijderd)"
              + "|(?:update|validate|re-?confirm|restore|reactivate) your (?:account|billing"
              + "|payment|information|details|password|e-?mail)|account (?:has been |will be |is"
              + " )?(?:suspended|locked|limited|disabled|deactivated|on hold|restricted|blocked)"
              + "|(?:unusual|suspicious|unrecognized|unauthorized) (?:sign-?in|log-?in|activity"
              + "|access)|sign-?in (?:attempt|activity)|log ?in to (?:verify|confirm|restore"
              + "|continue|avoid|keep)|(?:keep|retain) (?:your )?(?:same )?password"
              + "|e-?mail (?:account )?(?:verification|deactivation|upgrade)|pending (?:incoming"
              + " )?(?:e-?mails|messages)|(?:undelivered|held|blocked) (?:incoming )?messages"
              + "|account verification|(?:security|fraud) (?:alert|notice|notification)"
              + "|one-time (?:code|password)"
              // account alerts: a sign-in from a new device, know-your-customer checks, wallets to
              // "synchronise" (pt, de as they came)
              + "|(?:new |unusual |suspicious )?log-?in attempt|(?:log-?in|sign-?in) from (?:an? )?(?:new"
              + "|unfamiliar|unknown|unrecognized) device|new device (?:log-?in|sign-?in|detected|wallet)"
              + "|(?:log-?in|acesso) suspeito|\\bkyc (?:is )?(?:unverified|required|pending|expired"
              + "|update|verification|agreement)|complete (?:your )?kyc|(?:two-factor|2fa)"
              + " (?:authentication )?(?:\\(2fa\\) )?activity|wallet (?:restoration|synchroni[sz]ation)"
              + "|(?:connect|sync|verify|validate) your wallet|(?:aktualisieren|bestätigen) sie (?:jetzt )?ihre"
              + " kontoinformationen|deaktivierung ihrer karte|konto wird in \\d+ tagen gelöscht"
              + "|(?:verify|confirm|update) your (?:personal|online"
              + " banking|banking|card|billing) (?:information|details|records|data|account)"
              // English as the bank and auction lures of 2003-06 wrote it, and their heirs: the
              // reader's access blocked by "us", a security system that requires the reader to act,
              // the card's number or PIN to re-enter, a suspension to avoid
              + "|we (?:have |had to |were forced to )?(?:temporarily )?(?:block|suspend|limit"
              + "|restrict|lock|deactivate)(?:ed)? (?:your|access to your) (?:\\w+ )?account"
              + "|(?:internet|online) banking (?:account |access )?(?:has been |will be )?(?:suspended"
              + "|locked|blocked|deactivated|restricted)|security (?:systems?|department|measures)"
              + " (?:requires?|demands?) (?:that )?(?:you|your)"
              + "|(?:re-?enter|confirm|verify|update) your (?:atm|check|debit|credit|bank) card"
              + " (?:number|details|information|pin)|(?:avoid|prevent) (?:the |any )?(?:suspension"
              + "|termination|deactivation|closure|cancellation) of your (?:\\w+ )?account"
              + "|(?:unable|not able) to verify your (?:account|identity|information|details)"
              + "|account (?:information|details|records) (?:needs?|has|have|must) (?:to )?be"
              + " (?:updated|verified|confirmed|validated)"
              + "|パスワード(?:の|を)?(?:有効期限|期限切れ|変更|再設定|更新|再登録)|(?:メールボックス|メール|受信箱)"
              + "の?容量|容量(?:オーバー|超過|制限|不足)|アカウント(?:が|は|を)?(?:一時)?(?:停止|ロック|凍結"
              + "|制限|無効|保留)|本人確認|本人様(?:の)?確認|登録情報(?:の|を)?(?:ご)?(?:確認|更新)|ご利用確認|不正(?:な)?(?:ログイン|アクセス"
              + "|利用|使用)|ログイン(?:して|の上|のうえ|し|が必要)|認証(?:が必要|情報)|セキュリティ(?:警告|通知|強化)"
              // Japanese as the lures of 2024-26 write it: a strange sign-in reported, a sign-in
              // asked, the payment method or registered details to renew, an ID locked, the
              // one-time
              // password or PIN to enter
              + "|(?:異常な|不審な|普段と異なる|身に覚えのない)(?:サインイン|ログイン|アクセス)"
              + "|サインイン(?:して|の上|し|が必要)|(?:お支払い|支払い|決済)方法(?:の|を)?(?:更新|再登録|再設定)"
              + "|(?:お客様|お客さま|会員|カード|口座)(?:の)?情報(?:の|を)?(?:ご)?(?:確認|更新|再登録|入力)"
              + "|(?:id|アカウント)(?:が|は)(?:ロック|凍結)|ロック(?:を)?解除"
              + "|(?:ワンタイムパスワード|暗証番号|セキュリティコード)(?:を|の)?入力"
              // the securities-account wave of 2025: multi-factor set-up, the login details, the
              // trading PIN to re-register; the payment details to renew on a suspended account
              + "|(?:多要素|二段階|2段階|二要素)認証(?:の|を)?(?:設定|登録|再設定)"
              + "|(?:ログイン|お支払い|支払い|請求|決済)情報(?:の|を)?(?:ご)?(?:確認|更新|再登録|入力|不一致)"
              + "|暗証番号(?:の|を)?(?:再登録|再設定|確認)|アカウント(?:を|の)(?:ご)?確認(?:する|して|の上|のうえ)"
              // the bank and card lures of 2025 (real Japanese mail that reached public lists): the
              // account's use or trading restricted until the reader confirms (the banks' own check
              // of the purpose of transactions, 取引目的等の確認, is no sign: the banks send it too)
              + "|(?:アカウント|口座|カード)(?:の|で)?(?:お|ご)?(?:利用|取引)(?:に|を|が)?制限"
              // the reader's personal details to "authenticate again" (recall29): a bank or card
              // company asks to confirm a transaction's purpose, never to re-authenticate details
              + "|(?:個人|会員|お客様|お客さま|登録)情報(?:の|を)?\\s{0,2}再認証"
              // the other languages' lures (lang40)
              + "|"
              + MailForeignWords.CREDENTIALS);

  /**
   * Someone else's mailbox or account, named by a third-person owner ("their mailbox is full", "the
   * user(s) account is disabled", "the recipient's inbox"): a delivery notice reports the state of
   * the address it could not reach, while a lure speaks of the reader's own ("your mailbox is
   * full"). Blanked before {@link #CREDENTIALS} is matched, so that only the owner word and the
   * noun go ("is full" alone is no request); "your", "the user account" and a bare "mailbox" stay.
   */
  static final Pattern THIRD_PARTY_ACCOUNT =
      Pattern.compile(
          "\\b(?:their|his|her|(?:the )?(?:recipient|addressee)(?:s['’]?|['’]s)"
              + "|the user(?:s['’]?|['’]s|\\(s\\)(?:['’]s?)?)) (?:e-?mail )?(?:mailbox|account|inbox)(?:e?s)?\\b");

  /**
   * The {@link #CREDENTIALS} phrases found in {@code hits}, with those about a third party's
   * mailbox or account ({@link #THIRD_PARTY_ACCOUNT}) left out.
   */
  static List<String> credentials(MailPhrases.Hits hits) {
    List<String> found = found(CREDENTIALS, hits);
    if (found.isEmpty()) {
      return found;
    }
    // a subscription's own management, not an account's (MailSubscriptionAsks, political38)
    String text = MailSubscriptionAsks.withoutSubscriptionAsks(hits.text());
    if (text == hits.text() && !THIRD_PARTY_ACCOUNT.matcher(text).find()) {
      return found;
    }
    return found(CREDENTIALS, THIRD_PARTY_ACCOUNT.matcher(text).replaceAll(" "));
  }

  /**
   * The {@link #CREDENTIALS} phrases that report rather than ask (a security alert, a sign-in from
   * a new device, a one-time code): a service's own account notices say them every day. They count
   * as a credential request except in a service's own notice ({@code MailAnalyzer}: DMARC passes
   * for a sender that is no free-mail address, and every link is on its own domains).
   */
  static final Pattern SECURITY_NOTICES =
      Pattern.compile(
          "(?:security|fraud) (?:alert|notice|notification)"
              + "|(?:unusual|suspicious|unrecognized|unauthorized) (?:sign-?in|log-?in|activity|access)"
              + "|sign-?in (?:attempt|activity)|one-time (?:code|password)"
              + "|(?:account )?verification code|(?:認証|確認)コード"
              + "|(?:new |unusual |suspicious )?log-?in attempt"
              + "|(?:log-?in|sign-?in) from (?:an? )?(?:new|unfamiliar|unknown|unrecognized) device"
              + "|new device (?:log-?in|sign-?in|detected)"
              + "|セキュリティ(?:警告|通知)|不正(?:な)?(?:ログイン|アクセス|利用)"
              + "|(?:異常な|不審な|普段と異なる|身に覚えのない)(?:サインイン|ログイン|アクセス)"
              + "|"
              + MailForeignWords.SECURITY_NOTICES);

  /**
   * The {@link #CREDENTIALS} phrases a service's own account mail says to its members every day: a
   * card statement or e-Tax's notice asks the reader to log in to its site ("Vpassにログインして
   * ご確認ください"), a shop to renew an expiring card, a password reset the member asked for. Not counted
   * in a service's own notice that claims no other brand ({@code MailAnalyzer}).
   */
  static final Pattern OWN_ACCOUNT_ASKS =
      Pattern.compile(
          "ログイン(?:して|の上|し)|サインイン(?:して|の上|し)|パスワード(?:の|を)?(?:変更|再設定)"
              + "|update your (?:e-?mail|contact) (?:address|info\\w*|preferences)"
              + "|(?:お支払い|支払い|決済)方法(?:の|を)?(?:更新|再登録|再設定)"
              + "|登録情報(?:の|を)?(?:ご)?(?:確認|更新)|(?:お客様|お客さま|会員|カード|口座)情報(?:の|を)?(?:確認|更新)"
              + "|(?:多要素|二段階|2段階|二要素)認証(?:の|を)?(?:設定|登録)"
              + "|(?:ログイン|お支払い|支払い|請求|決済)情報(?:の|を)?(?:ご)?(?:確認|更新)"
              + "|アカウント(?:を|の)(?:ご)?確認(?:する|して|の上|のうえ)");

  /**
   * The {@link #CREDENTIALS} phrases of an organisation's own IT notices to its staff (a mailbox
   * almost full, a password about to expire): not counted when the notice comes, DMARC passing,
   * from the reader's own organisation's domain and links only that domain ({@code MailAnalyzer}).
   */
  static final Pattern INTERNAL_NOTICES =
      Pattern.compile(
          "password (?:will )?(?:expir|reset required)|password expiry|passwords? (?:has|have) expired"
              + "|(?:mailbox|storage|inbox) (?:\\w+ ){0,3}(?:quota|is full|storage limit|is almost full)"
              + "|e-?mail (?:storage|quota)|quota (?:limit|exceeded)"
              + "|reached (?:the|its|your) (?:\\w+ )?(?:quota|limit|storage)"
              + "|パスワード(?:の)?(?:有効期限|期限切れ|変更|再設定|更新)|(?:メールボックス|メール|受信箱)の?容量"
              + "|容量(?:オーバー|超過|制限|不足)"
              + "|"
              + MailForeignWords.INTERNAL_NOTICES);

  static final Pattern LOGIN_WORDS =
      Pattern.compile(
          "log-?in|sign-?in|signon|verify|verification|secure|account|auth|password|passwd"
              + "|webmail|owa|wallet|billing|update|confirm|unlock|validate|banking|ログイン|確認"
              + "|"
              + MailForeignWords.LOGIN_WORDS);

  /**
   * {@link #LOGIN_WORDS} through the phrase automaton: one pass over the text, the pattern tried
   * only where one of its words can start (as {@code find()} finds it; a pattern the automaton
   * cannot take is searched by {@code find()} itself).
   */
  private static final MailPhrases LOGIN_PHRASES = new MailPhrases(List.of(LOGIN_WORDS));

  static boolean loginLike(String url, String text) {
    String u = url.toLowerCase(Locale.ROOT);
    int q = u.indexOf("://");
    String rest = q < 0 ? u : u.substring(q + 3);
    if (LOGIN_PHRASES.scan(rest).first(LOGIN_WORDS) != null) {
      return true;
    }
    return text != null
        && LOGIN_PHRASES.scan(text.toLowerCase(Locale.ROOT)).first(LOGIN_WORDS) != null;
  }
}
