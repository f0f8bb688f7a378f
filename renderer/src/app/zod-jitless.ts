import { z } from 'zod';

// Imported first by main.tsx, before any schema is used. zod would otherwise probe whether it may
// compile validators with `new Function`, and the window's CSP (no 'unsafe-eval') reports each
// probe as a violation. z.config merges, so the locale set later keeps this.
z.config({ jitless: true });
