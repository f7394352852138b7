package io.tributary.triggers.mapping;

import static io.tributary.triggers.mapping.FilterPatternTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.model.json.Json;
import io.tributary.model.json.JsonWriter;
import io.tributary.triggers.rest.LambdaException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class FilterCriteriaTest {

  /** The "welcome" story's filter: new customers who gave an email address. */
  static final String WELCOME =
      "{\"eventName\":[\"INSERT\"],"
          + "\"dynamodb\":{\"NewImage\":{\"EmailAddress\":{\"S\":[{\"exists\":true}]}}}}";

  static final String CUSTOMER_KEYS = "{'CustomerId':{'S':'c-1'}}";

  /** The member of a request, {"Filters":[{"Pattern":...},...]}, built from pattern texts. */
  static Json member(String... patterns) {
    List<Json> filters = new ArrayList<>();
    for (String p : patterns) {
      filters.add(new Json.Obj(Map.of("Pattern", new Json.Str(p))));
    }
    return new Json.Obj(Map.of("Filters", new Json.Arr(filters)));
  }

  static Json.Obj record(String singleQuoted) {
    return (Json.Obj) json(singleQuoted);
  }

  @Test
  void theWelcomeFilterPassesOnlyNewCustomersWithAnEmailAddress() {
    FilterCriteria criteria = FilterCriteria.parse(member(WELCOME));
    String withEmail = "{'CustomerId':{'S':'c-1'},'EmailAddress':{'S':'ana@example.com'}}";
    String withoutEmail = "{'CustomerId':{'S':'c-1'},'Name':{'S':'Ana'}}";

    assertThat(criteria.matches(record(StreamRecordsForTests.insert(CUSTOMER_KEYS, withEmail))))
        .isTrue();
    assertThat(criteria.matches(record(StreamRecordsForTests.insert(CUSTOMER_KEYS, withoutEmail))))
        .isFalse();
    assertThat(
            criteria.matches(
                record(StreamRecordsForTests.modify(CUSTOMER_KEYS, withoutEmail, withEmail))))
        .isFalse();
    assertThat(criteria.matches(record(StreamRecordsForTests.remove(CUSTOMER_KEYS, withEmail))))
        .isFalse();
    // An email address of another type is not an "S" that exists.
    String numberEmail = "{'CustomerId':{'S':'c-1'},'EmailAddress':{'N':'1'}}";
    assertThat(criteria.matches(record(StreamRecordsForTests.insert(CUSTOMER_KEYS, numberEmail))))
        .isFalse();
  }

  @Test
  void withoutFiltersEveryRecordGoesThrough() {
    String image = "{'CustomerId':{'S':'c-1'},'Note':{'S':'x'}}";
    for (Json none :
        new Json[] {
          null, Json.Null.INSTANCE, json("{}"), json("{'Filters':[]}"), json("{'Filters':null}")
        }) {
      FilterCriteria criteria = FilterCriteria.parse(none);
      assertThat(criteria.isEmpty()).isTrue();
      assertThat(criteria.matches(record(StreamRecordsForTests.insert(CUSTOMER_KEYS, image))))
          .isTrue();
      assertThat(
              criteria.matches(record(StreamRecordsForTests.modify(CUSTOMER_KEYS, image, image))))
          .isTrue();
      assertThat(criteria.matches(record(StreamRecordsForTests.remove(CUSTOMER_KEYS, image))))
          .isTrue();
    }
    assertThat(FilterCriteria.NONE.isEmpty()).isTrue();
  }

  @Test
  void aRecordGoesThroughWhenAnyFilterMatches() {
    FilterCriteria criteria =
        FilterCriteria.parse(
            member("{\"eventName\":[\"INSERT\"]}", "{\"eventName\":[\"REMOVE\"]}"));
    String image = "{'CustomerId':{'S':'c-1'}}";
    assertThat(criteria.matches(record(StreamRecordsForTests.insert(CUSTOMER_KEYS, image))))
        .isTrue();
    assertThat(criteria.matches(record(StreamRecordsForTests.remove(CUSTOMER_KEYS, image))))
        .isTrue();
    assertThat(criteria.matches(record(StreamRecordsForTests.modify(CUSTOMER_KEYS, image, image))))
        .isFalse();
  }

  @Test
  void theDocumentedStreamExamplesMatch() {
    String manager = "{'CustomerName':{'S':'AnyCompany Industries'}}";
    String image =
        "{'AccountManager':{'S':'Pat Candella'},'PaymentTerms':{'S':'60 days'},"
            + "'CustomerName':{'S':'AnyCompany Industries'}}";
    Json rec = record(StreamRecordsForTests.insert(manager, image));
    assertThat(
            FilterCriteria.of(
                    List.of(
                        "{ \"dynamodb\" : { \"Keys\" : { \"CustomerName\" : { \"S\" :"
                            + " [ \"AnyCompany Industries\" ] } } } }"))
                .matches(rec))
        .isTrue();
    assertThat(
            FilterCriteria.of(
                    List.of(
                        "{\"dynamodb\":{\"NewImage\":{\"AccountManager\":{\"S\":[\"Pat Candella\","
                            + "\"Shirley Rodriguez\"]}}}}"))
                .matches(rec))
        .isTrue();
    assertThat(
            FilterCriteria.of(
                    List.of(
                        "{\"dynamodb\":{\"NewImage\":{\"PaymentTerms\":{\"S\":[{\"prefix\":"
                            + "\"30\"}]}}}}"))
                .matches(rec))
        .isFalse();
  }

  @Test
  void fiveFiltersAreAllowedAndSixAreNot() {
    List<String> five = Collections.nCopies(5, "{\"a\":[\"x\"]}");
    assertThat(FilterCriteria.of(five).filters()).hasSize(5);
    List<String> six = Collections.nCopies(6, "{\"a\":[\"x\"]}");
    assertInvalidParameter(() -> FilterCriteria.of(six));
  }

  @Test
  void aPatternOfMoreThan4096CharactersIsRefusedByTheModel() {
    String prefix = "{\"a\":[\"";
    String suffix = "\"]}";
    String longest = prefix + "x".repeat(4096 - prefix.length() - suffix.length()) + suffix;
    assertThat(longest).hasSize(4096);
    assertThat(FilterCriteria.of(List.of(longest)).filters()).hasSize(1);

    String tooLong = prefix + "x".repeat(4097 - prefix.length() - suffix.length()) + suffix;
    assertThatThrownBy(() -> FilterCriteria.of(List.of("{\"b\":[1]}", tooLong)))
        .isInstanceOfSatisfying(
            LambdaException.class,
            e -> {
              assertThat(e.type()).isEqualTo("ValidationException");
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "1 validation error detected: Value '"
                          + tooLong
                          + "' at 'filterCriteria.filters.2.member.pattern' failed to satisfy"
                          + " constraint: Member must have length less than or equal to 4096");
            });
  }

  @Test
  void theLengthIsCheckedBeforeTheCountAndTheSyntax() {
    String tooLong = "x".repeat(4097);
    List<String> patterns = new ArrayList<>(Collections.nCopies(6, "not json"));
    patterns.add(tooLong);
    assertThatThrownBy(() -> FilterCriteria.of(patterns))
        .isInstanceOfSatisfying(
            LambdaException.class, e -> assertThat(e.type()).isEqualTo("ValidationException"));
  }

  @Test
  void malformedMembersAreInvalidFilterPatterns() {
    assertInvalidParameter(() -> FilterCriteria.parse(json("'x'")));
    assertInvalidParameter(() -> FilterCriteria.parse(json("{'Filters':{}}")));
    assertInvalidParameter(() -> FilterCriteria.parse(json("{'Filters':['x']}")));
    assertInvalidParameter(() -> FilterCriteria.parse(json("{'Filters':[{}]}")));
    assertInvalidParameter(() -> FilterCriteria.parse(json("{'Filters':[{'Pattern':null}]}")));
    assertInvalidParameter(() -> FilterCriteria.parse(json("{'Filters':[{'Pattern':{}}]}")));
    assertInvalidParameter(() -> FilterCriteria.parse(json("{'Filters':[{'Pattern':''}]}")));
    assertInvalidParameter(() -> FilterCriteria.parse(member("{\"a\":[\"x\"]}", "{\"a\":\"x\"}")));
  }

  @Test
  void theCriteriaGoBackAsTheyCame() {
    String spaced = "{ \"a\" : [ 1, 2 ] }";
    FilterCriteria criteria = FilterCriteria.parse(member(spaced, WELCOME));
    String out = new String(JsonWriter.write(criteria.toJson()), StandardCharsets.UTF_8);
    assertThat(json(out)).isEqualTo(member(spaced, WELCOME));
    assertThat(criteria.filters()).extracting(FilterPattern::text).containsExactly(spaced, WELCOME);
    assertThat(FilterCriteria.parse(member(spaced, WELCOME))).isEqualTo(criteria);
  }

  private static void assertInvalidParameter(ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            LambdaException.class,
            e -> {
              assertThat(e.type()).isEqualTo("InvalidParameterValueException");
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.getMessage()).isEqualTo("Invalid filter pattern definition.");
            });
  }
}
