import { describe, expect, it } from 'vitest';
import { ATTENTION_COLOR, badgeFor, WAITING_COLOR } from '../../../lib/sync/badge';

const none = { queued: 0, sending: 0, sent: 0, retrying: 0, 'needs-attention': 0, discarded: 0 };

describe('badgeFor', () => {
  it('is empty when nothing waits or needs attention', () => {
    expect(badgeFor({ ...none, sent: 40, discarded: 2 }).text).toBe('');
  });

  it('counts what is on its way: queued, sending and retrying', () => {
    expect(badgeFor({ ...none, queued: 2, sending: 1, retrying: 3, sent: 9 })).toEqual({
      text: '6',
      color: WAITING_COLOR,
    });
  });

  it('shows what needs attention instead, in its own colour', () => {
    expect(badgeFor({ ...none, queued: 5, 'needs-attention': 2 })).toEqual({ text: '2', color: ATTENTION_COLOR });
    expect(ATTENTION_COLOR).not.toBe(WAITING_COLOR);
  });

  it('fits a large number in the badge', () => {
    expect(badgeFor({ ...none, queued: 12_345 }).text).toBe('999+');
  });
});
