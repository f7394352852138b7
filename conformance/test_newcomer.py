"""The first thing a new user runs: the boto3 example from DynamoDB's getting-started guide."""

import boto3

import support


def test_getting_started_snippet(endpoint, dynamodb, capsys):
    # The snippet names its table 'users'; never touch a 'users' table that is already there.
    name = "users" if not support.table_exists(dynamodb, "users") else support.unique_name("users")
    # Exactly what a user writes: a default resource (client-side validation and retries on).
    dynamodb_resource = boto3.resource(
        "dynamodb",
        endpoint_url=endpoint,
        region_name=support.REGION,
        aws_access_key_id=support.ACCESS_KEY,
        aws_secret_access_key=support.SECRET_KEY,
    )
    try:
        table = dynamodb_resource.create_table(
            TableName=name,
            KeySchema=[
                {"AttributeName": "username", "KeyType": "HASH"},
                {"AttributeName": "last_name", "KeyType": "RANGE"},
            ],
            AttributeDefinitions=[
                {"AttributeName": "username", "AttributeType": "S"},
                {"AttributeName": "last_name", "AttributeType": "S"},
            ],
            ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 5},
        )
        table.wait_until_exists()
        print(table.item_count)
        assert capsys.readouterr().out == "0\n"

        table.put_item(Item={"username": "jdoe", "last_name": "Doe"})
        # The snippet reads back without ConsistentRead; an eventually consistent read may lag a
        # moment on DynamoDB, so allow it that moment.
        response = support.poll(
            lambda: table.get_item(Key={"username": "jdoe", "last_name": "Doe"}).get("Item"), timeout=5
        )
        assert response == {"username": "jdoe", "last_name": "Doe"}

        def item_count():
            table.reload()
            return table.item_count == 1

        assert support.poll(item_count, timeout=10, interval=0.5), (
            f"DescribeTable's ItemCount is still {table.item_count} 10 s after the put"
        )
    finally:
        support.delete_table_quietly(dynamodb, name)
