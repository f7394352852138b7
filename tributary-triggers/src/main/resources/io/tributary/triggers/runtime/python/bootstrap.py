"""Tributary's bootstrap for python3.x functions: the Lambda Runtime API loop, standard library only.

It behaves as AWS's runtime interface client (awslambdaric) does where a handler can tell: the
handler string, the context object, the logging format, and the words of every error.
"""

import decimal
import http.client
import importlib
import json
import logging
import os
import sys
import time
import traceback

ERROR_LOG_LINE_TERMINATE = "\r"
ERROR_LOG_IDENT = "\u00a0"  # no-break space: keeps a stack trace's indentation in one log event

_current_request_id = None


class FaultException(Exception):
    def __init__(self, exception_type, msg, trace=None):
        super().__init__(msg)
        self.msg = msg
        self.exception_type = exception_type
        self.trace = trace


class RuntimeApi:
    def __init__(self, address):
        host, _, port = address.partition(":")
        self.host = host
        self.port = int(port) if port else 80
        self.connection = None

    def _request(self, method, path, body=None, headers=None):
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port)
            try:
                self.connection.request(method, "/2018-06-01/runtime/" + path, body, headers or {})
                response = self.connection.getresponse()
                return response, response.read()
            except (http.client.HTTPException, OSError):
                self.connection.close()
                self.connection = None
                if attempt == 2:
                    raise

    def next(self):
        response, body = self._request("GET", "invocation/next")
        if response.status != 200:
            raise RuntimeError("Runtime API answered %d to invocation/next" % response.status)
        return response, body

    def post_result(self, request_id, body, content_type):
        self._request(
            "POST",
            "invocation/%s/response" % request_id,
            body,
            {"Content-Type": content_type},
        )

    def post_error(self, request_id, error):
        self._request(
            "POST",
            "invocation/%s/error" % request_id,
            to_json(error).encode("utf-8"),
            {
                "Content-Type": "application/json",
                "Lambda-Runtime-Function-Error-Type": error["errorType"],
            },
        )

    def post_init_error(self, error):
        self._request(
            "POST",
            "init/error",
            to_json(error).encode("utf-8"),
            {
                "Content-Type": "application/json",
                "Lambda-Runtime-Function-Error-Type": error["errorType"],
            },
        )


def _decimal(o):
    if isinstance(o, decimal.Decimal):
        return int(o) if o == o.to_integral_value() else float(o)
    raise TypeError("Object of type %s is not JSON serializable" % type(o).__name__)


def to_json(obj):
    return json.dumps(obj, default=_decimal, ensure_ascii=False)


def make_error(error_message, error_type, stack_trace, invoke_id=None):
    return {
        "errorMessage": error_message if error_message else "",
        "errorType": error_type if error_type else "",
        "requestId": invoke_id if invoke_id is not None else "",
        "stackTrace": stack_trace if stack_trace else [],
    }


def _user_frames(tb):
    frames = [
        (frame.filename, frame.lineno, frame.name, frame.line)
        for frame in traceback.extract_tb(tb)
    ]
    for i in range(len(frames)):
        if "/bootstrap.py" not in frames[i][0]:
            return frames[i:]
    return frames


def build_fault_result(exc_info, invoke_id=None):
    etype, value, tb = exc_info
    return make_error(
        str(value), etype.__name__, traceback.format_list(_user_frames(tb)), invoke_id
    )


def _indent(line):
    count = len(line) - len(line.lstrip(" "))
    return ERROR_LOG_IDENT * count + line[count:]


def log_error(error_result):
    description = "[ERROR]"
    if error_result.get("errorType"):
        description += " " + error_result["errorType"]
    if error_result.get("errorMessage"):
        if error_result.get("errorType"):
            description += ":"
        description += " " + error_result["errorMessage"]
    lines = [description]
    stack_trace = error_result.get("stackTrace")
    if stack_trace is not None:
        lines.append("Traceback (most recent call last):")
        for element in stack_trace:
            if element == "":
                lines.append("")
            else:
                lines.extend(_indent(line) for line in element.splitlines())
    sys.stdout.write(ERROR_LOG_LINE_TERMINATE.join(lines) + "\n")


def get_handler(handler):
    try:
        modname, fname = handler.rsplit(".", 1)
    except ValueError as e:
        raise FaultException(
            "Runtime.MalformedHandlerName", "Bad handler '{}': {}".format(handler, str(e))
        )
    try:
        if modname.split(".")[0] in sys.builtin_module_names:
            raise FaultException(
                "Runtime.BuiltInModuleConflict",
                "Cannot use built-in module {} as a handler module".format(modname),
            )
        module = importlib.import_module(modname.replace("/", "."))
    except ImportError as e:
        raise FaultException(
            "Runtime.ImportModuleError",
            "Unable to import module '{}': {}".format(modname, str(e)),
        )
    except SyntaxError as e:
        trace = ['  File "%s" Line %s\n    %s' % (e.filename, e.lineno, e.text)]
        raise FaultException(
            "Runtime.UserCodeSyntaxError",
            "Syntax error in module '{}': {}".format(modname, str(e)),
            trace,
        )
    try:
        return getattr(module, fname)
    except AttributeError:
        raise FaultException(
            "Runtime.HandlerNotFound",
            "Handler '{}' missing on module '{}'".format(fname, modname),
        )


class CognitoIdentity:
    __slots__ = ["cognito_identity_id", "cognito_identity_pool_id"]

    def __repr__(self):
        return "CognitoIdentity([cognito_identity_id={},cognito_identity_pool_id={}])".format(
            self.cognito_identity_id, self.cognito_identity_pool_id
        )


