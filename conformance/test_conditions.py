"""Conditional writes: ConditionExpression and the legacy Expected on PutItem, UpdateItem, DeleteItem.

A condition that does not hold fails the write with ConditionalCheckFailedException and changes
nothing. Comparisons between different types are simply false, never an error.
"""

import re
import uuid

import pytest

import support
from support import expect_error, expect_validation

FAILED = "The conditional request failed"
MIXED = "Can not use both expression and non-expression parameters in the same request: "


def N(number):
    return {"N": str(number)}


def S(text):
    return {"S": text}


def B(data):
    return {"B": data}


ITEM = {
    "n": N(5),
    "s": S("hello world"),
    "b": B(b"\x01\x02\x03"),
    "t": {"BOOL": True},
    "nul": {"NULL": True},
    "ss": {"SS": ["a", "b"]},
    "ns": {"NS": ["1", "2"]},
    "bs": {"BS": [b"\x01"]},
    "l": {"L": [S("x"), N(1)]},
    "m": {"M": {"k": S("v"), "deep": {"M": {"n": N(7)}}}},
}

VALUES = {
    ":zero": N(0),
    ":one": N(1),
    ":two": N(2),
    ":three": N(3),
    ":four": N(4),
    ":five": N(5),
    ":six": N(6),
    ":seven": N(7),
    ":ten": N(10),
    ":eleven": N(11),
    ":five_s": S("5"),
    ":five_point": N("5.00"),
    ":ns_21": {"NS": ["2.0", "1"]},
    ":hello": S("hello world"),
    ":hel": S("hel"),
    ":wor": S("wor"),
    ":lo_w": S("lo w"),
    ":z": S("z"),
    ":a": S("a"),
    ":c": S("c"),
    ":x": S("x"),
    ":b12": B(b"\x01\x02"),
    ":b2": B(b"\x02"),
    ":b3": B(b"\x03\x04"),
    ":true": {"BOOL": True},
    ":null": {"NULL": True},
    ":ss_ba": {"SS": ["b", "a"]},
    ":ss_a": {"SS": ["a"]},
    ":list": {"L": [S("x"), N(1)]},
    ":deep": {"M": {"n": N(7)}},
    ":type_n": S("N"),
    ":type_s": S("S"),
    ":type_ss": S("SS"),
    ":type_ns": S("NS"),
    ":type_bs": S("BS"),
    ":type_b": S("B"),
    ":type_bool": S("BOOL"),
    ":type_null": S("NULL"),
    ":type_l": S("L"),
    ":type_m": S("M"),
}

