package jp.renkei.engine.mail;

/**
 * The wording of lures in the other languages that reach Japanese operators and their offices
 * abroad (issue 19, lang40): Spanish, Portuguese, German, French, Italian, Dutch, Chinese
 * (simplified and traditional) and Korean. Each constant is a piece of regex, alternatives joined
 * by "|", that the English and Japanese table of the same subject appends to its own ({@link
 * MailCredentialWords#CREDENTIALS}, {@link MailUrgencyWords#URGENCY}, {@link
 * MailFraudWords#LURES}), so a phrase found here is the same sign, with the same reliefs, and is
 * quoted as its evidence.
 *
 * <p>Whole phrases only, each what a lure needs to say (the account locked, the identity to
 * confirm, the password expiring, the mailbox full, the fine unpaid): a word alone ("Passwort",
 * "factura", "密码") is in honest newsletters and receipts too. Every alternative starts with literal
 * text, as the phrase automaton needs ({@link MailPhrases}); the text is lower-cased.
 */
final class MailForeignWords {

  private MailForeignWords() {}

  /** The reader's own account: "su", "tu", "sua", "seu", "ihr", "votre", "uw", "je", "il tuo" … */
  private static final String ES_YOUR = "(?:su|sus|tu|tus) ";

  /** Requests for credentials and account verification, per language. */
  static final String CREDENTIALS =
      // es: the account suspended or locked, the identity to confirm, the password expiring, the
      // mailbox full
      "su cuenta (?:ha sido |será |sera |está |esta |fue |se encuentra )?(?:temporalmente )?"
          + "(?:suspendida|bloqueada|desactivada|restringida|limitada|inhabilitada)"
          + "|tu cuenta (?:ha sido |será |sera |está |esta |fue )?(?:temporalmente )?"
          + "(?:suspendida|bloqueada|desactivada|restringida|limitada|inhabilitada)"
          + "|(?:verifique|verifica|confirme|confirma|actualice|actualiza|valide|valida|restablezca)"
          + " "
          + ES_YOUR
          + "(?:identidad|datos|información|informacion|cuenta|credenciales|contraseña)"
          + "|(?:su|tu) contraseña (?:caduca|caducará|expira|expirará|ha caducado|ha expirado|vence)"
          + "|(?:su|tu) (?:buzón|buzon|bandeja de entrada) (?:de correo )?(?:está|esta|se encuentra)"
          + " (?:llen[oa]|casi llen[oa])|límite de almacenamiento|cuota de (?:su )?(?:buzón|correo)"
          + "|(?:mantener|conservar) (?:la misma|su|tu) contraseña"
          + "|(?:actualice|actualiza|verifique|verifica|confirme|confirma) los datos de (?:su|tu) (?:tarjeta|cuenta)"
          // pt: the same, as the Brazilian lures write it (the table of MailCredentialWords has
          // "confirme seus dados" and "conta bloqueada")
          + "|(?:sua|seu) (?:conta|acesso|cadastro|senha|e-mail|email|caixa de entrada)"
          + " (?:foi |será |sera |está |esta |ser[áa] )?(?:temporariamente )?"
          + "(?:bloquead[oa]|suspens[oa]|desativad[oa]|expirad[oa]|restrit[oa]|cancelad[oa])"
          + "|(?:sua|a) senha (?:expira|irá expirar|ira expirar|vai expirar|expirou|expirará)"
          + "|(?:caixa de entrada|caixa postal) (?:está |esta |estar )?(?:bem |muito )?(?:cheia|quase cheia"
          + "|atingiu|pr[óo]xima (?:ao|do) limite|perto do limite)"
          + "|limite de armazenamento"
          + "|(?:confirme|atualize|verifique|valide) (?:sua|seu|seus|suas) (?:identidade|senha"
          + "|informações|informacoes|credenciais|dados cadastrais)"
          + "|(?:detectamos|identificamos) (?:um |uma )?(?:novo acesso|acesso suspeito|acesso não"
          + " autorizado|tentativa de acesso)|manter (?:a mesma|sua) senha"
          // de: "Ihr Konto wurde gesperrt", "bestätigen Sie Ihre Identität", the password, the
          // mailbox, the card's security procedure to "register" (3-D Secure, pushTAN)
          + "|ihr (?:konto|zugang|postfach|account|benutzerkonto) (?:wurde|wird|ist) (?:vorübergehend"
          + " |vorläufig |vorsorglich )?(?:gesperrt|eingeschränkt|deaktiviert|blockiert|eingefroren)"
          + "|(?:bestätigen|verifizieren|aktualisieren|überprüfen|legitimieren) sie (?:bitte )?(?:jetzt )?"
          + "(?:ihr|ihre|ihren) (?:konto|identität|daten|angaben|zugangsdaten|zahlungsdaten"
          + "|zahlungsinformationen|zahlungsmethode|zahlungsart|bankverbindung|kreditkarte|e-mail-konto"
          + "|postfach)"
          + "|ihr passwort (?:läuft|ist abgelaufen|wird ablaufen|wird in)|passwort läuft (?:heute |bald )?ab"
          + "|ihr postfach (?:ist (?:fast |bald )?voll|hat (?:das|sein|die) (?:speicher|limit|grenze))"
          + "|speicherplatz (?:ist (?:fast )?voll|überschritten)"
          + "|(?:stellen|richten) sie ihre? (?:konto|konten|zugang) wieder her"
          + "|(?:registrieren|aktivieren|freischalten) [^.!?]{0,60}?(?:sicherheitsverfahren|3d[- ]secure"
          + "|identity check)|behalten sie (?:ihr|das) (?:aktuelles? |gleiche )?passwort"
          // fr: the account, the password, the mailbox, the details to confirm
          + "|votre compte (?:a été |sera |est |va être )?(?:temporairement )?"
          + "(?:suspendu|bloqué|désactivé|restreint|limité)"
          + "|(?:vérifiez|confirmez|validez|actualisez|mettez à jour) (?:votre|vos) (?:identité|compte"
          + "|mot de passe|moyen de paiement|informations personnelles|coordonnées bancaires)"
          + "|votre mot de passe (?:expire|expirera|a expiré|arrive à expiration)"
          + "|(?:votre )?boîte (?:aux lettres|mail|de réception) (?:est (?:presque )?pleine|a atteint)"
          + "|espace de stockage (?:est (?:presque )?plein|est saturé)|quota de (?:stockage|messagerie)"
          + "|(?:conserver|garder) (?:le même|votre) mot de passe"
          + "|(?:saisie de|saisissez|renseignez|communiquez(?:-nous)?) vos (?:informations personnelles"
          + "|coordonnées bancaires|données bancaires|identifiants)"
          // it
          + "|(?:il tuo|il suo) account (?:è stato |sarà |verrà |e' stato )?(?:temporaneamente )?"
          + "(?:sospeso|bloccato|disattivato|limitato)"
          + "|(?:verifica|conferma|aggiorna|verifichi|confermi|aggiorni) (?:i tuoi|i suoi|la tua|la"
          + " sua|il tuo|il suo) (?:dati|identità|account|password|credenziali)"
          + "|la (?:tua|sua) password (?:scade|scadrà|è scaduta)"
          + "|(?:la tua|la sua) casella (?:di posta )?(?:è piena|è quasi piena|ha raggiunto)"
          + "|mantenere la stessa password"
          // nl
          + "|(?:uw|je) (?:account|rekening|bankpas|betaalpas|mailbox) (?:is |wordt |werd )?(?:tijdelijk )?"
          + "(?:geblokkeerd|opgeschort|gedeactiveerd|beperkt)"
          + "|(?:bevestig|verifieer|controleer|update) (?:uw|je) (?:identiteit|betaalgegevens|inloggegevens)"
          + "|(?:uw|je) wachtwoord (?:verloopt|is verlopen)|(?:uw|je) (?:mailbox|postvak) (?:is|zit) (?:bijna )?vol"
          + "|hetzelfde wachtwoord behouden"
          // zh (simplified, traditional — the traditional forms as MailText.fold leaves them: 號 as
          // 号, 證 as 証, 戶 as 戸, 關 as 関, 稅 as 税): the mailbox password expiring, "keep the same
          // password",
          // the mailbox full, upgraded or to be verified, the account to be disabled, a form
          // asking the name and the password back
          + "|密码(?:将|即将|今天|今日|已经|已)?(?:到期|过期|失效)|密碼(?:將|即將|今天|今日|已經|已)?(?:到期|過期|失效)"
          + "|密码到期通知|密碼到期通知|密码过期通知"
          + "|(?:保持|保留)(?:当前|相同|现有|原有|原|您的当前|您当前的)的?密码|(?:保持|保留)(?:當前|相同|現有|原有|原)的?密碼"
          + "|邮箱(?:已满|已滿|容量已满|空间不足|存储空间不足|即将满|容量不足)|郵箱(?:已滿|容量已滿|空間不足)"
          + "|信箱(?:已滿|容量已滿|空間不足)"
          + "|(?:升级|验证|激活|更新|确认)(?:您的)?(?:邮箱|账号|账户|帐户|帐号)"
          + "|(?:升級|驗証|啟用|更新|確認)(?:您的)?(?:郵箱|信箱|帳号|帳戸|賬戸)"
          + "|(?:邮箱|邮件系统|郵件系統)(?:安全)?(?:升级|升級|验证|驗証)|升级(?:企业|公司)邮箱"
          // a mailbox to "migrate" to a new system, messages held until the reader acts
          + "|(?:邮箱|邮件系统|邮件数据|郵箱|郵件系統)(?:系统)?迁移|迁移(?:至|到)新(?:邮件)?系统"
          + "|(?:待处理|被阻止|被拦截|被隔离)的?(?:消息|邮件)|(?:消息|邮件)(?:已被|被)(?:阻止|拦截|隔离)"
          + "|(?:待處理|被阻止|被攔截|被隔離)的?(?:消息|郵件)|阻止郵件"
          + "|(?:账号|账户|帐户|帐号|邮箱)(?:将被|已被|将会被|被)(?:停用|冻结|禁用|注销|锁定|关闭|删除|暂停)"
          + "|(?:帳号|帳戸|賬戸|郵箱|信箱)(?:將被|已被|被)(?:停用|凍結|禁用|註銷|鎖定|関閉|刪除|暫停)"
          + "|验证(?:您的)?(?:身份|账户|帐户|邮箱)|驗証(?:您的)?(?:身份|帳戸|帳号|郵箱)"
          + "|姓名[:：] ?密码[:：]|姓名[:：] ?密碼[:：]"
          // ko
          + "|비밀번호(?:가|를)? ?(?:만료|곧 만료)|계정(?:이|을)? ?(?:일시 )?(?:정지|잠금|차단|제한)(?:되었|됩니다|될)"
          + "|본인 ?확인(?:을|이)? ?(?:위해|필요)|메일함(?:이)? ?(?:가득|용량 초과)";

