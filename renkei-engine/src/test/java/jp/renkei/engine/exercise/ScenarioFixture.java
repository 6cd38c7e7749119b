package jp.renkei.engine.exercise;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/** A small cross-sector scenario in the shape of the 2015 exercise's first part. */
final class ScenarioFixture {

  private ScenarioFixture() {}

  static final ExpectedAction FIRST_REPORT =
      new ExpectedAction(
          "3-1", "金融分野の事業者が NISC へ第一報を連絡する", Duration.ofMinutes(30), 10, Check.REPORT_FILED);

  static Inject inject(String key, int minutes, ExpectedAction... expectations) {
    return new Inject(
        key,
        Duration.ofMinutes(minutes),
        List.of(Target.all()),
        "JPCERT/CC（模擬）",
        Channel.HUB_INBOX,
        "付与 " + key,
        "状況 " + key,
        List.of(expectations),
        false,
        null);
  }

  static Scenario crossSector() {
    Inject warning = inject("1", 0);
    Inject detection =
        new Inject(
            "2",
            Duration.ofMinutes(20),
            List.of(new Target(Target.Kind.SECTOR, "finance")),
            "自組織 SOC（模擬）",
            Channel.HUB_INBOX,
            "不審な通信の検知",
            "プロキシログに不審な通信",
            List.of(),
            false,
            null);
    Inject mails = inject("3", 40, FIRST_REPORT);
    Inject advisory =
        new Inject(
            "4",
            Duration.ofMinutes(60),
            List.of(Target.all()),
            "NISC（模擬）",
            Channel.SIMULATED_ADVISORY,
            "NISC からの情報提供",
            "対策情報",
            List.of(),
            false,
            new Inject.Dependency("3-1", Set.of(Outcome.MET, Outcome.PARTIAL)));
    Inject hint =
        new Inject(
            "4b",
            Duration.ofMinutes(60),
            List.of(Target.all()),
            "コントローラー",
            Channel.PHONE_SCRIPT,
            "第一報を促す電話",
            "NISC への連絡はお済みですか",
            List.of(),
            false,
            new Inject.Dependency("3-1", Set.of(Outcome.MISSED)));
    Inject surprise =
        new Inject(
            "X",
            Duration.ofMinutes(0),
            List.of(Target.all()),
            "コントローラー",
            Channel.HUB_INBOX,
            "発動権限者と連絡が取れない",
            "IT-BCP の発動権限者が不在",
            List.of(),
            true,
            null);
    return new Scenario(
        "分野横断的演習（例）",
        "情報共有体制の実効性を検証する",
        List.of("分野間・官民間の連携"),
        List.of(
            new Phase("第1部 標的型攻撃", Duration.ZERO, List.of("初動で誰に連絡したか")),
            new Phase("第2部 DDoS攻撃", Duration.ofMinutes(135), List.of())),
        List.of(advisory, hint, mails, detection, warning, surprise));
  }
}
