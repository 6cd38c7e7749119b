package jp.renkei.server.report;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import jp.renkei.server.audit.Actor;
import jp.renkei.server.report.ReportContent.ObservableEntry;
import org.springframework.stereotype.Component;

/**
 * The reports of the demo hub's morning ({@code demo.DemoActivity}), filed, forwarded, relayed and
 * commented on through the report services as the people would: a bank's 第一報 and 続報 with an
 * attachment (CEPTOAR → FSA → NISC, read and commented on at NISC), a shinkin bank's suspicious
 * e-mail anonymised by the banks' CEPTOAR (its relayed copy waiting at the FSA, its 続報 waiting at
 * the CEPTOAR), a power company's hotline report NISC has read and commented on, a telecom
 * operator's DDoS report waiting at T-CEPTOAR with the CEPTOAR's question, and a hospital's hotline
 * report not yet read at NISC.
 */
@Component
public class ReportDemo {

  private final ReportFilingService filing;
  private final ReportRoutingService routing;
  private final ReportRelayService relays;
  private final ReportAttachments attachments;

  ReportDemo(
      ReportFilingService filing,
      ReportRoutingService routing,
      ReportRelayService relays,
      ReportAttachments attachments) {
    this.filing = filing;
    this.routing = routing;
    this.relays = relays;
    this.attachments = attachments;
  }

  /**
   * Files the morning's reports at {@code now}; {@code person} gives a demo person's actor by
   * login, {@code organisation} an analyst actor of an organisation without a demo person, by code.
   *
   * @return the id of the bank's report (an advisory cites it)
   */
  public long load(
      Instant now, Function<String, Actor> person, Function<String, Actor> organisation) {
    Actor bank = person.apply("bank.analyst");
    Actor ceptoar = person.apply("ceptoar.bank");
    Actor fsa = person.apply("fsa.analyst");
    Actor nisc = person.apply("nisc.analyst");
    Actor power = person.apply("power.analyst");
    Actor isp = person.apply("isp.analyst");
    Actor shinkin = organisation.apply("op-midori-shinkin");
    Actor hospital = organisation.apply("op-kusunoki-hosp");
    Actor telecomCeptoar = organisation.apply("c-telecom");

    // the bank: list-based login attempts, via the banks' CEPTOAR and the FSA to NISC
    long login = filing.create(bank, loginAttack(now), true);
    attachments.upload(
        bank, login, "waf-login-summary.csv", WAF_SUMMARY.getBytes(StandardCharsets.UTF_8));
    routing.forward(ceptoar, login, null);
    routing.forward(fsa, login, null);
    routing.markRead(nisc, login);
    filing.addVersion(bank, login, "followup", loginAttackFollowUp(now));
    routing.comment(
        nisc,
        login,
        "続報ありがとうございます。送信元 203.0.113.45 は本日、他の金融機関からも報告されています。"
            + "ロックされた3アカウントについて、パスワード変更後の不審な取引の有無を確認のうえ、"
            + "最終報でお知らせください。");

    // a shinkin bank: a suspicious invoice e-mail, anonymised by the CEPTOAR before it goes on
    long mail = filing.create(shinkin, suspiciousMail(now), true);
    relays.relay(ceptoar, mail, null, null, null);
    filing.addVersion(shinkin, mail, "followup", suspiciousMailFollowUp(now));

    // a power company: probing at the control network's border, by the hotline to NISC
    long scan = filing.create(power, controlNetworkScan(now), true);
    routing.markRead(nisc, scan);
    routing.comment(
        nisc,
        scan,
        "ご報告ありがとうございます。同じ送信元範囲からの探索は他の電力事業者でも確認されています。" + "検知前後1時間のファイアウォールログをご共有いただけますか。");

    // a telecom operator: DDoS on its DNS, read at T-CEPTOAR, which asks before it forwards
    long ddos = filing.create(isp, dnsDdos(now), true);
    routing.markRead(telecomCeptoar, ddos);
    routing.comment(telecomCeptoar, ddos, "ご報告ありがとうございます。総務省へ転送する前に、影響を受けた利用者数の概数を続報でお知らせください。");

    // a hospital: suspected ransomware, by the hotline, not yet read at NISC
    filing.create(hospital, ransomware(now), true);
    return login;
  }

