package io.tributary.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class RequestEncodingTest {
  private static final byte[] JSON = "{\"TableName\":\"t\"}".getBytes();
  private static final int LIMIT = 16 * 1024 * 1024;

  @Test
  void noCodingLeavesTheBodyAlone() {
    assertThat(RequestEncoding.decode(null, JSON, LIMIT)).isSameAs(JSON);
    assertThat(RequestEncoding.decode("identity", JSON, LIMIT)).isSameAs(JSON);
  }

  @Test
  void gzipIsUndone() {
    assertThat(RequestEncoding.decode("gzip", gzip(JSON), LIMIT)).isEqualTo(JSON);
    assertThat(RequestEncoding.decode("GZIP", gzip(JSON), LIMIT)).isEqualTo(JSON);
  }

  @Test
  void concatenatedGzipMembersAreOneBody() {
    byte[] first = gzip(Arrays.copyOfRange(JSON, 0, 5));
    byte[] second = gzip(Arrays.copyOfRange(JSON, 5, JSON.length));
    assertThat(RequestEncoding.decode("gzip", concat(first, second), LIMIT)).isEqualTo(JSON);
  }

  @Test
  void junkAfterTheGzipIsIgnoredAsDynamoDbIgnoresIt() {
    assertThat(RequestEncoding.decode("gzip", concat(gzip(JSON), "junk".getBytes()), LIMIT))
        .isEqualTo(JSON);
  }

  @Test
  void bodiesThatAreNotGzipAreA500() {
    byte[] gzipped = gzip(JSON);
    assertInternalServerError("gzip", JSON);
    assertInternalServerError("gzip", new byte[0]);
    assertInternalServerError("gzip", Arrays.copyOf(gzipped, gzipped.length - 1));
    byte[] badChecksum = gzipped.clone();
    badChecksum[badChecksum.length - 6] ^= 1;
    assertInternalServerError("gzip", badChecksum);
  }

  @Test
  void unknownCodingsAreA500() {
    assertInternalServerError("garbage", JSON);
    assertInternalServerError("deflate", JSON);
    assertInternalServerError("br", JSON);
  }

  @Test
  void decompressedBodiesOverTheLimitAreA413() {
    byte[] bomb = gzip(new byte[1024 * 1024]);
    assertThat(RequestEncoding.decode("gzip", bomb, 1024 * 1024)).hasSize(1024 * 1024);
    assertThatThrownBy(() -> RequestEncoding.decode("gzip", bomb, 1024 * 1024 - 1))
        .isInstanceOfSatisfying(
            DynamoDbException.class,
            e -> assertThat(e.type()).isEqualTo(ErrorType.REQUEST_ENTITY_TOO_LARGE));
  }

  private static void assertInternalServerError(String coding, byte[] body) {
    assertThatThrownBy(() -> RequestEncoding.decode(coding, body, LIMIT))
        .isInstanceOfSatisfying(
            DynamoDbException.class,
            e -> {
              assertThat(e.type()).isEqualTo(ErrorType.INTERNAL_SERVER_ERROR);
              assertThat(e.getMessage()).isEqualTo("Internal server error");
            });
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
