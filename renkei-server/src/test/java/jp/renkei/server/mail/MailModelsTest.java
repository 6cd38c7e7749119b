package jp.renkei.server.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configured model of phishing wording: none, a good file, a bad file named with its line. */
class MailModelsTest {

  @TempDir Path dir;

  @Test
  void noFileMeansTheRulesAlone() {
    assertThat(MailModels.load(null)).isNull();
  }

  @Test
  void aModelFileIsReadAndABadOneIsRefusedNamingFileAndLine() throws Exception {
    Path good = dir.resolve("model.tsv");
    Files.writeString(
        good,
        "renkei-mail-model 1\nthreshold\t2.5\nsource\ttest\nmailbox\t2.0\npatch\t-1.5\n",
        StandardCharsets.UTF_8);
    assertThat(MailModels.load(good).size()).isEqualTo(2);
    assertThat(MailModels.load(good).threshold()).isEqualTo(2.5);

    Path bad = dir.resolve("bad.tsv");
    Files.writeString(
        bad,
        "renkei-mail-model 1\nthreshold\t2.5\nsource\ttest\nmailbox\tlots\n",
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> MailModels.load(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad.tsv")
        .hasMessageContaining("line 4");
    assertThatThrownBy(() -> MailModels.load(dir.resolve("missing.tsv")))
        .hasMessageContaining("missing.tsv");
  }
}
