package jp.renkei.engine.mail;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Payment, prize, credit and crypto lures (issue 19): unexpected payments and invoices, credited
 * amounts, fraud offers, credit approvals, rewards and marketing words, and the fine print and
 * commerce words honest mail says them with.
 */
final class MailFraudWords {

  private MailFraudWords() {}

  /**
   * Phrases of fine print (lower-cased, as the text is read): the terms that say what an offer
   * excludes, a confidentiality notice, a newsletter's way off its list, a political mailing's
   * legal line. The wording signs do not read the sentence that holds one ({@code
   * MailWording.withoutFinePrint}). None of them asks the reader to do anything; a phrase that
   * could sit in a lure's call to action ("terms and conditions", "unsubscribe") is not one.
   */
  static final List<String> FINE_PRINT =
      List.of(
          "if you are not the intended recipient",
          "if you have received this email in error",
          "if you have received this e-mail in error",
          "intended solely for the addressee",
          "do not include",
          "does not include",
          "won't count",
          "won’t count",
          "won&rsquo;t count",
          "won&#39;t count",
          "will not count",
          "not permitted",
          "do not qualify",
          "does not qualify",
          "restrictions may apply",
          "may withdraw this",
          "reserves the right",
          "stop receiving",
          "not authorized by any");

  /**
   * A welcome bonus paid in a card's or an airline's points, miles or Avios ("earn your 75,000
   * Avios welcome bonus", "a welcome bonus of up to 60,000 points"): a card offer, not the casino's
   * deposit bonus that FRAUD_OFFERS means (lower-cased text).
   */
  static final Pattern POINTS_WELCOME_BONUS =
      Pattern.compile(
          "(?:points|miles|avios) welcome bonus"
              + "|welcome bonus of (?:up to )?[\\d,.]++k? (?:bonus )?(?:points|miles|avios)");

  /** Unexpected payment, invoice, delivery, prize, advance-fee and crypto lures. */
  static final Pattern LURES =
      Pattern.compile(
          "\\binvoice\\b|payment (?:details|confirmation|receipt|notice|advice|failed|declined"
              + "|overdue|pending|has failed|was declined|has been declined)|wire transfer|remittance|overdue|outstanding (?:balance|payment)"
              + "|(?<!non-)(?<!non)refund(?!s? (?:rules|polic(?:y|ies)|terms))|bank (?:details|transfer|account)|direct deposit|beneficiary|inheritance|next of kin"
              + "|lottery|you (?:have )?won\\b(?!['’])|million (?:us )?dollars"
              + "|\\$\\d+(?:[.,]\\d+)? ?million|usd ?\\d|bitcoin|\\bbtc\\b"
              // not a source file or folder named so (src/shared/crypto.c in a build warning)
              + "|(?<!/)\\bcrypto(?:currenc(?:y|ies))?\\b(?!/|\\.(?:c|h|cc|cpp|o|py|rs|go|js|ts|java|rb)\\b)"
              + "|wallet|usdt"
              // not the withdrawal of a candidacy, troops or a bill that the news reports (in its
              // words, or in the slug of the article's address: withdrawal-of-the-candidacy), nor a
              // state's from a country, a treaty or a body ("withdraw our troops from Syria", "the
              // military withdrawal in Northeast Syria", "withdraw from the UN": hamout40)
              + "|(?<!military )(?<!troop )(?<!troops' )(?<!troops’ )withdraw(?:al)?\\b(?![ -](?:(?:of|from)[ -])?"
              + "(?:(?:the|a|an|his|her|its|their|our|all|us|u\\.s\\.|american)[ -])*(?:candidac|nominat|troops"
              + "|forces|militar|treat|agreement|bill\\b|motion|lawsuit|charges|race\\b|election))"
              + "(?![ -]from[ -](?:the[ -])?(?:(?:north|south|east|west)(?:ern|east|west|eastern|western)?[ -]|north-east[ -])?"
              + "(?:syria|iraq|afghanistan|the middle east|united nations|un\\b|nato\\b|who\\b|paris\\b|iran\\b|inf\\b|european union|eu\\b))"
              + "|airdrop|parcel|shipment|delivery (?:failed|failure|attempt"
              + "|notice|notification)|tracking number|customs (?:fee|duty)"
              + "|(?:your )?package (?:is|was|could|has)"
              + "|請求書|お支払い|支払(?:い|期限)|未払い|未納|振込|送金|入金|返金|還付|当選|賞金|暗号資産|仮想通貨"
              + "|ビットコイン|出金|配達|不在(?:通知|連絡)|お荷物|配送|宅配便|関税|受信料|滞納"
              // the same lures in the languages of the honeypot corpus (pt, es, de, fr, nl, it)
              // (whole words: "facture" is in "manufacture", "gagn" in "campaign")
              + "|\\b(?:resgat\\w*|regulariz(?:ar|ação|acao|e (?:seu|sua|já|agora))|pendênc\\w*|boleto|fatura|encomenda|correios"
              + "|restituição|prêmio|sorteio|reembolso|premio|factura|paquete|gewinn\\w*|paket"
              + "|rechnung|zahlung|erstattung|gagn[eé]\\w*|colis|facture|remboursement|prijs|pakket"
              + "|betaling|factuur|tegoed|pagamento|pagar|cobrança|dívida|débito|saque|retirada"
              + "|inadimpl\\w*|protocolo)\\b"
              // the other languages' lures (lang40)
              + "|"
              + MailForeignWords.LURES);

