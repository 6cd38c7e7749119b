package jp.renkei.engine.exposure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SSVC decision for one finding, with CISA's coordinator tree (SSVC 2.0.3: Exploitation,
 * Automatable, Technical Impact, Mission and Well-Being → Track, Track*, Attend, Act) and the due
 * date of CISA BOD 26-04's remediation timelines (in KEV, asset exposure, automatable, technical
 * impact → 3, 14 or 60 days, or at the next system upgrade), bounded by the KEV {@code dueDate}.
 *
 * <p>Where the inputs come from, each stated in the decision's reasons:
 *
 * <ul>
 *   <li>Exploitation: {@code active} when in KEV; {@code public poc} when EPSS is at or above the
 *       policy's threshold (an approximation: EPSS predicts exploitation, it does not attest a
 *       PoC); else {@code none}.
 *   <li>Automatable: from the CVSS vector (network attack vector, low complexity, no privileges, no
 *       user interaction, no attack requirements); without a vector, assumed {@code yes}.
 *   <li>Technical Impact: {@code total} when the CVSS vector has high confidentiality and integrity
 *       impact; without a vector, assumed {@code total}.
 *   <li>Mission and Well-Being: the service's criticality; unknown counts as {@code medium}.
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class Ssvc {

  /** The four CISA outcomes, lowest first. */
  public enum Outcome {
    TRACK("Track"),
    TRACK_STAR("Track*"),
    ATTEND("Attend"),
    ACT("Act");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * The hub's configurable policy.
   *
   * @param epssPocThreshold EPSS at or above which Exploitation counts as public PoC (default 0.5)
   * @param urgentDays BOD 26-04's shortest timeline (default 3)
   * @param standardDays its middle timeline (default 14)
   * @param longDays its longest (default 60)
   */
  public record Policy(double epssPocThreshold, int urgentDays, int standardDays, int longDays) {
    public static final Policy DEFAULT = new Policy(0.5, 3, 14, 60);

    public Policy {
      if (epssPocThreshold < 0 || epssPocThreshold > 1) {
        throw new IllegalArgumentException("epssPocThreshold must be between 0 and 1");
      }
      if (urgentDays < 1 || standardDays < urgentDays || longDays < standardDays) {
        throw new IllegalArgumentException("need 1 <= urgentDays <= standardDays <= longDays");
      }
    }
  }

  /**
   * The decision.
   *
   * @param exploitation none, public poc, active
   * @param automatable yes, no
   * @param technicalImpact partial, total
   * @param missionImpact low, medium, high
   * @param due the remediation due date, or null (at the next system upgrade)
   * @param forensic whether BOD 26-04 also asks for a forensic investigation
   * @param reasons why, as codes with arguments ({@code exposure.why.<code>} in the UI)
   */
  public record Decision(
      Outcome outcome,
      String exploitation,
      String automatable,
      String technicalImpact,
      String missionImpact,
      LocalDate due,
      boolean forensic,
      List<Evidence> reasons) {
    public Decision {
      reasons = List.copyOf(reasons);
    }
  }

  private static final Outcome[] TREE = tree();

  /**
   * BOD 26-04's timelines indexed by (in KEV, exposed, automatable, total impact) as bits: U at the
   * next system upgrade, L the long timeline, F the standard one, 3 the urgent one, X urgent with a
   * forensic investigation.
   */
  private static final String BOD_26_04 = "UULLLFF3FFFXFX3X";

  private final Policy policy;

  public Ssvc(Policy policy) {
    this.policy = policy;
  }

  /**
   * Decides for a finding on a service.
   *
   * @param epss the CVE's EPSS score, or null
   * @param cvssVector the CVE's CVSS vector, or null
   * @param since when the finding was first seen (the clock of the due date starts then, or at the
   *     KEV dateAdded if later)
   */
  public Decision decide(
      Finding f, ServiceAsset service, EpssScore epss, String cvssVector, LocalDate since) {
    List<Evidence> why = new ArrayList<>();
    String exploitation;
    if (f.kev() != null) {
      exploitation = "active";
      why.add(Evidence.of("ssvc-active-kev", f.kev().dateAdded().toString()));
    } else if (epss != null && epss.epss() >= policy.epssPocThreshold()) {
      exploitation = "public poc";
      why.add(Evidence.of("ssvc-poc-epss", fmt(epss.epss()), fmt(policy.epssPocThreshold())));
    } else {
      exploitation = "none";
      why.add(Evidence.of("ssvc-none", epss == null ? "-" : fmt(epss.epss())));
    }
    Cvss cvss = Cvss.of(cvssVector);
    String automatable;
    String impact;
    if (cvss == null) {
      automatable = "yes";
      impact = "total";
      why.add(Evidence.of("ssvc-no-cvss"));
    } else {
      automatable = cvss.automatable() ? "yes" : "no";
      impact = cvss.totalImpact() ? "total" : "partial";
      why.add(Evidence.of("ssvc-cvss-" + automatable + "-" + impact, cvssVector));
    }
    String mission =
        service.criticality() == null ? null : service.criticality().toLowerCase(Locale.ROOT);
    if (mission == null || !(mission.equals("low") || mission.equals("high"))) {
      if (!"medium".equals(mission)) {
        why.add(Evidence.of("ssvc-mission-unknown"));
      }
      mission = "medium";
    }
    why.add(Evidence.of("ssvc-mission", mission));
    Outcome outcome = TREE[index(exploitation, automatable, impact, mission)];
    why.add(Evidence.of("ssvc-outcome", outcome.label()));

    boolean inKev = f.kev() != null;
    boolean total = impact.equals("total");
    boolean auto = automatable.equals("yes");
    boolean exposed = service.publicFacing();
    char timeline =
        BOD_26_04.charAt((inKev ? 8 : 0) + (exposed ? 4 : 0) + (auto ? 2 : 0) + (total ? 1 : 0));
    Integer days =
        switch (timeline) {
          case '3', 'X' -> policy.urgentDays();
          case 'F' -> policy.standardDays();
          case 'L' -> policy.longDays();
          default -> null;
        };
    boolean forensic = timeline == 'X';
    LocalDate start = since;
    if (inKev && f.kev().dateAdded().isAfter(start)) {
      start = f.kev().dateAdded();
    }
    LocalDate due = days == null ? null : start.plusDays(days);
    if (days == null) {
      why.add(Evidence.of("bod-upgrade"));
    } else {
      why.add(
          Evidence.of(
              forensic ? "bod-days-forensic" : "bod-days",
              String.valueOf(days),
              yesNo(inKev),
              yesNo(exposed),
              automatable,
              impact));
    }
    if (inKev && f.kev().dueDate() != null && (due == null || f.kev().dueDate().isBefore(due))) {
      due = f.kev().dueDate();
      why.add(Evidence.of("kev-due", due.toString()));
    }
    return new Decision(outcome, exploitation, automatable, impact, mission, due, forensic, why);
  }

  private static String yesNo(boolean b) {
    return b ? "yes" : "no";
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.3f", d);
  }

  private static int index(String e, String a, String t, String m) {
    int ei = e.equals("none") ? 0 : e.equals("public poc") ? 1 : 2;
    int ai = a.equals("no") ? 0 : 1;
    int ti = t.equals("partial") ? 0 : 1;
    int mi = m.equals("low") ? 0 : m.equals("medium") ? 1 : 2;
    return ((ei * 2 + ai) * 2 + ti) * 3 + mi;
  }

  /** CISA coordinator 2.0.3, rows in the order exploitation, automatable, impact, mission. */
  private static Outcome[] tree() {
    String rows =
        "TTT TTS TTA TTA" // none: no/partial, no/total, yes/partial, yes/total
            + " TTS TSA TTA TSA" // public poc
            + " TTA TAC AAC ACC"; // active
    Outcome[] out = new Outcome[36];
    int i = 0;
    for (char c : rows.toCharArray()) {
      if (c == ' ') {
        continue;
      }
      out[i++] =
          switch (c) {
            case 'T' -> Outcome.TRACK;
            case 'S' -> Outcome.TRACK_STAR;
            case 'A' -> Outcome.ATTEND;
            default -> Outcome.ACT;
          };
    }
    return out;
  }
}