  /**
   * The {@link #CREDENTIALS} phrases that report rather than ask (a sign-in never seen before):
   * said every day by a service's own security notices, not counted there ({@link
   * MailCredentialWords#SECURITY_NOTICES}).
   */
  static final String SECURITY_NOTICES =
      "(?:detectamos|identificamos) (?:um |uma )?(?:novo acesso|acesso suspeito|acesso não"
          + " autorizado|tentativa de acesso)";

  /**
   * The {@link #CREDENTIALS} phrases of an organisation's own IT notices (the mailbox almost full,
   * the password to change), not counted from the reader's own organisation ({@link
   * MailCredentialWords#INTERNAL_NOTICES}).
   */
  static final String INTERNAL_NOTICES =
      "(?:su|tu) contraseña (?:caduca|caducará|expira|expirará|ha caducado|ha expirado|vence)"
          + "|(?:sua|a) senha (?:expira|irá expirar|ira expirar|vai expirar|expirou|expirará)"
          + "|ihr passwort (?:läuft|ist abgelaufen|wird ablaufen|wird in)|passwort läuft (?:heute |bald )?ab"
          + "|ihr postfach (?:ist (?:fast |bald )?voll|hat (?:das|sein|die) (?:speicher|limit|grenze))"
          + "|votre mot de passe (?:expire|expirera|a expiré|arrive à expiration)"
          + "|la (?:tua|sua) password (?:scade|scadrà|è scaduta)"
          + "|(?:uw|je) wachtwoord (?:verloopt|is verlopen)"
          + "|密码(?:将|即将|今天|今日|已经|已)?(?:到期|过期|失效)|密碼(?:將|即將|今天|今日|已經|已)?(?:到期|過期|失效)";

