package jp.renkei.server.ui;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import jp.renkei.server.reference.ReferenceData;
import jp.renkei.server.reference.Sector;
import org.springframework.stereotype.Component;

/** Labels that are codes written out, the same on every page: {@code ${@labels.tlp('amber')}}. */
@Component("labels")
public class Labels {

  private final ReferenceData reference;

  Labels(ReferenceData reference) {
    this.reference = reference;
  }

  /** {@code TLP:AMBER+STRICT} for {@code amber_strict}, {@code TLP:GREEN} for {@code green}. */
  public String tlp(String code) {
    return jp.renkei.server.sharing.Markings.label(code);
  }

  /** Sector codes as their names in the reader's language, comma separated (unknown: the code). */
  public String sectors(List<String> codes, Locale locale) {
    List<Sector> all = reference.sectors();
    return codes.stream()
        .map(
            c ->
                all.stream()
                    .filter(s -> s.code().equals(c))
                    .findFirst()
                    .map(s -> s.label(locale))
                    .orElse(c))
        .collect(Collectors.joining(", "));
  }
}
