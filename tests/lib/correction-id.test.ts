import { describe, expect, it } from 'vitest';
import { createCorrectionIdGenerator, newCorrectionId } from '../../lib/correction-id';
import { CorrectionIdSchema } from '../../lib/schema/correction';

function timestampOf(id: string): number {
  return Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}

describe('correction ids', () => {
  it('are UUIDv7 that the correction schema accepts', () => {
    const id = newCorrectionId();
    expect(CorrectionIdSchema.safeParse(id).success).toBe(true);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('carry the time they were made', () => {
    const at = Date.UTC(2026, 10, 23, 12, 0, 0);
    const id = createCorrectionIdGenerator(() => at)();
    expect(timestampOf(id)).toBe(at);
  });

  it('sort in the order made within one millisecond, and are all different', () => {
    const next = createCorrectionIdGenerator(() => 1_700_000_000_000);
    const ids = Array.from({ length: 500 }, () => next());
    expect(new Set(ids).size).toBe(500);
    expect([...ids].sort()).toEqual(ids);
  });

  it('still sort in order when the clock steps back', () => {
    const times = [2_000, 1_000, 1_000];
    const next = createCorrectionIdGenerator(() => times.shift() ?? 0);
    const ids = [next(), next(), next()];
    expect([...ids].sort()).toEqual(ids);
  });

  it('move to the next millisecond when the random part would overflow', () => {
    // All-ones random bytes: the first id of the millisecond is already at the top of its range.
    const next = createCorrectionIdGenerator(
      () => 5_000,
      (bytes) => bytes.fill(0xff),
    );
    const first = next();
    const second = next();
    expect(timestampOf(first)).toBe(5_000);
    expect(timestampOf(second)).toBe(5_001);
    expect(second > first).toBe(true);
    expect(CorrectionIdSchema.safeParse(second).success).toBe(true);
  });

  it('use the random source', () => {
    const next = createCorrectionIdGenerator(
      () => 5_000,
      (bytes) => bytes.fill(0),
    );
    expect(next()).toBe('00000000-1388-7000-8000-000000000000');
  });
});
