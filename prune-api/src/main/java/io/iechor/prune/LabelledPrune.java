package io.iechor.prune;

import java.util.Objects;

/**
 * The filters every labelled kind shares. Each call returns a new step; this one is unchanged,
 * so a partly built step is a reusable, thread-safe template.
 *
 * @param <S> the concrete step type
 */
abstract class LabelledPrune<S extends LabelledPrune<S>> {
  final EngineRef engine;
  final PruneFilters filters;

  LabelledPrune(EngineRef engine, PruneFilters filters) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.filters = Objects.requireNonNull(filters, "filters");
  }

  /** The same step with other filters. */
  abstract S with(PruneFilters filters);

  /** The object kind, or {@code null} for a system prune; decides which filters are allowed. */
  abstract ObjectKind kind();

  /** Prune only objects that have the label {@code key}, whatever its value ({@code label=key}). API 1.29+. */
  public S withLabel(String key) {
    return with(filters.withLabel(Label.key(key)));
  }

  /** Prune only objects labelled {@code key=value} ({@code label=key=value}). API 1.29+. */
  public S withLabel(String key, String value) {
    return with(filters.withLabel(Label.of(key, value)));
  }

  /**
   * Keep objects that have the label {@code key} ({@code label!=key}). With several excluded
   * labels the engine keeps only objects that have all of them. API 1.29+.
   */
  public S withoutLabel(String key) {
    return with(filters.withoutLabel(Label.key(key)));
  }

  /** Keep objects labelled {@code key=value} ({@code label!=key=value}). API 1.29+. */
  public S withoutLabel(String key, String value) {
    return with(filters.withoutLabel(Label.of(key, value)));
  }

  /**
   * Adds filters written as on the command line: {@code filter("until=24h", "label!=keep")}.
   *
   * @throws InvalidFilterException when an expression is malformed or not supported by this prune
   */
  public S filter(String... expressions) {
    PruneFilters f = filters;
    for (String e : expressions) {
      f = FilterParser.add(kind(), kind() == null ? "system prune" : FilterParser.command(kind()), f,
          Objects.requireNonNull(e, "expression"));
    }
    return with(f);
  }

  /**
   * Adds typed filters, e.g. ones built once and shared between prunes.
   *
   * @throws InvalidFilterException when they hold a cutoff and this kind has no {@code until}
   */
  public S where(PruneFilters more) {
    Objects.requireNonNull(more, "more");
    if (more.until().isPresent() && kind() == ObjectKind.VOLUMES) {
      throw new InvalidFilterException("until=" + more.until().get(),
          "volume prune does not support the until filter (the engine refuses it)");
    }
    return with(filters.and(more));
  }

  /** The filters this step will send. */
  public PruneFilters filters() {
    return filters;
  }
}
