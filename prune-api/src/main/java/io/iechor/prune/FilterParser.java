package io.iechor.prune;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads the user guide's {@code --filter} expressions ({@code until=24h}, {@code label=env=ci},
 * {@code label!=keep}) into typed {@link PruneFilters} for one prune command, refusing with an
 * {@link InvalidFilterException} whatever that command's endpoint would not accept.
 *
 * <p>As in the iEchor CLI, the text is split at the first {@code =}; the name is trimmed and
 * lower-cased, the value trimmed, so {@code label!=env=prod} is "exclude objects labelled
 * {@code env=prod}".
 *
 * <pre>{@code
 * PruneFilters f = FilterParser.parse(ObjectKind.IMAGES, List.of("until=24h", "label!=keep"));
 * }</pre>
 */
public final class FilterParser {

  private FilterParser() {
  }

  /** Filters for the prune of one kind of object. */
  public static PruneFilters parse(ObjectKind kind, List<String> expressions) {
    Objects.requireNonNull(kind, "kind");
    return parse(kind, command(kind), expressions);
  }

  /** Filters for a system prune, which applies them to every kind it prunes. */
  public static PruneFilters parseForSystem(List<String> expressions) {
    return parse(null, "system prune", expressions);
  }

  static String command(ObjectKind kind) {
    return switch (kind) {
      case CONTAINERS -> "container prune";
      case IMAGES -> "image prune";
      case VOLUMES -> "volume prune";
      case NETWORKS -> "network prune";
      case BUILD_CACHE -> "builder prune";
    };
  }

  private static PruneFilters parse(ObjectKind kind, String command, List<String> expressions) {
    Objects.requireNonNull(expressions, "expressions");
    PruneFilters filters = PruneFilters.none();
    for (String expression : expressions) {
      filters = add(kind, command, filters, Objects.requireNonNull(expression, "expression"));
    }
    return filters;
  }

  static PruneFilters add(ObjectKind kind, String command, PruneFilters filters, String expression) {
    int eq = expression.indexOf('=');
    if (eq < 0) {
      throw new InvalidFilterException(expression,
          "Bad filter '" + expression + "': expected name=value, e.g. until=24h or label=env=ci");
    }
    String name = expression.substring(0, eq).trim().toLowerCase(Locale.ROOT);
    String value = expression.substring(eq + 1).trim();
    switch (name) {
      case "until", "unused-for" -> {
        if (name.equals("unused-for") && kind != ObjectKind.BUILD_CACHE) {
          throw unknown(expression, name, kind, command);
        }
        if (kind == ObjectKind.VOLUMES) {
          throw new InvalidFilterException(expression, "volume prune does not support the until filter"
              + " (the engine refuses it); filter volumes with label=... or label!=...");
        }
        if (filters.until().isPresent()) {
          throw new InvalidFilterException(expression, "Only one until filter can be given; found until="
              + filters.until().get().value() + " and " + expression);
        }
        return filters.withUntil(Until.parse(value));
      }
      case "label", "label!" -> {
        if (kind == ObjectKind.BUILD_CACHE) {
          throw new InvalidFilterException(expression, "builder prune cannot filter by label: build cache"
              + " has no labels (the engine ignores label filters there and would prune everything)");
        }
        if (value.isEmpty() || value.startsWith("=")) {
          throw new InvalidFilterException(expression,
              "The " + name + " filter needs a label key: " + name + "=key or " + name + "=key=value");
        }
        Label label = Label.parse(value);
        return name.equals("label") ? filters.withLabel(label) : filters.withoutLabel(label);
      }
      case "dangling" -> {
        if (kind == ObjectKind.IMAGES || kind == null) {
          boolean onlyDangling = value.equals("true") || value.equals("1");
          throw new InvalidFilterException(expression, onlyDangling
              ? "Drop the dangling filter: dangling images are what an image prune removes by default"
              : "Use -a/--all (all() in Java) instead of the dangling filter to prune every unused image");
        }
        throw unknown(expression, name, kind, command);
      }
      case "all" -> {
        if (kind == ObjectKind.VOLUMES) {
          throw new InvalidFilterException(expression,
              "Use -a/--all (all() in Java) instead of the all filter to prune named volumes too");
        }
        throw unknown(expression, name, kind, command);
      }
      default -> throw unknown(expression, name, kind, command);
    }
  }

  private static InvalidFilterException unknown(String expression, String name, ObjectKind kind, String command) {
    String supported = kind == ObjectKind.VOLUMES ? "label, label!"
        : kind == ObjectKind.BUILD_CACHE ? "until (or its older name unused-for)"
        : "until, label, label!";
    return new InvalidFilterException(expression,
        "Unknown filter '" + name + "' for " + command + "; supported filters: " + supported);
  }
}
