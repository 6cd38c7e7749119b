package jp.renkei.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where tests put what they write: under {@code target/test-data}, so that a build's databases,
 * logs and bundles go with {@code mvn clean} instead of piling up in the system's temporary
 * directory (an embedded PostgreSQL cluster is some 100 MB, and several are made per run).
 */
public final class TestFiles {

  private static final Path ROOT = Path.of("target", "test-data").toAbsolutePath();

  private TestFiles() {}

  /** A new empty directory whose name starts with {@code prefix}. */
  public static Path directory(String prefix) {
    try {
      return Files.createTempDirectory(Files.createDirectories(ROOT), prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new empty file named {@code prefix…suffix}. */
  public static Path file(String prefix, String suffix) {
    try {
      return Files.createTempFile(Files.createDirectories(ROOT), prefix, suffix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
