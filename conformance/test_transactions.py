"""TransactWriteItems and TransactGetItems: all or nothing, cancellation reasons on the wire,
refused requests, ClientRequestToken, snapshots with projections, capacity, index entries.
"""

import json
import uuid

import pytest

import support
from support import expect_error, expect_validation, raw_request

CANCELLED = "Transaction cancelled, please refer cancellation reasons for specific reasons "
FAILED = "The conditional request failed"
DUPLICATE = "Transaction request cannot include multiple operations on one item"
MISMATCH = "Request has the same ClientRequestToken as a previous request but is not identical"


def S(text):
    return {"S": text}


def N(number):
    return {"N": str(number)}


@pytest.fixture(scope="module")
def tables(dynamodb):
    """accounts and audit (key id), orders (a GSI on status), scores (an LSI on score)."""
    names = {label: support.unique_name(f"tx_{label}") for label in ("accounts", "audit", "orders", "scores")}
    try:
        for label in ("accounts", "audit"):
            support.create_table(dynamodb, names[label], ("id", "S"), wait=False)
        support.create_table(
            dynamodb,
            names["orders"],
            ("id", "S"),
            wait=False,
            AttributeDefinitions=[
                {"AttributeName": "id", "AttributeType": "S"},
                {"AttributeName": "status", "AttributeType": "S"},
            ],
            GlobalSecondaryIndexes=[{
                "IndexName": "byStatus",
                "KeySchema": [{"AttributeName": "status", "KeyType": "HASH"}],
                "Projection": {"ProjectionType": "ALL"},
            }],
        )
        support.create_table(
            dynamodb,
            names["scores"],
            ("player", "S"),
            ("game", "S"),
            wait=False,
            AttributeDefinitions=[
                {"AttributeName": "player", "AttributeType": "S"},
                {"AttributeName": "game", "AttributeType": "S"},
                {"AttributeName": "score", "AttributeType": "N"},
            ],
            LocalSecondaryIndexes=[{
                "IndexName": "byScore",
                "KeySchema": [
                    {"AttributeName": "player", "KeyType": "HASH"},
                    {"AttributeName": "score", "KeyType": "RANGE"},
                ],
                "Projection": {"ProjectionType": "KEYS_ONLY"},
            }],
        )
        for name in names.values():
            support.wait_active(dynamodb, name)
        yield names
    finally:
        for name in names.values():
            support.delete_table_quietly(dynamodb, name)


def open_account(dynamodb, tables, account, balance):
    dynamodb.put_item(TableName=tables["accounts"], Item={"id": S(account), "balance": N(balance)})


def balance(dynamodb, tables, account):
    item = dynamodb.get_item(TableName=tables["accounts"], Key={"id": S(account)}, ConsistentRead=True)["Item"]
    return int(item["balance"]["N"])


def exists(dynamodb, table, key):
    return "Item" in dynamodb.get_item(TableName=table, Key={"id": S(key)}, ConsistentRead=True)


def transfer(tables, source, target, amount, record):
    """Moves `amount` from `source` if it has it to `target`, and records the move once."""
    values = {":x": N(amount)}
    return [
        {"Update": {
            "TableName": tables["accounts"], "Key": {"id": S(source)},
            "UpdateExpression": "SET balance = balance - :x", "ConditionExpression": "balance >= :x",
            "ExpressionAttributeValues": values,
        }},
        {"Update": {
            "TableName": tables["accounts"], "Key": {"id": S(target)},
            "UpdateExpression": "SET balance = balance + :x", "ExpressionAttributeValues": values,
        }},
        {"Put": {
            "TableName": tables["audit"], "Item": {"id": S(record), "amount": N(amount)},
            "ConditionExpression": "attribute_not_exists(id)",
        }},
    ]


def expect_cancelled(*codes):
    """Expects TransactionCanceledException listing `codes` in its message and its reasons."""
    return expect_error("TransactionCanceledException", CANCELLED + "[" + ", ".join(codes) + "]")


