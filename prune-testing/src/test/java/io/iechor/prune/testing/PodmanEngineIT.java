package io.iechor.prune.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The podman API service as a test engine. */
class PodmanEngineIT {

    @Test
    void podmanEngineMakesFixturesAndCleansUp() {
        TestEngine engine = TestEngine.startPodman();
        Path directory = engine.directory().orElseThrow();
        try {
            Fixtures fx = engine.fixtures();
            assertThat(engine.isPodman()).isTrue();
            assertThat(engine.server()).startsWith("Libpod");
            assertThat(engine.apiVersion()).matches("1\\.\\d+");

            String dangling = fx.danglingImage("podman/retag:1", "env=ci");
            String created = fx.container("pm-created").created();
            String exited = fx.container("pm-exited").withLabel("env", "ci").exited();
            String running = fx.container("pm-running").withVolume("pm-vol", "/data").running();
            String anonymous = fx.anonymousVolume();
            fx.network("pm-net", "env=ci");

            assertThat(fx.imageTags()).contains("podman/retag:1", fx.baseImage());
            assertThat(fx.imageIds()).contains(dangling);
            assertThat(fx.containerIds()).contains(created, exited, running);
            assertThat(fx.containerNames("status=running")).containsExactly("pm-running");
            assertThat(fx.containerNames("label=env=ci")).containsExactly("pm-exited");
            assertThat(fx.volumeNames()).contains("pm-vol", anonymous);
            assertThat(fx.networkNames("label=env=ci")).containsExactly("pm-net");
            assertThatThrownBy(() -> fx.buildWithCache("podman/built:1"))
                    .isInstanceOf(UnsupportedOperationException.class);
        } finally {
            engine.close();
        }
        // conmon keeps containers alive without the service; close must have removed them.
        assertThat(ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(directory.toString())))
                .isEmpty();
        assertThat(HostCleanup.mountsUnder(directory)).isEmpty();
        assertThat(directory).doesNotExist();
    }
}
