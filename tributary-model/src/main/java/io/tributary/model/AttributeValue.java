package io.tributary.model;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One DynamoDB attribute value. Instances are immutable and already valid: the checks with
 * DynamoDB's messages happen where values enter (see {@link AttributeValues}).
 */
public sealed interface AttributeValue {

  /** The DynamoDB type descriptor: "S", "N", "B", "BOOL", "NULL", "L", "M", "SS", "NS", "BS". */
  String type();

  record S(String value) implements AttributeValue {
    public String type() {
      return "S";
    }
  }

  /** A number, held exactly; {@link Numbers#toText} gives the form DynamoDB returns. */
  record N(BigDecimal value) implements AttributeValue {
    public String type() {
      return "N";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof N n && n.value.compareTo(value) == 0;
    }

    @Override
    public int hashCode() {
      return value.stripTrailingZeros().hashCode();
    }
  }

  record B(byte[] value) implements AttributeValue {
    public String type() {
      return "B";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof B b && Arrays.equals(b.value, value);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
      return "B[" + value.length + " bytes]";
    }
  }

  record Bool(boolean value) implements AttributeValue {
    public static final Bool TRUE = new Bool(true);
    public static final Bool FALSE = new Bool(false);

    public String type() {
      return "BOOL";
    }
  }

  record Null() implements AttributeValue {
    public static final Null INSTANCE = new Null();

    public String type() {
      return "NULL";
    }
  }

  record L(List<AttributeValue> values) implements AttributeValue {
    public String type() {
      return "L";
    }
  }

  /** A map; iteration order is the order the attributes were given in. */
  record M(Map<String, AttributeValue> values) implements AttributeValue {
    public String type() {
      return "M";
    }
  }

  /** A string set; members are distinct, in the order given. */
  record SS(List<String> values) implements AttributeValue {
    public String type() {
      return "SS";
    }
  }

  /** A number set; members are numerically distinct, in the order given. */
  record NS(List<BigDecimal> values) implements AttributeValue {
    public String type() {
      return "NS";
    }

    /** Members compare numerically, as {@link N} does: [1.0] equals [1]. */
    @Override
    public boolean equals(Object o) {
      if (!(o instanceof NS ns) || ns.values.size() != values.size()) {
        return false;
      }
      for (int i = 0; i < values.size(); i++) {
        if (values.get(i).compareTo(ns.values.get(i)) != 0) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      int h = 1;
      for (BigDecimal v : values) {
        h = 31 * h + (v.signum() == 0 ? 0 : v.stripTrailingZeros().hashCode());
      }
      return h;
    }
  }

  /** A binary set; members are distinct, in the order given. */
  record BS(List<byte[]> values) implements AttributeValue {
    public String type() {
      return "BS";
    }

    /** Members compare by content, as {@link B} does. */
    @Override
    public boolean equals(Object o) {
      if (!(o instanceof BS bs) || bs.values.size() != values.size()) {
        return false;
      }
      for (int i = 0; i < values.size(); i++) {
        if (!Arrays.equals(values.get(i), bs.values.get(i))) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      int h = 1;
      for (byte[] v : values) {
        h = 31 * h + Arrays.hashCode(v);
      }
      return h;
    }

    @Override
    public String toString() {
      return "BS[" + values.size() + " members]";
    }
  }
}
