"""CloudWatch Logs on the same endpoint: boto3's `logs` client, the raw wire, the AWS CLI v1
(`aws logs describe-log-groups`, `get-log-events`, `filter-log-events`) and the AWS CLI v2's
`aws logs tail`, which is how users read what their functions printed."""

import http.client
import json
import os
import re
import subprocess
import time
import urllib.parse
import uuid
from datetime import datetime, timezone

import boto3
import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

import support

# Debian's awscli package (AWS CLI v2) installs here; the `aws` first on PATH may be v1, which
# has no `logs tail`.
AWS_CLI_V2 = "/usr/bin/aws"


@pytest.fixture(scope="module")
def logs(endpoint):
    """A low-level boto3 CloudWatch Logs client of the endpoint (no client-side validation)."""
    return boto3.client(
        "logs",
        endpoint_url=endpoint,
        region_name=support.REGION,
        aws_access_key_id=support.ACCESS_KEY,
        aws_secret_access_key=support.SECRET_KEY,
        config=support.client_config(),
    )


@pytest.fixture
def group(logs):
    """A fresh log group name, in Lambda's form; the group is deleted after the test."""
    name = f"/aws/lambda/conformance-{uuid.uuid4().hex[:12]}"
    yield name
    try:
        logs.delete_log_group(logGroupName=name)
    except logs.exceptions.ResourceNotFoundException:
        pass


STREAM_A = "2026/11/22/[$LATEST]0123456789abcdef0123456789abcdef"
STREAM_B = "2026/11/22/[$LATEST]fedcba9876543210fedcba9876543210"


def fill(logs, group, t0):
    """Two streams of one invocation each, as a function's log group holds them."""
    logs.create_log_group(logGroupName=group)
    for stream in (STREAM_A, STREAM_B):
        logs.create_log_stream(logGroupName=group, logStreamName=stream)
    logs.put_log_events(
        logGroupName=group,
        logStreamName=STREAM_A,
        logEvents=[
            {"timestamp": t0, "message": "START RequestId: 1 Version: $LATEST\n"},
            {"timestamp": t0 + 2, "message": "{'eventName': 'INSERT'}\n"},
            {"timestamp": t0 + 4, "message": "END RequestId: 1\n"},
        ],
    )
    logs.put_log_events(
        logGroupName=group,
        logStreamName=STREAM_B,
        logEvents=[
            {"timestamp": t0 + 1, "message": "START RequestId: 2 Version: $LATEST\n"},
            {"timestamp": t0 + 3, "message": "[ERROR] ValueError: x\n"},
        ],
    )


def now_millis():
    return int(time.time() * 1000)


# --- boto3 ----------------------------------------------------------------------------------------


def test_boto3_writes_and_reads_a_group(logs, group):
    t0 = now_millis() - 60_000
    fill(logs, group, t0)

    groups = logs.describe_log_groups(logGroupNamePrefix=group)["logGroups"]
    assert [g["logGroupName"] for g in groups] == [group]
    assert groups[0]["arn"].startswith("arn:aws:logs:us-east-1:")
    assert groups[0]["arn"].endswith(f":log-group:{group}:*")
    assert groups[0]["logGroupArn"] == groups[0]["arn"][:-2]

    streams = logs.describe_log_streams(logGroupName=group)["logStreams"]
    assert [s["logStreamName"] for s in streams] == [STREAM_A, STREAM_B]
    assert streams[0]["firstEventTimestamp"] == t0
    assert streams[0]["lastEventTimestamp"] == t0 + 4

    page = logs.get_log_events(logGroupName=group, logStreamName=STREAM_A, startFromHead=True)
    assert [e["message"] for e in page["events"]] == [
        "START RequestId: 1 Version: $LATEST\n",
        "{'eventName': 'INSERT'}\n",
        "END RequestId: 1\n",
    ]
    assert re.fullmatch(r"f/\d{56}", page["nextForwardToken"])
    again = logs.get_log_events(
        logGroupName=group, logStreamName=STREAM_A, nextToken=page["nextForwardToken"]
    )
    assert again["events"] == []
    assert again["nextForwardToken"] == page["nextForwardToken"]

    events = logs.filter_log_events(logGroupName=group, interleaved=True)["events"]
    assert [(e["logStreamName"], e["timestamp"]) for e in events] == [
        (STREAM_A, t0),
        (STREAM_B, t0 + 1),
        (STREAM_A, t0 + 2),
        (STREAM_B, t0 + 3),
        (STREAM_A, t0 + 4),
    ]
    assert len({e["eventId"] for e in events}) == 5

    errors = logs.filter_log_events(logGroupName=group, filterPattern="ERROR")["events"]
    assert [e["message"] for e in errors] == ["[ERROR] ValueError: x\n"]


