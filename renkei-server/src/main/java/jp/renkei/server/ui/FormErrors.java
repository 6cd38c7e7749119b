package jp.renkei.server.ui;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.server.failure.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Field errors as a person reads them, the one way every form shows them (fragment {@code
 * fragments/errors :: form(${formErrorItems})}, filled by {@link FormErrorsInterceptor}): the
 * field's name in the reader's language — the form's own label {@code pages.<area>.field.<field>}
 * when the page's area (the first segment of its view name, e.g. {@code report} for {@code
 * report/form}) has one, so the error names the label the person sees, else {@code
 * pages.field.<field>} or {@code hub.field.<field>} (an indexed field such as {@code
 * observables[1]} as 「観測値 (2 行目)」) — then the message, never the internal field name. A field
 * without a label shows the message alone.
 */
@Component("formErrors")
public class FormErrors {

  private static final Pattern INDEXED = Pattern.compile("^([A-Za-z.]+)\\[(\\d+)](?:\\..*)?$");

  private static final Pattern AREA = Pattern.compile("[a-z]+");

  private final MessageSource messages;

  FormErrors(MessageSource messages) {
    this.messages = messages;
  }

  /** One line of the list: the input it is about, and what it says. */
  public record Item(String anchor, String text) {}

  /** The lines for a list of errors, in order. */
  public java.util.List<Item> items(java.util.List<InvalidInput> all, Locale locale) {
    return items(all, null, locale);
  }

  /** The lines for a list of errors of a page in {@code area} (null: no labels of its own). */
  public java.util.List<Item> items(java.util.List<InvalidInput> all, String area, Locale locale) {
    return all.stream().map(e -> new Item(anchor(e.field()), describe(e, area, locale))).toList();
  }

  /** Every error an exception stands for, in the order of the form. */
  public java.util.List<InvalidInput> all(InvalidInput e) {
    return jp.renkei.server.failure.InvalidInputs.of(e);
  }

  /** 「件名: 必須項目です。」 for a field error. */
  public String describe(InvalidInput e, Locale locale) {
    return describe(e, null, locale);
  }

  private String describe(InvalidInput e, String area, Locale locale) {
    String message = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
    String label = label(e.field(), area, locale);
    return label == null
        ? message
        : label + (locale.getLanguage().equals("en") ? ": " : "：") + message;
  }

  /** The field's label in the reader's language, or null when it has none. */
  public String label(String field, Locale locale) {
    return label(field, null, locale);
  }

  /** The field's label on a page of {@code area}, or null when it has none. */
  public String label(String field, String area, Locale locale) {
    if (field == null || field.isBlank()) {
      return null;
    }
    Matcher m = INDEXED.matcher(field);
    String base = m.matches() ? m.group(1) : field;
    String label =
        area == null || !AREA.matcher(area).matches()
            ? null
            : messages.getMessage("pages." + area + ".field." + base, null, null, locale);
    if (label == null) {
      label = messages.getMessage("pages.field." + base, null, null, locale);
    }
    if (label == null) {
      // the labels of the advisory and admin forms' further fields
      label = messages.getMessage("hub.field." + base, null, null, locale);
    }
    if (label == null) {
      return null;
    }
    if (m.matches()) {
      int row = Integer.parseInt(m.group(2)) + 1;
      return messages.getMessage("pages.field.row", new Object[] {label, row}, locale);
    }
    return label;
  }

  /** The id of the input for a field ({@code observables[1]} is in {@code observables}). */
  public String anchor(String field) {
    if (field == null) {
      return "";
    }
    Matcher m = INDEXED.matcher(field);
    return (m.matches() ? m.group(1) : field).replaceAll("[^A-Za-z0-9_-]", "-");
  }
}
