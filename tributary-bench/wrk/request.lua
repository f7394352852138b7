-- Shared by getitem.lua and putitem.lua: headers of a signed-looking DynamoDB request, the keys a
-- YCSB load inserted (KEYS_FILE, one a line), and a machine-readable summary for the driver.
-- None of the servers measured checks the signature; all of them want an Authorization header.

local M = {}

function M.setup(target)
  wrk.method = "POST"
  wrk.path = "/"
  wrk.headers["Content-Type"] = "application/x-amz-json-1.0"
  wrk.headers["X-Amz-Target"] = "DynamoDB_20120810." .. target
  wrk.headers["X-Amz-Date"] = "20250101T000000Z"
  wrk.headers["Authorization"] = "AWS4-HMAC-SHA256 Credential=bench/20250101/us-east-1/dynamodb/aws4_request, "
    .. "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=" .. string.rep("0", 64)
end

function M.keys()
  local path = os.getenv("KEYS_FILE")
  assert(path, "KEYS_FILE must name the file of keys")
  local keys = {}
  for line in io.lines(path) do
    keys[#keys + 1] = line
  end
  assert(#keys > 0, "no keys in " .. path)
  return keys
end

function M.done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "WRK_RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end

return M
