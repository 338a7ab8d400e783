package io.iechor.prune.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Every fixture kind, made on the shared engine and seen in the listings. */
class FixturesIT {

    private final TestEngine engine = TestEngine.shared();
    private final Fixtures fx = engine.fixtures();

    @Test
    void engineAnswersWithItsApiVersion() {
        assertThat(engine.apiVersion()).matches("1\\.\\d+");
        assertThat(engine.cli().run("version", "--format", "{{.Server.APIVersion}}")).isEqualTo(engine.apiVersion());
        assertThat(engine.runLabel()).startsWith("iechor-test-run=").endsWith(engine.runId());
    }

    @Test
    void imagesTaggedDanglingAndOld() {
        String tag = fx.name("fx/tagged") + ":1";
        String tagged = fx.image(tag, "env=ci", "keep=true");
        String retag = fx.name("fx/retag") + ":1";
        String dangling = fx.danglingImage(retag, "env=ci");
        String oldTag = fx.name("fx/old") + ":1";
        String old = fx.oldImage(oldTag, Instant.parse("2020-01-01T00:00:00Z"), "age=old");

        assertThat(fx.imageTags()).contains(tag, retag, oldTag);
        assertThat(fx.imageIds()).contains(tagged, dangling, old);
        assertThat(fx.imageIds("dangling=true")).contains(dangling).doesNotContain(tagged, old);
        assertThat(fx.imageIds("label=env=ci")).contains(tagged, dangling).doesNotContain(old);
        assertThat(fx.imageIds("label=" + engine.runLabel())).contains(tagged, dangling, old);
        assertThat(engine.cli().run("image", "inspect", "--format", "{{.Created}}", old)).startsWith("2020-01-01");
        assertThat(fx.imageExists(tag)).isTrue();
        assertThat(fx.imageExists(fx.name("fx/never") + ":1")).isFalse();
    }

    @Test
    void containersInEachState() {
        String network = fx.name("fx-net");
        fx.network(network);
        String volume = fx.volume(fx.name("fx-vol"));
        String created = fx.container(fx.name("fx-created")).withLabel("env", "ci").created();
        String exited = fx.container(fx.name("fx-exited")).withVolume(volume, "/data").exited();
        String running = fx.container(fx.name("fx-running")).onNetwork(network).running();

        assertThat(state(created)).isEqualTo("created");
        assertThat(state(exited)).isEqualTo("exited 0");
        assertThat(state(running)).isEqualTo("running 0");
        assertThat(fx.containerIds()).contains(created, exited, running);
        assertThat(fx.containerIds("status=exited")).contains(exited).doesNotContain(created, running);
        assertThat(fx.containerIds("label=env=ci")).contains(created).doesNotContain(exited, running);
        assertThat(fx.containerIds("label=" + engine.runLabel())).contains(created, exited, running);
        assertThat(engine.cli().run("container", "inspect", "--format", "{{range .Mounts}}{{.Name}}{{end}}", exited))
                .isEqualTo(volume);
        assertThat(engine.cli().run("container", "inspect", "--format",
                "{{range $name, $_ := .NetworkSettings.Networks}}{{$name}}{{end}}", running)).isEqualTo(network);
        assertThat(fx.containerExists(running)).isTrue();
    }

    @Test
    void namedAndAnonymousVolumes() {
        String named = fx.volume(fx.name("fx-vol"), "env=ci");
        String anonymous = fx.anonymousVolume("anon=1");

        assertThat(anonymous).matches("[0-9a-f]{64}");
        assertThat(fx.volumeNames()).contains(named, anonymous);
        assertThat(fx.volumeNames("label=env=ci")).contains(named).doesNotContain(anonymous);
        assertThat(fx.volumeNames("label=" + engine.runLabel())).contains(named, anonymous);
        assertThat(fx.volumeExists(named)).isTrue();
    }

    @Test
    void networksWithLabels() {
        String name = fx.name("fx-net");
        String id = fx.network(name, "env=ci");

        assertThat(fx.networkNames()).contains(name);
        assertThat(fx.networkNames("label=env=ci")).contains(name);
        assertThat(fx.networkExists(id)).isTrue();
        assertThat(fx.networkExists(fx.name("fx-no-net"))).isFalse();
    }

    @Test
    void buildWithCacheLeavesCacheRecords() {
        String tag = fx.name("fx/built") + ":1";
        if (engine.isPodman()) {
            assertThatThrownBy(() -> fx.buildWithCache(tag)).isInstanceOf(UnsupportedOperationException.class);
            return;
        }
        int before = fx.buildCacheRecords();
        String id = fx.buildWithCache(tag);

        assertThat(fx.imageIds()).contains(id);
        assertThat(fx.buildCacheRecords()).isGreaterThan(before);
    }

    @Test
    void rejectsLabelsTheImportCannotCarry() {
        assertThatThrownBy(() -> fx.volume(fx.name("fx-vol"), "a b=c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fx.volume(fx.name("fx-vol"), "novalue")).isInstanceOf(IllegalArgumentException.class);
    }

    private String state(String container) {
        String status = engine.cli().run("container", "inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}",
                container);
        return status.startsWith("created") ? "created" : status;
    }
}
