"""Triggers (issue 8): functions through the Lambda API, fed a table's stream by event source
mappings, their output in CloudWatch Logs. The two stories of the DynamoDB/Lambda guides run
from the AWS CLI; the mapping options run through boto3 with Python handlers."""

import io
import json
import os
import shutil
import subprocess
import time
import zipfile

import boto3
import pytest

import support

ROLE = "arn:aws:iam::123456789012:role/lambda-role"
CLI_V2 = "/usr/bin/aws"


def zip_of(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, text in files.items():
            z.writestr(name, text)
    return buffer.getvalue()


def client(endpoint, service):
    return boto3.client(
        service,
        endpoint_url=endpoint,
        region_name=support.REGION,
        aws_access_key_id=support.ACCESS_KEY,
        aws_secret_access_key=support.SECRET_KEY,
        config=support.client_config(),
    )


def aws(endpoint, *args, command=None, timeout=120):
    """Runs the AWS CLI (`command`, default the one on PATH) with the conformance credentials."""
    completed = subprocess.run(
        (command or support.aws_cli_command()) + [*args, "--endpoint-url", endpoint],
        env=support.cli_environment(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout


@pytest.fixture
def lambda_client(endpoint):
    return client(endpoint, "lambda")


def stream_table(dynamodb, name, view="NEW_AND_OLD_IMAGES", key="id"):
    dynamodb.create_table(
        TableName=name,
        KeySchema=[{"AttributeName": key, "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": key, "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
        StreamSpecification={"StreamEnabled": True, "StreamViewType": view},
    )
    return dynamodb.describe_table(TableName=name)["Table"]["LatestStreamArn"]


def python_function(lambda_client, name, code, **extra):
    lambda_client.create_function(
        FunctionName=name,
        Runtime="python3.12",
        Handler="app.handler",
        Role=ROLE,
        Code={"ZipFile": zip_of({"app.py": code})},
        Timeout=30,
        **extra,
    )
    return name


def wait_enabled(lambda_client, uuid):
    assert support.poll(
        lambda: lambda_client.get_event_source_mapping(UUID=uuid)["State"] == "Enabled", timeout=15
    )


# A handler that records what it got in a table, so tests can see every delivery.
RECORDER = """
import json, os, boto3
ddb = boto3.client("dynamodb")
def handler(event, context):
    numbers = [int(r["dynamodb"]["NewImage"]["n"]["N"]) for r in event["Records"]]
    ddb.put_item(TableName=os.environ["SEEN"], Item={
        "id": {"S": context.aws_request_id},
        "numbers": {"S": json.dumps(numbers)},
        "at": {"N": str(time_ns())}})
    if FAIL_ON in numbers:
        raise ValueError("cannot take %d" % FAIL_ON)
    return {"batchItemFailures": []}
from time import time_ns
FAIL_ON = int(os.environ.get("FAIL_ON", "-1"))
"""


def deliveries(dynamodb, seen):
    items = dynamodb.scan(TableName=seen, ConsistentRead=True)["Items"]
    items.sort(key=lambda i: int(i["at"]["N"]))
    return [json.loads(i["numbers"]["S"]) for i in items]


@pytest.fixture
def recorder(dynamodb, lambda_client, table_name):
    """A table with a stream, a `seen` table, and a recording function, named after the test."""
    stream = stream_table(dynamodb, table_name)
    seen = support.unique_name("seen")
    support.create_table(dynamodb, seen, ("id", "S"))
    name = table_name[-40:].replace("_", "-")
    yield stream, seen, name
    support.delete_table_quietly(dynamodb, seen)


def put_numbers(dynamodb, table, numbers):
    for n in numbers:
        dynamodb.put_item(TableName=table, Item={"id": {"S": "k%d" % n}, "n": {"N": str(n)}})


def test_function_lifecycle_through_the_lambda_api(lambda_client, table_name):
    name = table_name[-40:].replace("_", "-")
    created = lambda_client.create_function(
        FunctionName=name, Runtime="python3.12", Handler="app.handler", Role=ROLE,
        Code={"ZipFile": zip_of({"app.py": "def handler(e, c):\n    return {'got': e}\n"})},
    )
    assert created["ResponseMetadata"]["HTTPStatusCode"] == 201
    assert created["State"] == "Pending" and created["Timeout"] == 3 and created["MemorySize"] == 128
    assert created["FunctionArn"] == f"arn:aws:lambda:us-east-1:000000000000:function:{name}"
    assert lambda_client.get_function(FunctionName=name)["Configuration"]["State"] == "Active"
    answer = lambda_client.invoke(FunctionName=name, Payload=b'{"x": 1}', LogType="Tail")
    assert json.loads(answer["Payload"].read()) == {"got": {"x": 1}}
    assert "START RequestId" in __import__("base64").b64decode(answer["LogResult"]).decode()
    with support.expect_error("ResourceConflictException", f"Function already exist: {name}", status=409):
        python_function(lambda_client, name, "def handler(e, c): pass\n")
    lambda_client.delete_function(FunctionName=name)
    with support.expect_error(
        "ResourceNotFoundException",
        f"Function not found: arn:aws:lambda:us-east-1:000000000000:function:{name}",
        status=404,
    ):
        lambda_client.get_function(FunctionName=name)


def test_batches_respect_batch_size_and_every_record_arrives_once(dynamodb, lambda_client, recorder):
    stream, seen, name = recorder
    python_function(lambda_client, name, RECORDER, Environment={"Variables": {"SEEN": seen}})
    put_numbers(dynamodb, recorder_table(stream), range(10))
    uuid = lambda_client.create_event_source_mapping(
        FunctionName=name, EventSourceArn=stream, StartingPosition="TRIM_HORIZON", BatchSize=3
    )["UUID"]
    wait_enabled(lambda_client, uuid)
    assert support.poll(lambda: sum(len(b) for b in deliveries(dynamodb, seen)) >= 10, timeout=30)
    batches = deliveries(dynamodb, seen)
    assert [n for b in batches for n in b] == list(range(10))
    assert all(len(b) <= 3 for b in batches)


def recorder_table(stream):
    return stream.split(":table/")[1].split("/stream/")[0]


def test_a_failing_record_is_bisected_and_sent_to_the_on_failure_table(dynamodb, lambda_client, recorder):
    stream, seen, name = recorder
    failures = support.unique_name("failures")
    support.create_table(dynamodb, failures, ("pk", "S"))
    python_function(
        lambda_client, name, RECORDER, Environment={"Variables": {"SEEN": seen, "FAIL_ON": "3"}}
    )
    put_numbers(dynamodb, recorder_table(stream), range(6))
    lambda_client.create_event_source_mapping(
        FunctionName=name, EventSourceArn=stream, StartingPosition="TRIM_HORIZON", BatchSize=6,
        BisectBatchOnFunctionError=True, MaximumRetryAttempts=1,
        DestinationConfig={"OnFailure": {"Destination": f"arn:aws:dynamodb:us-east-1:000000000000:table/{failures}"}},
    )
    assert support.poll(lambda: dynamodb.scan(TableName=failures)["Count"] == 1, timeout=60)
    failure = dynamodb.scan(TableName=failures)["Items"][0]
    assert failure["requestContext"]["M"]["condition"]["S"] == "RetryAttemptsExhausted"
    assert failure["DDBStreamBatchInfo"]["M"]["batchSize"]["N"] == "1"
    # The first, whole batch held 5 as well and failed: wait for 5 in a batch that went through.
    assert support.poll(
        lambda: any(5 in b and 3 not in b for b in deliveries(dynamodb, seen)), timeout=30
    )
    delivered_ok = [n for b in deliveries(dynamodb, seen) if 3 not in b for n in b]
    assert sorted(delivered_ok) == [0, 1, 2, 4, 5]
    support.delete_table_quietly(dynamodb, failures)


def test_report_batch_item_failures_resumes_at_the_failed_record(dynamodb, lambda_client, recorder):
    stream, seen, name = recorder
    code = RECORDER.replace(
        'return {"batchItemFailures": []}',
        'first = [r for r in event["Records"] if int(r["dynamodb"]["NewImage"]["n"]["N"]) == 2]\n'
        '    if first and not os.path.exists("/tmp/" + context.function_name):\n'
        '        open("/tmp/" + context.function_name, "w").close()\n'
        '        return {"batchItemFailures": [{"itemIdentifier": first[0]["dynamodb"]["SequenceNumber"]}]}\n'
        '    return {"batchItemFailures": []}',
    )
    python_function(lambda_client, name, code, Environment={"Variables": {"SEEN": seen}})
    put_numbers(dynamodb, recorder_table(stream), range(5))
    lambda_client.create_event_source_mapping(
        FunctionName=name, EventSourceArn=stream, StartingPosition="TRIM_HORIZON", BatchSize=10,
        FunctionResponseTypes=["ReportBatchItemFailures"],
    )
    assert support.poll(lambda: len(deliveries(dynamodb, seen)) >= 2, timeout=30)
    time.sleep(1)
    assert deliveries(dynamodb, seen) == [[0, 1, 2, 3, 4], [2, 3, 4]]


def test_two_mappings_on_one_stream_both_see_every_record(dynamodb, lambda_client, recorder):
    stream, seen, name = recorder
    python_function(lambda_client, name, RECORDER, Environment={"Variables": {"SEEN": seen}})
    python_function(lambda_client, name + "-2", RECORDER, Environment={"Variables": {"SEEN": seen}})
    for fn in (name, name + "-2"):
        lambda_client.create_event_source_mapping(
            FunctionName=fn, EventSourceArn=stream, StartingPosition="TRIM_HORIZON"
        )
    put_numbers(dynamodb, recorder_table(stream), range(4))
    assert support.poll(lambda: sum(len(b) for b in deliveries(dynamodb, seen)) >= 8, timeout=30)
    assert sorted(n for b in deliveries(dynamodb, seen) for n in b) == [0, 0, 1, 1, 2, 2, 3, 3]


@pytest.mark.skipif(not os.path.exists(CLI_V2), reason="aws logs tail needs AWS CLI v2 at /usr/bin/aws")
def test_story_a_function_logs_every_stream_record(endpoint, dynamodb, table_name, tmp_path):
    """The DynamoDB/Lambda guide's first story, from the AWS CLI: a function prints every record;
    after an INSERT, a MODIFY and a REMOVE, `aws logs tail` shows the three with their images."""
    name = table_name[-40:].replace("_", "-")
    stream = stream_table(dynamodb, table_name)
    package = tmp_path / "function.zip"
    package.write_bytes(zip_of({"app.py": (
        "import json\n"
        "def handler(event, context):\n"
        "    for record in event['Records']:\n"
        "        print(record['eventName'], json.dumps(record['dynamodb']))\n"
    )}))
    aws(endpoint, "lambda", "create-function", "--function-name", name, "--runtime", "python3.12",
        "--handler", "app.handler", "--role", ROLE, "--zip-file", f"fileb://{package}")
    mapping = json.loads(aws(endpoint, "lambda", "create-event-source-mapping", "--function-name", name,
                             "--event-source-arn", stream, "--starting-position", "LATEST"))
    support.poll(lambda: json.loads(aws(endpoint, "lambda", "get-event-source-mapping", "--uuid",
                                        mapping["UUID"]))["State"] == "Enabled", timeout=15)
    support.run_cli(endpoint, "put-item", "--table-name", table_name, "--item",
                    '{"id": {"S": "101"}, "Message": {"S": "New item!"}}')
    support.run_cli(endpoint, "update-item", "--table-name", table_name, "--key", '{"id": {"S": "101"}}',
                    "--update-expression", "SET Message = :m",
                    "--expression-attribute-values", '{":m": {"S": "This item has changed"}}')
    support.run_cli(endpoint, "delete-item", "--table-name", table_name, "--key", '{"id": {"S": "101"}}')

    def tail():
        return aws(endpoint, "logs", "tail", f"/aws/lambda/{name}", "--since", "1h",
                   "--region", support.REGION, command=[CLI_V2])

    printed = support.poll(lambda: (lambda t: t if "REMOVE" in t else None)(tail()), timeout=30)
    assert printed, tail()
    lines = [line for line in printed.splitlines() if any(e in line for e in ("INSERT", "MODIFY", "REMOVE"))]
    assert [next(e for e in ("INSERT", "MODIFY", "REMOVE") if e in line) for line in lines] == [
        "INSERT", "MODIFY", "REMOVE"]
    assert "New item!" in lines[0] and "This item has changed" in lines[1] and "OldImage" in lines[2]
    assert "START RequestId" in printed and "REPORT RequestId" in printed


def test_story_a_welcome_trigger_writes_one_outbox_item_per_new_customer(endpoint, dynamodb, table_name, tmp_path):
    """The second story: a trigger on Customers whose filter passes only INSERTs with an
    EmailAddress, writing one item per new customer into an Outbox table."""
    name = table_name[-40:].replace("_", "-")
    stream = stream_table(dynamodb, table_name, view="NEW_IMAGE", key="CustomerId")
    outbox = support.unique_name("outbox")
    support.create_table(dynamodb, outbox, ("CustomerId", "S"))
    package = tmp_path / "welcome.zip"
    package.write_bytes(zip_of({"welcome.py": (
        "import os, boto3\n"
        "ddb = boto3.client('dynamodb')\n"
        "def handler(event, context):\n"
        "    for record in event['Records']:\n"
        "        customer = record['dynamodb']['NewImage']\n"
        "        ddb.put_item(TableName=os.environ['OUTBOX'], Item={\n"
        "            'CustomerId': customer['CustomerId'],\n"
        "            'EmailAddress': customer['EmailAddress'],\n"
        "            'Message': {'S': 'Welcome!'}})\n"
    )}))
    aws(endpoint, "lambda", "create-function", "--function-name", name, "--runtime", "python3.12",
        "--handler", "welcome.handler", "--role", ROLE, "--zip-file", f"fileb://{package}",
        "--environment", json.dumps({"Variables": {"OUTBOX": outbox}}))
    pattern = json.dumps({"eventName": ["INSERT"],
                          "dynamodb": {"NewImage": {"EmailAddress": {"S": [{"exists": True}]}}}})
    aws(endpoint, "lambda", "create-event-source-mapping", "--function-name", name,
        "--event-source-arn", stream, "--starting-position", "TRIM_HORIZON",
        "--filter-criteria", json.dumps({"Filters": [{"Pattern": pattern}]}))
    dynamodb.put_item(TableName=table_name, Item={"CustomerId": {"S": "c1"}, "EmailAddress": {"S": "a@example.com"}})
    dynamodb.put_item(TableName=table_name, Item={"CustomerId": {"S": "c2"}})
    dynamodb.put_item(TableName=table_name, Item={"CustomerId": {"S": "c3"}, "EmailAddress": {"S": "c@example.com"}})
    dynamodb.update_item(TableName=table_name, Key={"CustomerId": {"S": "c2"}},
                         UpdateExpression="SET EmailAddress = :e",
                         ExpressionAttributeValues={":e": {"S": "late@example.com"}})
    assert support.poll(lambda: dynamodb.scan(TableName=outbox)["Count"] >= 2, timeout=30)
    time.sleep(1.5)
    ids = sorted(i["CustomerId"]["S"] for i in dynamodb.scan(TableName=outbox)["Items"])
    assert ids == ["c1", "c3"]
    support.delete_table_quietly(dynamodb, outbox)
