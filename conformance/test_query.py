"""Query: key conditions on S, N and B sort keys, order, Limit and pages, filters, Select, capacity.

Sort keys are ordered as DynamoDB orders them: strings by UTF-8 bytes, numbers by value,
binaries by unsigned bytes. Limit and the 1 MB page count the items read, before any filter.
"""

from decimal import Decimal

import pytest

import support
from support import expect_error, expect_validation

MIXED = "Can not use both expression and non-expression parameters in the same request: "

# Ordered the way DynamoDB orders them.
STRING_KEYS = ["A", "Z", "a", "ab", "abc", "b", "z", "é", "\uff5e", "\U0001d11e"]
NUMBER_KEYS = ["-10", "-2.5", "-1", "0", "0.5", "1", "2", "10", "100"]
BINARY_KEYS = [b"\x00", b"\x01", b"\x01\x00", b"\x7f", b"\x80", b"\xff", b"\xff\x00"]

TEN = 10
BIG_ITEMS = 25
BIG_ITEM_BYTES = 100_000  # 11 of them pass 1 MB (1,048,576 bytes), 10 do not


def big_item(i):
    # The item size is the UTF-8 length of the attribute names and string values.
    key = {"pk": {"S": "big"}, "sk": {"S": f"{i:02d}"}}
    return {**key, "payload": {"S": "x" * (BIG_ITEM_BYTES - len("pkbigsk00payload"))}}


def capacity_item(i):
    # 1,500 bytes each: three of them are 4,500 bytes, two 4 KB units when rounded up once.
    return {"pk": {"S": "cap"}, "sk": {"S": str(i)}, "payload": {"S": "x" * (1500 - len("pkcapsk0payload"))}}


def write_all(dynamodb, table, items):
    for start in range(0, len(items), 25):
        requests = {table: [{"PutRequest": {"Item": item}} for item in items[start:start + 25]]}
        while requests:
            requests = dynamodb.batch_write_item(RequestItems=requests)["UnprocessedItems"]


@pytest.fixture(scope="module")
def tables(dynamodb):
    names = {kind: support.unique_name(f"query_{kind}") for kind in ("s", "n", "b", "hash")}
    try:
        support.create_table(dynamodb, names["s"], ("pk", "S"), ("sk", "S"), wait=False)
        support.create_table(dynamodb, names["n"], ("pk", "S"), ("sk", "N"), wait=False)
        support.create_table(dynamodb, names["b"], ("pk", "S"), ("sk", "B"), wait=False)
        support.create_table(dynamodb, names["hash"], ("pk", "S"), wait=False)
        for name in names.values():
            support.wait_active(dynamodb, name)
        sorted_ = {"S": STRING_KEYS, "N": NUMBER_KEYS, "B": BINARY_KEYS}
        for kind, keys in sorted_.items():
            table = names[kind.lower()]
            # Written in reverse so that the order read back comes from the key, not the writes.
            write_all(dynamodb, table, [{"pk": {"S": "sorted"}, "sk": {kind: k}} for k in reversed(keys)])
        write_all(
            dynamodb,
            names["s"],
            [
                {"pk": {"S": "ten"}, "sk": {"S": f"{i:02d}"}, "v": {"N": str(i)}, "parity": {"S": "odd" if i % 2 else "even"}}
                for i in range(TEN)
            ]
            + [big_item(i) for i in range(BIG_ITEMS)]
            + [capacity_item(i) for i in range(3)],
        )
        write_all(dynamodb, names["hash"], [{"pk": {"S": "one"}, "v": {"N": "1"}}])
        yield names
    finally:
        for name in names.values():
            support.delete_table_quietly(dynamodb, name)


def query(dynamodb, table, condition, values, names=None, **extra):
    params = {
        "TableName": table,
        "KeyConditionExpression": condition,
        "ExpressionAttributeValues": values,
        "ConsistentRead": True,
        **extra,
    }
    if names:
        params["ExpressionAttributeNames"] = names
    return dynamodb.query(**params)


def sort_keys(response, kind):
    keys = [item["sk"][kind] for item in response["Items"]]
    return [Decimal(k) for k in keys] if kind == "N" else keys


def ten_keys(response):
    return [item["sk"]["S"] for item in response["Items"]]


# --- Sort-key operators and order -----------------------------------------------------------------

