package io.iechor.prune.testing;

import java.util.List;

/** Checks {@code key=value} label arguments before they reach the CLI. */
final class Labels {

    private Labels() {
    }

    /**
     * Returns the labels unchanged if each is {@code key=value} without whitespace or quotes.
     * Images get their labels through {@code docker import --change 'LABEL k=v'}, which is parsed
     * as a Dockerfile line, so such characters would need quoting that podman parses differently.
     */
    static List<String> check(String... labels) {
        for (String label : labels) {
            int equals = label.indexOf('=');
            if (equals <= 0 || label.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'')) {
                throw new IllegalArgumentException("a label must look like key=value, without whitespace or quotes: "
                        + label);
            }
        }
        return List.of(labels);
    }
}
