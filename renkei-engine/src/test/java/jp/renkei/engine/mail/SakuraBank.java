package jp.renkei.engine.mail;

import java.util.List;
import java.util.Map;
import jp.renkei.engine.redact.Identity;
import jp.renkei.engine.redact.Redactor;

/**
 * The organisation the share tests' lures are addressed to: a fictitious bank, さくら架空銀行, whose mail
 * domain is {@code sakura-bank.co.jp}, with no listed addresses, people or networks. One place for
 * the twelve share and STIX tests that redact as this bank.
 */
final class SakuraBank {

  /** The bank's redactor, as the C4TAP share builds it for the uploading organisation. */
  static final Redactor REDACTOR =
      new Redactor(
          new Identity(
              List.of("さくら架空銀行"), List.of("sakura-bank.co.jp"), List.of(), List.of(), List.of()),
          Map.of());

  private SakuraBank() {}
}