def reasons_of(info):
    """The CancellationReasons of the error, as botocore parsed them from the body."""
    return info.value.response["CancellationReasons"]


def test_every_action_over_two_tables_or_none(dynamodb, tables):
    open_account(dynamodb, tables, "alice", 100)
    open_account(dynamodb, tables, "bob", 0)
    response = dynamodb.transact_write_items(TransactItems=transfer(tables, "alice", "bob", 30, "t1"))
    assert "ConsumedCapacity" not in response and "ItemCollectionMetrics" not in response
    assert (balance(dynamodb, tables, "alice"), balance(dynamodb, tables, "bob")) == (70, 30)
    assert exists(dynamodb, tables["audit"], "t1")

    with expect_cancelled("ConditionalCheckFailed", "None", "None") as info:
        dynamodb.transact_write_items(TransactItems=transfer(tables, "alice", "bob", 80, "t2"))
    assert reasons_of(info) == [{"Code": "ConditionalCheckFailed", "Message": FAILED}, {"Code": "None"}, {"Code": "None"}]
    assert not exists(dynamodb, tables["audit"], "t2")

    # The record exists: the same transfer cannot be applied twice.
    with expect_cancelled("None", "None", "ConditionalCheckFailed"):
        dynamodb.transact_write_items(TransactItems=transfer(tables, "alice", "bob", 10, "t1"))
    assert (balance(dynamodb, tables, "alice"), balance(dynamodb, tables, "bob")) == (70, 30)


def test_reasons_in_request_order_with_the_item_only_when_asked(dynamodb, tables):
    for account in ("carol", "dave", "eve"):
        open_account(dynamodb, tables, account, 5)
    big = {":big": N(1000)}
    with expect_cancelled("None", "None", "ConditionalCheckFailed", "ConditionalCheckFailed") as info:
        dynamodb.transact_write_items(TransactItems=[
            {"ConditionCheck": {
                "TableName": tables["accounts"], "Key": {"id": S("carol")},
                "ConditionExpression": "attribute_exists(balance)",
            }},
            {"Put": {"TableName": tables["audit"], "Item": {"id": S("reasons")}}},
            {"Update": {
                "TableName": tables["accounts"], "Key": {"id": S("dave")},
                "UpdateExpression": "SET balance = :zero", "ConditionExpression": "balance > :big",
                "ExpressionAttributeValues": {":zero": N(0), **big},
                "ReturnValuesOnConditionCheckFailure": "ALL_OLD",
            }},
            {"Delete": {
                "TableName": tables["accounts"], "Key": {"id": S("eve")},
                "ConditionExpression": "balance > :big", "ExpressionAttributeValues": big,
                "ReturnValuesOnConditionCheckFailure": "NONE",
            }},
        ])
    assert reasons_of(info) == [
        {"Code": "None"},
        {"Code": "None"},
        {"Code": "ConditionalCheckFailed", "Item": {"id": S("dave"), "balance": N(5)}, "Message": FAILED},
        {"Code": "ConditionalCheckFailed", "Message": FAILED},
    ]
    assert not exists(dynamodb, tables["audit"], "reasons")
    assert balance(dynamodb, tables, "dave") == 5 and exists(dynamodb, tables["accounts"], "eve")


def test_cancellation_body_on_the_wire(endpoint, dynamodb, tables):
    open_account(dynamodb, tables, "wire", 1)
    body = {"TransactItems": [
        {"Put": {"TableName": tables["audit"], "Item": {"id": S("wire")}}},
        {"ConditionCheck": {
            "TableName": tables["accounts"], "Key": {"id": S("wire")},
            "ConditionExpression": "balance > :b", "ExpressionAttributeValues": {":b": N(1)},
            "ReturnValuesOnConditionCheckFailure": "ALL_OLD",
        }},
    ]}
    response = raw_request(endpoint, "TransactWriteItems", json.dumps(body))
    assert response.status == 400
    # Message with a capital M, as the model's shape names it; a None reason is the code alone.
    assert response.json() == {
        "__type": "com.amazonaws.dynamodb.v20120810#TransactionCanceledException",
        "CancellationReasons": [
            {"Code": "None"},
            {"Code": "ConditionalCheckFailed", "Item": {"id": S("wire"), "balance": N(1)}, "Message": FAILED},
        ],
        "Message": CANCELLED + "[None, ConditionalCheckFailed]",
    }
    assert list(response.json()["CancellationReasons"][1]) == ["Code", "Item", "Message"]


