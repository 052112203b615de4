/**
 * A PowerShell transcript's header or footer (Start-Transcript) around a pasted output: a rule of
 * stars, lines of its own (`Windows PowerShell transcript start`, `Start time: …`, `Username: …`,
 * `PSVersion: …`), a rule of stars; after the header, the line naming the transcript's file
 * (`Transcript started, output file is C:\…`). Told by that frame, not by its words (a localised
 * PowerShell translates them, assumed): the closing rule comes within a few lines and nothing between
 * is the output's own. The shape is PowerShell 5.1's (a real header: search index file id
 * 67122445850, read in route-print-pasted.test.ts).
 */

export const isStarRule = (t: string): boolean => /^\*{10,}$/.test(t);

/** A transcript's header holds some 16 lines between its rules; a few more are allowed for. */
const FRAME_LINES = 24;

/**
 * The index of the frame's last line (its closing rule, or the file's line after it) when the star
 * rule at `i` opens one, else -1 (a person's line of stars is then read as before). `inFrame`: a line
 * the output itself never prints (words, or a label and its value); `ofOutput`: a line of the output.
 */
export function transcriptFrameEnd(count: number, lineAt: (j: number) => string, i: number, inFrame: (t: string) => boolean, ofOutput: (t: string) => boolean): number {
  for (let j = i + 1; j < count && j <= i + FRAME_LINES; j++) {
    const t = lineAt(j).trim();
    if (isStarRule(t)) {
      if (j === i + 1) return -1;
      const after = j + 1 < count ? lineAt(j + 1).trim() : '';
      // the file Start-Transcript names: a path, and nothing of the output
      return /[A-Za-z]:\\\S/.test(after) && !ofOutput(after) ? j + 1 : j;
    }
    if (t !== '' && !inFrame(t)) return -1;
  }
  return -1;
}
