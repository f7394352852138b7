package io.tributary.triggers.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.model.json.Json;
import io.tributary.model.json.JsonReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a pattern matches, operator by operator, over JSON records. */
class FilterPatternTest {

  static Json json(String text) {
    return JsonReader.parse(text.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
  }

  /** Patterns and records are written with single quotes to keep the tests readable. */
  static boolean matches(String pattern, String record) {
    return FilterPattern.parse(pattern.replace('\'', '"')).matches(json(record));
  }

  // --- exact values, or, and ---

  @Test
  void anExactStringMatchesOnlyThatString() {
    assertThat(matches("{'a':['x']}", "{'a':'x'}")).isTrue();
    assertThat(matches("{'a':['x']}", "{'a':'X'}")).isFalse();
    assertThat(matches("{'a':['x']}", "{'a':'x '}")).isFalse();
    assertThat(matches("{'a':['x']}", "{'b':'x'}")).isFalse();
  }

  @Test
  void numbersAreComparedByTheirText() {
    assertThat(matches("{'a':[300]}", "{'a':300}")).isTrue();
    assertThat(matches("{'a':[300]}", "{'a':300.0}")).isFalse();
    assertThat(matches("{'a':[300]}", "{'a':3.0e2}")).isFalse();
    assertThat(matches("{'a':[3.0e2]}", "{'a':3.0e2}")).isTrue();
  }

  @Test
  void aValueMatchesOnlyItsOwnJsonType() {
    assertThat(matches("{'a':[101]}", "{'a':'101'}")).isFalse();
    assertThat(matches("{'a':['101']}", "{'a':101}")).isFalse();
    assertThat(matches("{'a':[true]}", "{'a':'true'}")).isFalse();
    assertThat(matches("{'a':[true]}", "{'a':true}")).isTrue();
    assertThat(matches("{'a':[false]}", "{'a':true}")).isFalse();
  }

  @Test
  void nullAndTheEmptyStringAreDifferentValues() {
    assertThat(matches("{'a':[null]}", "{'a':null}")).isTrue();
    assertThat(matches("{'a':[null]}", "{'a':''}")).isFalse();
    assertThat(matches("{'a':[null]}", "{}")).isFalse();
    assertThat(matches("{'a':['']}", "{'a':''}")).isTrue();
    assertThat(matches("{'a':['']}", "{'a':null}")).isFalse();
    assertThat(matches("{'a':['']}", "{}")).isFalse();
  }

  @Test
  void aListOfValuesIsAnOr() {
    assertThat(matches("{'a':['Credit','Debit']}", "{'a':'Debit'}")).isTrue();
    assertThat(matches("{'a':['Credit','Debit']}", "{'a':'Cash'}")).isFalse();
  }

  @Test
  void siblingNamesAreAnAnd() {
    String p = "{'Location':['New York'],'Day':['Monday']}";
    assertThat(matches(p, "{'Location':'New York','Day':'Monday','x':1}")).isTrue();
    assertThat(matches(p, "{'Location':'New York','Day':'Sunday'}")).isFalse();
    assertThat(matches(p, "{'Location':'New York'}")).isFalse();
  }

  @Test
  void nestedObjectsFollowTheRecordsNesting() {
    String p = "{'dynamodb':{'Keys':{'Id':{'N':['101']}}}}";
    assertThat(matches(p, "{'dynamodb':{'Keys':{'Id':{'N':'101'}},'SizeBytes':26}}")).isTrue();
    assertThat(matches(p, "{'dynamodb':{'Keys':{'Id':{'N':'102'}}}}")).isFalse();
    assertThat(matches(p, "{'dynamodb':{'Keys':{'Id':{'S':'101'}}}}")).isFalse();
    // A dotted name is not a path.
    assertThat(matches("{'a':{'b':['x']}}", "{'a.b':'x'}")).isFalse();
  }

  // --- shapes that disagree ---

  @Test
  void aValueListDoesNotMatchAnObject() {
    assertThat(matches("{'dynamodb':['x']}", "{'dynamodb':{'a':'x'}}")).isFalse();
    assertThat(matches("{'dynamodb':[{'prefix':''}]}", "{'dynamodb':{'a':'x'}}")).isFalse();
    assertThat(matches("{'dynamodb':[{'anything-but':'x'}]}", "{'dynamodb':{'a':1}}")).isFalse();
  }

  @Test
  void aNestedPatternDoesNotMatchAScalar() {
    assertThat(matches("{'a':{'b':['x']}}", "{'a':'x'}")).isFalse();
    assertThat(matches("{'a':{'b':['x']}}", "{'a':null}")).isFalse();
    assertThat(matches("{'a':{'b':[{'exists':true}]}}", "{'a':'x'}")).isFalse();
    // ... but a.b is then absent, which is what exists:false asks.
    assertThat(matches("{'a':{'b':[{'exists':false}]}}", "{'a':'x'}")).isTrue();
  }

  @Test
  void anArrayMatchesWhenOneOfItsElementsDoes() {
    assertThat(matches("{'r':['b']}", "{'r':['a','b']}")).isTrue();
    assertThat(matches("{'r':['c','b']}", "{'r':['a','b']}")).isTrue();
    assertThat(matches("{'r':['c']}", "{'r':['a','b']}")).isFalse();
    assertThat(matches("{'r':['b']}", "{'r':[['a'],['b']]}")).isTrue();
    assertThat(matches("{'r':[null]}", "{'r':[]}")).isFalse();
  }

  @Test
  void namesUnderAnArrayMustMatchWithinOneElement() {
    String rec =
        "{'employees':[{'first':'John','last':'Doe'},{'first':'Anna','last':'Smith'},"
            + "{'first':'Peter','last':'Jones'}]}";
    assertThat(matches("{'employees':{'first':['Anna']}}", rec)).isTrue();
    assertThat(matches("{'employees':{'first':['Anna'],'last':['Smith']}}", rec)).isTrue();
    assertThat(matches("{'employees':{'first':['Anna'],'last':['Jones']}}", rec)).isFalse();
  }

  @Test
  void aDynamoDbListIsSearchedElementByElement() {
    String rec = "{'NewImage':{'tags':{'L':[{'S':'red'},{'N':'7'}]}}}";
    assertThat(matches("{'NewImage':{'tags':{'L':{'S':['red']}}}}", rec)).isTrue();
    assertThat(matches("{'NewImage':{'tags':{'L':{'N':['7']}}}}", rec)).isTrue();
    assertThat(matches("{'NewImage':{'tags':{'L':{'S':['blue']}}}}", rec)).isFalse();
  }

  // --- prefix, suffix, equals-ignore-case ---

  @Test
  void prefixMatchesTheStartOfStringsOnly() {
    assertThat(matches("{'r':[{'prefix':'us-'}]}", "{'r':'us-east-1'}")).isTrue();
    assertThat(matches("{'r':[{'prefix':'us-'}]}", "{'r':'eu-west-1'}")).isFalse();
    assertThat(matches("{'r':[{'prefix':'us-'}]}", "{'r':'US-east-1'}")).isFalse();
    assertThat(matches("{'n':[{'prefix':'1'}]}", "{'n':123}")).isFalse();
    assertThat(matches("{'r':[{'prefix':''}]}", "{'r':''}")).isTrue();
    assertThat(matches("{'r':[{'prefix':''}]}", "{'r':null}")).isFalse();
  }

  @Test
  void prefixAndSuffixCanIgnoreCase() {
    String prefix = "{'s':[{'prefix':{'equals-ignore-case':'EventB'}}]}";
    assertThat(matches(prefix, "{'s':'eventbridge'}")).isTrue();
    assertThat(matches(prefix, "{'s':'EVENTBRIDGE'}")).isTrue();
    assertThat(matches(prefix, "{'s':'lambda'}")).isFalse();
    String suffix = "{'f':[{'suffix':{'equals-ignore-case':'.png'}}]}";
    assertThat(matches(suffix, "{'f':'A.PNG'}")).isTrue();
    assertThat(matches(suffix, "{'f':'a.jpg'}")).isFalse();
  }

  @Test
  void suffixMatchesTheEndOfStrings() {
    assertThat(matches("{'f':[{'suffix':'.png'}]}", "{'f':'cat.png'}")).isTrue();
    assertThat(matches("{'f':[{'suffix':'.png'}]}", "{'f':'cat.PNG'}")).isFalse();
    assertThat(matches("{'f':[{'suffix':'.png'}]}", "{'f':'cat.png.gz'}")).isFalse();
  }

  @Test
  void equalsIgnoreCaseMatchesEveryCasing() {
    assertThat(matches("{'n':[{'equals-ignore-case':'alice'}]}", "{'n':'ALICE'}")).isTrue();
    assertThat(matches("{'n':[{'equals-ignore-case':'alice'}]}", "{'n':'Alicia'}")).isFalse();
    assertThat(matches("{'n':[{'equals-ignore-case':''}]}", "{'n':''}")).isTrue();
    assertThat(matches("{'n':[{'equals-ignore-case':'1'}]}", "{'n':1}")).isFalse();
  }

  // --- anything-but ---

  @Test
  void anythingButExcludesItsValues() {
    String p = "{'w':[{'anything-but':['Raining','Snowing']}]}";
    assertThat(matches(p, "{'w':'Sunny'}")).isTrue();
    assertThat(matches(p, "{'w':'Raining'}")).isFalse();
    assertThat(matches(p, "{'w':'Snowing'}")).isFalse();
    assertThat(matches("{'w':[{'anything-but':'Raining'}]}", "{'w':'Raining'}")).isFalse();
    assertThat(matches("{'x':[{'anything-but':123}]}", "{'x':124}")).isTrue();
    assertThat(matches("{'x':[{'anything-but':[100,200]}]}", "{'x':200}")).isFalse();
  }

  @Test
  void anythingButNeedsAValueButAcceptsNullAndOtherTypes() {
    String p = "{'d':{'state':[{'anything-but':'initializing'}]}}";
    assertThat(matches(p, "{'d':{}}")).isFalse();
    assertThat(matches(p, "{'d':{'state':null}}")).isTrue();
    assertThat(matches(p, "{'d':{'state':7}}")).isTrue();
    assertThat(matches(p, "{'d':{'state':['initializing','running']}}")).isTrue();
    assertThat(matches(p, "{'d':{'state':['initializing']}}")).isFalse();
    assertThat(matches("{'x':[{'anything-but':'123'}]}", "{'x':123}")).isTrue();
  }

  @Test
  void anythingButPrefixSuffixAndIgnoreCase() {
    String prefix = "{'s':[{'anything-but':{'prefix':'init'}}]}";
    assertThat(matches(prefix, "{'s':'running'}")).isTrue();
    assertThat(matches(prefix, "{'s':'initializing'}")).isFalse();
    assertThat(matches(prefix, "{'s':12}")).isTrue();
    assertThat(matches(prefix, "{'s':null}")).isTrue();
    assertThat(matches(prefix, "{}")).isFalse();
    String prefixes = "{'s':[{'anything-but':{'prefix':['init','stop']}}]}";
    assertThat(matches(prefixes, "{'s':'stopping'}")).isFalse();
    assertThat(matches(prefixes, "{'s':'running'}")).isTrue();
    String suffix = "{'f':[{'anything-but':{'suffix':'.png'}}]}";
    assertThat(matches(suffix, "{'f':'a.png'}")).isFalse();
    assertThat(matches(suffix, "{'f':'a.jpg'}")).isTrue();
    String ignoreCase = "{'s':[{'anything-but':{'equals-ignore-case':['Stopped','overloaded']}}]}";
    assertThat(matches(ignoreCase, "{'s':'STOPPED'}")).isFalse();
    assertThat(matches(ignoreCase, "{'s':'running'}")).isTrue();
  }

  // --- numeric ---

  @Test
  void numericComparesValues() {
    assertThat(matches("{'p':[{'numeric':['=',100]}]}", "{'p':100}")).isTrue();
    assertThat(matches("{'p':[{'numeric':['=',100]}]}", "{'p':100.0}")).isTrue();
    assertThat(matches("{'p':[{'numeric':['=',3.018e2]}]}", "{'p':301.8}")).isTrue();
    assertThat(matches("{'p':[{'numeric':['=',100]}]}", "{'p':100.5}")).isFalse();
    assertThat(matches("{'p':[{'numeric':['>',100]}]}", "{'p':101.0}")).isTrue();
    assertThat(matches("{'p':[{'numeric':['>',100]}]}", "{'p':100}")).isFalse();
    assertThat(matches("{'p':[{'numeric':['>=',100]}]}", "{'p':100}")).isTrue();
    assertThat(matches("{'p':[{'numeric':['<',0]}]}", "{'p':-0.5}")).isTrue();
    assertThat(matches("{'p':[{'numeric':['<=',0]}]}", "{'p':0}")).isTrue();
    assertThat(matches("{'p':[{'numeric':['<',0]}]}", "{'p':0}")).isFalse();
  }

  @Test
  void numericRangesHaveABottomAndATop() {
    String p = "{'p':[{'numeric':['>',10,'<=',20]}]}";
    assertThat(matches(p, "{'p':10}")).isFalse();
    assertThat(matches(p, "{'p':10.000001}")).isTrue();
    assertThat(matches(p, "{'p':20}")).isTrue();
    assertThat(matches(p, "{'p':20.5}")).isFalse();
    assertThat(matches("{'p':[{'numeric':['>=',10,'<',20]}]}", "{'p':10}")).isTrue();
    assertThat(matches("{'p':[{'numeric':['>=',10,'<',20]}]}", "{'p':20}")).isFalse();
  }

  @Test
  void numericNeverMatchesStringsNullsOrMissingFields() {
    String p = "{'p':[{'numeric':['>',0]}]}";
    assertThat(matches(p, "{'p':'5'}")).isFalse();
    assertThat(matches(p, "{'p':null}")).isFalse();
    assertThat(matches(p, "{}")).isFalse();
    assertThat(matches(p, "{'p':[-1,5]}")).isTrue();
    assertThat(matches(p, "{'p':1e9999999999}")).isFalse();
    assertThat(matches(p, "{'p':1e999999}")).isTrue();
  }

  /**
   * DynamoDB gives a number attribute as a JSON string ({"N":"50001"}), so a numeric filter on it
   * never matches, as the string rule says; an exact string does.
   */
  @Test
  void aDynamoDbNumberIsAStringToTheFilter() {
    String rec = "{'dynamodb':{'NewImage':{'Salary':{'N':'50001'}}}}";
    String numeric = "{'dynamodb':{'NewImage':{'Salary':{'N':[{'numeric':['>',50000]}]}}}}";
    assertThat(matches(numeric, rec)).isFalse();
    assertThat(matches("{'dynamodb':{'NewImage':{'Salary':{'N':['50001']}}}}", rec)).isTrue();
    assertThat(matches("{'dynamodb':{'NewImage':{'Salary':{'N':[50001]}}}}", rec)).isFalse();
    String size = "{'dynamodb':{'SizeBytes':[{'numeric':['>',20]}]}}";
    assertThat(matches(size, "{'dynamodb':{'SizeBytes':26}}")).isTrue();
  }

  // --- exists ---

  @Test
  void existsAsksWhetherALeafHasAValue() {
    assertThat(matches("{'a':[{'exists':true}]}", "{'a':'x'}")).isTrue();
    assertThat(matches("{'a':[{'exists':true}]}", "{'a':null}")).isTrue();
    assertThat(matches("{'a':[{'exists':true}]}", "{'a':''}")).isTrue();
    assertThat(matches("{'a':[{'exists':true}]}", "{'b':'x'}")).isFalse();
    assertThat(matches("{'a':[{'exists':false}]}", "{'b':'x'}")).isTrue();
    assertThat(matches("{'a':[{'exists':false}]}", "{'a':'x'}")).isFalse();
    assertThat(matches("{'a':[{'exists':false}]}", "{'a':null}")).isFalse();
  }

  @Test
  void existsOnlySeesLeaves() {
    // An object is not a leaf: exists:true does not match it, exists:false does.
    assertThat(matches("{'d':{'k':[{'exists':true}]}}", "{'d':{'k':{'S':'v'}}}")).isFalse();
    assertThat(matches("{'d':{'k':[{'exists':false}]}}", "{'d':{'k':{'S':'v'}}}")).isTrue();
    assertThat(matches("{'d':{'k':{'S':[{'exists':true}]}}}", "{'d':{'k':{'S':'v'}}}")).isTrue();
    // An empty array holds no value.
    assertThat(matches("{'r':[{'exists':true}]}", "{'r':[]}")).isFalse();
    assertThat(matches("{'r':[{'exists':false}]}", "{'r':[]}")).isTrue();
  }

  @Test
  void existsOverAnArrayOfObjects() {
    String rec = "{'a':[{'k1':'v1'},{'id':'x'},{'k2':'v2'}]}";
    assertThat(matches("{'a':{'id':[{'exists':true}]}}", rec)).isTrue();
    // Present in one element is present: exists:false asks of the whole record.
    assertThat(matches("{'a':{'id':[{'exists':false}]}}", rec)).isFalse();
    assertThat(matches("{'a':{'nope':[{'exists':false}]}}", rec)).isTrue();
  }

  @Test
  void existsCombinesWithOtherValuesAsAnOr() {
    String p = "{'d':{'N':{'h':{'S':[{'anything-but':['roses']},{'exists':false}]}}}}";
    assertThat(matches(p, "{'d':{'N':{'p':{'N':'789'}}}}")).isTrue();
    assertThat(matches(p, "{'d':{'N':{'h':{'S':'tulips'}}}}")).isTrue();
    assertThat(matches(p, "{'d':{'N':{'h':{'S':'roses'}}}}")).isFalse();
  }

  // --- cidr ---

  @Test
  void cidrMatchesAddressesInTheBlock() {
    String p = "{'ip':[{'cidr':'10.0.0.0/24'}]}";
    assertThat(matches(p, "{'ip':'10.0.0.255'}")).isTrue();
    assertThat(matches(p, "{'ip':'10.0.1.0'}")).isFalse();
    assertThat(matches(p, "{'ip':'not an address'}")).isFalse();
    assertThat(matches(p, "{'ip':123}")).isFalse();
    assertThat(matches(p, "{'ip':'2001:db8::1'}")).isFalse();
    String v6 = "{'ip':[{'cidr':'2001:db8:1234:1a00::/64'}]}";
    assertThat(matches(v6, "{'ip':'2001:db8:1234:1a00::dead'}")).isTrue();
    assertThat(matches(v6, "{'ip':'2001:db8:1234:1a01::1'}")).isFalse();
    assertThat(matches("{'ip':[{'cidr':'0.0.0.0/0'}]}", "{'ip':'192.168.1.1'}")).isTrue();
  }

  // --- $or ---

  @Test
  void dollarOrJoinsWholeSubPatterns() {
    String p = "{'source':['cw'],'$or':[{'metric':['CPU']},{'ns':['EC2'],'scope':['S']}]}";
    assertThat(matches(p, "{'source':'cw','metric':'CPU'}")).isTrue();
    assertThat(matches(p, "{'source':'cw','ns':'EC2','scope':'S'}")).isTrue();
    assertThat(matches(p, "{'source':'cw','ns':'EC2'}")).isFalse();
    assertThat(matches(p, "{'source':'other','metric':'CPU'}")).isFalse();
  }

  @Test
  void dollarOrWorksAtAnyLevelAndNests() {
    String p =
        "{'d':{'$or':[{'a':['1']},{'b':['2'],'$or':[{'c':['3']},{'e':[{'exists':false}]}]}]}}";
    assertThat(matches(p, "{'d':{'a':'1'}}")).isTrue();
    assertThat(matches(p, "{'d':{'b':'2','c':'3'}}")).isTrue();
    assertThat(matches(p, "{'d':{'b':'2'}}")).isTrue();
    assertThat(matches(p, "{'d':{'b':'2','e':'x'}}")).isFalse();
    assertThat(matches(p, "{'d':{'a':'2'}}")).isFalse();
  }

  // --- the record as Lambda sees it ---

  @Test
  void namesOutsideThePatternAreIgnored() {
    String keys = "{'Id':{'S':'1'}}";
    assertThat(matches("{'eventName':['INSERT']}", StreamRecordsForTests.insert(keys, keys)))
        .isTrue();
    assertThat(matches("{'eventName':['INSERT']}", StreamRecordsForTests.remove(keys, keys)))
        .isFalse();
  }

  @Test
  void thePatternKeepsItsText() {
    FilterPattern p = FilterPattern.parse("{ \"a\" : [ 1, 2 ] }");
    assertThat(p.text()).isEqualTo("{ \"a\" : [ 1, 2 ] }");
    assertThat(p).isEqualTo(FilterPattern.parse("{ \"a\" : [ 1, 2 ] }"));
    assertThat(p).isNotEqualTo(FilterPattern.parse("{\"a\":[1,2]}"));
  }
}
