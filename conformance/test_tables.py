"""CreateTable, DescribeTable, ListTables, UpdateTable and DeleteTable as DynamoDB answers them."""

import datetime
import re

import pytest

import support
from support import describe, expect_error, key_schema, wait_active

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def not_found(name):
    return f"Requested resource not found: Table: {name} not found"


# --- CreateTable and DescribeTable ----------------------------------------------------------------


def test_create_and_describe_a_provisioned_table(dynamodb, table_name):
    created = dynamodb.create_table(
        TableName=table_name,
        **key_schema(("pk", "S"), ("sk", "N")),
        ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 7},
    )["TableDescription"]
    assert created["TableName"] == table_name
    assert created["TableStatus"] in ("CREATING", "ACTIVE")
    wait_active(dynamodb, table_name)

    table = describe(dynamodb, table_name)
    assert table["TableName"] == table_name
    assert table["TableStatus"] == "ACTIVE"
    assert table["KeySchema"] == [
        {"AttributeName": "pk", "KeyType": "HASH"},
        {"AttributeName": "sk", "KeyType": "RANGE"},
    ]
    assert sorted(table["AttributeDefinitions"], key=lambda d: d["AttributeName"]) == [
        {"AttributeName": "pk", "AttributeType": "S"},
        {"AttributeName": "sk", "AttributeType": "N"},
    ]
    assert re.fullmatch(
        rf"arn:aws:dynamodb:{support.REGION}:\d{{12}}:table/{re.escape(table_name)}", table["TableArn"]
    )
    assert UUID.fullmatch(table["TableId"])
    assert table["TableArn"] == created["TableArn"]
    assert table["TableId"] == created["TableId"]
    assert isinstance(table["CreationDateTime"], datetime.datetime)
    throughput = table["ProvisionedThroughput"]
    assert throughput["ReadCapacityUnits"] == 5
    assert throughput["WriteCapacityUnits"] == 7
    assert throughput["NumberOfDecreasesToday"] == 0
    assert table["ItemCount"] == 0
    assert table["TableSizeBytes"] == 0
    assert table["DeletionProtectionEnabled"] is False


def test_describe_an_on_demand_table(dynamodb, table_name):
    support.create_table(dynamodb, table_name, ("pk", "S"), BillingMode="PAY_PER_REQUEST")
    table = describe(dynamodb, table_name)
    assert table["BillingModeSummary"]["BillingMode"] == "PAY_PER_REQUEST"
    assert table["ProvisionedThroughput"]["ReadCapacityUnits"] == 0
    assert table["ProvisionedThroughput"]["WriteCapacityUnits"] == 0
    assert table["ProvisionedThroughput"]["NumberOfDecreasesToday"] == 0


def test_create_with_table_class_and_deletion_protection(dynamodb, table_name):
    support.create_table(
        dynamodb,
        table_name,
        ("pk", "B"),
        TableClass="STANDARD_INFREQUENT_ACCESS",
        DeletionProtectionEnabled=True,
    )
    table = describe(dynamodb, table_name)
    assert table["TableClassSummary"]["TableClass"] == "STANDARD_INFREQUENT_ACCESS"
    assert table["DeletionProtectionEnabled"] is True
    assert table["AttributeDefinitions"] == [{"AttributeName": "pk", "AttributeType": "B"}]


def test_create_a_table_that_exists(dynamodb, table_name):
    support.create_table(dynamodb, table_name)
    with expect_error("ResourceInUseException", f"Table already exists: {table_name}"):
        support.create_table(dynamodb, table_name, wait=False)


def test_describe_a_missing_table(dynamodb):
    name = support.unique_name("missing")
    with expect_error("ResourceNotFoundException", not_found(name)):
        dynamodb.describe_table(TableName=name)


def test_waiters(resource, table_name):
    table = resource.create_table(
        TableName=table_name, BillingMode="PAY_PER_REQUEST", **key_schema(("id", "S"))
    )
    table.wait_until_exists(WaiterConfig=support.WAIT)
    assert table.table_status == "ACTIVE"
    table.delete()
    table.wait_until_not_exists(WaiterConfig=support.WAIT)
    with expect_error("ResourceNotFoundException", not_found(table_name)):
        table.reload()


# --- CreateTable validation -----------------------------------------------------------------------


def create(dynamodb, name, keys=(("pk", "S"),), **extra):
    params = {"TableName": name, **key_schema(*keys), "BillingMode": "PAY_PER_REQUEST"}
    params.update(extra)
    return dynamodb.create_table(**{k: v for k, v in params.items() if v is not None})