class Client:
    __slots__ = [
        "installation_id",
        "app_title",
        "app_version_name",
        "app_version_code",
        "app_package_name",
    ]


class ClientContext:
    __slots__ = ["custom", "env", "client"]


def _object_from(cls, values):
    obj = cls()
    for key in cls.__slots__:
        setattr(obj, key, (values or {}).get(key))
    return obj


class LambdaContext:
    def __init__(self, invoke_id, client_context, cognito_identity, deadline_ms, function_arn):
        self.aws_request_id = invoke_id
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.invoked_function_arn = function_arn
        self.tenant_id = None
        self.client_context = None
        if client_context is not None:
            self.client_context = _object_from(ClientContext, client_context)
            self.client_context.client = _object_from(Client, client_context.get("client"))
        self.identity = _object_from(CognitoIdentity, cognito_identity)
        self._deadline_ms = deadline_ms

    def get_remaining_time_in_millis(self):
        remaining = self._deadline_ms - int(time.time() * 1000)
        return remaining if remaining > 0 else 0

    def log(self, msg):
        sys.stdout.write(str(msg))

    def __repr__(self):
        return (
            "LambdaContext(["
            "aws_request_id={},log_group_name={},log_stream_name={},function_name={},"
            "memory_limit_in_mb={},function_version={},invoked_function_arn={},"
            "client_context={},identity={},tenant_id={}])"
        ).format(
            self.aws_request_id,
            self.log_group_name,
            self.log_stream_name,
            self.function_name,
            self.memory_limit_in_mb,
            self.function_version,
            self.invoked_function_arn,
            self.client_context,
            self.identity,
            self.tenant_id,
        )


def _json_header(value, name):
    try:
        return json.loads(value)
    except Exception as e:
        raise FaultException(
            "Runtime.LambdaContextUnmarshalError",
            "Unable to parse {} JSON: {}".format(name, str(e)),
        )


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.aws_request_id = _current_request_id or ""
        return True


class StdoutHandler(logging.Handler):
    def emit(self, record):
        sys.stdout.write(self.format(record).replace("\n", "\r").rstrip("\r") + "\n")


def setup_logging():
    logging.Formatter.converter = time.gmtime
    handler = StdoutHandler()
    handler.setFormatter(
        logging.Formatter(
            "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s\n",
            "%Y-%m-%dT%H:%M:%S",
        )
    )
    handler.addFilter(RequestIdFilter())
    logger = logging.getLogger()
    logger.addHandler(handler)
    level = os.environ.get("AWS_LAMBDA_LOG_LEVEL", "").upper()
    if level in logging._nameToLevel:
        logger.setLevel(level)


def handle(api, request_handler, response, body):
    global _current_request_id
    headers = response.headers
    invoke_id = headers.get("Lambda-Runtime-Aws-Request-Id")
    _current_request_id = invoke_id
    trace_id = headers.get("Lambda-Runtime-Trace-Id")
    if trace_id is not None:
        os.environ["_X_AMZN_TRACE_ID"] = trace_id
    elif "_X_AMZN_TRACE_ID" in os.environ:
        del os.environ["_X_AMZN_TRACE_ID"]
    error_result = None
    try:
        client_context = headers.get("Lambda-Runtime-Client-Context")
        cognito_identity = headers.get("Lambda-Runtime-Cognito-Identity")
        context = LambdaContext(
            invoke_id,
            _json_header(client_context, "Client Context") if client_context else None,
            _json_header(cognito_identity, "Cognito Identity") if cognito_identity else None,
            int(headers.get("Lambda-Runtime-Deadline-Ms", "0")),
            headers.get("Lambda-Runtime-Invoked-Function-Arn"),
        )
        content_type = headers.get("Content-Type")
        if content_type in (None, "application/json"):
            try:
                event = json.loads(body.decode("utf-8"))
            except Exception as e:
                raise FaultException(
                    "Runtime.UnmarshalError", "Unable to unmarshal input: {}".format(str(e))
                )
        else:
            event = body
        result = request_handler(event, context)
        if isinstance(result, bytes):
            payload, result_type = result, "application/unknown"
        else:
            try:
                payload, result_type = to_json(result).encode("utf-8"), "application/json"
            except (TypeError, ValueError) as e:
                raise FaultException(
                    "Runtime.MarshalError", "Unable to marshal response: {}".format(str(e))
                )
    except FaultException as e:
        error_result = make_error(e.msg, e.exception_type, e.trace, invoke_id)
    except Exception:
        error_result = build_fault_result(sys.exc_info(), invoke_id)
    if error_result is not None:
        log_error(error_result)
        api.post_error(invoke_id, error_result)
    else:
        api.post_result(invoke_id, payload, result_type)


def main():
    task_root = os.environ.get("LAMBDA_TASK_ROOT", os.getcwd())
    # The task root replaces this script's directory at the head of the module search path.
    sys.path[0] = task_root
    os.chdir(task_root)
    api = RuntimeApi(os.environ["AWS_LAMBDA_RUNTIME_API"])
    setup_logging()
    try:
        request_handler = get_handler(os.environ.get("_HANDLER", ""))
    except FaultException as e:
        error_result = make_error(e.msg, e.exception_type, e.trace)
        log_error(error_result)
        api.post_init_error(error_result)
        sys.exit(1)
    except Exception:
        error_result = build_fault_result(sys.exc_info())
        log_error(error_result)
        api.post_init_error(error_result)
        sys.exit(1)
    while True:
        response, body = api.next()
        handle(api, request_handler, response, body)


if __name__ == "__main__":
    main()
