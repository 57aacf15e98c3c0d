import { EndpointUrlSchema } from './correction';
import { z } from './zod';

export const SettingsSchema = z.object({
  /** Where corrections are delivered; empty until the user configures one. */
  endpointUrl: z.union([z.literal(''), EndpointUrlSchema]),
  /** Sent as `Authorization: Bearer`; lives only in extension pages and the worker. */
  token: z.string().max(4000),
  submitter: z.object({ name: z.string().max(300), email: z.string().max(300) }),
  /** Site adapter ids (or 'generic') on which no controls are shown. */
  disabledSites: z.array(z.string().max(100)).max(200),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  endpointUrl: '',
  token: '',
  submitter: { name: '', email: '' },
  disabledSites: [],
};
