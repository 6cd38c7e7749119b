package jp.renkei.engine.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.renkei.engine.notice.Cidr;
import org.junit.jupiter.api.Test;

/** The gate as an attacker tries it: everything outside verified scope is refused, with why. */
class ScopeTest {

  final Scope scope = new Scope(7, List.of(Cidr.parse("192.0.2.0/28")), List.of("Bank.Example."));

  @Test
  void admitsAnAddressInAVerifiedRange() {
    var v = scope.admit(Cidr.address("192.0.2.9"));
    assertThat(v.allowed()).isTrue();
    assertThat(v.target().orElseThrow().organisationId()).isEqualTo(7);
  }

  @Test
  void refusesTheAddressNextToTheRange() {
    assertThat(scope.admit(Cidr.address("192.0.2.16")).refusal())
        .isEqualTo("192.0.2.16 is outside the verified ranges");
    assertThat(scope.admit(Cidr.address("::ffff:192.0.2.200")).allowed()).isFalse();
  }

  @Test
  void aDeclaredButUnverifiedRangeIsNotInScope() {
    Scope onlyDeclared = new Scope(7, List.of(), List.of());
    assertThat(onlyDeclared.admit(Cidr.address("192.0.2.1")).allowed()).isFalse();
  }

  @Test
  void refusesANameOfItsDomainThatResolvesOutside() {
    var v =
        scope.admit(
            "www.bank.example", List.of(Cidr.address("192.0.2.3"), Cidr.address("203.0.113.5")));
    assertThat(v.allowed()).isFalse();
    assertThat(v.refusal())
        .isEqualTo("www.bank.example resolves to 203.0.113.5, outside the verified ranges");
  }

  @Test
  void refusesLookalikeAndForeignNames() {
    List<java.net.InetAddress> inside = List.of(Cidr.address("192.0.2.3"));
    assertThat(scope.admit("evilbank.example", inside).allowed()).isFalse();
    assertThat(scope.admit("bank.example.attacker.test", inside).allowed()).isFalse();
    assertThat(scope.admit("www.bank.example", List.of()).allowed()).isFalse();
    assertThat(scope.admit("WWW.Bank.Example.", inside).target().orElseThrow().name())
        .isEqualTo("www.bank.example");
  }
}