def test_table_name_too_short(dynamodb):
    with expect_error(
        "ValidationException",
        "1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: "
        "Member must have length greater than or equal to 3",
    ):
        create(dynamodb, "ab")


def test_table_name_too_long(dynamodb):
    # DynamoDB words a bad CreateTable name differently from region to region; the field and
    # the constraint are what stays the same.
    with expect_error(
        "ValidationException",
        contains=("tableName", "Member must have length less than or equal to 255"),
    ):
        create(dynamodb, "n" * 256)


def test_table_name_with_bad_characters(dynamodb):
    with expect_error(
        "ValidationException",
        contains=("tableName", "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"),
    ):
        create(dynamodb, "bad name!")


def test_names_of_255_characters_and_all_allowed_characters_are_accepted(dynamodb):
    longest = support.unique_name("long")
    for name in (longest + "x" * (255 - len(longest)), support.unique_name("Az09_.-")):
        try:
            support.create_table(dynamodb, name)
            assert describe(dynamodb, name)["TableName"] == name
        finally:
            support.delete_table_quietly(dynamodb, name)


def test_key_schema_must_start_with_the_hash_key(dynamodb, table_name):
    with expect_error(
        "ValidationException", "Invalid KeySchema: The first KeySchemaElement is not a HASH key type"
    ):
        create(
            dynamodb,
            table_name,
            KeySchema=[
                {"AttributeName": "sk", "KeyType": "RANGE"},
                {"AttributeName": "pk", "KeyType": "HASH"},
            ],
            AttributeDefinitions=[
                {"AttributeName": "pk", "AttributeType": "S"},
                {"AttributeName": "sk", "AttributeType": "S"},
            ],
        )


def test_second_key_must_be_a_range_key(dynamodb, table_name):
    with expect_error(
        "ValidationException", "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type"
    ):
        create(
            dynamodb,
            table_name,
            KeySchema=[
                {"AttributeName": "pk", "KeyType": "HASH"},
                {"AttributeName": "sk", "KeyType": "HASH"},
            ],
            AttributeDefinitions=[
                {"AttributeName": "pk", "AttributeType": "S"},
                {"AttributeName": "sk", "AttributeType": "S"},
            ],
        )


def test_key_attribute_without_definition(dynamodb, table_name):
    with expect_error(
        "ValidationException",
        "One or more parameter values were invalid: Some index key attributes are not defined in "
        "AttributeDefinitions. Keys: [pk], AttributeDefinitions: [other]",
    ):
        create(
            dynamodb,
            table_name,
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "other", "AttributeType": "S"}],
        )


def test_attribute_definition_not_used_by_a_key(dynamodb, table_name):
    with expect_error(
        "ValidationException",
        "One or more parameter values were invalid: Number of attributes in KeySchema does not "
        "exactly match number of attributes defined in AttributeDefinitions",
    ):
        create(
            dynamodb,
            table_name,
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
            AttributeDefinitions=[
                {"AttributeName": "pk", "AttributeType": "S"},
                {"AttributeName": "extra", "AttributeType": "S"},
            ],
        )


def test_more_keys_than_attribute_definitions(dynamodb, table_name):
    with expect_error("ValidationException", "Invalid KeySchema: Some index key attribute have no definition"):
        create(
            dynamodb,
            table_name,
            KeySchema=[
                {"AttributeName": "pk", "KeyType": "HASH"},
                {"AttributeName": "sk", "KeyType": "RANGE"},
            ],
            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
        )


def test_hash_and_range_key_with_the_same_name(dynamodb, table_name):
    with expect_error(
        "ValidationException", "Both the Hash Key and the Range Key element in the KeySchema have the same name"
    ):
        create(
            dynamodb,
            table_name,
            KeySchema=[
                {"AttributeName": "pk", "KeyType": "HASH"},
                {"AttributeName": "pk", "KeyType": "RANGE"},
            ],
            AttributeDefinitions=[
                {"AttributeName": "pk", "AttributeType": "S"},
                {"AttributeName": "other", "AttributeType": "S"},
            ],
        )


def test_duplicate_attribute_definitions(dynamodb, table_name):
    with expect_error("ValidationException", "Attribute Name is duplicated: pk"):
        create(
            dynamodb,
            table_name,
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
            AttributeDefinitions=[
                {"AttributeName": "pk", "AttributeType": "S"},
                {"AttributeName": "pk", "AttributeType": "N"},
            ],
        )


