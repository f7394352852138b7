"""Fixtures of the conformance suite.

The suite runs against TRIBUTARY_ENDPOINT when it is set (any DynamoDB-compatible endpoint,
e.g. TRIBUTARY_ENDPOINT=http://127.0.0.1:8000 pytest conformance). Otherwise it starts the
built server jar itself, in memory on a free port, and stops it at the end of the session.
"""

import os
import re
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

import support

REPO = Path(__file__).resolve().parent.parent
JAR = REPO / "tributary-server" / "target" / "tributary-server.jar"
LISTENING = re.compile(r"Tributary listening on (http://\S+)")
START_TIMEOUT_SECONDS = 60


def _java():
    """The java the launcher found (it exports TRIBUTARY_JAVA), or ask the launcher for a JDK."""
    java = os.environ.get("TRIBUTARY_JAVA")
    if java:
        return java
    found = subprocess.run(
        [str(REPO / "tributary"), "java-home"], capture_output=True, text=True, stdin=subprocess.DEVNULL
    )
    if found.returncode != 0:
        pytest.exit("no JDK 21+ to start the server with:\n" + found.stderr, returncode=3)
    return str(Path(found.stdout.strip()) / "bin" / "java")


def _start_server(*extra_args):
    if not JAR.is_file():
        pytest.exit(
            f"{JAR.relative_to(REPO)} is missing: build it with `./tributary build` "
            "(or run the whole suite with `./tributary test`), or set TRIBUTARY_ENDPOINT.",
            returncode=3,
        )
    log = tempfile.NamedTemporaryFile(prefix="tributary-conformance-", suffix=".log", delete=False)
    process = subprocess.Popen(
        [_java(), "-jar", str(JAR), "serve", "--in-memory", "--port", "0", *extra_args],
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        output = Path(log.name).read_text(errors="replace")
        match = LISTENING.search(output)
        if match:
            return process, match.group(1), log.name
        if process.poll() is not None:
            break
        time.sleep(0.1)
    _stop_server(process)
    output = Path(log.name).read_text(errors="replace")
    pytest.exit(f"the server did not start; its output:\n{output}", returncode=3)


def _stop_server(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def endpoint():
    """The URL of the server under test."""
    given = os.environ.get("TRIBUTARY_ENDPOINT")
    if given:
        yield given.rstrip("/")
        return
    process, url, log_path = _start_server()
    try:
        yield url
    finally:
        _stop_server(process)
        os.unlink(log_path)


def _client_of_own_server(why, *args):
    """A client of another server started with `args`; skips against an external endpoint,
    whose settings cannot be chosen."""
    if support.external_endpoint():
        pytest.skip(f"needs a server started with {' '.join(args)}: {why}")
    process, url, log_path = _start_server(*args)
    try:
        yield support.make_client(url)
    finally:
        _stop_server(process)
        os.unlink(log_path)


@pytest.fixture(scope="session")
def small_collections():
    """A client of a server whose item collections may hold only
    support.SMALL_ITEM_COLLECTION_BYTES (`--item-collection-size-limit`), so that the tests reach
    ItemCollectionSizeLimitExceededException without writing 10 GB."""
    yield from _client_of_own_server(
        "the limit of an external endpoint (10 GB in DynamoDB) cannot be set",
        "--item-collection-size-limit",
        str(support.SMALL_ITEM_COLLECTION_BYTES),
    )


@pytest.fixture(scope="session")
def slow_statuses():
    """A client of a server whose tables stay CREATING, UPDATING or DELETING for
    support.TRANSIENT_STATUS_SECONDS (`--delay-transient-statuses`), long enough to look at them."""
    yield from _client_of_own_server(
        "an external endpoint's transient statuses last as long as they last",
        "--delay-transient-statuses",
        f"{int(support.TRANSIENT_STATUS_SECONDS * 1000)}ms",
    )


@pytest.fixture(scope="session")
def fast_expiry():
    """A client of a server that looks for expired items every support.TTL_SWEEP_SECONDS
    (`--ttl-sweep-interval`) instead of every 10 seconds."""
    yield from _client_of_own_server(
        "DynamoDB deletes expired items within days",
        "--ttl-sweep-interval",
        f"{int(support.TTL_SWEEP_SECONDS * 1000)}ms",
    )


@pytest.fixture(scope="session")
def unthrottled():
    """A client of a server started with `--no-throttling`, whose provisioned tables take any
    rate."""
    yield from _client_of_own_server(
        "DynamoDB always holds provisioned tables to their throughput", "--no-throttling"
    )


@pytest.fixture(scope="session")
def dynamodb(endpoint):
    """A low-level boto3 DynamoDB client (dummy credentials, us-east-1, no client-side validation)."""
    return support.make_client(endpoint)


@pytest.fixture(scope="session")
def resource(endpoint):
    """A boto3 DynamoDB service resource with the same settings."""
    return support.make_resource(endpoint)


@pytest.fixture
def table_name(dynamodb):
    """A fresh, unique table name; the table is deleted after the test if it was created."""
    name = support.unique_name("t")
    yield name
    support.delete_table_quietly(dynamodb, name)


@pytest.fixture
def cli(endpoint):
    """Runs the AWS CLI against the endpoint: cli("describe-table", "--table-name", "x")."""

    def run(*args, **kwargs):
        return support.run_cli(endpoint, *args, **kwargs)

    return run
