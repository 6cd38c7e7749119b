package jp.renkei.server.mail;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.renkei.engine.mail.MailModel;

/** Reads the optional model of phishing wording named by configuration or the command line. */
public final class MailModels {

  private MailModels() {}

  /**
   * The model in {@code file}, or null when none is named.
   *
   * @throws IllegalArgumentException naming the file (and the line) when it cannot be read
   */
  public static MailModel load(Path file) {
    if (file == null) {
      return null;
    }
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return MailModel.read(r);
    } catch (MailModel.InvalidModel e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalArgumentException(file + ": cannot read the mail model: " + e, e);
    }
  }
}
