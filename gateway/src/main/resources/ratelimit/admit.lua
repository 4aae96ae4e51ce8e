-- KEYS[1..n]: the buckets' keys
-- ARGV[1]: n; ARGV[2i], ARGV[2i+1]: limit and period in microseconds of bucket i
-- Returns {code, remaining, retry-after µs, reset µs, bucket}; code 1 = allowed, 0 = limited;
-- bucket: the 1-based index of the bucket the numbers are about (the refusing one with the longest wait, or the
-- one with the fewest requests left).
-- One GCRA step on every bucket, all or nothing: the request passes only when every bucket has room, and a refusal
-- consumes none. Used for the classes that are not leased (lease.lua) and for requests charged to several buckets.
-- Redis' own clock (TIME) keeps all gateway instances on one time line; a TAT is stored as an integer string
-- (string.format %d: tostring would turn 1.7e15 into a rounded exponent form).
local n = tonumber(ARGV[1])
if n == 0 then
  return {1, -1, 0, 0, 0}
end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local newTats = {}
local remaining, reset, bucket = -1, 0, 1
local wait, waitReset, refusedBy = 0, 0, 0
for i = 1, n do
  local limit = tonumber(ARGV[2 * i])
  local period = tonumber(ARGV[1 + 2 * i])
  local interval = math.max(1, math.floor(period / limit))
  local stored = tonumber(redis.call('GET', KEYS[i]) or '0') or 0
  local tat = math.max(stored, now)
  local newTat = tat + interval
  local allowAt = newTat - period
  if allowAt > now then
    if refusedBy == 0 or allowAt - now > wait then
      wait, waitReset, refusedBy = allowAt - now, tat - now, i
    end
  else
    newTats[i] = newTat
    local left = math.min(limit, math.floor((now - allowAt) / interval))
    if remaining < 0 or left < remaining then
      remaining, reset, bucket = left, newTat - now, i
    end
  end
end
if refusedBy > 0 then
  return {0, 0, wait, waitReset, refusedBy}
end
for i = 1, n do
  redis.call('SET', KEYS[i], string.format('%d', newTats[i]), 'PX', math.ceil((newTats[i] - now) / 1000))
end
return {1, remaining, 0, reset, bucket}