# (condition, holds on ITEM)
CASES = [
    # comparators on numbers, strings, binaries
    ("n = :five", True),
    ("n = :six", False),
    ("n = :five_point", True),
    ("n <> :six", True),
    ("n <> :five", False),
    ("n < :six", True),
    ("n < :five", False),
    ("n <= :five", True),
    ("n > :four", True),
    ("n > :five", False),
    ("n >= :five", True),
    ("n >= :six", False),
    (":six > n", True),
    ("s < :z", True),
    ("s > :hel", True),
    ("b < :b2", True),
    ("b > :b12", True),
    # other types are neither equal nor ordered
    ("n = :five_s", False),
    ("n <> :five_s", True),
    ("n < :five_s", False),
    ("n >= :five_s", False),
    ("absent <> :five", True),
    ("absent = :five", False),
    ("absent < :five", False),
    # whole values
    ("t = :true", True),
    ("nul = :null", True),
    ("ss = :ss_ba", True),
    ("ss = :ss_a", False),
    ("ns = :ns_21", True),
    ("l = :list", True),
    ("m.deep = :deep", True),
    # document paths
    ("m.k = :x", False),
    ("m.deep.n = :seven", True),
    ("l[0] = :x", True),
    ("l[1] = :one", True),
    ("l[2] = :one", False),
    ("#n = :five", True),
    ("#m.#deep.#n = :seven", True),
    # BETWEEN and IN
    ("n BETWEEN :four AND :six", True),
    ("n BETWEEN :five AND :five", True),
    ("n BETWEEN :six AND :ten", False),
    ("s BETWEEN :hel AND :z", True),
    ("n BETWEEN :five_s AND :five_s", False),
    ("n IN (:four, :five)", True),
    ("n IN (:four, :six)", False),
    ("n IN (:five_s)", False),
    ("s IN (:a, :hello)", True),
    # AND binds tighter than OR, NOT tighter than AND
    ("n = :five OR n = :six AND s = :z", True),
    ("(n = :five OR n = :six) AND s = :z", False),
    ("n = :six AND s = :z OR n = :five", True),
    ("NOT n = :five AND n = :six", False),
    ("NOT (n = :five AND n = :six)", True),
    ("NOT n = :six OR n = :six", True),
    ("NOT NOT n = :five", True),
    ("n = :five AND (s = :z OR NOT s = :z)", True),
    # functions
    ("attribute_exists(n)", True),
    ("attribute_exists(absent)", False),
    ("attribute_not_exists(absent)", True),
    ("attribute_not_exists(n)", False),
    ("attribute_exists(m.deep.n)", True),
    ("attribute_exists(m.absent)", False),
    ("attribute_exists(l[1])", True),
    ("attribute_exists(l[5])", False),
    ("attribute_exists(n.x)", False),
    ("attribute_type(n, :type_n)", True),
    ("attribute_type(n, :type_s)", False),
    ("attribute_type(s, :type_s)", True),
    ("attribute_type(b, :type_b)", True),
    ("attribute_type(t, :type_bool)", True),
    ("attribute_type(nul, :type_null)", True),
    ("attribute_type(ss, :type_ss)", True),
    ("attribute_type(ns, :type_ns)", True),
    ("attribute_type(bs, :type_bs)", True),
    ("attribute_type(l, :type_l)", True),
    ("attribute_type(m, :type_m)", True),
    ("attribute_type(m.deep, :type_m)", True),
    ("attribute_type(absent, :type_s)", False),
    ("begins_with(s, :hel)", True),
    ("begins_with(s, :wor)", False),
    ("begins_with(b, :b12)", True),
    ("begins_with(b, :b2)", False),
    ("begins_with(n, :five_s)", False),
    ("begins_with(absent, :hel)", False),
    ("contains(s, :lo_w)", True),
    ("contains(s, :z)", False),
    ("contains(ss, :a)", True),
    ("contains(ss, :c)", False),
    ("contains(ns, :two)", True),
    ("contains(ns, :three)", False),
    ("contains(ss, :one)", False),
    ("contains(l, :x)", True),
    ("contains(l, :one)", True),
    ("contains(l, :a)", False),
    ("contains(b, :b2)", True),
    ("contains(b, :b3)", False),
    ("contains(absent, :a)", False),
    ("size(s) = :eleven", True),
    ("size(s) > :ten", True),
    ("size(b) = :three", True),
    ("size(ss) = :two", True),
    ("size(ns) = :two", True),
    ("size(l) = :two", True),
    ("size(m) = :two", True),
    ("size(m.deep) = :one", True),
    ("size(n) = :one", False),
    ("size(absent) = :zero", False),
    ("size(s) BETWEEN :ten AND :eleven", True),
]

NAMES = {"#n": "n", "#m": "m", "#deep": "deep"}


@pytest.fixture(scope="module")
def table(dynamodb):
    name = support.unique_name("conditions")
    support.create_table(dynamodb, name, ("pk", "S"))
    try:
        yield name
    finally:
        support.delete_table_quietly(dynamodb, name)


def new_key():
    return {"pk": {"S": uuid.uuid4().hex}}


def stored(dynamodb, table, key):
    return dynamodb.get_item(TableName=table, Key=key, ConsistentRead=True).get("Item")


def tokens(expression):
    return re.findall(r"[#:]?[A-Za-z0-9_]+", expression)


def placeholders(expression):
    params = {}
    values = {k: v for k, v in VALUES.items() if k in tokens(expression)}
    names = {k: v for k, v in NAMES.items() if k in tokens(expression)}
    if values:
        params["ExpressionAttributeValues"] = values
    if names:
        params["ExpressionAttributeNames"] = names
    return params


@pytest.fixture(scope="module")
def item_key(dynamodb, table):
    key = new_key()
    dynamodb.put_item(TableName=table, Item={**key, **ITEM})
    return key


