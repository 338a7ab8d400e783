package io.iechor.prune.core.internal;

import io.iechor.prune.ApiVersion;
import io.iechor.prune.EngineApiException;
import io.iechor.prune.EngineConnectionException;
import io.iechor.prune.PruneException;
import io.iechor.prune.PruneInProgressException;
import io.iechor.prune.UnsupportedFeatureException;
import io.iechor.prune.spi.EngineRequest;
import io.iechor.prune.spi.EngineResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/** Turns failed exchanges into this library's exceptions, with messages that say what to do. */
final class Failures {
  /** Error bodies are read up to this size: enough for any engine message, bounded for proxies. */
  private static final int MAX_ERROR_BODY = 64 * 1024;

  private Failures() {
  }

  /** A non-2xx answer. */
  static PruneException fromResponse(EngineRequest request, EngineResponse response, ApiVersion negotiated) {
    String message = errorMessage(response);
    int status = response.status();
    if (status == 409) {
      return new PruneInProgressException(message, request.method(), request.path());
    }
    if (status == 404 && request.path().endsWith("/build/prune")) {
      return new UnsupportedFeatureException("build cache prune", null, negotiated,
          "This engine has no build-cache prune (" + request.method() + " " + request.path() + " answered 404: "
              + message + "). Podman's Docker-compatible API lacks it.");
    }
    if (status == 400 && message.contains("requires minimum API version")) {
      return new UnsupportedFeatureException(request.path(), null, negotiated,
          "The engine refused " + request.path() + " at API " + negotiated + ": " + message);
    }
    return new EngineApiException(status, message, request.method(), request.path());
  }

  /** The engine's {@code message}, or the raw body when it is not JSON. */
  static String errorMessage(EngineResponse response) {
    String body;
    try (InputStream in = response.body()) {
      body = new String(in.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      return "(the error body could not be read: " + e.getMessage() + ")";
    }
    if (body.startsWith("{")) {
      try {
        Object msg = SmallJson.path(SmallJson.read(new java.io.ByteArrayInputStream(
            body.getBytes(StandardCharsets.UTF_8))), "message");
        if (msg instanceof String s) {
          return s;
        }
      } catch (IOException e) {
        // not JSON after all: fall through to the raw text
      }
    }
    if (body.isEmpty()) {
      return "(no message)";
    }
    if (body.startsWith("<")) {
      return "an HTML page instead of the engine's answer (is a proxy or another server at that address?): "
          + abbreviate(body.replaceAll("\\s+", " "), 200);
    }
    return abbreviate(body, 1000);
  }

  /** A transport failure during a request. */
  static EngineConnectionException duringRequest(String endpoint, EngineRequest request, IOException e,
      Duration readTimeout) {
    boolean prune = request.path().endsWith("/prune");
    String after = prune ? " The engine may have removed some objects before the failure; list them to see"
        + " what is left." : "";
    if (e instanceof SocketTimeoutException || (e instanceof InterruptedIOException && isTimeout(e))) {
      return new EngineConnectionException(endpoint, "No answer from " + endpoint + " to " + request.method() + " "
          + request.path() + " within the read timeout of " + describe(readTimeout) + ": raise it with"
          + " Pruner.builder().readTimeout(...)." + after, e);
    }
    return new EngineConnectionException(endpoint, "The connection to " + endpoint + " failed during "
        + request.method() + " " + request.path() + ": " + reason(e) + "." + after, e);
  }

  /** {@code 10 s}, or {@code 500 ms} when the timeout is not whole seconds. */
  private static String describe(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static boolean isTimeout(IOException e) {
    String m = e.getMessage();
    return m != null && m.toLowerCase(Locale.ROOT).contains("timeout");
  }

  /** Why a connection attempt failed, in a few words. */
  static String reason(IOException e) {
    String m = String.valueOf(e.getMessage());
    String lower = m.toLowerCase(Locale.ROOT);
    if (lower.contains("permission denied") || lower.contains("access denied")) {
      return "permission denied (run as a member of the socket's group, e.g. docker, or as root)";
    }
    if (lower.contains("no such file")) {
      return "no such socket";
    }
    if (e instanceof ConnectException || lower.contains("connection refused")) {
      return "connection refused (is the engine running and listening there?)";
    }
    if (e instanceof UnknownHostException) {
      return "unknown host " + m;
    }
    if (e instanceof SocketTimeoutException || lower.contains("timeout") || lower.contains("timed out")) {
      return m.equalsIgnoreCase("timeout") || m.equals("null") ? "no answer in time (is an engine listening there?)"
          : "timed out (" + m + ")";
    }
    if (e instanceof javax.net.ssl.SSLException) {
      return "TLS failed: " + m;
    }
    return e.getClass().getSimpleName() + ": " + m;
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max) + "...";
  }
}
