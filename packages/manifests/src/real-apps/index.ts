import { danielsmith } from './danielsmith.js';
import { dspace } from './dspace.js';
import { jobbot3000 } from './jobbot3000.js';
import { tokenplace } from './tokenplace.js';

export { danielsmith, dspace, jobbot3000, tokenplace };

/** The four apps the Sugarkube clusters run, as descriptors (see shared/apps/apps.md for the evidence). */
export const realApps = { tokenplace, dspace, danielsmith, jobbot3000 } as const;
