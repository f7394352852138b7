"""Helpers shared by the conformance tests: clients, error checks, tables, raw HTTP, the AWS CLI.

Everything here talks to the server only through its public endpoint, the way a user's client
does, so the suite can be pointed at any DynamoDB-compatible endpoint (TRIBUTARY_ENDPOINT).
"""

import contextlib
import http.client
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.parse
import uuid

import boto3
import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials
from botocore.exceptions import ClientError

REGION = "us-east-1"
# Tributary accepts any credentials for now; these are clearly not real ones.
ACCESS_KEY = "AKIDCONFORMANCE"
SECRET_KEY = "conformance-secret-key"

# The item collection size limit of the server the `small_collections` fixture starts.
SMALL_ITEM_COLLECTION_BYTES = 2000

# How long the tables of the server the `slow_statuses` fixture starts stay CREATING, UPDATING or
# DELETING.
TRANSIENT_STATUS_SECONDS = 1.5

# How often the server of the `fast_expiry` fixture looks for expired items.
TTL_SWEEP_SECONDS = 0.2

# Long enough for a table that shows CREATING/DELETING for a while (-delayTransientStatuses).
WAIT = {"Delay": 1, "MaxAttempts": 120}


def external_endpoint():
    """Whether the suite runs against an endpoint someone else started (TRIBUTARY_ENDPOINT),
    rather than a Tributary of its own (or of `./tributary test`, which says so with
    TRIBUTARY_ENDPOINT_OWN=1): servers with settings of their own cannot be started then."""
    return bool(os.environ.get("TRIBUTARY_ENDPOINT")) and os.environ.get("TRIBUTARY_ENDPOINT_OWN") != "1"


def client_config(validate=False):
    # Parameter validation is off so that requests botocore would refuse on the client side
    # (a 2-character table name, a missing required member) reach the server, whose answer is
    # what these tests check. No retries: a test must see the first answer.
    return Config(
        region_name=REGION,
        parameter_validation=validate,
        retries={"total_max_attempts": 1},
        connect_timeout=10,
        read_timeout=120,
    )


def make_client(endpoint, validate=False):
    return boto3.client(
        "dynamodb",
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        config=client_config(validate),
    )


def make_streams_client(endpoint):
    """A low-level boto3 DynamoDB Streams client for the same endpoint and settings."""
    return boto3.client(
        "dynamodbstreams",
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        config=client_config(),
    )


def make_resource(endpoint, validate=False):
    return boto3.resource(
        "dynamodb",
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        config=client_config(validate),
    )


def unique_name(label):
    """A table name no other test (or earlier run against a shared endpoint) uses."""
    return f"conformance_{label}_{uuid.uuid4().hex[:12]}"


# --- Errors ---------------------------------------------------------------------------------------


@contextlib.contextmanager
def expect_error(code, message=None, *, contains=(), status=400):
    """Expects the block to fail with DynamoDB error `code` and HTTP `status`.

    `message` pins the whole text; `contains` pins parts of it, for messages whose other parts
    DynamoDB words differently from region to region.
    """
    with pytest.raises(ClientError) as info:
        yield info
    response = info.value.response
    error = response.get("Error", {})
    got_message = error.get("Message", "")
    assert error.get("Code") == code, f"expected {code}, got {error.get('Code')}: {got_message!r}"
    assert response["ResponseMetadata"]["HTTPStatusCode"] == status
    if message is not None:
        assert got_message == message
    for part in (contains,) if isinstance(contains, str) else contains:
        assert part in got_message, f"{part!r} not in {got_message!r}"


# Since 2026 some regions wrap DynamoDB's hand-written validation messages in this envelope.
ENVELOPE = "1 validation error detected: "


@contextlib.contextmanager
def expect_validation(text):
    """Expects a ValidationException saying exactly `text`, bare or inside the 2026 envelope.

    For the messages that one cohort of regions prefixes with "1 validation error detected: "
    and the other does not: the text after the envelope is still pinned byte for byte.
    """
    with expect_error("ValidationException", contains=text) as info:
        yield info
    got_message = info.value.response["Error"]["Message"]
    assert got_message in (text, ENVELOPE + text), f"{got_message!r} is not {text!r}"


# --- Tables ---------------------------------------------------------------------------------------


def key_schema(*keys):
    """KeySchema and AttributeDefinitions from (name, type) pairs: the first is the HASH key."""
    schema = [
        {"AttributeName": name, "KeyType": "HASH" if i == 0 else "RANGE"}
        for i, (name, _) in enumerate(keys)
    ]
    definitions = [{"AttributeName": name, "AttributeType": kind} for name, kind in keys]
    return {"KeySchema": schema, "AttributeDefinitions": definitions}