  /**
   * The words of a link that asks to sign in, verify or confirm, per language ({@link
   * MailCredentialWords#LOGIN_WORDS}): what the button of a lure says ("Jetzt anmelden", "Konto
   * bestätigen", "Iniciar sesión", "Se connecter", "Accedi", "Inloggen", "登录", "로그인"). Read in a
   * link's address and words only, where a sign-in is what the link offers; the English words of
   * the table ("confirm", "secure", "account") already take "confirmar", "confirmer" and their kin.
   */
  static final String LOGIN_WORDS =
      // de
      "anmelden|einloggen|bestätigen|verifizieren|entsperren|freischalten"
          // es, pt
          + "|iniciar sesi|inicia sesi|verificar|desbloquear|acceder a (?:su|tu)|acessar (?:sua|seu) conta"
          // fr
          + "|se connecter|connectez-vous|vérifier|identifiez-vous|débloquer"
          // it
          + "|accedi|verifica|sblocca"
          // nl
          + "|inloggen|aanmelden|verifiëren|bevestigen|ontgrendelen"
          // zh, ko
          + "|登录|登入|验证|驗證|로그인|인증";

  /** Urgency, threats and deadlines, per language. */
  static final String URGENCY =
      // es
      "en (?:las próximas |las proximas |un plazo de |un máximo de )?(?:24|48|72) horas"
          + "|aviso final|(?:acciones|medidas) legales|bloqueo judicial"
          + "|procedimiento (?:judicial|sancionador|de embargo)|embargo de (?:su|sus|tu|tus)"
          + "|(?:será|sera) (?:suspendida|bloqueada|eliminada|cancelada|desactivada|suspendido|bloqueado"
          + "|eliminado|cancelado|desactivado) (?:de forma )?(?:permanente|definitiva|definitivamente)"
          + "|advertencia inmediata|evit(?:ar|e) (?:la |el )?(?:suspensión|suspension|bloqueo|cancelación"
          + "|cancelacion|desactivación|desactivacion) de (?:su|tu|sus|tus) "
          // pt
          + "|(?:em até|nas próximas|em ate|nas proximas) (?:24|48|72) horas"
          + "|(?:conta|acesso|serviço|servico|cartão|cartao|e-mail|email|cadastro) (?:será|sera)"
          + " (?:bloquead[oa]|suspens[oa]|encerrad[oa]|desativad[oa])"
          + "|(?:medidas|ação|acao|aç[ãa]o) judicia(?:l|is)"
          + "|evit(?:ar|e) (?:a |o )?(?:suspensão|suspensao|bloqueio|cancelamento|desativação|desativacao)"
          + " d[aoe]s? |não (?:sejam|seja) (?:suspens|bloquead|cancelad|desativad)"
          // de
          + "|innerhalb (?:von |der nächsten )?(?:24|48|72) stunden"
          + "|(?:konto|zugang|postfach|account|karte) wird (?:dauerhaft |endgültig |unwiderruflich )?"
          + "(?:gesperrt|gelöscht|deaktiviert)|rechtliche schritte|gerichtliches mahnverfahren"
          + "|pfändung (?:ihres|ihrer)|(?:eine |die )?sperrung (?:ihres|ihrer) [^.!?]{0,40}?zu vermeiden"
          // fr
          + "|(?:dans les|sous) (?:24|48|72) ?(?:heures|h)\\b|mise en demeure|poursuites judiciaires"
          + "|éviter (?:la |le )?(?:suspension|blocage|résiliation|désactivation) de (?:votre|vos) "
          + "|(?:compte|accès|service|abonnement|carte) sera (?:définitivement )?(?:suspendu|supprimé"
          + "|bloqué|désactivé|résilié)"
          // it
          + "|entro (?:le prossime )?(?:24|48|72) ore|ultimo avviso"
          + "|evitare (?:la |il )?(?:sospensione|blocco|disattivazione) (?:del|della|dei) "
          + "|(?:account|servizio|carta|accesso|casella) (?:sarà|verrà) (?:sospes[oa]|bloccat[oa]|disattivat[oa]"
          + "|eliminat[oa]|cancellat[oa])"
          // nl
          + "|binnen (?:de )?(?:24|48|72) uur|(?:account|rekening|mailbox|pas|e-mailadres) wordt"
          + " (?:definitief |permanent )?(?:geblokkeerd|verwijderd|opgeschort)"
          + "|(?:blokkering|opschorting|afsluiting) (?:van uw |van je )?[^.!?]{0,30}?te voorkomen"
          + "|(?:overgedragen aan|doorgestuurd naar|overgedragen naar) (?:een |de |het )?(?:incassobureau|deurwaarder)"
          // zh
          + "|(?:24|48|72) ?小时内|(?:24|48|72) ?小時內|紧急通知|緊急通知|逾期未|过期未|過期未"
          + "|以免影响(?:您的|你的)?(?:正常)?使用|以免影響(?:您的|你的)?(?:正常)?使用"
          + "|(?:将|將)(?:被)?(?:永久)?(?:删除|刪除|停用|注销|註銷)"
          // ko
          + "|(?:24|48|72) ?시간 ?(?:이내|내에)|즉시 (?:확인|조치)";

