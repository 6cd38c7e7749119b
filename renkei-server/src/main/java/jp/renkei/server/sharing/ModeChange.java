package jp.renkei.server.sharing;

import java.time.Instant;

/** One switch of the hub's mode, as shown in its history. */
public record ModeChange(
    long id, String mode, String reason, String changedByName, Instant changedAt) {}
