package io.iechor.prune.examples.cli;

import io.iechor.prune.EngineNotFoundException;
import io.iechor.prune.PruneInProgressException;
import java.util.stream.Collectors;

/**
 * Turns a failure into the single stderr line the CLI prints: what is wrong and what to do. The
 * library's messages already say both; this only reshapes the multi-line ones and rephrases
 * advice meant for Java callers.
 */
final class ErrorLine {
  private ErrorLine() {
  }

  static String of(Throwable e) {
    return "Error: " + describe(e);
  }

  /** A command-line mistake, with where to read the usage: {@code Error: Unknown option: '--x'. See ...}. */
  static String usage(String message, String command) {
    String what = message == null || message.isBlank() ? "invalid command line" : oneLine(message);
    return "Error: " + what + (what.endsWith(".") ? "" : ".") + " See '" + command + " --help'.";
  }

  private static String describe(Throwable e) {
    if (e instanceof EngineNotFoundException notFound) {
      return unreachable(notFound);
    }
    if (e instanceof PruneInProgressException) {
      // The library's message suggests a Java setting (retryOnConflict); a shell user just waits.
      return "another prune is already running on the engine, so this one removed nothing:"
          + " wait for it to finish, then run the command again";
    }
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName() + " (no message; this is a bug, please report it)";
    }
    return oneLine(message);
  }

  /**
   * Names every address tried and why each failed, e.g. {@code cannot reach an engine at
   * unix:///x (given with -H: no such socket): start the engine, or point -H or IECHOR_HOST at a
   * running one}.
   */
  private static String unreachable(EngineNotFoundException e) {
    if (e.attempts().isEmpty()) {
      return oneLine(e.getMessage());
    }
    String places = e.attempts().stream()
        .map(a -> a.endpoint() + " (" + source(a.source()) + oneLine(a.failure()) + ")")
        .collect(Collectors.joining(", "));
    return "cannot reach an engine at " + places + ": start the engine, or point -H or IECHOR_HOST at a running one";
  }

  private static String source(String source) {
    return switch (source) {
      case "given endpoint" -> "given with -H: ";
      case "default socket" -> "";
      default -> "from " + source + ": ";
    };
  }

  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s*\\R\\s*(- )?", "; ");
  }
}
