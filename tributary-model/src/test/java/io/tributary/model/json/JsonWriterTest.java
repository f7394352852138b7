package io.tributary.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The hand-written writer writes what Jackson's generator writes, byte for byte (with surrogate
 * pairs as UTF-8, which Jackson does on request).
 */
class JsonWriterTest {
  private static final JsonFactory JACKSON =
      JsonFactory.builder()
          .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
          .build();

  @Property(tries = 2000)
  void writesWhatJacksonWrites(@ForAll("trees") Json tree) throws IOException {
    assertThat(new String(JsonWriter.write(tree), StandardCharsets.UTF_8))
        .isEqualTo(new String(jackson(tree), StandardCharsets.UTF_8));
  }

  @Test
  void escapesWhatJsonRequiresAndNothingElse() {
    Json value = new Json.Str("a\"b\\c/d\n\r\t\b\f\u0001\u001fé€😀");
    assertThat(new String(JsonWriter.write(value), StandardCharsets.UTF_8))
        .isEqualTo("\"a\\\"b\\\\c/d\\n\\r\\t\\b\\f\\u0001\\u001Fé€😀\"");
  }

  @Test
  void findsWhatNeedsEscapingAtEveryPlaceInAWord() throws IOException {
    for (char special : "\"\\?\n\u0000\u001f\u007f é\ud800".toCharArray()) {
      for (int at = 0; at < 17; at++) {
        char[] text = "abcdefghijklmnopq".toCharArray();
        text[at] = special;
        Json value = new Json.Str(new String(text));
        if (Character.isSurrogate(special)) {
          assertThat(new String(JsonWriter.write(value), StandardCharsets.UTF_8))
              .contains("\\uD800");
        } else {
          assertThat(JsonWriter.write(value)).isEqualTo(jackson(value));
        }
      }
    }
  }

  @Test
  void aLoneSurrogateIsWrittenAsItsEscape() {
    Json value = new Json.Str("x\ud800y\udc00");
    assertThat(new String(JsonWriter.write(value), StandardCharsets.UTF_8))
        .isEqualTo("\"x\\uD800y\\uDC00\"");
  }

  @Test
  void writesOnlyTheWrittenPartOfAHandedOverBuffer() {
    JsonWriter items = JsonWriter.open(1000); // far more room than the text takes
    items.ascii("[1,2]");
    Json.Raw raw = items.toRaw();
    assertThat(raw.utf8()).hasSize(1000);
    Json answer = JsonBuilder.object().put("Items", raw).put("Count", 2).build();
    assertThat(new String(JsonWriter.write(answer), StandardCharsets.UTF_8))
        .isEqualTo("{\"Items\":[1,2],\"Count\":2}");
    assertThat(new String(raw.text(), StandardCharsets.UTF_8)).isEqualTo("[1,2]");
  }

  @Test
  void growsPastItsFirstBuffer() {
    String big = "x".repeat(100_000);
    Json value = new Json.Arr(List.of(new Json.Str(big), new Json.Num("1E+3"), Json.Bool.TRUE));
    assertThat(new String(JsonWriter.write(value), StandardCharsets.UTF_8))
        .isEqualTo("[\"" + big + "\",1E+3,true]");
  }

  @Provide
  Arbitrary<Json> trees() {
    return tree(3);
  }

  private static Arbitrary<Json> tree(int depth) {
    Arbitrary<Json> leaf =
        Arbitraries.oneOf(
            strings().map(Json.Str::new),
            Arbitraries.bigDecimals().map(n -> new Json.Num(n.toString())),
            Arbitraries.of(Json.Bool.TRUE, Json.Bool.FALSE, Json.Null.INSTANCE));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<Json> child = Arbitraries.lazy(() -> tree(depth - 1));
    Arbitrary<Json> arr = child.list().ofMaxSize(4).map(l -> new Json.Arr(new ArrayList<>(l)));
    Arbitrary<Json> obj =
        Arbitraries.maps(strings(), child)
            .ofMaxSize(4)
            .map(m -> new Json.Obj(new LinkedHashMap<>(m)));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, leaf), net.jqwik.api.Tuple.of(1, arr), net.jqwik.api.Tuple.of(1, obj));
  }

  /** Any text of valid UTF-16: ASCII with controls and quotes, accents, CJK, emoji. */
  private static Arbitrary<String> strings() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ascii().ofMaxLength(30),
        Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(30),
        Arbitraries.strings().all().ofMaxLength(10).filter(s -> !JsonWriter.holdsLoneSurrogate(s)),
        Arbitraries.of("😀", "a😀b", "€", ""));
  }

  private static byte[] jackson(Json value) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JACKSON.createGenerator(out)) {
      write(g, value);
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
      case Json.Raw raw -> g.writeRawValue(new String(raw.text(), StandardCharsets.UTF_8));
    }
  }
}
