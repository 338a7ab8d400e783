package io.iechor.prune.it;

import io.iechor.prune.PruneClient;
import io.iechor.prune.PruneException;
import io.iechor.prune.Pruner;

/** Connects to the endpoint in {@code args[0]} and prints the engine, or the error message. */
public final class ConnectProbe {
  private ConnectProbe() {
  }

  public static void main(String[] args) {
    try (PruneClient client = Pruner.connect(args[0])) {
      System.out.println("connected: " + client.engine());
    } catch (PruneException e) {
      System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }
}
