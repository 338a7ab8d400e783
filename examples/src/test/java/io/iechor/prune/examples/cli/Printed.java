package io.iechor.prune.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a prune printed after its prompt, read back: the sections in order with their lines, and
 * the total. Reading fails the test when the text is not in the CLI's shape (a heading, its
 * lines, a blank line; at most one total, last).
 *
 * @param sections heading (e.g. {@code Deleted Images:}) to lines, in printed order
 * @param total the size after {@code Total reclaimed space: }, or {@code null} when none was printed
 */
record Printed(Map<String, List<String>> sections, String total) {
  private static final Pattern SHAPE = Pattern.compile(
      "(Deleted [A-Za-z ]+:\n([^\n]+\n)+\n)*(Total reclaimed space: [0-9.]+(B|kB|MB|GB|TB)\n)?");

  /** Reads {@code stdout}, which must start with {@code prompt} (empty when none was shown). */
  static Printed read(String stdout, String prompt) {
    assertThat(stdout).startsWith(prompt);
    String text = stdout.substring(prompt.length());
    assertThat(text).as("output in the CLI's shape").matches(SHAPE);
    Map<String, List<String>> sections = new LinkedHashMap<>();
    String total = null;
    List<String> current = null;
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("Total reclaimed space: ")) {
        total = line.substring("Total reclaimed space: ".length());
      } else if (current == null && line.startsWith("Deleted ")) {
        current = new ArrayList<>();
        sections.put(line, current);
      } else if (line.isEmpty()) {
        current = null;
      } else {
        current.add(line);
      }
    }
    return new Printed(sections, total);
  }

  /** The lines of a section, empty when it was not printed. */
  List<String> section(String heading) {
    return sections.getOrDefault(heading, List.of());
  }
}
