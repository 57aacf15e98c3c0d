import { describe, expect, it } from 'vitest';
import { manualPaper } from '@/lib/background/manual-paper';
import { readCorrectPageCommand } from '@/lib/page/correct-page-command';
import { CorrectPageCommandSchema } from '@/lib/schema/messages';

// The content script's hand check and the worker's schema: whatever the schema accepts, the page
// accepts as is; what the page accepts it only hands back to the worker (form/open, where the
// worker parses the paper and the request's fields again) or uses as an index into its own list.
const byHand = manualPaper('https://blog.example.net/2026/notes', { doi: '10.5555/abc.1' });
const accepted = [
  { type: 'page/correct', request: {} },
  { type: 'page/correct', request: { paperIndex: 2 } },
  { type: 'page/correct', request: { field: 'title', suggestion: 'Deep Residual Learning' } },
  { type: 'page/correct', request: {}, paper: byHand },
];
const refused = [
  null,
  'page/correct',
  { type: 'form/open', request: {} },
  { type: 'page/correct' },
  { type: 'page/correct', request: null },
  { type: 'page/correct', request: {}, paper: null },
  { type: 'page/correct', request: {}, paper: 'Deep Residual Learning' },
];

describe('the page/correct command, as the page checks it', () => {
  it.each(accepted)('takes what the worker sends: %j', (message) => {
    expect(CorrectPageCommandSchema.safeParse(message).success).toBe(true);
    expect(readCorrectPageCommand(message)).toEqual(message);
  });

  it.each(refused)('refuses what the worker never sends: %j', (message) => {
    expect(CorrectPageCommandSchema.safeParse(message).success).toBe(false);
    expect(readCorrectPageCommand(message)).toBeNull();
  });
});
