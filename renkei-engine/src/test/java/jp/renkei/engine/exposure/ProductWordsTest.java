package jp.renkei.engine.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProductWordsTest {

  @Test
  void aCpeReadsAsVendorProductAndVersion() {
    assertThat(ProductWords.of("cpe:2.3:a:apache:http_server:2.4.49:*:*:*:*:*:*:*", null, null))
        .isEqualTo("Apache HTTP Server 2.4.49");
    assertThat(ProductWords.of("cpe:2.3:o:juniper:junos_os:*:*:*:*:*:*:*:*", null, "20.4R3"))
        .isEqualTo("Juniper Junos OS 20.4R3");
    assertThat(
            ProductWords.of(
                "cpe:2.3:o:paloaltonetworks:pan-os:10.2.0:*:*:*:*:*:*:*", null, " 10.2.9 "))
        .as("the inventory's version wins over the name's")
        .isEqualTo("Paloaltonetworks Pan-os 10.2.9");
  }

  @Test
  void aProductNamedAfterItsVendorIsSaidOnce() {
    assertThat(ProductWords.of("cpe:2.3:a:postfix:postfix:3.8.1:*:*:*:*:*:*:*", null, null))
        .isEqualTo("Postfix 3.8.1");
  }

  @Test
  void escapedCharactersReadPlain() {
    assertThat(ProductWords.of("cpe:2.3:a:vendor\\!x:prod\\.uct:1\\.0:*:*:*:*:*:*:*", null, null))
        .isEqualTo("Vendor!x Prod.uct 1.0");
  }

  @Test
  void aPurlReadsAsNameVersionAndWhereItComesFrom() {
    assertThat(ProductWords.of(null, "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", null))
        .isEqualTo("log4j-core 2.14.1 (maven: org.apache.logging.log4j)");
    assertThat(ProductWords.of(null, "pkg:npm/lodash", "4.17.20"))
        .isEqualTo("lodash 4.17.20 (npm)");
  }

  @Test
  void whatDoesNotParseIsShownAsGivenAndNothingIsNull() {
    assertThat(ProductWords.of("cpe:2.3:a:broken", null, null)).isEqualTo("cpe:2.3:a:broken");
    assertThat(ProductWords.of(null, "pkg:", null)).isEqualTo("pkg:");
    assertThat(ProductWords.of(null, null, "1.0")).isNull();
    assertThat(ProductWords.of("  ", " ", null)).isNull();
  }
}
