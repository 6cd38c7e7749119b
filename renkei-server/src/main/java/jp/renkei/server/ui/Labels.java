package jp.renkei.server.ui;

import org.springframework.stereotype.Component;

/** Labels that are codes written out, the same on every page: {@code ${@labels.tlp('amber')}}. */
@Component("labels")
public class Labels {

  /** {@code TLP:AMBER+STRICT} for {@code amber_strict}, {@code TLP:GREEN} for {@code green}. */
  public String tlp(String code) {
    return jp.renkei.server.sharing.Markings.label(code);
  }
}
