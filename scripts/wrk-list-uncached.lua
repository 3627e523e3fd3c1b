-- wrk script: GET the path given as the first script argument (default /api/recipes) with a query argument the
-- server ignores but that differs on every request, so that every answer is rendered anew instead of coming from
-- the read cache.
local threads = 0

function setup(thread)
  thread:set("thread_number", threads)
  threads = threads + 1
end

function init(args)
  path = args[1] or "/api/recipes"
  separator = string.find(path, "?", 1, true) and "&" or "?"
  counter = 0
end

function request()
  counter = counter + 1
  return wrk.format("GET", path .. separator .. "uncached=" .. thread_number .. "-" .. counter)
end
