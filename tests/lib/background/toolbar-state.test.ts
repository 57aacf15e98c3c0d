import { describe, expect, it } from 'vitest';
import { iconPaths, type Translate, toolbarFor } from '@/lib/background/toolbar-state';
import { readLocaleCatalogs } from '../../../scripts/locales';

// The strings a reader sees on the toolbar button, from the locale files as the browser fills them.
function translator(lang: 'en' | 'ja'): Translate {
  const catalog = readLocaleCatalogs()[lang] ?? {};
  return (key, ...subs) => (catalog[key] ?? key).replace(/\$(\d)/g, (_, n: string) => String(subs[Number(n) - 1]));
}

describe('the toolbar button of a tab', () => {
  const en = translator('en');

  it('is grey and says so when the page shows no paper, or never reported', () => {
    expect(toolbarFor(undefined, en)).toEqual({ icon: 'idle', title: 'Erratum: no paper detected on this page' });
    expect(toolbarFor({ papers: [] }, en).icon).toBe('idle');
  });

  it('is in colour and names the paper the page shows', () => {
    expect(toolbarFor({ papers: [{ name: 'Attention Is All You Need' }] }, en)).toEqual({
      icon: 'found',
      title: 'Erratum: paper found on this page: Attention Is All You Need',
    });
  });

  it('counts the entries of a list page', () => {
    const papers = [{ name: 'One' }, { name: 'Two' }, { name: null }];
    expect(toolbarFor({ papers }, en).title).toBe('Erratum: 3 papers found on this page');
  });

  it('keeps a long title to a tooltip’s length, on one line', () => {
    const name = `A ${'very '.repeat(40)}long\ntitle`;
    const { title } = toolbarFor({ papers: [{ name }] }, en);
    expect(title).not.toContain('\n');
    expect(title.endsWith('…')).toBe(true);
    expect(title.length).toBeLessThan(130);
  });

  it('speaks Japanese', () => {
    expect(toolbarFor({ papers: [{ name: '深層学習' }] }, translator('ja')).title).toBe(
      'Erratum: このページの論文: 深層学習',
    );
  });

  it('points at icons that exist in both states', () => {
    expect(iconPaths('found')).toEqual({ 16: '/icon/16.png', 32: '/icon/32.png' });
    expect(iconPaths('idle')).toEqual({ 16: '/icon-idle/16.png', 32: '/icon-idle/32.png' });
  });
});
