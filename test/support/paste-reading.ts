import { explainServerLogs } from '../../app/core/diagnose/server-log';
import { engineT } from '../../app/core/i18n';
import { parseServerLog } from '../../app/core/parse/server-log';

const t = engineT('en');

/** What a paste reads as, for comparing a copy with its original: records understood and not, and the findings by id. */
export const pasteReading = (text: string) => {
  const r = parseServerLog(text);
  return { understood: r.understood, unknown: r.unknown, findings: explainServerLogs([r], t).findings.map((f) => f.id).sort() };
};
