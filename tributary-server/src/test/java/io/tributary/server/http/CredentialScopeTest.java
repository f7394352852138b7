package io.tributary.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CredentialScopeTest {

  @Test
  void regionComesFromTheCredentialScopeOfTheAuthorizationHeader() {
    String authorization =
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/eu-west-1/dynamodb/aws4_request, "
            + "SignedHeaders=host;x-amz-date;x-amz-target, Signature=abc123";
    assertThat(CredentialScope.region(authorization, "/")).isEqualTo("eu-west-1");
  }

  @Test
  void credentialMayBeLastAndSeparatedBySpacesOnly() {
    String authorization =
        "AWS4-HMAC-SHA256 SignedHeaders=host Signature=abc "
            + "Credential=AK/20240101/ap-south-2/dynamodb/aws4_request";
    assertThat(CredentialScope.region(authorization, "/")).isEqualTo("ap-south-2");
  }

  @Test
  void withoutAuthorizationTheRegionIsUsEast1() {
    assertThat(CredentialScope.region(null, "/")).isEqualTo("us-east-1");
    assertThat(CredentialScope.region(null, null)).isEqualTo("us-east-1");
  }

  @Test
  void aScopeWithoutARegionFallsBackToTheDefault() {
    assertThat(CredentialScope.region("AWS4-HMAC-SHA256 Credential=AKID", "/"))
        .isEqualTo("us-east-1");
    assertThat(CredentialScope.region("AWS4-HMAC-SHA256 Credential=AKID/20240101//dynamodb/x", "/"))
        .isEqualTo("us-east-1");
    assertThat(CredentialScope.region("AWS4-HMAC-SHA256 Credential=A/2/bad_region!/d/x", "/"))
        .isEqualTo("us-east-1");
    assertThat(CredentialScope.region("Basic dXNlcjpwYXNz", "/")).isEqualTo("us-east-1");
  }

  @Test
  void presignedRequestsCarryTheScopeInTheQueryString() {
    String uri =
        "/?X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=AKID%2F20240101%2Fus-west-2%2Fdynamodb%2Faws4_request"
            + "&X-Amz-Date=20240101T000000Z";
    assertThat(CredentialScope.region(null, uri)).isEqualTo("us-west-2");
  }

  @Test
  void malformedQueryStringsAreIgnored() {
    assertThat(CredentialScope.region(null, "/?X-Amz-Credential=%zz")).isEqualTo("us-east-1");
  }

  @Test
  void theHeaderWinsOverTheQueryString() {
    String uri = "/?X-Amz-Credential=AKID%2F20240101%2Fus-west-2%2Fdynamodb%2Faws4_request";
    String authorization =
        "AWS4-HMAC-SHA256 Credential=AK/20240101/eu-central-1/dynamodb/aws4_request";
    assertThat(CredentialScope.region(authorization, uri)).isEqualTo("eu-central-1");
  }
}
