import type { PageReachRequest } from '@/lib/background/page-reach';
import type { RequestHandlers } from '@/lib/background/router';

const unreached = async (): Promise<never> => {
  throw new Error('not under test');
};

/** The page/* handlers for tests of the other requests: they have tests of their own (page-detected.test.ts). */
export const NO_PAGE_REACH: Pick<RequestHandlers, PageReachRequest> = {
  'page/detected': unreached,
  'page/state': unreached,
  'page/correct': unreached,
};
