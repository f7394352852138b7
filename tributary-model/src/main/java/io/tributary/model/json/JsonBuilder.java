package io.tributary.model.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds response objects member by member, skipping absent (null) members as DynamoDB does. */
public final class JsonBuilder {
  private final Map<String, Json> members = new LinkedHashMap<>();

  public static JsonBuilder object() {
    return new JsonBuilder();
  }

  public JsonBuilder put(String name, Json value) {
    if (value != null) {
      members.put(name, value);
    }
    return this;
  }

  public JsonBuilder put(String name, String value) {
    return value == null ? this : put(name, new Json.Str(value));
  }

  public JsonBuilder put(String name, long value) {
    return put(name, new Json.Num(Long.toString(value)));
  }

  public JsonBuilder put(String name, boolean value) {
    return put(name, value ? Json.Bool.TRUE : Json.Bool.FALSE);
  }

  /** A number given as its exact text (epoch seconds with a fraction, say). */
  public JsonBuilder putNumber(String name, String text) {
    return text == null ? this : put(name, new Json.Num(text));
  }

  public static Json.Arr array(List<? extends Json> elements) {
    return new Json.Arr(new ArrayList<>(elements));
  }

  public static Json.Arr strings(List<String> values) {
    List<Json> out = new ArrayList<>(values.size());
    for (String v : values) {
      out.add(new Json.Str(v));
    }
    return new Json.Arr(out);
  }

  public Json.Obj build() {
    return new Json.Obj(members);
  }
}
