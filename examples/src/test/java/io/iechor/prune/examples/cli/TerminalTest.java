package io.iechor.prune.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Only {@code y} or {@code Y} confirms; anything else, or no input at all, is "no". */
class TerminalTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "'y\n'      | true",
      "'Y\n'      | true",
      "'  y  \n'  | true",
      "'y'        | true",
      "'n\n'      | false",
      "'\n'       | false",
      "'yes\n'    | false",
      "'N\n'      | false",
      "'x\ny\n'   | false",
      "''         | false",
  })
  void answers(String input, boolean confirmed) {
    StringWriter prompt = new StringWriter();
    Terminal t = new Terminal(new BufferedReader(new StringReader(input)), new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()));

    assertThat(t.confirm("WARNING! This will remove all stopped containers.\nAre you sure you want to continue?",
        new PrintWriter(prompt))).isEqualTo(confirmed);
    assertThat(prompt.toString()).startsWith("WARNING! This will remove all stopped containers.\n"
        + "Are you sure you want to continue? [y/N] ");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''     | 'Q? [y/N] \n'",
      "'n\n'  | 'Q? [y/N] '",
  })
  void endOfInputEndsThePromptLine(String input, String shown) {
    StringWriter prompt = new StringWriter();
    Terminal t = new Terminal(new BufferedReader(new StringReader(input)), new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()));

    t.confirm("Q?", new PrintWriter(prompt));

    assertThat(prompt.toString()).isEqualTo(shown);
  }
}
