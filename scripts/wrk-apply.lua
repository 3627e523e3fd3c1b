-- wrk script: PUT /api/recipes with a new image each time (names unique per wrk thread and run), as an admin.
-- The name prefix comes from the first script argument, so that runs against one server never collide.
local threads = 0

function setup(thread)
  thread:set("thread_number", threads)
  threads = threads + 1
end

function init(args)
  prefix = (args[1] or "bench") .. "-" .. thread_number .. "-"
  counter = 0
end

function request()
  counter = counter + 1
  local name = prefix .. counter
  local body = '{"type":"image","spec":{"name":"' .. name .. '","versions":[{"name":"v1","image_uri":"registry.example/saturn-' .. name .. ':1"}]}}'
  return wrk.format("PUT", "/api/recipes", {["Authorization"] = "Bearer alice-admin-token", ["Content-Type"] = "application/json"}, body)
end

function response(status, headers, body)
  if status ~= 201 then
    error("PUT /api/recipes answered " .. status .. ": " .. body)
  end
end
