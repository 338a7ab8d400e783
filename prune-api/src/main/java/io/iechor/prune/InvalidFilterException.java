package io.iechor.prune;

/**
 * A filter that cannot be sent: unknown name, a name the object kind does not support, a value
 * the engine would not understand, or a combination the prune refuses (such as {@code until}
 * with volumes). Thrown before any request reaches the engine, so nothing was removed.
 */
public class InvalidFilterException extends PruneException {
  private static final long serialVersionUID = 1L;

  private final String expression;

  public InvalidFilterException(String expression, String message) {
    super(message);
    this.expression = expression;
  }

  /** The offending filter as the user wrote it, e.g. {@code "until=7d"}; may be empty. */
  public String expression() {
    return expression;
  }
}