  /**
   * The {@link #LURES} words a shop's, a biller's or a carrier's own mail says about the reader's
   * own order, bill or payment (an order confirmation's "shipment #1", "your invoice is scheduled
   * with AutoPay", "view your payment details in the Wallet app", ご注文の配送, 請求書, 返金): a lure only
   * from someone else. Lower-cased, as {@link #LURES} finds them.
   */
  static final Pattern COMMERCE_WORDS =
      Pattern.compile(
          "\\binvoice\\b|payment (?:details|confirmation|receipt|notice|advice)|refund|wallet|parcel"
              + "|shipment|tracking number|delivery notice|delivery notification|(?:your )?package (?:is|was|could|has)"
              + "|請求書|お支払い|支払(?:い|期限)|入金|返金|配達|お荷物|配送|宅配便");

  /**
   * A sum said to be credited to the reader or waiting for them (PAYMENT_LURE): a balance
   * "replenished" or "credited", an account that "already has +23,774$", a plus-signed amount
   * ("+$354", "+29,738$"), "you can take 4 000" — the bait of fake investment and payout letters,
   * in English, Portuguese, German and Japanese (lower-cased text).
   */
  static final Pattern CREDITED_AMOUNTS =
      Pattern.compile(
          "balance (?:has been|was|is) (?:replenished|credited|topped up|increased)"
              + "|credited to your (?:account|balance|wallet)"
              + "|your (?:account|balance|wallet) (?:already )?(?:has|holds|contains|shows) \\+?[$€£]?\\s?\\d"
              + "|(?<![\\w+])\\+\\s?[$€£]\\s?\\d|(?<![\\w+])\\+\\d[\\d,. ]{0,12}(?:[$€£]|usd|eur|usdt|btc)(?![a-z])"
              + "|you can (?:take|withdraw|claim|collect) (?:your )?[$€£]?\\s?\\d"
              + "|saldo (?:dispon[ií]vel|liberado|creditado)|guthaben (?:von|wurde)"
              + "|残高が(?:追加|加算|付与)|(?:円|ドル)が(?:入金|付与|加算)されました");

