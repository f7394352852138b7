package io.tributary.triggers.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import org.junit.jupiter.api.Test;

/** The examples of CloudWatch Logs' guide to filter patterns for unstructured events. */
class FilterPatternTest {
  private static final String[] EVENTS = {
    "[ERROR 400] BAD REQUEST",
    "[ERROR 401] UNAUTHORIZED REQUEST",
    "[ERROR 419] MISSING ARGUMENTS",
    "[ERROR 420] INVALID ARGUMENTS",
    "[INFO] Request succeeded",
    "[WARN] Slow response: INTERNAL SERVER ERROR avoided",
  };

  private static String[] matching(String pattern) {
    FilterPattern parsed = FilterPattern.parse(pattern);
    return java.util.Arrays.stream(EVENTS).filter(parsed::matches).toArray(String[]::new);
  }

  @Test
  void anEmptyPatternMatchesEverything() {
    assertThat(matching("")).containsExactly(EVENTS);
    assertThat(matching("   ")).containsExactly(EVENTS);
    assertThat(matching(null)).containsExactly(EVENTS);
  }

  @Test
  void aTermMatchesEventsContainingIt() {
    assertThat(matching("ERROR"))
        .containsExactly(EVENTS[0], EVENTS[1], EVENTS[2], EVENTS[3], EVENTS[5]);
  }

  @Test
  void termsAreCaseSensitive() {
    assertThat(matching("error")).isEmpty();
    assertThat(matching("Request")).containsExactly(EVENTS[4]);
  }

  @Test
  void everyTermMustMatch() {
    assertThat(matching("ERROR ARGUMENTS")).containsExactly(EVENTS[2], EVENTS[3]);
  }

  @Test
  void questionMarksMatchAnyOfTheirTerms() {
    assertThat(matching("?INFO ?WARN")).containsExactly(EVENTS[4], EVENTS[5]);
    assertThat(matching("?400 ?401 REQUEST")).containsExactly(EVENTS[0], EVENTS[1]);
  }

  @Test
  void aMinusExcludesEventsWithTheTerm() {
    assertThat(matching("ERROR -ARGUMENTS -SERVER")).containsExactly(EVENTS[0], EVENTS[1]);
    assertThat(matching("-\"ERROR 4\"")).containsExactly(EVENTS[4], EVENTS[5]);
  }

  @Test
  void aQuotedPhraseMatchesExactly() {
    assertThat(matching("\"INTERNAL SERVER ERROR\"")).containsExactly(EVENTS[5]);
    assertThat(matching("\"SERVER INTERNAL\"")).isEmpty();
    assertThat(matching("\"[ERROR 419]\"")).containsExactly(EVENTS[2]);
    assertThat(FilterPattern.parse("\"say \\\"hi\\\"\"").matches("they say \"hi\"")).isTrue();
  }

  @Test
  void percentSignsHoldARegularExpression() {
    assertThat(matching("%ERROR 4[01][019]\\]%")).containsExactly(EVENTS[0], EVENTS[1], EVENTS[2]);
    assertThat(matching("%^\\[INFO%")).containsExactly(EVENTS[4]);
  }

  @Test
  void unreadablePatternsAreInvalidParameters() {
    assertInvalid(
        "\"no end", "Invalid filter pattern: a quoted term has no closing double quote: \"no end");
    assertInvalid(
        "%no end", "Invalid filter pattern: a regular expression has no closing %: %no end");
    assertInvalid("%[%", "Invalid filter pattern: the regular expression cannot be read: %[%");
  }

  @Test
  void jsonAndSpaceDelimitedPatternsAreRefusedForNow() {
    assertThatThrownBy(() -> FilterPattern.parse("{ $.level = \"ERROR\" }"))
        .hasMessageContaining("JSON filter patterns are not supported");
    assertThatThrownBy(() -> FilterPattern.parse("[ip, user, ...]"))
        .hasMessageContaining("space-delimited filter patterns are not supported");
  }

  private static void assertInvalid(String pattern, String message) {
    assertThatThrownBy(() -> FilterPattern.parse(pattern))
        .isInstanceOfSatisfying(
            DynamoDbException.class,
            e -> assertThat(e.type()).isEqualTo(ErrorType.LOGS_INVALID_PARAMETER))
        .hasMessage(message);
  }
}
