-- wrk script: counts answers that are not 200 (wrk itself counts only 4xx/5xx as errors, so a
-- 302 to the sign-in page would pass unnoticed) and prints one machine-readable line at the end.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  not_ok = 0
end

function response(status, headers, body)
  if status ~= 200 then
    not_ok = not_ok + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("not_ok")
  end
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d seconds=%.3f mean_ms=%.2f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f not_200=%d socket_errors=%d timeouts=%d\n",
    summary.requests, summary.duration / 1e6, latency.mean / 1000, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, bad,
    e.connect + e.read + e.write, e.timeout))
end
