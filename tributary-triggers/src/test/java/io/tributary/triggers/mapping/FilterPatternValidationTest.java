package io.tributary.triggers.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.triggers.rest.LambdaException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which patterns Lambda refuses at CreateEventSourceMapping. Lambda's answer is always the same;
 * the reason (EventBridge's wording) is checked too, so that each case fails for the reason it
 * names and not by accident.
 */
class FilterPatternValidationTest {

  static Stream<Arguments> refused() {
    return Stream.of(
        // not JSON, or not an object
        Arguments.of("", "Filter is not valid JSON"),
        Arguments.of("{'a':['x']", "Filter is not valid JSON"),
        Arguments.of("{a:['x']}", "Filter is not valid JSON"),
        Arguments.of("{'a':['x']} {}", "Filter is not valid JSON"),
        Arguments.of("{'a':['x'],'a':['y']}", "Filter is not valid JSON"),
        Arguments.of("['a']", "Filter is not an object"),
        Arguments.of("'a'", "Filter is not an object"),
        Arguments.of("null", "Filter is not an object"),
        // empty parts
        Arguments.of("{}", "Empty objects are not allowed"),
        Arguments.of("{'dynamodb':{}}", "Empty objects are not allowed"),
        Arguments.of("{'a':[]}", "Empty arrays are not allowed"),
        // a leaf must be a list
        Arguments.of("{'eventName':'INSERT'}", "\"eventName\" must be an object or an array"),
        Arguments.of("{'n':42}", "\"n\" must be an object or an array"),
        Arguments.of("{'n':null}", "\"n\" must be an object or an array"),
        Arguments.of("{'n':true}", "\"n\" must be an object or an array"),
        Arguments.of("{'a':[['x']]}", "Match value must be String, number, true, false, or null"),
        // operators
        Arguments.of("{'a':[{}]}", "Match expression name not found"),
        Arguments.of("{'a':[{'prefix':'x','suffix':'y'}]}", "Only one key allowed"),
        Arguments.of("{'a':[{'EXISTS':true}]}", "Unrecognized match type EXISTS"),
        Arguments.of("{'a':[{'NUMERIC':['=',5]}]}", "Unrecognized match type NUMERIC"),
        Arguments.of("{'a':[{'wildcard':'*.png'}]}", "Unrecognized match type wildcard"),
        Arguments.of("{'a':[{'contains':'x'}]}", "Unrecognized match type contains"),
        Arguments.of("{'a':[{'prefix':123}]}", "prefix match pattern must be a string"),
        Arguments.of("{'a':[{'prefix':['x']}]}", "prefix match pattern must be a string"),
        Arguments.of("{'a':[{'prefix':{'exists':true}}]}", "prefix match pattern must be a string"),
        Arguments.of("{'a':[{'suffix':['.png']}]}", "suffix match pattern must be a string"),
        Arguments.of(
            "{'a':[{'equals-ignore-case':['x']}]}", "equals-ignore-case match pattern must be"),
        Arguments.of(
            "{'a':[{'equals-ignore-case':{'prefix':'x'}}]}", "equals-ignore-case match pattern"),
        Arguments.of("{'a':[{'exists':'true'}]}", "exists match pattern must be either"),
        Arguments.of("{'a':[{'exists':null}]}", "exists match pattern must be either"),
        // anything-but
        Arguments.of("{'a':[{'anything-but':null}]}", "Value of anything-but must be"),
        Arguments.of("{'a':[{'anything-but':true}]}", "Value of anything-but must be"),
        Arguments.of("{'a':[{'anything-but':['x',null]}]}", "mixed type is not supported"),
        Arguments.of("{'a':[{'anything-but':['x',1]}]}", "mixed type is not supported"),
        Arguments.of("{'a':[{'anything-but':[]}]}", "mixed type is not supported"),
        Arguments.of("{'a':[{'anything-but':{'exists':true}}]}", "Unsupported anything-but"),
        Arguments.of("{'a':[{'anything-but':{'numeric':['>',1]}}]}", "Unsupported anything-but"),
        Arguments.of("{'a':[{'anything-but':{'prefix':''}}]}", "Null prefix/suffix not allowed"),
        Arguments.of("{'a':[{'anything-but':{'suffix':''}}]}", "Null prefix/suffix not allowed"),
        Arguments.of("{'a':[{'anything-but':{'prefix':123}}]}", "prefix/suffix match pattern"),
        Arguments.of("{'a':[{'anything-but':{'suffix':[123,'.t']}}]}", "prefix/suffix match"),
        Arguments.of("{'a':[{'anything-but':{'prefix':[]}}]}", "Empty arrays are not allowed"),
        Arguments.of(
            "{'a':[{'anything-but':{'prefix':{'equals-ignore-case':'f'}}}]}",
            "prefix/suffix match pattern must be a string"),
        Arguments.of(
            "{'a':[{'anything-but':{'equals-ignore-case':123}}]}",
            "Inside anything-but/equals-ignore-case list"),
        Arguments.of(
            "{'a':[{'anything-but':{'equals-ignore-case':[123,456]}}]}",
            "Inside anything-but/equals-ignore-case list"),
        Arguments.of(
            "{'a':[{'anything-but':{'prefix':'a','suffix':'b'}}]}", "Only one key allowed"),
        // numeric
        Arguments.of("{'a':[{'numeric':5}]}", "Value of numeric must be an array."),
        Arguments.of("{'a':[{'numeric':[]}]}", "Invalid member in numeric match"),
        Arguments.of("{'a':[{'numeric':[5,'>']}]}", "Invalid member in numeric match"),
        Arguments.of("{'a':[{'numeric':['==',5]}]}", "Unrecognized numeric range operator: =="),
        Arguments.of("{'a':[{'numeric':['!=',5]}]}", "Unrecognized numeric range operator: !="),
        Arguments.of("{'a':[{'numeric':['=']}]}", "Value of equals must be numeric"),
        Arguments.of("{'a':[{'numeric':['=','5']}]}", "Value of equals must be numeric"),
        Arguments.of("{'a':[{'numeric':['>',null]}]}", "Value of > must be numeric"),
        Arguments.of("{'a':[{'numeric':['<',1e9999999999]}]}", "Value of < must be numeric"),
        Arguments.of("{'a':[{'numeric':['=',5,'<',9]}]}", "Too many elements in numeric"),
        Arguments.of("{'a':[{'numeric':['<',5,'>',1]}]}", "Too many elements in numeric"),
        Arguments.of("{'a':[{'numeric':['>',0,'>',0]}]}", "Bad numeric range operator: >"),
        Arguments.of("{'a':[{'numeric':['>',0,'=',9]}]}", "Bad numeric range operator: ="),
        Arguments.of("{'a':[{'numeric':['>',0,9]}]}", "Bad value in numeric range"),
        Arguments.of("{'a':[{'numeric':['>',0,'<']}]}", "Value of < must be numeric"),
        Arguments.of("{'a':[{'numeric':['>',0,'<','9']}]}", "Value of < must be numeric"),
        Arguments.of("{'a':[{'numeric':['>',9,'<',9]}]}", "Bottom must be less than top"),
        Arguments.of("{'a':[{'numeric':['>=',10,'<=',2]}]}", "Bottom must be less than top"),
        Arguments.of("{'a':[{'numeric':['>',0,'<',9,'x']}]}", "Too many terms in numeric range"),
        // cidr
        Arguments.of("{'ip':[{'cidr':10}]}", "prefix match pattern must be a string"),
        Arguments.of("{'ip':[{'cidr':['10.0.0.0/8']}]}", "prefix match pattern must be a string"),
        Arguments.of("{'ip':[{'cidr':'10.0.0.0'}]}", "Malformed CIDR"),
        Arguments.of("{'ip':[{'cidr':'10.0.0.0/8/8'}]}", "Malformed CIDR"),
        Arguments.of("{'ip':[{'cidr':'10.0.0.0/x'}]}", "Malformed CIDR"),
        Arguments.of("{'ip':[{'cidr':'10.0.0.0/33'}]}", "Malformed CIDR"),
        Arguments.of("{'ip':[{'cidr':'xx.11.xx/8'}]}", "Malformed CIDR"),
        Arguments.of("{'ip':[{'cidr':'10.0.0.256/8'}]}", "Malformed CIDR"),
        Arguments.of("{'ip':[{'cidr':'xxxx:db8:1234:1a00::/64'}]}", "Malformed CIDR"),
        Arguments.of("{'ip':[{'cidr':'2001:db8::/129'}]}", "Malformed CIDR"),
        Arguments.of("{'ip':[{'cidr':'example.com/8'}]}", "Malformed CIDR"),
        // $or
        Arguments.of("{'$or':{'a':['x']}}", "It must be an Array followed with $or."),
        Arguments.of("{'$or':[{'a':['x']}]}", "There must have at least 2 Objects in $or"),
        Arguments.of("{'$or':[{'a':['x']},'b']}", "Only JSON object is allowed in array of $or"),
        Arguments.of("{'$or':[{'a':['x']},{}]}", "Empty objects are not allowed"),
        Arguments.of("{'$or':[{'prefix':['x']},{'b':['y']}]}", "prefix is Ruler reserved"),
        Arguments.of("{'$or':[{'a':{'numeric':['x']}},{'b':['y']}]}", "numeric is Ruler reserved"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("refused")
  void lambdaRefusesThePattern(String pattern, String reason) {
    String json = pattern.replace('\'', '"');
    assertThatThrownBy(() -> FilterPattern.parse(json))
        .isInstanceOfSatisfying(
            LambdaException.class,
            e -> {
              assertThat(e.type()).isEqualTo("InvalidParameterValueException");
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.getMessage()).isEqualTo("Invalid filter pattern definition.");
            });
    assertThatThrownBy(() -> PatternParser.parse(json))
        .isInstanceOf(PatternParser.InvalidPattern.class)
        .hasMessageContaining(reason);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{'eventName':['INSERT'],'dynamodb':{'NewImage':{'EmailAddress':{'S':[{'exists':true}]}}}}",
        "{'a':[1,2]}",
        "{'a':[null,'',true,false,-1.5e3]}",
        "{'a':[{'prefix':''}]}",
        "{'a':[{'suffix':{'equals-ignore-case':'.PNG'}}]}",
        "{'a':[{'anything-but':[100,200.5]}]}",
        "{'a':[{'anything-but':{'prefix':['a','b']}}]}",
        "{'a':[{'anything-but':{'equals-ignore-case':'x'}}]}",
        "{'a':[{'numeric':['<=',-1e9]}]}",
        "{'a':[{'numeric':['>=',0,'<',1e-6]}]}",
        "{'ip':[{'cidr':'10.0.0.1/24'}]}",
        "{'ip':[{'cidr':'::/0'}]}",
        "{'a':{'$or':[{'b':['x']},{'c':['y']}]},'$or':[{'d':['1']},{'e':['2']}]}",
        // Names that are operators elsewhere are plain names outside $or and below a leaf list.
        "{'prefix':['x'],'numeric':{'exists':[{'exists':true}]}}",
        "{'a':[{'exists':false},'x',{'numeric':['>',0]}]}"
      })
  void lambdaAcceptsThePattern(String pattern) {
    String json = pattern.replace('\'', '"');
    assertThat(FilterPattern.parse(json).text()).isEqualTo(json);
  }
}
