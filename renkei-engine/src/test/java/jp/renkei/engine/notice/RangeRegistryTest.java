package jp.renkei.engine.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import jp.renkei.engine.policy.Dominance;
import jp.renkei.engine.policy.SmallCounts;
import org.junit.jupiter.api.Test;

class RangeRegistryTest {

  @Test
  void longestPrefixWinsForOverlappingRanges() {
    RangeRegistry<String> r = new RangeRegistry<>();
    r.put(Cidr.parse("198.51.0.0/16"), "upstream");
    r.put(Cidr.parse("198.51.100.0/24"), "customer-isp");
    r.put(Cidr.parse("198.51.100.128/25"), "reseller");
    r.put(Cidr.parse("2001:db8::/32"), "v6-isp");
    r.put(Cidr.parse("2001:db8:42::/48"), "v6-customer");
    assertThat(r.lookup(Cidr.address("198.51.7.1")).orElseThrow().holder()).isEqualTo("upstream");
    assertThat(r.lookup(Cidr.address("198.51.100.5")).orElseThrow().holder())
        .isEqualTo("customer-isp");
    assertThat(r.lookup(Cidr.address("198.51.100.200")).orElseThrow().holder())
        .isEqualTo("reseller");
    assertThat(r.lookup(Cidr.address("198.51.100.200")).orElseThrow().range())
        .hasToString("198.51.100.128/25");
    assertThat(r.lookup(Cidr.address("2001:db8:42::7")).orElseThrow().holder())
        .isEqualTo("v6-customer");
    assertThat(r.lookup(Cidr.address("2001:db8:1::7")).orElseThrow().holder()).isEqualTo("v6-isp");
    assertThat(r.lookup(Cidr.address("203.0.113.1"))).isEmpty();
    assertThat(r.lookup(Cidr.address("2001:db9::1"))).isEmpty();
  }

  @Test
  void theSameNetworkTwiceKeepsTheFirstHolder() {
    RangeRegistry<String> r = new RangeRegistry<>();
    assertThat(r.put(Cidr.parse("192.0.2.0/24"), "a")).isTrue();
    assertThat(r.put(Cidr.parse("192.0.2.0/24"), "b")).isFalse();
    assertThat(r.size()).isEqualTo(1);
    assertThat(r.lookup(Cidr.address("192.0.2.9")).orElseThrow().holder()).isEqualTo("a");
  }

  @Test
  void cidrsParseLiteralsOnlyAndSayWhatIsWrong() {
    assertThat(Cidr.parse("2001:DB8::/32")).hasToString("2001:db8::/32");
    assertThat(Cidr.parse("192.0.2.7").prefix()).isEqualTo(32);
    assertThat(Cidr.parse("0.0.0.0/0").covers(Cidr.parse("10.0.0.0/8"))).isTrue();
    assertThatThrownBy(() -> Cidr.parse("192.0.2.1/24"))
        .hasMessage("host bits set: the network of /24 is 192.0.2.0/24");
    assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessageContaining("longer than 32");
    assertThatThrownBy(() -> Cidr.parse("isp.example/24")).hasMessageContaining("not an IP");
    assertThatThrownBy(() -> Cidr.parse("cafe")).hasMessageContaining("not an IP");
    assertThatThrownBy(() -> Cidr.parse("10.0.0.0/-1")).hasMessageContaining("not a number");
    assertThatThrownBy(() -> Cidr.address("fe80::1%eth0")).hasMessageContaining("not an IP");
  }

