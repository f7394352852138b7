package io.tributary.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.model.json.JsonReader;
import io.tributary.model.json.JsonWriter;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AttributeValuesPropertiesTest {
  @Provide
  Arbitrary<AttributeValue> values() {
    return AttributeValueArbitraries.values();
  }

  @Provide
  Arbitrary<Map<String, AttributeValue>> items() {
    return AttributeValueArbitraries.items();
  }

  @Property
  void jsonRoundTripKeepsTheValue(@ForAll("values") AttributeValue v) {
    assertThat(AttributeValues.fromJson(AttributeValues.toJson(v))).isEqualTo(v);
    assertThat(AttributeValues.fromJson(AttributeValues.toJson(v), Wording.LEGACY)).isEqualTo(v);
  }

  @Property
  void wireRoundTripKeepsTheItemAndItsOrder(@ForAll("items") Map<String, AttributeValue> item) {
    byte[] wire = JsonWriter.write(AttributeValues.mapToJson(item));
    Map<String, AttributeValue> back = AttributeValues.mapFromJson(JsonReader.parse(wire));
    assertThat(back).isEqualTo(item);
    assertThat(back.keySet()).containsExactlyElementsOf(item.keySet());
  }
}
