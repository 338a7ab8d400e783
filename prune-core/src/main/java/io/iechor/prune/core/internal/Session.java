package io.iechor.prune.core.internal;

import io.iechor.prune.EngineInfo;
import io.iechor.prune.spi.Transport;

/** A transport to an engine that answered, and what its ping said. */
record Session(Transport transport, EngineInfo info) {
}
