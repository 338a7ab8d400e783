package io.iechor.prune.spi;

import java.io.Closeable;
import java.io.IOException;

/**
 * Carries HTTP exchanges to one engine endpoint. Implementations are thread-safe, do not retry,
 * do not parse JSON and do not log bodies; they report failures to connect or read as
 * {@link IOException} ({@link java.net.SocketTimeoutException} for timeouts).
 */
public interface Transport extends Closeable {

  /** Sends {@code request} and returns the answer; the caller closes it. */
  EngineResponse execute(EngineRequest request) throws IOException;

  /** The endpoint this transport talks to, e.g. {@code unix:///var/run/docker.sock}. */
  String endpoint();

  /** Releases connections and threads. */
  @Override
  void close();
}