@pytest.mark.parametrize("condition, holds", CASES, ids=[c for c, _ in CASES])
def test_condition_on_put(dynamodb, table, item_key, condition, holds):
    request = {"TableName": table, "Item": {**item_key, **ITEM}, "ConditionExpression": condition, **placeholders(condition)}
    if holds:
        dynamodb.put_item(**request)
    else:
        with expect_error("ConditionalCheckFailedException", FAILED):
            dynamodb.put_item(**request)


# --- Each write action ----------------------------------------------------------------------------


def test_put_if_not_exists(dynamodb, table):
    key = new_key()
    dynamodb.put_item(TableName=table, Item={**key, "v": N(1)}, ConditionExpression="attribute_not_exists(pk)")
    with expect_error("ConditionalCheckFailedException", FAILED):
        dynamodb.put_item(TableName=table, Item={**key, "v": N(2)}, ConditionExpression="attribute_not_exists(pk)")
    assert stored(dynamodb, table, key) == {**key, "v": N(1)}


def test_condition_on_a_missing_item_sees_no_attributes(dynamodb, table):
    key = new_key()
    with expect_error("ConditionalCheckFailedException", FAILED):
        dynamodb.update_item(
            TableName=table, Key=key, UpdateExpression="SET v = :one", ConditionExpression="attribute_exists(pk)",
            ExpressionAttributeValues={":one": N(1)},
        )
    with expect_error("ConditionalCheckFailedException", FAILED):
        dynamodb.delete_item(TableName=table, Key=key, ConditionExpression="v = :one", ExpressionAttributeValues={":one": N(1)})
    dynamodb.delete_item(TableName=table, Key=key, ConditionExpression="v <> :one", ExpressionAttributeValues={":one": N(1)})
    assert stored(dynamodb, table, key) is None


def test_update_with_a_condition(dynamodb, table):
    key = new_key()
    dynamodb.put_item(TableName=table, Item={**key, "v": N(1)})
    request = {
        "TableName": table,
        "Key": key,
        "UpdateExpression": "SET v = v + :one",
        "ConditionExpression": "v < :three",
        "ExpressionAttributeValues": {":one": N(1), ":three": N(3)},
    }
    dynamodb.update_item(**request)
    dynamodb.update_item(**request)
    with expect_error("ConditionalCheckFailedException", FAILED):
        dynamodb.update_item(**request)
    assert stored(dynamodb, table, key) == {**key, "v": N(3)}


def test_delete_with_a_condition(dynamodb, table):
    key = new_key()
    dynamodb.put_item(TableName=table, Item={**key, "state": S("active")})
    request = {
        "TableName": table,
        "Key": key,
        "ConditionExpression": "#st = :done",
        "ExpressionAttributeNames": {"#st": "state"},
        "ExpressionAttributeValues": {":done": S("done")},
    }
    with expect_error("ConditionalCheckFailedException", FAILED):
        dynamodb.delete_item(**request)
    assert stored(dynamodb, table, key) == {**key, "state": S("active")}
    dynamodb.put_item(TableName=table, Item={**key, "state": S("done")})
    dynamodb.delete_item(**request)
    assert stored(dynamodb, table, key) is None


def test_a_failed_condition_changes_nothing(dynamodb, table):
    key = new_key()
    item = {**key, "v": N(1), "tags": {"SS": ["a"]}}
    dynamodb.put_item(TableName=table, Item=item)
    never = {"ConditionExpression": "v = :nine", "ExpressionAttributeValues": {":nine": N(9)}}
    with expect_error("ConditionalCheckFailedException", FAILED):
        dynamodb.put_item(TableName=table, Item={**key, "w": N(2)}, **never)
    with expect_error("ConditionalCheckFailedException", FAILED):
        dynamodb.update_item(
            TableName=table, Key=key, UpdateExpression="REMOVE v ADD tags :t",
            ConditionExpression=never["ConditionExpression"],
            ExpressionAttributeValues={**never["ExpressionAttributeValues"], ":t": {"SS": ["b"]}},
        )
    with expect_error("ConditionalCheckFailedException", FAILED):
        dynamodb.delete_item(TableName=table, Key=key, **never)
    assert stored(dynamodb, table, key) == item


# --- ReturnValuesOnConditionCheckFailure ----------------------------------------------------------


