package io.iechor.prune.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Where to look for the engine, in order: {@code IECHOR_HOST}, {@code DOCKER_HOST}, the current
 * context, then the well-known sockets.
 *
 * <p>A place the user configured (a host variable, a context) is the only one tried: falling back
 * to some other engine would prune the wrong one. Only when nothing is configured are the
 * well-known sockets tried in turn.
 */
final class Discovery {
  private final UnaryOperator<String> env;
  private final Path home;

  Discovery(UnaryOperator<String> env, Path home) {
    this.env = env;
    this.home = home;
  }

  static Discovery fromSystem() {
    // $HOME first, as the docker CLI does; user.home comes from the password database instead.
    String home = System.getenv("HOME");
    return new Discovery(System::getenv, Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home")));
  }

  /** TLS certificates for TCP endpoints, when IECHOR_TLS_VERIFY or DOCKER_TLS_VERIFY is set. */
  Path tlsDirectory() {
    if (!isSet("IECHOR_TLS_VERIFY") && !isSet("DOCKER_TLS_VERIFY")) {
      return null;
    }
    String dir = isSet("IECHOR_CERT_PATH") ? env.apply("IECHOR_CERT_PATH")
        : isSet("DOCKER_CERT_PATH") ? env.apply("DOCKER_CERT_PATH") : null;
    return dir != null ? Path.of(dir) : configDir();
  }

  /** An endpoint given explicitly by the caller, with its TLS directory or {@code null}. */
  Candidate explicit(String endpoint, Path tls) {
    return Candidate.of(endpoint, "given endpoint", tls != null ? tls : tlsDirectory());
  }

  List<Candidate> candidates() {
    for (String var : List.of("IECHOR_HOST", "DOCKER_HOST")) {
      if (isSet(var)) {
        return List.of(Candidate.of(env.apply(var).trim(), var, tlsDirectory()));
      }
    }
    Candidate context = currentContext();
    if (context != null) {
      return List.of(context);
    }
    return sockets();
  }

  private Candidate currentContext() {
    String name;
    String source;
    if (isSet("DOCKER_CONTEXT")) {
      name = env.apply("DOCKER_CONTEXT").trim();
      source = "DOCKER_CONTEXT";
    } else {
      Object cfg = readJson(configDir().resolve("config.json"));
      Object current = SmallJson.path(cfg, "currentContext");
      if (!(current instanceof String s) || s.isBlank()) {
        return null;
      }
      name = s;
      source = "currentContext in " + configDir().resolve("config.json");
    }
    if (name.equals("default")) {
      return null;
    }
    Path metaRoot = configDir().resolve("contexts").resolve("meta");
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(metaRoot)) {
      for (Path dir : dirs) {
        Object meta = readJson(dir.resolve("meta.json"));
        if (name.equals(SmallJson.path(meta, "Name"))) {
          Object host = SmallJson.path(meta, "Endpoints", "docker", "Host");
          if (!(host instanceof String h) || h.isBlank()) {
            return Candidate.missing("context " + name, source, "the context has no docker endpoint");
          }
          Path tls = configDir().resolve("contexts").resolve("tls").resolve(dir.getFileName()).resolve("docker");
          return Candidate.of(h, "context '" + name + "' (" + source + ")",
              Files.isRegularFile(tls.resolve("ca.pem")) ? tls : tlsDirectory());
        }
      }
    } catch (IOException e) {
      // no contexts directory: reported below
    }
    return Candidate.missing("context " + name, source, "no such context in " + metaRoot);
  }

  private List<Candidate> sockets() {
    List<Candidate> out = new ArrayList<>();
    String xdg = isSet("XDG_RUNTIME_DIR") ? env.apply("XDG_RUNTIME_DIR") : null;
    socket(out, Path.of("/var/run/iechor.sock"));
    socket(out, Path.of("/var/run/docker.sock"));
    if (xdg != null) {
      socket(out, Path.of(xdg, "docker.sock"));
    }
    socket(out, home.resolve(".docker/run/docker.sock"));
    socket(out, Path.of("/run/podman/podman.sock"));
    if (xdg != null) {
      socket(out, Path.of(xdg, "podman", "podman.sock"));
    }
    return out;
  }

  private static void socket(List<Candidate> out, Path path) {
    String endpoint = "unix://" + path;
    if (Files.exists(path)) {
      out.add(Candidate.of(endpoint, "default socket", null));
    } else {
      out.add(Candidate.missing(endpoint, "default socket", "no such socket"));
    }
  }

  private Path configDir() {
    return isSet("DOCKER_CONFIG") ? Path.of(env.apply("DOCKER_CONFIG")) : home.resolve(".docker");
  }

  private boolean isSet(String var) {
    String v = env.apply(var);
    return v != null && !v.isBlank();
  }

  private static Object readJson(Path file) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (InputStream in = Files.newInputStream(file)) {
      return SmallJson.read(in);
    } catch (IOException e) {
      return null;
    }
  }
}
