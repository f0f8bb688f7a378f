/**
 * A LIKE pattern matching `text` anywhere. LIKE's wildcards are dropped from what the user typed
 * rather than escaped: nobody searches a loan book for a literal "%".
 */
export function likePattern(text: string): string {
  return `%${text.replace(/[%_]/g, '')}%`;
}