STRING_CASES = [
    ("sk = :v", {":v": "ab"}, ["ab"]),
    ("sk < :v", {":v": "ab"}, ["A", "Z", "a"]),
    ("sk <= :v", {":v": "ab"}, ["A", "Z", "a", "ab"]),
    ("sk > :v", {":v": "ab"}, ["abc", "b", "z", "é", "\uff5e", "\U0001d11e"]),
    ("sk >= :v", {":v": "ab"}, ["ab", "abc", "b", "z", "é", "\uff5e", "\U0001d11e"]),
    ("sk > :v", {":v": "é"}, ["\uff5e", "\U0001d11e"]),  # UTF-8 order, not UTF-16's
    ("sk BETWEEN :v AND :w", {":v": "ab", ":w": "b"}, ["ab", "abc", "b"]),
    ("sk BETWEEN :v AND :w", {":v": "Z", ":w": "Z"}, ["Z"]),
    ("begins_with(sk, :v)", {":v": "ab"}, ["ab", "abc"]),
    ("begins_with(sk, :v)", {":v": "q"}, []),
    (":v <= sk", {":v": "z"}, ["z", "é", "\uff5e", "\U0001d11e"]),
]

NUMBER_CASES = [
    ("sk = :v", {":v": "1.0"}, ["1"]),
    ("sk < :v", {":v": "1"}, ["-10", "-2.5", "-1", "0", "0.5"]),
    ("sk <= :v", {":v": "1"}, ["-10", "-2.5", "-1", "0", "0.5", "1"]),
    ("sk > :v", {":v": "-1"}, ["0", "0.5", "1", "2", "10", "100"]),
    ("sk >= :v", {":v": "-2.5"}, ["-2.5", "-1", "0", "0.5", "1", "2", "10", "100"]),
    ("sk BETWEEN :v AND :w", {":v": "-2.5", ":w": "2"}, ["-2.5", "-1", "0", "0.5", "1", "2"]),
    ("sk BETWEEN :v AND :w", {":v": "-1E1", ":w": "-1"}, ["-10", "-2.5", "-1"]),
    ("sk > :v", {":v": "99.99"}, ["100"]),
]

BINARY_CASES = [
    ("sk = :v", {":v": b"\x7f"}, [b"\x7f"]),
    ("sk < :v", {":v": b"\x80"}, [b"\x00", b"\x01", b"\x01\x00", b"\x7f"]),
    ("sk <= :v", {":v": b"\x80"}, [b"\x00", b"\x01", b"\x01\x00", b"\x7f", b"\x80"]),
    ("sk > :v", {":v": b"\x7f"}, [b"\x80", b"\xff", b"\xff\x00"]),
    ("sk >= :v", {":v": b"\x01\x00"}, [b"\x01\x00", b"\x7f", b"\x80", b"\xff", b"\xff\x00"]),
    ("sk BETWEEN :v AND :w", {":v": b"\x01", ":w": b"\x80"}, [b"\x01", b"\x01\x00", b"\x7f", b"\x80"]),
    ("begins_with(sk, :v)", {":v": b"\xff"}, [b"\xff", b"\xff\x00"]),
    ("begins_with(sk, :v)", {":v": b"\x01"}, [b"\x01", b"\x01\x00"]),
]


def run_case(dynamodb, tables, kind, condition, values, expected, forward):
    typed = {name: {kind: value} for name, value in values.items()}
    response = query(
        dynamodb, tables[kind.lower()], f"pk = :pk AND {condition}", {":pk": {"S": "sorted"}, **typed},
        ScanIndexForward=forward,
    )
    expected = [Decimal(k) for k in expected] if kind == "N" else list(expected)
    assert sort_keys(response, kind) == (expected if forward else expected[::-1])
    assert response["Count"] == response["ScannedCount"] == len(expected)
    assert "LastEvaluatedKey" not in response


@pytest.mark.parametrize("forward", [True, False], ids=["forward", "backward"])
@pytest.mark.parametrize("condition, values, expected", STRING_CASES)
def test_string_sort_key(dynamodb, tables, condition, values, expected, forward):
    run_case(dynamodb, tables, "S", condition, values, expected, forward)


@pytest.mark.parametrize("forward", [True, False], ids=["forward", "backward"])
@pytest.mark.parametrize("condition, values, expected", NUMBER_CASES)
def test_number_sort_key(dynamodb, tables, condition, values, expected, forward):
    run_case(dynamodb, tables, "N", condition, values, expected, forward)


@pytest.mark.parametrize("forward", [True, False], ids=["forward", "backward"])
@pytest.mark.parametrize("condition, values, expected", BINARY_CASES)
def test_binary_sort_key(dynamodb, tables, condition, values, expected, forward):
    run_case(dynamodb, tables, "B", condition, values, expected, forward)


