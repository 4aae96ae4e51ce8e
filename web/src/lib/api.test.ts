import { describe as group, expect, it } from 'vitest';
import { ApiError, describe, RateLimitedError, retryAfterSeconds } from './api';

group('retryAfterSeconds', () => {
  it('reads delta seconds and HTTP dates, and never says zero', () => {
    expect(retryAfterSeconds('42')).toBe(42);
    expect(retryAfterSeconds('0')).toBe(1);
    const now = Date.parse('2026-12-07T10:00:00Z');
    expect(retryAfterSeconds('Mon, 07 Dec 2026 10:01:30 GMT', now)).toBe(90);
  });

  it('falls back to a minute when the header is missing or junk', () => {
    expect(retryAfterSeconds(null)).toBe(60);
    expect(retryAfterSeconds('soon')).toBe(60);
  });
});

group('describe', () => {
  it('turns a rate limit into a friendly wait', () => {
    expect(describe(new RateLimitedError({ title: 'Too Many Requests' }, 30))).toBe('Too many requests — please wait 30 s and try again.');
  });

  it('names the fields of a validation problem', () => {
    const problem = { title: 'Bad Request', detail: 'Invalid input', violations: [{ field: 'title', message: 'must not be blank' }] };
    expect(describe(new ApiError(400, problem))).toBe('Invalid input: title must not be blank');
  });

  it('says what any other failure was', () => {
    expect(describe(new ApiError(404, { title: 'Not Found' }))).toBe('Not Found');
    expect(describe(new Error('offline'))).toBe('offline');
  });
});
