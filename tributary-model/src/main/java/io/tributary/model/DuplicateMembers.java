package io.tributary.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * Finds a repeated set member and words the refusal as the given layer does. The current layer
 * inserts members into a sorted set and, at the first repeat, prints the sorted members so far, the
 * repeat, then the rest as sent; the older layer prints the members as sent.
 */
final class DuplicateMembers {
  private static final String INVALID = "One or more parameter values were invalid: ";

  private DuplicateMembers() {}

  static void checkStrings(List<String> members, Wording wording) {
    TreeSet<String> seen = new TreeSet<>(KeyEncoding::compareStrings);
    for (int i = 0; i < members.size(); i++) {
      if (!seen.add(members.get(i))) {
        throw DynamoDbException.validation(
            INVALID
                + "Input collection "
                + render(members, seen, i, wording, ", ")
                + " contains duplicates.");
      }
    }
  }

  /** {@code sent} is the base64 text as the client sent it, for the older layer's message. */
  static void checkBinaries(List<byte[]> members, List<String> sent, Wording wording) {
    TreeSet<byte[]> seen = new TreeSet<>(KeyEncoding::compareBinary);
    for (int i = 0; i < members.size(); i++) {
      if (!seen.add(members.get(i))) {
        String rendered;
        if (wording == Wording.LEGACY) {
          rendered = "[" + String.join(", ", sent) + "]";
        } else {
          List<String> texts = new ArrayList<>();
          seen.forEach(b -> texts.add(Base64Text.encode(b)));
          for (int j = i; j < members.size(); j++) {
            texts.add(Base64Text.encode(members.get(j)));
          }
          rendered = quoted(texts, ",");
        }
        throw DynamoDbException.validation(
            INVALID + "Input collection " + rendered + "of type BS contains duplicates.");
      }
    }
  }

  /** Members are already normalized by {@link Numbers#parse}, so equals is numeric equality. */
  static void checkNumbers(List<BigDecimal> members, Wording wording) {
    Set<BigDecimal> seen = new HashSet<>();
    for (BigDecimal member : members) {
      if (!seen.add(member.signum() == 0 ? BigDecimal.ZERO : member.stripTrailingZeros())) {
        throw DynamoDbException.validation(
            wording == Wording.LEGACY
                ? "Input collection contains duplicates"
                : INVALID + "Input collection contains duplicates.");
      }
    }
  }

  private static String render(
      List<String> members, TreeSet<String> seen, int repeat, Wording wording, String separator) {
    if (wording == Wording.LEGACY) {
      return "[" + String.join(separator, members) + "]";
    }
    List<String> texts = new ArrayList<>(seen);
    texts.addAll(members.subList(repeat, members.size()));
    return quoted(texts, separator);
  }

  private static String quoted(List<String> texts, String separator) {
    StringJoiner joiner = new StringJoiner(separator, "[", "]");
    texts.forEach(t -> joiner.add(jsonString(t)));
    return joiner.toString();
  }

  /** JSON quoting; how DynamoDB escapes a quote inside a member is not confirmed. */
  private static String jsonString(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