  /**
   * Offers that only fraud makes: crypto giveaways and airdrops, casino bonuses and free spins,
   * advance-fee money (an inheritance, a donation, compensation to collect), dating lures, and
   * break-in goods for sale (hacked cPanels, web shells, SMTP relays, RDPs, "spamming tools").
   */
  static final Pattern FRAUD_OFFERS =
      Pattern.compile(
          "airdrop|claim (?:your )?(?:free )?(?:\\$?\\w+ )?tokens|free tokens|(?:crypto(?:currency)?|bitcoin)"
              + " giveaway|giving away (?:\\w+ )?(?:crypto\\w*|bitcoin|btc|eth)|mining[ _](?:\\w+[ _])?balance"
              + "|(?<![\\d.,])\\d+[.,]\\d+[ _]?btc\\b|you are now rich|\\$ on your balance|balance will be reset"
              + "|(?:e-?mail(?: address)?|you) (?:has|have) won|dear (?:e-?mail owner|beneficiary|winner)"
              + "|donation fund|charity (?:donor|organi[sz]ations)|(?:fund|transfer) (?:the )?(?:sum|funds?) of"
              + "|(?:your )?full names?, (?:home )?address|free spins|freispiele|gratis ?spins|rodadas gr[áa]tis|giros gratis"
              + "|no deposit (?:bonus|required)|(?:keine|ohne) einzahlung|sem dep[óo]sito|sin dep[óo]sito"
              + "|(?:online|new|live) casino|casino (?:bonus|online|today)|welcome bonus|willkommensbonus|bonus (?:up to|bis zu|até|hasta)"
              + "|next of kin|unclaimed (?:funds?|inheritance|assets?)|compensation (?:fund|payment)"
              // task and part-time job lures: pay by the day or hour, the talk moved to a chat app
              + "|(?:daily|weekly|hourly) (?:salary|pay|income|earnings|wage) of"
              + "|earn (?:up to )?[$€£]\\s?\\d[\\d,]* (?:to [$€£]?\\s?\\d[\\d,]* )?(?:per|a|each) (?:day|hour)"
              + "|(?:contact|message|text|add|reach) (?:me|us) (?:on|via) (?:telegram|whatsapp)"
              + "|(?:donation|donate) (?:of (?:us ?|usd ?)?[$€£]?\\s?\\d[\\d,.]*+(?! or (?:more|above|greater|[$€£]\\s?\\d))|to you)|\\bdoa[çc][ãa]o\\b|heran[çc]a|herencia|erbschaft"
              // the widow's or heir's funds to be moved abroad, the loan fund for "projects" (PT,
              // EN
              // as they came from free mail)
              + "|herdei (?:de|do|da) |(?:meu|minha) falecid[oa] (?:marido|esposa|pai)"
              + "|my late (?:husband|wife)(?:'s)? (?:fund|deposit|estate|wish)"
              + "|we (?:fund|finance) (?:projects|businesses) through|loan deal offer"
              // a bankrupt exchange's "creditors" invited to withdraw their assets; a chat or
              // form's "online work, first payment within 60 minutes"
              + "|identified as an (?:eligible client|affected creditor)|eligible to withdraw"
              + "|first payment within"
              // a "humanitarian grant" issued to a stranger, to be claimed through another mailbox
              + "|(?:humanitarian|charity|relief) grant|grant (?:has been|was) (?:issued|awarded|approved) to you"
              // crypto "allocations", staking and tickers handed out by strangers
              + "|(?:xrp|token) allocation|allocation (?:program|event)|free mint|buyback program"
              + "|(?:rewards?|tokens?|allocation) (?:are|is) (?:now )?(?:ready|waiting|unlocked)|ready for claiming"
              + "|(?<![\\w$])\\$[a-z]{2,6} (?:coins?|tokens?|trophy|loot)\\b|(?:xrp|xlm|steth|pyth) (?:rewards?"
              + "|allocation|airdrop|dividends?|staking)|staking (?:xrp|xlm)"
              + "|(?:lonely|hot|single|sexy) (?:women|girls|ladies|moms?|milfs?)|(?:women|girls|ladies)"
              + " (?:near you|waiting|in your area)|adults? only|als je volwassen bent|nur für erwachsene"
              + "|ontmoet (?:\\w+ ){0,2}(?:vrouwen|meisjes|singles)|(?:oekraïense|oekraiense|russische) (?:vrouwen|meisjes|schoonheid)"
              // the stranger who "is still looking for an exciting date" and asks if the reader is
              // too (NL, EN, DE): a date offered to an unknown address
              + "|nog steeds (?:op ?zoek|opzoek) naar een (?:(?:spannende|discrete|stoute) (?:afspraak|date|avontuur)|sexdate)"
              + "|still looking for (?:an? )?(?:exciting |discreet |casual )(?:date|meeting|adventure|affair)"
              + "|noch (?:immer )?auf der suche nach (?:einem |einer )?(?:aufregenden |diskreten )(?:date|treffen|abenteuer)"
              // dating and sex lures, as the invitation to a stranger they are (EN, NL, DE, PT, ES,
              // FR, JA); whole phrases, so that a text about dating is not one
              + "|looking for (?:a )?(?:lover|boyfriend|husband|sex partner|hook-?up)\\b|get to know her\\b"
              + "|available (?:girls|women|ladies)\\b|(?:adult|casual|sex) dating|dream girl|sex for (?:everyone|free)"
              + "|(?:local|horny|cheating) (?:women|girls|singles|wives|housewives|milfs?)\\b"
              + "|(?:women|girls|ladies|wives|singles) (?:are )?(?:near you|waiting (?:for you|to)|in your area)"
              + "|matched (?:for|with) you in your area|your profile (?:has been|was) matched(?=\\s?[:!])|ontmoet (?:haar|hem)\\b|daten met (?:een|haar|mij)\\b"
              + "|frauen (?:in )?(?:ihrer|deiner) (?:nähe|umgebung)|sexkontakte?|seitensprung"
              + "|mulheres (?:solteiras|perto de você|da sua região)|encontros (?:casuais|adultos)"
              + "|mujeres (?:solteras|cerca de ti)|chicas (?:solteras|cerca de ti)|citas (?:para adultos|casuales)"
              + "|femmes (?:célibataires|près de chez (?:vous|toi))|rencontres? (?:coquines?|adultes?|discrètes?)"
              + "|セフレ(?:募集|を探|になって)|人妻(?:と|が|との)(?:出会|会え|待|秘密)|女性会員(?:から|より)(?:メッセージ|メール)"
              + "|今夜会えませんか|割り切り(?:の|で)?(?:関係|お付き合い|交際)"
              // break-in goods for sale: hacked hosting panels, web shells, mail relays and remote
              // desktops sold by the dozen (the plurals are the trade's), and "spamming tools"
              + "|spamming tools|cpanels\\W{1,4}(?:shells|smtps|rdps|ssh|webmails)|shells\\W{1,4}cpanels"
              + "|smtps\\W{1,6}(?:mailers|rdps|ssh|leads|webmails)|rdps\\W{1,6}(?:smtps|ssh|leads|mailers)");

