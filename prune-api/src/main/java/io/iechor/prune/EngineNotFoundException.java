package io.iechor.prune;

import java.util.List;
import java.util.Objects;

/**
 * No engine answered at any of the places looked at. {@link #attempts()} lists each place, where
 * its address came from, and why it failed; the message says the same in prose.
 */
public class EngineNotFoundException extends PruneException {
  private static final long serialVersionUID = 1L;

  private final List<Attempt> attempts;

  public EngineNotFoundException(List<Attempt> attempts) {
    super(message(attempts));
    this.attempts = List.copyOf(attempts);
  }

  /** Every place that was tried, in order. */
  public List<Attempt> attempts() {
    return attempts;
  }

  private static String message(List<Attempt> attempts) {
    StringBuilder b = new StringBuilder("No iEchor engine answered. Places tried:");
    for (Attempt a : attempts) {
      b.append("\n  - ").append(a.endpoint()).append(" (").append(a.source()).append("): ").append(a.failure());
    }
    boolean given = !attempts.isEmpty() && attempts.stream().allMatch(a -> a.source().equals("given endpoint"));
    if (given) {
      b.append("\nCheck that the engine runs at that address and that this user may reach it.");
    } else {
      b.append("\nStart the engine, or point to it with IECHOR_HOST (for example unix:///var/run/docker.sock"
          + " or tcp://host:2376), or pass an endpoint to Pruner.connect(...).");
    }
    return b.toString();
  }

  /**
   * One place where an engine was looked for.
   *
   * @param endpoint the address, e.g. {@code unix:///var/run/docker.sock}
   * @param source where the address came from, e.g. {@code "DOCKER_HOST"} or {@code "default socket"}
   * @param failure why it did not answer
   */
  public record Attempt(String endpoint, String source, String failure) {
    public Attempt {
      Objects.requireNonNull(endpoint, "endpoint");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(failure, "failure");
    }
  }
}
