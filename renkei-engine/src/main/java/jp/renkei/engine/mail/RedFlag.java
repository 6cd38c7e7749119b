package jp.renkei.engine.mail;

/**
 * The signs of a targeted-attack e-mail (標的型攻撃メール) Renkei looks for, after NISC's guidance (seed
 * 003), each with a weight and an explanation a duty officer understands.
 */
public enum RedFlag {
  EXECUTABLE_ATTACHMENT(
      40,
      "実行ファイルやスクリプト、ショートカット、ディスクイメージ、マクロ付き文書が添付されています。開かないでください。",
      "An executable, script, shortcut, disk image or macro document is attached. Do not open it."),
  DOUBLE_EXTENSION(
      40,
      "添付ファイル名に拡張子が二重についています (例: 報告書.pdf.exe)。文書に見せかけた実行ファイルの典型です。",
      "An attachment name has two extensions (e.g. report.pdf.exe): the classic executable disguised"
          + " as a document."),
  BIDI_CONTROL(
      50,
      "ファイル名に文字の向きを反転させる制御文字 (RLO 等) があり、表示される拡張子と実際の拡張子が異なります。",
      "A name contains a bidirectional control character (RLO ...), so the extension shown is not the"
          + " real one."),
  SPACE_PADDING(
      35,
      "ファイル名の本当の拡張子の前に大量の空白があり、画面上で拡張子が隠れます。",
      "A long run of spaces before the real extension pushes it out of sight."),
  TYPE_MISMATCH(
      35,
      "添付ファイルの中身の形式 (実行ファイル等) が名前の拡張子と一致しません。",
      "An attachment's content (e.g. an executable) does not match the extension of its name."),
  LINK_TEXT_MISMATCH(
      30,
      "本文のリンクに表示されているURLやドメインと、実際のリンク先が異なります。",
      "A link shows one URL or domain but leads to another."),
  DISPLAY_NAME_ADDRESS(
      25,
      "差出人の表示名に、実際の差出人とは別のメールアドレスが書かれています。",
      "The sender's display name contains a different e-mail address than the real sender."),
  FREEMAIL_CLAIMS_ORGANISATION(
      20,
      "フリーメールのアドレスから、組織を名乗るメールが送られています。",
      "A free-mail address sends in the name of an organisation."),
  REPLY_TO_OTHER_DOMAIN(
      20,
      "返信先 (Reply-To) が差出人とは別のドメインです。返信が攻撃者に届く可能性があります。",
      "Replies go to another domain than the sender's (Reply-To)."),
  LOOKALIKE_DOMAIN(
      30,
      "差出人やリンクのドメインが、会員組織のドメインに酷似しているか、国際化ドメイン (punycode) で偽装されています。",
      "A sender or link domain imitates a member organisation's domain, or uses punycode to look"
          + " like one."),
  AUTHENTICATION_FAILED(
      20,
      "送信ドメイン認証 (SPF / DKIM / DMARC) が失敗しています。差出人が詐称されている可能性があります。",
      "Sender authentication (SPF / DKIM / DMARC) failed: the sender may be forged."),
  ENCRYPTED_ARCHIVE(
      25,
      "パスワード付き (暗号化) の圧縮ファイルが添付されています。ウイルス対策による検査をすり抜ける手口です。",
      "An encrypted (password-protected) archive is attached, a way around virus scanning."),
  ARCHIVE_LIMIT(
      15,
      "圧縮ファイルが展開の上限を超えています (圧縮爆弾の可能性)。中身は検査できていません。",
      "An archive exceeds the unpacking limits (a possible zip bomb); its contents were not checked.");

  private final int weight;
  private final String ja;
  private final String en;

  RedFlag(int weight, String ja, String en) {
    this.weight = weight;
    this.ja = ja;
    this.en = en;
  }

  public int weight() {
    return weight;
  }

  public String ja() {
    return ja;
  }

  public String en() {
    return en;
  }
}
