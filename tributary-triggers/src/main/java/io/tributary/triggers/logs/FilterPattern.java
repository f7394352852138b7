package io.tributary.triggers.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A filter pattern of CloudWatch Logs for unstructured events, as FilterLogEvents and {@code aws
 * logs tail --filter-pattern} take it: terms separated by spaces, each a word ({@code ERROR}), a
 * phrase in double quotes ({@code "INTERNAL SERVER ERROR"}) or a regular expression between percent
 * signs ({@code %[Ee]rror%}). An event matches when it contains every plain term, none of the terms
 * marked {@code -}, and, if some are marked {@code ?}, at least one of those. Matching is
 * case-sensitive and finds a term anywhere in the message. An empty pattern matches every event.
 *
 * <p>JSON patterns ({@code { $.level = "ERROR" }}) and space-delimited patterns ({@code [ip, user,
 * ...]}) are refused as not supported yet.
 */
final class FilterPattern {
  static final FilterPattern ALL = new FilterPattern(List.of());

  /** What a term must do for an event to match. */
  enum Role {
    REQUIRED,
    ANY,
    EXCLUDED
  }

  /** What a term looks for. */
  sealed interface Term {
    boolean in(String message);
  }

  record Text(String text) implements Term {
    @Override
    public boolean in(String message) {
      return message.contains(text);
    }
  }

  record Regex(Pattern pattern) implements Term {
    @Override
    public boolean in(String message) {
      return pattern.matcher(message).find();
    }
  }

  record Clause(Role role, Term term) {}

  private final List<Clause> clauses;

  private FilterPattern(List<Clause> clauses) {
    this.clauses = List.copyOf(clauses);
  }

  List<Clause> clauses() {
    return clauses;
  }

  /**
   * Reads a pattern.
   *
   * @throws io.tributary.model.DynamoDbException InvalidParameterException for a pattern it cannot
   *     read
   */
  static FilterPattern parse(String text) {
    String pattern = text == null ? "" : text.strip();
    if (pattern.isEmpty()) {
      return ALL;
    }
    if (pattern.startsWith("{")) {
      throw LogErrors.invalidParameter(
          "Invalid filter pattern: JSON filter patterns are not supported by Tributary yet.");
    }
    if (pattern.startsWith("[")) {
      throw LogErrors.invalidParameter(
          "Invalid filter pattern: space-delimited filter patterns are not supported by Tributary"
              + " yet.");
    }
    List<Clause> clauses = new ArrayList<>();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      Role role = Role.REQUIRED;
      if ((c == '?' || c == '-') && i + 1 < pattern.length()) {
        role = c == '?' ? Role.ANY : Role.EXCLUDED;
        i++;
      }
      int end;
      Term term;
      char first = pattern.charAt(i);
      if (first == '"') {
        StringBuilder phrase = new StringBuilder();
        end = i + 1;
        while (end < pattern.length() && pattern.charAt(end) != '"') {
          char ch = pattern.charAt(end);
          if (ch == '\\' && end + 1 < pattern.length()) {
            ch = pattern.charAt(++end);
          }
          phrase.append(ch);
          end++;
        }
        if (end >= pattern.length()) {
          throw invalid(pattern, "a quoted term has no closing double quote");
        }
        end++;
        term = new Text(phrase.toString());
      } else if (first == '%') {
        end = pattern.indexOf('%', i + 1);
        if (end < 0) {
          throw invalid(pattern, "a regular expression has no closing %");
        }
        try {
          term = new Regex(Pattern.compile(pattern.substring(i + 1, end)));
        } catch (PatternSyntaxException e) {
          throw invalid(pattern, "the regular expression cannot be read");
        }
        end++;
      } else {
        end = i;
        while (end < pattern.length() && !Character.isWhitespace(pattern.charAt(end))) {
          end++;
        }
        term = new Text(pattern.substring(i, end));
      }
      clauses.add(new Clause(role, term));
      i = end;
    }
    return new FilterPattern(clauses);
  }

  boolean matches(String message) {
    boolean anyWanted = false;
    boolean anyFound = false;
    for (Clause clause : clauses) {
      boolean found = clause.term().in(message);
      switch (clause.role()) {
        case REQUIRED -> {
          if (!found) {
            return false;
          }
        }
        case EXCLUDED -> {
          if (found) {
            return false;
          }
        }
        case ANY -> {
          anyWanted = true;
          anyFound |= found;
        }
      }
    }
    return !anyWanted || anyFound;
  }

  private static RuntimeException invalid(String pattern, String why) {
    return LogErrors.invalidParameter("Invalid filter pattern: " + why + ": " + pattern);
  }
}
