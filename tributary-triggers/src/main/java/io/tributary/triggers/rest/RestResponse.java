package io.tributary.triggers.rest;

import io.tributary.model.json.Json;
import io.tributary.model.json.JsonWriter;
import java.util.Map;

/**
 * A REST answer: its status, headers beyond the usual ones (Content-Type is application/json
 * unless given), and body.
 */
public record RestResponse(int status, Map<String, String> headers, byte[] body) {

  public static RestResponse json(int status, Json body) {
    return new RestResponse(status, Map.of(), JsonWriter.write(body));
  }

  public static RestResponse empty(int status) {
    return new RestResponse(status, Map.of(), new byte[0]);
  }
}