  private static final String WAF_SUMMARY =
      """
      時間帯(JST),ログイン試行,失敗,ロック,送信元IP数
      05:00-05:59,312,309,0,14
      06:00-06:59,4820,4801,2,167
      07:00-07:59,6105,6090,1,203
      08:00-08:59,1210,1199,0,58
      """;

  private static NewReport viaCeptoar(ReportContent c, String tlp, boolean anonymise) {
    return new NewReport(c, "ceptoar", null, anonymise, tlp, null, null, false, null, null);
  }

  private static NewReport hotline(ReportContent c, String tlp) {
    return new NewReport(c, "hotline", null, false, tlp, null, null, false, null, null);
  }

  private static ObservableEntry obs(String type, String value) {
    return ObservableEntry.entered(type, value);
  }

  private static NewReport loginAttack(Instant now) {
    return viaCeptoar(
        new ReportContent(
            "インターネットバンキングへのリスト型攻撃によるログイン試行の急増",
            "本日6時頃から、個人向けインターネットバンキングのログイン画面に対して、"
                + "通常の約20倍のログイン試行を検知しました。試行の99%以上は失敗しており、"
                + "他サービスから流出したとみられるIDとパスワードの組み合わせによるリスト型攻撃と判断しています。"
                + "3アカウントがログインに成功した後、WAFの検知によりロックしました。"
                + "現時点で不正送金は確認されていません。",
            now.minus(Duration.ofHours(4)),
            now.minus(Duration.ofHours(3)),
            "precursor",
            List.of("impersonation"),
            "no",
            "level2",
            "送信元IPアドレスをWAFで遮断し、該当3アカウントを停止済み。利用者への連絡を準備中。",
            "unknown",
            null,
            "case3",
            "システム部 CSIRT",
            "桜井 花子",
            "03-0000-1234",
            "csirt@sakura-bank.example",
            List.of(
                obs("ipv4-addr", "203.0.113.45"),
                obs("ipv4-addr", "203.0.113.77"),
                obs("ipv4-addr", "198.51.100.23"))),
        "amber",
        false);
  }

  private static ReportContent loginAttackFollowUp(Instant now) {
    return new ReportContent(
        "続報:リスト型攻撃の送信元追加と利用者対応の状況",
        "9時以降も送信元を変えながら試行が続いています。新たに2つの送信元IPアドレスを確認し、WAFで遮断しました。"
            + "停止した3アカウントの利用者とは連絡が取れ、パスワードの変更を案内しました。"
            + "不正送金は引き続き確認されていません。",
        now.minus(Duration.ofHours(4)),
        now.minus(Duration.ofHours(3)),
        "precursor",
        List.of("impersonation"),
        "no",
        "level2",
        "送信元IPアドレス5件を遮断。ログイン試行回数の閾値を引き下げて監視を継続中。",
        "unknown",
        null,
        "case3",
        "システム部 CSIRT",
        "桜井 花子",
        "03-0000-1234",
        "csirt@sakura-bank.example",
        List.of(
            obs("ipv4-addr", "203.0.113.45"),
            obs("ipv4-addr", "203.0.113.77"),
            obs("ipv4-addr", "198.51.100.23"),
            obs("ipv4-addr", "198.51.100.88"),
            obs("ipv4-addr", "203.0.113.190")));
  }

  private static NewReport suspiciousMail(Instant now) {
    return viaCeptoar(suspiciousMailContent(now, false), "amber", true);
  }

  private static ReportContent suspiciousMailFollowUp(Instant now) {
    return suspiciousMailContent(now, true);
  }

