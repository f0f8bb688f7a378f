import { z } from 'zod';
import { method, reads } from './define';

export type PrintOutcome = { saved: true; path: string } | { saved: false };

/**
 * Saving the current window as PDF. Only a file name is suggested here: the folder and final
 * name come from a save dialog shown by main, never from the page.
 */
export const printContract = {
  'print.savePdf': method<PrintOutcome>()(
    z
      .object({
        suggestedName: z
          .string()
          .trim()
          .min(1)
          .max(120)
          .regex(/^[^<>:"/\\|?*]+$/, 'may not contain < > : " / \\ | ? *'),
        landscape: z.boolean().default(false),
      })
      .strict(),
    reads('book.read'),
  ),
};
