package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void servingIsTheDefault() {
    assertThat(Main.withDefaultCommand(new String[0])).containsExactly("serve");
    assertThat(Main.withDefaultCommand(new String[] {"-port", "0", "-inMemory"}))
        .containsExactly("serve", "-port", "0", "-inMemory");
    assertThat(Main.withDefaultCommand(new String[] {"serve", "--in-memory"}))
        .containsExactly("serve", "--in-memory");
    assertThat(Main.withDefaultCommand(new String[] {"help"})).containsExactly("help");
  }

  @Test
  void serveIsASubcommand() {
    assertThat(Main.commandLine().getSubcommands()).containsKeys("serve", "help");
  }
}