  /**
   * Credit handed to a reader who never asked for it (FRAUD_OFFER): "you've been approved for a
   * $7,500 credit line", "instant approval Visa card", "guaranteed approval, no credit check". A
   * lender decides after an application; the stranger who has "approved" the reader already wants
   * the application form filled in on its page: name, address, income, social security and card
   * numbers, or a fee up front.
   */
  static final Pattern CREDIT_APPROVAL =
      Pattern.compile(
          "(?:you(?:'ve| have)? been|you are|you're|you were) (?:pre-?)?(?:approved|granted approval)"
              + " (?:for )?(?:an? |your )?(?:\\$?[\\d,.]+k? )?(?:[\\w-]+ ){0,3}(?:credit|card|loan|visa|mastercard)"
              + "|(?:credit line|credit card|visa card|loan) (?:was|has been|is) (?:pre-?)?approved"
              + "|instant(?:ly)? (?:online )?approv(?:al|ed)(?: [\\w-]+){0,3} (?:credit|card|visa|loan)"
              + "|(?:credit|card|visa|loan)(?: [\\w-]+){0,3}[,.!]? (?:you(?:'re| are) )?instant(?:ly)? (?:online )?approv(?:al|ed)"
              + "|you(?:'re| are| will be|'ll be) instantly approved"
              + "|guaranteed (?:credit )?approval|no credit check|regardless of (?:your )?(?:past )?credit"
              + "|selected to (?:apply|receive) (?:for )?(?:the |a |an |your )?(?:[\\w-]+ ){0,3}(?:credit|visa|mastercard|card)");

  /**
   * Whether a lower-cased text may hold a match of {@link #CREDIT_APPROVAL}, its white space made
   * one space or not: every alternative of the pattern holds "approv", "check", "regardless" or
   * "selected", none of them across white space, so a text with none of the four is not searched by
   * the pattern (nor its white space rewritten for it) at every one of its characters.
   */
  static boolean mayApproveCredit(String lower) {
    return lower.contains("approv")
        || lower.contains("check")
        || lower.contains("regardless")
        || lower.contains("selected");
  }

  /**
   * The words of marketing that lures share with honest shops and newsletters (coupons, gifts,
   * prizes to claim): a sign only in mail that is not bulk mail (no list headers, no unsubscribe).
   */
  static final Pattern MARKETING =
      Pattern.compile(
          "gift card|free gift|\\bgift\\b|claim your|congratulations|voucher|coupon|\\bpontos\\b"
              + "|gutschein|cadeau|ポイント(?:失効|付与|還元)");

