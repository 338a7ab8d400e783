package io.iechor.prune.core.internal;

import java.nio.file.Path;

/**
 * A place where an engine may be.
 *
 * @param endpoint the address
 * @param source where it came from, for messages
 * @param tlsDirectory certificates to use for TCP, or {@code null} for a plain connection
 * @param unavailable why it need not be tried (e.g. no such socket), or {@code null} to try it
 */
record Candidate(String endpoint, String source, Path tlsDirectory, String unavailable) {

  static Candidate of(String endpoint, String source, Path tlsDirectory) {
    return new Candidate(endpoint, source, tlsDirectory, null);
  }

  static Candidate missing(String endpoint, String source, String why) {
    return new Candidate(endpoint, source, null, why);
  }
}