  /** Payment, fine, tax-refund and parcel lures, per language. */
  static final String LURES =
      // es: a traffic fine (DGT), a tax notice (SAT, Agencia Tributaria), an invoice unpaid, a
      // parcel held
      "multa (?:de tráfico |de trafico |de tránsito |de transito )?(?:pendiente|no pagada|impagada|registrada)"
          + "|multa de (?:tráfico|trafico|tránsito|transito)|sanción pendiente|sancion pendiente"
          + "|devolución de impuestos|devolucion de impuestos|reembolso de impuestos"
          + "|declaración de impuestos|declaracion de impuestos|liquidación de impuesto"
          + "|liquidacion de impuesto|comprobante fiscal|factura (?:pendiente|impagada|vencida|electrónica"
          + "|electronica)|deuda pendiente|pago pendiente|(?:su|tu) paquete (?:está |esta )?(?:retenido"
          + "|pendiente)|(?:gastos|tasas|derechos) de aduana|pendiente financiera"
          // pt
          + "|multa (?:de trânsito|de transito|pendente|vencida)|débito pendente|debito pendente"
          + "|fatura (?:em atraso|vencida|pendente)|malha fina"
          + "|(?:sua )?encomenda (?:está |esta |foi )?(?:retida|taxada|aguardando)"
          + "|taxa de (?:importação|importacao|alfândega|alfandega)"
          // de
          + "|(?:offene|ausstehende|unbezahlte) (?:rechnung|zahlung|forderung|betrag)"
          + "|zahlung (?:konnte nicht|ist fehlgeschlagen|fehlgeschlagen)|ihre zahlung nicht"
          + "|steuererstattung|steuerrückerstattung"
          + "|ihr paket (?:konnte nicht|wird zurückgehalten|liegt)|zollgebühr"
          // fr
          + "|facture (?:impayée|en attente|en retard)|amende (?:impayée|forfaitaire|majorée)"
          + "|remboursement d['’]imp[ôo]t|(?:votre )?colis (?:est en attente|n['’]a pas pu|a été retenu|est bloqué)"
          + "|frais de (?:douane|réexpédition)|paiement (?:refusé|a échoué|en attente)"
          + "|livraison n['’]a pas pu"
          // it
          + "|multa (?:non pagata|da pagare)|fattura (?:non pagata|scaduta|in sospeso)"
          + "|pacco (?:in giacenza|bloccato|non consegnato)|rimborso (?:fiscale|irpef)"
          // nl
          + "|openstaande (?:factuur|betaling|rekening|boete)|belastingteruggave"
          + "|(?:uw|je) pakket (?:kon niet|wordt vastgehouden|ligt)|invoerrechten"
          // zh
          + "|代开发票|代開發票|退税|退税|包裹(?:无法|未能|無法)|快递(?:异常|滞留)|海关(?:关税|扣留)|海関(?:関税|扣留)"
          // ko
          + "|미납 ?(?:요금|세금|과태료)|세금 ?환급|택배 ?(?:반송|보관|주소 ?오류)|관세 ?(?:납부|미납)";
}
