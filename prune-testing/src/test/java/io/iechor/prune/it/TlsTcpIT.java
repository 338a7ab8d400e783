package io.iechor.prune.it;

import io.iechor.prune.PruneClient;
import io.iechor.prune.Pruner;
import io.iechor.prune.testing.TestEngine;

/**
 * The user guide's behaviours over TCP with TLS: the engine listens with {@code --tlsverify} and
 * certificates the harness generated, and the client presents its own.
 */
class TlsTcpIT extends RealEngineBehaviour {

  @Override
  PruneClient connect(TestEngine engine) {
    String tcp = engine.tcpEndpoint().orElseThrow(() -> new IllegalStateException("the engine has no TCP listener"));
    return Pruner.builder()
        .endpoint(tcp)
        .tls(engine.tlsCertDirectory().orElseThrow(() -> new IllegalStateException("the engine has no TLS")))
        .build();
  }
}
