package io.iechor.prune.examples.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.iechor.prune.BuildCachePrune;
import io.iechor.prune.ContainerPrune;
import io.iechor.prune.ImagePrune;
import io.iechor.prune.NetworkPrune;
import io.iechor.prune.ObjectKind;
import io.iechor.prune.SystemPrune;
import io.iechor.prune.VolumePrune;
import io.iechor.prune.plan.PlannedRemoval;
import io.iechor.prune.plan.PrunePlan;
import io.iechor.prune.report.ByteSize;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code --dry-run}: the library's plan of a prune, printed, with nothing removed and so no prompt.
 *
 * <pre>
 * Images that would be removed:
 *   1f2d3c4b5a69  &lt;none&gt;       3.051MB
 *   8e7d6c5b4a39  demo/tool:1  762.5kB
 *
 * Total reclaimable space: 3.814MB
 * Dry run: nothing was removed.
 * </pre>
 *
 * <p>One section per kind with something to remove, in the order a prune would remove them; sizes
 * as the engine counts them ({@code -} where it gives none), then the total and what the plan left
 * out. Network prune prints no total, as without {@code --dry-run}.
 */
final class DryRun {
  private static final Map<ObjectKind, String> HEADINGS = Map.of(
      ObjectKind.CONTAINERS, "Containers that would be removed:",
      ObjectKind.NETWORKS, "Networks that would be removed:",
      ObjectKind.VOLUMES, "Volumes that would be removed:",
      ObjectKind.IMAGES, "Images that would be removed:",
      ObjectKind.BUILD_CACHE, "Build cache objects that would be removed:");
  private static final List<ObjectKind> ORDER = List.of(ObjectKind.CONTAINERS, ObjectKind.NETWORKS,
      ObjectKind.VOLUMES, ObjectKind.IMAGES, ObjectKind.BUILD_CACHE);
  static final String NOTHING_REMOVED = "Dry run: nothing was removed.";

  private DryRun() {
  }

  /** The plan of whichever step the command built; each step type has its own {@code plan()}. */
  static PrunePlan plan(Object step) {
    if (step instanceof ContainerPrune s) {
      return s.plan();
    } else if (step instanceof ImagePrune s) {
      return s.plan();
    } else if (step instanceof VolumePrune s) {
      return s.plan();
    } else if (step instanceof NetworkPrune s) {
      return s.plan();
    } else if (step instanceof BuildCachePrune s) {
      return s.plan();
    } else if (step instanceof SystemPrune s) {
      return s.plan();
    }
    throw new IllegalArgumentException("not a prune step: " + step);
  }

  /** The plan as text; {@code total} is false for network prune, which has no sizes. */
  static String text(PrunePlan plan, boolean total) {
    StringBuilder b = new StringBuilder();
    for (ObjectKind kind : ORDER) {
      List<PlannedRemoval> removals = plan.removals(kind);
      if (!removals.isEmpty()) {
        b.append(HEADINGS.get(kind)).append('\n');
        table(removals).forEach(line -> b.append("  ").append(line).append('\n'));
        b.append('\n');
      }
    }
    if (plan.isEmpty()) {
      b.append("Nothing would be removed.\n");
    }
    plan.notes().forEach(n -> b.append("Note: ").append(n).append('\n'));
    if (total) {
      // Networks have no size at all; only objects whose size the engine did not give are "unknown".
      long unknown = plan.removals().stream().filter(r -> r.size().isEmpty() && r.kind() != ObjectKind.NETWORKS)
          .count();
      b.append("Total reclaimable space: ").append(ByteSize.format(plan.totalSize()))
          .append(unknown == 0 ? "" : " (and " + unknown + " object" + (unknown == 1 ? "" : "s")
              + " of unknown size)").append('\n');
    }
    return b.append(NOTHING_REMOVED).append('\n').toString();
  }

  /** Columns ID, names, size, padded to the widest cell of the section. */
  private static List<String> table(List<PlannedRemoval> removals) {
    List<String[]> rows = new ArrayList<>();
    int[] width = new int[2];
    for (PlannedRemoval r : removals) {
      String[] row = {shortId(r), names(r), r.size().isPresent() ? ByteSize.format(r.size().getAsLong()) : "-"};
      width[0] = Math.max(width[0], row[0].length());
      width[1] = Math.max(width[1], row[1].length());
      rows.add(row);
    }
    List<String> lines = new ArrayList<>();
    for (String[] row : rows) {
      String id = row[0].isEmpty() ? "" : pad(row[0], width[0]) + "  ";
      lines.add(id + pad(row[1], width[1]) + "  " + row[2]);
    }
    return lines;
  }

  /** The first 12 hex digits, as the CLI shows IDs; volumes are known by their name only. */
  private static String shortId(PlannedRemoval r) {
    if (r.kind() == ObjectKind.VOLUMES) {
      return "";
    }
    String id = r.id().startsWith("sha256:") ? r.id().substring(7) : r.id();
    return id.length() > 12 ? id.substring(0, 12) : id;
  }

  private static String names(PlannedRemoval r) {
    return r.names().isEmpty() ? "<none>" : String.join(", ", r.names());
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(width - s.length());
  }

  /**
   * The plan as JSON for scripts:
   * {@code {"dryRun":true,"removals":[{"kind":"image","id":"sha256:...","names":["app:1"],"size":123}],
   * "totalSize":123,"unknownSizes":0,"notes":[],"engine":{...}}}. A size the engine did not give
   * is {@code null}, not 0.
   */
  static String json(PrunePlan plan) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(w).useDefaultPrettyPrinter()) {
      g.writeStartObject();
      g.writeBooleanField("dryRun", true);
      g.writeArrayFieldStart("removals");
      for (PlannedRemoval r : plan.removals()) {
        g.writeStartObject();
        g.writeStringField("kind", r.kind().noun());
        g.writeStringField("id", r.id());
        g.writeArrayFieldStart("names");
        for (String n : r.names()) {
          g.writeString(n);
        }
        g.writeEndArray();
        g.writeFieldName("size");
        if (r.size().isPresent()) {
          g.writeNumber(r.size().getAsLong());
        } else {
          g.writeNull();
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeNumberField("totalSize", plan.totalSize());
      g.writeNumberField("unknownSizes", plan.unknownSizes());
      g.writeArrayFieldStart("notes");
      for (String n : plan.notes()) {
        g.writeString(n);
      }
      g.writeEndArray();
      g.writeObjectFieldStart("engine");
      g.writeStringField("endpoint", plan.engine().endpoint());
      g.writeStringField("apiVersion", plan.engine().apiVersion().toString());
      g.writeStringField("server", plan.engine().server());
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w + "\n";
  }
}