  @Test
  void enumeratesAddressesOfANetwork() {
    Cidr c = Cidr.parse("192.0.2.0/30");
    assertThat(c.size()).isEqualTo(4);
    assertThat(c.nth(3).getHostAddress()).isEqualTo("192.0.2.3");
    assertThat(Cidr.parse("2001:db8::/32").size()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void monthlyFiguresCountEveryNotificationAndRates() {
    MonthlyFigures f = new MonthlyFigures(new SmallCounts(2), new Dominance(2, 85));
    YearMonth m = YearMonth.of(2026, 10);
    f.survey(m, 1000);
    f.isp(m, 1);
    f.isp(m, 2);
    f.isp(m, 1);
    f.notification(m, 1, Outcome.REMEDIATED);
    f.notification(m, 2, Outcome.NOT_REACHABLE);
    f.notification(m, 3, Outcome.WARNED);
    f.notification(m, 4, null);
    // a third holder reached: two would each learn the other's figure (the dominance rule)
    f.notification(m, 5, Outcome.WARNED);
    // and a third holder that reached nobody: the two others would each learn the other's share of
    // what did not reach (notified minus reached, judged by the dominance rule as well)
    f.notification(m, 6, Outcome.NO_RESPONSE);
    f.notification(m, 6, Outcome.NOT_REACHABLE);
    f.notification(YearMonth.of(2026, 11), 1, null);
    var rows = f.rows();
    assertThat(rows.get(0).month()).isEqualTo(YearMonth.of(2026, 11));
    var oct = rows.get(1);
    assertThat(oct.isps()).isEqualTo(2);
    assertThat(oct.surveyed()).isEqualTo(1000);
    assertThat(oct.notified()).isEqualTo(7);
    assertThat(oct.reachRate()).isEqualTo(4 / 7.0);
    assertThat(oct.remediated()).as("one holder remediated: withheld").isNull();
    assertThat(oct.remediationRate()).isNull();
    assertThat(oct.withheld()).isTrue();
    MonthlyFigures own = new MonthlyFigures(null, null);
    own.survey(m, 1000);
    own.notification(m, 1, Outcome.REMEDIATED);
    assertThat(own.rows().get(0).surveyed()).isNull();
    assertThat(own.rows().get(0).isps()).isNull();
    assertThat(own.rows().get(0).remediated()).as("one's own numbers are never withheld").isOne();
  }

  @Test
  void aMonthWithFewerThanKHoldersShowsNoFigureOfThem() {
    SmallCounts rule = new SmallCounts(3);
    MonthlyFigures f = new MonthlyFigures(rule, new Dominance(2, 85));
    YearMonth one = YearMonth.of(2026, 9);
    YearMonth two = YearMonth.of(2026, 10);
    YearMonth three = YearMonth.of(2026, 11);
    f.survey(one, 500);
    f.notification(one, 1, Outcome.REMEDIATED);
    for (long isp = 1; isp <= 2; isp++) {
      f.notification(two, isp, null);
    }
    for (long isp = 1; isp <= 3; isp++) {
      f.notification(three, isp, Outcome.WARNED);
    }
    for (YearMonth m : f.months()) {
      // the registry's participating ISPs, whether they had notifications or not
      f.isp(m, 1);
      f.isp(m, 2);
      f.isp(m, 3);
    }
    var rows = f.rows();
    for (var r : rows.subList(1, 3)) {
      assertThat(r.notified()).isNull();
      assertThat(r.isps()).as("participating ISPs are not a figure of notifications").isEqualTo(3);
      assertThat(r.reached()).isNull();
      assertThat(r.remediated()).isNull();
      assertThat(r.withheld()).isTrue();
    }
    assertThat(rows.get(2).surveyed()).as("the surveyor's own figure").isEqualTo(500);
    var nov = rows.get(0);
    assertThat(nov.notified()).isEqualTo(3);
    assertThat(nov.reached()).as("all three reached: each one known, withheld").isNull();
    assertThat(nov.remediated()).as("none of three").isZero();
    // the year's total minus November would be September and October (two holders): withheld
    var fy = f.table().years().get(0);
    assertThat(fy.fiscalYear()).isEqualTo(2026);
    assertThat(fy.notified()).isNull();
    assertThat(fy.surveyed()).isEqualTo(500);
    assertThat(fy.isps()).isEqualTo(3);
  }

  @Test
  void smallCountsRule() {
    SmallCounts k = new SmallCounts(3);
    assertThat(k.shows(0, 3)).isTrue();
    assertThat(k.shows(0, 2)).isFalse();
    assertThat(k.shows(3, 6)).isTrue();
    assertThat(k.shows(3, 5)).isFalse();
    assertThat(k.shows(2, 10)).isFalse();
    assertThat(k.enough(2)).isFalse();
    assertThatThrownBy(() -> new SmallCounts(1)).isInstanceOf(IllegalArgumentException.class);
  }
}