  /**
   * A reward handed to the reader, as a subject line says it (REWARD_LURE; read on the lower-cased
   * subject): a gift card, a prize or reward received or waiting, something to claim, something
   * free to keep, a survey that pays — in English, Japanese and the honeypot's languages
   * (Portuguese, Spanish, German, French, Dutch). A prize someone else won ("wins Nobel prize") is
   * none.
   */
  static final Pattern REWARDS =
      Pattern.compile(
          "gift ?card|cadeau ?(?:kaart|bon)|geschenk ?karte|gutschein|carte[- ]cadeau"
              + "|cart[ãa]o[- ]presente|vale[- ]presente|tarjeta (?:de )?regalo"
              + "|you(?:'ve| have)? (?:just )?(?:received|won\\b(?!['’])|been (?:selected|chosen))"
              + " (?:(?:an?|the) \\w+|[\\d$€£][\\w.,]*)"
              + "|you(?:'ve| have) won\\b|claim (?:your (?:reward|prize|gift|bonus|cashback|share|free|reserved)|now\\b|\\d)"
              + "|(?:your|a|cash) prize\\b|prize (?:notification|claim|draw)|\\bwin (?:a|an|een|the|\\$|€|£)\\b|\\bwin!"
              + "|kans op prijzen|\\ben win\\b|\\bgewinnen sie\\b|\\bgagne[rz] (?:un|une|des)\\b|ganhe (?:um|uma|\\d|r\\$)"
              + "|\\bgana (?:un|una)\\b|your (?:\\w+ )?rewards? (?:is|are)\\b|received an? reward"
              + "|reward (?:is|has been) (?:waiting|ready|credited)|cashback\\b.{0,40}\\bactivated|claim (?:your )?cashback"
              + "|participation required|yours to keep|at no cost"
              + "|(?:kostenlose?s?|gratuit[oe]?s?|gr[áa]tis) (?:kit|box|geschenk|cadeau|brinde|regalo)"
              + "|\\b(?:box|kit|set) gr[aá]tis|\\bfree (?:gift|box|kit|spin|sample)s?\\b"
              + "|当選(?:しました|のお知らせ|者)|プレゼント(?:します|中|が届)|ギフト(?:カード|券)(?:を|が)?(?:プレゼント|進呈|贈呈|当た)"
              + "|(?:謝礼|ポイント)(?:を)?(?:進呈|プレゼント)");

  /**
   * What follows 問い合わせ in a contact line rather than an inquiry (ux40): a footer's heading
   * (「お問合せ・ご案内」, 【お問い合わせ】), where to ask (お問い合わせ先, 窓口, 番号, フォーム, センター, 受付時間), and the reader asked
   * to ask (お問い合わせください, いただくか, は下記へ). Every sender's footer writes one, a bank's and a shop's as
   * much as a lure copying them; IPA's theme is a mail that is an inquiry or answers one
   * (貴社製品に関するお問い合わせ, お問い合わせありがとうございます).
   */
  static final String CONTACT_LINE =
      "(?!先|窓口|センター|フォーム|番号|方法|受付|時間|[・･/／】\\]］:：]|くださ|下さ|(?:いただ|頂)[くけ]"
          + "|は(?:下記|以下|こちら|右記|上記|各|当))";

  /**
   * The themes of IPA's guide for targeted mail (seed 003): mail one must open (取材申込, 履歴書, 問い合わせ,
   * アンケート), internal-looking and organisation-wide notices (人事, 資料の再送・差替え), notices from public
   * bodies.
   */
  static final Pattern THEMES =
      Pattern.compile(
          "取材(?:の)?(?:お)?(?:申込|申し込み|依頼|お願い)|履歴書|(?:問い合わせ|問合せ)"
              + CONTACT_LINE
              + "|アンケート|人事(?:異動|評価|発令)"
              + "|資料(?:の)?(?:再送|差(?:し)?替え|送付)|再送|差(?:し)?替え|給与|賞与|健康診断|講演(?:の)?依頼"
              + "|緊急連絡網|セキュリティ対策|ウイルス(?:感染|対策)"
              + "|(?<!will |to |hours |hours: |shall |would )\\bresume\\b(?!:| on\\b| at\\b| after\\b| normal| operations)|curriculum vitae|\\bcv\\b attached|job application|interview request"
              + "|salary|payroll|bonus|hr (?:notice|department|update)|human resources"
              // the same themes as English writes them: a press interview asked, an inquiry, a
              // questionnaire, personnel changes, documents re-sent or replaced
              + "|(?:media|press) (?:inquiry|enquiry|interview)|questionnaire"
              + "|(?:about|regarding|concerning) (?:your |my |our |the |an )?(?:inquiry|enquiry)"
              + "|personnel (?:change|transfer|announcement|reshuffle|evaluation)"
              + "|(?:re-?sen(?:d|ding|t)|replacement|corrected|revised) (?:of )?(?:the )?(?:document|file|material)s?\\b"
              + "|shared (?:a |an )?(?:secure |new |important )?(?:file|document|folder)"
              + "|document (?:shared|review|for your"
              + " review)|revised document|voice ?mail|fax (?:message|received)|docusign"
              + "|scanned (?:document|image)|purchase order|\\bp\\.?o\\.? ?#?\\d");
}
