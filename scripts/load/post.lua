-- wrk script: POST one document's data, file given as the first script argument.
-- wrk -t2 -c32 -d10s --latency -s scripts/load/post.lua URL -- samples/invoice-preview/qingdao-union.json
function init(args)
  local f = assert(io.open(args[1], "rb"))
  wrk.body = f:read("*a")
  f:close()
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end