def test_all_old_on_failure_returns_the_item(dynamodb, table):
    key = new_key()
    item = {**key, "v": N(1), "s": S("x")}
    dynamodb.put_item(TableName=table, Item=item)
    never = {
        "ConditionExpression": "v = :nine",
        "ExpressionAttributeValues": {":nine": N(9)},
        "ReturnValuesOnConditionCheckFailure": "ALL_OLD",
    }
    with expect_error("ConditionalCheckFailedException", FAILED) as info:
        dynamodb.put_item(TableName=table, Item=key, **never)
    assert info.value.response["Item"] == item
    with expect_error("ConditionalCheckFailedException", FAILED) as info:
        dynamodb.update_item(TableName=table, Key=key, UpdateExpression="REMOVE s", **never)
    assert info.value.response["Item"] == item
    with expect_error("ConditionalCheckFailedException", FAILED) as info:
        dynamodb.delete_item(TableName=table, Key=key, **never)
    assert info.value.response["Item"] == item


def test_no_item_on_failure_without_all_old(dynamodb, table):
    key = new_key()
    dynamodb.put_item(TableName=table, Item={**key, "v": N(1)})
    for extra in ({}, {"ReturnValuesOnConditionCheckFailure": "NONE"}):
        with expect_error("ConditionalCheckFailedException", FAILED) as info:
            dynamodb.delete_item(TableName=table, Key=key, ConditionExpression="attribute_not_exists(v)", **extra)
        assert "Item" not in info.value.response


def test_all_old_on_failure_for_a_missing_item(dynamodb, table):
    with expect_error("ConditionalCheckFailedException", FAILED) as info:
        dynamodb.delete_item(
            TableName=table, Key=new_key(), ConditionExpression="attribute_exists(pk)",
            ReturnValuesOnConditionCheckFailure="ALL_OLD",
        )
    assert "Item" not in info.value.response


# --- Errors in condition expressions --------------------------------------------------------------


@pytest.mark.parametrize(
    "condition, message",
    [
        ("", "The expression can not be empty;"),
        ("n >", 'Syntax error; token: "<EOF>", near: ">"'),
        ("n > 4", 'Syntax error; token: "4", near: "> 4"'),
        ("n = :five AND", 'Syntax error; token: "<EOF>", near: "AND"'),
        ("attRIbute_exIsts(n)", "Invalid function name; function: attRIbute_exIsts"),
        ("size(s)", "The function is not allowed to be used this way in an expression; function: size"),
        ("n < :true", "Incorrect operand type for operator or function; operator or function: <, operand type: BOOL"),
        (
            "begins_with(s, :hel, :wor)",
            "Incorrect number of operands for operator or function; operator or function: begins_with, number of operands: 3",
        ),
        ("attribute_exists(:five)", "Operator or function requires a document path; operator or function: attribute_exists"),
        ("n = n", "The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [n]"),
        (
            "n BETWEEN :six AND :four",
            "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
            "lower bound operand: AttributeValue: {N:6}, upper bound operand: AttributeValue: {N:4}",
        ),
        ("size = :five", "Attribute name is a reserved keyword; reserved keyword: size"),
        ("#x = :five", "An expression attribute name used in the document path is not defined; attribute name: #x"),
        ("n = :undefined", "An expression attribute value used in expression is not defined; attribute value: :undefined"),
        ("((n = :five))", "The expression has redundant parentheses;"),
        ("contains(#n, #n)", "The first operand must be distinct from the remaining operands for this operator or function; operator: contains, first operand: [n]"),
        (
            "n BETWEEN :five AND :hel",
            "The BETWEEN operator requires same data type for lower and upper bounds; "
            "lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {S:hel}",
        ),
        ("if_not_exists(n, :five) = :five", "The function is not allowed in a condition expression; function: if_not_exists"),
        ("n = :five OR attribute_exists(n) > :five", "The function is not allowed to be used this way in an expression; function: attribute_exists"),
    ],
)
def test_condition_expression_errors(dynamodb, table, condition, message):
    with expect_validation(f"Invalid ConditionExpression: {message}"):
        dynamodb.put_item(TableName=table, Item=new_key(), ConditionExpression=condition, **placeholders(condition))


def test_in_takes_at_most_100_candidates(dynamodb, table, item_key):
    def condition(count):
        return "n IN (" + ", ".join(f":v{i}" for i in range(count)) + ")"

    def values(count):
        return {f":v{i}": N(i) for i in range(count)}

    dynamodb.put_item(
        TableName=table, Item={**item_key, **ITEM}, ConditionExpression=condition(100), ExpressionAttributeValues=values(100)
    )
    with expect_validation("Invalid ConditionExpression: The IN operator is provided with too many operands; number of operands: 101"):
        dynamodb.put_item(
            TableName=table, Item=new_key(), ConditionExpression=condition(101), ExpressionAttributeValues=values(101)
        )


