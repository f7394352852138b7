package io.tributary.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class ItemCodecPropertiesTest {
  @Provide
  Arbitrary<Map<String, AttributeValue>> items() {
    return AttributeValueArbitraries.items();
  }

  @Property
  void roundTripKeepsEveryValueExactlyAndInOrder(
      @ForAll("items") Map<String, AttributeValue> item) {
    Map<String, AttributeValue> back = ItemCodec.decode(ItemCodec.encode(item));
    assertThat(back.keySet()).containsExactlyElementsOf(item.keySet());
    assertThat(AttributeValueArbitraries.exactlyEqual(back, item)).isTrue();
    assertThat(back).isEqualTo(item);
  }

  @Property
  void arbitraryBytesDecodeOrFailCleanly(@ForAll @Size(max = 48) byte[] bytes) {
    byte[] versioned = bytes.clone();
    if (versioned.length > 0) {
      versioned[0] = (byte) ItemCodec.VERSION;
    }
    Throwable thrown = catchThrowable(() -> ItemCodec.decode(versioned));
    if (thrown != null) {
      assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
