import { describe, expect, it } from 'vitest';
import { waitForElement } from '@/lib/page/wait-for-element';

describe('waiting for client-rendered content', () => {
  it('resolves at once when the element is there', async () => {
    document.body.innerHTML = '<h1 class="paper-title">x</h1>';
    expect(await waitForElement('.paper-title')).toBe(document.querySelector('.paper-title'));
  });

  it('resolves when the element is added later', async () => {
    document.body.innerHTML = '';
    const waiting = waitForElement('.late');
    const late = document.createElement('div');
    late.className = 'late';
    setTimeout(() => document.body.append(late), 10);
    expect(await waiting).toBe(late);
  });

  it('gives up with null on timeout or abort', async () => {
    document.body.innerHTML = '';
    expect(await waitForElement('.never', { timeoutMs: 20 })).toBeNull();
    const controller = new AbortController();
    const waiting = waitForElement('.never', { signal: controller.signal });
    controller.abort();
    expect(await waiting).toBeNull();
  });
});