  private static ReportContent suspiciousMailContent(Instant now, boolean followUp) {
    return new ReportContent(
        followUp ? "続報:請求書を装う不審メールの添付ファイルの解析結果" : "職員宛てに請求書を装う不審メールを受信",
        followUp
            ? "添付ファイルを解析した結果、実行するとinvoice-check.exampleへ接続するダウンローダーであることを確認しました。"
                + "開封した職員はおらず、みどり架空信用金庫の端末での実行の痕跡はありません。"
            : "みどり架空信用金庫 事務部の職員3名宛てに、取引先を装った「請求書送付のご案内」という件名のメールが届きました。"
                + "添付のZIPファイルには二重拡張子の実行ファイルが含まれていました。職員は開封せずに報告しています。",
        now.minus(Duration.ofHours(5)),
        now.minus(Duration.ofHours(5)),
        "precursor",
        List.of("suspicious_mail"),
        "no",
        "level1",
        followUp ? "送信元ドメインと接続先をプロキシで遮断済み。" : "メールゲートウェイで同一件名のメールを隔離済み。",
        "no",
        null,
        "case3",
        "事務部 システム課",
        "緑川 一郎",
        "048-000-5678",
        "it@midori-shinkin.example",
        followUp
            ? List.of(
                obs("email-addr", "billing@seikyu-tsuuchi.example"),
                obs("domain-name", "invoice-check.example"),
                obs("sha256", "9f2c1a7be4d03f6a5c8e1b2d7f40a3c6e9b8d15f2a7c4e0b3d6f9a1c5e8b2d47"))
            : List.of(obs("email-addr", "billing@seikyu-tsuuchi.example")));
  }

  private static NewReport controlNetworkScan(Instant now) {
    return hotline(
        new ReportContent(
            "制御系ネットワーク境界のファイアウォールで外部からの探索行為を検知",
            "発電所の監視制御システムと情報系ネットワークの境界にあるファイアウォールで、"
                + "外部の送信元から産業用プロトコル(Modbus/TCP 502番、DNP3 20000番)のポートへの接続試行を多数検知しました。"
                + "すべて遮断されており、制御系への影響はありません。",
            now.minus(Duration.ofHours(7)),
            now.minus(Duration.ofHours(6)),
            "precursor",
            List.of("intentional_other"),
            "no",
            "level2",
            "遮断ルールの有効性を確認済み。送信元範囲を監視対象に追加。",
            "unknown",
            null,
            "case3",
            "電力システム部 制御セキュリティ課",
            "稲妻 健",
            "052-000-9012",
            "soc@inazuma-power.example",
            List.of(obs("cidr", "198.51.100.0/26"), obs("ipv4-addr", "198.51.100.14"))),
        "amber_strict");
  }

  private static NewReport dnsDdos(Instant now) {
    return viaCeptoar(
        new ReportContent(
            "キャッシュDNSサーバへのDDoS攻撃による名前解決の遅延",
            "8時10分頃から、当社キャッシュDNSサーバに大量の問い合わせが集中し、" + "一部の利用者で名前解決に時間がかかる状態が約30分続きました。",
            now.minus(Duration.ofHours(2)),
            now.minus(Duration.ofMinutes(110)),
            "unavailability",
            List.of("ddos"),
            "yes",
            "level3",
            "上流事業者と連携してフィルタリングを実施し、8時40分に復旧。監視を継続中。",
            "unknown",
            null,
            "case2",
            "ネットワーク運用センター",
            "霞 隆",
            "03-0000-7788",
            "noc@kasumi-tel.example",
            List.of(obs("ipv4-addr", "203.0.113.201"), obs("ipv4-addr", "203.0.113.202"))),
        "amber",
        false);
  }

  private static NewReport ransomware(Instant now) {
    return hotline(
        new ReportContent(
            "電子カルテ端末の一部でランサムウェア感染の疑い",
            "外来棟の電子カルテ端末2台で、ファイルの拡張子が一斉に変更され、身代金を要求する画面が表示されました。"
                + "当該端末をネットワークから切り離し、他の端末への拡大がないか確認しています。",
            now.minus(Duration.ofMinutes(90)),
            now.minus(Duration.ofMinutes(80)),
            "malware",
            List.of("unknown"),
            "unknown",
            "level4",
            "感染疑い端末を隔離。外来の受付は紙運用に切り替えて継続中。",
            "unknown",
            null,
            "case2",
            "医療情報部",
            "楠 真理",
            "06-0000-3456",
            "iryojoho@kusunoki-hosp.example",
            List.of(obs("domain-name", "update-service.example"))),
        "amber_strict");
  }
}
