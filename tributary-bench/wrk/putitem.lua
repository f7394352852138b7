-- wrk: PutItem of YCSB-sized records (ten 100-byte fields) over the keys a YCSB load inserted, so
-- the table keeps its size.
--   KEYS_FILE=keys.txt wrk -t2 -c32 -d30s --latency -s putitem.lua http://127.0.0.1:8000/
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local request_lua = require("request")

request_lua.setup("PutItem")
local keys = request_lua.keys()

local fields = {}
for i = 0, 9 do
  fields[#fields + 1] = string.format('"field%d":{"S":"%s"}', i, string.rep(string.char(97 + i), 100))
end
local rest = table.concat(fields, ",")

function request()
  local key = keys[math.random(#keys)]
  return wrk.format(nil, nil, nil,
    '{"TableName":"usertable","Item":{"id":{"S":"' .. key .. '"},' .. rest .. '}}')
end

done = request_lua.done
