import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Progress } from '../../../app/shared/ipc';
import { currentLanguage } from '../i18n';

const MB = 1_000_000;
const formats = new Map<string, Intl.NumberFormat>();

/** Megabytes as a person reads them: one decimal under 10 MB (a 3.4 MB file is not "3 of 3"), whole ones above. */
export function megabytes(bytes: number, totalBytes: number, language: string): string {
  const digits = totalBytes < 10 * MB ? 1 : 0;
  const key = `${language}|${digits}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits })));
  return format.format(bytes / MB);
}

/**
 * "Reading syslog.1 … 12 of 50 MB" and a bar while main reads a big log file in full (progress phase `read`: bytes of the file's
 * size). A native <progress>: role progressbar, its value and maximum given to screen readers by the browser, and the sentence
 * as its aria-valuetext, so it is read in the person's words rather than as a bare percentage. Not a live region: ten updates a
 * second would drown a screen reader; the result is announced by the panel's status when it comes.
 */
export function ReadProgress({ progress }: { progress: Progress }) {
  const { t } = useTranslation();
  const id = useId();
  const language = currentLanguage();
  const text = t('serverLog.readingFile', { file: progress.label, read: megabytes(progress.step, progress.total, language), total: megabytes(progress.total, progress.total, language) });
  return (
    <div className="server-log-progress" data-testid="server-log-progress">
      <p id={id} className="small">
        {text}
      </p>
      <progress className="progress" max={progress.total || 1} value={progress.step} aria-labelledby={id} aria-valuetext={text} />
    </div>
  );
}