@pytest.mark.parametrize("kind, keys", [("S", STRING_KEYS), ("N", NUMBER_KEYS), ("B", BINARY_KEYS)])
def test_whole_partition_in_order(dynamodb, tables, kind, keys):
    response = query(dynamodb, tables[kind.lower()], "pk = :pk", {":pk": {"S": "sorted"}})
    assert sort_keys(response, kind) == ([Decimal(k) for k in keys] if kind == "N" else keys)
    backward = query(dynamodb, tables[kind.lower()], "pk = :pk", {":pk": {"S": "sorted"}}, ScanIndexForward=False)
    assert backward["Items"] == response["Items"][::-1]


def test_numbers_come_back_normalised(dynamodb, tables):
    response = query(dynamodb, tables["n"], "pk = :pk AND sk BETWEEN :v AND :w",
                     {":pk": {"S": "sorted"}, ":v": {"N": "-2.50"}, ":w": {"N": "0.5"}})
    assert [item["sk"]["N"] for item in response["Items"]] == ["-2.5", "-1", "0", "0.5"]


def test_names_and_an_empty_partition(dynamodb, tables):
    response = query(dynamodb, tables["s"], "#k = :pk", {":pk": {"S": "nothing here"}}, names={"#k": "pk"})
    assert response["Items"] == [] and response["Count"] == 0 and response["ScannedCount"] == 0
    assert "LastEvaluatedKey" not in response


def test_hash_only_table(dynamodb, tables):
    response = query(dynamodb, tables["hash"], "pk = :pk", {":pk": {"S": "one"}})
    assert response["Items"] == [{"pk": {"S": "one"}, "v": {"N": "1"}}]


# --- Legacy KeyConditions -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "operator, values, expected",
    [
        ("EQ", ["ab"], ["ab"]),
        ("LT", ["ab"], ["A", "Z", "a"]),
        ("LE", ["ab"], ["A", "Z", "a", "ab"]),
        ("GT", ["z"], ["é", "\uff5e", "\U0001d11e"]),
        ("GE", ["z"], ["z", "é", "\uff5e", "\U0001d11e"]),
        ("BETWEEN", ["ab", "b"], ["ab", "abc", "b"]),
        ("BEGINS_WITH", ["ab"], ["ab", "abc"]),
    ],
)
def test_key_conditions(dynamodb, tables, operator, values, expected):
    response = dynamodb.query(
        TableName=tables["s"],
        ConsistentRead=True,
        KeyConditions={
            "pk": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "sorted"}]},
            "sk": {"ComparisonOperator": operator, "AttributeValueList": [{"S": v} for v in values]},
        },
    )
    assert sort_keys(response, "S") == expected


def test_key_conditions_with_expression_filter_and_projection(dynamodb, tables):
    # KeyConditions only clash with KeyConditionExpression, not with the other expressions.
    response = dynamodb.query(
        TableName=tables["s"],
        ConsistentRead=True,
        KeyConditions={"pk": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "ten"}]}},
        FilterExpression="parity = :odd",
        ProjectionExpression="v",
        ExpressionAttributeValues={":odd": {"S": "odd"}},
    )
    assert response["Items"] == [{"v": {"N": str(i)}} for i in range(1, TEN, 2)]


def test_key_conditions_errors(dynamodb, tables):
    with expect_validation("Attempted conditional constraint is not an indexable operation"):
        dynamodb.query(
            TableName=tables["s"],
            KeyConditions={
                "pk": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "ten"}]},
                "sk": {"ComparisonOperator": "NE", "AttributeValueList": [{"S": "00"}]},
            },
        )
    with expect_validation("Query key condition not supported"):
        dynamodb.query(
            TableName=tables["s"],
            KeyConditions={"pk": {"ComparisonOperator": "GT", "AttributeValueList": [{"S": "ten"}]}},
        )
    with expect_validation("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound"):
        dynamodb.query(
            TableName=tables["s"],
            KeyConditions={
                "pk": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "ten"}]},
                "sk": {"ComparisonOperator": "BETWEEN", "AttributeValueList": [{"S": "05"}, {"S": "01"}]},
            },
        )
    with expect_validation(
        "One or more parameter values were invalid: ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type"
    ):
        dynamodb.query(
            TableName=tables["n"],
            KeyConditions={
                "pk": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "sorted"}]},
                "sk": {"ComparisonOperator": "BEGINS_WITH", "AttributeValueList": [{"N": "1"}]},
            },
        )
    with expect_validation("Query condition missed key schema element: pk"):
        dynamodb.query(
            TableName=tables["s"],
            KeyConditions={"sk": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "00"}]}},
        )
    with expect_validation(MIXED + "Non-expression parameters: {KeyConditions} Expression parameters: {KeyConditionExpression}"):
        dynamodb.query(
            TableName=tables["s"],
            KeyConditionExpression="pk = :pk",
            ExpressionAttributeValues={":pk": {"S": "ten"}},
            KeyConditions={"pk": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "ten"}]}},
        )


