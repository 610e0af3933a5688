import { z } from 'zod';

/** A problem in `--json` output. */
export const problemSchema = z
  .object({
    message: z.string().describe('One line: where, what was expected, what was received.'),
    file: z.string().optional().describe('The file the problem is in.'),
    line: z.number().int().min(1).optional(),
    column: z.number().int().min(1).optional(),
  })
  .strict();

/**
 * What `--json` prints for every command: the command, its exit code, its report (null when it
 * failed before it had one, e.g. on bad input), and the problems and warnings that the text
 * output prints on stderr. New fields may be added; existing ones keep their meaning.
 */
export function envelopeSchema<R extends z.ZodType>(command: string, report: R) {
  return z
    .object({
      command: z.literal(command),
      exitCode: z.number().int().min(0).max(255),
      report: report.nullable(),
      problems: z.array(problemSchema),
      warnings: z.array(problemSchema),
    })
    .strict();
}