def test_boto3_paginators_end(logs, group):
    """botocore refuses a nextToken that comes back twice: the last page must have none."""
    t0 = now_millis() - 60_000
    fill(logs, group, t0)
    paginator = logs.get_paginator("filter_log_events")
    pages = list(paginator.paginate(logGroupName=group, PaginationConfig={"PageSize": 2}))
    assert [len(p["events"]) for p in pages] == [2, 2, 1]
    assert "nextToken" not in pages[-1]
    streams = logs.get_paginator("describe_log_streams").paginate(
        logGroupName=group, PaginationConfig={"PageSize": 1}
    )
    assert [s["logStreamName"] for p in streams for s in p["logStreams"]] == [STREAM_A, STREAM_B]


def test_boto3_errors(logs, group):
    with support.expect_error("ResourceNotFoundException", "The specified log group does not exist."):
        logs.describe_log_streams(logGroupName=group)
    logs.create_log_group(logGroupName=group)
    with support.expect_error("ResourceAlreadyExistsException", "The specified log group already exists"):
        logs.create_log_group(logGroupName=group)
    with support.expect_error("ResourceNotFoundException", "The specified log stream does not exist."):
        logs.get_log_events(logGroupName=group, logStreamName="none")
    with support.expect_error(
        "InvalidParameterException",
        "1 validation error detected: Value '100' at 'limit' failed to satisfy constraint: "
        "Member must have value less than or equal to 50",
    ):
        logs.describe_log_groups(limit=100)


# --- The wire ------------------------------------------------------------------------------------


def logs_request(endpoint, operation, body):
    """One signed Logs_20140328 call; the status, the headers and the body bytes as received."""
    data = json.dumps(body).encode("utf-8")
    headers = {
        "Content-Type": "application/x-amz-json-1.1",
        "X-Amz-Target": f"Logs_20140328.{operation}",
    }
    url = endpoint.rstrip("/") + "/"
    request = AWSRequest(method="POST", url=url, data=data, headers=headers)
    SigV4Auth(Credentials(support.ACCESS_KEY, support.SECRET_KEY), "logs", support.REGION).add_auth(request)
    parsed = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=60)
    try:
        connection.request("POST", "/", body=data, headers=dict(request.headers.items()))
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def test_errors_name_their_type_without_a_namespace(endpoint, group):
    status, headers, body = logs_request(endpoint, "DescribeLogStreams", {"logGroupName": group})
    assert status == 400
    assert headers["content-type"] == "application/x-amz-json-1.1"
    assert body == (
        b'{"__type":"ResourceNotFoundException",'
        b'"message":"The specified log group does not exist."}'
    )


# --- AWS CLI v1 -----------------------------------------------------------------------------------


