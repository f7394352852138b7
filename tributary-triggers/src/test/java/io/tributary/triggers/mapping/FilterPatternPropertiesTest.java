package io.tributary.triggers.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.tributary.model.json.Json;
import io.tributary.model.json.JsonWriter;
import io.tributary.triggers.rest.LambdaException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws of the pattern language, over generated values, matchers and records. */
class FilterPatternPropertiesTest {

  // --- generators ---

  /** Short strings over few letters, both cases and an accent, so that values collide often. */
  static Arbitrary<String> texts() {
    return Arbitraries.strings().withChars("abcABCéÉ- 01").ofMaxLength(5);
  }

  static Arbitrary<BigDecimal> decimals() {
    return Arbitraries.bigDecimals()
        .between(new BigDecimal("-1000"), new BigDecimal("1000"))
        .ofScale(2)
        .map(BigDecimal::stripTrailingZeros);
  }

  static Arbitrary<Json> numbers() {
    return decimals().map(d -> new Json.Num(d.toPlainString()));
  }

  static Arbitrary<Json> scalars() {
    return Arbitraries.oneOf(
        texts().map(Json.Str::new),
        numbers(),
        Arbitraries.of(Json.Bool.TRUE, Json.Bool.FALSE, Json.Null.INSTANCE));
  }

  /** What a record may hold at a field: a scalar, a list of scalars, an object, or nothing. */
  static Arbitrary<Optional<Json>> fieldValues() {
    return Arbitraries.oneOf(
        scalars().map(Optional::of),
        scalars().list().ofMaxSize(3).map(l -> Optional.of((Json) new Json.Arr(l))),
        scalars().map(v -> Optional.of((Json) obj("x", v))),
        Arbitraries.just(Optional.empty()));
  }

  /** One entry of a value list: a value or an operator. */
  static Arbitrary<Json> entries() {
    return Arbitraries.oneOf(
        scalars(),
        texts().map(s -> obj("prefix", new Json.Str(s))),
        texts().map(s -> obj("suffix", new Json.Str(s))),
        texts().map(s -> obj("equals-ignore-case", new Json.Str(s))),
        texts().map(s -> obj("prefix", obj("equals-ignore-case", new Json.Str(s)))),
        texts().map(s -> obj("anything-but", new Json.Str(s))),
        numbers().map(n -> obj("anything-but", n)),
        texts().list().ofMinSize(1).ofMaxSize(3).map(l -> obj("anything-but", strings(l))),
        texts()
            .filter(s -> !s.isEmpty())
            .map(s -> obj("anything-but", obj("prefix", new Json.Str(s)))),
        Combinators.combine(Arbitraries.of("=", "<", "<=", ">", ">="), numbers())
            .as((op, n) -> obj("numeric", new Json.Arr(List.of(new Json.Str(op), n)))),
        Arbitraries.of(true, false).map(b -> obj("exists", b ? Json.Bool.TRUE : Json.Bool.FALSE)));
  }

  @Provide
  Arbitrary<Optional<Json>> fieldValue() {
    return fieldValues();
  }

  @Provide
  Arbitrary<Json> entry() {
    return entries();
  }

  @Provide
  Arbitrary<List<Json>> entryList() {
    return entries().list().ofMinSize(1).ofMaxSize(4);
  }

  @Provide
  Arbitrary<Json> scalar() {
    return scalars();
  }

  @Provide
  Arbitrary<String> text() {
    return texts();
  }

  @Provide
  Arbitrary<BigDecimal> decimal() {
    return decimals();
  }

  // --- laws ---

  @Property
  void anythingButAValueNeverMatchesThatValue(@ForAll("scalar") Json v) {
    if (!(v instanceof Json.Str) && !(v instanceof Json.Num)) {
      return; // anything-but takes strings and numbers only
    }
    assertThat(leaf(List.of(obj("anything-but", v))).matches(record(Optional.of(v)))).isFalse();
    assertThat(leaf(List.of(obj("anything-but", new Json.Arr(List.of(v)))))
            .matches(record(Optional.of(v))))
        .isFalse();
  }

  @Property
  void anythingButIsTheNegationOfTheValueOnAPresentScalar(
      @ForAll("scalar") Json excluded, @ForAll("scalar") Json value) {
    if (!(excluded instanceof Json.Str) && !(excluded instanceof Json.Num)) {
      return;
    }
    Json rec = record(Optional.of(value));
    assertThat(leaf(List.of(obj("anything-but", excluded))).matches(rec))
        .isEqualTo(!leaf(List.of(excluded)).matches(rec));
  }

  @Property
  void aListOfValuesMatchesIffOneOfThemDoes(
      @ForAll("entryList") List<Json> entries, @ForAll("fieldValue") Optional<Json> value) {
    Json rec = record(value);
    boolean any = false;
    for (Json e : entries) {
      any |= leaf(List.of(e)).matches(rec);
    }
    assertThat(leaf(entries).matches(rec)).isEqualTo(any);
  }

  @Property
  void existsTrueAndExistsFalseAreComplements(@ForAll("fieldValue") Optional<Json> value) {
    Json rec = record(value);
    boolean present = leaf(List.of(obj("exists", Json.Bool.TRUE))).matches(rec);
    boolean absent = leaf(List.of(obj("exists", Json.Bool.FALSE))).matches(rec);
    assertThat(present).isNotEqualTo(absent);
  }

  @Property
  void nothingButExistsFalseMatchesAMissingField(@ForAll("entry") Json entry) {
    boolean existsFalse = entry.equals(obj("exists", Json.Bool.FALSE));
    assertThat(leaf(List.of(entry)).matches(record(Optional.empty()))).isEqualTo(existsFalse);
  }

