import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileReplace } from '../lib/changes';
import { diffCounts, diffLines, hunks, type DiffLine } from '../lib/lineDiff';

function Row({ line }: { line: DiffLine }) {
  const { t } = useTranslation();
  const sign = line.kind === 'added' ? '+' : line.kind === 'removed' ? '−' : '';
  return (
    <tr className={`diff-${line.kind}`}>
      <td className="diff-no">{line.kind !== 'added' ? line.oldNo : ''}</td>
      <td className="diff-no">{line.kind !== 'removed' ? line.newNo : ''}</td>
      <td className="diff-sign">
        <span aria-hidden="true">{sign}</span>
        <span className="visually-hidden">{t(`diff.${line.kind}`)}</span>
      </td>
      <td className="diff-text">{line.text === '' ? ' ' : line.text}</td>
    </tr>
  );
}

/** The file before → after as a diff: unchanged runs collapsed (expandable), added lines marked +. */
export function FileDiff({ action }: { action: FileReplace }) {
  const { t } = useTranslation();
  const id = useId();
  const diff = useMemo(() => diffLines(action.previous, action.content), [action.previous, action.content]);
  const parts = useMemo(() => hunks(diff), [diff]);
  const [open, setOpen] = useState<Set<number>>(new Set());
  const { added, removed } = diffCounts(diff);
  const fileName = t(`changes.file.${action.path.kind}`, { defaultValue: action.path.kind });
  return (
    <div className="file-diff" data-testid="file-diff">
      <p className="diff-head">
        <span className="mono">{fileName}</span>
        <span className="small muted">{t('diff.counts', { count: added, removed })}</span>
      </p>
      <div className="table-wrap diff-wrap" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
        <table className="diff">
          <caption id={`${id}-caption`} className="visually-hidden">
            {t('diff.caption', { file: fileName })}
          </caption>
          <thead className="diff-cols">
            <tr>
              <th scope="col">{t('diff.oldLine')}</th>
              <th scope="col">{t('diff.newLine')}</th>
              <th scope="col"><span className="visually-hidden">{t('diff.change')}</span></th>
              <th scope="col">{t('diff.text')}</th>
            </tr>
          </thead>
          {parts.map((part, i) =>
            part.kind === 'lines' || open.has(i) ? (
              <tbody key={i}>
                {part.lines.map((line, k) => (
                  <Row key={k} line={line} />
                ))}
              </tbody>
            ) : (
              <tbody key={i}>
                <tr className="diff-gap">
                  <td colSpan={4}>
                    <button type="button" className="diff-expand" onClick={() => setOpen(new Set(open).add(i))}>
                      {t('diff.unchanged', { count: part.count })}
                    </button>
                  </td>
                </tr>
              </tbody>
            ),
          )}
        </table>
      </div>
      <p className="small muted diff-keeps">{t('diff.keeps', { encoding: action.encoding, endings: t(`diff.endings.${action.lineEnding}`) })}</p>
    </div>
  );
}

