package io.tributary.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.tributary.model.json.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** An item written straight from storage is the JSON and the size of the item decoded. */
class ItemJsonPropertiesTest {
  @Provide
  Arbitrary<Map<String, AttributeValue>> items() {
    return AttributeValueArbitraries.items();
  }

  @Property(tries = 2000)
  void writesWhatTheDecodedItemWrites(@ForAll("items") Map<String, AttributeValue> item) {
    ItemJson.Written written = ItemJson.of(ItemCodec.encode(item));
    assertThat(new String(written.json().text(), StandardCharsets.UTF_8))
        .isEqualTo(
            new String(
                JsonWriter.write(AttributeValues.mapToJson(item)), StandardCharsets.UTF_8));
    assertThat(written.size()).isEqualTo(ItemSize.of(item));
  }

  @Example
  void escapesWhatStringsHoldAndKeepsTheRestAsUtf8() {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("q\"uote", new AttributeValue.S("line\nbreak \\ é 😀 \u0001"));
    item.put("n", new AttributeValue.N(new java.math.BigDecimal("-12.50")));
    item.put("l", new AttributeValue.L(List.of(AttributeValue.Null.INSTANCE, AttributeValue.Bool.FALSE)));
    ItemJson.Written written = ItemJson.of(ItemCodec.encode(item));
    assertThat(new String(written.json().text(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"q\\\"uote\":{\"S\":\"line\\nbreak \\\\ é 😀 \\u0001\"},\"n\":{\"N\":\"-12.5\"},"
                + "\"l\":{\"L\":[{\"NULL\":true},{\"BOOL\":false}]}}");
  }

  @Property
  void arbitraryBytesWriteOrFailCleanly(@ForAll @Size(max = 48) byte[] bytes) {
    byte[] versioned = bytes.clone();
    if (versioned.length > 0) {
      versioned[0] = (byte) ItemCodec.VERSION;
    }
    Throwable thrown = catchThrowable(() -> ItemJson.of(versioned));
    if (thrown != null) {
      assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