def create_table(client, name, *keys, wait=True, **extra):
    """Creates an on-demand table (unless `extra` says otherwise) and waits until it is ACTIVE."""
    params = {"TableName": name, **key_schema(*(keys or (("pk", "S"),)))}
    if "ProvisionedThroughput" not in extra and "BillingMode" not in extra:
        params["BillingMode"] = "PAY_PER_REQUEST"
    params.update(extra)
    description = client.create_table(**params)["TableDescription"]
    if wait:
        wait_active(client, name)
    return description


def wait_active(client, name):
    client.get_waiter("table_exists").wait(TableName=name, WaiterConfig=WAIT)


def describe(client, name):
    return client.describe_table(TableName=name)["Table"]


def table_exists(client, name):
    try:
        client.describe_table(TableName=name)
        return True
    except ClientError as e:
        if e.response["Error"]["Code"] == "ResourceNotFoundException":
            return False
        raise


def delete_table_quietly(client, name):
    """Deletes a test's table if it is still there, turning deletion protection off first."""
    try:
        client.delete_table(TableName=name)
    except ClientError as e:
        code = e.response["Error"]["Code"]
        if code == "ResourceNotFoundException":
            return
        if code in ("ValidationException", "ResourceInUseException"):
            # Protected against deletion, or still CREATING/UPDATING: settle, unprotect, retry.
            for _ in range(3):
                try:
                    wait_active(client, name)
                    if describe(client, name).get("DeletionProtectionEnabled"):
                        client.update_table(TableName=name, DeletionProtectionEnabled=False)
                        wait_active(client, name)
                    client.delete_table(TableName=name)
                    return
                except ClientError as retry:
                    # DynamoDB throttles a second deletion-protection change within 15 s.
                    if retry.response["Error"]["Code"] != "ThrottlingException":
                        return
                    time.sleep(16)


# --- Raw HTTP -------------------------------------------------------------------------------------


class RawResponse:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers  # names in lower case
        self.body = body  # bytes as received (still compressed if the server compressed them)

    def json(self):
        return json.loads(self.body)


def raw_request(endpoint, target=None, body=b"", headers=None, method="POST", path="/", sign=True):
    """Sends one HTTP request with nothing between the test and the wire.

    It is SigV4-signed like an SDK's (so the same test works against DynamoDB itself), and the
    body is sent and returned byte for byte: no JSON encoding, no decompression.
    """
    if isinstance(body, str):
        body = body.encode("utf-8")
    all_headers = {}
    if method == "POST":
        all_headers["Content-Type"] = "application/x-amz-json-1.0"
    if target is not None:
        all_headers["X-Amz-Target"] = f"DynamoDB_20120810.{target}"
    all_headers.update(headers or {})
    url = endpoint.rstrip("/") + path
    if sign:
        request = AWSRequest(method=method, url=url, data=body, headers=all_headers)
        SigV4Auth(Credentials(ACCESS_KEY, SECRET_KEY), "dynamodb", REGION).add_auth(request)
        all_headers = dict(request.headers.items())
    parsed = urllib.parse.urlsplit(url)
    connection_class = (
        http.client.HTTPSConnection if parsed.scheme == "https" else http.client.HTTPConnection
    )
    connection = connection_class(parsed.hostname, parsed.port, timeout=60)
    try:
        connection.request(method, parsed.path or "/", body=body if body else None, headers=all_headers)
        response = connection.getresponse()
        data = response.read()
        headers_out = {name.lower(): value for name, value in response.getheaders()}
        return RawResponse(response.status, headers_out, data)
    finally:
        connection.close()


# --- AWS CLI --------------------------------------------------------------------------------------


class CliResult:
    def __init__(self, completed):
        self.returncode = completed.returncode
        self.stdout = completed.stdout
        self.stderr = completed.stderr

    @property
    def json(self):
        return json.loads(self.stdout) if self.stdout.strip() else None


def aws_cli_command():
    if shutil.which("aws"):
        return ["aws"]
    return [sys.executable, "-m", "awscli"]


def cli_environment():
    env = dict(os.environ)
    for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_DEFAULT_PROFILE"):
        env.pop(name, None)
    env.update(
        {
            "AWS_ACCESS_KEY_ID": ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
            "AWS_DEFAULT_REGION": REGION,
            # Ignore the user's own AWS configuration, never page, never retry.
            "AWS_CONFIG_FILE": os.devnull,
            "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
            "AWS_PAGER": "",
            "AWS_MAX_ATTEMPTS": "1",
            "AWS_EC2_METADATA_DISABLED": "true",
        }
    )
    return env


def run_cli(endpoint, *args, timeout=180):
    """Runs `aws dynamodb ARGS --endpoint-url ENDPOINT --output json`; parsed output in .json."""
    command = aws_cli_command() + ["dynamodb", *args, "--endpoint-url", endpoint, "--output", "json"]
    completed = subprocess.run(
        command,
        env=cli_environment(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return CliResult(completed)


def poll(predicate, timeout=10.0, interval=0.25):
    """Calls predicate() until it returns a true value or `timeout` seconds pass; returns the last value."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() >= deadline:
            return value
        time.sleep(interval)