def aws_logs(endpoint, *args, cli=None):
    command = (cli or support.aws_cli_command()) + [
        "logs", *args, "--endpoint-url", endpoint, "--region", support.REGION,
    ]
    return subprocess.run(
        command,
        env=support.cli_environment(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_reads_logs(endpoint, logs, group):
    t0 = now_millis() - 60_000
    fill(logs, group, t0)

    described = aws_logs(endpoint, "describe-log-groups", "--log-group-name-prefix", group, "--output", "json")
    assert described.returncode == 0, described.stderr
    assert [g["logGroupName"] for g in json.loads(described.stdout)["logGroups"]] == [group]

    got = aws_logs(
        endpoint, "get-log-events", "--log-group-name", group, "--log-stream-name", STREAM_B,
        "--start-from-head", "--output", "json",
    )
    assert got.returncode == 0, got.stderr
    assert [e["message"] for e in json.loads(got.stdout)["events"]] == [
        "START RequestId: 2 Version: $LATEST\n",
        "[ERROR] ValueError: x\n",
    ]

    filtered = aws_logs(
        endpoint, "filter-log-events", "--log-group-name", group, "--filter-pattern", '"RequestId: 1"',
        "--output", "json",
    )
    assert filtered.returncode == 0, filtered.stderr
    assert [e["message"] for e in json.loads(filtered.stdout)["events"]] == [
        "START RequestId: 1 Version: $LATEST\n",
        "END RequestId: 1\n",
    ]


def test_cli_reports_a_missing_group(endpoint, group):
    result = aws_logs(endpoint, "filter-log-events", "--log-group-name", group)
    assert result.returncode != 0
    assert (
        "An error occurred (ResourceNotFoundException) when calling the FilterLogEvents operation: "
        "The specified log group does not exist." in result.stderr
    )


# --- AWS CLI v2: aws logs tail --------------------------------------------------------------------


def cli_v2_missing():
    """Why `aws logs tail` cannot run here, or None when it can."""
    if not os.access(AWS_CLI_V2, os.X_OK):
        return f"{AWS_CLI_V2} is missing: install AWS CLI v2 (Debian: apt-get install awscli)"
    version = subprocess.run([AWS_CLI_V2, "--version"], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if not (version.stdout + version.stderr).startswith("aws-cli/2."):
        return f"{AWS_CLI_V2} is not AWS CLI v2 ({(version.stdout + version.stderr).strip()})"
    return None


def detailed_line(stream, millis, message):
    """A line of `aws logs tail`'s default (detailed) format."""
    stamp = datetime.fromtimestamp(millis / 1000.0, timezone.utc).isoformat(timespec="microseconds")
    return f"{stamp} {stream} {message.rstrip()}"


def test_aws_logs_tail_shows_what_was_written(endpoint, logs, group):
    missing = cli_v2_missing()
    if missing:
        pytest.skip(missing)
    t0 = now_millis() - 60_000
    fill(logs, group, t0)

    tail = aws_logs(endpoint, "tail", group, "--since", "1h", cli=[AWS_CLI_V2])
    assert tail.returncode == 0, tail.stderr
    assert tail.stdout.splitlines() == [
        detailed_line(STREAM_A, t0, "START RequestId: 1 Version: $LATEST"),
        detailed_line(STREAM_B, t0 + 1, "START RequestId: 2 Version: $LATEST"),
        detailed_line(STREAM_A, t0 + 2, "{'eventName': 'INSERT'}"),
        detailed_line(STREAM_B, t0 + 3, "[ERROR] ValueError: x"),
        detailed_line(STREAM_A, t0 + 4, "END RequestId: 1"),
    ]

    short = aws_logs(endpoint, "tail", group, "--since", "1h", "--format", "short",
                     "--filter-pattern", "ERROR", cli=[AWS_CLI_V2])
    assert short.returncode == 0, short.stderr
    stamp = datetime.fromtimestamp((t0 + 3) / 1000.0, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
    assert short.stdout.splitlines() == [f"{stamp} [ERROR] ValueError: x"]


def test_aws_logs_tail_of_a_function_never_invoked(endpoint, group):
    missing = cli_v2_missing()
    if missing:
        pytest.skip(missing)
    tail = aws_logs(endpoint, "tail", group, "--since", "1h", cli=[AWS_CLI_V2])
    assert tail.returncode != 0
    # CLI v2 adds "(reached max retries: 0)" after the operation's name.
    assert "An error occurred (ResourceNotFoundException) when calling the FilterLogEvents operation" in tail.stderr
    assert tail.stderr.strip().endswith(": The specified log group does not exist.")