def test_unknown_attribute_type(dynamodb, table_name):
    with expect_error(
        "ValidationException",
        "1 validation error detected: Value 'Q' at 'attributeDefinitions.1.member.attributeType' "
        "failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]",
    ):
        create(
            dynamodb,
            table_name,
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "Q"}],
        )


def test_unknown_key_type(dynamodb, table_name):
    with expect_error(
        "ValidationException",
        "1 validation error detected: Value 'PRIMARY' at 'keySchema.1.member.keyType' "
        "failed to satisfy constraint: Member must satisfy enum value set: [HASH, RANGE]",
    ):
        create(
            dynamodb,
            table_name,
            KeySchema=[{"AttributeName": "pk", "KeyType": "PRIMARY"}],
            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
        )


def test_unknown_billing_mode(dynamodb, table_name):
    with expect_error("ValidationException", contains=("billingMode", "[PROVISIONED, PAY_PER_REQUEST]")):
        create(dynamodb, table_name, BillingMode="FREE")


def test_on_demand_table_with_throughput(dynamodb, table_name):
    with expect_error(
        "ValidationException",
        "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits "
        "can be specified when BillingMode is PAY_PER_REQUEST",
    ):
        create(
            dynamodb,
            table_name,
            BillingMode="PAY_PER_REQUEST",
            ProvisionedThroughput={"ReadCapacityUnits": 1, "WriteCapacityUnits": 1},
        )


def test_provisioned_table_without_throughput(dynamodb, table_name):
    with expect_error(
        "ValidationException",
        "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must "
        "both be specified when BillingMode is PROVISIONED",
    ):
        create(dynamodb, table_name, BillingMode="PROVISIONED")


def test_table_without_billing_mode_or_throughput(dynamodb, table_name):
    # BillingMode defaults to PROVISIONED, which needs throughput.
    with expect_error(
        "ValidationException",
        "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must "
        "both be specified when BillingMode is PROVISIONED",
    ):
        create(dynamodb, table_name, BillingMode=None)


def test_throughput_below_one(dynamodb, table_name):
    with expect_error(
        "ValidationException",
        "1 validation error detected: Value '0' at 'provisionedThroughput.readCapacityUnits' "
        "failed to satisfy constraint: Member must have value greater than or equal to 1",
    ):
        create(
            dynamodb,
            table_name,
            BillingMode="PROVISIONED",
            ProvisionedThroughput={"ReadCapacityUnits": 0, "WriteCapacityUnits": 1},
        )


def test_rejected_create_leaves_no_table(dynamodb, table_name):
    with expect_error("ValidationException"):
        create(dynamodb, table_name, BillingMode="PROVISIONED")
    assert not support.table_exists(dynamodb, table_name)


# --- ListTables -----------------------------------------------------------------------------------


@pytest.fixture
def three_tables(dynamodb):
    prefix = support.unique_name("list")
    names = [f"{prefix}_{suffix}" for suffix in ("c", "a", "b")]
    try:
        for name in names:
            support.create_table(dynamodb, name, wait=False)
        for name in names:
            wait_active(dynamodb, name)
        yield prefix, sorted(names)
    finally:
        for name in names:
            support.delete_table_quietly(dynamodb, name)


def test_list_tables_in_name_order(dynamodb, three_tables):
    _, names = three_tables
    listed = []
    start = None
    while True:
        page = dynamodb.list_tables(**({"ExclusiveStartTableName": start} if start else {}))
        listed += page["TableNames"]
        start = page.get("LastEvaluatedTableName")
        if not start:
            break
    assert listed == sorted(listed)
    assert [n for n in listed if n in names] == names


def test_list_tables_one_page_at_a_time(dynamodb, three_tables):
    prefix, names = three_tables
    # Every one of our names sorts after the bare prefix, and no other table shares it.
    first = dynamodb.list_tables(ExclusiveStartTableName=prefix, Limit=2)
    assert first["TableNames"] == names[:2]
    assert first["LastEvaluatedTableName"] == names[1]
    second = dynamodb.list_tables(ExclusiveStartTableName=first["LastEvaluatedTableName"], Limit=1)
    assert second["TableNames"] == names[2:]


def test_list_tables_from_the_last_name(dynamodb, three_tables):
    _, names = three_tables
    after_last = dynamodb.list_tables(ExclusiveStartTableName=names[2], Limit=100)["TableNames"]
    assert all(name > names[2] for name in after_last)


