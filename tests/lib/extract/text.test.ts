import { describe, expect, it } from 'vitest';
import {
  cleanText,
  collapseWhitespace,
  comparisonKey,
  comparisonKeyStart,
  decodeEntities,
  firstKeyChar,
  visibleText,
} from '../../../lib/extract/text';
import { page } from './page';

describe('cleanText', () => {
  it('decodes entities, collapses whitespace, drops zero-width characters', () => {
    expect(cleanText('  Caf&eacute;&#8203;  au\u00a0lait &amp; &#x2014; done\u200b ')).toBe(
      'Caf&eacute; au lait & — done',
    );
    expect(cleanText('Mo&#776;ller')).toBe('Möller'); // NFC: o + combining diaeresis -> ö
  });

  it('keeps the text of escaped inline markup and drops the tags', () => {
    expect(cleanText('Water on H&lt;sub&gt;2&lt;/sub&gt;O &lt;i&gt;in vivo&lt;/i&gt;')).toBe('Water on H2O in vivo');
    expect(cleanText('&lt;h3&gt;ABSTRACT&lt;/h3&gt; &lt;p&gt;An outbreak')).toBe('ABSTRACT An outbreak');
  });

  it('leaves angle brackets that are not markup alone', () => {
    expect(cleanText('When a <b and c> d')).toBe('When a <b and c> d');
  });

  it('gives null for nothing', () => {
    expect(cleanText('  \u200b ')).toBeNull();
    expect(cleanText(null)).toBeNull();
    expect(cleanText(undefined)).toBeNull();
  });
});

describe('collapseWhitespace', () => {
  it('trims, collapses runs of any whitespace and drops zero-width characters', () => {
    expect(collapseWhitespace('Ada Lovelace')).toBe('Ada Lovelace');
    expect(collapseWhitespace('\n      Ada Lovelace\n    ')).toBe('Ada Lovelace');
    expect(collapseWhitespace('Ada\u00a0 \tLovelace')).toBe('Ada Lovelace');
    expect(collapseWhitespace('\u200b Ada Love\u00adlace\ufeff ')).toBe('Ada Lovelace');
    expect(collapseWhitespace(' \u2028 ')).toBe('');
  });
});

describe('decodeEntities', () => {
  it('decodes double-escaped references once more, and leaves unknown ones', () => {
    expect(decodeEntities('&amp;lt;i&amp;gt;')).toBe('<i>');
    expect(decodeEntities('&bogus; &#0;')).toBe('&bogus; &#0;');
  });
});

describe('visibleText', () => {
  it('keeps sub/superscripts and italics as text, skips scripts, styles and MathML', () => {
    const doc = page(
      '<p id="t">H<sub>2</sub>O and <i>E. coli</i> <script>var x = 1</script><style>p{}</style><math><mi>x</mi></math> at 10<sup>3</sup>&#8203;K</p>',
    );
    expect(visibleText(doc.getElementById('t'))).toBe('H2O and E. coli at 103K');
  });

  it('separates block elements and collapses whitespace', () => {
    const doc = page('<div id="t"><p>First\n\n  line</p><p>Second</p></div>');
    expect(visibleText(doc.getElementById('t'))).toBe('First line Second');
  });

  it('gives an empty string for no element', () => {
    expect(visibleText(null)).toBe('');
  });
});

describe('comparisonKey', () => {
  it('makes spellings a person calls the same text equal', () => {
    expect(comparisonKey('Schrödinger’s  “cat”.')).toBe(comparisonKey('Schrodinger\'s "cat"'));
    expect(comparisonKey('A')).not.toBe(comparisonKey('B'));
  });
});

describe('firstKeyChar', () => {
  it("gives the comparison key's first character, or undefined when a non-ASCII character decides it", () => {
    for (const text of [
      'Ada Lovelace',
      '  (12) Journal',
      '“Quoted”',
      '-- ',
      '',
      'İstanbul',
      '\u212avelvin',
      'a\u0301b',
    ])
      expect([undefined, comparisonKey(text)[0] ?? '']).toContain(firstKeyChar(text));
    expect(firstKeyChar('Ada Lovelace')).toBe('a');
    expect(firstKeyChar('  (12) Journal')).toBe('1');
    expect(firstKeyChar('-- ')).toBe('');
    expect(firstKeyChar('İstanbul')).toBeUndefined();
  });
});

describe('comparisonKeyStart', () => {
  it('is the opening of the whole key, read from the opening of the text', () => {
    const abstract = `${'Ünïcode “quotes” and ΑΣ Σ words. '.repeat(40)}tail`;
    for (const length of [1, 5, 200, 5000]) {
      expect(comparisonKeyStart(abstract, length)).toBe(comparisonKey(abstract).slice(0, length));
    }
  });
});
