/** Known names as one case-folded, trie-shaped regex (redact.ts's name patterns). */

/**
 * Every spelling of a character that case-insensitive matching may equate with it: its lower and
 * upper case and theirs ("ſ" → "S" → "s"); the Turkish i's other forms are beyond ASCII and so
 * always searched (TextShape.beyondAscii).
 */
export function caseVariants(ch: string): string[] {
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  return [ch, lower, upper, upper.toLowerCase(), lower.toUpperCase()];
}

/**
 * The key a name is known by: case-insensitive, and the Turkish i folded — İ (U+0130), I, ı
 * (U+0131) and i are one letter, because Windows, a user and a Turkish keyboard spell the same
 * name with any of them ("İSTANBUL-PC", "istanbul-pc"), and JavaScript's case-insensitive regex
 * does not equate İ with i.
 */
export function foldName(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/i\u0307/g, 'i').replace(/ı/g, 'i');
}

/** The regex for one folded character: each i matches every Turkish i (with a combining dot or not). */
function charPattern(folded: string): string {
  return escapeRegExp(folded).replace(/i/g, '(?:[iIıİ]\\u0307?)');
}

interface NameTrie {
  end: boolean;
  next: Map<string, NameTrie>;
}

/**
 * All names as one regex shaped like a trie ("host0(?:0(?:1|2)|1…)"): a flat alternation of
 * 5 000 LMHOSTS names made the engine try every name at every position of every text (80 s for a
 * 20 000-route report). Longer names still win over their prefixes ("corp.example.com" over
 * "corp"): an optional tail is greedy and is given up only when the longer name does not end there.
 */
export function namesPattern(folded: Iterable<string>): string {
  const root: NameTrie = { end: false, next: new Map() };
  for (const name of folded) {
    let node = root;
    for (const ch of name) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  const emit = (node: NameTrie): string => {
    const branches = [...node.next].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([ch, child]) => charPattern(ch) + emit(child));
    if (branches.length === 0) return '';
    const body = branches.length === 1 && !node.end ? branches[0]! : `(?:${branches.join('|')})`;
    return node.end ? `${body}?` : body;
  };
  return emit(root);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
