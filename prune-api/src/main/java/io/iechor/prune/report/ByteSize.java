package io.iechor.prune.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats byte counts as the iEchor CLI prints them: decimal units (1 kB = 1000 B), four
 * significant digits, no space: {@code 0B}, {@code 999B}, {@code 1.234kB}, {@code 16.43MB}.
 */
public final class ByteSize {
  private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
  private static final MathContext FOUR_DIGITS = new MathContext(4, RoundingMode.HALF_EVEN);

  private ByteSize() {
  }

  /** {@code 1234} becomes {@code "1.234kB"}. */
  public static String format(long bytes) {
    double size = bytes;
    int unit = 0;
    // Divide as floating point, like the CLI, so that rounding happens after the unit is chosen
    // (999950 bytes prints as 1000kB).
    while (Math.abs(size) >= 1000.0 && unit < UNITS.length - 1) {
      size /= 1000.0;
      unit++;
    }
    String digits = new BigDecimal(size).round(FOUR_DIGITS).stripTrailingZeros().toPlainString();
    return digits + UNITS[unit];
  }
}
