import { z } from 'zod';

// Every module that builds zod schemas imports `z` from here, so this runs before the first
// schema exists. zod 4 decides at each object schema's creation whether to compile a parser with
// `new Function`, probing first whether eval is allowed; our extension pages and worker forbid it
// (CSP `script-src 'self'`), so every probe was reported as a CSP violation ("eval") in each page
// that parses. Jitless parsing needs no eval and never probes. (docs/security.md)
z.config({ jitless: true });

export { z };
