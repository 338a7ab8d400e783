package io.iechor.prune;

import java.util.Objects;

/**
 * The engine a request went to, as learned from its {@code /_ping} answer.
 *
 * @param endpoint the address used, e.g. {@code unix:///var/run/docker.sock}
 * @param apiVersion the API version spoken: the lower of this library's and the engine's
 * @param engineApiVersion the highest API version the engine offers
 * @param server the engine's {@code Server} header, e.g. {@code Docker/20.10.24 (linux)}; empty if none
 * @param podman whether the engine is Podman's Docker-compatible service
 */
public record EngineInfo(String endpoint, ApiVersion apiVersion, ApiVersion engineApiVersion, String server,
    boolean podman) {

  public EngineInfo {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(engineApiVersion, "engineApiVersion");
    Objects.requireNonNull(server, "server");
  }
}