@pytest.mark.parametrize(
    "limit, constraint",
    [(0, "greater than or equal to 1"), (101, "less than or equal to 100")],
)
def test_list_tables_limit_bounds(dynamodb, limit, constraint):
    with expect_error(
        "ValidationException",
        f"1 validation error detected: Value '{limit}' at 'limit' failed to satisfy constraint: "
        f"Member must have value {constraint}",
    ):
        dynamodb.list_tables(Limit=limit)


def test_list_tables_bad_start_name(dynamodb):
    with expect_error(
        "ValidationException",
        "1 validation error detected: Value 'no way!' at 'exclusiveStartTableName' failed to satisfy "
        "constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
    ):
        dynamodb.list_tables(ExclusiveStartTableName="no way!")


# --- UpdateTable ----------------------------------------------------------------------------------


def test_update_provisioned_throughput(dynamodb, table_name):
    support.create_table(
        dynamodb, table_name, ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}
    )
    updated = dynamodb.update_table(
        TableName=table_name,
        ProvisionedThroughput={"ReadCapacityUnits": 20, "WriteCapacityUnits": 15},
    )["TableDescription"]
    assert updated["TableName"] == table_name
    assert updated["TableStatus"] in ("UPDATING", "ACTIVE")
    wait_active(dynamodb, table_name)
    throughput = describe(dynamodb, table_name)["ProvisionedThroughput"]
    assert (throughput["ReadCapacityUnits"], throughput["WriteCapacityUnits"]) == (20, 15)


def test_update_with_unchanged_throughput_is_refused(dynamodb, table_name):
    support.create_table(
        dynamodb, table_name, ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}
    )
    with expect_error(
        "ValidationException",
        "The provisioned throughput for the table will not change. The requested value equals the "
        "current value. Current ReadCapacityUnits provisioned for the table: 5. Requested "
        "ReadCapacityUnits: 5. Current WriteCapacityUnits provisioned for the table: 5. Requested "
        "WriteCapacityUnits: 5. Refer to the Amazon DynamoDB Developer Guide for current limits and "
        "how to request higher limits.",
    ):
        dynamodb.update_table(
            TableName=table_name,
            BillingMode="PROVISIONED",
            ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 5},
        )


def test_update_with_nothing_to_change(dynamodb, table_name):
    support.create_table(dynamodb, table_name)
    with expect_error(
        "ValidationException",
        "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
        "GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, MultiAccountReplicaReady, "
        "ReplicaTransitRoleArn, MultiRegionConsistency, DeletionProtectionEnabled, OnDemandThroughput, "
        "WarmThroughput or TableClass is required",
    ):
        dynamodb.update_table(TableName=table_name)


def test_switch_to_provisioned_without_throughput(dynamodb, table_name):
    support.create_table(dynamodb, table_name, BillingMode="PAY_PER_REQUEST")
    with expect_error(
        "ValidationException",
        "One or more parameter values were invalid: ProvisionedThroughput must be specified when "
        "BillingMode is PROVISIONED",
    ):
        dynamodb.update_table(TableName=table_name, BillingMode="PROVISIONED")


def test_switch_provisioned_to_on_demand(dynamodb, table_name):
    support.create_table(
        dynamodb, table_name, ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}
    )
    dynamodb.update_table(TableName=table_name, BillingMode="PAY_PER_REQUEST")
    wait_active(dynamodb, table_name)
    table = describe(dynamodb, table_name)
    assert table["BillingModeSummary"]["BillingMode"] == "PAY_PER_REQUEST"
    assert table["ProvisionedThroughput"]["ReadCapacityUnits"] == 0
    assert table["ProvisionedThroughput"]["WriteCapacityUnits"] == 0


def test_switch_on_demand_to_provisioned(dynamodb, table_name):
    support.create_table(dynamodb, table_name, BillingMode="PAY_PER_REQUEST")
    dynamodb.update_table(
        TableName=table_name,
        BillingMode="PROVISIONED",
        ProvisionedThroughput={"ReadCapacityUnits": 3, "WriteCapacityUnits": 4},
    )
    wait_active(dynamodb, table_name)
    table = describe(dynamodb, table_name)
    assert table["BillingModeSummary"]["BillingMode"] == "PROVISIONED"
    throughput = table["ProvisionedThroughput"]
    assert (throughput["ReadCapacityUnits"], throughput["WriteCapacityUnits"]) == (3, 4)


