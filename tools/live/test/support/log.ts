/** A figure line of the live suite, greppable in the test output. */
export const log = (line: string) => console.log(`[live] ${line}`);