def test_attribute_type_with_an_unknown_type(dynamodb, table):
    with expect_error(
        "ValidationException",
        contains="Invalid ConditionExpression: Invalid attribute type name found; type: X, valid types: {",
    ):
        dynamodb.put_item(
            TableName=table, Item=new_key(), ConditionExpression="attribute_type(n, :t)",
            ExpressionAttributeValues={":t": S("X")},
        )


def test_unused_values_in_a_condition(dynamodb, table):
    with expect_validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {:b}"):
        dynamodb.put_item(
            TableName=table, Item=new_key(), ConditionExpression="n = :a",
            ExpressionAttributeValues={":a": N(1), ":b": N(2)},
        )


def test_values_without_a_condition(dynamodb, table):
    with expect_error(
        "ValidationException", contains="ExpressionAttributeValues can only be specified when using expressions"
    ):
        dynamodb.put_item(TableName=table, Item=new_key(), ExpressionAttributeValues={":a": N(1)})


# --- Expected (legacy) ----------------------------------------------------------------------------

# (Expected, ConditionalOperator or None, holds on ITEM)
EXPECTED_CASES = [
    ({"n": {"Value": N(5)}}, None, True),
    ({"n": {"Value": N(6)}}, None, False),
    ({"n": {"Exists": True, "Value": N(5)}}, None, True),
    ({"absent": {"Exists": False}}, None, True),
    ({"n": {"Exists": False}}, None, False),
    ({"absent": {"Value": N(5)}}, None, False),
    ({"n": {"ComparisonOperator": "EQ", "AttributeValueList": [N(5)]}}, None, True),
    ({"n": {"ComparisonOperator": "NE", "AttributeValueList": [N(5)]}}, None, False),
    ({"absent": {"ComparisonOperator": "NE", "AttributeValueList": [N(5)]}}, None, True),
    ({"n": {"ComparisonOperator": "LT", "AttributeValueList": [N(6)]}}, None, True),
    ({"n": {"ComparisonOperator": "LE", "AttributeValueList": [N(4)]}}, None, False),
    ({"n": {"ComparisonOperator": "GT", "AttributeValueList": [N(4)]}}, None, True),
    ({"n": {"ComparisonOperator": "GE", "AttributeValueList": [N(5)]}}, None, True),
    ({"n": {"ComparisonOperator": "GT", "AttributeValueList": [S("4")]}}, None, False),
    ({"n": {"ComparisonOperator": "BETWEEN", "AttributeValueList": [N(4), N(6)]}}, None, True),
    ({"n": {"ComparisonOperator": "IN", "AttributeValueList": [N(1), N(5)]}}, None, True),
    ({"n": {"ComparisonOperator": "IN", "AttributeValueList": [N(1), N(2)]}}, None, False),
    ({"s": {"ComparisonOperator": "BEGINS_WITH", "AttributeValueList": [S("hel")]}}, None, True),
    ({"ss": {"ComparisonOperator": "CONTAINS", "AttributeValueList": [S("a")]}}, None, True),
    ({"s": {"ComparisonOperator": "CONTAINS", "AttributeValueList": [S("lo w")]}}, None, True),
    ({"ss": {"ComparisonOperator": "NOT_CONTAINS", "AttributeValueList": [S("z")]}}, None, True),
    ({"absent": {"ComparisonOperator": "NOT_CONTAINS", "AttributeValueList": [S("z")]}}, None, False),
    ({"absent": {"ComparisonOperator": "NULL"}}, None, True),
    ({"n": {"ComparisonOperator": "NULL"}}, None, False),
    ({"n": {"ComparisonOperator": "NOT_NULL"}}, None, True),
    ({"n": {"Value": N(6)}, "s": {"Value": S("hello world")}}, "OR", True),
    ({"n": {"Value": N(6)}, "s": {"Value": S("hello world")}}, "AND", False),
    ({"n": {"Value": N(6)}, "s": {"Value": S("hello world")}}, None, False),
    ({"n": {"Value": N(5)}, "s": {"Value": S("hello world")}}, None, True),
]