def test_switch_to_on_demand_with_throughput_is_refused(dynamodb, table_name):
    support.create_table(
        dynamodb, table_name, ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}
    )
    with expect_error(
        "ValidationException",
        contains="Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST",
    ):
        dynamodb.update_table(
            TableName=table_name,
            BillingMode="PAY_PER_REQUEST",
            ProvisionedThroughput={"ReadCapacityUnits": 6, "WriteCapacityUnits": 6},
        )


def test_update_throughput_below_one(dynamodb, table_name):
    support.create_table(
        dynamodb, table_name, ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}
    )
    with expect_error(
        "ValidationException",
        "1 validation error detected: Value '0' at 'provisionedThroughput.readCapacityUnits' "
        "failed to satisfy constraint: Member must have value greater than or equal to 1",
    ):
        dynamodb.update_table(
            TableName=table_name,
            ProvisionedThroughput={"ReadCapacityUnits": 0, "WriteCapacityUnits": 5},
        )


def test_update_table_class(dynamodb, table_name):
    support.create_table(dynamodb, table_name)
    dynamodb.update_table(TableName=table_name, TableClass="STANDARD_INFREQUENT_ACCESS")
    wait_active(dynamodb, table_name)
    table = describe(dynamodb, table_name)
    assert table["TableClassSummary"]["TableClass"] == "STANDARD_INFREQUENT_ACCESS"


def test_update_a_missing_table(dynamodb):
    name = support.unique_name("missing")
    with expect_error("ResourceNotFoundException", not_found(name)):
        dynamodb.update_table(
            TableName=name, ProvisionedThroughput={"ReadCapacityUnits": 2, "WriteCapacityUnits": 2}
        )


# --- DeleteTable and deletion protection -----------------------------------------------------------


def test_delete_table(dynamodb, table_name):
    support.create_table(dynamodb, table_name)
    deleted = dynamodb.delete_table(TableName=table_name)["TableDescription"]
    assert deleted["TableName"] == table_name
    assert deleted["TableStatus"] == "DELETING"
    dynamodb.get_waiter("table_not_exists").wait(TableName=table_name, WaiterConfig=support.WAIT)
    assert table_name not in dynamodb.list_tables(ExclusiveStartTableName=table_name[:-1], Limit=10)[
        "TableNames"
    ]


def test_delete_a_missing_table(dynamodb):
    name = support.unique_name("missing")
    with expect_error("ResourceNotFoundException", not_found(name)):
        dynamodb.delete_table(TableName=name)


def test_a_deleted_table_can_be_created_again(dynamodb, table_name):
    support.create_table(dynamodb, table_name, ("pk", "S"))
    dynamodb.put_item(TableName=table_name, Item={"pk": {"S": "old"}})
    dynamodb.delete_table(TableName=table_name)
    dynamodb.get_waiter("table_not_exists").wait(TableName=table_name, WaiterConfig=support.WAIT)
    support.create_table(dynamodb, table_name, ("pk", "N"))
    assert describe(dynamodb, table_name)["AttributeDefinitions"] == [
        {"AttributeName": "pk", "AttributeType": "N"}
    ]
    assert "Item" not in dynamodb.get_item(TableName=table_name, Key={"pk": {"N": "1"}}, ConsistentRead=True)


def test_deletion_protection(dynamodb, table_name):
    support.create_table(dynamodb, table_name, DeletionProtectionEnabled=True)
    with expect_error(
        "ValidationException",
        "Resource cannot be deleted as it is currently protected against deletion. "
        "Disable deletion protection first.",
    ):
        dynamodb.delete_table(TableName=table_name)
    assert describe(dynamodb, table_name)["TableStatus"] == "ACTIVE"

    dynamodb.update_table(TableName=table_name, DeletionProtectionEnabled=False)
    wait_active(dynamodb, table_name)
    assert describe(dynamodb, table_name)["DeletionProtectionEnabled"] is False
    dynamodb.delete_table(TableName=table_name)


def test_turn_deletion_protection_on(dynamodb, table_name):
    support.create_table(dynamodb, table_name)
    dynamodb.update_table(TableName=table_name, DeletionProtectionEnabled=True)
    wait_active(dynamodb, table_name)
    assert describe(dynamodb, table_name)["DeletionProtectionEnabled"] is True
    with expect_error("ValidationException", contains="protected against deletion"):
        dynamodb.delete_table(TableName=table_name)
