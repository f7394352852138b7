package io.tributary.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Accept-Encoding cases measured against DynamoDB by ScyllaDB Alternator's
 * test_compressed_response.py ("none" = not compressed).
 */
class ResponseEncodingTest {
  private static final int BIG = 10_000;

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "identity | none",
        "'' | none",
        "br | none",
        "zstd | none",
        "compress | none",
        "x-gzip | none",
        "gzip | gzip",
        "deflate | deflate",
        "gzip, deflate | gzip",
        "br, identity, deflate, gzip | deflate",
        "GZIP, identity | gzip",
        "dog, gzip ,, cat | gzip",
        "gzip;q=0.8, deflate;q=0.5 | gzip",
        "br, gzip;q=0, deflate; q = 0.5 , identity;q=0 | deflate",
        "* | gzip",
        "*, deflate;q=0.5 | gzip",
        "*, deflate | deflate",
        "*, identity | gzip",
        "*, gzip;q=0.5 | deflate",
        "gzip ;q=0 | none",
        "identity;q=0 | none",
        "*;q=0 | none",
        "*;q=0.5,identity | gzip",
        "gzip;q=0.5,identity;q=0.8 | gzip",
        "br;q=0.8,identity;q=0.5,*;q=0 | none",
        "\"gzip\" | none",
        "gzip br | none",
        "gzip:q=1 | none",
        "deflate;q=0.5, gzip;q=31 | gzip",
        "gzip;q=31,deflate;q=51 | gzip",
        "deflate;q=0.5, gzip;q=0.2 | deflate",
        "deflate;q=0.5, gzip;q=1;q=0.2 | gzip",
        "deflate;q=0.5,gzip;q=0. | deflate",
        "deflate;q=0.5,gzip;q=0.x | gzip",
        "deflate;q=-0.5,gzip;q=0.2 | gzip",
        "gzip;nq=1;q=0  | none",
        "gzip;q=0, gzip;q=1, gzip;q=0 | gzip",
        "br,identity;q=0.5,gzip;q=0.0001 | gzip",
      })
  void choosesAsDynamoDbDoes(String acceptEncoding, String expected) {
    assertThat(name(ResponseEncoding.choose(acceptEncoding, BIG))).isEqualTo(expected);
  }

  @Test
  void bodiesUnder4KbAreNeverCompressed() {
    assertThat(ResponseEncoding.choose("gzip", 4095)).isEqualTo(ResponseEncoding.IDENTITY);
    assertThat(ResponseEncoding.choose("gzip", 4096)).isEqualTo(ResponseEncoding.GZIP);
    assertThat(ResponseEncoding.choose(null, BIG)).isEqualTo(ResponseEncoding.IDENTITY);
  }

  @Test
  void gzipAndDeflateRoundTrip() throws IOException {
    byte[] body = "{\"a\":\"".concat("xy".repeat(5000)).concat("\"}").getBytes();
    byte[] gzipped = ResponseEncoding.GZIP.encode(body);
    byte[] deflated = ResponseEncoding.DEFLATE.encode(body);
    assertThat(gzipped).startsWith(0x1f, 0x8b);
    assertThat(new GZIPInputStream(new ByteArrayInputStream(gzipped)).readAllBytes())
        .isEqualTo(body);
    // "deflate" is the zlib format (RFC 1950), as HTTP defines it.
    assertThat(new InflaterInputStream(new ByteArrayInputStream(deflated)).readAllBytes())
        .isEqualTo(body);
    assertThat(gzipped.length).isLessThan(body.length / 10);
  }

  private static String name(ResponseEncoding encoding) {
    return encoding == ResponseEncoding.IDENTITY ? "none" : encoding.token();
  }
}
