import { describe, expect, it } from 'vitest';
import { HAND_OVER_DELAYS_MS, untilAnswered } from '../../../lib/form/hand-over';
import { MessageError } from '../../../lib/messaging/send';

// The errors Chromium gives a sender when the worker stops around a message (issue #16).
const LOST = [
  new Error('Could not establish connection. Receiving end does not exist.'),
  new Error(
    'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
  ),
  new MessageError('The extension did not answer. Reload the page and try again.', false),
];

describe('untilAnswered', () => {
  it('sends again after every lost message or answer, then resolves with the answer', async () => {
    const waits: number[] = [];
    let attempt = 0;
    const answer = await untilAnswered(
      async () => {
        const lost = LOST[attempt++];
        if (lost) throw lost;
        return 'queued';
      },
      { wait: async (ms) => void waits.push(ms) },
    );
    expect(answer).toBe('queued');
    expect(attempt).toBe(LOST.length + 1);
    expect(waits).toEqual(HAND_OVER_DELAYS_MS.slice(0, LOST.length));
  });

  it('passes the worker’s refusal on at once', async () => {
    let attempts = 0;
    const refusal = new MessageError('The attached file is not a PDF.');
    await expect(
      untilAnswered(
        async () => {
          attempts++;
          throw refusal;
        },
        { wait: async () => undefined },
      ),
    ).rejects.toBe(refusal);
    expect(attempts).toBe(1);
  });
});
