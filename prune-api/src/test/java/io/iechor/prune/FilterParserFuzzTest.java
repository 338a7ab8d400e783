package io.iechor.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Any input to the {@code --filter} parser ends in a result or an {@link InvalidFilterException}
 * with a message: never another exception, never a hang. Inputs are random mutations of valid
 * expressions and random text; the seed is printed so a failure can be replayed with
 * {@code -Diechor.fuzz.seed=...}.
 */
class FilterParserFuzzTest {
  private static final String[] SEEDS = {
    "until=24h", "until=1h30m", "until=1.5h", "until=-1h", "until=2026-01-01T00:00:00Z", "until=2026-01-01",
    "until=2026-01-01T10:00", "until=1767225600.5", "until=0", "label=env=ci", "label=keep", "label!=keep",
    "label!=env=prod", "unused-for=10m", "dangling=true", "all=true", "LABEL = a=b", "until=7d",
  };
  private static final String ALPHABET = "=!-+.:TZz0123456789hmsuµ labelntiUNTIL\t\n\u0000\uffff/\\\"'{}[]é";

  @Test
  void everyInputEndsInAResultOrTheDocumentedException() {
    long seed = Long.getLong("iechor.fuzz.seed", System.nanoTime());
    int inputs = Integer.getInteger("iechor.fuzz.inputs", 200_000);
    System.out.println("FilterParserFuzzTest seed=" + seed + " inputs=" + inputs);
    Random random = new Random(seed);
    int accepted = 0;
    int refused = 0;
    for (int i = 0; i < inputs; i++) {
      String input = random.nextInt(4) == 0 ? randomText(random) : mutate(SEEDS[random.nextInt(SEEDS.length)], random);
      ObjectKind kind = random.nextInt(6) == 5 ? null : ObjectKind.values()[random.nextInt(5)];
      try {
        PruneFilters f = kind == null ? FilterParser.parseForSystem(List.of(input))
            : FilterParser.parse(kind, List.of(input));
        assertThat(f).isNotNull();
        // What was accepted can be written back and read again to the same filters.
        PruneFilters again = kind == null ? FilterParser.parseForSystem(f.expressions())
            : FilterParser.parse(kind, f.expressions());
        assertThat(again).as("round trip of %s (seed %s)", input, seed).isEqualTo(f);
        accepted++;
      } catch (InvalidFilterException e) {
        assertThat(e.getMessage()).as("message for %s", input).isNotBlank();
        refused++;
      } catch (RuntimeException e) {
        fail("seed " + seed + ": input '" + escape(input) + "' for " + kind + " threw " + e, e);
      }
    }
    System.out.println("FilterParserFuzzTest accepted=" + accepted + " refused=" + refused);
    assertThat(accepted).as("some inputs are valid").isPositive();
    assertThat(refused).as("some inputs are invalid").isPositive();
  }

  private static String mutate(String s, Random random) {
    StringBuilder b = new StringBuilder(s);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int op = random.nextInt(4);
      int at = b.length() == 0 ? 0 : random.nextInt(b.length() + 1);
      char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
      switch (op) {
        case 0 -> b.insert(at, c);
        case 1 -> {
          if (at < b.length()) {
            b.deleteCharAt(at);
          }
        }
        case 2 -> {
          if (at < b.length()) {
            b.setCharAt(at, c);
          }
        }
        default -> b.insert(at, b.substring(0, Math.min(b.length(), at)));
      }
    }
    return b.toString();
  }

  private static String randomText(Random random) {
    int n = random.nextInt(40);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(random.nextInt(8) == 0 ? (char) random.nextInt(0x3000) : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }

  private static String escape(String s) {
    List<String> out = new ArrayList<>();
    s.chars().forEach(c -> out.add(c < 32 || c > 126 ? String.format("\\u%04x", c) : String.valueOf((char) c)));
    return String.join("", out);
  }
}