# --- Limit, pages and start keys ------------------------------------------------------------------

TEN_PK = {":pk": {"S": "ten"}}
ALL_TEN = [f"{i:02d}" for i in range(TEN)]


def test_limit_and_last_evaluated_key(dynamodb, tables):
    first = query(dynamodb, tables["s"], "pk = :pk", TEN_PK, Limit=3)
    assert ten_keys(first) == ["00", "01", "02"]
    assert first["LastEvaluatedKey"] == {"pk": {"S": "ten"}, "sk": {"S": "02"}}
    second = query(dynamodb, tables["s"], "pk = :pk", TEN_PK, Limit=3, ExclusiveStartKey=first["LastEvaluatedKey"])
    assert ten_keys(second) == ["03", "04", "05"]


def test_limit_backward(dynamodb, tables):
    first = query(dynamodb, tables["s"], "pk = :pk", TEN_PK, Limit=3, ScanIndexForward=False)
    assert ten_keys(first) == ["09", "08", "07"]
    second = query(
        dynamodb, tables["s"], "pk = :pk", TEN_PK, Limit=3, ScanIndexForward=False,
        ExclusiveStartKey=first["LastEvaluatedKey"],
    )
    assert ten_keys(second) == ["06", "05", "04"]


def test_limit_that_ends_on_the_last_item_still_gives_a_key(dynamodb, tables):
    page = query(dynamodb, tables["s"], "pk = :pk", TEN_PK, Limit=TEN)
    assert ten_keys(page) == ALL_TEN
    assert page["LastEvaluatedKey"] == {"pk": {"S": "ten"}, "sk": {"S": "09"}}
    rest = query(dynamodb, tables["s"], "pk = :pk", TEN_PK, ExclusiveStartKey=page["LastEvaluatedKey"])
    assert rest["Items"] == [] and rest["Count"] == 0 and rest["ScannedCount"] == 0
    assert "LastEvaluatedKey" not in rest


def test_limit_past_the_end_gives_no_key(dynamodb, tables):
    page = query(dynamodb, tables["s"], "pk = :pk", TEN_PK, Limit=TEN + 1)
    assert page["Count"] == TEN and "LastEvaluatedKey" not in page


def test_start_key_of_an_item_that_does_not_exist(dynamodb, tables):
    start = {"pk": {"S": "ten"}, "sk": {"S": "04x"}}
    page = query(dynamodb, tables["s"], "pk = :pk", TEN_PK, ExclusiveStartKey=start)
    assert ten_keys(page) == ALL_TEN[5:]


def test_start_key_with_a_range_condition(dynamodb, tables):
    values = {**TEN_PK, ":lo": {"S": "02"}, ":hi": {"S": "07"}}
    first = query(dynamodb, tables["s"], "pk = :pk AND sk BETWEEN :lo AND :hi", values, Limit=4)
    assert ten_keys(first) == ["02", "03", "04", "05"]
    second = query(
        dynamodb, tables["s"], "pk = :pk AND sk BETWEEN :lo AND :hi", values, Limit=4,
        ExclusiveStartKey=first["LastEvaluatedKey"],
    )
    assert ten_keys(second) == ["06", "07"] and "LastEvaluatedKey" not in second


def test_limit_counts_items_read_before_the_filter(dynamodb, tables):
    page = query(
        dynamodb, tables["s"], "pk = :pk", {**TEN_PK, ":even": {"S": "even"}},
        FilterExpression="parity = :even", Limit=4,
    )
    assert ten_keys(page) == ["00", "02"]
    assert page["Count"] == 2 and page["ScannedCount"] == 4
    # The key is the last item read, although the filter dropped it.
    assert page["LastEvaluatedKey"] == {"pk": {"S": "ten"}, "sk": {"S": "03"}}


