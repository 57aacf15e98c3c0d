import { describe, expect, it } from 'vitest';
import { isPlaceholderDate, toIsoDate } from '../../../lib/extract/dates';

describe('toIsoDate', () => {
  it.each([
    ['2019/03/05', '2019-03-05'],
    ['2019-3-5', '2019-03-05'],
    ['2014/6/26', '2014-06-26'],
    ['2019-03', '2019-03'],
    ['2019', '2019'],
    ['2020-09-10T08:00:00Z', '2020-09-10'],
    ['5 March 2019', '2019-03-05'],
    ['02 May 2016', '2016-05-02'],
    ['March 5, 2019', '2019-03-05'],
    ['Dec 20, 2006', '2006-12-20'],
    ['Sept. 2020', '2020-09'],
    ['Mar 2019', '2019-03'],
    ['2012 Nov 26', '2012-11-26'],
    // NLM citations (PubMed, PMC) write the year first and run on into volume and pages.
    ['2015 May 28', '2015-05-28'],
    ['2015 May 28;521(7553):436-44', '2015-05-28'],
    ['2017 Aug', '2017-08'],
    ['2019-03-05 10:00:00', '2019-03-05'],
    ['2008 January', '2008-01'],
    ['12/17/2018', '2018-12-17'],
    ['25/12/2018', '2018-12-25'],
    ['2025年7月', '2025-07'],
    ['2025年4月3日', '2025-04-03'],
  ])('%s -> %s', (raw, date) => {
    expect(toIsoDate(raw)).toEqual({ date, year: Number(date.slice(0, 4)) });
  });

  it('keeps the year when the day cannot exist', () => {
    expect(toIsoDate('2019-02-30')).toEqual({ date: '2019-02', year: 2019 });
  });

  it('gives nothing for text that is not a date', () => {
    expect(toIsoDate('')).toEqual({ date: null, year: null });
    expect(toIsoDate('forthcoming')).toEqual({ date: null, year: null });
    expect(toIsoDate('0099-01-01')).toEqual({ date: null, year: null });
  });
});

describe('isPlaceholderDate', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  it('flags the epoch and the future', () => {
    expect(isPlaceholderDate('1970-01-01', now)).toBe(true);
    expect(isPlaceholderDate('2031', now)).toBe(true);
    expect(isPlaceholderDate('2026-12-25', now)).toBe(true);
  });
  it('accepts real dates', () => {
    expect(isPlaceholderDate('2026-11-23', now)).toBe(false);
    expect(isPlaceholderDate('1926', now)).toBe(false);
  });
});
