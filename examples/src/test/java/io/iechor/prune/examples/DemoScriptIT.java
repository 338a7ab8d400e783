package io.iechor.prune.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/bin/demo} end to end: it starts its own engine, shows the guide's commands
 * removing garbage and sparing what is used or labelled {@code keep}, and leaves nothing behind
 * (no engine process, no directory).
 */
class DemoScriptIT {
  static final Path DEMO = Path.of(System.getProperty("examples.basedir", ".")).toAbsolutePath().resolve("bin/demo");

  @Test
  void demoRunsTheGuideOnAThrowawayEngineAndCleansUp(@TempDir Path tmp) throws IOException, InterruptedException {
    Path log = tmp.resolve("demo.log");
    Process p = new ProcessBuilder(DEMO.toString()).redirectErrorStream(true).redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("demo finished").isTrue();
    String out = Files.readString(log, Charset.defaultCharset());

    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains(
        "$ iechor image prune -f\nDeleted Images:\n",
        "$ iechor image prune -a -f --filter \"until=24h\"\nDeleted Images:\nuntagged: demo/old:2020\n",
        "$ iechor container prune -f --filter \"until=24h\"\nTotal reclaimed space: 0B\n",
        "$ iechor volume prune -f --filter \"label!=keep\"\nDeleted Volumes:\ncache-vol\n",
        "$ iechor network prune -f --filter \"label!=keep\"\nDeleted Networks:\nold-net\n",
        "$ iechor volume prune -f --filter \"until=24h\"\nError: volume prune does not support the until filter",
        "$ iechor system prune -a -f --volumes --filter \"label!=keep\"\n");
    // The last listing shows the survivors.
    String end = out.substring(out.lastIndexOf("$ docker ps -a"));
    assertThat(end).contains("keeper", "web", "demo/app:1", "demo/cache:1", "data-vol", "kept-vol", "kept-net",
        "used-net").doesNotContain("job-1", "demo/tool:1", "cache-vol", "old-net");

    Matcher engine = Pattern.compile("Stopping the private engine \\(dockerd pid (\\d+)\\) and deleting (\\S+)\n")
        .matcher(out);
    assertThat(engine.find()).as(out).isTrue();
    assertThat(ProcessHandle.of(Long.parseLong(engine.group(1))).filter(ProcessHandle::isAlive)).isEmpty();
    assertThat(Path.of(engine.group(2))).doesNotExist();
  }
}
