import { describe, expect, it } from 'vitest';
import { parseAuthorName, sameAuthors, splitAuthorList, stripMarkers } from '../../../lib/extract/authors';

describe('parseAuthorName', () => {
  it('turns "Family, Given" into the name a reader sees', () => {
    expect(parseAuthorName('Lovelace, Ada')).toEqual({
      name: 'Ada Lovelace',
      given: 'Ada',
      family: 'Lovelace',
      affiliations: [],
    });
    expect(parseAuthorName('Le Scao, Teven')).toMatchObject({ name: 'Teven Le Scao', family: 'Le Scao' });
  });

  it('keeps "Given Family" as written', () => {
    expect(parseAuthorName('  Chitta Ranjan  Patra ')).toEqual({
      name: 'Chitta Ranjan Patra',
      given: 'Chitta Ranjan',
      family: 'Patra',
      affiliations: [],
    });
  });

  it('keeps a generational suffix with the family name', () => {
    expect(parseAuthorName('Driggers III, William B.')).toMatchObject({
      name: 'William B. Driggers III',
      family: 'Driggers III',
    });
    expect(parseAuthorName('William B. Driggers III')).toMatchObject({ family: 'Driggers III', given: 'William B.' });
  });

  it('drops affiliation markers glued to a displayed name', () => {
    expect(parseAuthorName('T. Nomura1,*').name).toBe('T. Nomura');
    expect(stripMarkers('Jong-Ho Kim⊥#')).toBe('Jong-Ho Kim');
    expect(stripMarkers('Rahul Nandkishore1')).toBe('Rahul Nandkishore');
  });

  it('keeps a one-word name whole', () => {
    expect(parseAuthorName('Anonymous')).toEqual({ name: 'Anonymous', affiliations: [] });
  });
});

describe('splitAuthorList', () => {
  it('splits semicolon lists, keeping "Family, Given" names together', () => {
    expect(splitAuthorList('Bushong, Jacob T.; Arnall, D. Brian;')).toEqual(['Bushong, Jacob T.', 'Arnall, D. Brian']);
  });

  it('splits comma lists with a final "and"', () => {
    expect(splitAuthorList('Rodrigo C.V. Pinto, Ricardo A. Medronho, and  Leda R. Castilho')).toEqual([
      'Rodrigo C.V. Pinto',
      'Ricardo A. Medronho',
      'Leda R. Castilho',
    ]);
  });
});

describe('sameAuthors', () => {
  it('compares people and order, not spelling of given names', () => {
    const a = [parseAuthorName('Alexander M. Rush'), parseAuthorName('Teven Le Scao')];
    expect(sameAuthors(a, [parseAuthorName('Alexander Rush'), parseAuthorName('Le Scao, Teven')])).toBe(true);
    expect(sameAuthors(a, [a[1]!, a[0]!])).toBe(false);
    expect(sameAuthors(a, a.slice(0, 1))).toBe(false);
  });
});
