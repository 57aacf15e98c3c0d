import { describe, expect, it } from 'vitest';
import { createdAtOf } from '../../../lib/form/send-identity';

describe('createdAtOf', () => {
  it('reads the time of RFC 9562’s UUIDv7 example (appendix A.6)', () => {
    // "Tuesday, February 22, 2022 2:22:22.00 PM GMT-05:00"
    expect(createdAtOf('017f22e2-79b0-7cc3-98c4-dc0c0c07398f')).toBe('2022-02-22T19:22:22.000Z');
  });
});
