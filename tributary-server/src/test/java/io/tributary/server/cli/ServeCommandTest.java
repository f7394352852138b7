package io.tributary.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.engine.EngineConfig;
import io.tributary.engine.stream.StreamSettings;
import io.tributary.server.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ServeCommandTest {

  private static ServerConfig parse(String... args) {
    ServeCommand command = new ServeCommand();
    new CommandLine(command).parseArgs(args);
    return command.config();
  }

  @Test
  void defaultsServeRocksDbInDataOnLocalhost8000() {
    ServerConfig config = parse();
    assertThat(config).isEqualTo(ServerConfig.defaults());
    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(8000);
    assertThat(config.storage())
        .isEqualTo(new ServerConfig.Storage.OnDisk(Path.of("./data"), false));
    assertThat(config.engine().accountId()).isEqualTo("000000000000");
    assertThat(config.engine().transientStatusDelay()).isZero();
    assertThat(config.corsOrigins()).containsExactly("*");
  }

  @Test
  void dynamoDbLocalFlagsMeanTheSameAsTributarysOwn() {
    assertThat(parse("-port", "0", "-inMemory")).isEqualTo(parse("--port", "0", "--in-memory"));
    assertThat(parse("-port", "0", "-inMemory"))
        .isEqualTo(
            ServerConfig.defaults().withPort(0).withStorage(new ServerConfig.Storage.InMemory()));
    assertThat(parse("-dbPath", "/tmp/x", "-sharedDb", "-cors", "http://a.test,http://b.test"))
        .isEqualTo(parse("--data-dir", "/tmp/x", "--cors", "http://a.test, http://b.test"));
    assertThat(parse("-delayTransientStatuses"))
        .isEqualTo(parse("--delay-transient-statuses", "5s"));
    assertThat(parse("-optimizeDbBeforeStartup", "-disableTelemetry")).isEqualTo(parse());
  }

  @Test
  void tributarysOwnOptions() {
    ServerConfig config =
        parse(
            "--host", "0.0.0.0",
            "--port", "9000",
            "--data-dir", "/var/lib/tributary",
            "--sync-writes",
            "--account-id", "123456789012",
            "--delay-transient-statuses", "750ms",
            "--cors", "http://a.example",
            "--item-collection-size-limit", "4096",
            "--stream-shard-max-age", "2s",
            "--stream-split-records", "50",
            "--stream-retention", "1h",
            "--no-throttling",
            "--ttl-sweep-interval", "250ms");
    assertThat(config)
        .isEqualTo(
            new ServerConfig(
                "0.0.0.0",
                9000,
                new ServerConfig.Storage.OnDisk(Path.of("/var/lib/tributary"), true),
                List.of("http://a.example"),
                new EngineConfig(
                    "123456789012",
                    Duration.ofMillis(750),
                    Duration.ofMillis(250),
                    4096,
                    new StreamSettings(Duration.ofSeconds(2), 50, Duration.ofHours(1)),
                    false)));
  }

  @Test
  void durationsReadAsPeopleWriteThem() {
    DurationConverter converter = new DurationConverter();
    assertThat(converter.convert("5")).isEqualTo(Duration.ofSeconds(5));
    assertThat(converter.convert("5s")).isEqualTo(Duration.ofSeconds(5));
    assertThat(converter.convert("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(converter.convert("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(converter.convert("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(converter.convert("PT1.5S")).isEqualTo(Duration.ofMillis(1500));
    assertThatThrownBy(() -> converter.convert("soon"))
        .isInstanceOf(CommandLine.TypeConversionException.class);
  }

  @Test
  void itemCollectionsMayBeLimitedForTests() {
    assertThat(parse().engine().itemCollectionSizeLimit()).isEqualTo(10L * 1024 * 1024 * 1024);
    assertThat(parse("--item-collection-size-limit", "2000").engine().itemCollectionSizeLimit())
        .isEqualTo(2000);
    assertThatThrownBy(() -> parse("--item-collection-size-limit", "0"))
        .hasMessageContaining("item collection size limit must be positive");
  }

  @Test
  void accountIdsMustBe12Digits() {
    assertThatThrownBy(() -> parse("--account-id", "1234"))
        .hasMessageContaining("account id must be 12 digits");
  }

  @Test
  void helpIsAvailableInBothSpellings() {
    ServeCommand command = new ServeCommand();
    CommandLine commandLine = new CommandLine(command);
    commandLine.parseArgs("-help");
    assertThat(commandLine.isUsageHelpRequested()).isTrue();
    commandLine = new CommandLine(new ServeCommand());
    commandLine.parseArgs("--help");
    assertThat(commandLine.isUsageHelpRequested()).isTrue();
  }
}
