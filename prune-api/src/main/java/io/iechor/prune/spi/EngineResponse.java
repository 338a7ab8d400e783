package io.iechor.prune.spi;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** The engine's answer: status, headers and a body stream that must be closed. */
public interface EngineResponse extends Closeable {

  int status();

  /** The first value of a header, looked up case-insensitively. */
  Optional<String> header(String name);

  /** The body, read at most once. Empty for {@code HEAD}. */
  InputStream body() throws IOException;

  @Override
  void close() throws IOException;
}
