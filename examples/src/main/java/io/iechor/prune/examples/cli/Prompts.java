package io.iechor.prune.examples.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The confirmation texts, worded as in the user guide ({@code prune-guide.md}). Each ends with
 * the question; {@link Terminal#confirm} adds {@code " [y/N] "}.
 *
 * <p>Where the engine decides what goes, the text follows the engine rather than the guide, so
 * that the prompt never promises less than is removed or more: from API 1.42 a volume prune
 * without {@code -a} removes only anonymous volumes, and says so.
 */
final class Prompts {
  static final String QUESTION = "Are you sure you want to continue?";
  /** The guide indents the system prune bullets by eight spaces. */
  private static final String INDENT = "        ";

  static final String STOPPED_CONTAINERS = "all stopped containers";
  static final String UNUSED_NETWORKS = "all networks not used by at least one container";
  static final String UNUSED_VOLUMES = "all volumes not used by at least one container";
  static final String UNUSED_ANONYMOUS_VOLUMES = "all anonymous volumes not used by at least one container";
  static final String DANGLING_IMAGES = "all dangling images";
  static final String UNUSED_IMAGES = "all images without at least one container associated to them";
  static final String UNUSED_BUILD_CACHE = "unused build cache";
  static final String ALL_BUILD_CACHE = "all build cache";

  private Prompts() {
  }

  static String containers() {
    return single(STOPPED_CONTAINERS);
  }

  static String images(boolean all) {
    return single(all ? UNUSED_IMAGES : DANGLING_IMAGES);
  }

  /** @param anonymousOnly whether the engine will keep named volumes (API 1.42+ without -a) */
  static String volumes(boolean anonymousOnly) {
    return single(anonymousOnly ? UNUSED_ANONYMOUS_VOLUMES : UNUSED_VOLUMES);
  }

  static String networks() {
    return single(UNUSED_NETWORKS);
  }

  static String buildCache(boolean all) {
    return single(all ? ALL_BUILD_CACHE : "all dangling build cache");
  }

  /**
   * The system prune's list.
   *
   * @param items what will go, in the order it is pruned (see {@link #systemItems})
   * @param filters the {@code label}, {@code label!} and {@code until} filters in effect, as
   *     {@code name=value}; listed sorted, under their own heading, when there are any
   */
  static String system(List<String> items, List<String> filters) {
    StringBuilder b = new StringBuilder("WARNING! This will remove:\n");
    items.forEach(item -> b.append(INDENT).append("- ").append(item).append('\n'));
    if (!filters.isEmpty()) {
      b.append('\n').append(INDENT).append("Items to be pruned will be filtered with:\n");
      filters.stream().sorted().forEach(f -> b.append(INDENT).append("- ").append(f).append('\n'));
    }
    return b.append('\n').append(QUESTION).toString();
  }

  /**
   * The bullets of a system prune, in the order the kinds are pruned.
   *
   * @param volumes {@code --volumes}
   * @param anonymousVolumesOnly whether the engine keeps named volumes (API 1.42+)
   * @param all {@code -a}: every unused image and all build cache
   * @param buildCache whether the build cache is pruned at all (not with a {@code label}
   *     filter, which no build cache can match, nor on engines without a build cache)
   */
  static List<String> systemItems(boolean volumes, boolean anonymousVolumesOnly, boolean all, boolean buildCache) {
    List<String> items = new ArrayList<>(List.of(STOPPED_CONTAINERS, UNUSED_NETWORKS));
    if (volumes) {
      items.add(anonymousVolumesOnly ? UNUSED_ANONYMOUS_VOLUMES : UNUSED_VOLUMES);
    }
    items.add(all ? UNUSED_IMAGES : DANGLING_IMAGES);
    if (buildCache) {
      items.add(all ? ALL_BUILD_CACHE : UNUSED_BUILD_CACHE);
    }
    return items;
  }

  private static String single(String what) {
    return "WARNING! This will remove " + what + ".\n" + QUESTION;
  }
}
