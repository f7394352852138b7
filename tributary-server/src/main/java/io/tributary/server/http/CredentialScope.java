package io.tributary.server.http;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The region a request is for, read from its SigV4 credential scope ({@code
 * Credential=AKID/20240101/eu-west-1/dynamodb/aws4_request}) in the Authorization header, or in the
 * {@code X-Amz-Credential} query parameter of a presigned request. Tables live per region, as in
 * DynamoDB. Signatures are not checked yet, so a request without a scope, or with one that does not
 * name a plausible region, is served in the default region rather than refused.
 */
final class CredentialScope {
  static final String DEFAULT_REGION = "us-east-1";
  private static final String CREDENTIAL = "Credential=";
  private static final Pattern REGION = Pattern.compile("[A-Za-z0-9-]{1,64}");

  private CredentialScope() {}

  /** The region of a request, given its Authorization header and URI (either may be null). */
  static String region(String authorization, String uri) {
    String credential = authorization == null ? null : credentialFromHeader(authorization);
    if (credential == null && uri != null && uri.contains("X-Amz-Credential")) {
      credential = credentialFromQuery(uri);
    }
    if (credential == null) {
      return DEFAULT_REGION;
    }
    // key id / date / region / service / terminator
    String[] parts = credential.split("/", -1);
    if (parts.length < 3 || !REGION.matcher(parts[2]).matches()) {
      return DEFAULT_REGION;
    }
    return parts[2];
  }

  private static String credentialFromQuery(String uri) {
    try {
      List<String> values =
          new QueryStringDecoder(uri).parameters().getOrDefault("X-Amz-Credential", List.of());
      return values.isEmpty() ? null : values.get(0);
    } catch (IllegalArgumentException malformedEscape) {
      return null;
    }
  }

  /** The value of {@code Credential=} in "AWS4-HMAC-SHA256 Credential=..., SignedHeaders=...". */
  private static String credentialFromHeader(String authorization) {
    int start = authorization.indexOf(CREDENTIAL);
    if (start < 0) {
      return null;
    }
    start += CREDENTIAL.length();
    int end = start;
    while (end < authorization.length()
        && authorization.charAt(end) != ','
        && !Character.isWhitespace(authorization.charAt(end))) {
      end++;
    }
    return authorization.substring(start, end);
  }
}