def test_paginator_collects_everything(dynamodb, tables):
    pages = list(
        dynamodb.get_paginator("query").paginate(
            TableName=tables["s"], KeyConditionExpression="pk = :pk", ExpressionAttributeValues=TEN_PK,
            ConsistentRead=True, PaginationConfig={"PageSize": 3},
        )
    )
    assert [key for page in pages for key in ten_keys(page)] == ALL_TEN
    assert all(page["Count"] <= 3 for page in pages)
    assert "LastEvaluatedKey" not in pages[-1]


def test_paginator_with_a_filter(dynamodb, tables):
    result = dynamodb.get_paginator("query").paginate(
        TableName=tables["s"], KeyConditionExpression="pk = :pk", FilterExpression="parity = :odd",
        ExpressionAttributeValues={**TEN_PK, ":odd": {"S": "odd"}}, ConsistentRead=True,
        ScanIndexForward=False, PaginationConfig={"PageSize": 4},
    ).build_full_result()
    assert ten_keys(result) == ["09", "07", "05", "03", "01"]
    assert result["Count"] == 5 and result["ScannedCount"] == TEN


# --- 1 MB pages -----------------------------------------------------------------------------------

BIG_PK = {":pk": {"S": "big"}}


def test_a_page_stops_after_the_item_that_reaches_1_mb(dynamodb, tables):
    first = query(dynamodb, tables["s"], "pk = :pk", BIG_PK)
    assert first["Count"] == first["ScannedCount"] == 11
    assert first["LastEvaluatedKey"] == {"pk": {"S": "big"}, "sk": {"S": "10"}}
    second = query(dynamodb, tables["s"], "pk = :pk", BIG_PK, ExclusiveStartKey=first["LastEvaluatedKey"])
    assert [item["sk"]["S"] for item in second["Items"]] == [f"{i:02d}" for i in range(11, 22)]
    third = query(dynamodb, tables["s"], "pk = :pk", BIG_PK, ExclusiveStartKey=second["LastEvaluatedKey"])
    assert [item["sk"]["S"] for item in third["Items"]] == ["22", "23", "24"]
    assert "LastEvaluatedKey" not in third


def test_1_mb_counts_items_read_not_items_returned(dynamodb, tables):
    page = query(dynamodb, tables["s"], "pk = :pk", {**BIG_PK, ":no": {"S": "no"}}, FilterExpression="payload = :no")
    assert page["Items"] == [] and page["Count"] == 0 and page["ScannedCount"] == 11
    assert page["LastEvaluatedKey"] == {"pk": {"S": "big"}, "sk": {"S": "10"}}
    projected = query(dynamodb, tables["s"], "pk = :pk", BIG_PK, ProjectionExpression="sk")
    assert projected["Count"] == 11 and projected["Items"][0] == {"sk": {"S": "00"}}


def test_limit_before_1_mb(dynamodb, tables):
    page = query(dynamodb, tables["s"], "pk = :pk", BIG_PK, Limit=5)
    assert page["Count"] == 5 and page["LastEvaluatedKey"]["sk"] == {"S": "04"}


def test_select_count_pages_too(dynamodb, tables):
    page = query(dynamodb, tables["s"], "pk = :pk", BIG_PK, Select="COUNT")
    assert "Items" not in page
    assert page["Count"] == 11 and page["LastEvaluatedKey"]["sk"] == {"S": "10"}


# --- Filters --------------------------------------------------------------------------------------


def test_filter_expression(dynamodb, tables):
    page = query(
        dynamodb, tables["s"], "pk = :pk", {**TEN_PK, ":lo": {"N": "3"}, ":even": {"S": "even"}},
        FilterExpression="v > :lo AND parity = :even",
    )
    assert ten_keys(page) == ["04", "06", "08"]
    assert page["Count"] == 3 and page["ScannedCount"] == TEN


def test_query_filter(dynamodb, tables):
    page = dynamodb.query(
        TableName=tables["s"],
        ConsistentRead=True,
        KeyConditions={"pk": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "ten"}]}},
        QueryFilter={
            "v": {"ComparisonOperator": "GT", "AttributeValueList": [{"N": "3"}]},
            "parity": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "even"}]},
        },
    )
    assert ten_keys(page) == ["04", "06", "08"]
    either = dynamodb.query(
        TableName=tables["s"],
        ConsistentRead=True,
        KeyConditions={"pk": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "ten"}]}},
        QueryFilter={
            "v": {"ComparisonOperator": "LT", "AttributeValueList": [{"N": "2"}]},
            "parity": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "odd"}]},
        },
        ConditionalOperator="OR",
    )
    assert ten_keys(either) == ["00", "01", "03", "05", "07", "09"]
    absent = dynamodb.query(
        TableName=tables["s"],
        ConsistentRead=True,
        Select="COUNT",
        KeyConditions={"pk": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "ten"}]}},
        QueryFilter={
            "absent": {"ComparisonOperator": "NULL"},
            "parity": {"ComparisonOperator": "NOT_CONTAINS", "AttributeValueList": [{"S": "dd"}]},
        },
    )
    assert absent["Count"] == 5 and absent["ScannedCount"] == TEN


