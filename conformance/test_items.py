"""PutItem, GetItem and DeleteItem: values, keys and limits as DynamoDB enforces them.

Where DynamoDB's wording of a value error differs by region (some wrap it in
"1 validation error detected: ", some do not), the tests pin the invariant part.
"""

import uuid

import pytest

import support
from support import expect_error

MAX_ITEM_BYTES = 400 * 1024
KEY_MISMATCH = "The provided key element does not match the schema"


@pytest.fixture(scope="module")
def tables(dynamodb):
    specs = {
        "hash": [("pk", "S")],
        "range": [("pk", "S"), ("sk", "S")],
        "number": [("pk", "N")],
        "binary": [("pk", "S"), ("sk", "B")],
    }
    names = {kind: support.unique_name(f"items_{kind}") for kind in specs}
    try:
        for kind, keys in specs.items():
            support.create_table(dynamodb, names[kind], *keys, wait=False)
        for name in names.values():
            support.wait_active(dynamodb, name)
        yield names
    finally:
        for name in names.values():
            support.delete_table_quietly(dynamodb, name)


@pytest.fixture
def hash_table(tables):
    return tables["hash"]


@pytest.fixture
def range_table(tables):
    return tables["range"]


def key():
    return uuid.uuid4().hex


def get(dynamodb, table, item_key, **extra):
    return dynamodb.get_item(TableName=table, Key=item_key, ConsistentRead=True, **extra)


def comparable(item):
    """Sets come back in no particular order: compare them as sets."""

    def value(v):
        (kind, inner), = v.items()
        if kind in ("SS", "NS", "BS"):
            return kind, frozenset(inner)
        if kind == "L":
            return kind, tuple(value(x) for x in inner)
        if kind == "M":
            return kind, frozenset((k, value(x)) for k, x in inner.items())
        return kind, inner

    return {name: value(v) for name, v in item.items()}


# --- Round trips ----------------------------------------------------------------------------------


def test_every_attribute_type_round_trips(dynamodb, hash_table):
    item = {
        "pk": {"S": key()},
        "s": {"S": "héllo ✓ 𝄞"},
        "empty_s": {"S": ""},
        "n": {"N": "-42.5"},
        "b": {"B": bytes([0, 1, 254, 255])},
        "empty_b": {"B": b""},
        "yes": {"BOOL": True},
        "no": {"BOOL": False},
        "nothing": {"NULL": True},
        "l": {"L": [{"S": "a"}, {"N": "1"}, {"L": []}, {"M": {}}, {"NULL": True}, {"SS": ["x"]}]},
        "m": {
            "M": {
                "nested": {"M": {"deeper": {"L": [{"BOOL": False}, {"B": b"\x00"}]}}},
                "x": {"S": "y"},
            }
        },
        "ss": {"SS": ["b", "a", "", "c"]},
        "ns": {"NS": ["3", "1", "-2.5"]},
        "bs": {"BS": [b"\x01", b"\x02", b""]},
    }
    dynamodb.put_item(TableName=hash_table, Item=item)
    got = get(dynamodb, hash_table, {"pk": item["pk"]})
    assert comparable(got["Item"]) == comparable(item)


@pytest.mark.parametrize(
    "sent, stored",
    [
        ("1.50", "1.5"),
        ("0001", "1"),
        ("1e3", "1000"),
        ("1.5E2", "150"),
        ("-0", "0"),
        ("0.000", "0"),
        ("+5", "5"),
        ("0042.1200", "42.12"),
        ("12345678901234567890123456789012345678", "12345678901234567890123456789012345678"),
        ("0000012345678901234567890123456789012345678", "12345678901234567890123456789012345678"),
        ("-00001.23456789012345678901234567890123456780000", "-1.2345678901234567890123456789012345678"),
        ("9.9999999999999999999999999999999999999E+125", "9" * 38 + "0" * 88),
        ("1E-130", "0." + "0" * 129 + "1"),
    ],
)
def test_numbers_come_back_normalised(dynamodb, hash_table, sent, stored):
    pk = key()
    dynamodb.put_item(TableName=hash_table, Item={"pk": {"S": pk}, "n": {"N": sent}, "ns": {"NS": [sent, "7"]}})
    item = get(dynamodb, hash_table, {"pk": {"S": pk}})["Item"]
    assert item["n"] == {"N": stored}
    assert set(item["ns"]["NS"]) == {stored, "7"}


def test_number_keys_match_by_value(dynamodb, tables):
    table = tables["number"]
    dynamodb.put_item(TableName=table, Item={"pk": {"N": "10.0"}, "v": {"S": "ten"}})
    item = get(dynamodb, table, {"pk": {"N": "1E1"}})["Item"]
    assert item == {"pk": {"N": "10"}, "v": {"S": "ten"}}