@pytest.mark.parametrize("expected, operator, holds", EXPECTED_CASES)
def test_expected(dynamodb, table, item_key, expected, operator, holds):
    request = {"TableName": table, "Item": {**item_key, **ITEM}, "Expected": expected}
    if operator:
        request["ConditionalOperator"] = operator
    if holds:
        dynamodb.put_item(**request)
    else:
        with expect_error("ConditionalCheckFailedException", FAILED):
            dynamodb.put_item(**request)


def test_expected_on_update_and_delete(dynamodb, table):
    key = new_key()
    dynamodb.put_item(TableName=table, Item={**key, "v": N(1)})
    with expect_error("ConditionalCheckFailedException", FAILED):
        dynamodb.update_item(
            TableName=table, Key=key, AttributeUpdates={"v": {"Value": N(2)}}, Expected={"v": {"Value": N(2)}}
        )
    dynamodb.update_item(TableName=table, Key=key, AttributeUpdates={"v": {"Value": N(2)}}, Expected={"v": {"Value": N(1)}})
    with expect_error("ConditionalCheckFailedException", FAILED):
        dynamodb.delete_item(TableName=table, Key=key, Expected={"v": {"Exists": False}})
    dynamodb.delete_item(TableName=table, Key=key, Expected={"v": {"Value": N(2)}})
    assert stored(dynamodb, table, key) is None


def test_expected_with_an_update_expression_is_refused(dynamodb, table):
    with expect_validation(MIXED + "Non-expression parameters: {Expected} Expression parameters: {UpdateExpression}"):
        dynamodb.update_item(
            TableName=table, Key=new_key(), UpdateExpression="SET v = :v", ExpressionAttributeValues={":v": N(1)},
            Expected={"v": {"Exists": False}},
        )


def test_expected_with_a_condition_expression_is_refused(dynamodb, table):
    with expect_validation(MIXED + "Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}"):
        dynamodb.put_item(
            TableName=table, Item=new_key(), ConditionExpression="attribute_not_exists(v)", Expected={"v": {"Exists": False}}
        )


@pytest.mark.parametrize(
    "expected, message",
    [
        ({"v": {}}, "Value must be provided when Exists is null for Attribute: v"),
        ({"v": {"Exists": True}}, "Value must be provided when Exists is true for Attribute: v"),
        ({"v": {"Exists": False, "Value": N(1)}}, "Value cannot be used when Exists is false for Attribute: v"),
        (
            {"v": {"Exists": True, "ComparisonOperator": "EQ", "AttributeValueList": [N(1)]}},
            "Exists and ComparisonOperator cannot be used together for Attribute: v",
        ),
        (
            {"v": {"ComparisonOperator": "BETWEEN", "AttributeValueList": [N(1)]}},
            "Invalid number of argument(s) for the BETWEEN ComparisonOperator",
        ),
        (
            {"v": {"ComparisonOperator": "NULL", "AttributeValueList": [N(1)]}},
            "Invalid number of argument(s) for the NULL ComparisonOperator",
        ),
        (
            {"v": {"ComparisonOperator": "LT", "AttributeValueList": [{"BOOL": True}]}},
            "ComparisonOperator LT is not valid for BOOL AttributeValue type",
        ),
        (
            {"v": {"ComparisonOperator": "IN", "AttributeValueList": [N(1), S("a")]}},
            "AttributeValues inside AttributeValueList must be of same type",
        ),
    ],
)
def test_expected_errors(dynamodb, table, expected, message):
    with expect_validation(f"One or more parameter values were invalid: {message}"):
        dynamodb.put_item(TableName=table, Item=new_key(), Expected=expected)


def test_expected_between_with_reversed_bounds(dynamodb, table):
    with expect_validation("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound"):
        dynamodb.put_item(
            TableName=table, Item=new_key(),
            Expected={"v": {"ComparisonOperator": "BETWEEN", "AttributeValueList": [N(2), N(1)]}},
        )


def test_conditional_operator_needs_two_conditions(dynamodb, table):
    with expect_validation("ConditionalOperator can only be used when Filter or Expected has two or more elements"):
        dynamodb.put_item(TableName=table, Item=new_key(), Expected={"v": {"Exists": False}}, ConditionalOperator="OR")
