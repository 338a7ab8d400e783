package io.iechor.prune.examples.cli;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --keep-storage} as the iEchor CLI does: bytes, or a number with a unit
 * {@code k}, {@code m}, {@code g}, {@code t} or {@code p}, optionally followed by {@code b} or
 * {@code ib}, in any case. Units are binary whatever their spelling: {@code 10GB} is
 * 10 &times; 1024&sup3; bytes, not 10 &times; 1000&sup3;. Fractions are truncated to whole bytes.
 */
final class StorageSize implements ITypeConverter<Long> {
  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?) ?(?:([kmgtp])(?:i?b)?|b)?",
      Pattern.CASE_INSENSITIVE);
  private static final String UNITS = "kmgtp";

  @Override
  public Long convert(String value) {
    try {
      return parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }

  /**
   * {@code "10GB"} becomes {@code 10737418240}.
   *
   * @throws IllegalArgumentException when {@code text} is not a size or too large for a long
   */
  static long parse(String text) {
    Matcher m = SIZE.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a size: give bytes (1048576) or a number"
          + " with k, m, g, t or p (512m, 10GB; binary units, so 1k = 1024 bytes)");
    }
    BigDecimal bytes = new BigDecimal(m.group(1));
    if (m.group(2) != null) {
      int power = UNITS.indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1;
      bytes = bytes.multiply(BigDecimal.valueOf(1024).pow(power));
    }
    try {
      return bytes.toBigInteger().longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("'" + text + "' is too large a size (at most 8 exabytes)");
    }
  }
}
