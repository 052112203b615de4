/** A character code of 0–9: the hot paths test codes, never cut one-character strings (one definition for the parser's modules). */
export const isDigit = (c: number): boolean => c >= 48 && c <= 57;
