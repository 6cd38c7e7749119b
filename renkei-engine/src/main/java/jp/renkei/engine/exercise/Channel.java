package jp.renkei.engine.exercise;

/** 伝達手段: how an inject reaches its players. */
public enum Channel {
  /** The hub's inbox (always available). */
  HUB_INBOX,
  /** E-mail, only where the run allows it, with 【訓練】 in the subject. */
  EMAIL,
  /** A simulated advisory (情報提供) shown in the inbox as coming from the simulated sender. */
  SIMULATED_ADVISORY,
  /** A simulated report (情報連絡) shown in the inbox as coming from the simulated sender. */
  SIMULATED_REPORT,
  /** A script the controller reads out by telephone; the console lists it, nothing is sent. */
  PHONE_SCRIPT
}
