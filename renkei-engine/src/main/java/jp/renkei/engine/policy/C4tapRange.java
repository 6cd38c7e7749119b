package jp.renkei.engine.policy;

/**
 * The five sharing ranges of C4TAP (targeted-attack e-mail sharing), narrowest first: Red is the
 * provider, secretariat and analysts; Amber adds participants (CEPTOAR council members); Yellow
 * adds observers who agreed to the rules; Green adds non-participating council parties; White is
 * public.
 */
public enum C4tapRange {
  RED,
  AMBER,
  YELLOW,
  GREEN,
  WHITE
}
