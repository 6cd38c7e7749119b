package jp.renkei.server.exercise.review;

import java.util.List;
import jp.renkei.server.exercise.ScenarioDocument;

/** Scenarios for the import/export and after-action tests. */
final class ReviewFixtures {

  private ReviewFixtures() {}

  static ScenarioDocument scenario(String title) {
    var all = List.of(new ScenarioDocument.TargetDoc("all", ""));
    return new ScenarioDocument(
        title,
        "情報共有体制の実効性を検証する",
        List.of("分野間・官民間の連携"),
        List.of(new ScenarioDocument.PhaseDoc("第1部 標的型攻撃", 0, List.of("最初に誰へ連絡したか"))),
        List.of(
            new ScenarioDocument.InjectDoc(
                "1",
                0,
                all,
                "JPCERT/CC（模擬）",
                "hub_inbox",
                "早期警戒情報",
                "不審な通信先が共有されました。\n二行目の内容",
                List.of(
                    new ScenarioDocument.ExpectationDoc(
                        "1-1", "NISC へ第一報を連絡する", 30, 10, "report_filed"),
                    new ScenarioDocument.ExpectationDoc("1-2", "社内で共有する", 20, 4, null)),
                false,
                null,
                List.of()),
            new ScenarioDocument.InjectDoc(
                "2",
                60,
                List.of(
                    new ScenarioDocument.TargetDoc("sector", "finance"),
                    new ScenarioDocument.TargetDoc("team", "bank")),
                "NISC（模擬）",
                "simulated_advisory",
                "情報提供",
                "対策情報",
                List.of(),
                false,
                "1-1",
                List.of("partial", "missed")),
            new ScenarioDocument.InjectDoc(
                "X",
                0,
                List.of(new ScenarioDocument.TargetDoc("role", "情報システム担当")),
                "コントローラー",
                "phone_script",
                "発動権限者と連絡が取れない",
                "IT-BCP の発動権限者が不在",
                List.of(),
                true,
                null,
                List.of())),
        null);
  }
}
