package io.iechor.prune.examples.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * One in-process run of the CLI with typed input and captured output.
 *
 * @param status the exit status
 * @param out everything written to stdout
 * @param err everything written to stderr
 */
record CliRun(int status, String out, String err) {

  /** Runs {@code args} with {@code input} on stdin ({@code ""} for end of input at once). */
  static CliRun run(String input, String... args) {
    Charset cs = Charset.defaultCharset();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = IechorCommand.run(args, new ByteArrayInputStream(input.getBytes(cs)), out, err);
    return new CliRun(status, out.toString(cs), err.toString(cs));
  }

  /** Runs {@code words} against the engine at {@code host}, given with {@code -H} in front. */
  static CliRun on(String host, String input, String... words) {
    String[] args = new String[words.length + 2];
    args[0] = "-H";
    args[1] = host;
    System.arraycopy(words, 0, args, 2, words.length);
    return run(input, args);
  }

  /**
   * Splits a command as a shell would for the user guide's examples: words separated by blanks,
   * double quotes grouping. A leading {@code iechor} is dropped.
   */
  static String[] words(String commandLine) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean inWord = false;
    for (char c : commandLine.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
        inWord = true;
      } else if (Character.isWhitespace(c) && !quoted) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("unbalanced quotes in " + commandLine);
    }
    if (inWord) {
      words.add(word.toString());
    }
    if (!words.isEmpty() && words.get(0).equals("iechor")) {
      words.remove(0);
    }
    return words.toArray(String[]::new);
  }

  /** The lines of stderr. */
  List<String> errLines() {
    return err.lines().toList();
  }
}
