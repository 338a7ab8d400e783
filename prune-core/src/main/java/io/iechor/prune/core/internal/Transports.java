package io.iechor.prune.core.internal;

import io.iechor.prune.PruneException;
import io.iechor.prune.spi.Transport;
import io.iechor.prune.spi.TransportOptions;
import io.iechor.prune.spi.TransportProvider;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Picks the transport for an endpoint by its URI scheme, from the providers on the class path. */
final class Transports {
  private final Map<String, TransportProvider> byScheme;

  Transports(Map<String, TransportProvider> byScheme) {
    this.byScheme = byScheme;
  }

  static Transports fromClassPath() {
    Map<String, TransportProvider> map = new TreeMap<>();
    for (TransportProvider p : ServiceLoader.load(TransportProvider.class, Transports.class.getClassLoader())) {
      for (String s : p.schemes()) {
        map.putIfAbsent(s.toLowerCase(Locale.ROOT), p);
      }
    }
    return new Transports(map);
  }

  /**
   * Opens a transport for the endpoint.
   *
   * @throws PruneException when the endpoint is malformed or its scheme unknown
   */
  Transport open(String endpoint, TransportOptions options) {
    URI uri = parse(endpoint);
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    TransportProvider p = byScheme.get(scheme);
    if (p == null) {
      String hint = scheme.equals("unix")
          ? " Add the dependency io.iechor:prune-transport-unix for unix:// sockets."
          : scheme.equals("npipe") ? " Windows named pipes are not supported." : "";
      throw new PruneException("Cannot connect to " + endpoint + ": no transport for the scheme '" + scheme
          + "' (available: " + String.join(", ", byScheme.keySet()) + ")." + hint);
    }
    try {
      return p.open(uri, options);
    } catch (IllegalArgumentException e) {
      throw new PruneException("Cannot connect to " + endpoint + ": " + e.getMessage(), e);
    }
  }

  static URI parse(String endpoint) {
    try {
      URI uri = new URI(endpoint.trim());
      if (uri.getScheme() == null) {
        throw new PruneException("Cannot connect to '" + endpoint + "': the address needs a scheme, e.g."
            + " unix:///var/run/docker.sock or tcp://host:2376");
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      throw new PruneException("Cannot connect to '" + endpoint + "': not a valid address (" + e.getMessage() + ")",
          e);
    }
  }
}
