package io.iechor.prune.core.tls;

import io.iechor.prune.PruneException;

/**
 * The TLS files for a {@code tcp://} engine endpoint are missing, unreadable, malformed, or do
 * not fit together.
 *
 * <p>The message names the file, what is wrong with it, and what to do, e.g. which environment
 * variable to set or which {@code openssl} command converts the file. Nothing was sent to the
 * engine when this is thrown.
 */
public final class TlsSetupException extends PruneException {
  private static final long serialVersionUID = 1L;

  /** A failure without an underlying exception, e.g. a missing file. */
  public TlsSetupException(String message) {
    super(message);
  }

  /** A failure caused by a JDK parsing or security exception, kept as the cause. */
  public TlsSetupException(String message, Throwable cause) {
    super(message, cause);
  }
}
