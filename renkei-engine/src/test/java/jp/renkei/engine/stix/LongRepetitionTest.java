package jp.renkei.engine.stix;

import static org.assertj.core.api.Assertions.assertThat;

import jp.renkei.engine.exposure.VersionOrder;
import jp.renkei.engine.exposure.Versions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Untrusted values read by a regex with a repeated group: a STIX type, a mail domain, a version
 * string of tens of thousands of pieces must get an answer, not a StackOverflowError nor an
 * exponential search.
 */
class LongRepetitionTest {

  @Test
  void aLongOrBacktrackingStixTypeIsRefusedAsAProblem() {
    StixValidator validator = new StixValidator();
    for (String type :
        new String[] {
          "a".repeat(40) + "!", "a-".repeat(50_000) + "!", "ab".repeat(100_000), "a".repeat(300)
        }) {
      ObjectNode o = JsonMapper.builder().build().createObjectNode();
      o.put("type", type);
      assertThat(validator.validate(o))
          .extracting(StixValidator.Problem::field)
          .containsExactly("/type");
    }
  }

  @Test
  void aMailDomainOfFiftyThousandLabelsIsJudgedWithoutOverflow() {
    String address = "x@" + "a.".repeat(50_000) + "example";
    // whatever the verdict (the observable parser may refuse the length), it is an answer
    String verdict = StixValues.emailAddress(address);
    assertThat(verdict == null || verdict.equals(address)).isTrue();
    assertThat(StixValues.emailAddress("x@mail.example.jp")).isEqualTo("x@mail.example.jp");
  }

  @Test
  void aDottedVersionOfOneHundredThousandPiecesIsCompared() {
    String a = "1." + "0.".repeat(100_000) + "1";
    String b = "1." + "0.".repeat(100_000) + "2";
    VersionOrder o = Versions.compare(a, b, null);
    assertThat(o.sign()).isEqualTo(-1);
  }
}
