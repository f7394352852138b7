package io.tributary.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContentTypesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/x-amz-json-1.0",
        "application/x-amz-json-1.1",
        "application/json",
        "application/json;",
        "  application/json  ;   asfd",
        "application/json;charset=utf-8",
        "APPLICATION/X-AMZ-JSON-1.0"
      })
  void jsonTypesAreAccepted(String contentType) {
    assertThat(ContentTypes.accepted(contentType)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "whatever", "application/jsonasdf", "text/plain", "application/xml"})
  void otherTypesAreNot(String contentType) {
    assertThat(ContentTypes.accepted(contentType)).isFalse();
    assertThat(ContentTypes.accepted(null)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "application/x-amz-json-1.0, application/x-amz-json-1.0",
    "application/x-amz-json-1.0;blahblah, application/x-amz-json-1.0",
    "application/x-amz-json-1.1, application/x-amz-json-1.1",
    "application/json, application/json",
    "application/json;charset=asfdsaf, application/json",
  })
  void theAnswerHasTheTypeOfTheRequest(String request, String response) {
    assertThat(ContentTypes.responseType(request)).isEqualTo(response);
  }

  @org.junit.jupiter.api.Test
  void withoutAContentTypeTheAnswerIsApplicationJson() {
    assertThat(ContentTypes.responseType(null)).isEqualTo("application/json");
  }
}
