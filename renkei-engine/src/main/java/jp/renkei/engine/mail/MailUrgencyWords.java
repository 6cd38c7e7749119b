package jp.renkei.engine.mail;

import java.util.regex.Pattern;

/**
 * Urgency and threat wording (issue 19): deadlines and threats, a shop's sale deadline, and the
 * extortion letters with their bitcoin addresses.
 */
final class MailUrgencyWords {

  private MailUrgencyWords() {}

  /** Urgency, threats and deadlines. */
  static final Pattern URGENCY =
      Pattern.compile(
          "within (?:24|48|72|12|the next \\d+) ?(?:hours|hrs|h)\\b|final (?:warning|notice"
              + "|reminder)|last (?:warning|notice|reminder)|\\b(?<!no )(?<!no further )action (?:is )?required|immediate"
              + " (?:action|attention)|\\b(?<!non-)(?<!more )urgent(?:ly)?\\b(?! care| or life| medical| symptom)|as soon as possible|expires? today"
              + "|(?<!offices |office |stores |store |branches |clinic )will be (?:permanently )?(?:suspended|closed|deleted|terminated|disabled|blocked"
              + "|deactivated|lost|removed)|failure to (?:comply|respond|verify|update|confirm)"
              + "|\\b(?:legal|law enforcement) action|court summons|lawsuit (?:has been )?filed against you"
              + "|processo (?:trabalhista|judicial)|tramitação do processo|carta de demanda|citação judicial"
              + "|mandado de (?:citação|intimação|prisão)|avoid (?:suspension|termination|losing"
              + "|interruption|deactivation)|last chance|final (?:step|chance)|\\bact now"
              + "|\\burgente(?:s|mente)?\\b|ação (?:imediata|necessária)|último aviso|ultimo aviso|hoje mesmo|ser[ãa]o? (?:completamente )?(?:exclu[íi]d|apagad|cancelad)\\w*"
              + "|intima[çc][ãa]o|acción (?:inmediata|requerida)|\\bdringend(?:e|en|es|em|st|ste|sten)?\\b"
              // the comparative describes ("immer dringender", "dringender als je"); the masculine
              // form presses ("dringender Handlungsbedarf")
              + "|\\b(?<!immer )(?<!noch )(?<!umso )(?<!desto )(?<!viel )(?<!weit )(?<!zunehmend )dringender\\b(?! als| denn| wird| werden| geworden)"
              + "|letzte (?:mahnung|warnung|erinnerung)"
              + "|action requise|dernier (?:avis|rappel)|immédiatement|direct (?:risico|actie)"
              + "|laatste (?:herinnering|waarschuwing)"
              // a deadline in hours, also with the digits set apart by a space ("本メール受信後 24
              // 時間以内"; full-width digits are folded before, an ideographic space is read here)
              + "|至急|緊急|(?:12|24|48|72)[ \u3000]?時間[ \u3000]?以内|本日中|期限(?:内|まで)に|最終(?:通告|警告|通知)|直ちに|速やかに"
              + "|(?:利用|サービス|アカウント)(?:を|が)?(?:停止|制限)(?:いた)?(?:します|されます)"
              + "|削除されます|法的(?:措置|手続)"
              // what the account, the card or the supply will suffer, seizure and arrest
              + "|(?:利用|取引|口座|回線|供給|カード)(?:を|が|の)?(?:一時的に|一時|一部)?(?:停止|制限|凍結|解約)"
              + "(?:させていただきます|させていただく|いたします|されます|となります|します"
              + "|いたしました|しております|しています|されています)|ログインできなくなります"
              + "|無効(?:になりました|となります|になります)|自動退会|返送されます"
              // the brokerage takeovers of 2025: a restriction said to be in force already (ja42)
              + "|取引制限を(?:実施|設定|かけ)"
              + "|差(?:し)?押(?:さ)?え|差押(?:処分|最終)|逮捕状"
              // the other languages' lures (lang40)
              + "|"
              + MailForeignWords.URGENCY);

  /**
   * The {@link #URGENCY} phrases a shop's sale ends with ("last chance", "final chance"): urgent
   * only beside something else (MailAnalyzer#salesDeadlineOnly). Matched against one found phrase,
   * lower-cased.
   */
  static final Pattern SALES_DEADLINE = Pattern.compile("last chance|final chance");

  /**
   * Extortion (EXTORTION): a writer who claims to have taken over the reader's device, filmed them
   * or holds intimate recordings, and threatens to send them to the reader's contacts unless paid
   * (the "sextortion" letters sent by the million, in English, Portuguese, Spanish, German, French
   * and Japanese). Counted with a second such phrase, or with a bitcoin address or the word
   * bitcoin.
   */
  static final Pattern EXTORTION =
      Pattern.compile(
          "i have (?:recorded|filmed|captured) (?:a video of )?you|i recorded you|i filmed you"
              + "|recorded you (?:while|through|watching)|(?:web ?cam|camera) (?:and|to) (?:record|film)"
              + "|(?:intimate|compromising|explicit|embarrassing) (?:video|videos|recording|footage|photos)"
              + "|adult (?:web)?sites?|porn(?:ographic)? (?:sites?|websites?|videos?)"
              + "|i have (?:hacked|gained (?:full )?access to|infected) your (?:device|computer|phone"
              + "|operating system|account|e-?mail)|i hacked your (?:device|computer|phone|account)"
              + "|(?:malware|trojan|spyware|virus) on your (?:device|computer|phone|system)"
              + "|(?:video|recording|footage) (?:will be|goes to|to be) (?:sent|shared|published|forwarded)"
              + "|(?:send|share) (?:the|this) (?:video|recording) to"
              + "|(?:all )?your contacts (?:will (?:receive|see|get)|and (?:family|friends|colleagues))"
              + "|gravei (?:um vídeo de )?(?:você|voce)|vídeo íntimo|video íntimo|video intimo"
              + "|sites adultos|sites pornogr|te grabé|te he grabado|sitios para adultos|sitios porno"
              + "|erwachsenenseiten|ich habe sie (?:aufgenommen|gefilmt)|ich habe dich (?:aufgenommen|gefilmt)"
              + "|sites pour adultes|je vous ai (?:filmé|enregistré)|je t'ai (?:filmé|enregistré)"
              + "|アダルトサイト|成人向けサイト|(?:カメラ|ウェブカメラ)で(?:撮影|録画)|(?:動画|映像)を(?:連絡先|知人|家族)");

  /** A bitcoin address (bech32 bc1…, or a legacy one of letters and digits) in lower-cased text. */
  static final Pattern BITCOIN_ADDRESS =
      Pattern.compile(
          "(?<![a-z0-9])(?:bc1[02-9ac-hj-np-z]{25,62}|[13](?=[1-9a-z]*[a-z])(?=[1-9a-z]*[2-9])[1-9a-km-z]{25,34})(?![a-z0-9])");
}