@pytest.mark.parametrize("attribute", ["sk", "pk"])
def test_filter_on_a_key_attribute_is_refused(dynamodb, tables, attribute):
    with expect_validation(f"Filter Expression can only contain non-primary key attributes: Primary key attribute: {attribute}"):
        query(dynamodb, tables["s"], "pk = :pk", {**TEN_PK, ":v": {"S": "05"}}, FilterExpression=f"{attribute} > :v")
    with expect_validation(f"QueryFilter can only contain non-primary key attributes: Primary key attribute: {attribute}"):
        dynamodb.query(
            TableName=tables["s"],
            KeyConditions={"pk": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "ten"}]}},
            QueryFilter={attribute: {"ComparisonOperator": "GT", "AttributeValueList": [{"S": "05"}]}},
        )


# --- Projections and Select -----------------------------------------------------------------------


def test_projection_expression(dynamodb, tables):
    page = query(dynamodb, tables["s"], "pk = :pk", TEN_PK, ProjectionExpression="v, absent", Limit=2)
    assert page["Items"] == [{"v": {"N": "0"}}, {"v": {"N": "1"}}]
    keys = query(dynamodb, tables["s"], "pk = :pk", TEN_PK, ProjectionExpression="sk", Limit=2)
    assert keys["Items"] == [{"sk": {"S": "00"}}, {"sk": {"S": "01"}}]
    nothing = query(dynamodb, tables["s"], "pk = :pk", TEN_PK, ProjectionExpression="absent", Limit=2)
    assert nothing["Items"] == [{}, {}]


def test_select(dynamodb, tables):
    count = query(dynamodb, tables["s"], "pk = :pk", TEN_PK, Select="COUNT")
    assert "Items" not in count
    assert count["Count"] == TEN and count["ScannedCount"] == TEN
    filtered = query(
        dynamodb, tables["s"], "pk = :pk", {**TEN_PK, ":odd": {"S": "odd"}}, Select="COUNT",
        FilterExpression="parity = :odd",
    )
    assert filtered["Count"] == 5 and filtered["ScannedCount"] == TEN
    specific = query(dynamodb, tables["s"], "pk = :pk", TEN_PK, Select="SPECIFIC_ATTRIBUTES", ProjectionExpression="v", Limit=1)
    assert specific["Items"] == [{"v": {"N": "0"}}]
    legacy = dynamodb.query(
        TableName=tables["s"], Select="SPECIFIC_ATTRIBUTES", AttributesToGet=["parity"], Limit=1,
        KeyConditions={"pk": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "ten"}]}},
    )
    assert legacy["Items"] == [{"parity": {"S": "even"}}]
    everything = query(dynamodb, tables["s"], "pk = :pk", TEN_PK, Select="ALL_ATTRIBUTES", Limit=1)
    assert everything["Items"] == [{"pk": {"S": "ten"}, "sk": {"S": "00"}, "v": {"N": "0"}, "parity": {"S": "even"}}]


@pytest.mark.parametrize(
    "select, extra, message",
    [
        ("SPECIFIC_ATTRIBUTES", {}, "Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES"),
        ("ALL_ATTRIBUTES", {"ProjectionExpression": "v"}, "Cannot specify the ProjectionExpression when choosing to get ALL_ATTRIBUTES"),
        ("COUNT", {"ProjectionExpression": "v"}, "Cannot specify the ProjectionExpression when choosing to get only the Count"),
        ("ALL_PROJECTED_ATTRIBUTES", {}, "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName"),
    ],
)
def test_select_errors(dynamodb, tables, select, extra, message):
    # us-east-1 wraps these in "1 validation error detected: " since 2026; other regions do not.
    with expect_validation(message):
        query(dynamodb, tables["s"], "pk = :pk", TEN_PK, Select=select, **extra)


def test_select_errors_with_attributes_to_get(dynamodb, tables):
    with expect_validation("Cannot specify the AttributesToGet when choosing to get only the Count"):
        dynamodb.query(
            TableName=tables["s"], Select="COUNT", AttributesToGet=["v"],
            KeyConditions={"pk": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "ten"}]}},
        )


