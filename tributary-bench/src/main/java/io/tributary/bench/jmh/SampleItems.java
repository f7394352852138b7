package io.tributary.bench.jmh;

import io.tributary.model.AttributeValue;
import io.tributary.model.AttributeValues;
import io.tributary.model.json.Json;
import io.tributary.model.json.JsonWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The items the benchmarks work on. {@code ycsb} is YCSB's record: a string key and ten 100-byte
 * string fields (about 1 KB, what the side-by-side runs store); {@code nested} has every type,
 * numbers and a nested map and list, so the paths that YCSB never takes are measured too. Public
 * only because JMH's generated code names the {@code @Param} type.
 */
public enum SampleItems {
  ycsb {
    @Override
    Map<String, AttributeValue> item(String key) {
      Map<String, AttributeValue> item = new LinkedHashMap<>();
      item.put(KEY, new AttributeValue.S(key));
      SplittableRandom random = new SplittableRandom(key.hashCode());
      for (int i = 0; i < 10; i++) {
        item.put("field" + i, new AttributeValue.S(text(random, 100)));
      }
      return item;
    }
  },
  nested {
    @Override
    Map<String, AttributeValue> item(String key) {
      SplittableRandom random = new SplittableRandom(key.hashCode());
      Map<String, AttributeValue> address = new LinkedHashMap<>();
      address.put("street", new AttributeValue.S(text(random, 24)));
      address.put("city", new AttributeValue.S(text(random, 12)));
      address.put("zip", new AttributeValue.N(new BigDecimal(random.nextInt(10_000, 99_999))));
      Map<String, AttributeValue> item = new LinkedHashMap<>();
      item.put(KEY, new AttributeValue.S(key));
      item.put("name", new AttributeValue.S(text(random, 20)));
      item.put("age", new AttributeValue.N(new BigDecimal(random.nextInt(1, 100))));
      item.put("balance", new AttributeValue.N(new BigDecimal("12345678901234.5678")));
      item.put("active", AttributeValue.Bool.TRUE);
      item.put("nothing", AttributeValue.Null.INSTANCE);
      item.put("avatar", new AttributeValue.B(text(random, 64).getBytes(StandardCharsets.UTF_8)));
      item.put("address", new AttributeValue.M(address));
      item.put(
          "history",
          new AttributeValue.L(
              List.of(
                  new AttributeValue.N(BigDecimal.ONE),
                  new AttributeValue.S(text(random, 16)),
                  new AttributeValue.M(Map.of("at", new AttributeValue.N(new BigDecimal(17)))))));
      item.put("tags", new AttributeValue.SS(List.of("red", "green", "blue")));
      item.put(
          "scores",
          new AttributeValue.NS(
              List.of(new BigDecimal("1.5"), new BigDecimal("-2"), new BigDecimal("1e10"))));
      return item;
    }
  };

  /** The key attribute's name, the same in every benchmark's table. */
  static final String KEY = "id";

  private static final String ALPHABET =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  abstract Map<String, AttributeValue> item(String key);

  /** A key like YCSB's: "user" and a hashed 64-bit number. */
  static String key(int index) {
    return "user" + Math.abs(new SplittableRandom(index).nextLong());
  }

  /** A PutItem request body for the item, as a client sends it. */
  static byte[] putItemRequest(String table, Map<String, AttributeValue> item) {
    Map<String, Json> members = new LinkedHashMap<>();
    members.put("TableName", new Json.Str(table));
    members.put("Item", AttributeValues.mapToJson(item));
    return JsonWriter.write(new Json.Obj(members));
  }

  /** A GetItem request body for the key. */
  static byte[] getItemRequest(String table, String key) {
    Map<String, Json> members = new LinkedHashMap<>();
    members.put("TableName", new Json.Str(table));
    members.put("Key", AttributeValues.mapToJson(Map.of(KEY, new AttributeValue.S(key))));
    return JsonWriter.write(new Json.Obj(members));
  }

  private static String text(SplittableRandom random, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return out.toString();
  }
}
