package io.tributary.server.http;

import io.tributary.model.DynamoDbException;
import io.tributary.model.ErrorType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Undoes a request's Content-Encoding. DynamoDB takes {@code gzip} only (the SDKs' request
 * compression); it answers an unknown coding, and a body that is not valid gzip (empty,
 * truncated, bad checksum), with a 500 InternalServerError, so Tributary does too. Like DynamoDB,
 * it reads concatenated gzip members and ignores bytes after the last one.
 *
 * <p>DynamoDB does not limit the size of a decompressed body; Tributary refuses one over the
 * request size limit with the same 413 as an oversized body, so that a small request cannot make
 * the server inflate gigabytes.
 */
final class RequestEncoding {
  private RequestEncoding() {}

  /** The body as sent before {@code contentEncoding} (a header value, or null) was applied. */
  static byte[] decode(String contentEncoding, byte[] body, int limit) {
    if (contentEncoding == null) {
      return body;
    }
    String coding = contentEncoding.trim();
    if (coding.isEmpty() || coding.equalsIgnoreCase("identity")) {
      return body;
    }
    if (!coding.equalsIgnoreCase("gzip")) {
      throw ErrorBody.internalServerError();
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return readAtMost(in, limit);
    } catch (IOException e) {
      throw ErrorBody.internalServerError();
    }
  }

  private static byte[] readAtMost(InputStream in, int limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    byte[] buffer = new byte[8192];
    long total = 0;
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      total += n;
      if (total > limit) {
        throw DynamoDbException.of(ErrorType.REQUEST_ENTITY_TOO_LARGE, null);
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