# --- Key condition errors -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "condition, values, message",
    [
        ("sk = :s", {":s": {"S": "00"}}, "Query condition missed key schema element: pk"),
        ("v = :n", {":n": {"N": "1"}}, "Query condition missed key schema element: pk"),
        (
            "pk = :p AND sk > :n AND v = :n",
            {":p": {"S": "ten"}, ":n": {"N": "1"}},
            "The number of query conditions (3) exceeds the number of key attributes defined in the schema (2)",
        ),
        ("pk = :p AND v = :n", {":p": {"S": "ten"}, ":n": {"N": "1"}}, "Query condition missed key schema element: sk"),
        ("pk > :p", {":p": {"S": "ten"}}, "Query key condition not supported"),
        ("begins_with(pk, :p)", {":p": {"S": "ten"}}, "Query key condition not supported"),
        (
            "pk = :p AND sk > :n",
            {":p": {"S": "ten"}, ":n": {"N": "1"}},
            "One or more parameter values were invalid: Condition parameter type does not match schema type",
        ),
    ],
)
def test_key_condition_against_the_schema(dynamodb, tables, condition, values, message):
    with expect_validation(message):
        query(dynamodb, tables["s"], condition, values)


@pytest.mark.parametrize(
    "condition, message",
    [
        ("pk = :p OR sk = :s", "Invalid operator used in KeyConditionExpression: OR"),
        ("pk = :p AND NOT sk = :s", "Invalid operator used in KeyConditionExpression: NOT"),
        ("pk = :p AND sk <> :s", "Invalid operator used in KeyConditionExpression: <>"),
    ],
)
def test_key_condition_expression_errors(dynamodb, tables, condition, message):
    # Older captures show these bare, a 2026 one with "Invalid KeyConditionExpression: " before them.
    with expect_error("ValidationException", contains=message):
        query(dynamodb, tables["s"], condition, {":p": {"S": "ten"}, ":s": {"S": "00"}})


@pytest.mark.parametrize(
    "table, condition, values, message",
    [
        ("s", "pk = :p AND sk >= :s AND sk <= :s", {":s": {"S": "00"}}, "KeyConditionExpressions must only contain one condition per key"),
        (
            "s", "pk = :p AND begins_with(sk, :n)", {":n": {"N": "1"}},
            "Incorrect operand type for operator or function; operator or function: begins_with, operand type: N",
        ),
        (
            "n", "pk = :p AND begins_with(sk, :n)", {":n": {"N": "1"}},
            "Incorrect operand type for operator or function; operator or function: begins_with, operand type: N",
        ),
        (
            "n", "pk = :p AND sk < :t", {":t": {"BOOL": True}},
            "Incorrect operand type for operator or function; operator or function: <, operand type: BOOL",
        ),
        (
            "s", "pk = :p AND sk BETWEEN :z AND :a", {":a": {"S": "a"}, ":z": {"S": "z"}},
            "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
            "lower bound operand: AttributeValue: {S:z}, upper bound operand: AttributeValue: {S:a}",
        ),
        ("s", "", {}, "The expression can not be empty;"),
    ],
)
def test_key_condition_expression_messages(dynamodb, tables, table, condition, values, message):
    # Pinned against DynamoDB in eu-west-2 in 2026: bare, with the member's prefix.
    values = {":p": {"S": "ten"}, **values} if ":p" in condition else {":p": {"S": "ten"}}
    with expect_error("ValidationException", f"Invalid KeyConditionExpression: {message}"):
        query(dynamodb, tables[table], condition, values)


@pytest.mark.parametrize(
    "table, condition, values",
    [
        ("n", "pk = :p AND begins_with(sk, :s)", {":s": {"S": "1"}}),
        ("n", "pk = :p AND sk = :t", {":t": {"BOOL": True}}),
    ],
)
def test_key_condition_values_of_another_type(dynamodb, tables, table, condition, values):
    with expect_error(
        "ValidationException", "One or more parameter values were invalid: Condition parameter type does not match schema type"
    ):
        query(dynamodb, tables[table], condition, {":p": {"S": "ten"}, **values})


