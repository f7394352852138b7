package io.tributary.server.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Response compression, chosen from the request's Accept-Encoding the way DynamoDB chooses it:
 * only {@code gzip} and {@code deflate}, only for bodies of at least 4 KB, the highest quality
 * value winning and the first listed winning a tie, {@code *} meaning the first coding not listed
 * (gzip before deflate), {@code identity} and unknown codings ignored, quality values above 1
 * counted as 1 and below 0 as 0, a malformed quality value counted as absent (1). Behaviour
 * measured against DynamoDB by ScyllaDB Alternator's {@code test_compressed_response.py}.
 */
enum ResponseEncoding {
  IDENTITY(null),
  GZIP("gzip"),
  DEFLATE("deflate");

  /** DynamoDB leaves bodies under 4 KB uncompressed. */
  static final int THRESHOLD = 4096;

  private static final Pattern QUALITY =
      Pattern.compile("-?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private final String token;

  ResponseEncoding(String token) {
    this.token = token;
  }

  /** The Content-Encoding header value, or null for none. */
  String token() {
    return token;
  }

  /** The coding for a body of {@code size} bytes, given the Accept-Encoding header (or null). */
  static ResponseEncoding choose(String acceptEncoding, int size) {
    if (acceptEncoding == null || size < THRESHOLD) {
      return IDENTITY;
    }
    // Quality per coding: index 0 gzip, 1 deflate, 2 "*"; NaN = not listed.
    float[] quality = {Float.NaN, Float.NaN, Float.NaN};
    int selected = -1;
    for (String entry : acceptEncoding.split(",", -1)) {
      String[] params = entry.split(";", -1);
      int coding = codingIndex(params[0].trim());
      if (coding < 0 || (!Float.isNaN(quality[coding]) && quality[coding] != 0f)) {
        continue;
      }
      quality[coding] = quality(params);
      float best = selected < 0 ? Float.MIN_VALUE : quality[selected];
      boolean wins = selected == 2 ? quality[coding] >= best : quality[coding] > best;
      if (wins) {
        selected = coding;
      }
    }
    if (selected == 2) {
      selected = resolveAny(quality);
    }
    return selected == 0 ? GZIP : selected == 1 ? DEFLATE : IDENTITY;
  }

  /** "*" stands for the first coding the client did not list, else the best listed one. */
  private static int resolveAny(float[] quality) {
    int selected = -1;
    float best = Float.MIN_VALUE;
    for (int coding = 0; coding < 2; coding++) {
      if (Float.isNaN(quality[coding])) {
        return coding;
      }
      if (quality[coding] > best) {
        best = quality[coding];
        selected = coding;
      }
    }
    return selected;
  }

  private static int codingIndex(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "gzip" -> 0;
      case "deflate" -> 1;
      case "*" -> 2;
      default -> -1;
    };
  }

  /** The first well-formed {@code q=} parameter, clamped to [0, 1]; 1 when there is none. */
  private static float quality(String[] params) {
    for (int i = 1; i < params.length; i++) {
      String param = params[i].stripLeading();
      if (param.isEmpty() || Character.toLowerCase(param.charAt(0)) != 'q') {
        continue;
      }
      param = param.substring(1).stripLeading();
      if (param.isEmpty() || param.charAt(0) != '=') {
        continue;
      }
      Float value = parseQuality(param.substring(1).strip());
      if (value != null) {
        return Math.max(0f, Math.min(1f, value));
      }
    }
    return 1f;
  }

  private static Float parseQuality(String text) {
    // Decimal numbers; DynamoDB reads "0." as 0 and counts "0.x" as no quality value at all.
    if (!QUALITY.matcher(text).matches()) {
      return null;
    }
    return Float.parseFloat(text);
  }

  /** The body with this coding applied. */
  byte[] encode(byte[] body) {
    if (this == IDENTITY) {
      return body;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 4));
    try (OutputStream coder =
        this == GZIP ? new GZIPOutputStream(out, 8192) : new DeflaterOutputStream(out)) {
      coder.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