  @Property
  void aStringMatchesItsPrefixesAndSuffixesWhateverTheCase(
      @ForAll("text") String s, @ForAll("text") String more) {
    Json rec = record(Optional.of(new Json.Str(s + more)));
    assertThat(leaf(List.of(obj("prefix", new Json.Str(s)))).matches(rec)).isTrue();
    assertThat(leaf(List.of(obj("suffix", new Json.Str(more)))).matches(rec)).isTrue();
    Json upper = new Json.Str(s.toUpperCase(Locale.ROOT));
    assertThat(leaf(List.of(obj("prefix", obj("equals-ignore-case", upper)))).matches(rec))
        .isTrue();
    Json whole = new Json.Str((s + more).toUpperCase(Locale.ROOT));
    assertThat(leaf(List.of(obj("equals-ignore-case", whole))).matches(rec)).isTrue();
  }

  @Property
  void anExactStringMatchesOnlyItself(@ForAll("text") String a, @ForAll("text") String b) {
    assertThat(leaf(List.of(new Json.Str(a))).matches(record(Optional.of(new Json.Str(b)))))
        .isEqualTo(a.equals(b));
  }

  @Property
  void aNumericRangeAgreesWithArithmetic(
      @ForAll("decimal") BigDecimal low,
      @ForAll("decimal") BigDecimal high,
      @ForAll("decimal") BigDecimal x) {
    if (low.compareTo(high) >= 0) {
      return;
    }
    Json range =
        obj(
            "numeric",
            new Json.Arr(
                List.of(
                    new Json.Str(">="),
                    new Json.Num(low.toPlainString()),
                    new Json.Str("<"),
                    new Json.Num(high.toPlainString()))));
    // The record writes the number in scientific form: numeric compares values, not text.
    boolean matched = leaf(List.of(range)).matches(record(Optional.of(new Json.Num(x.toString()))));
    assertThat(matched).isEqualTo(low.compareTo(x) <= 0 && x.compareTo(high) < 0);
  }

  @Property
  void dollarOrMatchesIffOneBranchDoes(
      @ForAll("entry") Json left,
      @ForAll("entry") Json right,
      @ForAll("fieldValue") Optional<Json> a,
      @ForAll("fieldValue") Optional<Json> b) {
    Map<String, Json> rec = new LinkedHashMap<>();
    a.ifPresent(v -> rec.put("a", v));
    b.ifPresent(v -> rec.put("b", v));
    Json record = new Json.Obj(rec);
    Json.Obj first = obj("a", new Json.Arr(List.of(left)));
    Json.Obj second = obj("b", new Json.Arr(List.of(right)));
    FilterPattern or = parse(obj("$or", new Json.Arr(List.of(first, second))));
    assertThat(or.matches(record))
        .isEqualTo(parse(first).matches(record) || parse(second).matches(record));
  }

  @Property
  void parsingAnyTextEitherSucceedsOrGivesLambdasAnswer(@ForAll String text) {
    assertThatCode(
            () -> {
              try {
                FilterPattern.parse(text);
              } catch (LambdaException e) {
                assertThat(e.getMessage()).isEqualTo("Invalid filter pattern definition.");
              }
            })
        .doesNotThrowAnyException();
  }

  @Property
  void parsingAnyJsonEitherSucceedsOrGivesLambdasAnswer(@ForAll("pattern") Json pattern) {
    assertThatCode(
            () -> {
              try {
                parse(pattern).matches(pattern);
              } catch (LambdaException e) {
                assertThat(e.getMessage()).isEqualTo("Invalid filter pattern definition.");
              }
            })
        .doesNotThrowAnyException();
  }

  /** Pattern-shaped JSON, often invalid: names over lists or objects of entries, nested. */
  @Provide
  Arbitrary<Json> pattern() {
    Arbitrary<Json> names = Arbitraries.of("a", "b", "$or", "prefix", "numeric").map(Json.Str::new);
    Arbitrary<Json> leafList =
        Arbitraries.oneOf(entries(), scalars(), Arbitraries.just(new Json.Arr(List.of())))
            .list()
            .ofMaxSize(3)
            .map(l -> (Json) new Json.Arr(l));
    return Arbitraries.recursive(
        () -> leafList,
        inner ->
            Combinators.combine(names.list().ofMaxSize(3), inner.list().ofMaxSize(3))
                .as(
                    (ns, vs) -> {
                      Map<String, Json> members = new LinkedHashMap<>();
                      for (int i = 0; i < Math.min(ns.size(), vs.size()); i++) {
                        members.put(((Json.Str) ns.get(i)).value(), vs.get(i));
                      }
                      return (Json) new Json.Obj(members);
                    }),
        0,
        4);
  }

  // --- helpers ---

  static Json.Obj obj(String name, Json value) {
    Map<String, Json> m = new LinkedHashMap<>();
    m.put(name, value);
    return new Json.Obj(m);
  }

  static Json strings(List<String> values) {
    List<Json> out = new ArrayList<>();
    values.forEach(v -> out.add(new Json.Str(v)));
    return new Json.Arr(out);
  }

  static FilterPattern parse(Json pattern) {
    return FilterPattern.parse(new String(JsonWriter.write(pattern), StandardCharsets.UTF_8));
  }

  /** {"f": [entries]} */
  static FilterPattern leaf(List<Json> entries) {
    return parse(obj("f", new Json.Arr(entries)));
  }

  /** {"f": value, "g": 1}, or {"g": 1} without a value. */
  static Json record(Optional<Json> value) {
    Map<String, Json> m = new LinkedHashMap<>();
    value.ifPresent(v -> m.put("f", v));
    m.put("g", new Json.Num("1"));
    return new Json.Obj(m);
  }
}