def test_a_wrong_key_is_the_first_invalid_actions_validation_error(dynamodb, tables):
    with expect_cancelled("None", "ValidationError", "None") as info:
        dynamodb.transact_write_items(TransactItems=[
            {"Put": {"TableName": tables["audit"], "Item": {"id": S("fine")}}},
            {"Put": {"TableName": tables["audit"], "Item": {"id": N(7)}}},
            {"Delete": {"TableName": tables["accounts"], "Key": {"id": N(8)}}},
        ])
    assert reasons_of(info)[1] == {
        "Code": "ValidationError",
        "Message": "One or more parameter values were invalid: Type mismatch for key id expected: S actual: N",
    }
    assert "Message" not in reasons_of(info)[0]
    assert not exists(dynamodb, tables["audit"], "fine")


def test_requests_refused_before_any_item_is_read(dynamodb, tables):
    open_account(dynamodb, tables, "erin", 50)
    accounts = tables["accounts"]
    with expect_validation(DUPLICATE):
        dynamodb.transact_write_items(TransactItems=[
            {"ConditionCheck": {"TableName": accounts, "Key": {"id": S("erin")}, "ConditionExpression": "attribute_exists(id)"}},
            {"Delete": {"TableName": accounts, "Key": {"id": S("erin")}}},
        ])
    with expect_validation(DUPLICATE):
        dynamodb.transact_get_items(TransactItems=[
            {"Get": {"TableName": accounts, "Key": {"id": S("erin")}}},
            {"Get": {"TableName": accounts, "Key": {"id": S("erin")}}},
        ])
    missing = support.unique_name("missing")
    with expect_error("ResourceNotFoundException", "Requested resource not found"):
        dynamodb.transact_write_items(TransactItems=[
            {"Delete": {"TableName": accounts, "Key": {"id": S("erin")}}},
            {"Put": {"TableName": missing, "Item": {"id": S("x")}}},
        ])
    with expect_error("ResourceNotFoundException", "Requested resource not found"):
        dynamodb.transact_get_items(TransactItems=[{"Get": {"TableName": missing, "Key": {"id": S("x")}}}])
    # An unused value is found before the missing table named by an earlier action.
    with expect_validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {:v}"):
        dynamodb.transact_write_items(TransactItems=[
            {"Delete": {"TableName": missing, "Key": {"id": S("x")}}},
            {"Put": {
                "TableName": accounts, "Item": {"id": S("y")},
                "ConditionExpression": "attribute_not_exists(id)", "ExpressionAttributeValues": {":v": S("v")},
            }},
        ])
    assert balance(dynamodb, tables, "erin") == 50