def test_binary_sort_key(dynamodb, tables):
    table = tables["binary"]
    pk = key()
    dynamodb.put_item(TableName=table, Item={"pk": {"S": pk}, "sk": {"B": b"\x00\xff"}, "v": {"N": "1"}})
    assert "Item" not in get(dynamodb, table, {"pk": {"S": pk}, "sk": {"B": b"\x00"}})
    assert get(dynamodb, table, {"pk": {"S": pk}, "sk": {"B": b"\x00\xff"}})["Item"]["v"] == {"N": "1"}


def test_put_replaces_the_whole_item(dynamodb, range_table):
    k = {"pk": {"S": key()}, "sk": {"S": "a"}}
    dynamodb.put_item(TableName=range_table, Item={**k, "old": {"S": "x"}})
    dynamodb.put_item(TableName=range_table, Item={**k, "new": {"S": "y"}})
    assert get(dynamodb, range_table, k)["Item"] == {**k, "new": {"S": "y"}}


def test_get_a_missing_item(dynamodb, hash_table):
    response = dynamodb.get_item(TableName=hash_table, Key={"pk": {"S": key()}})
    assert "Item" not in response


@pytest.mark.parametrize("consistent", [True, False])
def test_consistent_read_is_accepted(dynamodb, hash_table, consistent):
    pk = {"S": key()}
    dynamodb.put_item(TableName=hash_table, Item={"pk": pk})
    response = support.poll(
        lambda: dynamodb.get_item(TableName=hash_table, Key={"pk": pk}, ConsistentRead=consistent).get("Item"),
        timeout=5,
    )
    assert response == {"pk": pk}


# --- ReturnValues ---------------------------------------------------------------------------------


def test_put_and_delete_return_the_old_item(dynamodb, hash_table):
    pk = {"S": key()}
    first = {"pk": pk, "v": {"N": "1"}}
    second = {"pk": pk, "v": {"N": "2"}}

    response = dynamodb.put_item(TableName=hash_table, Item=first, ReturnValues="ALL_OLD")
    assert "Attributes" not in response
    response = dynamodb.put_item(TableName=hash_table, Item=second, ReturnValues="ALL_OLD")
    assert response["Attributes"] == first
    response = dynamodb.put_item(TableName=hash_table, Item=second, ReturnValues="NONE")
    assert "Attributes" not in response

    response = dynamodb.delete_item(TableName=hash_table, Key={"pk": pk}, ReturnValues="ALL_OLD")
    assert response["Attributes"] == second
    response = dynamodb.delete_item(TableName=hash_table, Key={"pk": pk}, ReturnValues="ALL_OLD")
    assert "Attributes" not in response
    assert "Item" not in get(dynamodb, hash_table, {"pk": pk})


def test_delete_without_return_values(dynamodb, hash_table):
    pk = {"S": key()}
    dynamodb.put_item(TableName=hash_table, Item={"pk": pk})
    response = dynamodb.delete_item(TableName=hash_table, Key={"pk": pk})
    assert "Attributes" not in response
    assert "Item" not in get(dynamodb, hash_table, {"pk": pk})


@pytest.mark.parametrize("return_values", ["ALL_NEW", "UPDATED_OLD", "UPDATED_NEW"])
def test_put_accepts_only_all_old_or_none(dynamodb, hash_table, return_values):
    with expect_error("ValidationException", contains="ReturnValues can only be ALL_OLD or NONE"):
        dynamodb.put_item(TableName=hash_table, Item={"pk": {"S": key()}}, ReturnValues=return_values)


# --- Keys -----------------------------------------------------------------------------------------


def test_put_without_the_partition_key(dynamodb, hash_table):
    with expect_error("ValidationException", "One or more parameter values were invalid: Missing the key pk in the item"):
        dynamodb.put_item(TableName=hash_table, Item={"other": {"S": "x"}})


def test_put_without_the_sort_key(dynamodb, range_table):
    with expect_error("ValidationException", "One or more parameter values were invalid: Missing the key sk in the item"):
        dynamodb.put_item(TableName=range_table, Item={"pk": {"S": key()}})


@pytest.mark.parametrize("value", [{"N": "1"}, {"B": b"x"}, {"BOOL": True}, {"SS": ["a"]}, {"M": {}}])
def test_put_with_a_key_of_the_wrong_type(dynamodb, hash_table, value):
    (actual,) = value
    with expect_error(
        "ValidationException",
        f"One or more parameter values were invalid: Type mismatch for key pk expected: S actual: {actual}",
    ):
        dynamodb.put_item(TableName=hash_table, Item={"pk": value})


