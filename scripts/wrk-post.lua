-- wrk script: POST with no body to the path given as the first script argument (a lifecycle call such as
-- /api/jobs/ID/restart); any answer but 200 stops the run.
function init(args)
  path = args[1]
end

function request()
  return wrk.format("POST", path)
end

function response(status, headers, body)
  if status ~= 200 then
    error("POST " .. path .. " answered " .. status .. ": " .. body)
  end
end
