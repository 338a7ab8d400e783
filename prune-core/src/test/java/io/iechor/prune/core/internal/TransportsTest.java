package io.iechor.prune.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iechor.prune.PruneException;
import io.iechor.prune.spi.Transport;
import io.iechor.prune.spi.TransportOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Choosing a transport by the endpoint's scheme, from the providers on the class path. */
class TransportsTest {
  private static final TransportOptions OPTIONS = new TransportOptions(Duration.ofSeconds(1), Duration.ofSeconds(1),
      null);
  private final Transports transports = Transports.fromClassPath();

  @Test
  void tcpAndHttpAreBuiltIn() {
    for (String endpoint : new String[] {"tcp://127.0.0.1:2375", "http://localhost:2375", "TCP://127.0.0.1:1"}) {
      try (Transport t = transports.open(endpoint, OPTIONS)) {
        assertThat(t.endpoint()).isEqualToIgnoringCase(endpoint);
      }
    }
  }

  @Test
  void anUnknownSchemeIsNamedWithTheOnesAvailable() {
    assertThatThrownBy(() -> transports.open("foo://x", OPTIONS))
        .isExactlyInstanceOf(PruneException.class)
        .hasMessageContaining("'foo'")
        .hasMessageContaining("tcp");
  }

  @Test
  void unixWithoutItsModuleSaysWhichDependencyToAdd() {
    assertThatThrownBy(() -> transports.open("unix:///var/run/docker.sock", OPTIONS))
        .isInstanceOf(PruneException.class)
        .hasMessageContaining("'unix'")
        .hasMessageContaining("prune-transport-unix");
  }

  @Test
  void namedPipesAreNotSupported() {
    assertThatThrownBy(() -> transports.open("npipe:////./pipe/docker_engine", OPTIONS))
        .isInstanceOf(PruneException.class)
        .hasMessageContaining("named pipes");
  }

  @Test
  void anAddressNeedsAScheme() {
    assertThatThrownBy(() -> transports.open("/var/run/docker.sock", OPTIONS))
        .isInstanceOf(PruneException.class)
        .hasMessageContaining("scheme")
        .hasMessageContaining("unix:///var/run/docker.sock");
  }

  @Test
  void aMalformedAddressIsRefused() {
    assertThatThrownBy(() -> transports.open("tcp://a b:2375", OPTIONS))
        .isInstanceOf(PruneException.class)
        .hasMessageContaining("not a valid address");
  }

  @Test
  void aTcpAddressNeedsAHost() {
    assertThatThrownBy(() -> transports.open("tcp:///no-host", OPTIONS))
        .isInstanceOf(PruneException.class)
        .hasMessageContaining("No host");
  }
}
