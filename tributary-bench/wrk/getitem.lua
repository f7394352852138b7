-- wrk: GetItem of random keys that a YCSB load inserted.
--   KEYS_FILE=keys.txt wrk -t2 -c32 -d30s --latency -s getitem.lua http://127.0.0.1:8000/
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local request_lua = require("request")

request_lua.setup("GetItem")
local keys = request_lua.keys()

function request()
  local key = keys[math.random(#keys)]
  return wrk.format(nil, nil, nil, '{"TableName":"usertable","Key":{"id":{"S":"' .. key .. '"}}}')
end

done = request_lua.done
