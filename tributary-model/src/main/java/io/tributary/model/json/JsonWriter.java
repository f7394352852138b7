package io.tributary.model.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Writes {@link Json} trees as compact JSON bytes. */
public final class JsonWriter {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private JsonWriter() {}

  public static byte[] write(Json value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      write(generator, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void write(JsonGenerator g, Json value) throws IOException {
    switch (value) {
      case Json.Obj o -> {
        g.writeStartObject();
        for (Map.Entry<String, Json> e : o.members().entrySet()) {
          g.writeFieldName(e.getKey());
          write(g, e.getValue());
        }
        g.writeEndObject();
      }
      case Json.Arr a -> {
        g.writeStartArray();
        for (Json element : a.elements()) {
          write(g, element);
        }
        g.writeEndArray();
      }
      case Json.Str s -> g.writeString(s.value());
      case Json.Num n -> g.writeNumber(n.text());
      case Json.Bool b -> g.writeBoolean(b.value());
      case Json.Null ignored -> g.writeNull();
    }
  }
}
