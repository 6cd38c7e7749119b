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
      "添付ファイルの中身の形式 (実行ファイル等) が名前の拡張子と一致しません。"
          + "または、メールが画像 (image/jpeg 等) と宣言している添付ファイルの名前が文書や圧縮ファイル (.pdf、.docx、.zip 等) です。正規のメールソフトはこうした付け方をしません。",
      "An attachment's content (e.g. an executable) does not match the extension of its name, or"
          + " the message declares a part a picture (image/jpeg ...) while its name says a document"
          + " or an archive (.pdf, .docx, .zip ...): no mail program labels a document so."),
  LINK_TEXT_MISMATCH(
      30,
      "本文のリンクに表示されているURLやドメインと、実際のリンク先が異なります (リンク内の画像マップが別の先を指す場合を含みます)。"
          + "提携先サイト上の差出人自身の名前のページ (brand.com からの brand.giftcards-partner.com) を表示し、認証された差出人自身のドメインへリンクするものは数えません。"
          + "受信側が検証に成功した DKIM 署名のドメイン上のクリック計測リンク (例: 署名 messaging.brand.com のメールの links.messaging.brand.com/f/a/…) も、表示が別の企業名でなければ数えません。リンクはまずメールに責任を負う署名者へ向かうからです。"
          + "選挙陣営や市民団体が寄付を受け付けるプラットフォーム (ActBlue、WinRed 等) のページを表示し、リンクは受信側が検証した DKIM 署名のドメイン (陣営自身のクリック計測) へ向かうものも数えません。"
          + "受信側のメールゲートウェイが書き換えたリンク (Microsoft の Safe Links、Proofpoint の URL Defense、Mimecast) は、書き換える前のリンク先と比べます。"
          + "差出人が選んだ大手サイトのリダイレクト (youtube.com/redirect、google.com/url?q= など) は、リダイレクト自体とその転送先の両方と比べます。"
          + "リンクの文字がリンク先のパスの最後にあるファイル名そのもの (github.com/…/detector.sv への「detector.sv」、README.md) は、拡張子が国別ドメインと同じ綴りでもサイトの名前ではないので数えません。.com などの汎用ドメインで終わる名前や、企業のドメイン名の名前 (paypal.de) は数えます。",
      "A link shows one URL or domain but leads to another (an image map inside a link included)."
          + " A partner's page shown under the sender's own name (brand.giftcards-partner.com from"
          + " brand.com), the link going to the sender's own authenticated domain, does not"
          + " count, nor does a click counter on the domain whose DKIM signature the receiver"
          + " verified (links.messaging.brand.com/f/a/... in mail signed by messaging.brand.com)"
          + " when the text names no other company: the click goes first to the signer, who"
          + " took responsibility for the message. Nor does a donation platform's page (ActBlue,"
          + " WinRed ...) shown over a link to the domain whose DKIM signature the receiver"
          + " verified: a campaign's own click counter in front of its donation page. A link rewritten by the recipient's mail gateway (Microsoft Safe Links,"
          + " Proofpoint URL Defense, Mimecast) is compared by the address it was rewritten from;"
          + " a big site's redirect the sender chose (youtube.com/redirect, google.com/url?q= ...)"
          + " is compared both as itself and by where it leads. Words that are the name of the file"
          + " at the end of the link's own path (\"detector.sv\" over github.com/.../detector.sv,"
          + " README.md) name that file, not a site, even when the extension is spelt as a"
          + " country's domain; a name ending in .com or another generic domain, or a brand's"
          + " domain name (paypal.de), still counts."),
  DISPLAY_NAME_ADDRESS(
      25,
      "差出人の表示名に、実際の差出人とは別のメールアドレスが書かれています。",
      "The sender's display name contains a different e-mail address than the real sender."),
  FREEMAIL_CLAIMS_ORGANISATION(
      20,
      "フリーメールのアドレスから、組織を名乗るメールが送られています (会社名、ブランド名のほか、「編集部」「人事部」「サポート」「Payroll Department」のような部署や窓口の名前、「〇〇新聞 経済部」「記者」のような報道機関の名乗りを含みます)。または組織や部署を名乗る差出人の返信先 (Reply-To) がフリーメールです。",
      "A free-mail address sends in the name of an organisation (a company or brand, or a"
          + " department or desk: 編集部, 人事部, \"Support\", \"Payroll Department\", or a newspaper's"
          + " desk or reporter: 〇〇新聞 経済部, 記者), or a sender"
          + " named as an organisation or department has its replies go to free mail (Reply-To)."),
  REPLY_TO_OTHER_DOMAIN(
      20,
      "返信先 (Reply-To) が差出人とは別のドメインです。返信が攻撃者に届く可能性があります。"
          + "(利用者に代わって送るサービス — Google ドキュメントの共有通知など — が DMARC に合格し、返信先が受信者と同じ組織のドメインの利用者であるものは数えません。"
          + "差出人のドメインが認証され、返信先がその姉妹ドメイン (例: geico.com に対する geicomail.com) であるもの、"
          + "認証されたサービスからの通知で返信先が受信者自身のアドレスであるもの (自分が主催する予定の通知) も数えません。"
          + "返信先が誰も読まない no-reply@ / noreply@ / do-not-reply@ のアドレスであるもの (返信を求めていない配送エラー通知など) も数えません。"
          + "メーリングリストが DMARC 対策として差出人を自分の投稿アドレスに書き換え (「Alice via dev <dev@lists.example.org>」)、投稿者本人を返信先に置いたものも、リストのドメインが送信経路か認証で裏付けられ、パスワード等を求めていなければ数えません。他のドメインの List-Id を書き加えただけのメールは対象外です。)",
      "Replies go to another domain than the sender's (Reply-To). (A platform sending for its"
          + " user — a Google Docs share, a calendar invitation — that passes DMARC, with replies"
          + " going to a user on the recipient's own organisation's domain, is not counted; nor is an"
          + " authenticated sender answering at a sister domain of its own, geicomail.com for"
          + " geico.com, or an authenticated service's notice whose Reply-To is the reader's own"
          + " address, the invitation of an event the reader organises; nor is a Reply-To that"
          + " names a mailbox nobody reads, no-reply@, noreply@ or do-not-reply@ (a provider's"
          + " delivery error notice asks for no answer); nor is a mailing list"
          + " that rewrote From to its own posting address against DMARC (\"Alice via dev"
          + " <dev@lists.example.org>\") and names the poster in Reply-To, when the list's domain"
          + " is vouched for by the envelope or authentication and nothing asks for a password; a"
          + " List-Id of some other domain written into a message buys nothing.)"),
  LOOKALIKE_DOMAIN(
      30,
      "差出人やリンクのドメインが、会員組織・企業・取引先の本物のドメインに見せかけた別のドメインです (よく似た綴り、国際化ドメイン (punycode)、企業のドメインを名前の一部に書いた形など)。または差出人のドメインが、受信者の組織のドメインや本文に引用されたアドレス (返信の元のメールの取引先など) のドメインと 1〜2 文字だけ違います (例: example-corp.co.jp に対する example-crop.co.jp)。取引先や自組織になりすまして資料の再送や人事異動を装う手口の典型です。またはログイン用のリンクが、差出人や企業の名前を含む別のドメインを指しています。またはリンク先のホスト名が企業のドメインで始まっていますが、実際には別のドメインです (例: amazon.co.jp.kvbxz.xyz、rakuten-sec.co.jp-member.cn)。企業名のない「co.jp」などの公開接尾辞だけをホスト名の先頭に置いて日本企業のアドレスに見せる形 (例: www.co.jp.trackio.cn) も同じです。企業のドメインのドットをハイフンに替えてホスト名に書き込んだ形 (例: my.jcb.co.jp に見せる my-jcb-co-jp.cyyan.xyz) も同じ手口です。ログイン用のリンクのホスト名の前の部分に企業のドメインの名前を置いた形 (例: www.eki-net.tsdgd.top) や、差出人のアドレスの @ の前に企業のドメインを書いた形 (例: support-amazon.jp@28703.cn) も、読む人に企業のアドレスを見せて別のドメインから送る同じ手口です。または、差出人が名乗る名前 (例: 「Bisq」) を自分のアドレスには含まないのに、その名前に「desktop」「app」「wallet」などを足した別のドメイン (例: bisqnetwork.site) へリンクしています。本物のソフトウェアに見せかけた偽のダウンロードサイトの典型です。",
      "A sender or link domain is dressed as the real domain of a member organisation, a brand"
          + " or a partner (a near spelling, punycode, a brand's domain written into another"
          + " name), or the sender's domain is one or two letters away from a recipient's"
          + " organisation's domain or from an address quoted in the text (the partner of the"
          + " thread being answered): example-crop.co.jp for example-corp.co.jp, the way a"
          + " partner's re-sent documents or a personnel notice are faked, or a login link leads to another domain dressed in the sender's or a brand's"
          + " name, or a link's host begins with a brand's domain but is another domain"
          + " (amazon.co.jp.kvbxz.xyz, rakuten-sec.co.jp-member.cn), or begins with a bare public"
          + " suffix such as co.jp that shows a Japanese company's address where there is none"
          + " (www.co.jp.trackio.cn), or carries a brand's domain"
          + " with hyphens for its dots (my-jcb-co-jp.cyyan.xyz for my.jcb.co.jp), or a login"
          + " link's host puts a brand's domain name in front of another domain"
          + " (www.eki-net.tsdgd.top), or the sender's mailbox name is a brand's domain on"
          + " another domain (support-amazon.jp@28703.cn), or the sender calls itself by a name its own address lacks (\"Bisq\") and links a"
          + " domain made of that name and words like desktop, app or wallet (bisqnetwork.site): a"
          + " fake download site for real software."),
  AUTHENTICATION_FAILED(
      20,
      "受信サーバーが差出人のドメインを確かめた検査 (送信ドメイン認証: SPF / DKIM / DMARC) に失敗しており、差出人が詐称されている可能性があります。"
          + "(メーリングリストが配送したメールで、受信サーバーではなくリストのサーバー自身が書いた認証結果 (受信サーバーに渡した直前のホストが書いたもの) は数えません。"
          + "それはリストが件名の印やフッターを付ける前の投稿者のメールについての結果で、受信サーバーの判定ではありません。受信サーバー自身の失敗は数えます。ただし、スレッドを始める短い投稿 (返信ではないもの) で、書いた人のアドレスがリストのドメインでないもの (リストが中継しただけのメール) では、リストのサーバーが書いた SPF の失敗を数えます。SPF はリストが何かを変える前に、書いた人のサーバーが接続したときに確かめられるからです。"
          + "また、SPF の失敗と同じ結果の中で、エンベロープ送信者と同じドメインの DKIM 署名が検証に成功していれば数えません。"
          + "転送 (受信者自身の転送アドレスなど) では、途中のサーバーが自分のアドレスから送り直すため SPF は失敗しますが、"
          + "メールと一緒に届く署名はそのまま検証できます。DMARC が失敗した場合や、成功した署名が別のドメインのものである場合は数えます。"
          + "メンバーが投稿するメーリングリストがフッターなどを付けて投稿者の DKIM 署名を壊し、リスト (またはそれを受信サーバーに渡したホスト) 自身の署名が検証に成功している場合の、投稿者のドメインの DKIM / DMARC の失敗も数えません。"
          + "投稿者のドメインの署名がそもそも無いもの (差出人の詐称) や SPF の失敗は数えます。"
          + "受信サーバーが結果を複数の Authentication-Results ヘッダーに分けて書いた場合 (同じ受信サーバー名で、どの Received ヘッダーよりも上に書かれたもの) は、すべてを合わせて読みます。"
          + "DMARC の失敗は、ドメインの所有者が p=none (受信側に処置を求めない) を公開していても数えます。p=none は処置を求めないというだけで、差出人が確かめられたという意味ではありません。"
          + "DMARC が成功していても DKIM の失敗は数えます。"
          + "ただし、本物の配送エラー通知 (バウンス) で、SPF が送信サーバーの HELO 名だけを検査して失敗したものは数えません。"
          + "バウンスは空の差出人から送られるため SPF が確かめる差出人ドメインがなく、その失敗は差出人の詐称を示しません。"
          + "SPF と DKIM がどちらも同じ配信サービスのドメイン (エンベロープのドメイン) で成功し、DMARC が差出人のドメインと一致しないことだけで失敗したもの (dmarc=fail) も数えません。何の検査も失敗しておらず、一致しないことは NOT_ALIGNED が数えるからです。)",
      "The receiving server's check of the sender's domain (SPF / DKIM / DMARC) failed, so the"
          + " sender may be forged. (An SPF failure is not counted when, in the same results, a DKIM"
          + " signature of the envelope sender's own domain passed: forwarding (the reader's own"
          + " forwarding address) sends the message on from the forwarder's address, so SPF fails,"
          + " while the signature travels with the message and still verifies. A DMARC failure, or"
          + " another domain's signature passing, still counts. Also not"
          + " counted in mail a mailing list relayed: results written by the list's own server,"
          + " the host that handed the message to the receiver, rather than by the receiver. They"
          + " speak of the poster's message before the list tagged its subject or added its"
          + " footer, not of what the receiver got; the receiver's own failure still counts, and so does"
          + " the list server's SPF failure for a short post that starts no thread by an author on"
          + " none of the list's domains (a post the list only relayed): SPF is checked as the author's"
          + " server connects to the list, before the list changes anything. Nor is"
          + " the poster's DKIM / DMARC failure counted when a list its members post to broke the"
          + " poster's signature (a footer, a subject tag) and the list's own signature, or that of"
          + " the host that handed the message to the receiver, passed; a From with no signature of"
          + " its own domain at all (a forgery) or an SPF failure still counts. Results the"
          + " receiver wrote in several Authentication-Results headers (the same server's name, all"
          + " above the message's Received headers) are read together. A DMARC failure counts even where"
          + " the domain's owner published p=none (\"take no action\"): p=none asks for no action, it"
          + " does not say the sender was verified. A DKIM"
          + " failure counts even when DMARC passed. Not counted: a real bounce's SPF check of the"
          + " sending server's HELO name alone — a bounce comes from the empty sender, so SPF has no"
          + " sender's domain to check and its failure says nothing of a forged sender. Nor is a dmarc=fail"
          + " where SPF and DKIM both passed for one sending platform's domain (the envelope's) and"
          + " only the From's domain is another: no check failed, and NOT_ALIGNED weighs the"
          + " misalignment once.)"),
  ENCRYPTED_ARCHIVE(
      25,
      "パスワード付き (暗号化) の圧縮ファイルが添付されています。または、差出人とは別のドメインにある圧縮ファイル (.zip、.rar、.7z) へのリンクと、そのパスワードが同じメールに書かれています。ウイルス対策による検査をすり抜ける手口です。",
      "An encrypted (password-protected) archive is attached, or a link leads to an archive (.zip,"
          + " .rar, .7z) on another domain than the sender's while the message gives its password:"
          + " a way around virus scanning."),
  ARCHIVE_LIMIT(
      15,
      "圧縮ファイルが展開の上限を超えています (圧縮爆弾の可能性)。中身は検査できていません。",
      "An archive exceeds the unpacking limits, as a zip bomb does, so its contents were not"
          + " checked."),
  BEYOND_LIMITS(
      20,
      "メッセージが解析の上限を超える作りになっています (リンク 2,000 個超、MIME パート 200 個超、入れ子 8 段超、"
          + "または本文が最初と最後の各 65,536 文字を超える長さ、本文のパート 1 つが 4,000,000 文字超、メッセージ全体が読み込みの上限 (既定 25 MiB) 超、"
          + "QR コードを探す画像・PDF が 100 個または合計 2 億画素超、PDF の 51 ページ目以降や描画 10 ページ超)。"
          + "通常のメールにはない構造で、大量の無害なリンクやパート、文章の陰に本当の誘導を隠す手口です。"
          + "上限の先は一部しか検査できていません (上限の先のリンクは、それまでにないドメインのものを 200 個まで検査します。"
          + "長い本文は最初と最後を読み、その間の文面は認証情報・支払い・ログインに関わる語の前後 (計 16,384 文字まで) だけを読みます)。どの上限かは根拠の欄に書いてあります。",
      "The message is built past the analyser's limits (more than 2,000 links, more than 200"
          + " MIME parts, parts nested more than 8 deep, text longer than its first and last 65,536"
          + " characters, a text part of more than 4,000,000 characters, a message past the size read (25 MiB by default),"
          + " more than 100 images and PDFs or 200 million pixels to search for QR codes, or a PDF"
          + " past its 50th page or more than 10 pages to draw):"
          + " real mail is not, and padding with harmless links, parts or text is a way to hide the"
          + " real lure behind them. What lies past the limit was checked only in part (of the links"
          + " past it, up to 200 to domains not seen before; of a long text, its beginning and end,"
          + " of the wording between them, only excerpts around words of credentials, payment and sign-in,"
          + " 16,384 characters at most). The evidence says which limit."),
  CREDENTIAL_REQUEST(
      25,
      "パスワードの有効期限、メールボックスの容量超過、アカウントの停止・ロック、本人確認、個人情報の再認証、ご利用確認、お支払い方法の更新、登録情報の確認、異常なサインインなどを口実に、ID やパスワード、カード情報の入力を求める文言があります。"
          + "(サービス自身のセキュリティ通知 — DMARC に合格し (受信サーバーが DMARC の結果を記録していない場合は、差出人自身のドメインの DKIM または SPF に合格し)、リンクがすべて自社のドメイン (とソーシャルメディア上の自社のページ、アプリストア上の自社アプリのページ) を指すもの — の「新しい端末からのログイン」「ワンタイムコード」「確認コード」「不正アクセス」などの報告は数えません。"
          + "そのうち他社や公的機関を名乗っていないもの (受信者の組織とは別のドメインから「人事部」「情報システム部」「システム管理者」とだけ名乗るものは、受信者の部署を名乗っているので除きます) では、「ログインしてご確認ください」「お支払い方法の更新」「パスワード再設定」「メールアドレスの変更」など会員への日常の案内も数えません。"
          + "公的機関・CEPTOAR・セキュリティ機関の注意喚起 — DMARC に合格し、リンクが自組織か公的機関・JPCERT/CC などの公開情報だけでログイン画面がないもの — が引用する「本人確認」などの文言も数えません。無害化して書かれた指標 (hxxps://…[.]…) はクリックできないのでリンクとみなさず、それを引用すること自体を注意喚起の印とみなします。"
          + "「their mailbox is full」「the user(s) account is disabled」のように他人 (届かなかった宛先) のメールボックスやアカウントの状態を知らせる文言も、読み手に何も求めていないので数えません。"
          + "一斉配信の購読そのものについての文言 — 「update your email preferences」「update your information or unsubscribe」「update your email address, change your name or address, or to stop receiving emails」のような配信設定・配信停止の案内や、本文が購読の申し込みを述べる (「to receive email from …」「you requested to receive」) ダブルオプトインの「confirm your email address」 — も、配信を続けるかどうかを尋ねるだけで秘密を求めないので数えません。)",
      "The message asks for a password, account or card details on a pretext: password expiry, a"
          + " full mailbox, a locked or suspended account, \"verify your account\", 本人確認 (identity"
          + " check), 個人情報の再認証 (authenticate your personal details again), ご利用確認 (confirm a card use), お支払い方法の更新 (renew the payment method), a"
          + " strange sign-in. (A service's own security notice — DMARC passes, or, where the"
          + " receiving server recorded no DMARC result, DKIM or SPF passes for the sender's own"
          + " domain, and every link is on its own domains, its own pages on social networks or its"
          + " app's page in the App Store or Google Play — that"
          + " reports a new sign-in, a"
          + " one-time or verification code or unauthorised access"
          + " is not counted; when it claims no other brand (a display name that is only 人事部, 情報"
          + " システム部 or システム管理者 from another domain than the reader's claims the reader's own"
          + " department), neither are its everyday asks to its"
          + " members, \"log in to see your statement\", \"renew your payment method\", a password reset,"
          + " \"update your email address\". Nor are the"
          + " lure words an advisory quotes — from a public body, a CEPTOAR or a security"
          + " organisation that passes DMARC and links only itself and public sources such as"
          + " JPCERT/CC, no sign-in page; an address written defanged, hxxps://…[.]…, is no link"
          + " anyone clicks, and quoting one marks an advisory. Nor is a report on someone else's"
          + " mailbox or account, \"their mailbox is full\", \"the user(s) account is disabled\":"
          + " a delivery notice speaks of the address it could not reach and asks the reader"
          + " nothing. Nor are a bulk sender's words about the subscription itself: the mail"
          + " preferences and an ask joined to leaving the list (\"update your email preferences\","
          + " \"update your information or unsubscribe\", \"update your email address, change your"
          + " name or address, or to stop receiving emails\"), and a double opt-in's \"confirm your"
          + " email address\" where the text states the consent (\"to receive email from …\","
          + " \"you requested to receive\"): they ask whether to keep receiving the mail, no"
          + " secret.)"),
  URGENCY(
      10,
      "「至急」「24時間以内」「アカウントを停止します」「お取引を制限させていただきます」「無効となります」「自動退会」「財産の差押え」「逮捕状」など、急がせたり脅したりする文言があります。(注意喚起の「至急」は数えません。選挙運動や政策提言のメールが社会の課題について書く「緊急の行動の呼びかけ (urgent call to action)」「即時の対策を求める (demand immediate action)」「銃暴力への即時の対策 (immediate action on gun violence)」も、受信者のアカウントを急がせるものではないので数えません。契約条件が書く第三者の不履行 (「顧客が設置の確認を怠った場合 (the customer's failure to confirm)」)、報道が伝える他者の法的措置 (「いわゆる John Doe 訴訟 (legal actions)」)、支援の呼びかけが書く現地に急ぎ必要な食料や医療 (urgently-needed food aid) も、読み手に何かを求めるものではないので数えません。「アカウントの確認を怠ると」「法的措置を取ります (legal action will be taken)」は数えます。)",
      "Words that hurry or threaten: \"urgent\", \"within 24 hours\", \"final warning\", \"your"
          + " account will be suspended\", in Japanese also a card, account or supply to be"
          + " restricted or cut off, a membership cancelled, property seized, an arrest warrant. (An"
          + " advisory's \"urgently\" is not counted, nor a public cause's urgency that campaign and"
          + " advocacy mail reports: \"an urgent call to action\", \"demand immediate action\","
          + " \"immediate action on gun violence\"; \"immediate action on your account\" counts;"
          + " nor what someone else did or failed to do: a contract's terms on a party's failure"
          + " (\"the customer's failure to confirm the installation\"), the news of legal actions"
          + " taken, an appeal for urgently-needed food or medical aid; \"failure to confirm your"
          + " account\" and \"legal action will be taken\" count.)"),
  PAYMENT_LURE(
      10,
      "身に覚えのない請求・支払い・配達の通知、送金や暗号資産、賞金、読み手の残高に入金されたという金額 (例: 「残高が追加されました」「+29,738$」) などを口実にした文言があります。"
          + "(店舗・請求元・配送業者自身のメール — 差出人自身のドメインが認証され、リンクがすべて自社のドメイン (とソーシャルメディア上の自社のページ、アプリストア上の自社アプリのページ、読み手の端末のウォレットやアプリストアを開くリンク) を指し、他社を名乗っていないもの、または一斉配信のメールでリンクも電話番号もないもの、または注文番号を書き、リンクがすべて配信サービスのクリック計測を通るもの — が読み手の注文・請求・支払いについて書く「請求書」「配送」「返金」「ウォレット」などは数えません。"
          + "ニュースレターなど一斉配信のメール (リストのヘッダーや配信停止の文言があるもの) が報じる「$100 million」のような百万単位の金額も、読み手に差し出された金ではないので数えません。"
          + "配送ソフトウェア自身のアドレス (MAILER-DAEMON、postmaster) から届き、SMTP の応答コードや配送ソフトウェアの定型文がある報告の「配信失敗」「配送の再試行」なども、郵便物の配達ではなくメールの配送の報告なので数えません。"
          + "店舗の返品・返金の規定 (「30日以内の交換または返金」「返金は店舗クレジットで行います」「返金不可」「返金はありません」、返金ポリシーのページ) や、特典を「変更・中止・撤回することがあります」という条件も、読み手にお金を約束したり支払いを求めたりするものではないので数えません。"
          + "軍や候補者、法案の「撤退・撤回 (withdrawal)」や、国・条約・国際機関からの撤退 (「シリアから部隊を撤退させる」「国連から脱退する」) を報じる文言も、出金の話ではないので数えません。)",
      "An unexpected invoice, payment, delivery notice, money transfer, prize or crypto-currency"
          + " withdrawal is the pretext, or a sum said to be credited to the reader (\"your balance"
          + " has been replenished\", \"+29,738$\"). (The invoice, shipment, refund or wallet a"
          + " shop's, biller's or carrier's own mail speaks of — its own domain authenticated, every"
          + " link on its own domains, its own pages on social networks, its app's store page or the"
          + " reader's phone's"
          + " wallet or app store, or, in bulk mail, no link and no number to call at all, or, with"
          + " the order's number stated, every link through its sending platform's click counter; no other"
          + " brand claimed — is the reader's own and not"
          + " counted; nor are the sums in millions a newsletter (list headers, an unsubscribe line)"
          + " reports, \"$100 million\": news, not money offered to the reader; nor \"delivery"
          + " failure\" or \"delivery attempts\" in a report from delivery software's own mailbox"
          + " (MAILER-DAEMON, postmaster) that carries an SMTP reply or an MTA's own wording: the"
          + " delivery of mail, not of a parcel; nor a shop's returns policy — \"an exchange or"
          + " refund within 30 days\", \"refunds will be issued as store credit\","
          + " \"non-refundable\", \"no credits or refunds\", its refund-policy page — or an"
          + " offer's terms that it may \"cancel, modify, suspend, or withdraw this offer\": they"
          + " promise the reader no money and ask for none; nor the news of a withdrawal of"
          + " troops, a candidacy or a bill, or of a state from a country, a treaty or a body"
          + " (\"withdraw our troops from Syria\", \"withdraw from the UN\").)"),
  TARGETED_THEME(
      5,
      "取材申込、履歴書、問い合わせ、アンケート、人事、資料の再送・差替えなど、標的型メールに多い件名・話題です (IPA)。"
          + "(差出人自身のドメインが認証されたニュースレターや店舗の一斉配信のメール (リストのヘッダーや配信停止の文言があるもの) の「ボーナス」(ボーナスポイント、特典) は、個人あての人事の通知ではないので数えません。"
          + "カジノのボーナスや暗号資産の配布、報酬の受け取り、支払い、急がせる文言、パスワードの要求と並ぶ「ボーナス」は数えます。)",
      "The subject or text is on a theme common in targeted mail (IPA), such as a press or job"
          + " application, an inquiry, a survey, an HR notice, a document re-sent or replaced, or a"
          + " shared document. (\"Bonus\" in a newsletter's or a shop's own bulk mail — list headers"
          + " or an unsubscribe line, the From's own domain authenticated — is not counted: bonus"
          + " points or a free extra, not an HR notice written to one person; beside a casino's"
          + " bonus or a crypto airdrop, a reward to claim, money, pressure or a password asked"
          + " for, it still is.)"),
  BRAND_IMPERSONATION(
      30,
      "差出人名・件名、または本文の宛名・署名・著作権表示 (「〇〇会員の皆様」「〇〇カードをご利用のお客様」「〇〇株式会社」「〇〇事務局」「〇〇セキュリティチーム」「© 〇〇」) が企業・金融機関・公的機関 (暗号資産のウォレットや取引所、NFT マーケットを含みます) を名乗っていますが、差出人のドメインはその組織のものではありません (組織の名前でも、フィッシングに多用される安価なトップレベルドメイン (.top、.xyz、.shop、.cc、.icu など) 上のもの — 例: sagawa-exp.cc — は組織のものとみなしません)。差出人名が組織名そのもの (例: 「Ledger」) の場合や、人の名前に組織名を添えたもの (例: 「Katie from Ledger」) も名乗りとみなします。"
          + "または差出人アドレスの @ より前が裁判所・警察・税務署・運輸局などの公的機関を名乗っていますが (例: court_notice@、adm.detran…@)、ドメインは政府のもの (.gov、.go.jp、.gov.br、.gob.mx、.gouv.fr など) ではありません。公的機関は自らのドメインから送ります。"
          + "または件名が、ある企業での無料の金額や賞品を読み手に差し出していますが (例: 「How will you spend your 500 at eBay」「$300 Visa Gift Card is yours to keep」)、差出人のドメインもリンク先もその企業のものではなく、差出人のドメインは認証されていません。企業は自社の特典を自社のドメインから送り、自社のサイトへ案内します。"
          + "メーリングリストが配信したメールでは件名や本文の社名は議論の話題なので数えませんが (スレッドを始める短い投稿 (返信ではないもの) で、書いた人のアドレスがリストのドメインでないもの — リストが中継しただけのメール — は、直接届いたメールと同じに読みます)、差出人名が社名そのもの (例: 「Nintendo」) や、会社・窓口としての日本語の名乗り (例: 「楽天証券からのお知らせ」「〇〇カード株式会社」) で、差出人のドメインがその会社のものでなければ数えます。リストは配信したことを保証しても、書いた人を保証しません。"
          + "リストが差出人を自分のアドレスに書き換えたメール (「東京電力 via 〇〇-devel」) では、名乗りを Reply-To に残された書いた人のアドレスのドメインと比べます。"
          + "また、日本語の件名が会社から客への通知として書かれ (例: 「Amazon.co.jpでのご注文の確認」「〇〇カード ご利用確認のお願い」)、書いた人のドメインがその会社のものでなければ数えます。リストの参加者は会社の通知を日本語で読者に宛てて書きません。"
          + "リストが中継しただけの投稿で、差出人アドレスが企業や政府機関自身のドメイン (例: interior.gob.es、santander.es) なのに、そのドメインの認証がどこにもなく、リストのサーバーが記録した投稿者のエンベロープ (envelope-from、SPF の smtp.mailfrom) が別のドメインのものも数えます。リストは投稿者の署名を壊しますが、誰から受け取ったかは書き残します。"
          + "なお、In-Reply-To や References、「Re:」があっても、元のメールの引用 (「> …」「… wrote:」、元のメッセージの欄) もパッチでもない投稿は、返信ではなくリストが中継しただけの投稿として読みます。これらのヘッダーは誰でも書けます。",
      "The sender's name, the subject, or the text's greeting, signature or copyright line (\"dear"
          + " ... member\", \"... security team\", \"© ...\", in Japanese 〇〇をご利用のお客様, 〇〇株式会社,"
          + " 〇〇事務局) claims a company, bank or public body"
          + " (crypto wallets, exchanges and NFT markets included; a sender name that is nothing"
          + " but the company's name, \"Ledger\", or a person's name with it, \"Katie from Ledger\","
          + " claims it), but the sender's domain is not one of"
          + " theirs (the brand's name on a cheap top-level domain the phishing reports find most"
          + " look-alikes on, .top, .xyz, .shop, .cc, .icu ..., sagawa-exp.cc, is not theirs). Or the sender's mailbox name (before @) speaks for a court, the police, a tax"
          + " office or a traffic department (court_notice@, adm.detran…@) on a domain that is not"
          + " a government's (.gov, .go.jp, .gov.br, .gob.mx, .gouv.fr ...): such bodies write"
          + " from their own domains. Or the subject hands the reader money or a prize at a"
          + " brand (\"How will you spend your 500 at eBay\", \"$300 Visa Gift Card is yours to"
          + " keep\") while neither the sender's domain nor any link is that brand's and the"
          + " sender's domain is not authenticated: a company gives its own credit from its own"
          + " domain and sends the reader to its own site. Through a discussion list the"
          + " subject's and the text's company names are the members' topic and are not counted"
          + " (a short post that starts no thread, by an author on none of the list's domains,"
          + " is a post the list only relayed and is read as if it had come direct),"
          + " but a sender name that is the company's alone (\"Nintendo\") or a Japanese name"
          + " speaking as the company or its desk (楽天証券からのお知らせ, 〇〇カード株式会社) from a"
          + " domain not the company's is: the list vouches that it delivered the message, not"
          + " for who wrote it. Where the list rewrote From to its own address (\"東京電力 via"
          + " foo-devel\"), the name is checked against the domain of the writer's address the"
          + " list kept in Reply-To; and a Japanese subject written as the company's notice to"
          + " its customer (\"Amazon.co.jpでのご注文の確認\", \"… ご利用確認のお願い\") from a"
          + " writer's domain not the company's counts: no member of a list writes a company's"
          + " notice to the readers in Japanese. Also counted: a post a list only relayed whose From"
          + " is a company's or a government's own domain (interior.gob.es, santander.es) with no"
          + " authentication of that domain anywhere, while the envelope the list's server recorded"
          + " (envelope-from, SPF's smtp.mailfrom) is on another domain: the list breaks the"
          + " author's signature but writes down whom it took the post from. A post with"
          + " In-Reply-To, References or \"Re:\" that quotes nothing (\"> …\", \"… wrote:\", the"
          + " original message's block) and is no patch is read as a post the list only relayed,"
          + " not as a reply: anyone can write those headers."),
  LOGIN_LINK_ELSEWHERE(
      15,
      "ログインや確認のためのリンクが、差出人とは無関係のドメインを指しています。"
          + "または、ID やカード情報の入力を求めるメールのリンクが、差出人自身のドメイン (ロゴ、ヘルプ、プライバシーの案内) と、無関係なドメイン 1 つだけに分かれています。本物の通知をまねて「こちらをクリック」のリンクだけを偽サイトに差し替えた作りです。"
          + "差出人が企業や官公庁のドメイン (受信側の認証なし) でアカウントの確認や復旧を求めているのに、リンクがひとつもそのドメインに向かっていない場合も数えます。本物の通知は自社のサイトへ案内します。「こちら」やログインの言葉を含まないアドレスの陰に偽サイトだけを置いた作りです。"
          + "端末のアプリを開くリンク (wallet:// など、http でも https でもないもの) はドメインに行かないので数えません。"
          + "寄付の決済サービス (ActBlue、WinRed、NGP VAN など) の寄付ページも、ホスト名に secure が付くだけで、アドレスやリンクの言葉がログインや確認を求めていなければ数えません (寄付を受けるページで、受信者のパスワードを求めるページではありません)。",
      "A link to log in or verify leads to a domain unrelated to the sender, or a message asking"
          + " for credentials links the sender's own domain (logo, help, privacy pages) and one"
          + " unrelated domain besides: a copy of the brand's real notice with the one \"click here\""
          + " swapped for the fake site. So does a message from a brand's or a government's own"
          + " domain, not authenticated by the receiver, asking to verify or restore the account"
          + " while not one of its links is on that domain: the real notice sends its customers to"
          + " its own site; the lure has only its page elsewhere, behind \"click here\" or an"
          + " address whose words name no login. A link that opens an app on the reader's device (wallet://"
          + " and other schemes than http and https) leads to no domain and does not count, nor"
          + " does a donation platform's donation page (ActBlue, WinRed, NGP VAN …) whose only"
          + " login word is \"secure\" in its host name: it takes a donation, not the reader's"
          + " password; one whose address or words ask to log in or verify still counts."),
  SUSPICIOUS_LINK(
      20,
      "リンク先が IP アドレス、短縮 URL、data: / javascript: URL、誰でもページを置ける無料のホスティング (Google 図形描画 (Drawings) のページや「ウェブに公開」された Google ドキュメント・スライドを含みます)、またはダイナミック DNS (duckdns.org 等) です。大手サイトのリダイレクト (google.com/url?q=、bing.com/ck/a) や、メールゲートウェイが書き換えたリンク (Microsoft の Safe Links、Proofpoint の URL Defense) は、転送先を同じように検査します。社内ネットワークの中でしか届かないアドレス (192.168.x.x、10.x.x.x、127.0.0.1、[::1] など) へのリンクは、アドレスがそのまま書かれていれば機器やローカルのサービスを指すだけなので、ログインを求めるものでなければ数えません。「こちら」「link」のような言葉の陰に隠されたものは数えます。転送先を読めないリダイレクト (LinkedIn の slink) も、一斉配信でなければこれに当たります。"
          + "IP アドレスをそのまま名前にしたホスト (93.184.216.34.host.example.net、ec2-3-90-1-2.compute-1.amazonaws.com のような、レンタルサーバーの初期の名前) へのリンクや、"
          + "# の後ろにメールアドレス (Base64 で符号化したものを含みます) を付けたリンクもこれに当たります。後者は偽のログイン画面に受信者のアドレスを表示させるフィッシングキットの作りです。"
          + "画像ファイル (.jpg、.png 等) のアドレス、アドレス自体が配信停止ページを示すリンク、Google マップの共有リンク (maps.app.goo.gl) は、読者が何かを入力するページではないので数えません。"
          + "ネットショップの基盤 (myshopify.com) 上の店のページも、メールがその店の商品・コレクション・カートのページへリンクし、認証情報を求めず、そのリンクがログインのページでなければ、小さな店の販売メールとして数えません (同じ基盤上のログインページや、商品へのリンクのないページは数えます)。"
          + "利用者の書いた文面を配信するサービス (クラウドファンディングの活動報告など) の一斉配信に載った短縮 URL も、差出人自身のドメインが認証され、そのドメインへのリンクが 3 つ以上かつ短縮 URL より多く、認証情報や支払い・急ぎを求める文言などほかの兆候が何もなく、短縮 URL がログインのページでなければ数えません (ほかの兆候が一つでもあれば数えます)。",
      "A link leads to an IP address, a URL shortener, a data: or javascript: URL, free hosting"
          + " anyone can put a page on (a Google Drawings page, a Google document or"
          + " presentation \"published to the web\" included), or a dynamic-DNS name (duckdns.org ...). A link through a"
          + " big site's open redirect (google.com/url?q=, bing.com/ck/a) or rewritten by a mail"
          + " gateway (Microsoft Safe Links, Proofpoint URL Defense) is judged by where it"
          + " leads; a link to an address reachable only inside a network (192.168.x.x,"
          + " 10.x.x.x, 127.0.0.1, [::1] ...) written out names a device or a local service and"
          + " counts only when it asks to log in or hides behind words (\"click this link\"); one"
          + " whose destination cannot be read (LinkedIn's slink) counts outside bulk"
          + " mail. So does a link whose address carries a second one leading to an IP address"
          + " (http://ad.example/clk?http://192.0.2.7/login): the known name in front hides where"
          + " the click lands. So does a link to a host named by its IP address, a rented server's"
          + " default name (93.184.216.34.host.example.net, ec2-3-90-1-2.compute-1.amazonaws.com),"
          + " and a link that carries an e-mail address after # (in Base64 too): the phishing kit"
          + " shows the reader's own address on its fake sign-in page. The address of a picture (.jpg, .png ...), a link whose address"
          + " itself is an unsubscribe page, and a Google Maps shared place (maps.app.goo.gl) do"
          + " not count: nothing is typed into them. Nor does a shop's own page on a commerce"
          + " platform (myshopify.com) when the mail links that shop's products, collections or"
          + " cart, asks for no credentials, and the link is no login page: that is how small"
          + " shops sell (a login page on the platform, or a page there in a mail that links no"
          + " catalogue, still counts). Nor does a short link in the bulk mail of a platform that"
          + " relays its users' words (a crowdfunding creator's update): the sender's own domain"
          + " authenticated, at least three of its links on that domain and more than the short"
          + " links, no other sign at all (no credential, payment or urgency wording), and the short"
          + " link no login page; any other sign makes it count again."),
  EXECUTABLE_LINK(
      30,
      "リンク先が実行ファイルやスクリプト、インストーラー (.exe、.msi、.hta、.vbs 等)、またはマクロ付き文書 (.docm、.xlsm、.pptm 等。「編集を有効にする」「コンテンツの有効化」で中のプログラムが動きます) です。クリックするとプログラムがダウンロードされます。認証された差出人が自ドメインで配布するものはこれに当たりません。開かないでください。",
      "A link leads to a program, script or installer (.exe, .msi, .hta, .vbs ...) or a macro"
          + " document (.docm, .xlsm, .pptm ...: its code runs once editing or content is enabled):"
          + " clicking it"
          + " downloads a program. A sender that authenticated and links its own domain does not"
          + " count. Do not open it."),
  DISGUISED_LINK_HOST(
      25,
      "リンク先のホスト名が偽装されています: 「@」の前に有名なドメインを書いて実際には「@」の後ろのサイトへ飛ばす (http://www.bank.example@203.0.113.9/)、ホスト名をパーセント符号で書く (%77%77%77…)、IP アドレスを 16 進数・8 進数・省略形で書く (http://0xcb.0x0.0x71.0x9/) などです。普通のメールにはない、行き先を隠すための書き方です。",
      "A link's host is disguised so that the reader cannot tell where it leads: a familiar domain before an \"@\" that the browser ignores, the"
          + " real site coming after it (http://www.bank.example@203.0.113.9/), a host spelled in"
          + " percent-codes (%77%77%77...), or an IP address written in hexadecimal, octal or a"
          + " short form (http://0xcb.0x0.0x71.0x9/). Ordinary mail does not write links like this;"
          + " it is done to hide where the link leads."),
  HTML_FORM(
      35,
      "本文や添付の HTML / SVG に入力フォーム、スクリプト、自動転送があります。パスワードを盗むページの典型です。"
          + "ID やカード情報の入力を求めるメールに、入力内容を差出人とは別のドメインへ送るフォームがある場合も含みます。",
      "The body or an HTML / SVG attachment holds a form, a script or an automatic redirect: the"
          + " usual make of a page that steals passwords; or a message asking for credentials holds"
          + " a form that sends what is typed to another domain than the sender's."),
  HTML_ATTACHMENT(
      25,
      "HTML や SVG のファイルが添付されています。開くとブラウザで偽のログイン画面などが表示されます。",
      "An HTML or SVG file is attached that, once opened, shows a page in the browser (often a"
          + " fake sign-in)."),
  UNAUTHENTICATED(
      10,
      "受信サーバーの認証結果では、差出人は SPF でも DKIM でも認証されていません。"
          + "(メーリングリストのサーバー自身が書いた結果は数えません。AUTHENTICATION_FAILED と同じです。"
          + "受信サーバーが結果を複数の Authentication-Results ヘッダーに分けて書いた場合は、すべてを合わせて読みます。)",
      "The receiving server's results show the sender authenticated by neither SPF nor DKIM."
          + " (Results a mailing list's own server wrote are not counted, as for"
          + " AUTHENTICATION_FAILED. Results the receiver wrote in several Authentication-Results"
          + " headers are read together.)"),
  MALFORMED_SENDER(
      20,
      "差出人 (From) に正しいメールアドレスがありません (ドメインがない、存在しえないドメイン等)。"
          + "または From 欄の山かっこ「< >」や引用符が閉じられていません (例: 「PayPal <service@paypal.com」)。"
          + "または差出人名が、エンコードされていない生の ISO-2022-JP (ヘッダーにそのまま書かれたエスケープシーケンス。画面では「$B%f!<…(B」のように見えます) です。"
          + "メールソフトはこう書きません。手で作ったヘッダーの跡です。"
          + "(差出人名がアドレスそのもので引用符がない形「info@example.jp<info@example.jp>」は、件名が日本語のとき、日本の配信サービスが書く形なのでそのアドレスとして読み、数えません。英語などの詐欺メールの一斉送信ツールも同じ形を書くため、それ以外では数えます。)",
      "The sender (From) is not a valid address (no domain, or a domain that cannot exist), or"
          + " the From field leaves an angle bracket or a quote open (\"PayPal"
          + " <service@paypal.com\"), or the sender's name is raw ISO-2022-JP, its escape"
          + " sequences written into the header instead of an encoded word (shown as text such"
          + " as \"$B%f!<…\"): no mail program writes it so; it is the trace of a header"
          + " made by hand. (A name that is the address itself, unquoted,"
          + " \"info@example.jp<info@example.jp>\", under a Japanese subject is what Japanese"
          + " bulk-mail services write: it is read as that address and not counted. The"
          + " mass-mailing tools of lures in English and other languages write the same shape, so"
          + " it counts there.)"),
  OBFUSCATED_TEXT(
      20,
      "件名や差出人名に、装飾用の数学文字やゼロ幅文字、ラテン文字に紛れ込ませたキリル文字・ギリシャ文字・アルメニア文字・チェロキー文字・カナダ先住民音節文字 (例: Amаzon の а、Ꮮedger の Ꮮ) や他の文字体系の記号 (例: シリア文字の点を付けた amܿazoܿn。本文の単語でも数えます。本文の単語では、ラテン文字 2 字以上を含む 4 字以上の語で、他の文字体系の文字がすべてラテン文字に似た文字のもの (例: キリル文字の о を入れた Gоod、accоunt) を数えます。ロシア語やギリシャ語の文章の語、文字コードを誤って読んだ文字化け (例: BГјnde)、μs のような単位は数えません。タイ語・アラビア語・ヒンディー語などの自分の文字に付いた記号は数えません)、多くの書体で見分けにくい大文字の I と小文字の l の入れ替え (例: PayPaI、Sam's CIub、VlAGRA)、無意味な英数字の羅列、件名の末尾に点や空白の後で付け足された機械的な符号 (例: 「…ご確認ください...ACZDOCCQRF」「__ID:#WMZC-834」。一通ごとに件名を変えて一斉送信を見えにくくします) など、フィルターを避けるための文字が使われています。または件名の日本語が、ISO-2022-JP のまま符号化されずに、あるいは ISO-8859-1 などの別の文字コードを名乗る符号化された語の中に書かれています (日本語のメールソフトは読めますが、表示された文字コードで読むフィルターには意味のない記号にしか見えません。1996 年の RFC 2047 以来、メールソフトはこう書きません)。または本文が、無意味な英数字の語 (例: zdb5oq xl3etiungy5oqk2e) で水増しされているか、本文の単語の文字の間に見えないゼロ幅文字や方向制御の文字 (U+2066〜U+2069) が 10 個以上、日本語の単語ではソフトハイフン、数式用の見えない演算子 (U+2061〜U+2064)、かなの後の異体字セレクタ (U+FE00〜U+FE0D) も含めて 3 個以上挟まれています (例: 「ロ」「グ」「イ」「ン」の間にゼロ幅スペース。画面では普通の単語に見えても、フィルターには単語として読めません)。または本文で、口座・パスワード・銀行・ローンなどのおとりの英単語が文字の間に空白を入れて書かれています (例: 「v e r i f y」「mor tga g e」)。または日本語の文の途中で、カード・リンク・クリック・ログイン・口座などのおとりの語やブランド名が一文字ずつ空白で区切られ、前後の文字とつながっています (例: 「三 井 住 友 カ ー ドをご利用」「以下 の リ ン ク をクリック」)。日本語は語の間に空白を入れません。見出しや名前の字間 (「■ お 知 ら せ ■」「山 田 太 郎」) は前後が空白や記号で区切られているので数えません。件名の末尾を埋めるだけのゼロ幅文字や絵文字をつなぐゼロ幅接合子、また数字 (日付・電話番号・郵便番号) の間にも単語の半分以上の頻度で不可視文字を挟む本文 (携帯電話が自動でリンクにしないための配信ツールの処理) は数えません。",
      "The subject or sender name uses characters meant to get past filters: look-alike"
          + " mathematical letters, invisible characters,"
          + " Cyrillic, Greek, Armenian, Cherokee or Canadian syllabic letters inside a Latin word"
          + " (the \"а\" of \"Amаzon\", the \"Ꮮ\" of \"Ꮮedger\") or another script's"
          + " marks on Latin letters (a Syriac dot on \"amܿazoܿn\"; counted in the text's words too,"
          + " but not the marks of Thai, Arabic or Hindi words on their own letters; in the text, a"
          + " word of four letters or more with two Latin ones whose other letters are all"
          + " look-alikes, \"Gоod\" or \"accоunt\" with a Cyrillic о, and not a word of Russian or"
          + " Greek prose, UTF-8 read in the wrong charset (\"BГјnde\") or a unit such as \"μs\"),"
          + " a capital I"
          + " written for a small l"
          + " or the reverse, alike in most fonts (\"PayPaI\", \"Sam's CIub\", \"VlAGRA\"), or a random"
          + " string of letters and digits, or a machine-made code hung on the end of the subject"
          + " behind dots or spaces (\"…check it...ACZDOCCQRF\", \"__ID:#WMZC-834\": each copy"
          + " of a spam run gets another, so that no two look alike). Or the subject's Japanese is"
          + " written in ISO-2022-JP raw, without encoded words, or inside encoded words that claim"
          + " another charset such as ISO-8859-1: a Japanese mail program reads it, a filter that"
          + " trusts the label sees only symbols, and no mail program has written a subject so"
          + " since RFC 2047 (1996). Or the text is padded with random words of letters and"
          + " digits (zdb5oq xl3etiungy5oqk2e ...), or ten or more zero-width characters or"
          + " bidirectional isolates (U+2066–U+2069) sit between the letters of the text's words, or"
          + " three or more (soft hyphens, the invisible operators U+2061–U+2064 and variation"
          + " selectors U+FE00–U+FE0D after kana included) between Japanese letters (a zero-width space"
          + " between each kana of ログイン), or a lure word of the text (account, password, bank,"
          + " loan ...) is written with spaces between its letters (\"v e r i f y\", \"mor tga g"
          + " e\"), or a Japanese lure word or brand (カード card, リンク link, ログイン log-in, 口座"
          + " account ...) is spaced out letter by letter in the middle of a sentence, glued to the"
          + " letters around it (\"三 井 住 友 カ ー ドをご利用\", \"以下 の リ ン ク をクリック\"): Japanese puts"
          + " no spaces between words, and a heading or a name spaced for looks (\"■ お 知 ら せ ■\")"
          + " stands apart between spaces or marks. The reader sees words; a filter does not. Not counted: a"
          + " zero-width character that only pads the end of a subject or joins an emoji, and"
          + " invisible characters in a text that breaks numbers (dates, phone numbers, postcodes)"
          + " at least half as often as words: mail builders' guard against phones turning them"
          + " into links."),
  NOT_ALIGNED(
      10,
      "差出人 (From) のドメインが、SPF や DKIM で認証されたドメインと一致しません (DMARC のアラインメントなし)。"
          + "(メーリングリストのサーバー自身が書いた結果は数えません。AUTHENTICATION_FAILED と同じです。"
          + "配信サービス (SparkPost、SendGrid など) が顧客のために自分のドメインのアドレスを差出人に書き (例: disneyplus@sparkpostmail.com)、"
          + "エンベロープ (Return-Path) も同じ配信サービスのドメインであるものも数えません。誰かのドメインを借りていないからです。"
          + "メーリングリストが投稿者の署名を壊し、リスト自身が署名し直したもの (AUTHENTICATION_FAILED の説明を参照) も数えません。"
          + "配信サービスが SPF と DKIM の両方で自分のドメイン (エンベロープのドメイン) として認証され、そのサービスが書いた List-Unsubscribe ヘッダーが配信停止の申し出を差出人自身のドメインへ送るもの"
          + " (差出人が自分のドメインで運営する配信リスト) も数えません。配信停止を受け付けるのは差出人のドメインの持ち主で、ドメインは借りられていないからです。"
          + "同じく配信サービスが認証され、法律が求める費用負担者の表示 (米国の選挙運動の「Paid for by Smith for Congress」) が差出人のドメイン (smithforcongress.com) と同じ名前を挙げるもの"
          + " (選挙運動が自分で運営する配信) も数えません。ルアーはこの表示を書きません。表示が別の名前やブランド名を挙げるものは数えます。"
          + "資格情報 (パスワードなど) を求めるもの、差出人のドメインの DMARC ポリシーが隔離や拒否を求めているもの (未署名のメールは自分のものではないと宣言しています)、差出人が無料メールや配信サービス自身のドメインのものは数えます。)",
      "The From domain is not the domain SPF or DKIM authenticated (no DMARC alignment). (Results"
          + " a mailing list's own server wrote are not counted, as for AUTHENTICATION_FAILED; nor is"
          + " a sending platform's own address written in From for a customer"
          + " (disneyplus@sparkpostmail.com) with the envelope (Return-Path) on the same platform"
          + " domain: nobody's domain is borrowed; nor a list's relay that broke the poster's"
          + " signature and signed what it sent, see AUTHENTICATION_FAILED; nor a sender's own list"
          + " mailed through its platform: SPF and DKIM both passed for the platform's own (envelope)"
          + " domain, and the List-Unsubscribe header the platform wrote sends the reader's request to"
          + " leave to the From's own domain, whose owner runs the list; nor, through such a platform,"
          + " a campaign's mail whose sponsor line required by law (the US \"Paid for by Smith for"
          + " Congress\") names the committee the From domain (smithforcongress.com) names: lures do"
          + " not write it, and a line naming someone else or a brand still counts. Mail that asks for credentials,"
          + " whose From domain's DMARC policy asks for quarantine or rejection (it declares unaligned"
          + " mail not its own), or whose From is free mail or the platform's own domain, still"
          + " counts.)"),
  NO_DMARC_POLICY(
      10,
      "差出人 (From) のドメインは SPF または DKIM で認証されましたが、DMARC ポリシーを公開していません (受信サーバーの判定 dmarc=bestguesspass)。"
          + "このドメインを詐称したメールを拒否するよう、受信側に求めていないということです。"
          + "正規の大手送信者の多くはポリシーを公開しており、フィッシングのために取得されたばかりのドメインの多くは公開していません。"
          + "(メーリングリストのサーバー自身が書いた結果は数えません。)",
      "The From domain passed SPF or DKIM but publishes no DMARC policy (the receiver's result"
          + " dmarc=bestguesspass): it asks no receiver to refuse mail forged in its name. Most"
          + " established senders publish one; most domains registered for a phishing run do not."
          + " (Results a mailing list's own server wrote are not counted.)"),
  QR_CODE_LINK(
      15,
      "画像の QR コードがリンク先 (URL) を示しています。リンクの検査を避け、スマートフォンで開かせる手口 (クィッシング) です。リンク先も検査しました。",
      "A QR code in an image points at a link, a way around link checks onto a phone (quishing);"
          + " the link was checked like the others."),
  PDF_ACTIVE_CONTENT(
      25,
      "添付の PDF が、開くとプログラムを起動する、JavaScript を実行する、入力内容を外部へ送信する、または勝手に Web"
          + " ページを開く仕掛けを持っています。通常の請求書や資料には不要な機能で、マルウェアや偽のログイン画面へ誘導する手口です。",
      "An attached PDF is made to act when opened or clicked: it launches a program, runs"
          + " JavaScript, sends its form's fields elsewhere, or opens a web page by itself. An invoice"
          + " or a document has no need of this; it is how a PDF brings malware or a fake sign-in"
          + " page."),
  IMAGE_ONLY(
      20,
      "本文がほとんど画像だけで、その画像がリンクになっています。文字で読ませず、フィルタや読み手の判断を避ける手口です。"
          + "長い定型文のフッター (配信停止の案内、商標、住所、「対象は 18 歳以上の居住者」など) を除くと文字がほとんどない場合も、ほかの兆候があれば数えます。",
      "The message is almost only an image, and the image is a link: nothing in words for a filter or"
          + " a reader to judge. Also counted, in a message with other signs, when the only words"
          + " besides the linked pictures are a footer's small print (the unsubscribe line, the"
          + " trademark notice, the mailing address, \"offer valid only to residents of …\")."),
  FRAUD_OFFER(
      20,
      "暗号資産の無料配布、カジノのボーナス、遺産の受け取りなど、詐欺に典型的な申し出があります。"
          + "たとえば暗号資産のエアドロップ・無料配布・採掘残高、カジノのボーナスやフリースピン、遺産・寄付・補償金・「人道支援の助成金」の受け取り、出会い系の誘い、"
          + "不正に入手したサーバー管理画面・Web シェル・メール中継・リモートデスクトップ (cPanels、Shells、SMTPs、RDPs) や「スパム送信ツール」の販売、"
          + "申し込んでもいないクレジットカードや融資が「承認済み」「即時審査通過」「審査なし」とする誘い (送信ドメイン認証のない差出人から)、"
          + "在宅や空いた時間の仕事・副業に日給何万円という報酬をうたい、LINE の ID で応募させる勧誘 (警察が注意を呼びかける副業詐欺や闇バイトの手口)、"
          + "日本語に機械翻訳された遺産・預金の話 (外貨で何百万という額、亡くなった夫や受益者の話、読み手の取り分や口座)、"
          + "仮想通貨・FX・株への投資に「元本保証」「必ず儲かる」「月利何％」と約束し、LINE やグループへ誘う勧誘 (SNS型投資詐欺) など。"
          + "選挙陣営が読み手に寄付を頼む「a donation of $10 or $25」のように、選べる額を並べたものは、読み手が払う側なので数えません。",
      "The message makes an offer that only fraud makes, such as free crypto-currency, a casino"
          + " bonus or an inheritance to collect: a crypto-currency airdrop, giveaway or \"mining balance\", a casino"
          + " bonus or free spins, an inheritance, donation, compensation or \"humanitarian grant\" to collect, a dating"
          + " lure, break-in goods for sale (hacked cPanels, web shells, SMTP relays, RDPs,"
          + " \"spamming tools\"), credit the reader never applied for \"approved\" (\"your $7,500"
          + " credit line was approved\", \"instant approval Visa card\", \"no credit check\") by a"
          + " sender no SPF or DKIM vouched for, a side job from home or in spare time paying tens"
          + " of thousands of yen a day, applied for by a LINE ID (the side-job fraud and the"
          + " recruitment for crimes the Japanese police warn of), an estate or deposit story"
          + " machine-translated into Japanese (millions in a foreign currency, a late husband or a"
          + " beneficiary, the reader's share or account), an investment in crypto, FX or shares"
          + " promised to be safe or sure (元本保証, 必ず儲かる, a monthly yield) with the talk moved to"
          + " LINE or a group (the social-media investment fraud). A campaign's ask to give, a"
          + " choice of amounts (\"a donation of $10 or $25\"), is not counted: the reader is"
          + " the one paying."),
  FREEMAIL_LURE(
      10,
      "支払い・請求・配達・アカウント・賞金などの通知が、フリーメールのアドレスから送られています。銀行、店舗、配送業者は自社のドメインから送信します。",
      "A notice of a payment, an invoice, a delivery, an account or a prize comes from a free-mail"
          + " address; banks, shops and carriers send from their own domains."),
  RECIPIENT_AS_NAME(
      15,
      "件名や宛名に、受信者の名前ではなくメールアドレス (またはその @ より前の部分) がそのまま使われています。アドレスの一覧に一斉送信する詐欺メールの特徴です。",
      "The subject or greeting calls the recipient by their e-mail address (or the part before @)"
          + " instead of a name: the mark of fraud sent to a list of addresses."),
  SENDER_ON_HOSTING(
      15,
      "差出人のドメインが、誰でもアプリやテナントを作って送信できるサービスの初期ドメイン (firebaseapp.com、onmicrosoft.com 等) です。正規の組織は自組織のドメインから送信します。"
          + "(本物の配送エラー通知 (バウンス) を Microsoft 365 のテナントの配送ソフトウェア (postmaster@….onmicrosoft.com 等) が送ったものは数えません。Exchange Online はテナントの初期ドメインから配送エラーを送ります。)",
      "The sender's domain is the default domain of a platform where anyone can open an app or"
          + " tenant and send mail (firebaseapp.com, onmicrosoft.com ...); organisations send from"
          + " their own domain. (Not counted for a real bounce from a Microsoft 365 tenant's"
          + " delivery software, postmaster@….onmicrosoft.com: Exchange Online sends its"
          + " non-delivery reports from the tenant's default domain.)"),
  HIDDEN_TEXT(
      20,
      "本文の HTML に、読み手には見えない (非表示・文字サイズ 0 等の) 長い文章があり、その大半は見える本文にない語です。または、スタイルで本文を画面のはるか外へ押し出しています (margin-top: 470500px 等)。迷惑メールフィルターを欺くための細工です。"
          + "または、HTML の本文には文章があるのに、同じメールのテキスト版 (text/plain) にはリンクだけがあり、語が一つもありません。"
          + "メールソフトや配信サービスはテキスト版を HTML から文章ごと作ります。文面をテキストしか読まない受信者やフィルターから隠し、クリック先だけを残す迷惑メール作成ツールの作りです。"
          + "メールマガジンの短い非表示の要約文 (プリヘッダー) はこれに当たりません。",
      "The HTML holds a long text the reader does not see (display:none, zero-size letters ...),"
          + " most of its words absent from the visible text, or its style pushes text far out of"
          + " view (margin-top: 470500px ...): tricks to fool spam filters. Or the HTML speaks but"
          + " the message's plain-text version holds links and not one word: mail programs and"
          + " sending platforms write the plain text from the HTML, words included; a spam kit that"
          + " leaves it only the links hides its wording from text-only readers and filters and"
          + " keeps the click. A newsletter's short hidden summary line (pre-header) is not one."),
  HIDDEN_UNLISTED(
      10,
      "メールマガジンの体裁 (読み手に見えない要約文と本文の配信停止リンク) ですが、一斉配信に必要な配信停止のヘッダー (List-Unsubscribe) がありません。正規の配信システムはこのヘッダーを付けます。弱い兆候で、他の兆候と重なると疑わしいと判定します。配信事業者 (ESP: SendGrid、Mailgun、Amazon SES 等) の追跡ヘッダー (X-SG-EID、X-Mailgun-Sid、Feedback-ID 等) があり、差出人ドメイン自体が認証され、認証情報を求めないメールは、事業者が頼まれなければこのヘッダーを付けないため数えません。"
          + "配信停止のリンクが、このメールを送って SPF と DKIM の両方で認証された配信サービスのドメイン (または受信側の検証した DKIM 署名のドメイン、同じ社名の別のドメイン) にあり、認証情報を求めないものも数えません。",
      "The message is dressed as a newsletter (a summary line hidden from the reader, an"
          + " unsubscribe link in the text) but has no List-Unsubscribe header, which real bulk"
          + " senders' systems add. Weak alone; it counts with another sign. Mail relayed by a"
          + " sending platform (an ESP: SendGrid, Mailgun, Amazon SES ...; its trace field"
          + " X-SG-EID, X-Mailgun-Sid, Feedback-ID ... in the header) whose sender's own domain"
          + " authenticated and that asks for no credentials does not count: such platforms add"
          + " the header only when their customer asks. Nor does mail whose unsubscribe link is on"
          + " the domain of the platform that sent it, SPF and DKIM both passing for it (or on a"
          + " DKIM signer's domain the receiver verified, or another domain of the same company's"
          + " name), and that asks for no credentials."),
  UNLISTED_BULK(
      10,
      "本文に配信停止の案内がある一斉配信の体裁ですが、一斉配信のヘッダー (List-Unsubscribe、List-Id 等) がひとつもありません。正規の配信システムはこれらを付けます。弱い兆候で、他の兆候と重なると疑わしいと判定します。配信事業者 (ESP) の追跡ヘッダーがあり、差出人ドメイン自体が認証され、認証情報を求めないメールは数えません。"
          + "配信停止のリンクが、このメールを送って SPF と DKIM の両方で認証された配信サービスのドメインにあり、認証情報を求めないものも数えません。"
          + "そのような配信サービスのメールで、配信停止のリンクが受信側の検証した DKIM 署名のドメイン、または同じ社名の別のドメイン (sendgrid.info の署名と sendgrid.net のリンク) にあるものも数えません。"
          + "「To unsubscribe, please click here」のように、直前の文が配信停止を案内するリンクも配信停止のリンクとして読みます。",
      "The text offers to unsubscribe, as bulk mail does, but the message carries none of the"
          + " headers bulk senders' systems add (List-Unsubscribe, List-Id ...). Weak alone; it counts"
          + " with another sign. Mail relayed by a sending platform (an ESP's trace field in the"
          + " header) whose sender's own domain authenticated and that asks for no credentials"
          + " does not count, nor does mail whose unsubscribe link is on the domain of the"
          + " platform that sent it, SPF and DKIM both passing for it, and that asks for no"
          + " credentials; in such mail, neither does an unsubscribe link on the domain of a DKIM"
          + " signature the receiver verified, or on another domain of the same company's name"
          + " (signed by sendgrid.info, the link on sendgrid.net). A link the words just before it"
          + " name (\"To unsubscribe, please click here\") is read as the unsubscribe link."),
  SENDER_GENERATED(
      20,
      "差出人のドメインが、1 文字のラベルを何段も重ねた機械的に作られた名前 (例: a.b.c.d.example.shop) です。"
          + "または差出人が、姓名と通し番号を並べたアドレス (例: ramos_todd_50742@) を、英字と数字を混ぜた番号付きのサブドメイン (例: 9hiwa3.9amaron.shop) で使っています。"
          + "または差出人のサブドメインの先頭が、単語にならない作られた文字列 (例: kqmbrtz.mailer-one.example) で、リンク先も同じ文字列を別のドメインに付けたホスト (例: kqmbrtz.links-two.example) です (一斉送信の回ごとに作ったラベルを、まとめて取得した複数のドメインに使い回しています)。"
          + "送信元の評判による判定を避けるために使い捨てのドメインや差出人を量産する手口です。",
      "The sender's domain is machine-made, a stack of one-letter labels (e.g."
          + " a.b.c.d.example.shop), or the sender is two names and a serial number"
          + " (ramos_todd_50742@) on a numbered subdomain of letters and digits"
          + " (9hiwa3.9amaron.shop), or the sender's host opens with a made-up label no word"
          + " spells (kqmbrtz.mailer-one.example) that also opens the hosts of its links under"
          + " another domain (kqmbrtz.links-two.example): one run's label hung on several domains"
          + " bought together. Throw-away names minted by the thousand to stay ahead of"
          + " reputation filters."),
  RANDOM_SENDER_NAME(
      10,
      "差出人アドレスの @ より前が、人や配信システムが付けない無作為な文字列です (例: pprgcvu@、0pc5pmhs5zcn@)。使い捨ての送信元を大量に作る手口です。弱い兆候で、他の兆候と重なると疑わしいと判定します。",
      "The part of the sender's address before @ is a random string no person or mailing system"
          + " names a mailbox by (e.g. pprgcvu@, 0pc5pmhs5zcn@): senders minted by the thousand."
          + " Weak alone; it counts with another sign."),
  RANDOM_CASE_SENDER(
      20,
      "差出人アドレスの @ より前が、大文字と小文字を無作為に混ぜた文字列です (例: zLvuYFA@、newsletters.FjTs@)。人も配信システムもこうした名前は付けません。一通ごとに違う送信元に見せて迷惑メールフィルターを避けるための手口です。"
          + "またはエンベロープの差出人 (Return-Path、SPF で検査されたドメイン) のドメイン名が、そうした文字列です (例: HqZtWpXkRvNmLsDfGb.com)。ドメイン名に大文字・小文字の区別はなく、こう書くのは使い捨てのドメインを量産する道具だけです。",
      "The sender's mailbox name (before @) scatters capitals at random (e.g. zLvuYFA@,"
          + " newsletters.FjTs@). Neither people nor mailing systems name a mailbox so; it makes"
          + " every copy look like another sender, to slip past filters. Or the envelope sender's"
          + " domain (Return-Path, the domain SPF checked) is such a string"
          + " (HqZtWpXkRvNmLsDfGb.com): domain names are case-blind, and only a tool minting"
          + " throw-away domains writes one so."),
  REPLY_TO_OTHER_MAILBOX(
      20,
      "フリーメールの差出人が、返信先 (Reply-To) に同じフリーメールの別のアドレスを指定しています。送信用の使い捨てアドレスから送り、返事は別のアドレスで受け取る、前払い詐欺などの手口です。",
      "A free-mail sender asks for replies at another mailbox of the same free-mail provider"
          + " (Reply-To): sent from a throw-away address, answers read in another, as advance-fee"
          + " fraud does."),
  HIDDEN_RECIPIENTS(
      10,
      "フリーメールの個人アドレスから、宛先を隠して (undisclosed-recipients、または自分宛てで実際の宛先は Bcc) 送られています。個人のアドレスを使った一斉送信です。"
          + "または、配信停止の案内がありながら一斉配信のヘッダー (List-Unsubscribe、List-Id) のない一斉配信が、宛先を隠して送られています。正規のメールマガジンは購読者一人ひとりに宛てて送ります。"
          + "弱い兆候で、他の兆候と重なると疑わしいと判定します。",
      "A personal free-mail address writes to recipients it hides (undisclosed-recipients, or to"
          + " itself with the real recipients in Bcc): mass mail from a private mailbox. Or bulk mail"
          + " with an unsubscribe line but no list header (List-Unsubscribe, List-Id) hides its"
          + " recipients the same way; a real newsletter's system writes to each subscriber. Weak"
          + " alone; it counts with another sign."),
  FORGED_MESSAGE_ID(
      20,
      "メッセージ ID (Message-ID) が、差出人とは別のフリーメール事業者の名前で作られています (例: service@suntrust.com からのメールの <…@hotmail.com>)。"
          + "Message-ID は最初に送信したプログラムやサーバーが自分の名前で付けます。フリーメール事業者がその名前だけ (hotmail.com、aol.com など) で付けるのは自社のアドレスから送るメールだけで、利用者の独自ドメインから送るときは mail.gmail.com のような自社のサーバー名を付けます。"
          + "銀行や店舗の差出人を詐称する一斉送信ツールが、普通のメールに見せるために大手の名前を書き込んだものです。"
          + "メーリングリストや一斉配信のメール、フリーメール事業者自身がエンベロープの差出人 (Return-Path) であるもの、差出人のドメイン自体が認証されたものは数えません。"
          + "または Message-ID の山かっこ「< >」の中に空白があります (例: <98728.7eb1e47@example.com >)。Message-ID に空白は入りません。メールソフトやサーバーはこう書かず、一斉送信ツールのひな形が値を埋め込んだ跡です。",
      "The Message-ID was made in the name of a free-mail provider that is not the sender's"
          + " (<…@hotmail.com> on mail from service@suntrust.com). The program or server that first"
          + " sends a message names its Message-ID after itself, and a provider writes its bare"
          + " domain (hotmail.com, aol.com ...) only on mail its users send from its own addresses;"
          + " sending for a user's own domain, it writes a host of its own (mail.gmail.com). A bulk"
          + " mailer forging a bank's or a shop's address wrote a big provider's name there to look"
          + " like ordinary mail. List and bulk mail, mail whose envelope sender (Return-Path) is"
          + " that provider, and mail whose From domain itself authenticated are not counted. Or"
          + " white space stands inside the Message-ID's angle brackets (<98728.7eb1e47@example.com"
          + " >): a Message-ID has none, no mail program or server writes one there; it is where a"
          + " bulk mailer's template filled in a value."),
  VOUCHING_BANNER(
      20,
      "Outlook がメッセージの上に帯として表示するヘッダー (X-Message-Flag) に、差出人が本物である・確認済みであるといった文言 (「Authentic Sender」「Verified」) が書かれています。"
          + "この帯はメールソフトの表示のように見えますが、書いたのは差出人自身です。正規のメールではフォローアップの印 (「Follow up」) に使われるだけで、差出人の身元を保証することはありません。",
      "The header Outlook shows as a banner above the message (X-Message-Flag) says the sender is"
          + " authentic or verified (\"Authentic Sender\", \"Verified\"). The banner looks like the"
          + " mail program speaking, but the sender wrote it; real mail uses it for follow-up"
          + " flags (\"Follow up\"), never to vouch for who sent it."),
  FORGED_RECEIVED(
      20,
      "配送経路のヘッダー (Received) に、一斉送信プログラムが偽造した形の行があります: 「from 名前 (IP アドレス) by IP アドレス; 日時」だけで、受け取ったサーバーの名前も、プロトコル (with SMTP) も、キュー ID もありません。"
          + "メールサーバーは自分の名前とキュー ID を書きます。送信元を分かりにくくするために本物の行の下に書き加えたものです。家庭や社内の中継 (192.168.x から 192.168.y など、私設アドレスどうし) の行は数えません。",
      "A Received line is forged the way bulk-mailing programs write it: \"from NAME (IP) by IP;"
          + " date\" and nothing else, with no name of the receiving server, no protocol (\"with"
          + " SMTP\") and no queue id. A mail server names itself and writes its queue id; the"
          + " program wrote this line under the real ones to blur where the message started."
          + " Lines between two private addresses (a home or office relay) are not counted."),
  CALLBACK_LURE(
      20,
      "身に覚えのない注文・更新・請求を通知し、取り消しや返金のために電話をかけさせようとしています (例: 「ご不明な請求はこちらへお電話ください」、件名や差出人名に電話番号)。リンクがなくても、電話口で個人情報やカード番号を聞き出したり、遠隔操作ソフトを入れさせたりする詐欺 (コールバック詐欺) の手口です。メールに書かれた番号ではなく、公式サイトで確かめた窓口に問い合わせてください。",
      "The message claims an order, renewal or charge and gives a telephone number to call to"
          + " cancel or dispute it (\"call us if you did not make this purchase\", a number in the"
          + " subject or sender name). No link is needed: on the telephone the fraudster asks for"
          + " card details or has a remote-control program installed (callback phishing). Call the"
          + " number on the company's official site, not the one in the mail."),
  USER_NAME_LURE(
      20,
      "サービスの利用者が自分で付けた名前 (アカウント登録通知のユーザー名、宛名、Web フォームの自動返信が繰り返すお名前欄、「〇〇 (via サービス名)」の差出人名、メールマガジンや店舗が宛先 (To) に書く受信者の名前) に、URL・金額・暗号資産・電話番号が書かれています。人の名前にこうしたものは入りません。正規のサイトやサービスに偽の名前で登録し、その通知メールに誘導文を載せて送らせる手口です。メール自体が正規のサービスから届いていても、名前の部分の URL や番号にはアクセスしないでください。",
      "A name a service's user chose for themselves (the user name of an account notice, the"
          + " greeting, the name field a web form's automatic reply repeats, the sender name of \"… (via a service)\", the recipient's name a newsletter"
          + " or shop writes into To) holds a web address, an amount of"
          + " money, a crypto-currency or a telephone number. People's names hold none of these: the"
          + " fraudster signed up to a real site or service under a name that is the lure, and the"
          + " service mailed it out. The mail itself may come from the real service; do not visit"
          + " the address or call the number in the name."),
  REWARD_LURE(
      10,
      "件名で、ギフトカード・賞品・報酬・無料の品・謝礼付きアンケートなどを受け取れると持ちかけています (例: 「ギフトカードが当たりました」「報酬を受け取る」「Win a $500 gift card」)。一斉配信に必要なヘッダー (List-Unsubscribe、List-Id) はなく、本文にリンクがあります。リンクが差出人と無関係なドメインばかりのときは、そのドメインを示します。当選や報酬を口実に、個人情報やカード番号、送料・手数料を入力させる詐欺の手口です。弱い兆候で、他の兆候と重なると疑わしいと判定します。",
      "The subject offers the reader a gift card, a prize, a reward, something free or a paid survey"
          + " (\"you received a reward\", \"claim your prize\", \"win a $500 gift card\"), the message"
          + " carries none of the headers bulk senders' systems add (List-Unsubscribe, List-Id), and"
          + " it links somewhere; when none of its links is on the sender's domain, the evidence"
          + " names where they lead. The prize is the pretext for personal details, a card number or"
          + " a \"shipping fee\". Weak alone; it counts with another sign."),
  RELAYED_LURE(
      20,
      "本物のサービス (GitHub の Issue、ヘルプデスクのチケット、チャットの記録、共有フォーム、企業の Web フォーム (お問い合わせフォームなど) の自動返信など) の通知ですが、その中身はサービスの利用者が書いたもので、暗号資産や金銭の受け取り (「FREE BTC」「claim your tokens」「Connect Wallet」) を持ちかけるか、サービスのセキュリティ担当を名乗り (「脆弱性を検出しました」)、サービスの外のサイトへ誘導しています。"
          + "Web フォームの自動返信が繰り返す名前欄 (お名前・会社名、宛名の「〇〇様」) に、差出人のサイトでも入力されたアドレスのサイトでもないリンクがある場合も同じです。名前にリンクは入りません。"
          + "自動返信が繰り返す入力内容 (お問い合わせ内容などどの欄でも) に短縮 URL (bit.do、inx.lv など、行き先を隠すリンク)、アプリ用の短縮リンク (page.link、clck.ru)、誰でもページを置けるホスティング (telegra.ph など) や IP アドレスへのリンクがある場合も同じです。お客様が書くのは自社のページで、行き先を隠したリンクではありません。"
          + "通知の送信元が本物でも、書いたのは第三者です。リンクを開かないでください。",
      "A notification from a real platform (a GitHub issue, a help-desk ticket, a chat transcript, a"
          + " shared form, a business's web form repeating what was typed into it in its automatic"
          + " reply) whose content a platform user wrote: it offers crypto-currency or money"
          + " (\"free BTC\", \"claim your tokens\", \"connect wallet\") or speaks as the platform's"
          + " security team (\"security vulnerability detected\"), and links away from the"
          + " platform; or a web form's automatic reply repeats a name field (お名前, a company's"
          + " name, the addressee \"… 様\") holding a link to neither the sender's site nor the"
          + " site of an address typed into the form: no name holds a link; or the fields the"
          + " reply repeats (the message's included) hold a link through a URL shortener (bit.do,"
          + " inx.lv …), an app-link service (page.link, clck.ru), hosting anyone can put a page"
          + " on (telegra.ph …) or an IP address, which hide whose site it is: a customer gives"
          + " her company's page. The"
          + " sender is real;"
          + " the writer is a stranger. Do not follow the link."),
  EXTORTION(
      25,
      "書き手が読み手の端末を乗っ取った、カメラで撮影した、私的な動画を持っていると主張し、支払わなければ連絡先に送ると脅しています (いわゆるセクストーション)。ビットコインのアドレスが書かれていれば示します。ほとんどは作り話の一斉送信です。支払わず、返信もしないでください。",
      "The writer claims to have taken over the reader's device, filmed them or to hold intimate"
          + " recordings, and threatens to send them to the reader's contacts unless paid"
          + " (sextortion); a bitcoin address, if given, is shown. Almost always an invention sent"
          + " by the million: do not pay, do not reply."),
  SHARED_FILE_ONLY(
      20,
      "フリーメールから、共有ファイルへのリンク (Google ドライブのプレビュー、OneDrive、Dropbox など) だけがほとんど説明もなく送られています (リンク以外の語が 6 語以下、添付なし)。誘導の中身はメールではなく共有ファイルの側にあり、メールの検査では見えません。知らない相手からのものは開かないでください。",
      "A free-mail message that is nothing but a link to a shared file (a Google Drive preview,"
          + " OneDrive, Dropbox ...) with next to no words (six or fewer beside the link, no"
          + " attachment): the lure is in the file, where checking the mail cannot see it. Do not"
          + " open one from a stranger."),
  MEMBER_IMPERSONATION(
      30,
      "差出人名、件名の先頭の【】、または本文末尾の署名が、このハブの会員組織 (重要インフラ事業者、セプター、所管省庁など) を名乗っていますが、差出人のドメインはその組織のものとして登録されたドメインではありません。"
          + "会員組織を装って取引先や利用者をだます典型的な手口です。組織名は「株式会社」「(株)」の有無、全角・半角、空白の違いを区別せずに照合します。"
          + "その組織自身のドメインや他の会員組織のドメインからのメール、本文で組織に触れるだけのもの (報道、会員を列挙する通知、「〇〇御中」「〇〇様」) は数えません。",
      "The sender's name, a bracketed tag at the start of the subject (【...】) or the signature at"
          + " the end of the text claims one of this hub's member organisations (an infrastructure"
          + " operator, a CEPTOAR, a ministry ...), but the sender's domain is none of the domains"
          + " registered for it: posing as a member to deceive its partners and customers. Names"
          + " are compared without legal forms (株式会社, Co., Ltd.), full- or half-width forms and"
          + " spaces. Mail from the organisation's own domains or another member's, and text that"
          + " only mentions it (news, a notice listing members, a letter addressed to it), does not"
          + " count."),
  PHISHING_WORDING(
      20,
      "文面が既知のフィッシングメールに似ています (統計モデル)。似ている語を示します。",
      "The wording resembles known phishing (statistical model); the words that resemble it are"
          + " shown."),
  PUBLIC_BODY_NAME(
      25,
      "差出人名が公的機関を名乗っています (国税庁、税務署、裁判所、警察、各省庁、市役所、日本年金機構、IRS、Social Security、Federal Court、Ministry of … など) が、差出人のドメインは政府のもの (.go.jp、.lg.jp、.gov、.gov.br、.gouv.fr など) ではありません。"
          + "公的機関は自らのドメインから送ります。これまで届いたことのない公的機関からのお知らせ (税金の還付、裁判の書類、年金の通知、交通違反) は標的型メールの典型です (IPA)。"
          + "(差出人のドメインが認証され、本文のリンクが政府のサイトを指すもの — 自治体や省庁が使う配信サービスからのお知らせ — は数えません。メーリングリストが配信したメールも数えません。ただしリストが中継しただけの投稿 — スレッドを始める短い投稿で、書いた人のアドレスがリストのドメインでないもの — は数えます。)",
      "The sender's name speaks for a public body (a tax office, a court, the police, a ministry,"
          + " a city office, social security: 国税庁, 税務署, 裁判所, IRS, Social Security, Federal"
          + " Court, Ministry of ...), but the sender's domain is not a government's (.go.jp, .lg.jp,"
          + " .gov, .gov.br, .gouv.fr ...). Public bodies write from their own domains; a notice"
          + " from a public body never heard from before (a tax refund, court papers, a pension"
          + " statement, a traffic fine) is a classic of targeted mail (IPA). (A sender whose own"
          + " domain is authenticated and whose links lead to a government's site — the mailing"
          + " service a city or ministry sends its bulletins through — is not counted, nor is"
          + " mail a mailing list delivered, unless it is a post the list only relayed: a short"
          + " post that starts no thread, by an author on none of the list's domains.)"),
  BRAND_SENDER_HOST(
      20,
      "差出人アドレスは企業・金融機関・公的機関のものですが、このメールを送ってきたのは、そうした組織が使わない機械 (逆引きの名前のないホスト、家庭や動的な回線、個人のパソコンのメールソフト) です。"
          + "詳しくは、差出人アドレスが企業・金融機関のドメイン (例: service@paypal.com)、政府のドメイン (.gov、.go.jp など)、または差出人名が銀行・信用組合や企業 (例: 「Accounts PayPal」) を名乗るもので、受信側のサーバーに接続してこのメールを渡した機械は、逆引きの名前がないか、家庭や動的な回線の名前 (IP アドレスを含む名前 (16 進数や 0 で埋めた 12 桁を含みます)、adsl、cable、dhcp、pool など) です。または、そのメールを書いたのが個人のパソコンのメールソフト (X-Mailer: Outlook Express、The Bat! など) です。"
          + "企業は自社の名前の付いたサーバーや配信サービスから送ります。企業のアドレスを差出人欄に書いただけの偽装メールは、乗っ取られた家庭のパソコンや名前のないサーバーから送られます。"
          + "(受信サーバーが差出人のドメインを認証したもの (DMARC、またはそのドメインの DKIM・SPF)、フリーメールのアドレス、メーリングリストが配信したもの、配送不能の通知は数えません。)",
      "A company's, bank's or public body's own address is in From, but the message came from"
          + " a machine such senders do not mail from, a host without a reverse DNS name, a home or"
          + " dynamic internet line, or a mail program of a person's own computer. In detail: the"
          + " address is on the domain of a brand (service@paypal.com) or a government (.gov,"
          + " .go.jp ...), or the sender's name calls itself a bank, a credit union or a brand"
          + " (\"Accounts PayPal\"), and the"
          + " machine that connected to the receiver's servers and handed the message over has no"
          + " reverse DNS name, or one of a home or dynamic line (an address written into the name,"
          + " in hexadecimal or twelve zero-padded digits too, adsl, cable, dhcp, pool ...), or the"
          + " message was written in Outlook Express, The Bat! or the like (X-Mailer). Companies"
          + " and public bodies send from their own named servers or their mailing service's; a"
          + " forgery that only writes the company's address into From is sent from a compromised"
          + " home computer or a server nobody named. (Not counted: a sender domain the receiver"
          + " authenticated (DMARC, or DKIM or SPF for it), a free-mail address, mail a list"
          + " delivered, a bounce.)"),
  ATTACHMENT_LURE(
      25,
      "本文は、あなたのメールアカウントが迷惑メールの送信に使われた、停止された、または停止されると告げ、どうすればよいかは添付ファイルを開いて読むように指示しています。"
          + "2005 年以降のメールワーム (Mytob、Sober など) が、受信者自身のプロバイダーを装って送った手紙の形です (「アカウントの停止を避けるため、添付ファイルの指示に従ってください」)。添付ファイルがワーム本体です。"
          + "プロバイダーの本物の通知は、何をしたかを述べて自社のヘルプページへ案内し、アカウントを守るために添付ファイルを開かせることはありません。"
          + "(メーリングリストが配信したもの、配送不能の通知、注意喚起は数えません。)",
      "The text says the reader's mail account was used to send spam, was suspended or is"
          + " about to be terminated, and sends the reader to an attached file for what to do."
          + " This is the letter mail worms (Mytob, Sober and their successors, from 2005) sent"
          + " in the name of the reader's own provider (\"to safeguard your email account from"
          + " possible termination, please follow the instructions in the attached file\"); the"
          + " attachment is the worm. A provider's real notice of an abused account says what it"
          + " did and links its own help pages; it never asks to open a file to keep the account."
          + " (Not counted: mail a list delivered, a bounce, an advisory.)");

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

  /**
   * The longest {@link #summary} (characters); the whole rule is {@link #ja()} / {@link #en()}. A
   * first sentence is kept whole up to this length: ux29's review read summaries cut at 160
   * characters in the middle of a clause ("but the sender's domain is not one of…").
   */
  public static final int SUMMARY = 300;

  /**
   * What the sign is, in one sentence, for the page's line (the whole rule, with its variants and
   * exceptions, is {@link #ja()} / {@link #en()}, shown on request; what matched in this message is
   * the finding's evidence): the rule's first sentence without its parenthesised asides, whole up
   * to {@link #SUMMARY} characters; a longer one is cut after the last whole item of its list (a
   * comma, semicolon or 、) before that length, never inside a clause.
   */
  public String summary(boolean english) {
    return english ? firstSentence(en, true) : firstSentence(ja, false);
  }

  /** Whether the whole rule says more than {@link #summary}. */
  public boolean hasMore(boolean english) {
    String s = summary(english);
    return !s.equals((english ? en : ja).strip());
  }

  /** "data:" and "javascript:" name URLs, they end no sentence. */
  private static final java.util.regex.Pattern SCHEME_BEFORE =
      java.util.regex.Pattern.compile("\\b(?:data|javascript|https?|mailto):$");

  static String firstSentence(String text, boolean english) {
    StringBuilder out = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(' || c == '（') {
        if (depth++ == 0 && !out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
          out.setLength(out.length() - 1); // "制御文字 (RLO 等) があり": no space left behind
        }
        continue;
      }
      if (c == ')' || c == '）') {
        depth = Math.max(0, depth - 1);
        if (depth == 0
            && i + 1 < text.length()
            && text.charAt(i + 1) == ' '
            && !out.isEmpty()
            && out.charAt(out.length() - 1) > 0x2FFF) {
          i++; // between Japanese words the aside's spaces go with it
        }
        continue;
      }
      if (depth > 0) {
        continue;
      }
      out.append(c);
      boolean end =
          english
              ? (c == '.' || c == ':' || c == ';')
                  && (i + 1 == text.length() || text.charAt(i + 1) == ' ')
                  && !(c == ':' && SCHEME_BEFORE.matcher(out).find())
              : c == '。';
      if (end) {
        break;
      }
    }
    String s = out.toString().replaceAll("\\s+([,.:;、。])", "$1").replaceAll("\\s{2,}", " ").strip();
    if (s.endsWith(":") || s.endsWith(";")) {
      s = s.substring(0, s.length() - 1) + ".";
    }
    if (s.length() > SUMMARY) {
      int cut =
          english
              ? Math.max(s.lastIndexOf(", ", SUMMARY), s.lastIndexOf("; ", SUMMARY))
              : s.lastIndexOf('、', SUMMARY);
      if (cut <= 0) {
        cut = english ? s.lastIndexOf(' ', SUMMARY) : SUMMARY;
      }
      s = jp.renkei.engine.text.Names.prefix(s, cut > 0 ? cut : SUMMARY) + "…";
    }
    return s;
  }
}
