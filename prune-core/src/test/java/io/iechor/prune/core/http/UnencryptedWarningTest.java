package io.iechor.prune.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.iechor.prune.spi.TransportOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plain {@code tcp://} to another machine is worth a warning; to this machine it is not. */
class UnencryptedWarningTest {
  private final Logger logger = Logger.getLogger(TcpTransportProvider.class.getName());
  private final List<LogRecord> records = new ArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  };
  private final TransportOptions plain = new TransportOptions(Duration.ofSeconds(1), Duration.ofSeconds(1), null);

  @BeforeEach
  void listen() {
    logger.addHandler(handler);
  }

  @AfterEach
  void stopListening() {
    logger.removeHandler(handler);
  }

  @Test
  void plainTcpToAnotherHostLogsAWarning() {
    // Opening does not connect: no traffic leaves this machine.
    new TcpTransportProvider().open(URI.create("tcp://10.20.30.40:2375"), plain).close();

    assertThat(records).singleElement().satisfies(r -> {
      assertThat(r.getLevel()).isEqualTo(Level.WARNING);
      assertThat(r.getMessage()).contains("not encrypted");
    });
  }

  @Test
  void plainTcpToLoopbackDoesNotWarn() {
    new TcpTransportProvider().open(URI.create("tcp://127.0.0.1:2375"), plain).close();
    new TcpTransportProvider().open(URI.create("tcp://localhost:2375"), plain).close();
    new TcpTransportProvider().open(URI.create("tcp://[::1]:2375"), plain).close();

    assertThat(records).isEmpty();
  }
}