def test_client_request_token_applies_once(endpoint, dynamodb, tables):
    open_account(dynamodb, tables, "frank", 100)
    open_account(dynamodb, tables, "grace", 0)
    token = str(uuid.uuid4())
    request = {
        "TransactItems": transfer(tables, "frank", "grace", 25, "token-transfer"),
        "ClientRequestToken": token,
        "ReturnConsumedCapacity": "TOTAL",
    }
    first = dynamodb.transact_write_items(**request)
    # Transactions (alone among the actions) split the units into reads and writes.
    assert first["ConsumedCapacity"] == [
        {"TableName": tables["accounts"], "CapacityUnits": 4.0, "WriteCapacityUnits": 4.0},
        {"TableName": tables["audit"], "CapacityUnits": 2.0, "WriteCapacityUnits": 2.0},
    ]
    # The same request again (a retry of a call whose answer was lost): it succeeds, applies
    # nothing, and is charged for a transactional read of the items.
    replay = dynamodb.transact_write_items(**request)
    assert replay["ConsumedCapacity"] == [
        {"TableName": tables["accounts"], "CapacityUnits": 4.0, "ReadCapacityUnits": 4.0},
        {"TableName": tables["audit"], "CapacityUnits": 2.0, "ReadCapacityUnits": 2.0},
    ]
    assert (balance(dynamodb, tables, "frank"), balance(dynamodb, tables, "grace")) == (75, 25)

    # The same token with another request is refused, with Message spelt as the model spells it.
    other = {"TransactItems": transfer(tables, "frank", "grace", 26, "token-transfer-2"), "ClientRequestToken": token}
    with expect_error("IdempotentParameterMismatchException", MISMATCH):
        dynamodb.transact_write_items(**other)
    raw = raw_request(endpoint, "TransactWriteItems", json.dumps(other))
    assert raw.status == 400
    assert raw.json() == {
        "__type": "com.amazonaws.dynamodb.v20120810#IdempotentParameterMismatchException",
        "Message": MISMATCH,
    }
    assert balance(dynamodb, tables, "frank") == 75
    assert not exists(dynamodb, tables["audit"], "token-transfer-2")


def test_transact_get_items_projection_and_a_missing_item(dynamodb, tables):
    open_account(dynamodb, tables, "heidi", 40)
    dynamodb.put_item(TableName=tables["audit"], Item={
        "id": S("heidi-log"), "note": S("opened"), "tags": {"M": {"a": S("x"), "b": S("y")}},
    })
    got = dynamodb.transact_get_items(
        ReturnConsumedCapacity="TOTAL",
        TransactItems=[
            {"Get": {"TableName": tables["accounts"], "Key": {"id": S("heidi")}}},
            {"Get": {"TableName": tables["accounts"], "Key": {"id": S("nobody")}}},
            {"Get": {
                "TableName": tables["audit"], "Key": {"id": S("heidi-log")},
                "ProjectionExpression": "#n, tags.b", "ExpressionAttributeNames": {"#n": "note"},
            }},
        ],
    )
    assert got["Responses"] == [
        {"Item": {"id": S("heidi"), "balance": N(40)}},
        {},
        {"Item": {"note": S("opened"), "tags": {"M": {"b": S("y")}}}},
    ]
    # Twice a strongly consistent read per item, a missing one included; one entry per table.
    assert got["ConsumedCapacity"] == [
        {"TableName": tables["accounts"], "CapacityUnits": 4.0, "ReadCapacityUnits": 4.0},
        {"TableName": tables["audit"], "CapacityUnits": 2.0, "ReadCapacityUnits": 2.0},
    ]
    plain = dynamodb.transact_get_items(TransactItems=[{"Get": {"TableName": tables["accounts"], "Key": {"id": S("heidi")}}}])
    assert "ConsumedCapacity" not in plain


def test_consumed_capacity_lists_tables_in_request_order(dynamodb, tables):
    open_account(dynamodb, tables, "ivan", 10)
    response = dynamodb.transact_write_items(
        ReturnConsumedCapacity="TOTAL",
        TransactItems=[
            {"Put": {"TableName": tables["audit"], "Item": {"id": S("ivan-1")}}},
            {"ConditionCheck": {
                "TableName": tables["accounts"], "Key": {"id": S("ivan")},
                "ConditionExpression": "balance = :b", "ExpressionAttributeValues": {":b": N(10)},
            }},
            {"Put": {"TableName": tables["audit"], "Item": {"id": S("ivan-2")}}},
        ],
    )
    # A ConditionCheck is billed as a transactional write of the item it read.
    assert response["ConsumedCapacity"] == [
        {"TableName": tables["audit"], "CapacityUnits": 4.0, "WriteCapacityUnits": 4.0},
        {"TableName": tables["accounts"], "CapacityUnits": 2.0, "WriteCapacityUnits": 2.0},
    ]


