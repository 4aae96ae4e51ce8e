-- A lease on one GCRA bucket: a gateway instance takes several requests' worth of the bucket at once ("cells") and
-- admits them from memory, so most requests make no Redis call. Each granted cell advances the bucket's TAT by one
-- interval exactly as one request through admit.lua would, and never past what the bucket allows: however many
-- instances lease, the cells granted never exceed what admit.lua would have admitted at the moments of the grants.
-- KEYS[1]: the bucket's key
-- ARGV[1]: limit; ARGV[2]: period in microseconds;
-- ARGV[3]: unused cells of an earlier lease given back first (their intervals are taken off the TAT, never below now);
-- ARGV[4]: the largest lease (0: only give back); ARGV[5]: gateway instances sharing the bucket.
-- The lease shrinks as the bucket empties: clamp(floor(left / (2 × instances)), 1, largest), so near the limit
-- each request takes one cell and the instances cannot strand a large share of what is left.
-- Returns {granted, left after the grant, retry-after µs (when nothing could be granted), reset µs}.
local limit = tonumber(ARGV[1])
local period = tonumber(ARGV[2])
local givenBack = tonumber(ARGV[3])
local largest = tonumber(ARGV[4])
local instances = math.max(1, tonumber(ARGV[5]))
local interval = math.max(1, math.floor(period / limit))
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local stored = tonumber(redis.call('GET', KEYS[1]) or '0') or 0
local tat = math.max(stored - givenBack * interval, now)
local left = math.max(0, math.min(limit, math.floor((now + period - tat) / interval)))
local want = 0
if largest > 0 then
  want = math.max(1, math.min(largest, math.floor(left / (2 * instances))))
end
local granted = math.min(want, left)
local newTat = tat + granted * interval
if newTat > now then
  redis.call('SET', KEYS[1], string.format('%d', newTat), 'PX', math.ceil((newTat - now) / 1000))
else
  redis.call('DEL', KEYS[1])
end
local retryAfter = 0
if granted < want then
  retryAfter = tat + interval - period - now
end
return {granted, left - granted, retryAfter, newTat - now}
