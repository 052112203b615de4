/** `text` as a regex source that matches exactly that text (the characters regex syntax gives a meaning escaped). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
