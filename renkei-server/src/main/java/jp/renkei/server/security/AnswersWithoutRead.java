package jp.renkei.server.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an API write whose answer may go to a token that may not read (scope {@code write} without
 * {@code read}): its answer is made from what the caller sent, never from a stored object. Every
 * other write answers such a token with no body ({@link WithheldAnswer}). Say why in {@link
 * #value}; {@code WriteOnlySweepIT} lists the marked routes and checks each one's reason is still
 * true.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AnswersWithoutRead {
  /** Why the answer tells a write-only caller nothing a read would. */
  String value();
}
