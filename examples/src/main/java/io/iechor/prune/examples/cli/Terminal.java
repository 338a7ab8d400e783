package io.iechor.prune.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Objects;

/** The command's standard streams, injected so that tests can type answers and read the output. */
final class Terminal {
  private final BufferedReader in;
  private final PrintWriter out;
  private final PrintWriter err;

  Terminal(BufferedReader in, PrintWriter out, PrintWriter err) {
    this.in = Objects.requireNonNull(in, "in");
    this.out = Objects.requireNonNull(out, "out");
    this.err = Objects.requireNonNull(err, "err");
  }

  PrintWriter out() {
    return out;
  }

  PrintWriter err() {
    return err;
  }

  /**
   * Shows {@code warning} followed by {@code " [y/N] "} on {@code prompt} and reads one line.
   * Only {@code y} or {@code Y} (surrounding blanks ignored) confirms. End of input, as when no
   * terminal is attached and nothing is piped in, counts as "no": a prune must never run because
   * nobody was there to answer.
   */
  boolean confirm(String warning, PrintWriter prompt) {
    prompt.print(warning + " [y/N] ");
    prompt.flush();
    String line;
    try {
      line = in.readLine();
    } catch (IOException e) {
      line = null;
    }
    if (line == null) {
      // Nobody typed Enter, so end the prompt's line ourselves; the shell prompt then starts clean.
      prompt.println();
      prompt.flush();
      return false;
    }
    String answer = line.trim();
    return answer.equals("y") || answer.equals("Y");
  }
}