@pytest.mark.parametrize(
    "item_key",
    [
        {},
        {"other": {"S": "a"}},
        {"pk": {"N": "1"}},
        {"pk": {"S": "a"}, "extra": {"S": "b"}},
    ],
    ids=["empty", "other-attribute", "wrong-type", "extra-attribute"],
)
def test_get_and_delete_with_a_key_that_does_not_match(dynamodb, hash_table, item_key):
    with expect_error("ValidationException", KEY_MISMATCH):
        dynamodb.get_item(TableName=hash_table, Key=item_key)
    with expect_error("ValidationException", KEY_MISMATCH):
        dynamodb.delete_item(TableName=hash_table, Key=item_key)


def test_get_with_only_the_partition_key_of_a_composite_key(dynamodb, range_table):
    with expect_error("ValidationException", KEY_MISMATCH):
        dynamodb.get_item(TableName=range_table, Key={"pk": {"S": "a"}})


def test_empty_string_key(dynamodb, hash_table):
    text = "The AttributeValue for a key attribute cannot contain an empty string value. Key: pk"
    with expect_error("ValidationException", f"One or more parameter values are not valid. {text}"):
        dynamodb.put_item(TableName=hash_table, Item={"pk": {"S": ""}})
    with expect_error("ValidationException", f"One or more parameter values are not valid. {text}"):
        dynamodb.get_item(TableName=hash_table, Key={"pk": {"S": ""}})


def test_empty_binary_key(dynamodb, tables):
    with expect_error(
        "ValidationException",
        "One or more parameter values are not valid. The AttributeValue for a key attribute cannot "
        "contain an empty binary value. Key: sk",
    ):
        dynamodb.put_item(TableName=tables["binary"], Item={"pk": {"S": key()}, "sk": {"B": b""}})


HASH_KEY_TOO_BIG = (
    "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes"
)
RANGE_KEY_TOO_BIG = (
    "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size "
    "limit of 1024 bytes"
)


def test_partition_key_size_limit(dynamodb, hash_table):
    at_limit = key() + "a" * (2048 - 32)
    dynamodb.put_item(TableName=hash_table, Item={"pk": {"S": at_limit}})
    assert get(dynamodb, hash_table, {"pk": {"S": at_limit}})["Item"] == {"pk": {"S": at_limit}}
    for too_big in ("a" * 2049, "é" * 1025):  # the limit is in UTF-8 bytes: 1025 'é' are 2050
        with expect_error("ValidationException", HASH_KEY_TOO_BIG):
            dynamodb.put_item(TableName=hash_table, Item={"pk": {"S": too_big}})
        with expect_error("ValidationException", HASH_KEY_TOO_BIG):
            dynamodb.get_item(TableName=hash_table, Key={"pk": {"S": too_big}})


def test_sort_key_size_limit(dynamodb, range_table):
    pk = {"S": key()}
    dynamodb.put_item(TableName=range_table, Item={"pk": pk, "sk": {"S": "s" * 1024}})
    with expect_error("ValidationException", RANGE_KEY_TOO_BIG):
        dynamodb.put_item(TableName=range_table, Item={"pk": pk, "sk": {"S": "s" * 1025}})


# --- Attribute values -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, message",
    [
        ({"SS": []}, "One or more parameter values were invalid: An string set  may not be empty"),
        ({"NS": []}, "One or more parameter values were invalid: An number set  may not be empty"),
        ({"BS": []}, "One or more parameter values were invalid: Binary sets should not be empty"),
    ],
    ids=["SS", "NS", "BS"],
)
def test_empty_sets_are_refused(dynamodb, hash_table, value, message):
    with expect_error("ValidationException", contains=message):
        dynamodb.put_item(TableName=hash_table, Item={"pk": {"S": key()}, "set": value})


@pytest.mark.parametrize(
    "value, parts",
    [
        ({"SS": ["b", "a", "b"]}, ("One or more parameter values were invalid: Input collection", "contains duplicates")),
        ({"NS": ["2", "1", "2"]}, ("Input collection contains duplicates",)),
        ({"BS": [b"\xff", b"\x00", b"\x00"]}, ("One or more parameter values were invalid: Input collection", "of type BS contains duplicates")),
    ],
    ids=["SS", "NS", "BS"],
)
def test_duplicates_in_sets_are_refused(dynamodb, hash_table, value, parts):
    with expect_error("ValidationException", contains=parts):
        dynamodb.put_item(TableName=hash_table, Item={"pk": {"S": key()}, "set": value})


def test_a_value_with_two_types(dynamodb, hash_table):
    with expect_error(
        "ValidationException",
        contains="Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes",
    ):
        dynamodb.put_item(TableName=hash_table, Item={"pk": {"S": key()}, "v": {"S": "a", "N": "1"}})


