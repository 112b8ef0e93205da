-- wrk script: each connection is one person going through the whole adult complaint form, as a
-- browser without JavaScript would (the session cookie, each page's CSRF token, every redirect
-- followed), sending it, and opening the page with its reference; then a new person starts.
-- Run it with as many connections as threads (-t4 -c4): one person per connection.
--
-- Prints a BENCH line like report.lua's, plus sent=N (complaints that reached their reference
-- page) and broken=N (journeys that met an answer they should not have, and started again).

local STEPS = {
  {"what-to-tell-us", "kind=complaint"},
  {"who-you-are", "role=parent"},
  {"child", "child_name=Sam+Jones&child_dob-day=14&child_dob-month=3&child_dob-year=2015"},
  {"in-care", "in_care=no"},
  {"agreement", "consent=given"},
  {"service", "service_area=assessment&team=Assessment+Team"},
  {"what-happened", "what=Our+social+worker+missed+three+visits+in+a+row+and+nobody+told+us+why."},
  {"when", "happened-day=&happened-month=9&happened-year=2026"},
  {"outcome", "outcome=An+explanation+and+a+named+worker+who+turns+up."},
  {"proceedings", "proceedings=none"},
  {"your-name", "full_name=Alex+Jones"},
  {"contact", "method=email"},
  {"contact-details", "email=alex.jones%40example.com"},
  {"safe-contact", "safe=yes"},
  {"support", "support=none&interpreter_language=&other_support="},
}

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  sent, broken, not_ok = 0, 0, 0
  restart()
end

function restart()
  cookie, token, step = nil, nil, 0
  -- what to ask for next: a method, a path, and the status that answer should have
  next_request = {"GET", "/tell-us/start", 302}
end

local function headers()
  local h = {}
  if cookie then h["Cookie"] = cookie end
  return h
end

function request()
  local method, path = next_request[1], next_request[2]
  local h = headers()
  local body = nil
  if method == "POST" then
    h["Content-Type"] = "application/x-www-form-urlencoded"
    body = next_request[4] .. "&csrf_token=" .. (token or "")
  end
  return wrk.format(method, path, h, body)
end

local function location(h)
  local to = h["Location"] or h["location"] or ""
  return (to:gsub("^https?://[^/]+", ""))
end

function response(status, h, body)
  local set = h["Set-Cookie"] or h["set-cookie"]
  if set then cookie = set:match("^([^;]+)") end
  local expected = next_request[3]
  if status ~= expected then
    not_ok = not_ok + 1
    broken = broken + 1
    restart()
    return
  end
  if status == 200 then
    local found = body:match('name="csrf_token"[^>]-value="([^"]+)"')
    if found then token = found end
  end
  local path = next_request[2]
  if path == "/tell-us/sent" then
    if body:find("portal-reference", 1, true) then sent = sent + 1 else broken = broken + 1 end
    restart()
  elseif status == 302 and next_request[1] == "GET" then
    next_request = {"GET", location(h), 200}
  elseif status == 302 and path == "/tell-us/check" then
    next_request = {"GET", "/tell-us/sent", 200}  -- sent: its reference, as the person sees it
  elseif status == 302 then
    next_request = {"GET", location(h), 200}
  elseif path == "/tell-us/check" then
    next_request = {"POST", "/tell-us/check", 302, "homepage="}
  else
    step = step + 1
    local answer = STEPS[step]
    if answer == nil or "/tell-us/" .. answer[1] ~= path then
      broken = broken + 1
      restart()
      return
    end
    next_request = {"POST", path, 302, answer[2]}
  end
end

function done(summary, latency, requests)
  local total_sent, total_broken, bad = 0, 0, 0
  for _, thread in ipairs(threads) do
    total_sent = total_sent + thread:get("sent")
    total_broken = total_broken + thread:get("broken")
    bad = bad + thread:get("not_ok")
  end
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d seconds=%.3f mean_ms=%.2f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f not_200=%d socket_errors=%d timeouts=%d sent=%d broken=%d\n",
    summary.requests, summary.duration / 1e6, latency.mean / 1000, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, bad,
    e.connect + e.read + e.write, e.timeout, total_sent, total_broken))
end