def orders_with_status(dynamodb, tables, status):
    items = dynamodb.query(
        TableName=tables["orders"], IndexName="byStatus",
        KeyConditionExpression="#s = :s",
        ExpressionAttributeNames={"#s": "status"}, ExpressionAttributeValues={":s": S(status)},
    )["Items"]
    return sorted(i["id"]["S"] for i in items)


def order(tables, order_id, status):
    return {"Put": {"TableName": tables["orders"], "Item": {"id": S(order_id), "status": S(status)}}}


def test_index_entries_commit_with_the_transaction(dynamodb, tables):
    dynamodb.transact_write_items(TransactItems=[order(tables, "o1", "open"), order(tables, "o2", "open")])
    assert orders_with_status(dynamodb, tables, "open") == ["o1", "o2"]
    dynamodb.transact_write_items(TransactItems=[
        {"Update": {
            "TableName": tables["orders"], "Key": {"id": S("o1")},
            "UpdateExpression": "SET #s = :s", "ExpressionAttributeNames": {"#s": "status"},
            "ExpressionAttributeValues": {":s": S("shipped")},
        }},
        {"Delete": {"TableName": tables["orders"], "Key": {"id": S("o2")}}},
        order(tables, "o3", "open"),
    ])
    assert orders_with_status(dynamodb, tables, "open") == ["o3"]
    assert orders_with_status(dynamodb, tables, "shipped") == ["o1"]
    with expect_cancelled("None", "ConditionalCheckFailed"):
        dynamodb.transact_write_items(TransactItems=[
            order(tables, "o4", "open"),
            {"ConditionCheck": {
                "TableName": tables["orders"], "Key": {"id": S("o2")}, "ConditionExpression": "attribute_exists(id)",
            }},
        ])
    assert orders_with_status(dynamodb, tables, "open") == ["o3"]


def test_item_collection_metrics_for_a_table_with_a_local_index(dynamodb, tables):
    scores = tables["scores"]
    response = dynamodb.transact_write_items(
        ReturnItemCollectionMetrics="SIZE",
        TransactItems=[
            {"Put": {"TableName": scores, "Item": {"player": S("judy"), "game": S("chess"), "score": N(7)}}},
            {"Put": {"TableName": scores, "Item": {"player": S("judy"), "game": S("go"), "score": N(9)}}},
            {"Put": {"TableName": tables["audit"], "Item": {"id": S("judy")}}},
        ],
    )
    # Only tables with a local index have item collections to report.
    metric = {"ItemCollectionKey": {"player": S("judy")}, "SizeEstimateRangeGB": [0.0, 1.0]}
    assert response["ItemCollectionMetrics"] == {scores: [metric, metric]}
    queried = dynamodb.query(
        TableName=scores, IndexName="byScore",
        KeyConditionExpression="player = :p", ExpressionAttributeValues={":p": S("judy")},
    )["Items"]
    assert [i["score"]["N"] for i in queried] == ["7", "9"]


def test_cli_transact_write_and_get_items(cli, dynamodb, tables):
    open_account(dynamodb, tables, "kim", 10)
    open_account(dynamodb, tables, "lee", 0)
    token = str(uuid.uuid4())
    args = (
        "transact-write-items",
        "--transact-items", json.dumps(transfer(tables, "kim", "lee", 4, "cli-transfer")),
        "--client-request-token", token,
    )
    for _ in range(2):
        written = cli(*args)
        assert written.returncode == 0, written.stderr
    got = cli(
        "transact-get-items",
        "--transact-items", json.dumps([
            {"Get": {"TableName": tables["accounts"], "Key": {"id": S(account)}, "ProjectionExpression": "balance"}}
            for account in ("kim", "lee")
        ]),
    )
    assert got.returncode == 0, got.stderr
    assert got.json["Responses"] == [{"Item": {"balance": N(6)}}, {"Item": {"balance": N(4)}}]

    failed = cli("transact-write-items", "--transact-items", json.dumps(transfer(tables, "kim", "lee", 7, "cli-2")))
    assert failed.returncode != 0
    assert "TransactionCanceledException" in failed.stderr
    assert "[ConditionalCheckFailed, None, None]" in failed.stderr
