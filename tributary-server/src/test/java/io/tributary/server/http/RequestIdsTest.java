package io.tributary.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

  @Test
  void idsHaveDynamoDbsShape() {
    for (int i = 0; i < 1000; i++) {
      assertThat(RequestIds.next()).matches("[0-9A-V]{52}");
    }
  }

  @Test
  void idsDiffer() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      seen.add(RequestIds.next());
    }
    assertThat(seen).hasSize(10_000);
  }

  @Test
  void everyCharacterOfTheAlphabetTurnsUpInEveryPosition() {
    // Catches a generator that reuses bits or leaves positions constant.
    Set<String> positionsAndCharacters = new HashSet<>();
    for (int i = 0; i < 5_000; i++) {
      String id = RequestIds.next();
      for (int p = 0; p < id.length(); p++) {
        positionsAndCharacters.add(p + ":" + id.charAt(p));
      }
    }
    assertThat(positionsAndCharacters).hasSize(52 * 32);
  }
}
