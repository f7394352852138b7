package io.tributary.model.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.tributary.model.DynamoDbException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses request bodies into {@link Json} trees with Jackson's streaming parser. */
public final class JsonReader {
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  // Item values may be up to 400 KB and bodies up to 16 MB.
                  .maxStringLength(32 * 1024 * 1024)
                  .maxNumberLength(10_000)
                  .maxNestingDepth(1_000)
                  .build())
          .build();

  private JsonReader() {}

  /**
   * Parses one JSON document. Malformed JSON is a client error: DynamoDB answers it with a
   * SerializationException.
   */
  public static Json parse(byte[] body) {
    try (JsonParser parser = FACTORY.createParser(body)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw DynamoDbException.serialization(null);
      }
      Json value = read(parser, first);
      if (parser.nextToken() != null) {
        throw DynamoDbException.serialization(null);
      }
      return value;
    } catch (IOException e) {
      throw DynamoDbException.serialization(null);
    }
  }

  private static Json read(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case START_OBJECT -> {
        Map<String, Json> members = new LinkedHashMap<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          String name = parser.currentName();
          members.put(name, read(parser, parser.nextToken()));
        }
        yield new Json.Obj(members);
      }
      case START_ARRAY -> {
        List<Json> elements = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          elements.add(read(parser, t));
        }
        yield new Json.Arr(elements);
      }
      case VALUE_STRING -> new Json.Str(parser.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Json.Num(parser.getText());
      case VALUE_TRUE -> Json.Bool.TRUE;
      case VALUE_FALSE -> Json.Bool.FALSE;
      case VALUE_NULL -> Json.Null.INSTANCE;
      default -> throw DynamoDbException.serialization(null);
    };
  }
}