def test_a_value_with_no_type(dynamodb, hash_table):
    with expect_error(
        "ValidationException",
        contains="Supplied AttributeValue is empty, must contain exactly one of the supported datatypes",
    ):
        dynamodb.put_item(TableName=hash_table, Item={"pk": {"S": key()}, "v": {}})


def test_null_false_is_refused(dynamodb, hash_table):
    with expect_error(
        "ValidationException",
        contains="One or more parameter values were invalid: Null attribute value types must have the value of true",
    ):
        dynamodb.put_item(TableName=hash_table, Item={"pk": {"S": key()}, "v": {"NULL": False}})


def test_38_significant_digits_are_accepted(dynamodb, hash_table):
    pk = key()
    digits = "-0.00012345678901234567890123456789012345678"
    dynamodb.put_item(TableName=hash_table, Item={"pk": {"S": pk}, "n": {"N": digits}})
    assert get(dynamodb, hash_table, {"pk": {"S": pk}})["Item"]["n"] == {"N": digits}


@pytest.mark.parametrize(
    "number, message",
    [
        ("123456789012345678901234567890123456789", "Attempting to store more than 38 significant digits in a Number"),
        ("1.23456789012345678901234567890123456789", "Attempting to store more than 38 significant digits in a Number"),
        ("1E126", "Number overflow. Attempting to store a number with magnitude larger than supported range"),
        ("-1E126", "Number overflow. Attempting to store a number with magnitude larger than supported range"),
        ("1E-131", "Number underflow. Attempting to store a number with magnitude smaller than supported range"),
        ("abc", "The parameter cannot be converted to a numeric value: abc"),
    ],
)
def test_numbers_out_of_range_are_refused(dynamodb, hash_table, number, message):
    with expect_error("ValidationException", contains=message):
        dynamodb.put_item(TableName=hash_table, Item={"pk": {"S": key()}, "n": {"N": number}})
    with expect_error("ValidationException", contains=message):
        dynamodb.put_item(TableName=hash_table, Item={"pk": {"S": key()}, "ns": {"NS": ["1", number]}})


def nested(levels):
    value = {"S": "bottom"}
    for _ in range(levels):
        value = {"M": {"a": value}}
    return value


def test_nesting_up_to_32_levels(dynamodb, hash_table):
    pk = key()
    dynamodb.put_item(TableName=hash_table, Item={"pk": {"S": pk}, "deep": nested(31)})
    assert get(dynamodb, hash_table, {"pk": {"S": pk}})["Item"]["deep"] == nested(31)
    with expect_error("ValidationException", contains="Nesting Levels have exceeded supported limits"):
        dynamodb.put_item(TableName=hash_table, Item={"pk": {"S": key()}, "deep": nested(32)})


# --- Item size ------------------------------------------------------------------------------------


def item_of_size(pk, size):
    # Size = UTF-8 bytes of every attribute name and string value: "pk" + pk + "data" + data.
    return {"pk": {"S": pk}, "data": {"S": "x" * (size - len("pk") - len(pk) - len("data"))}}


def test_item_of_exactly_400_kb_is_accepted(dynamodb, hash_table):
    pk = key()
    dynamodb.put_item(TableName=hash_table, Item=item_of_size(pk, MAX_ITEM_BYTES))
    assert len(get(dynamodb, hash_table, {"pk": {"S": pk}})["Item"]["data"]["S"]) > 400_000


@pytest.mark.parametrize("size", [MAX_ITEM_BYTES + 1, 500 * 1024])
def test_item_over_400_kb_is_refused(dynamodb, hash_table, size):
    pk = key()
    with expect_error("ValidationException", "Item size has exceeded the maximum allowed size"):
        dynamodb.put_item(TableName=hash_table, Item=item_of_size(pk, size))
    assert "Item" not in get(dynamodb, hash_table, {"pk": {"S": pk}})


# --- Tables that do not exist ---------------------------------------------------------------------


def test_item_operations_on_a_missing_table(dynamodb):
    name = support.unique_name("missing")
    with expect_error("ResourceNotFoundException", "Requested resource not found"):
        dynamodb.put_item(TableName=name, Item={"pk": {"S": "a"}})
    with expect_error("ResourceNotFoundException", "Requested resource not found"):
        dynamodb.get_item(TableName=name, Key={"pk": {"S": "a"}})
    with expect_error("ResourceNotFoundException", "Requested resource not found"):
        dynamodb.delete_item(TableName=name, Key={"pk": {"S": "a"}})


def test_put_with_a_bad_table_name(dynamodb):
    with expect_error(
        "ValidationException",
        "1 validation error detected: Value 'bad table!@#' at 'tableName' failed to satisfy constraint: "
        "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
    ):
        dynamodb.put_item(TableName="bad table!@#", Item={"pk": {"S": "a"}})
