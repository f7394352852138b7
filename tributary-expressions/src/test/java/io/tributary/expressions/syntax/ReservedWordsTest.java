package io.tributary.expressions.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReservedWordsTest {
  @Test
  void theDeveloperGuidesList() {
    assertThat(ReservedWords.size()).isEqualTo(573);
    assertThat(ReservedWords.contains("status")).isTrue();
    assertThat(ReservedWords.contains("Name")).isTrue();
    assertThat(ReservedWords.contains("ABORT")).isTrue();
    assertThat(ReservedWords.contains("ZONE")).isTrue();
    assertThat(ReservedWords.contains("size")).isTrue();
    assertThat(ReservedWords.contains("username")).isFalse();
    assertThat(ReservedWords.contains("begins_with")).isFalse();
  }
}