def test_start_key_outside_the_conditions(dynamodb, tables):
    with expect_validation("The provided starting key is outside query boundaries based on provided conditions"):
        query(dynamodb, tables["s"], "pk = :pk", TEN_PK, ExclusiveStartKey={"pk": {"S": "other"}, "sk": {"S": "01"}})
    with expect_validation("The provided starting key does not match the range key predicate"):
        query(
            dynamodb, tables["s"], "pk = :pk AND sk > :s", {**TEN_PK, ":s": {"S": "05"}},
            ExclusiveStartKey={"pk": {"S": "ten"}, "sk": {"S": "01"}},
        )


def test_key_conditions_of_the_wrong_length(dynamodb, tables):
    eq = {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "ten"}]}
    for conditions in ({}, {"pk": eq, "sk": eq, "v": eq}):
        with expect_validation("Conditions can be of length 1 or 2 only"):
            dynamodb.query(TableName=tables["s"], KeyConditions=conditions)


def test_filter_with_a_nested_path_on_a_key_attribute(dynamodb, tables):
    # The key-attribute rule comes first, nested or not (dynalite's record of DynamoDB).
    for condition in ("attribute_exists(pk.b) AND v = :n", "pk[1] = :n"):
        with expect_validation("Filter Expression can only contain non-primary key attributes: Primary key attribute: pk"):
            query(dynamodb, tables["s"], "pk = :pk", {**TEN_PK, ":n": {"N": "1"}}, FilterExpression=condition)


def test_filter_with_an_undefined_name(dynamodb, tables):
    with expect_error(
        "ValidationException",
        "Invalid FilterExpression: An expression attribute name used in the document path is not defined; "
        "attribute name: #missing",
    ):
        query(dynamodb, tables["s"], "pk = :pk", {**TEN_PK, ":v": {"S": "x"}}, FilterExpression="#missing = :v")


def test_no_key_condition(dynamodb, tables):
    with expect_validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request."):
        dynamodb.query(TableName=tables["s"])


def test_query_on_a_missing_table(dynamodb):
    with expect_error("ResourceNotFoundException", "Requested resource not found"):
        dynamodb.query(
            TableName=support.unique_name("missing"), KeyConditionExpression="pk = :p",
            ExpressionAttributeValues={":p": {"S": "a"}},
        )


def test_unused_placeholders_in_a_query(dynamodb, tables):
    with expect_error("ValidationException", "Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}"):
        query(dynamodb, tables["s"], "pk = :p", {":p": {"S": "ten"}, ":unused": {"S": "x"}})
    with expect_error("ValidationException", "Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused}"):
        query(dynamodb, tables["s"], "pk = :p", {":p": {"S": "ten"}}, names={"#unused": "x"})


# --- Consumed capacity ----------------------------------------------------------------------------

CAP_PK = {":pk": {"S": "cap"}}


@pytest.mark.parametrize("consistent, units", [(True, 2.0), (False, 1.0)], ids=["strong", "eventual"])
def test_consumed_capacity_rounds_the_total_once(dynamodb, tables, consistent, units):
    # Three items of 1,500 bytes: 4,500 bytes are two 4 KB units (three if each item were rounded).
    page = query(dynamodb, tables["s"], "pk = :pk", CAP_PK, ConsistentRead=consistent, ReturnConsumedCapacity="TOTAL")
    assert page["Count"] == 3
    assert page["ConsumedCapacity"]["TableName"] == tables["s"]
    assert page["ConsumedCapacity"]["CapacityUnits"] == units


def test_consumed_capacity_counts_items_read_before_filter_and_projection(dynamodb, tables):
    page = query(
        dynamodb, tables["s"], "pk = :pk", {**CAP_PK, ":no": {"S": "no"}}, FilterExpression="payload = :no",
        ProjectionExpression="sk", ReturnConsumedCapacity="TOTAL",
    )
    assert page["Count"] == 0 and page["ScannedCount"] == 3
    assert page["ConsumedCapacity"]["CapacityUnits"] == 2.0


def test_consumed_capacity_of_one_small_item(dynamodb, tables):
    strong = query(dynamodb, tables["s"], "pk = :pk", CAP_PK, Limit=1, ReturnConsumedCapacity="TOTAL")
    assert strong["ConsumedCapacity"]["CapacityUnits"] == 1.0
    eventual = query(
        dynamodb, tables["s"], "pk = :pk", CAP_PK, Limit=1, ConsistentRead=False, ReturnConsumedCapacity="TOTAL"
    )
    assert eventual["ConsumedCapacity"]["CapacityUnits"] == 0.5


def test_no_consumed_capacity_unless_asked(dynamodb, tables):
    assert "ConsumedCapacity" not in query(dynamodb, tables["s"], "pk = :pk", CAP_PK)
