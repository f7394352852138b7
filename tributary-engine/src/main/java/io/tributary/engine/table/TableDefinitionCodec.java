package io.tributary.engine.table;

import io.tributary.model.json.Json;
import io.tributary.model.json.JsonBuilder;
import io.tributary.model.json.JsonReader;
import io.tributary.model.json.JsonWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Table definitions as stored in the catalog keyspace: a small JSON document with a format
 * version. Field names are written to disk: never rename them.
 */
final class TableDefinitionCodec {
  private static final int VERSION = 1;

  private TableDefinitionCodec() {}

  static byte[] encode(TableDefinition t) {
    List<Json> definitions = new ArrayList<>();
    for (KeyAttribute a : t.attributeDefinitions()) {
      definitions.add(attribute(a));
    }
    Throughput p = t.throughput();
    return JsonWriter.write(
        JsonBuilder.object()
            .put("v", VERSION)
            .put("id", t.tableId())
            .put("region", t.region())
            .put("name", t.name())
            .put("arn", t.arn())
            .put("uuid", t.tableUuid())
            .put("created", millis(t.createdAt()))
            .put("hash", attribute(t.keySchema().partitionKey()))
            .put("range", t.keySchema().hasSortKey() ? attribute(t.keySchema().sortKey()) : null)
            .put("attributes", new Json.Arr(definitions))
            .put("billing", t.billingMode().name())
            .put("billingChanged", millis(t.billingModeChangedAt()))
            .put("rcu", p.readCapacityUnits())
            .put("wcu", p.writeCapacityUnits())
            .put("lastIncrease", millis(p.lastIncrease()))
            .put("lastDecrease", millis(p.lastDecrease()))
            .put("decreases", p.decreasesToday())
            .put("class", t.tableClass())
            .put("classChanged", millis(t.tableClassChangedAt()))
            .put("protected", t.deletionProtection())
            .put("status", t.status().name())
            .put("statusUntil", millis(t.statusUntil()))
            .put("indexes", t.indexes().isEmpty() ? null : indexes(t.indexes()))
            .put("maxReads", units(t.onDemandThroughput().maxReadRequestUnits()))
            .put("maxWrites", units(t.onDemandThroughput().maxWriteRequestUnits()))
            .build());
  }

  static TableDefinition decode(byte[] bytes) {
    Json.Obj o = (Json.Obj) JsonReader.parse(bytes);
    List<KeyAttribute> definitions = new ArrayList<>();
    for (Json a : ((Json.Arr) o.get("attributes")).elements()) {
      definitions.add(attribute(a));
    }
    Json range = o.get("range");
    return new TableDefinition(
        number(o, "id"),
        text(o, "region"),
        text(o, "name"),
        text(o, "arn"),
        text(o, "uuid"),
        instant(o, "created"),
        new KeySchema(attribute(o.get("hash")), range == null ? null : attribute(range)),
        List.copyOf(definitions),
        BillingMode.valueOf(text(o, "billing")),
        instant(o, "billingChanged"),
        new Throughput(
            number(o, "rcu"),
            number(o, "wcu"),
            instant(o, "lastIncrease"),
            instant(o, "lastDecrease"),
            (int) number(o, "decreases")),
        text(o, "class"),
        instant(o, "classChanged"),
        ((Json.Bool) o.get("protected")).value(),
        TableStatus.valueOf(text(o, "status")),
        instant(o, "statusUntil"),
        // Definitions written before indexes existed have no "indexes" field.
        o.get("indexes") == null ? List.of() : indexes((Json.Arr) o.get("indexes")),
        // Absent in definitions written before OnDemandThroughput was kept, and when unset.
        new OnDemandThroughput(optionalNumber(o, "maxReads"), optionalNumber(o, "maxWrites")));
  }

  private static Json units(Long units) {
    return units == null ? null : new Json.Num(Long.toString(units));
  }

  private static Long optionalNumber(Json.Obj o, String name) {
    return o.get(name) == null ? null : number(o, name);
  }

  private static Json indexes(List<IndexDefinition> indexes) {
    List<Json> out = new ArrayList<>();
    for (IndexDefinition i : indexes) {
      List<Json> nonKey = new ArrayList<>();
      i.nonKeyAttributes().forEach(n -> nonKey.add(new Json.Str(n)));
      Throughput p = i.throughput();
      out.add(
          JsonBuilder.object()
              .put("id", i.indexId())
              .put("name", i.name())
              .put("global", i.global())
              .put("hash", attributes(i.hashKeys()))
              .put("range", attributes(i.rangeKeys()))
              .put("projection", i.projectionType().name())
              .put("nonKey", new Json.Arr(nonKey))
              .put("rcu", p == null ? null : new Json.Num(Long.toString(p.readCapacityUnits())))
              .put("wcu", p == null ? null : new Json.Num(Long.toString(p.writeCapacityUnits())))
              .put("lastIncrease", p == null ? null : millis(p.lastIncrease()))
              .put("lastDecrease", p == null ? null : millis(p.lastDecrease()))
              .put("decreases", p == null ? null : new Json.Num(Integer.toString(p.decreasesToday())))
              .put("status", i.status().name())
              .build());
    }
    return new Json.Arr(out);
  }

  private static List<IndexDefinition> indexes(Json.Arr array) {
    List<IndexDefinition> out = new ArrayList<>();
    for (Json e : array.elements()) {
      Json.Obj o = (Json.Obj) e;
      List<String> nonKey = new ArrayList<>();
      for (Json n : ((Json.Arr) o.get("nonKey")).elements()) {
        nonKey.add(((Json.Str) n).value());
      }
      out.add(
          new IndexDefinition(
              number(o, "id"),
              text(o, "name"),
              ((Json.Bool) o.get("global")).value(),
              attributes((Json.Arr) o.get("hash")),
              attributes((Json.Arr) o.get("range")),
              IndexDefinition.ProjectionType.valueOf(text(o, "projection")),
              nonKey,
              o.get("rcu") == null
                  ? null
                  : new Throughput(
                      number(o, "rcu"),
                      number(o, "wcu"),
                      instant(o, "lastIncrease"),
                      instant(o, "lastDecrease"),
                      (int) number(o, "decreases")),
              o.get("status") == null
                  ? IndexDefinition.IndexStatus.ACTIVE
                  : IndexDefinition.IndexStatus.valueOf(text(o, "status"))));
    }
    return List.copyOf(out);
  }

  private static Json attributes(List<KeyAttribute> attributes) {
    List<Json> out = new ArrayList<>();
    attributes.forEach(a -> out.add(attribute(a)));
    return new Json.Arr(out);
  }

  private static List<KeyAttribute> attributes(Json.Arr array) {
    List<KeyAttribute> out = new ArrayList<>();
    array.elements().forEach(a -> out.add(attribute(a)));
    return out;
  }

  private static Json attribute(KeyAttribute a) {
    return JsonBuilder.object().put("name", a.name()).put("type", a.type()).build();
  }

  private static KeyAttribute attribute(Json json) {
    Json.Obj o = (Json.Obj) json;
    return new KeyAttribute(text(o, "name"), text(o, "type"));
  }

  private static Json millis(Instant instant) {
    return instant == null ? null : new Json.Num(Long.toString(instant.toEpochMilli()));
  }

  private static Instant instant(Json.Obj o, String name) {
    return o.get(name) == null ? null : Instant.ofEpochMilli(number(o, name));
  }

  private static long number(Json.Obj o, String name) {
    return Long.parseLong(((Json.Num) o.get(name)).text());
  }

  private static String text(Json.Obj o, String name) {
    return ((Json.Str) o.get(name)).value();
  }
}
