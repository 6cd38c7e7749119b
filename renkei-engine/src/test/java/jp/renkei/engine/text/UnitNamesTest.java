package jp.renkei.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitNamesTest {

  @ParameterizedTest(name = "{0} reads as a unit of {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Test operator A SOC | Test operator A",
        "CSIRT of Bank A | Bank A",
        "Bank A's CSIRT | Bank A",
        "bank-a security operations center | Bank A",
        "Ｂａｎｋ Ａ Information Security Dept. | Bank A",
        "A銀行 情報セキュリティ部 | A銀行",
        "A銀行の情報システム部 | A銀行",
        "株式会社A銀行 | A銀行",
        "A銀行 サイバーセキュリティセンター | A銀行",
        "Bank A | Bank A",
        "Security Center | Security Center",
      })
  void aDepartmentOfTheOrganisationReadsAsIt(String name, String organisation) {
    assertThat(UnitNames.readsAsUnitOf(name, organisation)).isTrue();
  }

  @ParameterizedTest(name = "{0} does not read as {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // a body of its own whose name holds the organisation's word
        "Energy ISAC | Energy",
        "Energy CEPTOAR | Energy",
        // another name that starts like it
        "Bank Alpha SOC | Bank A",
        "A銀行協会 | A銀行",
        // an organisation named by common words only is matched by its name alone
        "Cyber Security Center SOC | Security Center",
        "IT Security Team | IT",
        // a one-letter organisation name never spreads
        "A SOC | A",
        "Bank B SOC | Bank A",
      })
  void anotherBodyOrAnotherNameDoesNot(String name, String organisation) {
    assertThat(UnitNames.readsAsUnitOf(name, organisation)).isFalse();
  }
}
