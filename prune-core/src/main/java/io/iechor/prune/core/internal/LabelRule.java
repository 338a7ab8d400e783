package io.iechor.prune.core.internal;

import io.iechor.prune.Label;
import io.iechor.prune.PruneFilters;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How an engine combines the {@code label} and {@code label!} filters of one prune, which differs
 * by engine and object kind:
 * <ul>
 *   <li>{@link #DOCKER}: every {@code label} must match (AND); an object is kept when it matches
 *       <em>all</em> {@code label!} values. {@code key=} matches only an empty value.</li>
 *   <li>{@link #PODMAN_ALL}: the same combination with Podman's matching: an empty value matches
 *       any value and the key may be a glob ({@code app.*}). Podman 4 containers and networks.</li>
 *   <li>{@link #PODMAN_ANY_EXCLUDED}: AND, but kept when it matches <em>any</em> {@code label!}
 *       value (Podman 5 networks, by its source).</li>
 *   <li>{@link #PODMAN_ANY_LABEL}: an object matches when <em>any</em> {@code label} value does
 *       (Podman 4 volumes, measured).</li>
 *   <li>{@link #PODMAN_ONE_GROUP}: every {@code label} and negated {@code label!} value in one OR
 *       group (Podman 4's image prune, measured: {@code label=a} + {@code label!=b} prunes
 *       images that have {@code a} <em>or</em> lack {@code b}).</li>
 * </ul>
 */
enum LabelRule {
  DOCKER, PODMAN_ALL, PODMAN_ANY_EXCLUDED, PODMAN_ANY_LABEL, PODMAN_ONE_GROUP;

  /** Whether an object with {@code labels} passes the label filters of {@code f}. */
  boolean matches(PruneFilters f, Map<String, String> labels) {
    Set<Label> with = f.labels();
    Set<Label> without = f.excludedLabels();
    return switch (this) {
      case DOCKER, PODMAN_ALL -> all(with, labels) && !(without.size() > 0 && all(without, labels));
      case PODMAN_ANY_EXCLUDED -> all(with, labels) && !any(without, labels);
      case PODMAN_ANY_LABEL -> (with.isEmpty() || any(with, labels)) && !(without.size() > 0 && all(without, labels));
      case PODMAN_ONE_GROUP -> (with.isEmpty() && without.isEmpty()) || any(with, labels)
          || without.stream().anyMatch(l -> !has(l, labels));
    };
  }

  private boolean all(Set<Label> conditions, Map<String, String> labels) {
    return conditions.stream().allMatch(l -> has(l, labels));
  }

  private boolean any(Set<Label> conditions, Map<String, String> labels) {
    return conditions.stream().anyMatch(l -> has(l, labels));
  }

  /** Whether {@code labels} satisfy one condition. */
  boolean has(Label condition, Map<String, String> labels) {
    String want = condition.value().orElse(null);
    if (this == DOCKER) {
      String value = labels.get(condition.key());
      return value != null && (want == null || want.equals(value));
    }
    // Podman: an empty value means "any value", and the key may be a glob.
    boolean anyValue = want == null || want.isEmpty();
    if (!isGlob(condition.key())) {
      String value = labels.get(condition.key());
      return value != null && (anyValue || want.equals(value));
    }
    Pattern key = glob(condition.key());
    return labels.entrySet().stream()
        .anyMatch(e -> key.matcher(e.getKey()).matches() && (anyValue || want.equals(e.getValue())));
  }

  private static boolean isGlob(String key) {
    return key.indexOf('*') >= 0 || key.indexOf('?') >= 0 || key.indexOf('[') >= 0;
  }

  /** Go's {@code filepath.Match} for the common cases: {@code *}, {@code ?}, literal rest. */
  private static Pattern glob(String key) {
    StringBuilder re = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : key.toCharArray()) {
      if (c == '*' || c == '?') {
        re.append(Pattern.quote(literal.toString()));
        literal.setLength(0);
        re.append(c == '*' ? "[^/]*" : "[^/]");
      } else {
        literal.append(c);
      }
    }
    re.append(Pattern.quote(literal.toString()));
    return Pattern.compile(re.toString());
  }
}
