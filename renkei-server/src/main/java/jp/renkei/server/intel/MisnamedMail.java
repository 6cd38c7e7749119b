package jp.renkei.server.intel;

import java.util.List;
import jp.renkei.server.directory.Organisation;

/**
 * The e-mails to an organisation's admins about the identities it stored under another
 * organisation's name, in Japanese, then English: a platform admin's ask ({@link
 * MisnamedIdentities#ask}: which ones, why it matters, what to do), and the notices that one was
 * withheld or released ({@link MisnamedIdentities#withhold}, {@link MisnamedIdentities#release}).
 * Only the organisation's own identities are named (id, name, rule), never an object of another.
 */
final class MisnamedMail {

  private MisnamedMail() {}

  static String subject() {
    return "[Renkei] 他組織の名前を名乗る識別情報の訂正のお願い / Please correct identities named as another"
        + " organisation";
  }

  static String body(Organisation o, List<StoredIdentityNames.Named> mine) {
    StringBuilder ja = new StringBuilder();
    StringBuilder en = new StringBuilder();
    for (StoredIdentityNames.Named n : mine) {
      String name = oneLine(n.name());
      boolean unit = n.misnamed().why().equals("unit");
      ja.append("- ")
          .append(n.misnamed().stixId())
          .append(" 「")
          .append(name)
          .append("」 (")
          .append(unit ? "他組織の部署・チームの名前" : "他組織の名前")
          .append(")\n");
      en.append("- ")
          .append(n.misnamed().stixId())
          .append(" \"")
          .append(name)
          .append("\" (")
          .append(unit ? "a unit or team of another organisation" : "another organisation's name")
          .append(")\n");
    }
    return o.nameJa()
        + " 管理者各位\n\n"
        + "貴組織が連携基盤に保存した次の STIX 識別情報 (identity) は、名簿にある他の組織の名前、またはその部署・チームの名前に見えます。"
        + "これらを作成者 (created_by_ref) や観測場所とする情報は、受け取った組織や他のハブ・SIEM から"
        + "その組織のものとして読まれます。現在の取込みではこのような名前は拒否されますが、以下は確認の導入前に保存されたものです。\n\n"
        + ja
        + "\n貴組織の名前 (または貴組織の部署名) に改めた新しい版を送るか、失効 (revoked) させてください。"
        + "保存した組織だけが版の作成・失効を行えます。誤判定と考える場合は基盤管理者に返信してください。\n\n"
        + "-- \n\nTo the administrators of "
        + o.nameEn()
        + "\n\nThe following STIX identities your organisation stored on the hub are named as"
        + " another organisation of the directory, or as a unit or team of it. Objects that name"
        + " them as their author (created_by_ref) or where something was sighted are read by"
        + " the receiving organisations, peer hubs and SIEMs as that organisation's. Ingest now"
        + " refuses such names; these were stored before the check.\n\n"
        + en
        + "\nPlease send a new version with your own organisation's name (or one of your units),"
        + " or revoke them. Only the storing organisation versions or revokes its objects. If you"
        + " think one is flagged wrongly, reply to the platform admins.\n";
  }

  static String withheldSubject() {
    return "[Renkei] 貴組織の識別情報の差し止め / An identity your organisation stored is withheld";
  }

  static String withheldBody(Organisation o, String stixId, String name, String why) {
    boolean unit = why.equals("unit");
    return o.nameJa()
        + " 管理者各位\n\n"
        + "基盤管理者は、貴組織が連携基盤に保存した次の STIX 識別情報 (identity) を差し止めました。"
        + (unit ? "名簿にある他の組織の部署・チームの名前" : "名簿にある他の組織の名前")
        + "に見えるためです。\n\n- "
        + stixId
        + " 「"
        + oneLine(name)
        + "」\n\n"
        + "差し止めの間、貴組織以外の組織にはこの識別情報は提供されません。これを参照する情報は、参照を除き、"
        + "帰属の差し止めの印 (x_renkei_attribution_withheld) を付けて提供されます。"
        + "貴組織は保存したとおりに読めます。保存された内容は変わりません。\n"
        + "貴組織の名前 (または貴組織の部署名) に改めた新しい版を送るか失効 (revoked) させたうえで、"
        + "基盤管理者に解除を依頼してください。\n\n"
        + "-- \n\nTo the administrators of "
        + o.nameEn()
        + "\n\nThe platform admins have withheld the following STIX identity your organisation"
        + " stored on the hub, because it is named as "
        + (unit ? "a unit or team of another organisation" : "another organisation")
        + " of the directory.\n\n- "
        + stixId
        + " \""
        + oneLine(name)
        + "\"\n\n"
        + "While it is withheld, no other organisation is served this identity, and objects that"
        + " name it are served to them without the reference, marked"
        + " x_renkei_attribution_withheld. Your organisation reads everything as stored; nothing"
        + " stored is changed.\nPlease send a new version with your own organisation's name (or"
        + " one of your units), or revoke it, then ask the platform admins to release it.\n";
  }

  static String releasedSubject() {
    return "[Renkei] 貴組織の識別情報の差し止めの解除 / An identity your organisation stored is released";
  }

  static String releasedBody(Organisation o, String stixId, String name) {
    return o.nameJa()
        + " 管理者各位\n\n"
        + "基盤管理者は、貴組織が連携基盤に保存した次の STIX 識別情報 (identity) の差し止めを解除しました。\n\n- "
        + stixId
        + " 「"
        + oneLine(name)
        + "」\n\n"
        + "この識別情報とこれを参照する情報は、再び保存したとおりに、それぞれの共有範囲の組織へ提供されます。\n\n"
        + "-- \n\nTo the administrators of "
        + o.nameEn()
        + "\n\nThe platform admins have released the following STIX identity your organisation"
        + " stored on the hub, which was withheld.\n\n- "
        + stixId
        + " \""
        + oneLine(name)
        + "\"\n\n"
        + "It and the objects that name it are served again as stored, each to its own"
        + " audience.\n";
  }

  /** A stored name on one line of the mail (it came from a writer). */
  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("[\\p{Cc}\\u2028\\u2029]+", " ").strip();
  }
}
